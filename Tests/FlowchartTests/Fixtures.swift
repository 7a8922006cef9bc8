import Catalog
@testable import Flowchart

/// Flows the tests lay out.
enum Fixtures {
    static func step(
        _ name: String, _ role: String? = nil, _ limit: String? = nil, timed: Bool = true,
        next: [(String?, String)] = [], end: Outcome? = nil
    ) -> FlowStep {
        FlowStep(
            name: name, role: role, timeLimit: limit.flatMap(TimeLimit.init(text:)), isTimed: timed,
            transitions: next.map { Transition(condition: $0.0, target: $0.1) }, outcome: end)
    }

    /// FORMAT.md's example: 特种设备使用登记.
    static let example: [FlowStep] = [
        step("申请", "申请人", next: [(nil, "受理")]),
        step("受理", "综合受理窗口", "即办", next: [("材料齐全、符合法定形式", "审查"), ("材料不齐全", "补正告知")]),
        step("补正告知", timed: false, next: [(nil, "受理")]),
        step("审查", "审查人员", "5个工作日", next: [(nil, "决定")]),
        step("决定", "决定人员", "3个工作日", next: [("准予登记", "制证"), ("不予登记", "不予登记告知")]),
        step("制证", nil, "2个工作日", next: [(nil, "送达")]),
        step("送达", end: .granted),
        step("不予登记告知", end: .refused),
    ]

    /// The example's critical path, as the catalog computes it.
    static var exampleCriticalPath: [String] {
        let item = Item(code: "440100-XK-00012-001", name: "特种设备使用登记", type: "行政许可", agencyID: "scjgj", flow: example)
        return item.criticalPath()?.steps ?? []
    }

    /// 受理 branches six ways, by the kind of application.
    static let wideBranch: [FlowStep] = {
        let kinds = ["新办", "变更", "延续", "注销", "补证", "迁移登记（跨行政区域）"]
        var steps = [
            step("申请", "申请人", next: [(nil, "受理")]),
            step("受理", "综合受理窗口", "即办", next: kinds.map { ("申请\($0)", "\($0)审查") }),
        ]
        for (i, k) in kinds.enumerated() {
            steps.append(step("\(k)审查", "审查人员", "\(i + 2)个工作日", next: [(nil, "决定")]))
        }
        steps += [
            step("决定", "决定人员", "3个工作日", next: [("准予", "办结"), ("不予", "不予许可告知")]),
            step("办结", "综合受理窗口", "即办", end: .granted),
            step("不予许可告知", "综合受理窗口", end: .refused),
        ]
        return steps
    }()

    /// A straight chain of `count` steps, the last one an end.
    static func chain(_ count: Int) -> [FlowStep] {
        (0..<count).map { i in
            i == count - 1
                ? step("环节\(i + 1)", "岗位\(i % 7 + 1)", "1个工作日", end: .granted)
                : step("环节\(i + 1)", "岗位\(i % 7 + 1)", "\(i % 5 + 1)个工作日", next: [(nil, "环节\(i + 2)")])
        }
    }

    /// 联办件: two agencies review in parallel branches, then a joint meeting decides.
    static let jointCase: [FlowStep] = [
        step("申请", "申请人", next: [(nil, "联办受理")]),
        step("联办受理", "政务服务中心联办窗口", "即办", next: [
            ("涉及市场监管", "市场监督管理局审查"), ("涉及消防安全", "住房和城乡建设局消防审查"), ("材料不齐全", "一次性告知补正"),
        ]),
        step("一次性告知补正", "联办窗口", timed: false, next: [(nil, "联办受理")]),
        step("市场监督管理局审查", "市场监督管理局审查科", "5个工作日", next: [(nil, "联合审查会")]),
        step("住房和城乡建设局消防审查", "住建局消防审查科", "7个工作日", next: [("需现场检验", "现场检验"), ("无需检验", "联合审查会")]),
        step("现场检验", "消防检验员", "10个工作日", timed: false, next: [(nil, "联合审查会")]),
        step("联合审查会", "牵头部门", "3个工作日", next: [("同意", "联合决定"), ("申请人撤回", "终止办理")]),
        step("联合决定", "牵头部门负责人", "2个工作日", next: [("准予", "联合发证"), ("不予", "不予许可决定书送达")]),
        step("联合发证", "联办窗口", "1个工作日", end: .granted),
        step("不予许可决定书送达", "联办窗口", "1个工作日", end: .refused),
        step("终止办理", "联办窗口", end: .terminated),
    ]

    /// Two steps nobody reaches: one leads back into the flow, they loop between themselves.
    static let unreachable: [FlowStep] = [
        step("申请", "申请人", next: [(nil, "受理")]),
        step("受理", "窗口", "即办", next: [(nil, "审查")]),
        step("审查", "审查人员", "5个工作日", next: [(nil, "办结")]),
        step("办结", end: .granted),
        step("复核", "复核人员", "2个工作日", next: [("复核通过", "审查"), ("需再复核", "再复核")]),
        step("再复核", "科长", "1个工作日", next: [(nil, "复核"), ("转办", "孤立终止")]),
        step("孤立终止", end: .terminated),
        step("孤岛", "无人"),
    ]

    /// A step that leads to itself.
    static let selfLoop: [FlowStep] = [
        step("申请", "申请人", next: [(nil, "受理")]),
        step("受理", "窗口", "即办", next: [("材料不齐全，当场补正", "受理"), ("齐全", "审查")]),
        step("审查", "审查人员", "5个工作日", next: [(nil, "审查"), ("通过", "办结")]),
        step("办结", end: .granted),
    ]

    /// Several loops back, over more than one rank, into the same step and from the same step.
    static let loops: [FlowStep] = [
        step("申请", "申请人", next: [(nil, "受理")]),
        step("受理", "综合受理窗口", "即办", next: [("材料齐全", "初审"), ("材料不齐全", "补正告知")]),
        step("补正告知", "综合受理窗口", timed: false, next: [(nil, "受理")]),
        step("初审", "审查人员", "5个工作日", next: [("需补正", "补正告知"), ("需专家评审", "专家评审"), ("通过", "决定")]),
        step("专家评审", "专家组", "15日", timed: false, next: [(nil, "决定")]),
        step("决定", "决定人员", "3个工作日", next: [("准予", "制证"), ("不予", "不予告知"), ("退回重审", "初审"), ("重新受理", "受理")]),
        step("制证", "制证人员", "2个工作日", next: [(nil, "送达")]),
        step("送达", "综合受理窗口", end: .granted),
        step("不予告知", "综合受理窗口", end: .refused),
    ]

    /// Long, mixed and wide text: names, roles and conditions that must fit their boxes.
    static let textHeavy: [FlowStep] = [
        step("MMMM WWWW 网上申报（www.gdzwfw.gov.cn）", "申请人或其委托代理人（须持有效身份证件）", next: [(nil, "受理")]),
        step("受理", "综合窗口 No.12-A", "即办", next: [("材料齐全、符合法定形式，且申请人已签署《告知承诺书》的", "审查"), ("M", "审查")]),
        step("审查", "WWWWWWWWWWWWWWWWWWWWWWWWWWWW", "100个工作日", next: [(nil, "办结")]),
        step("办结", "1111111111 2222222222 3333333333", end: .granted),
    ]
}
