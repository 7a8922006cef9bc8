/// A path through an item's flow, with the time its timed steps take.
public struct FlowPath: Codable, Sendable, Equatable {
    /// The steps' names, from the start.
    public var steps: [String]
    /// Working days summed over the path's timed steps.
    public var workingDays: Int
    /// Calendar days summed over the path's timed steps.
    public var calendarDays: Int

    public init(steps: [String], workingDays: Int, calendarDays: Int) {
        self.steps = steps
        self.workingDays = workingDays
        self.calendarDays = calendarDays
    }

    /// The path's duration as one limit where it uses one unit; `nil` when it mixes
    /// working and calendar days.
    public var duration: TimeLimit? {
        switch (workingDays, calendarDays) {
        case (0, 0): .immediate
        case (let w, 0): .workingDays(w)
        case (0, let c): .calendarDays(c)
        default: nil
        }
    }

    /// Calendar days the path may span, at least and at most.
    public var bounds: (lower: Int, upper: Int) {
        let w = TimeLimit.workingDays(workingDays).bounds
        return workingDays == 0
            ? (calendarDays, calendarDays) : (w.lower + calendarDays, w.upper + calendarDays)
    }

    /// The path of a single step (or item) that takes `limit`.
    public init(step: String, limit: TimeLimit?) {
        switch limit {
        case .workingDays(let n)?: self.init(steps: [step], workingDays: n, calendarDays: 0)
        case .calendarDays(let n)?: self.init(steps: [step], workingDays: 0, calendarDays: n)
        default: self.init(steps: [step], workingDays: 0, calendarDays: 0)
        }
    }

    /// This path followed by `next`.
    public func then(_ next: FlowPath) -> FlowPath {
        FlowPath(steps: steps + next.steps, workingDays: workingDays + next.workingDays, calendarDays: calendarDays + next.calendarDays)
    }

    /// True when this path may take longer than `other`: ordered by the most calendar
    /// days it may span, then the fewest, then by length. Used to pick the longest of
    /// several branches.
    public func isLonger(than other: FlowPath) -> Bool {
        Self.isLonger((workingDays, calendarDays, steps.count), than: (other.workingDays, other.calendarDays, other.steps.count))
    }

    /// The ordering of ``isLonger(than:)`` over (working days, calendar days, steps).
    static func isLonger(_ a: (w: Int, c: Int, n: Int), than b: (w: Int, c: Int, n: Int)) -> Bool {
        let x = FlowPath(steps: [], workingDays: a.w, calendarDays: a.c).bounds
        let y = FlowPath(steps: [], workingDays: b.w, calendarDays: b.c).bounds
        if x.upper != y.upper { return x.upper > y.upper }
        if x.lower != y.lower { return x.lower > y.lower }
        return a.n > b.n
    }

    /// The path's duration in words, e.g. 10个工作日 or 8个工作日 + 5日.
    public var text: String {
        duration?.text ?? "\(workingDays)个工作日 + \(calendarDays)日"
    }

    /// Compares the path's duration with a limit, conservatively (see ``TimeLimit/compare(to:)``).
    public func compare(to limit: TimeLimit) -> TimeLimit.Comparison {
        if let d = duration { return d.compare(to: limit) }
        let b = bounds, l = limit.bounds
        if b.upper < l.lower { return .shorter }
        if b.lower > l.upper { return .longer }
        return .undecided
    }
}

extension Item {
    /// The critical path: the longest path, by the time of its timed steps, from the first
    /// step to a step that ends with 准予. A step with 计时: 否 takes no time but stays on the
    /// path (a mandatory 专家评审 does not cut the flow); an edge that closes a loop through
    /// such a step (补正 back to 受理) is not followed. `nil` when no 准予 end is reachable,
    /// or when a loop has no untimed step (the compiler reports that on its own).
    public func criticalPath() -> FlowPath? {
        guard let start = flow.first?.name else { return nil }
        let index = StepIndex(flow)

        // A depth-first walk with its own stack, not recursion, so a flow of many thousand
        // steps costs no call stack; paths are kept as totals and the next step, not copied.
        struct Best { var w: Int, c: Int, count: Int, next: Int? }
        enum Mark { case onStack(Int), done(Best?) }
        struct Frame { var step: Int, edge = 0, best: (path: Best, via: Int)? = nil, untimedSoFar: Int }
        var marks = [Mark?](repeating: nil, count: flow.count)
        var frames: [Frame] = []
        var timedCycle = false

        func weight(_ step: FlowStep) -> (w: Int, c: Int) {
            guard step.isTimed, let limit = step.timeLimit else { return (0, 0) }
            switch limit {
            case .immediate: return (0, 0)
            case .workingDays(let n): return (n, 0)
            case .calendarDays(let n): return (0, n)
            }
        }
        func longer(_ a: Best, than b: Best) -> Bool {
            FlowPath.isLonger((a.w, a.c, a.count), than: (b.w, b.c, b.count))
        }
        func push(_ i: Int) {
            marks[i] = .onStack(frames.count)
            frames.append(Frame(step: i, untimedSoFar: (frames.last?.untimedSoFar ?? 0) + (flow[i].isTimed ? 0 : 1)))
        }
        func offer(_ path: Best?, via j: Int) {
            guard let path, let f = frames.indices.last else { return }
            if frames[f].best.map({ longer(path, than: $0.path) }) ?? true { frames[f].best = (path, j) }
        }

        let first = index.first(start)!
        push(first)
        var result: Best? = nil
        while let top = frames.last {
            let step = flow[top.step]
            if top.edge < step.transitions.count {
                frames[frames.count - 1].edge += 1
                guard let j = index.first(step.transitions[top.edge].target) else { continue }
                switch marks[j] {
                case .onStack(let position)?:
                    // A back edge: fine when the loop it closes stops the clock somewhere.
                    let before = position > 0 ? frames[position - 1].untimedSoFar : 0
                    if top.untimedSoFar == before { timedCycle = true }
                case .done(let path)?:
                    offer(path, via: j)
                case nil:
                    push(j)
                }
                continue
            }
            let (w, c) = weight(step)
            var mine: Best? = nil
            if let (b, j) = top.best {
                mine = Best(w: b.w + w, c: b.c + c, count: b.count + 1, next: j)
            } else if step.outcome == .granted {
                mine = Best(w: w, c: c, count: 1, next: nil)
            }
            marks[top.step] = .done(mine)
            frames.removeLast()
            if frames.isEmpty { result = mine } else { offer(mine, via: top.step) }
        }
        guard !timedCycle, let best = result else { return nil }
        var steps = [flow[first].name]
        var next = best.next
        while let j = next, case .done(let b?)? = marks[j] {
            steps.append(flow[j].name)
            next = b.next
        }
        return FlowPath(steps: steps, workingDays: best.w, calendarDays: best.c)
    }
}
