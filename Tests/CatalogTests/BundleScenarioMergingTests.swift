import Testing

@testable import Catalog

/// 情形 in a bundle: questions asked once, and a material's 适用情形 the or of its members'.
@Suite struct BundleScenarioMergingTests {
    static let agent = ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"])
    static let form = ScenarioQuestion(id: "form", question: "经营形式", options: ["个人经营", "家庭经营"])
    static let kind = ScenarioQuestion(id: "kind", question: "申请类型", options: ["新办", "延续", "变更"])

    static func when(_ clauses: [String: [String]]) -> Applicability {
        Applicability(clauses: clauses.keys.sorted().map { ScenarioClause(questionID: $0, options: clauses[$0]!) })
    }

    static func item(_ code: String, _ questions: [ScenarioQuestion], _ materials: [(String, Applicability?)]) -> Item {
        Item(code: code, name: code, type: "行政许可", agencyID: "a",
             materials: materials.map { MaterialRequirement(name: $0.0, form: .original, copies: 1, applicability: $0.1) },
             timeLimits: TimeLimits(statutory: .workingDays(20), promised: .workingDays(5)), questions: questions)
    }

    static func bundle(_ items: [Item]) -> ServiceBundle {
        ServiceBundle(code: "Y", name: "Y", mode: .parallel, stages: [BundleStage(itemCodes: items.map(\.code))],
                      leadAgencyID: "a", windowCategory: "综合")
            .merged(with: Dictionary(uniqueKeysWithValues: items.map { ($0.code, $0) }))
    }

    @Test func questionsAreAskedOnceInStageOrderWithTheFirstMembersWording() {
        let b = Self.bundle([
            Self.item("A", [Self.agent, Self.form], []),
            Self.item("B", [ScenarioQuestion(id: "agent", question: "由谁办理？", options: ["委托他人办理", "本人办理"]), Self.kind], []),
        ])
        #expect(b.questions == [Self.agent, Self.form, Self.kind])
    }

    @Test func everyoneWinsOverAScenario() {
        let b = Self.bundle([
            Self.item("A", [Self.agent], [("授权委托书", Self.when(["agent": ["委托他人办理"]]))]),
            Self.item("B", [Self.agent], [("授权委托书", nil)]),
        ])
        #expect(b.materials.count == 1)
        #expect(b.materials[0].applicability == nil)
        #expect(b.materials[0].neededBy == ["A", "B"])
    }

    @Test func theSameScenarioStaysOne() {
        let b = Self.bundle([
            Self.item("A", [Self.agent], [("授权委托书", Self.when(["agent": ["委托他人办理"]]))]),
            Self.item("B", [Self.agent], [("授权委托书", Self.when(["agent": ["委托他人办理"]]))]),
        ])
        #expect(b.materials[0].applicability == [Self.when(["agent": ["委托他人办理"]])])
        #expect(b.materials(for: ScenarioChoice(["agent": "本人办理"])).isEmpty)
        #expect(b.materials(for: ScenarioChoice(["agent": "委托他人办理"])).map(\.name) == ["授权委托书"])
        #expect(b.materials(for: ScenarioChoice()).map(\.name) == ["授权委托书"])  // unanswered: the full list
    }

    /// `{agent: 委托}` or `{form: 家庭}` is no one Applicability: two alternatives.
    @Test func anOrAcrossQuestionsIsAListOfAlternatives() {
        let b = Self.bundle([
            Self.item("A", [Self.agent, Self.form], [("身份证件", Self.when(["agent": ["委托他人办理"]]))]),
            Self.item("B", [Self.form], [("身份证件", Self.when(["form": ["家庭经营"]]))]),
        ])
        let m = b.materials[0]
        #expect(m.applicability == [Self.when(["agent": ["委托他人办理"]]), Self.when(["form": ["家庭经营"]])])
        let needs = { (agent: String, form: String) in m.applies(in: ScenarioChoice(["agent": agent, "form": form])) }
        #expect(needs("委托他人办理", "个人经营"))
        #expect(needs("本人办理", "家庭经营"))
        #expect(needs("委托他人办理", "家庭经营"))
        #expect(!needs("本人办理", "个人经营"))
    }

    /// Options of one question join; all of them make it everyone's.
    @Test func optionsOfOneQuestionJoinAndAllOfThemAreEveryone() {
        let joined = Self.bundle([
            Self.item("A", [Self.kind], [("原许可证", Self.when(["kind": ["延续"]]))]),
            Self.item("B", [Self.kind], [("原许可证", Self.when(["kind": ["变更"]]))]),
        ])
        #expect(joined.materials[0].applicability == [Self.when(["kind": ["延续", "变更"]])])
        let whole = Self.bundle([
            Self.item("A", [Self.agent], [("承诺书", Self.when(["agent": ["委托他人办理"]]))]),
            Self.item("B", [Self.agent], [("承诺书", Self.when(["agent": ["本人办理"]]))]),
        ])
        #expect(whole.materials[0].applicability == nil)
    }

    /// `{agent: 委托, form: 家庭}` or `{agent: 委托}` is `{agent: 委托}`; and
    /// `{agent: 委托, form: 家庭}` or `{agent: 委托, form: 个人}` is `{agent: 委托}` too.
    @Test func narrowerAlternativesAreDroppedAndSiblingsJoined() {
        let implied = Self.bundle([
            Self.item("A", [Self.agent, Self.form], [("授权委托书", Self.when(["agent": ["委托他人办理"], "form": ["家庭经营"]]))]),
            Self.item("B", [Self.agent], [("授权委托书", Self.when(["agent": ["委托他人办理"]]))]),
        ])
        #expect(implied.materials[0].applicability == [Self.when(["agent": ["委托他人办理"]])])
        let siblings = Self.bundle([
            Self.item("A", [Self.agent, Self.form], [("授权委托书", Self.when(["agent": ["委托他人办理"], "form": ["家庭经营"]]))]),
            Self.item("B", [Self.agent, Self.form], [("授权委托书", Self.when(["agent": ["委托他人办理"], "form": ["个人经营"]]))]),
            Self.item("C", [Self.agent, Self.form, Self.kind], [("授权委托书", Self.when(["kind": ["新办"]]))]),
        ])
        #expect(siblings.materials[0].applicability == [Self.when(["agent": ["委托他人办理"]]), Self.when(["kind": ["新办"]])])
    }

    /// The list is exact: for every full choice it holds iff some member's 适用情形 does.
    @Test func theAlternativesHoldExactlyWhenSomeMembersDo() {
        let whens: [Applicability?] = [
            Self.when(["agent": ["委托他人办理"], "kind": ["延续"]]), Self.when(["form": ["家庭经营"], "kind": ["延续", "变更"]]),
            Self.when(["agent": ["委托他人办理"], "form": ["个人经营"]]), Self.when(["kind": ["新办"], "form": ["个人经营"]]),
            Self.when(["agent": ["本人办理"], "kind": ["变更"]]),
        ]
        let questions = [Self.agent, Self.form, Self.kind]
        for n in 1...whens.count {
            let members = whens.prefix(n).enumerated().map { Self.item("M\($0.offset)", questions, [("材料", $0.element)]) }
            let m = Self.bundle(members).materials[0]
            for a in Self.agent.options { for f in Self.form.options { for k in Self.kind.options {
                let choice = ScenarioChoice(["agent": a, "form": f, "kind": k])
                #expect(m.applies(in: choice) == whens.prefix(n).contains { $0?.holds(in: choice) ?? true }, "\(n) \(choice)")
            } } }
            #expect(m.applicability.map { !$0.isEmpty } ?? true)
        }
    }

    @Test func theCriticalPathFollowsTheScenario() {
        var a = Self.item("A", [Self.form], [("申请书", nil)])
        a.scenarioVariants = [ScenarioVariant(applicability: Self.when(["form": ["家庭经营"]]),
                                              timeLimits: TimeLimits(statutory: .workingDays(20), promised: .workingDays(9)))]
        let b = Self.bundle([a, Self.item("B", [], [("申请书", nil)])])
        #expect(b.criticalPath(for: ScenarioChoice(["form": "个人经营"]), items: ["A": a, "B": Self.item("B", [], [])])?.duration == .workingDays(5))
        #expect(b.criticalPath(for: ScenarioChoice(["form": "家庭经营"]), items: ["A": a, "B": Self.item("B", [], [])])
            == FlowPath(steps: ["A"], workingDays: 9, calendarDays: 0))
    }
}
