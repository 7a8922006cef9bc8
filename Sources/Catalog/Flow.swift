/// One step (环节) of 办理流程.
public struct FlowStep: Codable, Sendable, Equatable {
    /// 环节: the step's name, unique within the item.
    public var name: String
    /// 岗位: who does it.
    public var role: String?
    /// 时限.
    public var timeLimit: TimeLimit?
    /// 计时: false where the clock stops (补正, 检验, 专家评审 …).
    public var isTimed: Bool
    /// 说明.
    public var note: String?
    /// 下一步: empty for an end step.
    public var transitions: [Transition]
    /// 结束: how the procedure ends at this step, if it does.
    public var outcome: Outcome?
    /// 适用情形: only applicants in these scenarios go through the step; nil: everyone.
    public var applicability: Applicability?

    public init(
        name: String, role: String? = nil, timeLimit: TimeLimit? = nil, isTimed: Bool = true,
        note: String? = nil, transitions: [Transition] = [], outcome: Outcome? = nil,
        applicability: Applicability? = nil
    ) {
        self.name = name
        self.role = role
        self.timeLimit = timeLimit
        self.isTimed = isTimed
        self.note = note
        self.transitions = transitions
        self.outcome = outcome
        self.applicability = applicability
    }
}

/// An edge of the flow: 转到 a step, under a 条件 if there is a choice.
public struct Transition: Codable, Sendable, Equatable {
    public var condition: String?
    public var target: String
    public init(condition: String? = nil, target: String) {
        self.condition = condition
        self.target = target
    }
}

/// 结束: the result at an end step.
public enum Outcome: String, Codable, Sendable, CaseIterable {
    /// 准予: the application is granted.
    case granted = "准予"
    /// 不予: it is refused.
    case refused = "不予"
    /// 终止: the procedure ends without a decision (withdrawn, transferred …).
    case terminated = "终止"
}
