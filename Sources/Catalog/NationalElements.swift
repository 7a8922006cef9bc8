/// The model of the national 实施清单 elements (GB/T 39554.2-2020, codes of GB/T 39554.1-2020,
/// data items of GB/T 39046-2020 表4). An item carries them when its catalog follows the
/// profile `GB/T 39554.2-2020`; otherwise they are empty. Code-set values are kept as the
/// Chinese text the profile allows; their national codes are in ``Catalog/codeSets``.

/// One value of a profile's code set with its national code, in the profile's order.
public struct CodeValue: Codable, Sendable, Equatable, Hashable {
    /// The value as written in files, e.g. 县级.
    public var name: String
    /// Its national code, e.g. `4`, when the standard gives one.
    public var code: String?
    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}

/// 业务办理项: one way of handling an item, coded 实施编码 + two digits.
public struct HandlingItem: Codable, Sendable, Equatable {
    /// 编码: 33 characters.
    public var code: String
    /// 名称, e.g. 企业申请.
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// 监督投诉: where applicants complain (NOT NULL in the national tables).
public struct Complaint: Codable, Sendable, Equatable {
    /// 电话, e.g. 12345.
    public var phone: String?
    /// 网址.
    public var website: String?
    /// 地址.
    public var address: String?
    /// 邮箱.
    public var email: String?
    public init(phone: String? = nil, website: String? = nil, address: String? = nil, email: String? = nil) {
        self.phone = phone
        self.website = website
        self.address = address
        self.email = email
    }
}

/// 审批结果: what the applicant receives, and how. Takes the place of ``Certificate``.
public struct ApprovalResult: Codable, Sendable, Equatable {
    /// 类型: 证照, 批文, 其他 or 无 (code set 审批结果类型).
    public var type: String
    /// 名称, e.g. 食品经营许可证.
    public var name: String?
    /// 有效期, as written.
    public var validity: String?
    /// 样本: a file path relative to the catalog folder, published with the site.
    public var sample: String?
    /// 送达方式: 窗口领取, 邮寄送达, 电子送达, 公告送达, 直接送达.
    public var delivery: [String]
    public init(
        type: String, name: String? = nil, validity: String? = nil, sample: String? = nil,
        delivery: [String] = []
    ) {
        self.type = type
        self.name = name
        self.validity = validity
        self.sample = sample
        self.delivery = delivery
    }
}

/// 特别程序: a procedure whose time is outside 办理时限 (行政许可法第四十五条).
public struct SpecialProcedure: Codable, Sendable, Equatable {
    /// 种类: 听证, 招标, 拍卖, 检验, 检测, 检疫, 鉴定, 专家评审, 公示 or 其他.
    public var kind: String
    /// 时限: its own maximum.
    public var limit: TimeLimit?
    /// 依据.
    public var basis: LegalBasis?
    /// 说明: when it happens.
    public var note: String?
    public init(kind: String, limit: TimeLimit? = nil, basis: LegalBasis? = nil, note: String? = nil) {
        self.kind = kind
        self.limit = limit
        self.basis = basis
        self.note = note
    }
}

/// One entry of 常见问题.
public struct FAQ: Codable, Sendable, Equatable {
    /// 问.
    public var question: String
    /// 答.
    public var answer: String
    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}

/// 告知承诺: the applicant's written promise replaces some proof.
public struct NotificationCommitment: Codable, Sendable, Equatable {
    /// 承诺书: the name of the material of this item that is the promise.
    public var pledgeMaterial: String
    /// 替代材料: names of the materials the promise replaces (免提交: 告知承诺).
    public var replacedMaterials: [String]
    /// 核查: how and when the promise is verified.
    public var verification: String?
    public init(pledgeMaterial: String, replacedMaterials: [String] = [], verification: String? = nil) {
        self.pledgeMaterial = pledgeMaterial
        self.replacedMaterials = replacedMaterials
        self.verification = verification
    }
}

/// Why an applicant need not hand in a material (免提交).
public enum ExemptionReason: String, Codable, Sendable, CaseIterable {
    /// The window fetches it from another system.
    case dataSharing = "数据共享"
    /// It is an electronic licence the window reads.
    case electronicLicence = "电子证照"
    /// The applicant's promise replaces it (告知承诺).
    case commitment = "告知承诺"
}

/// The national 实施清单 elements of one item, empty when the catalog does not follow
/// `GB/T 39554.2-2020`.
public struct NationalElements: Codable, Sendable, Equatable {
    /// 基本编码: 12 characters.
    public var basicCode: String?
    /// 实施编码: 31 characters = 统一社会信用代码 + 行使层级 code + 基本编码.
    public var implementationCode: String?
    /// 业务办理项.
    public var handlingItems: [HandlingItem]
    /// 行使层级: 国家级 … 分级管理 (code set 行使层级).
    public var exerciseLevel: String?
    /// 实施主体性质: 法定机关, 授权组织, 受委托组织, 其他.
    public var implementerNature: String?
    /// 权力来源.
    public var powerSource: String?
    /// 委托部门: an ``Agency/id``.
    public var entrustingAgencyID: String?
    /// 联办机构: ``Agency/id``s.
    public var jointAgencyIDs: [String]
    /// 到现场次数: 0, 1, 2 or 3 (= 多次).
    public var onSiteVisits: Int?
    /// 必须现场办理原因.
    public var onSiteReason: String?
    /// 网上办理深度: the depths reached, in the profile's order.
    public var onlineDepth: [String]
    /// 网办地址.
    public var onlineURL: String?
    /// 通办范围.
    public var handlingArea: String?
    /// 监督投诉.
    public var complaint: Complaint?
    /// 特别程序.
    public var specialProcedures: [SpecialProcedure]
    /// 数量限制.
    public var quantityLimit: String?
    /// 常见问题.
    public var faqs: [FAQ]
    /// 告知承诺.
    public var commitment: NotificationCommitment?
    /// 版本: raised on every published change.
    public var version: Int?
    /// 生效日期 (YYYY-MM-DD).
    public var effectiveDate: String?
    /// 废止日期 (YYYY-MM-DD).
    public var repealDate: String?

    public init(
        basicCode: String? = nil, implementationCode: String? = nil, handlingItems: [HandlingItem] = [],
        exerciseLevel: String? = nil, implementerNature: String? = nil, powerSource: String? = nil,
        entrustingAgencyID: String? = nil, jointAgencyIDs: [String] = [], onSiteVisits: Int? = nil,
        onSiteReason: String? = nil, onlineDepth: [String] = [], onlineURL: String? = nil,
        handlingArea: String? = nil, complaint: Complaint? = nil, specialProcedures: [SpecialProcedure] = [],
        quantityLimit: String? = nil, faqs: [FAQ] = [], commitment: NotificationCommitment? = nil,
        version: Int? = nil, effectiveDate: String? = nil, repealDate: String? = nil
    ) {
        self.basicCode = basicCode
        self.implementationCode = implementationCode
        self.handlingItems = handlingItems
        self.exerciseLevel = exerciseLevel
        self.implementerNature = implementerNature
        self.powerSource = powerSource
        self.entrustingAgencyID = entrustingAgencyID
        self.jointAgencyIDs = jointAgencyIDs
        self.onSiteVisits = onSiteVisits
        self.onSiteReason = onSiteReason
        self.onlineDepth = onlineDepth
        self.onlineURL = onlineURL
        self.handlingArea = handlingArea
        self.complaint = complaint
        self.specialProcedures = specialProcedures
        self.quantityLimit = quantityLimit
        self.faqs = faqs
        self.commitment = commitment
        self.version = version
        self.effectiveDate = effectiveDate
        self.repealDate = repealDate
    }

    /// True when no national element is set (a catalog that does not follow the profile).
    public var isEmpty: Bool { self == NationalElements() }
}
