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
    /// step to a step that ends with 准予. Edges into a step with 计时: 否 are left out, since
    /// the clock stops there (补正 and the like). `nil` when no 准予 end is reachable that
    /// way, or when what remains still has a cycle.
    public func criticalPath() -> FlowPath? {
        guard let start = flow.first?.name else { return nil }
        var index: [String: Int] = [:]
        for (i, step) in flow.enumerated() where index[step.name] == nil { index[step.name] = i }

        // Longest path on a DAG by depth-first search with memoisation; a grey node seen
        // again means a timed cycle, which the compiler reports on its own.
        enum Mark { case grey, done(FlowPath?) }
        var marks = [Mark?](repeating: nil, count: flow.count)
        var cyclic = false

        func weight(_ step: FlowStep) -> (w: Int, c: Int) {
            guard step.isTimed, let limit = step.timeLimit else { return (0, 0) }
            switch limit {
            case .immediate: return (0, 0)
            case .workingDays(let n): return (n, 0)
            case .calendarDays(let n): return (0, n)
            }
        }
        func longer(_ a: FlowPath, than b: FlowPath) -> Bool {
            let (x, y) = (a.bounds, b.bounds)
            if x.upper != y.upper { return x.upper > y.upper }
            if x.lower != y.lower { return x.lower > y.lower }
            return a.steps.count > b.steps.count
        }
        func visit(_ i: Int) -> FlowPath? {
            switch marks[i] {
            case .grey?: cyclic = true; return nil
            case .done(let p)?: return p
            case nil: break
            }
            marks[i] = .grey
            let step = flow[i]
            var best: FlowPath? = nil
            for t in step.transitions {
                guard let j = index[t.target], flow[j].isTimed else { continue }
                if let p = visit(j), best.map({ longer(p, than: $0) }) ?? true { best = p }
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
        return cyclic ? nil : path
    }
}
