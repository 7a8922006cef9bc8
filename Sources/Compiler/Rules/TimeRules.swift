import Catalog
import Diagnostics

/// 承诺 ≤ 法定, the 内控线, 即办件 ⇔ 承诺 即办, and the critical path against 承诺.
struct TimeRules {
    let internalControlLine: Ratio?

    func check(_ bound: BoundItem, _ reporter: inout Reporter) {
        let item = bound.item, spans = bound.spans
        let limits = item.timeLimits ?? TimeLimits()
        if let statutory = limits.statutory, let promised = limits.promised, let at = spans.promised {
            comparePromise(promised, with: statutory, at: at, statutoryAt: spans.statutory, in: .item, &reporter)
        }
        if let caseType = item.caseType, let promised = limits.promised {
            compareCaseType(caseType, promised, caseTypeAt: spans.caseType, promisedAt: spans.promised, in: .item, &reporter)
        }
        if let promised = limits.promised, promised != .immediate, let at = spans.promised {
            reportUntimedSteps(item.flow, spans, promised: promised, at: at, &reporter)
        }
        // Where steps apply only under some 情形, the whole flow's longest path may join
        // steps no applicant goes through together: ScenarioRules compares each 情形's.
        if let promised = limits.promised, let at = spans.promised, !item.flow.contains(where: { $0.applicability != nil }),
           let path = item.criticalPath() {
            comparePath(path, flow: item.flow, with: promised, at: at, spans, in: .item, &reporter)
        }
    }

    /// 即办件 ⇔ 承诺 即办 (ZN603): at the 承诺 when the case type is 即办件, else at the case type.
    func compareCaseType(
        _ caseType: CaseType, _ promised: TimeLimit, caseTypeAt: SourceRange?, promisedAt: SourceRange?, in scenario: ScenarioWords,
        notes: Bool = true, _ reporter: inout Reporter
    ) {
        let caseTypeNote = notes ? caseTypeAt : nil, promisedNote = notes ? promisedAt : nil
        if caseType == .immediate && promised != .immediate, let at = promisedAt {
            reporter.report(CompilerCodes.immediateMismatch, at: at,
                zh: scenario.zh + "即办件的承诺时限应为“即办”，这里是“\(promised.text)”",
                en: scenario.en + "a 即办件 promises 即办, not \(promised.text)",
                notes: caseTypeNote.map { [reporter.note($0, zh: "办件类型写在这里", en: "the case type is here")] } ?? [])
        } else if caseType != .immediate && promised == .immediate, let at = caseTypeAt {
            reporter.report(CompilerCodes.immediateMismatch, at: at,
                zh: scenario.zh + "承诺时限为“即办”的事项，办件类型应为即办件，这里是“\(caseType.rawValue)”",
                en: scenario.en + "an item that promises 即办 is a 即办件, not a \(caseType.rawValue)",
                notes: promisedNote.map { [reporter.note($0, zh: "承诺时限写在这里", en: "the promise is here")] } ?? [])
        }
    }

    /// 承诺 against 法定 (ZN601, ZN604) and the 内控线 (ZN602), reported at `at`; `scenario`
    /// names the 情形 when the limits are a 情形差异's.
    func comparePromise(
        _ promised: TimeLimit, with statutory: TimeLimit, at: SourceRange, statutoryAt: SourceRange?, in scenario: ScenarioWords,
        _ reporter: inout Reporter
    ) {
        let statutoryNote = statutoryAt.map {
            [reporter.note($0, zh: "法定时限“\(statutory.text)”写在这里", en: "the statutory limit \(statutory.text) is here")]
        } ?? []
        switch promised.compare(to: statutory) {
        case .longer:
            reporter.report(CompilerCodes.promiseExceedsStatute, at: at,
                zh: scenario.zh + "承诺时限“\(promised.text)”超过法定时限“\(statutory.text)”",
                en: scenario.en + "the promised limit \(promised.text) exceeds the statutory limit \(statutory.text)",
                notes: statutoryNote)
        case .undecided:
            reporter.report(CompilerCodes.undecidedComparison, at: at,
                zh: scenario.zh + "承诺时限“\(promised.text)”与法定时限“\(statutory.text)”计算方式不同，无法确定是否超过法定时限",
                en: scenario.en + "the promised limit \(promised.text) and the statutory limit \(statutory.text) count days differently, so whether the promise exceeds the statute cannot be decided",
                notes: statutoryNote)
        case .shorter, .equal:
            if let line = internalControlLine, statutory.days > 0, sameUnit(promised, statutory),
               promised.days * line.denominator > statutory.days * line.numerator {
                reporter.report(CompilerCodes.internalControlLine, at: at,
                    zh: scenario.zh + "承诺时限“\(promised.text)”超过法定时限“\(statutory.text)”的内控线 \(line.numerator)/\(line.denominator)（不超过 \(statutory.days * line.numerator / line.denominator) 天）",
                    en: scenario.en + "the promised limit \(promised.text) is above the internal control line of \(line.numerator)/\(line.denominator) of the statutory \(statutory.text) (at most \(statutory.days * line.numerator / line.denominator) days)",
                    notes: statutoryNote)
            }
        }
    }

    /// ZN605 (or ZN604) when `path` may not fit in `promised`, reported at `at`.
    func comparePath(
        _ path: FlowPath, flow: [FlowStep], with promised: TimeLimit, at: SourceRange, _ spans: ItemSpans, in scenario: ScenarioWords,
        _ reporter: inout Reporter
    ) {
        let comparison = path.compare(to: promised)
        guard comparison == .longer || comparison == .undecided else { return }
        // Spelt out only for the message.
        let limits = Dictionary(flow.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let route = path.steps.map { name -> String in
            guard let step = limits[name], step.isTimed, let t = step.timeLimit, t != .immediate else { return name }
            return "\(name)（\(t.text)）"
        }.joined(separator: " → ")
        let duration = path.text
        if comparison == .longer {
            reporter.report(CompilerCodes.criticalPathExceedsPromise, at: at,
                zh: scenario.zh + "按办理流程，关键路径需要 \(duration)，超过承诺时限“\(promised.text)”",
                en: scenario.en + "following the flow, the critical path takes \(duration), more than the promised \(promised.text)",
                notes: [pathNote(path, route, spans, &reporter)])
        } else {
            reporter.report(CompilerCodes.undecidedComparison, at: at,
                zh: scenario.zh + "关键路径需要 \(duration)，与承诺时限“\(promised.text)”计算方式不同，无法确定能否在承诺时限内办结",
                en: scenario.en + "the critical path takes \(duration), counted differently from the promised \(promised.text), so whether it fits cannot be decided",
                notes: [pathNote(path, route, spans, &reporter)])
        }
    }

    /// ZN606: timed steps on a way from the first step to 准予 that give no 时限, which the
    /// critical path counts as taking no time. The applicant's own steps and the ends are
    /// exempt: neither is the centre's working time.
    private func reportUntimedSteps(
        _ steps: [FlowStep], _ spans: ItemSpans, promised: TimeLimit, at promise: SourceRange, _ reporter: inout Reporter
    ) {
        guard !steps.isEmpty, spans.stepNames.count == steps.count else { return }
        let suspects = steps.indices.filter { i in
            let s = steps[i]
            return s.isTimed && s.timeLimit == nil && s.outcome == nil && !(s.role.map(StaffRules.applicantRoles.contains) ?? false)
        }
        guard !suspects.isEmpty else { return }
        let onTheWay = Self.stepsOnAWayToAGrant(steps)
        for i in suspects where onTheWay[i] {
            reporter.report(CompilerCodes.untimedStep, at: spans.stepNames[i],
                zh: "环节“\(steps[i].name)”没有写时限，关键路径把它算作不花时间，与承诺时限“\(promised.text)”的比较因此不可靠；请写“时限”（N个工作日、N日 或 即办），时间不计入办理时限的环节写“计时: 否”",
                en: "the step \"\(steps[i].name)\" has no 时限, so the critical path counts it as taking no time and its comparison with the promised \(promised.text) cannot be trusted; give its 时限 (N个工作日, N日 or 即办), or 计时: 否 if its time does not count",
                notes: [reporter.note(promise, zh: "承诺时限写在这里", en: "the promise is here")])
        }
    }

    /// Per step: whether it lies on a way from the first step to a step that ends with 准予.
    static func stepsOnAWayToAGrant(_ steps: [FlowStep]) -> [Bool] {
        let index = StepIndex(steps)
        var next = [[Int]](repeating: [], count: steps.count), previous = next
        for (i, s) in steps.enumerated() {
            for t in s.transitions { if let j = index.first(t.target) { next[i].append(j); previous[j].append(i) } }
        }
        func closure(from starts: [Int], along edges: [[Int]]) -> [Bool] {
            var seen = [Bool](repeating: false, count: steps.count), stack = starts
            for i in starts { seen[i] = true }
            while let i = stack.popLast() {
                for j in edges[i] where !seen[j] { seen[j] = true; stack.append(j) }
            }
            return seen
        }
        let fromStart = closure(from: [0], along: next)
        let toGrant = closure(from: steps.indices.filter { steps[$0].outcome == .granted }, along: previous)
        return steps.indices.map { fromStart[$0] && toGrant[$0] }
    }

    private func pathNote(_ path: FlowPath, _ route: String, _ spans: ItemSpans, _ reporter: inout Reporter) -> DiagnosticNote {
        let index = spans.stepNames.indices.first  // the start step
        return DiagnosticNote(
            LocalizedText(zh: "关键路径：\(route)", en: "critical path: \(route)"),
            at: index.map { reporter.span(spans.stepNames[$0]) })
    }

    private func sameUnit(_ a: TimeLimit, _ b: TimeLimit) -> Bool {
        switch (a, b) {
        case (.workingDays, .workingDays), (.calendarDays, .calendarDays), (.immediate, _): true
        default: false
        }
    }
}
