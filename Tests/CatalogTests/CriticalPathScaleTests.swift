import Testing

@testable import Catalog

/// `criticalPath()` on flows no officer writes but a hostile or broken file can hold: tens
/// of thousands of steps, and random graphs checked against the recursive definition it
/// replaced (which overflowed the stack on a 3,000-step flow and copied paths quadratically).
@Suite struct CriticalPathScaleTests {
    @Test func aHundredThousandStepChainNeedsNoDeepStack() {
        let n = 100_000
        var flow = (0..<n).map { FlowStep(name: "s\($0)", timeLimit: .workingDays(1), transitions: [Transition(target: "s\($0 + 1)")]) }
        flow.append(FlowStep(name: "s\(n)", outcome: .granted))
        let path = Item(code: "x", name: "x", type: "t", agencyID: "a", flow: flow).criticalPath()
        #expect(path?.steps.count == n + 1)
        #expect(path?.workingDays == n)
    }

    @Test func manyBackEdgesToTheStartStayLinear() {
        // Every step may go back to an untimed 补正 step next to the start.
        let n = 20_000
        var flow = [FlowStep(name: "s0", transitions: [Transition(target: "补正"), Transition(target: "s1")]),
                    FlowStep(name: "补正", isTimed: false, transitions: [Transition(target: "s0")])]
        for i in 1..<n {
            flow.append(FlowStep(name: "s\(i)", timeLimit: .calendarDays(2),
                                 transitions: [Transition(target: "补正"), Transition(target: "s\(i + 1)")]))
        }
        flow.append(FlowStep(name: "s\(n)", outcome: .granted))
        let path = Item(code: "x", name: "x", type: "t", agencyID: "a", flow: flow).criticalPath()
        #expect(path?.calendarDays == 2 * (n - 1))
    }

    @Test func agreesWithTheRecursiveDefinitionOnRandomFlows() {
        var rng = SplitMix(seed: 0x5eed)
        for _ in 0..<3000 {
            let n = Int(rng.next() % 9) + 1
            var flow: [FlowStep] = []
            for i in 0..<n {
                // Now and then a duplicate name.
                var step = FlowStep(name: rng.next() % 10 == 0 ? "s\(rng.next() % UInt64(n))" : "s\(i)")
                step.isTimed = rng.next() % 4 != 0
                switch rng.next() % 4 {
                case 0: step.timeLimit = .workingDays(Int(rng.next() % 20) + 1)
                case 1: step.timeLimit = .calendarDays(Int(rng.next() % 30) + 1)
                case 2: step.timeLimit = .immediate
                default: break
                }
                for _ in 0..<(rng.next() % 4) {
                    // Mostly forward, sometimes back or to a step that does not exist.
                    let forward = rng.next() % 4 != 0
                    let target = forward ? i + 1 + Int(rng.next() % 2) : Int(rng.next() % UInt64(n + 1))
                    step.transitions.append(Transition(target: "s\(target)"))
                }
                if step.transitions.isEmpty || rng.next() % 5 == 0 { step.outcome = rng.next() % 3 == 0 ? .refused : .granted }
                flow.append(step)
            }
            let item = Item(code: "x", name: "x", type: "t", agencyID: "a", flow: flow)
            let expected = Self.recursiveCriticalPath(flow)
            #expect(item.criticalPath() == expected, "\(flow)")
        }
    }

    /// The definition as it was first written: recursive, copying paths.
    static func recursiveCriticalPath(_ flow: [FlowStep]) -> FlowPath? {
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
        func longer(_ a: FlowPath, than b: FlowPath) -> Bool {
            let (x, y) = (a.bounds, b.bounds)
            if x.upper != y.upper { return x.upper > y.upper }
            if x.lower != y.lower { return x.lower > y.lower }
            return a.steps.count > b.steps.count
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
                    let loop = stack[stack.lastIndex(of: j)!...]
                    if !loop.contains(where: { !flow[$0].isTimed }) { timedCycle = true }
                    continue
                }
                if let p = visit(j), best.map({ longer(p, than: $0) }) ?? true { best = p }
            }
            let (w, c) = weight(step)
            var result: FlowPath? = nil
            if let b = best {
                result = FlowPath(steps: [step.name] + b.steps, workingDays: b.workingDays + w, calendarDays: b.calendarDays + c)
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

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
