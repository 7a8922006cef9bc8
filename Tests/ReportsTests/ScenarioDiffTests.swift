import Catalog
import Reports
import TestSupport
import Testing

/// `diff` for 情形: questions, and the 适用情形 of materials, conditions, fees, steps and 情形差异.
@Suite struct ScenarioDiffTests {
    static func when(_ clauses: (String, [String])...) -> Applicability {
        Applicability(clauses: clauses.map { ScenarioClause(questionID: $0.0, options: $0.1) })
    }

    static let old = Sample.catalog().editingItem { item in
        item.questions = [
            ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"]),
            ScenarioQuestion(id: "unit", question: "登记方式", options: ["按台（套）", "按单位"]),
            ScenarioQuestion(id: "gone", question: "是否首次办理？", options: ["是", "否"]),
        ]
        item.conditions.append("使用单位已经明确安全管理人员。")
        item.conditionApplicability = [ConditionApplicability(index: 1, applicability: when(("unit", ["按单位"])))]
        item.materials.append(MaterialRequirement(name: "授权委托书", applicability: when(("agent", ["委托他人办理"]))))
        item.materials.append(MaterialRequirement(name: "首次登记声明", applicability: when(("gone", ["是"]))))
        item.fees = .charged([Fee(name: "工本费", standard: "10元/证", applicability: when(("unit", ["按台（套）"])))])
        item.flow[1].applicability = when(("unit", ["按单位"]))
        item.scenarioVariants = [
            ScenarioVariant(applicability: when(("unit", ["按单位"])), caseType: .immediate,
                            timeLimits: TimeLimits(statutory: .workingDays(30), promised: .workingDays(5))),
            ScenarioVariant(applicability: when(("gone", ["否"])), onSiteVisits: 1),
        ]
    }

    static let new = old.editingItem { item in
        item.questions = [
            ScenarioQuestion(id: "agent", question: "是否委托他人代为办理？", options: ["本人办理", "委托他人办理", "法定代表人办理"]),
            ScenarioQuestion(id: "unit", question: "登记方式", options: ["按台（套）", "按区域"]),
            ScenarioQuestion(id: "form", question: "经营形式", options: ["个人经营", "家庭经营"]),
        ]
        item.conditionApplicability = [ConditionApplicability(index: 1, applicability: when(("unit", ["按台（套）", "按区域"])))]
        item.conditions.append("家庭经营的，参加经营的家庭成员一并登记。")
        item.conditionApplicability.append(ConditionApplicability(index: 2, applicability: when(("form", ["家庭经营"]))))
        item.materials[2].applicability = when(("agent", ["委托他人办理"]), ("form", ["个人经营"]))
        item.materials.remove(at: 3)
        item.materials.append(MaterialRequirement(name: "家庭成员关系证明", applicability: when(("form", ["家庭经营"]))))
        item.fees = .charged([
            Fee(name: "工本费", standard: "10元/证"),
            Fee(name: "检验费", standard: "按次", applicability: when(("unit", ["按台（套）"]))),
        ])
        item.flow[1].applicability = nil
        item.scenarioVariants = [
            ScenarioVariant(applicability: when(("unit", ["按单位"])), caseType: .promised,
                            timeLimits: TimeLimits(statutory: .workingDays(30), promised: .workingDays(3))),
            ScenarioVariant(applicability: when(("form", ["家庭经营"])), onSiteVisits: 0),
        ]
    }

    @Test func goldens() throws {
        let diff = CatalogDiff.compare(Self.old, Self.new)
        try expectGolden(diff.text(), file: golden("diff-scenarios.txt"))
        try expectGolden(diff.text(language: .en), file: golden("diff-scenarios.en.txt"))
        try expectGolden(diff.json(), file: golden("diff-scenarios.json"))
    }

    @Test func whatIsReported() throws {
        let changes = CatalogDiff.compare(Self.old, Self.new).changed[0].changes
        func has(_ element: String, _ kind: CatalogDiff.Change.Kind, subject: String? = nil, field: String? = nil,
                 old: String? = nil, new: String? = nil) -> Bool {
            changes.contains {
                $0.element == element && $0.kind == kind && $0.subject == subject && $0.field == field && $0.old == old && $0.new == new
            }
        }
        #expect(has("questions", .added, subject: "经营形式", new: "个人经营、家庭经营"))
        #expect(has("questions", .removed, subject: "是否首次办理？", old: "是、否"))
        #expect(has("questions", .changed, subject: "是否委托他人代为办理？", field: "question", old: "是否委托他人办理？", new: "是否委托他人代为办理？"))
        #expect(has("questions", .added, subject: "是否委托他人代为办理？", field: "options", new: "法定代表人办理"))
        #expect(has("questions", .added, subject: "登记方式", field: "options", new: "按区域"))
        #expect(has("questions", .removed, subject: "登记方式", field: "options", old: "按单位"))
        #expect(has("conditions", .changed, subject: "使用单位已经明确安全管理人员。", field: "applicability",
                    old: "{unit: 按单位}", new: "{unit: [按台（套）, 按区域]}"))
        #expect(has("conditions", .added, subject: "家庭经营的，参加经营的家庭成员一并登记。", new: "{form: 家庭经营}"))
        #expect(has("materials", .changed, subject: "授权委托书", field: "applicability",
                    old: "{agent: 委托他人办理}", new: "{agent: 委托他人办理, form: 个人经营}"))
        #expect(has("materials", .removed, subject: "首次登记声明", old: "{gone: 是}"))
        #expect(has("materials", .added, subject: "家庭成员关系证明", new: "{form: 家庭经营}"))
        #expect(has("fees", .removed, subject: "工本费", field: "applicability", old: "{unit: 按台（套）}"))
        #expect(has("fees", .added, subject: "检验费", field: "applicability", new: "{unit: 按台（套）}"))
        #expect(has("flow", .removed, subject: "审查", field: "applicability", old: "{unit: 按单位}"))
        #expect(has("scenarioVariants", .changed, subject: "{unit: 按单位}", field: "caseType", old: "即办件", new: "承诺件"))
        #expect(changes.contains { $0.element == "scenarioVariants" && $0.field == "promised" && $0.delta?.days == -2 })
        #expect(has("scenarioVariants", .added, subject: "{form: 家庭经营}"))
        #expect(has("scenarioVariants", .added, subject: "{form: 家庭经营}", field: "onSiteVisits", new: "0"))
        #expect(has("scenarioVariants", .removed, subject: "{gone: 否}"))
    }

    /// Reordering questions or options alone is no change.
    @Test func orderAloneIsNoChange() {
        let reordered = Self.old.editingItem { item in
            item.questions.reverse()
            item.questions[0].options.reverse()
        }
        #expect(CatalogDiff.compare(Self.old, reordered).isEmpty)
    }

    /// 情形差异 that can hold together ({unit: 按单位} and {gone: 否}) changing places is a
    /// change: the first that holds applies. What now applies where both hold is the other
    /// entry's values, the item's where it leaves one out.
    @Test func variantOrderMattersWhereEntriesOverlap() {
        let reordered = Self.old.editingItem { $0.scenarioVariants.reverse() }
        let changes = CatalogDiff.compare(Self.old, reordered).changed.first?.changes ?? []
        typealias C = CatalogDiff.Change
        let both = "{unit: 按单位, gone: 否}"
        #expect(changes == [
            C(element: "scenarioVariants", kind: .changed, field: "order", old: "{unit: 按单位}；{gone: 否}", new: "{gone: 否}；{unit: 按单位}"),
            C(element: "scenarioOrder", kind: .changed, subject: both, field: "caseType", old: "即办件", new: "承诺件"),
            C(element: "scenarioOrder", kind: .changed, subject: both, field: "promised", old: "5个工作日", new: "10个工作日",
              delta: CatalogDiff.TimeDelta(days: 5, workingDays: true)),
            C(element: "scenarioOrder", kind: .added, subject: both, field: "onSiteVisits", new: "1"),
        ])
    }

    /// A question whose 编号 changed is matched by its 问题 and options; 适用情形 are compared
    /// in the new 编号, so nothing else changes.
    @Test func aRenamedIDIsOneChange() {
        let renamed = Self.old.editingItem { item in
            item.questions[0].id = "who"
            item.materials[2].applicability = Self.when(("who", ["委托他人办理"]))
        }
        #expect(CatalogDiff.compare(Self.old, renamed).changed.first?.changes == [
            CatalogDiff.Change(element: "questions", kind: .changed, subject: "是否委托他人办理？", id: "who", field: "id", old: "agent", new: "who"),
        ])
    }
}
