import Catalog
import Mustache

// 情形 on the pages (FORMAT.md "情形: scenario-based guides"). A page of an item with 情形
// lists everything, each entry that applies only in some scenarios labelled in words
// (仅当：是否委托他人办理？— 委托他人办理), so it reads right without script and in print. The
// questionnaire at the top, shown by assets/scenario.js, hides what does not apply to the
// case chosen. The script reads only `data-*` attributes written here: question ids (ASCII
// by FORMAT.md) and option numbers, never catalog text, so what it compares is never HTML.

/// The 适用情形 of one entry, as a page shows it.
struct ScenarioTag {
    /// For the script: `agent=1;form=0,2`, each named question's id with the numbers
    /// (0-based, in the question's order) of the options under which the entry applies.
    var whenData: String
    /// For every reader: 是否委托他人办理？— 委托他人办理；经营形式 — 家庭经营.
    var whenText: String
}

/// The questions at the top of a page of an item with 情形.
struct QuestionnaireView {
    var questions: [QuestionView]
    /// The 情形差异 entries' ``ScenarioTag/whenData``, in order, separated by spaces: the
    /// script picks the first whose questions are all answered and hold, as
    /// ``Item/variant(for:)`` does.
    var variantData: String
}

struct QuestionView {
    /// The question's 编号, the name it has in the page address (`?agent=…`).
    var questionID: String
    var questionText: String
    var options: [OptionView]
}

struct OptionView {
    var optionText: String
    var optionIndex: Int
}

/// One 审批条件 of an item with 情形.
struct ConditionRow {
    var conditionText: String
    var scenario: ScenarioTag?
}

/// One value of 办件类型 or 办理时限 that differs by scenario: the item's own (`default`) or
/// the one of 情形差异 entry `variantKey`.
struct VariantView {
    var variantKey: String
    var variantText: String
    /// When it applies, in words.
    var variantLabel: String
    /// A badge after the value, e.g. 最多跑一次 for 到现场次数 1.
    var variantBadge: String? = nil
    /// A line under the value, e.g. 必须现场办理的原因 for a scenario that must come.
    var variantNote: String? = nil
}

/// The flow as the applicants of some scenarios go through it: the steps left out, the
/// critical path and the promise that apply to them.
struct FlowCaseView {
    /// The case's number, as `data-case` on the page.
    var caseKey: String
    /// Empty when the case's steps are the whole flow's (only its promise differs).
    var caseSVG: String
    var casePath: String?
    var caseDuration: String?
    var casePromised: String?
}

/// Builds the 情形 parts of an item's pages, or of a 一件事 bundle's (its merged questions).
struct ScenarioWords {
    let item: Item
    let questions: [ScenarioQuestion]

    init(item: Item) {
        self.item = item
        self.questions = item.questions
    }

    /// For a bundle: only ``questionnaire`` and the tags, from the merged questions.
    init(questions: [ScenarioQuestion]) {
        self.item = Item(code: "", name: "", type: "", agencyID: "", questions: questions)
        self.questions = questions
    }

    /// The questionnaire, for an item or bundle that asks questions.
    var questionnaire: QuestionnaireView? {
        guard !questions.isEmpty else { return nil }
        return QuestionnaireView(
            questions: questions.map { q in
                QuestionView(
                    questionID: q.id, questionText: q.question,
                    options: q.options.enumerated().map { OptionView(optionText: $1, optionIndex: $0) })
            },
            variantData: item.scenarioVariants.map { tag($0.applicability)?.whenData ?? "" }.joined(separator: " "))
    }

    /// The tag of `applicability`; nil when there is none (the entry applies to everyone).
    func tag(_ applicability: Applicability?) -> ScenarioTag? {
        guard let a = applicability, !a.clauses.isEmpty else { return nil }
        var data: [String] = [], words: [String] = []
        for clause in a.clauses {
            let q = questions.first { $0.id == clause.questionID }
            let numbers = clause.options.compactMap { q?.options.firstIndex(of: $0) }.map(String.init)
            data.append(clause.questionID + "=" + numbers.joined(separator: ","))
            let question = q?.question ?? clause.questionID
            // No space after a full-width mark: 是否委托他人办理？— 委托他人办理.
            let gap = question.last.map { "？：。，；）".contains($0) } == true ? "— " : " — "
            words.append(question + gap + clause.options.joined(separator: " 或 "))
        }
        return ScenarioTag(whenData: data.joined(separator: ";"), whenText: words.joined(separator: "；"))
    }

    /// The tag of a merged material needed when any of `alternatives` holds: alternatives
    /// are separated by `|` in the data and by 或者 in words.
    func tag(anyOf alternatives: [Applicability]?) -> ScenarioTag? {
        let tags = (alternatives ?? []).compactMap(tag)
        guard !tags.isEmpty else { return nil }
        return ScenarioTag(
            whenData: tags.map(\.whenData).joined(separator: "|"), whenText: tags.map(\.whenText).joined(separator: "；或者 "))
    }

    /// The options alone (委托他人办理；家庭经营), short enough for a flowchart's tag.
    func shortWords(_ applicability: Applicability) -> String {
        applicability.clauses.map { $0.options.joined(separator: "或") }.joined(separator: "；")
    }

    /// The most combinations of the questions that change the steps (or the promise) that
    /// ``flowCases()`` goes through, and the most distinct cases it draws.
    static let flowCaseLimits = (choices: 64, cases: 8)

    /// The flow of each group of scenarios that changes its steps or its 承诺, with its critical
    /// path and promise (a chart only where steps change); empty when neither changes, or when
    /// the questions that change them combine in more than ``flowCaseLimits`` ways or give
    /// more than its distinct cases (the page then shows the whole flow only).
    /// The questions are those the steps and the 情形差异 entries with a 承诺 name, as the
    /// check of each scenario's critical path against its 承诺 goes through them.
    func flowCases() -> [(whenData: String, view: FlowCaseView)] {
        let stepQuestions = Set(item.flow.compactMap(\.applicability).flatMap { $0.clauses.map(\.questionID) })
        let promiseQuestions = Set(item.scenarioVariants.filter { $0.timeLimits?.promised != nil }.flatMap { $0.applicability.clauses.map(\.questionID) })
        guard !item.flow.isEmpty, !stepQuestions.isEmpty || !promiseQuestions.isEmpty else { return [] }
        // Only the promise differs: the sentence changes, the chart does not.
        let drawn = !stepQuestions.isEmpty
        let asked = questions.filter { stepQuestions.contains($0.id) || promiseQuestions.contains($0.id) }
        guard let choices = ScenarioChoice.all(of: asked, limit: Self.flowCaseLimits.choices) else { return [] }
        var keys: [String] = [], groups: [String: (whens: [String], view: FlowCaseView)] = [:]
        for choice in choices {
            var reduced = item
            reduced.flow = item.flow(for: choice)
            let path = reduced.criticalPath()
            let promised = (item.variant(for: choice)?.timeLimits ?? item.timeLimits)?.promised?.text
            let key = reduced.flow.map(\.name).joined(separator: "\n") + "\u{0}" + (path?.steps.joined(separator: "\n") ?? "") + "\u{0}" + (promised ?? "")
            let when = asked.map { q in q.id + "=" + String(q.options.firstIndex(of: choice.options[q.id]!)!) }.joined(separator: ";")
            if groups[key] != nil {
                groups[key]!.whens.append(when)
                continue
            }
            guard keys.count < Self.flowCaseLimits.cases else { return [] }
            keys.append(key)
            groups[key] = ([when], FlowCaseView(
                caseKey: String(keys.count - 1),
                caseSVG: drawn ? ViewBuilder.flowSVG(reduced.flow, path: path, words: self, idPrefix: "zncase\(keys.count - 1)") : "",
                casePath: ViewBuilder.pathText(path), caseDuration: ViewBuilder.durationText(path), casePromised: promised))
        }
        return keys.map { (groups[$0]!.whens.joined(separator: "|"), groups[$0]!.view) }
    }

    /// 审批条件 with their tags, when any condition has one.
    var conditions: [ConditionRow]? {
        guard !item.conditionApplicability.isEmpty else { return nil }
        return item.conditions.indices.map {
            ConditionRow(conditionText: item.conditions[$0], scenario: tag(item.applicability(ofCondition: $0)))
        }
    }

    /// Each 情形差异 entry's value that differs from the item's own (`own`), when one does.
    /// Pages show the item's own value with them, as the `default`.
    func variants(
        _ value: (ScenarioVariant) -> String?, own: String?, badge: (ScenarioVariant) -> String? = { _ in nil },
        note: (ScenarioVariant) -> String? = { _ in nil }
    ) -> ListView<VariantView>? {
        let all = item.scenarioVariants
        return ListView(all.enumerated().compactMap { i, v in
            guard let text = value(v), text != own else { return nil }
            // 情形差异 takes the first entry that holds: one that an earlier entry can also
            // hold for says it gives way.
            let yields = all[..<i].contains { Self.overlap($0.applicability, v.applicability) }
            return VariantView(
                variantKey: String(i), variantText: text,
                variantLabel: (tag(v.applicability)?.whenText ?? "") + (yields ? "，且不属于前面所列情形" : ""), variantBadge: badge(v),
                variantNote: note(v))
        })
    }

    /// Whether some applicant's answers satisfy both: on every question both name, they share
    /// an option.
    static func overlap(_ a: Applicability, _ b: Applicability) -> Bool {
        a.clauses.allSatisfy { ca in b.clauses.first { $0.questionID == ca.questionID }.map { !Set($0.options).isDisjoint(with: ca.options) } ?? true }
    }

    /// 到现场次数 by scenario, with its badge (最多跑一次), and `reason` (必须现场办理原因)
    /// under each value of 1 or more.
    func onSiteVisits(reason: String?) -> ListView<VariantView>? {
        variants(
            { $0.onSiteVisits.map(ViewBuilder.visitsText) }, own: item.national.onSiteVisits.map(ViewBuilder.visitsText),
            badge: { $0.onSiteVisits.flatMap(ViewBuilder.visitsBadge) },
            note: { ($0.onSiteVisits ?? 0) >= 1 ? reason : nil })
    }

    /// 收费 as lines, each labelled with the scenarios it applies in; nil when no fee has
    /// 适用情形 (the item's fees then read as one value).
    var feeLines: ListView<FactLine>? {
        guard case .charged(let fees)? = item.fees, fees.contains(where: { tag($0.applicability) != nil }) else { return nil }
        return ListView(fees.map { FactLine(lineText: "\($0.name)：\($0.standard)", scenario: tag($0.applicability)) })
    }

    /// 办件类型 by scenario.
    var caseTypes: ListView<VariantView>? {
        variants({ $0.caseType?.rawValue }, own: item.caseType?.rawValue)
    }

    /// 承诺办结时限 by scenario.
    var promisedLimits: ListView<VariantView>? {
        variants({ $0.timeLimits?.promised?.text }, own: item.timeLimits?.promised?.text)
    }

    /// 法定办结时限 by scenario.
    var statutoryLimits: ListView<VariantView>? {
        variants({ $0.timeLimits?.statutory?.text }, own: item.timeLimits?.statutory?.text)
    }
}

// MARK: Lookups for both renderers (ViewLookup.swift, FastViews.swift)

extension ScenarioTag: MustacheParent, FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .whenData: whenData.fast
        case .whenText: whenText.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "whenData": whenData
        case "whenText": whenText
        default: nil
        }
    }
}

extension QuestionnaireView: MustacheParent, FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .questions: questions.fast
        case .variantData: variantData.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "questions": questions
        case "variantData": variantData
        default: nil
        }
    }
}

extension QuestionView: MustacheParent, FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .questionID: questionID.fast
        case .questionText: questionText.fast
        case .options: options.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "questionID": questionID
        case "questionText": questionText
        case "options": options
        default: nil
        }
    }
}

extension OptionView: MustacheParent, FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .optionText: optionText.fast
        case .optionIndex: optionIndex.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "optionText": optionText
        case "optionIndex": optionIndex
        default: nil
        }
    }
}

extension ConditionRow: MustacheParent, FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .conditionText: conditionText.fast
        case .scenario: scenario.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "conditionText": conditionText
        case "scenario": scenario
        default: nil
        }
    }
}

extension VariantView: MustacheParent, FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .variantKey: variantKey.fast
        case .variantText: variantText.fast
        case .variantLabel: variantLabel.fast
        case .variantBadge: variantBadge.fast
        case .variantNote: variantNote.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "variantKey": variantKey
        case "variantText": variantText
        case "variantLabel": variantLabel
        case "variantBadge": variantBadge
        case "variantNote": variantNote
        default: nil
        }
    }
}

extension FlowCaseView: MustacheParent, FastParent, FastValueConvertible {
    var fastValue: FastValue { .parent(self) }
    func child(_ key: ViewKey) -> FastValue? {
        switch key {
        case .caseKey: caseKey.fast
        case .caseSVG: caseSVG.fast
        case .casePath: casePath.fast
        case .caseDuration: caseDuration.fast
        case .casePromised: casePromised.fast
        default: nil
        }
    }
    func child(named key: String) -> Any? {
        switch key {
        case "caseKey": caseKey
        case "caseSVG": caseSVG
        case "casePath": casePath
        case "caseDuration": caseDuration
        case "casePromised": casePromised
        default: nil
        }
    }
}
