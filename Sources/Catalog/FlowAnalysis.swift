/// A path through an item's flow, with the time its timed steps take.
public struct FlowPath: Sendable, Equatable {
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

        // The best path from each step is kept as its length, its time and the step after
        // it, not as an array of names: the names are gathered once, for the path chosen.
        struct Tail { var workingDays: Int, calendarDays: Int, length: Int, next: Int }
        enum Mark { case onStack, done(Tail?) }
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
        func bounds(_ t: Tail) -> (lower: Int, upper: Int) {
            FlowPath(steps: [], workingDays: t.workingDays, calendarDays: t.calendarDays).bounds
        }
        func longer(_ a: Tail, than b: Tail) -> Bool {
            let (x, y) = (bounds(a), bounds(b))
            if x.upper != y.upper { return x.upper > y.upper }
            if x.lower != y.lower { return x.lower > y.lower }
            return a.length > b.length
        }
        func visit(_ i: Int) -> Tail? {
            if case .done(let p)? = marks[i] { return p }
            marks[i] = .onStack
            stack.append(i)
            defer { stack.removeLast() }
            let step = flow[i]
            var best: Tail? = nil
            var bestNext = -1
            for t in step.transitions {
                guard let j = index.first(t.target) else { continue }
                if case .onStack? = marks[j] {
                    // A back edge: fine when the loop it closes stops the clock somewhere.
                    let loop = stack[stack.lastIndex(of: j)!...]
                    if !loop.contains(where: { !flow[$0].isTimed }) { timedCycle = true }
                    continue
                }
                if let p = visit(j), best.map({ longer(p, than: $0) }) ?? true {
                    best = p
                    bestNext = j
                }
            }
            let (w, c) = weight(step)
            var result: Tail? = nil
            if let b = best {
                result = Tail(
                    workingDays: b.workingDays + w, calendarDays: b.calendarDays + c, length: b.length + 1, next: bestNext)
            } else if step.outcome == .granted {
                result = Tail(workingDays: w, calendarDays: c, length: 1, next: -1)
            }
            marks[i] = .done(result)
            return result
        }
        let first = index.first(start)!
        guard let tail = visit(first), !timedCycle else { return nil }
        var steps: [String] = []
        steps.reserveCapacity(tail.length)
        var i = first
        while i >= 0 {
            steps.append(flow[i].name)
            guard case .done(let t?)? = marks[i] else { break }
            i = t.next
        }
        return FlowPath(steps: steps, workingDays: tail.workingDays, calendarDays: tail.calendarDays)
    }
}
