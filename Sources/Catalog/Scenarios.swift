/// 情形: the questions that decide which parts of an item apply to one applicant (精准告知,
/// 一事一单). An item without them applies whole to everyone, as before.
///
/// FORMAT.md "情形: scenario-based guides" is the source format; this is its model.

/// One question of 情形: `编号`, `问题`, `选项`.
public struct ScenarioQuestion: Codable, Sendable, Equatable {
    /// 编号: ASCII letters, digits and '-', unique in the item (and in a bundle, where the
    /// same id must mean the same options).
    public var id: String
    /// 问题, e.g. 是否委托他人办理？
    public var question: String
    /// 选项: at least two, each once, in the order written.
    public var options: [String]

    public init(id: String, question: String, options: [String]) {
        self.id = id
        self.question = question
        self.options = options
    }
}

/// One question's part of 适用情形: the options under which something applies (any of them).
public struct ScenarioClause: Codable, Sendable, Equatable {
    /// A ``ScenarioQuestion/id`` of the item.
    public var questionID: String
    /// Options of that question, in the question's order: any one of them satisfies the clause.
    public var options: [String]

    public init(questionID: String, options: [String]) {
        self.questionID = questionID
        self.options = options
    }
}

/// 适用情形: when a material, condition, fee, step or variant applies. Options of one question
/// are alternatives (or); different questions must all hold (and).
///
/// Encoded as `{"clauses": [{"questionID": "agent", "options": ["委托他人办理"]}]}`: no
/// object is keyed by a user's string, so the XML and SQLite exports read it as they read
/// the JSON.
public struct Applicability: Codable, Sendable, Equatable {
    /// One clause per question named, in the item's question order.
    public var clauses: [ScenarioClause]

    public init(clauses: [ScenarioClause]) {
        self.clauses = clauses
    }

    /// Whether it applies to an applicant who chose `choice`. A question the applicant has
    /// not answered holds: without a choice the full list shows.
    public func holds(in choice: ScenarioChoice) -> Bool {
        clauses.allSatisfy { clause in
            guard let chosen = choice.options[clause.questionID] else { return true }
            return clause.options.contains(chosen)
        }
    }

    /// Whether every choice this holds for, `other` holds for: each clause of `other` is
    /// narrowed (or matched) by a clause of this on the same question.
    public func implies(_ other: Applicability) -> Bool {
        other.clauses.allSatisfy { cb in
            clauses.contains { ca in ca.questionID == cb.questionID && ca.options.allSatisfy(cb.options.contains) }
        }
    }
}

/// One applicant's answers: question id → the option chosen. Questions left out are
/// unanswered.
public struct ScenarioChoice: Sendable, Equatable, Hashable {
    public var options: [String: String]

    public init(_ options: [String: String] = [:]) {
        self.options = options
    }

    /// Every full choice of `questions`' options, the last question turning fastest; nil when
    /// there are more than `limit`.
    public static func all(of questions: [ScenarioQuestion], limit: Int) -> [ScenarioChoice]? {
        var count = 1
        for q in questions {
            count *= max(q.options.count, 1)
            if count > limit { return nil }
        }
        var choices: [[String: String]] = [[:]]
        for q in questions { choices = choices.flatMap { c in q.options.map { c.merging([q.id: $0]) { a, _ in a } } } }
        return choices.map(ScenarioChoice.init)
    }
}

/// 审批条件 entry `index` (into ``Item/conditions``) written as `条件:` with `适用情形:`.
public struct ConditionApplicability: Codable, Sendable, Equatable {
    public var index: Int
    public var applicability: Applicability

    public init(index: Int, applicability: Applicability) {
        self.index = index
        self.applicability = applicability
    }
}

/// One entry of 情形差异: what differs from the item's own 办件类型, 办理时限 and 到现场次数
/// under a scenario. A value left nil is the item's own.
public struct ScenarioVariant: Codable, Sendable, Equatable {
    public var applicability: Applicability
    /// 办件类型 under this scenario.
    public var caseType: CaseType?
    /// 办理时限 under this scenario: only the fields written differ (法定, 承诺 …); the
    /// binder fills the rest from the item's own, so this is the whole limit that applies.
    public var timeLimits: TimeLimits?
    /// 到现场次数 under this scenario (GB/T 39554.2-2020).
    public var onSiteVisits: Int?

    public init(applicability: Applicability, caseType: CaseType? = nil, timeLimits: TimeLimits? = nil, onSiteVisits: Int? = nil) {
        self.applicability = applicability
        self.caseType = caseType
        self.timeLimits = timeLimits
        self.onSiteVisits = onSiteVisits
    }
}

extension Item {
    /// Whether the item asks 情形 questions.
    public var hasScenarios: Bool { !questions.isEmpty }

    /// The question with this id.
    public func question(_ id: String) -> ScenarioQuestion? {
        questions.first { $0.id == id }
    }

    /// The 适用情形 of 审批条件 entry `index`, if it has one.
    public func applicability(ofCondition index: Int) -> Applicability? {
        conditionApplicability.first { $0.index == index }?.applicability
    }

    /// The materials an applicant who chose `choice` hands in or shows (免提交 ones included,
    /// as the guide lists them): those without 适用情形 and those whose 适用情形 holds.
    public func materials(for choice: ScenarioChoice) -> [MaterialRequirement] {
        materials.filter { $0.applicability?.holds(in: choice) ?? true }
    }

    /// The 审批条件 that apply under `choice`.
    public func conditions(for choice: ScenarioChoice) -> [String] {
        conditions.indices.filter { applicability(ofCondition: $0)?.holds(in: choice) ?? true }.map { conditions[$0] }
    }

    /// The steps of 办理流程 an applicant who chose `choice` goes through, without the 下一步s
    /// leading to the steps left out.
    public func flow(for choice: ScenarioChoice) -> [FlowStep] {
        let steps = flow.filter { $0.applicability?.holds(in: choice) ?? true }
        let names = Set(steps.map(\.name))
        return steps.map { step in
            var s = step
            s.transitions = s.transitions.filter { names.contains($0.target) }
            return s
        }
    }

    /// The first 情形差异 that holds under `choice` (the order written decides), if any. Only a
    /// full choice of the questions a variant names selects it: an unanswered question does
    /// not select a variant (it shows the item's own values).
    public func variant(for choice: ScenarioChoice) -> ScenarioVariant? {
        variantIndex(for: choice).map { scenarioVariants[$0] }
    }

    /// The index in ``scenarioVariants`` of ``variant(for:)``.
    public func variantIndex(for choice: ScenarioChoice) -> Int? {
        scenarioVariants.firstIndex { v in
            v.applicability.clauses.allSatisfy { clause in
                choice.options[clause.questionID].map(clause.options.contains) ?? false
            }
        }
    }
}
