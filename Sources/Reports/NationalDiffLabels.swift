/// The `element` keys of `diff` for the national 实施清单 elements (GB/T 39554.2-2020): the
/// keys of the catalog's JSON (`Item.national.*`, `Item.result`), so a change names the field a
/// reader of the export would look at.
enum NationalKeys {
    static let basicCode = "basicCode"
    static let implementationCode = "implementationCode"
    static let handlingItems = "handlingItems"
    static let exerciseLevel = "exerciseLevel"
    static let implementerNature = "implementerNature"
    static let powerSource = "powerSource"
    static let entrustingAgency = "entrustingAgencyID"
    static let jointAgencies = "jointAgencyIDs"
    static let onSiteVisits = "onSiteVisits"
    static let onSiteReason = "onSiteReason"
    static let onlineDepth = "onlineDepth"
    static let onlineURL = "onlineURL"
    static let handlingArea = "handlingArea"
    static let complaint = "complaint"
    static let result = "result"
    static let specialProcedures = "specialProcedures"
    static let quantityLimit = "quantityLimit"
    static let faqs = "faqs"
    static let commitment = "commitment"
    static let version = "version"
    static let effectiveDate = "effectiveDate"
    static let repealDate = "repealDate"

    /// Their words in the notice, Chinese and English.
    static let labels: [String: (String, String)] = [
        basicCode: ("基本编码", "Basic code"), implementationCode: ("实施编码", "Implementation code"),
        handlingItems: ("业务办理项", "Handling items"), exerciseLevel: ("行使层级", "Exercise level"),
        implementerNature: ("实施主体性质", "Implementer nature"), powerSource: ("权力来源", "Power source"),
        entrustingAgency: ("委托部门", "Entrusting agency"), jointAgencies: ("联办机构", "Joint agencies"),
        onSiteVisits: ("到现场次数", "On-site visits"), onSiteReason: ("必须现场办理原因", "Reason for on-site visits"),
        onlineDepth: ("网上办理深度", "Online depth"), onlineURL: ("网办地址", "Online address"),
        handlingArea: ("通办范围", "Handling area"), complaint: ("监督投诉", "Complaints"),
        result: ("审批结果", "Approval result"), specialProcedures: ("特别程序", "Special procedures"),
        quantityLimit: ("数量限制", "Quantity limit"), faqs: ("常见问题", "FAQ"),
        commitment: ("告知承诺", "Notification and commitment"), version: ("版本", "Version"),
        effectiveDate: ("生效日期", "Effective date"), repealDate: ("废止日期", "Repeal date"),
    ]

    /// Field words of the national elements and the new fields of materials and time limits.
    static let fields: [String: (String, String)] = [
        "noStatutoryLimit": ("法定时限", "statutory limit"), "statutoryNote": ("法定说明", "statutory note"),
        "promisedNote": ("承诺说明", "promised note"), "exemption": ("免提交", "exempt"),
        "verifyOriginal": ("核验原件", "original verified"), "originalCopies": ("原件份数", "originals"),
        "photocopies": ("复印件份数", "photocopies"), "blankForm": ("空表", "blank form"),
        "sampleForm": ("样表", "sample form"), "fillingNotes": ("填报须知", "filling notes"),
        "deferralLimit": ("容缺后补期限", "deferral limit"), "type": ("类型", "type"),
        "delivery": ("送达方式", "delivery"), "limit": ("时限", "time limit"), "basis": ("依据", "basis"),
        "note": ("说明", "note"), "answer": ("答", "answer"), "pledgeMaterial": ("承诺书", "pledge"),
        "replacedMaterials": ("替代材料", "replaced materials"), "verification": ("核查", "verification"),
    ]
}
