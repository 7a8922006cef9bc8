import Catalog

@testable import Generators

/// An item with 情形 (FORMAT.md "情形: scenario-based guides"), built in Swift: 个体工商户登记,
/// asked whether an agent applies and whether the business is run by a family.
extension Fixtures {
    static let scenarioCode = "440100-QT-00050-000"

    static func when(_ clauses: (String, [String])...) -> Applicability {
        Applicability(clauses: clauses.map { ScenarioClause(questionID: $0.0, options: $0.1) })
    }

    /// 到现场次数: none in person (零跑动), one for a family business (最多跑一次), so the guide
    /// opens with 办理须知 whose values differ by scenario.
    static let scenarioItem: Item = {
        var item = scenarioItemWithoutVisits
        item.national.onSiteVisits = 0
        item.scenarioVariants[0].onSiteVisits = 1
        return item
    }()

    static let scenarioItemWithoutVisits = Item(
        code: scenarioCode, name: "个体工商户设立登记", type: "行政确认", serviceObjects: ["自然人"],
        agencyID: "scjgj", windowIDs: ["jy-1"], handlingForms: ["窗口", "电脑端"], caseType: .immediate,
        conditions: ["经营者具有经营能力。", "参加经营的家庭成员姓名一并登记。"],
        materials: [
            MaterialRequirement(name: "个体工商户登记申请书", form: .original, copies: 1, source: "申请人自备"),
            MaterialRequirement(name: "经营者身份证件", form: .copy, copies: 1, source: "政府部门核发"),
            MaterialRequirement(
                name: "授权委托书", form: .original, copies: 1, source: "申请人自备",
                requirement: "写明委托事项和权限。", applicability: when(("agent", ["委托他人办理"]))),
            MaterialRequirement(
                name: "受托人身份证件", form: .copy, copies: 1, source: "政府部门核发",
                applicability: when(("agent", ["委托他人办理"]))),
            MaterialRequirement(
                name: "家庭成员关系证明", form: .copy, copies: 1, source: "政府部门核发",
                applicability: when(("form", ["家庭经营"]))),
            MaterialRequirement(
                name: "经营场所使用证明", form: .copy, copies: 1, source: "申请人自备",
                shareable: true, exemption: .dataSharing),
        ],
        timeLimits: TimeLimits(statutory: .workingDays(15), promised: .immediate),
        fees: .charged([
            Fee(name: "登记费", standard: "0元"),
            Fee(name: "邮寄费", standard: "按实收取", applicability: when(("agent", ["委托他人办理"]))),
        ]),
        flow: [
            FlowStep(
                name: "申请", role: "申请人",
                transitions: [Transition(condition: "委托他人办理的", target: "核验委托"), Transition(target: "受理并办结")]),
            FlowStep(
                name: "核验委托", role: "综合受理窗口", timeLimit: .immediate,
                transitions: [Transition(target: "受理并办结")], applicability: when(("agent", ["委托他人办理"]))),
            FlowStep(name: "受理并办结", role: "综合受理窗口", timeLimit: .immediate, outcome: .granted),
        ],
        questions: [
            ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"]),
            ScenarioQuestion(id: "form", question: "经营形式", options: ["个人经营", "家庭经营"]),
        ],
        conditionApplicability: [ConditionApplicability(index: 1, applicability: when(("form", ["家庭经营"])))],
        scenarioVariants: [
            ScenarioVariant(
                applicability: when(("form", ["家庭经营"])), caseType: .promised,
                timeLimits: TimeLimits(statutory: .workingDays(15), promised: .workingDays(3)))
        ])

    /// 食品经营许可 asking the same agent question, for a bundle with ``scenarioItem``.
    static let scenarioFood: Item = {
        var item = foodLicence
        item.questions = [scenarioItem.questions[0]]
        item.materials.append(
            MaterialRequirement(
                name: "授权委托书", form: .original, copies: 1, source: "申请人自备",
                applicability: when(("agent", ["委托他人办理"]))))
        return item
    }()

    /// 一件事 of ``scenarioItem`` and ``scenarioFood``: one agent question for both.
    static var scenarioBundleCatalog: Catalog {
        var c = catalog
        c.items = [scenarioItem, scenarioFood].sorted { $0.code < $1.code }
        let items = Dictionary(uniqueKeysWithValues: c.items.map { ($0.code, $0) })
        c.bundles = [
            ServiceBundle(
                code: "440100-YJS-009", name: "开个体餐饮店一件事", mode: .serial,
                stages: [
                    BundleStage(name: "设立登记", itemCodes: [scenarioItem.code]),
                    BundleStage(name: "许可", itemCodes: [scenarioFood.code]),
                ],
                leadAgencyID: "scjgj", windowCategory: "经营类", promised: .workingDays(5)
            ).merged(with: items)
        ]
        return c
    }

    /// ``catalog`` with ``scenarioItem`` added.
    static var scenarioCatalog: Catalog {
        var c = catalog
        c.items = (c.items + [scenarioItem]).sorted { $0.code < $1.code }
        return c
    }
}
