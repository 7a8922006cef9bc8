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
        let (x, y) = (bounds, other.bounds)
        if x.upper != y.upper { return x.upper > y.upper }
        if x.lower != y.lower { return x.lower > y.lower }
        return steps.count > other.steps.count
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
        var index: [String: Int] = [:]
        for (i, step) in flow.enumerated() where index[step.name] == nil { index[step.name] = i }

        enum Mark { case onStack, done(FlowPath?) }
        var marks = [Mark?](repeating: nil, count: flow.count)
        var stack: [Int] = []
        var timedCycle = false

        func weight(_ step: FlowStep) -> (w: Int, c: Int) {
            guard step.isTimed, let limit = step.timeLimit else { return (0, 0) }
            switch limit {
            case .immediate: return (0, 0)
            case .workingDays(let n): return (n, 0)
            case .calendarDays(let n): return (0, n)
            }
        }
        func visit(_ i: Int) -> FlowPath? {
            if case .done(let p)? = marks[i] { return p }
            marks[i] = .onStack
            stack.append(i)
            defer { stack.removeLast() }
            let step = flow[i]
            var best: FlowPath? = nil
            for t in step.transitions {
                guard let j = index[t.target] else { continue }
                if case .onStack? = marks[j] {
                    // A back edge: fine when the loop it closes stops the clock somewhere.
                    let loop = stack[stack.lastIndex(of: j)!...]
                    if !loop.contains(where: { !flow[$0].isTimed }) { timedCycle = true }
                    continue
                }
                if let p = visit(j), best.map({ p.isLonger(than: $0) }) ?? true { best = p }
            }
            let (w, c) = weight(step)
            var result: FlowPath? = nil
            if let b = best {
                result = FlowPath(
                    steps: [step.name] + b.steps, workingDays: b.workingDays + w,
                    calendarDays: b.calendarDays + c)
            } else if step.outcome == .granted {
                result = FlowPath(steps: [step.name], workingDays: w, calendarDays: c)
            }
            marks[i] = .done(result)
            return result
        }
        let path = visit(index[start]!)
        return timedCycle ? nil : path
    }
}
