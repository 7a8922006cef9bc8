import Catalog
import Diagnostics

/// The checks of 情形 over a bound item: questions and options that change nothing (ZN836,
/// ZN837), a combination of answers with no material (ZN838), free-text 条件 where 适用情形
/// would do (ZN839), 情形差异 never used (ZN842) and their limits (ZN601–ZN604), and the flow
/// of each 情形 (ZN840, ZN605), with ZN841 where a bound stops a check.
struct ScenarioRules {
    let timeRules: TimeRules

    /// At most this many combinations of the questions steps and 情形差异 name are walked
    /// for the flow; beyond it ZN841 says the flow was not checked per 情形.
    static let scenarioLimit = 256
    /// At most this many assignments are tried in the search for a combination with no
    /// material (after the reductions ``emptyCombination(_:)`` describes); beyond it, ZN841.
    static let searchBudget = 100_000

    func check(_ bound: BoundItem, _ reporter: inout Reporter) {
        let item = bound.item, spans = bound.spans
        guard item.hasScenarios, spans.scenarios.questionIDs.count == item.questions.count else { return }
        freeTextConditions(item, spans, &reporter)
        unusedOptions(item, spans, &reporter)
        switch Self.emptyCombination(item) {
        case .none: break
        case .found(let answers):
            let words = ScenarioWords(answers.map { (item.questions[$0.question], [item.questions[$0.question].options[$0.option]]) })
            reporter.report(CompilerCodes.noMaterialsInScenario, at: spans.scenarios.materialsKey ?? spans.scenarios.key ?? spans.start,
                zh: "选择“\(words.bareZH)”的申请人不需要任何申请材料：每项材料的适用情形都不成立；请为该情形补上材料，或放宽某项材料的适用情形",
                en: "an applicant who answers \"\(words.bareEN)\" needs no material at all: no material's 适用情形 holds; add a material for that case, or widen a material's 适用情形",
                notes: answers.map { reporter.note(spans.scenarios.questionIDs[$0.question], zh: "问题“\(item.questions[$0.question].question)”在这里", en: "the question is here") })
        case .undecided(let questions):
            reporter.report(CompilerCodes.scenariosNotChecked, at: spans.scenarios.key ?? spans.start,
                zh: "问题 \(questions.joined(separator: "、")) 的选项组合太多，在检查上限（\(Self.searchBudget) 步）内未能确定每种组合是否都有申请材料",
                en: "the questions \(questions.joined(separator: ", ")) combine in too many ways to decide, within the check's bound (\(Self.searchBudget) steps), whether every combination has a material")
        }
        variants(item, spans, &reporter)
        ScenarioFlow(item: item, spans: spans, timeRules: timeRules).check(&reporter)
    }

    // MARK: ZN839

    /// A material with a free-text 条件 and no 适用情形, in an item that asks 情形: the YAML to
    /// write, with the option the 条件 names where one does (the longest found in its text).
    private func freeTextConditions(_ item: Item, _ spans: ItemSpans, _ reporter: inout Reporter) {
        for (i, m) in item.materials.enumerated() where m.applicability == nil {
            guard let condition = m.condition, i < spans.scenarios.materialConditions.count,
                  let at = spans.scenarios.materialConditions[i] else { continue }
            var best: (id: String, option: String)?
            for q in item.questions {
                for o in q.options where condition.contains(o) && o.count > (best?.option.count ?? 0) { best = (q.id, o) }
            }
            let q = item.questions[0]
            let yaml = "适用情形: {\(best?.id ?? q.id): \(ItemSkeleton.scalar(best?.option ?? q.options.first ?? "…", inFlow: true))}"
            let hint = best == nil ? ("（按实际情形改写编号和选项）", " (with the id and option that fit)") : ("", "")
            reporter.report(CompilerCodes.conditionWithoutApplicability, at: at,
                zh: "材料“\(m.name)”的条件“\(condition)”只是文字，问卷无法按它筛选；本事项有情形，请写“\(yaml)”\(hint.0)",
                en: "the 条件 of \"\(m.name)\" (\(condition)) is free text the questionnaire cannot filter by; the item asks 情形: write \(yaml)\(hint.1)")
        }
    }

    // MARK: ZN836, ZN837

    /// Every 适用情形 of the item: materials, conditions, fees, steps and 情形差异.
    static func applicabilities(of item: Item) -> [Applicability] {
        var all = item.materials.compactMap(\.applicability) + item.conditionApplicability.map(\.applicability)
        if case .charged(let fees) = item.fees { all += fees.compactMap(\.applicability) }
        return all + item.flow.compactMap(\.applicability) + item.scenarioVariants.map(\.applicability)
    }

    /// Whether answering one option or another can change what an applicant sees, decided
    /// per question without listing combinations. Questions are independent and every clause
    /// names at least one option, so a material (or condition, fee, step, 情形差异) applies
    /// under one answer of question q and not under another, the other answers being equal,
    /// exactly when its clause on q holds one of the two options and not the other. Hence:
    /// q changes something iff some clause on q leaves out one of its options (else ZN836
    /// at q), and two options lead to the same iff every clause on q holds both or neither:
    /// options are grouped by which clauses hold them, and each option after the first of a
    /// group is ZN837. O(options × clauses).
    private func unusedOptions(_ item: Item, _ spans: ItemSpans, _ reporter: inout Reporter) {
        let all = Self.applicabilities(of: item)
        for (k, q) in item.questions.enumerated() where q.options.count >= 2 {
            let clauses = all.compactMap { a in a.clauses.first { $0.questionID == q.id } }.filter { $0.options.count < q.options.count }
            guard !clauses.isEmpty else {
                // A 适用情形 naming an unknown question (a misspelt id, say) may mean this one.
                if spans.scenarios.namesUnknownQuestion { continue }
                reporter.report(CompilerCodes.questionNotNeeded, at: spans.scenarios.questionIDs[k],
                    zh: "问题“\(q.question)”（\(q.id)）的任何选项都不改变申请人看到的材料、条件、收费、环节或时限：没有一项适用情形只含它的部分选项；这个问题不需要问，请删除它，或给只在某些情形下需要的内容写上“适用情形: {\(q.id): …}”",
                    en: "no answer to the question \"\(q.question)\" (\(q.id)) changes the materials, conditions, fees, steps or limits an applicant sees: no 适用情形 holds only some of its options; the question need not be asked: delete it, or mark what applies only in some cases with 适用情形: {\(q.id): …}")
                continue
            }
            // Options grouped by the clauses that hold them, in the question's order; one
            // ZN837 a group, at its second option, naming the others after it.
            var groups: [[Bool]: [Int]] = [:], order: [[Bool]] = []
            for (j, option) in q.options.enumerated() {
                let signature = clauses.map { $0.options.contains(option) }
                if groups[signature] == nil { order.append(signature) }
                groups[signature, default: []].append(j)
            }
            for signature in order {
                let members = groups[signature]!
                guard members.count > 1 else { continue }
                let first = members[0], same = members.dropFirst().map { q.options[$0] }
                let at = members[1] < spans.scenarios.options[k].count ? spans.scenarios.options[k][members[1]] : spans.scenarios.questionIDs[k]
                let zhSame = same.map { "“\($0)”" }.joined(separator: "、"), enSame = same.map { "\"\($0)\"" }.joined(separator: ", ")
                let these = same.count == 1 ? ("这两个选项", "both or neither", "the two options") : ("这些选项", "all or none of them", "the options")
                reporter.report(CompilerCodes.sameOptions, at: at,
                    zh: "问题“\(q.question)”选\(zhSame)与选“\(q.options[first])”，申请人看到的内容完全相同：写了 \(q.id) 的适用情形都同时包含或同时不含\(these.0)；请给只属于其中一个的内容写上适用情形，或合并\(these.0)",
                    en: "answering \(enSame) or \"\(q.options[first])\" to \"\(q.question)\" shows the applicant the very same: every 适用情形 naming \(q.id) holds \(these.1); give what belongs to one of them its 适用情形, or merge \(these.2)",
                    notes: spans.scenarios.options[k].indices.contains(first)
                        ? [reporter.note(spans.scenarios.options[k][first], zh: "“\(q.options[first])”在这里", en: "\"\(q.options[first])\" is here")] : [])
            }
        }
    }

    // MARK: ZN838

    /// The outcome of the search for a combination of answers under which no material applies.
    enum EmptyCombination: Equatable {
        case none
        /// The answers (question index, option index) to the questions materials name.
        case found([Answer])
        /// The search hit ``searchBudget`` in a group of questions (their ids).
        case undecided([String])
    }

    struct Answer: Equatable {
        var question: Int
        var option: Int
    }

    /// A combination of answers under which no material's 适用情形 holds, found without
    /// listing all combinations. A material without 适用情形 holds always: then there is
    /// none. Otherwise each material must fail, i.e. some question it names must get an
    /// answer outside its clause: a constraint "c_q1 ∉ S1 or c_q2 ∉ S2 …" over the questions.
    /// (1) A one-clause constraint removes S from q's possible answers; a question left with
    /// no answer means every combination keeps a material. A clause whose question can no
    /// longer answer outside S is dropped, and one whose question can only answer outside S
    /// satisfies its constraint; this runs to a fixpoint. (2) The constraints left split into
    /// groups of questions linked by shared constraints, independent of one another; each
    /// group is searched by backtracking over its questions' remaining answers, pruning as
    /// soon as a constraint has all its questions answered inside their clauses. Items where
    /// materials name one question each end at (1): O(materials × options). The search tries
    /// at most ``searchBudget`` assignments in all; beyond it the answer is `.undecided`.
    static func emptyCombination(_ item: Item) -> EmptyCombination {
        guard !item.materials.isEmpty, item.materials.allSatisfy({ $0.applicability != nil }) else { return .none }
        let qIndex = Dictionary(item.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Per question, the answers still possible (by option index).
        var domain = item.questions.map { Set($0.options.indices) }
        // Each constraint: clauses (question, the options that keep the material).
        var constraints: [[(q: Int, keep: Set<Int>)]] = item.materials.map { m in
            m.applicability!.clauses.compactMap { c in
                guard let q = qIndex[c.questionID] else { return nil }
                let options = item.questions[q].options
                return (q, Set(c.options.compactMap { options.firstIndex(of: $0) }))
            }
        }
        let named = Set(constraints.flatMap { $0.map(\.q) })
        var changed = true
        while changed {
            changed = false
            var next: [[(q: Int, keep: Set<Int>)]] = []
            for constraint in constraints {
                // Clauses that can still fail the material; one that must fail it satisfies it.
                let live = constraint.filter { !domain[$0.q].isSubset(of: $0.keep) }
                if live.contains(where: { domain[$0.q].isDisjoint(with: $0.keep) }) { changed = changed || live.count != constraint.count; continue }
                if live.isEmpty { return .none }
                if live.count == 1 {
                    domain[live[0].q].subtract(live[0].keep)
                    if domain[live[0].q].isEmpty { return .none }
                    changed = true
                    continue
                }
                if live.count != constraint.count { changed = true }
                next.append(live)
            }
            constraints = next
        }
        // Groups of questions linked by constraints (union-find).
        var parent = Array(item.questions.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for c in constraints { for clause in c.dropFirst() { parent[root(clause.q)] = root(c[0].q) } }
        var answer = domain.map { $0.min() }
        var budget = searchBudget
        var byGroup: [Int: [[(q: Int, keep: Set<Int>)]]] = [:]
        for c in constraints { byGroup[root(c[0].q), default: []].append(c) }
        for group in byGroup.keys.sorted() {
            let cs = byGroup[group]!
            let questions = Array(Set(cs.flatMap { $0.map(\.q) })).sorted()
            var assigned = [Int?](repeating: nil, count: item.questions.count)
            // Per constraint, how many of its questions are answered inside their clause; a
            // constraint at its full count keeps its material, and the branch fails.
            // keptBy[q][o]: the constraints whose clause on q holds option o.
            var keptBy = [[[Int]]](repeating: [], count: item.questions.count)
            for q in questions { keptBy[q] = Array(repeating: [], count: item.questions[q].options.count) }
            for (i, c) in cs.enumerated() { for clause in c { for o in clause.keep { keptBy[clause.q][o].append(i) } } }
            let sizes = cs.map(\.count)
            var inside = [Int](repeating: 0, count: cs.count)
            func search(_ k: Int) -> Bool? {
                if k == questions.count { return true }
                let q = questions[k]
                for o in domain[q].sorted() {
                    budget -= 1
                    if budget < 0 { return nil }
                    assigned[q] = o
                    var kept = false
                    for i in keptBy[q][o] {
                        inside[i] += 1
                        if inside[i] == sizes[i] { kept = true }
                    }
                    if !kept {
                        guard let found = search(k + 1) else { return nil }
                        if found { return true }
                    }
                    for i in keptBy[q][o] { inside[i] -= 1 }
                    assigned[q] = nil
                }
                return false
            }
            switch search(0) {
            case nil: return .undecided(questions.map { item.questions[$0].id })
            case false?: return .none
            case true?: for q in questions { answer[q] = assigned[q] }
            }
        }
        return .found(item.questions.indices.filter { named.contains($0) }.compactMap { q in answer[q].map { Answer(question: q, option: $0) } })
    }

    // MARK: 情形差异

    /// ZN842 for an entry every choice of which an earlier entry takes first, and the limits
    /// of each entry that writes them, as TimeRules checks the item's (ZN601–ZN604).
    private func variants(_ item: Item, _ spans: ItemSpans, _ reporter: inout Reporter) {
        guard spans.scenarios.variants.count == item.scenarioVariants.count else { return }
        for (j, v) in item.scenarioVariants.enumerated() {
            let vs = spans.scenarios.variants[j]
            if let i = item.scenarioVariants[..<j].firstIndex(where: { v.applicability.implies($0.applicability) }) {
                reporter.report(CompilerCodes.variantShadowed, at: vs.applicability,
                    zh: "情形差异第\(j + 1)项永远不会生效：它成立时，第\(i + 1)项也成立，而情形差异取第一个成立的一项；请把更具体的一项写在前面，或合并两项",
                    en: "entry \(j + 1) of 情形差异 never applies: whenever it holds, entry \(i + 1) holds too, and the first entry that holds is taken; put the more specific entry first, or merge the two",
                    notes: [reporter.note(spans.scenarios.variants[i].applicability, zh: "第\(i + 1)项在这里", en: "entry \(i + 1) is here")])
            } else if let earlier = VariantCover(item: item).coveringEntries(of: j) {
                let zhList = earlier.map { "第\($0 + 1)项" }.joined(separator: "、")
                let enList = earlier.map { String($0 + 1) }.joined(separator: ", ")
                reporter.report(CompilerCodes.variantShadowed, at: vs.applicability,
                    zh: "情形差异第\(j + 1)项永远不会生效：它成立时，\(zhList)中总有一项也成立，而情形差异取第一个成立的一项；请把这一项写在它们前面，或删去它",
                    en: "entry \(j + 1) of 情形差异 never applies: whenever it holds, one of entries \(enList) holds too, and the first entry that holds is taken; put it before them, or delete it",
                    notes: earlier.map { i in reporter.note(spans.scenarios.variants[i].applicability, zh: "第\(i + 1)项在这里", en: "entry \(i + 1) is here") })
            }
            let words = ScenarioWords(v.applicability, in: item)
            let limits = v.timeLimits ?? item.timeLimits ?? TimeLimits()
            if vs.promised != nil || vs.statutory != nil, let statutory = limits.statutory, let promised = limits.promised,
               let at = vs.promised ?? vs.statutory ?? spans.promised {
                timeRules.comparePromise(promised, with: statutory, at: at, statutoryAt: vs.statutory ?? spans.statutory, in: words, &reporter)
            }
            if vs.promised != nil || vs.caseType != nil, let caseType = v.caseType ?? item.caseType, let promised = limits.promised {
                // At the entry's own fields: the item's are checked by TimeRules.
                timeRules.compareCaseType(caseType, promised, caseTypeAt: vs.caseType ?? vs.promised, promisedAt: vs.promised ?? vs.caseType,
                                          in: words, notes: vs.caseType != nil && vs.promised != nil, &reporter)
            }
        }
    }
}

/// The flow under each 情形 where steps or 情形差异 differ: a step that does not apply is
/// left out with the 下一步s leading to it (``Item/flow(for:)``). Each combination of the
/// questions that steps and 情形差异 name (only those matter; at most
/// ``ScenarioRules/scenarioLimit``, else ZN841) must keep the flow whole (ZN840: the first
/// step applies, every step reached reaches an end, a 准予 is reached) and its critical
/// path must fit that 情形's 承诺 (ZN605, ZN604): the 情形差异's when one is taken, else the
/// item's. A fault the whole flow has already (FlowRules) is not repeated per 情形.
struct ScenarioFlow {
    let item: Item
    let spans: ItemSpans
    let timeRules: TimeRules

    func check(_ reporter: inout Reporter) {
        let steps = item.flow
        let stepQuestions = Set(steps.compactMap(\.applicability).flatMap { $0.clauses.map(\.questionID) })
        let variantQuestions = Set(item.scenarioVariants.filter { $0.timeLimits?.promised != nil }.flatMap { $0.applicability.clauses.map(\.questionID) })
        let questions = item.questions.filter { stepQuestions.contains($0.id) || variantQuestions.contains($0.id) && !steps.isEmpty }
        guard !questions.isEmpty, !steps.isEmpty, spans.stepNames.count == steps.count else { return }
        guard let choices = ScenarioChoice.all(of: questions, limit: ScenarioRules.scenarioLimit) else {
                reporter.report(CompilerCodes.scenariosNotChecked, at: spans.flow ?? spans.scenarios.key ?? spans.start,
                    zh: "环节和情形差异涉及的问题（\(questions.map(\.id).joined(separator: "、"))）组合超过 \(ScenarioRules.scenarioLimit) 种，未逐一检查每种情形下的办理流程和关键路径",
                    en: "the questions steps and 情形差异 name (\(questions.map(\.id).joined(separator: ", "))) combine in more than \(ScenarioRules.scenarioLimit) ways; the flow and its critical path were not checked per scenario")
                return
        }
        let index = StepIndex(steps)
        let full = Reach(steps: steps, index: index, included: Array(repeating: true, count: steps.count))
        let anyConditionalStep = !stepQuestions.isEmpty
        var reportedSteps = Set<Int>(), reportedFlow = false, reportedPaths = Set<String>()
        for choice in choices {
            let words = ScenarioWords(questions.map { ($0, [choice.options[$0.id]!]) })
            let included = steps.map { $0.applicability?.holds(in: choice) ?? true }
            if !included[0] {
                if reportedSteps.insert(0).inserted {
                    reporter.report(CompilerCodes.scenarioFlowBroken, at: spans.stepNames[0],
                        zh: words.zh + "第一个环节“\(steps[0].name)”不适用，流程没有起点；第一个环节对所有申请人都适用，请删除它的适用情形",
                        en: words.en + "the first step \"\(steps[0].name)\" does not apply, so the flow has no start; the first step is everyone's: delete its 适用情形")
                }
            } else {
                let reach = Reach(steps: steps, index: index, included: included)
                // The step stuck there whose 下一步 was cut, else the first stuck.
                let stuck = steps.indices.filter { reach.reachable[$0] && !reach.leadsToEnd[$0] && full.leadsToEnd[$0] }
                let cut = stuck.first { i in steps[i].transitions.contains { t in index.first(t.target).map { !included[$0] } ?? false } }
                if let i = cut ?? stuck.first {
                    if reportedSteps.insert(i).inserted {
                        let gone = steps[i].transitions.map(\.target).filter { t in index.first(t).map { !included[$0] } ?? false }
                        reporter.report(CompilerCodes.scenarioFlowBroken, at: spans.stepNames[i],
                            zh: words.zh + "从环节“\(steps[i].name)”出发走不到任何结束" + (gone.isEmpty ? "" : "：它的下一步“\(gone.joined(separator: "”“"))”不适用于该情形")
                                + "；请在下一步中加上该情形下的去向",
                            en: words.en + "no path from the step \"\(steps[i].name)\" reaches an end" + (gone.isEmpty ? "" : ": its next step \(gone.joined(separator: ", ")) does not apply then")
                                + "; add a 下一步 for that scenario")
                    }
                } else if full.grants, !reach.grants, !reportedFlow {
                    reportedFlow = true
                    // At the step left out that cut the way: a 准予 step itself, else the first
                    // step on the whole flow's way that does not apply.
                    let culprit = steps.indices.first { steps[$0].outcome == .granted && !included[$0] }
                        ?? steps.indices.first { full.reachable[$0] && !included[$0] } ?? 0
                    reporter.report(CompilerCodes.scenarioFlowBroken, at: spans.stepNames[culprit],
                        zh: words.zh + "从第一个环节出发走不到任何“结束: 准予”的环节，该情形的申请永远无法被批准：环节“\(steps[culprit].name)”不适用于该情形；请让该情形也有一条到“结束: 准予”的路",
                        en: words.en + "no step with 结束: 准予 can be reached from the first step, so no application in that scenario could be granted: the step \"\(steps[culprit].name)\" does not apply then; give that scenario a way to 结束: 准予 too")
                } else {
                    comparePath(choice, words: words, conditionalSteps: anyConditionalStep, reported: &reportedPaths, &reporter)
                }
            }
        }
    }

    /// ZN605/ZN604 for one 情形's flow against its 承诺, once per promise and path.
    private func comparePath(
        _ choice: ScenarioChoice, words: ScenarioWords, conditionalSteps: Bool, reported: inout Set<String>,
        _ reporter: inout Reporter
    ) {
        let v = item.variantIndex(for: choice)
        let variantPromise = v.flatMap { item.scenarioVariants[$0].timeLimits?.promised }
        let variantAt = v.flatMap { $0 < spans.scenarios.variants.count ? spans.scenarios.variants[$0].promised : nil }
        // The item's own promise over the whole flow is TimeRules'.
        guard let promised = variantPromise ?? item.timeLimits?.promised,
              let at = variantPromise != nil ? variantAt : spans.promised,
              conditionalSteps || variantPromise != nil else { return }
        var scenario = item
        scenario.flow = item.flow(for: choice)
        guard let path = scenario.criticalPath() else { return }
        let key = "\(at.start.line):\(at.start.column):" + path.steps.joined(separator: "\u{1F}")
        guard reported.insert(key).inserted else { return }
        timeRules.comparePath(path, flow: scenario.flow, with: promised, at: at, spans, in: words, &reporter)
    }
}

/// Which steps are reached from the first one, which reach an end, and whether a 准予 is
/// reached, over the steps `included`.
private struct Reach {
    var reachable: [Bool]
    var leadsToEnd: [Bool]
    var grants: Bool

    init(steps: [FlowStep], index: StepIndex, included: [Bool]) {
        var next = [[Int]](repeating: [], count: steps.count), previous = next
        for (i, s) in steps.enumerated() where included[i] {
            for t in s.transitions {
                if let j = index.first(t.target), included[j] { next[i].append(j); previous[j].append(i) }
            }
        }
        func closure(_ starts: [Int], _ edges: [[Int]]) -> [Bool] {
            var seen = [Bool](repeating: false, count: steps.count), stack = starts
            for i in starts { seen[i] = true }
            while let i = stack.popLast() { for j in edges[i] where !seen[j] { seen[j] = true; stack.append(j) } }
            return seen
        }
        let reached = included.first == true ? closure([0], next) : Array(repeating: false, count: steps.count)
        reachable = reached
        leadsToEnd = closure(steps.indices.filter { included[$0] && steps[$0].outcome != nil }, previous)
        grants = steps.indices.contains { reached[$0] && steps[$0].outcome == .granted }
    }
}

/// Whether earlier 情形差异 entries together take every choice of a later one (ZN842 when no
/// single one does). The choices an entry holds for form a box: per question, the options
/// its clause names (all, for a question it does not name). A box is covered by a union of
/// boxes when one of them contains it; else it is split along a question where the first
/// box that overlaps it cuts it (the options inside that box and the rest) and each half is
/// checked alone. Each split takes a box out of play for one half, so the search ends; it
/// is cut off after ``budget`` boxes, and an entry undecided by then is not reported.
struct VariantCover {
    let item: Item
    /// The most boxes looked at for one entry.
    static let budget = 10_000

    typealias Box = [String: Set<String>]

    func box(_ a: Applicability) -> Box {
        var b: Box = [:]
        for q in item.questions { b[q.id] = Set(q.options) }
        for c in a.clauses where b[c.questionID] != nil { b[c.questionID]!.formIntersection(c.options) }
        return b
    }

    /// The earlier entries that overlap entry `j`, when together they take all its choices.
    func coveringEntries(of j: Int) -> [Int]? {
        let target = box(item.scenarioVariants[j].applicability)
        guard !target.values.contains(where: \.isEmpty) else { return nil }
        let earlier = (0..<j).map { ($0, box(item.scenarioVariants[$0].applicability)) }.filter { Self.overlap($0.1, target) }
        guard earlier.count > 1 else { return nil }
        var left = Self.budget
        return covered(target, by: earlier.map(\.1), budget: &left) == true ? earlier.map(\.0) : nil
    }

    static func overlap(_ a: Box, _ b: Box) -> Bool {
        a.allSatisfy { q, options in !options.isDisjoint(with: b[q] ?? options) }
    }

    /// true when `boxes` cover `target`, false when they do not, nil when the budget ran out.
    func covered(_ target: Box, by boxes: [Box], budget: inout Int) -> Bool? {
        budget -= 1
        if budget < 0 { return nil }
        let live = boxes.filter { Self.overlap($0, target) }
        guard let first = live.first else { return false }
        if live.contains(where: { b in target.allSatisfy { q, options in options.isSubset(of: b[q] ?? options) } }) { return true }
        // A question where the first overlapping box cuts the target; there is one, since it
        // does not contain the target.
        let cut = item.questions.map(\.id).first { q in !(target[q] ?? []).isSubset(of: first[q] ?? []) }!
        var inside = target, outside = target
        inside[cut] = target[cut]!.intersection(first[cut]!)
        outside[cut] = target[cut]!.subtracting(first[cut]!)
        switch covered(inside, by: live, budget: &budget) {
        case true?: return covered(outside, by: live, budget: &budget)
        case let uncovered: return uncovered
        }
    }
}
