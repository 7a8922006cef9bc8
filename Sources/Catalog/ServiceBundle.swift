/// 一件事: several items an applicant needs for one life or business event, accepted at
/// one window with one set of materials and one time limit (并联审批 and the like).
public struct ServiceBundle: Codable, Sendable, Equatable, Identifiable {
    /// 编码: unique among bundles and items.
    public var code: String
    /// 名称.
    public var name: String
    /// 办理方式.
    public var mode: BundleMode
    /// The members in the order they are handled: one stage holding every member for
    /// 并联, one stage per member for 串联, the stages as written for 混合.
    public var stages: [BundleStage]
    /// 牵头部门: an ``Agency/id``.
    public var leadAgencyID: String
    /// 窗口类别 of the window that accepts the bundle.
    public var windowCategory: String
    /// 承诺: the bundle's promised limit.
    public var promised: TimeLimit?
    /// 说明.
    public var note: String?
    /// The members' materials merged: one entry per distinct material.
    public var materials: [BundleMaterial]
    /// What the bundle saves.
    public var figures: BundleFigures
    /// 情形: the members' questions merged, in stage order, each id once (the first member
    /// asking it gives its wording). The compiler refuses a bundle whose members give one id
    /// different options, so one answer serves every member that asks it.
    public var questions: [ScenarioQuestion]

    public init(
        code: String, name: String, mode: BundleMode, stages: [BundleStage], leadAgencyID: String,
        windowCategory: String, promised: TimeLimit? = nil, note: String? = nil,
        materials: [BundleMaterial] = [], figures: BundleFigures = BundleFigures(),
        questions: [ScenarioQuestion] = []
    ) {
        self.code = code
        self.name = name
        self.mode = mode
        self.stages = stages
        self.leadAgencyID = leadAgencyID
        self.windowCategory = windowCategory
        self.promised = promised
        self.note = note
        self.materials = materials
        self.figures = figures
        self.questions = questions
    }

    public var id: String { code }

    /// Every member's 事项编码, in stage order.
    public var memberCodes: [String] { stages.flatMap(\.itemCodes) }
}

/// 办理方式 of a bundle.
public enum BundleMode: String, Codable, Sendable, CaseIterable {
    /// 并联: all members at once.
    case parallel = "并联"
    /// 串联: one after another.
    case serial = "串联"
    /// 混合: stages one after another, the members of a stage at once.
    case mixed = "混合"
}

/// One stage (阶段) of a bundle: members handled at the same time.
public struct BundleStage: Codable, Sendable, Equatable {
    public var name: String?
    public var itemCodes: [String]
    public init(name: String? = nil, itemCodes: [String]) {
        self.name = name
        self.itemCodes = itemCodes
    }
}

/// A material of a bundle: the same material asked for by several members, submitted once.
public struct BundleMaterial: Codable, Sendable, Equatable {
    public var name: String
    public var libraryID: String?
    /// The strictest 形式 the members ask for (原件 and 复印件 together make 原件和复印件).
    public var form: MaterialForm?
    /// The most 份数 any member asks for.
    public var copies: Int?
    public var medium: String?
    public var source: String?
    /// The strictest 必要性: 必要 over 容缺后补 over 非必要.
    public var necessity: Necessity
    /// Set only when every member asks for it under a condition; the conditions joined.
    public var condition: String?
    public var shareable: Bool
    /// 免提交 and why: set only when every member's entry is 免提交, to the first member's
    /// reason. The one field outputs read for 免提交.
    public var exemption: ExemptionReason?
    /// The 事项编码 of the members that ask for it, in stage order.
    public var neededBy: [String]
    /// 适用情形: the material is needed when ANY of these holds; nil: by everyone.
    ///
    /// A list, because merging is an or: a member that asks for it under `{agent: 委托他人办理}`
    /// and another under `{form: 家庭经营}` need it in either case, which one ``Applicability``
    /// (an and across questions) cannot say. The list is kept short and exact: nil as soon as
    /// one member needs it from everyone (or the alternatives together cover every choice of a
    /// question), no alternative implied by another, and two alternatives differing in one
    /// question's options joined into one. Never empty; clauses and options in the bundle's
    /// question order.
    public var applicability: [Applicability]?

    public init(
        name: String, libraryID: String? = nil, form: MaterialForm? = nil, copies: Int? = nil,
        medium: String? = nil, source: String? = nil, necessity: Necessity = .required,
        condition: String? = nil, shareable: Bool = false, exemption: ExemptionReason? = nil,
        neededBy: [String] = [], applicability: [Applicability]? = nil
    ) {
        self.name = name
        self.libraryID = libraryID
        self.form = form
        self.copies = copies
        self.medium = medium
        self.source = source
        self.necessity = necessity
        self.condition = condition
        self.shareable = shareable
        self.exemption = exemption
        self.neededBy = neededBy
        self.applicability = applicability
    }

    /// Whether an applicant who chose `choice` needs it (unanswered questions hold, as for
    /// an item: without a choice the full list shows).
    public func applies(in choice: ScenarioChoice) -> Bool {
        applicability?.contains { $0.holds(in: choice) } ?? true
    }
}

/// The figures of a bundle, computed by the compiler from its members.
public struct BundleFigures: Codable, Sendable, Equatable {
    /// The longest chain of members by their 承诺 (并联: the longest; 串联: all; 混合: the
    /// longest of each stage); its steps are 事项编码.
    public var criticalPath: FlowPath?
    /// The same chain by the members' 法定 limits: what the law allows.
    public var statutoryPath: FlowPath?
    /// Every member's 承诺 one after another: doing the items one by one.
    public var oneByOne: FlowPath?
    /// Materials the members ask for, counted per member, and once each after merging.
    public var materialsBeforeMerge: Int
    public var materialsAfterMerge: Int

    public init(
        criticalPath: FlowPath? = nil, statutoryPath: FlowPath? = nil, oneByOne: FlowPath? = nil,
        materialsBeforeMerge: Int = 0, materialsAfterMerge: Int = 0
    ) {
        self.criticalPath = criticalPath
        self.statutoryPath = statutoryPath
        self.oneByOne = oneByOne
        self.materialsBeforeMerge = materialsBeforeMerge
        self.materialsAfterMerge = materialsAfterMerge
    }

    /// Materials an applicant no longer hands in twice.
    public var materialsSaved: Int { materialsBeforeMerge - materialsAfterMerge }
}
