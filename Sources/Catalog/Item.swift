/// 事项: one service item, the union of the service guide's and the business manual's
/// elements. The guide and the manual are two views of it.
public struct Item: Codable, Sendable, Equatable, Identifiable {
    /// 事项编码: unique in the catalog.
    public var code: String
    /// 事项名称.
    public var name: String
    /// 事项类型, e.g. 行政许可.
    public var type: String
    /// 服务对象.
    public var serviceObjects: [String]
    /// 实施机关: an ``Agency/id``.
    public var agencyID: String
    /// 受理范围.
    public var scope: String?
    /// 受理地点: ``ServiceWindow/id``s.
    public var windowIDs: [String]
    /// 办理形式, e.g. 窗口, 电脑端.
    public var handlingForms: [String]
    /// 办理依据.
    public var legalBasis: [LegalBasis]
    /// 办件类型.
    public var caseType: CaseType?
    /// 审批条件.
    public var conditions: [String]
    /// 申请材料.
    public var materials: [MaterialRequirement]
    /// 办理时限 (审批时间 in the manual).
    public var timeLimits: TimeLimits?
    /// 审批收费.
    public var fees: Fees?
    /// 申请人权利和义务.
    public var rightsAndObligations: String?
    /// 咨询 (审批咨询 in the manual).
    public var consultation: Consultation?
    /// 办理流程 (审批流程 in the manual): the first step is the start.
    public var flow: [FlowStep]
    /// 法律救济.
    public var remedies: Remedies?
    /// 审批证件.
    public var certificate: Certificate?
    /// 审批人员 (internal).
    public var staff: [StaffRole]
    /// 审批进程查询.
    public var progressQuery: String?
    /// 监督检查 (internal).
    public var supervision: String?
    /// 审批结果 (GB/T 39554.2-2020): takes the place of ``certificate`` where written.
    public var result: ApprovalResult?
    /// The national 实施清单 elements; empty unless the catalog follows GB/T 39554.2-2020.
    public var national: NationalElements
    /// Elements a locality's profile adds beyond those above, in profile order.
    public var additionalElements: [AdditionalElement]
    /// 情形: the questions deciding what applies to one applicant; empty for most items.
    public var questions: [ScenarioQuestion]
    /// The 审批条件 entries written with 适用情形 (the others apply to everyone).
    public var conditionApplicability: [ConditionApplicability]
    /// 情形差异: 办件类型, 办理时限 and 到现场次数 under particular scenarios.
    public var scenarioVariants: [ScenarioVariant]

    public init(
        code: String, name: String, type: String, serviceObjects: [String] = [],
        agencyID: String, scope: String? = nil, windowIDs: [String] = [],
        handlingForms: [String] = [], legalBasis: [LegalBasis] = [], caseType: CaseType? = nil,
        conditions: [String] = [], materials: [MaterialRequirement] = [],
        timeLimits: TimeLimits? = nil, fees: Fees? = nil, rightsAndObligations: String? = nil,
        consultation: Consultation? = nil, flow: [FlowStep] = [], remedies: Remedies? = nil,
        certificate: Certificate? = nil, staff: [StaffRole] = [], progressQuery: String? = nil,
        supervision: String? = nil, result: ApprovalResult? = nil,
        national: NationalElements = NationalElements(), additionalElements: [AdditionalElement] = [],
        questions: [ScenarioQuestion] = [], conditionApplicability: [ConditionApplicability] = [],
        scenarioVariants: [ScenarioVariant] = []
    ) {
        self.code = code
        self.name = name
        self.type = type
        self.serviceObjects = serviceObjects
        self.agencyID = agencyID
        self.scope = scope
        self.windowIDs = windowIDs
        self.handlingForms = handlingForms
        self.legalBasis = legalBasis
        self.caseType = caseType
        self.conditions = conditions
        self.materials = materials
        self.timeLimits = timeLimits
        self.fees = fees
        self.rightsAndObligations = rightsAndObligations
        self.consultation = consultation
        self.flow = flow
        self.remedies = remedies
        self.certificate = certificate
        self.staff = staff
        self.progressQuery = progressQuery
        self.supervision = supervision
        self.result = result
        self.national = national
        self.additionalElements = additionalElements
        self.questions = questions
        self.conditionApplicability = conditionApplicability
        self.scenarioVariants = scenarioVariants
    }

    public var id: String { code }
}

/// One entry of 办理依据.
public struct LegalBasis: Codable, Sendable, Equatable {
    /// 法规: a ``Law/id``.
    public var lawID: String
    /// 条款, e.g. 第三十三条.
    public var article: String?
    /// 内容: the clause's text.
    public var text: String?
    public init(lawID: String, article: String? = nil, text: String? = nil) {
        self.lawID = lawID
        self.article = article
        self.text = text
    }
}

/// 办件类型.
public enum CaseType: String, Codable, Sendable, CaseIterable {
    /// Decided on the spot.
    case immediate = "即办件"
    /// Decided within a promised time.
    case promised = "承诺件"
    /// Handled jointly by several agencies.
    case joint = "联办件"
    /// Reported to a higher authority for decision.
    case reported = "上报件"
}

/// 形式 of a material.
public enum MaterialForm: String, Codable, Sendable, CaseIterable {
    case original = "原件"
    case copy = "复印件"
    case originalAndCopy = "原件和复印件"
}

/// 必要性 of a material.
public enum Necessity: String, Codable, Sendable, CaseIterable {
    case required = "必要"
    case optional = "非必要"
    /// May be handed in after acceptance (容缺受理).
    case deferrable = "容缺后补"
}

/// One entry of 申请材料, with any 材料库 entry already merged in.
public struct MaterialRequirement: Codable, Sendable, Equatable {
    /// 材料: the name shown to applicants.
    public var name: String
    /// 材料库: the shared material this entry comes from, if any.
    public var libraryID: String?
    public var form: MaterialForm?
    /// 份数.
    public var copies: Int?
    /// 介质: 纸质, 电子 or 纸质或电子.
    public var medium: String?
    /// 来源: 申请人自备, 政府部门核发, 中介机构出具 or 其他.
    public var source: String?
    public var necessity: Necessity
    /// 要求.
    public var requirement: String?
    /// 条件: the material is needed only when this holds, e.g. 委托他人办理的.
    public var condition: String?
    /// 审查要点 (internal).
    public var reviewPoints: String?
    /// 可共享: the 材料库 says the window can fetch it itself. Without GB/T 39554.2-2020 this
    /// alone makes it 免提交 (the binder sets ``exemption``); under that profile it only
    /// suggests it.
    public var shareable: Bool
    /// 免提交 and why; nil when the applicant hands it in. The one field outputs read.
    public var exemption: ExemptionReason?
    /// 核验原件: the original is shown at the window and returned at once (neither
    /// submitted nor 免提交).
    public var verifyOriginal: Bool
    /// 原件份数 (GB/T 39554.2-2020).
    public var originalCopies: Int?
    /// 复印件份数 (GB/T 39554.2-2020).
    public var photocopies: Int?
    /// 空表: a file path relative to the catalog folder, published with the site.
    public var blankForm: String?
    /// 样表: likewise.
    public var sampleForm: String?
    /// 填报须知.
    public var fillingNotes: String?
    /// 容缺后补期限: with 必要性 容缺后补.
    public var deferralLimit: TimeLimit?
    /// 适用情形: the material is needed only under these scenarios; nil: by everyone.
    public var applicability: Applicability?

    public init(
        name: String, libraryID: String? = nil, form: MaterialForm? = nil, copies: Int? = nil,
        medium: String? = nil, source: String? = nil, necessity: Necessity = .required,
        requirement: String? = nil, condition: String? = nil, reviewPoints: String? = nil,
        shareable: Bool = false, exemption: ExemptionReason? = nil, verifyOriginal: Bool = false,
        originalCopies: Int? = nil, photocopies: Int? = nil, blankForm: String? = nil,
        sampleForm: String? = nil, fillingNotes: String? = nil, deferralLimit: TimeLimit? = nil,
        applicability: Applicability? = nil
    ) {
        self.name = name
        self.libraryID = libraryID
        self.form = form
        self.copies = copies
        self.medium = medium
        self.source = source
        self.necessity = necessity
        self.requirement = requirement
        self.condition = condition
        self.reviewPoints = reviewPoints
        self.shareable = shareable
        self.exemption = exemption
        self.verifyOriginal = verifyOriginal
        self.originalCopies = originalCopies
        self.photocopies = photocopies
        self.blankForm = blankForm
        self.sampleForm = sampleForm
        self.fillingNotes = fillingNotes
        self.deferralLimit = deferralLimit
        self.applicability = applicability
    }

    /// 免提交: the applicant hands nothing in for it.
    public var isExempt: Bool { exemption != nil }
}

/// 审批收费.
///
/// Encoded as `{"kind": "free"}` or `{"kind": "charged", "items": [Fee …]}`, like
/// ``TimeLimit``'s `{kind, days}`, rather than Swift's synthesized `{"charged": {"_0": […]}}`.
public enum Fees: Codable, Sendable, Equatable {
    /// 不收费.
    case free
    /// The fees charged.
    case charged([Fee])

    private enum CodingKeys: String, CodingKey { case kind, items }
    private enum Kind: String, Codable { case free, charged }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .free: self = .free
        case .charged: self = .charged(try c.decode([Fee].self, forKey: .items))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .free: try c.encode(Kind.free, forKey: .kind)
        case .charged(let fees):
            try c.encode(Kind.charged, forKey: .kind)
            try c.encode(fees, forKey: .items)
        }
    }
}

/// One fee: 项目, 标准, 依据.
public struct Fee: Codable, Sendable, Equatable {
    public var name: String
    public var standard: String
    public var basis: String?
    /// 适用情形: charged only under these scenarios; nil: to everyone charged.
    public var applicability: Applicability?
    public init(name: String, standard: String, basis: String? = nil, applicability: Applicability? = nil) {
        self.name = name
        self.standard = standard
        self.basis = basis
        self.applicability = applicability
    }
}

/// 咨询.
public struct Consultation: Codable, Sendable, Equatable {
    public var phone: String?
    public var address: String?
    public var website: String?
    public var email: String?
    public init(
        phone: String? = nil, address: String? = nil, website: String? = nil, email: String? = nil
    ) {
        self.phone = phone
        self.address = address
        self.website = website
        self.email = email
    }
}

/// 法律救济.
public struct Remedies: Codable, Sendable, Equatable {
    /// 行政复议.
    public var reconsideration: String?
    /// 行政诉讼.
    public var litigation: String?
    public init(reconsideration: String? = nil, litigation: String? = nil) {
        self.reconsideration = reconsideration
        self.litigation = litigation
    }
}

/// 审批证件: what the applicant receives.
public struct Certificate: Codable, Sendable, Equatable {
    public var name: String
    /// 有效期, as written (长期, 4年 …).
    public var validity: String?
    /// 样本: a link to a sample.
    public var sample: String?
    public init(name: String, validity: String? = nil, sample: String? = nil) {
        self.name = name
        self.validity = validity
        self.sample = sample
    }
}

/// One entry of 审批人员 (internal).
public struct StaffRole: Codable, Sendable, Equatable {
    /// 岗位.
    public var role: String
    /// 职责.
    public var duties: String?
    /// 资格: what the holder must be qualified for.
    public var qualification: String?
    public init(role: String, duties: String? = nil, qualification: String? = nil) {
        self.role = role
        self.duties = duties
        self.qualification = qualification
    }
}

/// An element a locality's profile defines that this model has no field for.
public struct AdditionalElement: Codable, Sendable, Equatable {
    /// The English key from the profile.
    public var key: String
    /// The element's Chinese name, used as its heading.
    public var title: String
    public var isInternal: Bool
    public var value: Value
    public init(key: String, title: String, isInternal: Bool, value: Value) {
        self.key = key
        self.title = title
        self.isInternal = isInternal
        self.value = value
    }

    /// A generic element value: `{"kind": "text", "text": "…"}` or
    /// `{"kind": "list", "list": ["…"]}` when encoded.
    public enum Value: Codable, Sendable, Equatable {
        case text(String)
        case list([String])

        private enum CodingKeys: String, CodingKey { case kind, text, list }
        private enum Kind: String, Codable { case text, list }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            switch try c.decode(Kind.self, forKey: .kind) {
            case .text: self = .text(try c.decode(String.self, forKey: .text))
            case .list: self = .list(try c.decode([String].self, forKey: .list))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .text(let text):
                try c.encode(Kind.text, forKey: .kind)
                try c.encode(text, forKey: .text)
            case .list(let list):
                try c.encode(Kind.list, forKey: .kind)
                try c.encode(list, forKey: .list)
            }
        }
    }
}
