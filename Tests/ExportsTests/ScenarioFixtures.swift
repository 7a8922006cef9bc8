import Catalog

extension Fixtures {
    /// 情形 on ``tiny``'s 特种设备使用登记: two questions, 适用情形 on a material of each, a
    /// condition, a fee and a step (one with two options), and two 情形差异; the bundle asks the
    /// questions and its material applies under either of two alternatives.
    static let scenarios: Catalog = {
        var c = tiny
        c.name = "某某市市场监督管理局政务服务事项目录（情形测试）"
        let i = c.items.firstIndex { $0.code == "440100-XK-00012-001" }!
        var item = c.items[i]
        func when(_ clauses: (String, [String])...) -> Applicability {
            Applicability(clauses: clauses.map { ScenarioClause(questionID: $0.0, options: $0.1) })
        }
        item.questions = [
            ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"]),
            ScenarioQuestion(id: "by-unit", question: "登记方式", options: ["按台（套）", "按单位"]),
        ]
        item.materials[2].applicability = when(("by-unit", ["按台（套）"]))
        item.materials[3].applicability = when(("agent", ["委托他人办理"]))
        item.conditionApplicability = [ConditionApplicability(index: 1, applicability: when(("by-unit", ["按单位"])))]
        item.fees = .charged([
            Fee(name: "工本费", standard: "10元/证", basis: "粤价〔2000〕1号"),
            Fee(name: "检验费", standard: "按次", applicability: when(("by-unit", ["按台（套）"]))),
        ])
        item.flow[1].applicability = when(("agent", ["本人办理", "委托他人办理"]))
        item.scenarioVariants = [
            ScenarioVariant(
                applicability: when(("agent", ["本人办理"]), ("by-unit", ["按单位"])), caseType: .immediate,
                timeLimits: TimeLimits(statutory: .workingDays(30), promised: .immediate, promisedNote: "当场办结"),
                onSiteVisits: 0),
            ScenarioVariant(applicability: when(("by-unit", ["按台（套）"])), onSiteVisits: 1),
        ]
        c.items[i] = item
        c.bundles[0].questions = item.questions
        c.bundles[0].materials[0].applicability = [when(("agent", ["委托他人办理"])), when(("by-unit", ["按单位"]))]
        return c
    }()
}
