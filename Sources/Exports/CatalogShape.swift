import Catalog

/// The shape of the catalog's JSON (what `Catalog`'s `Codable` conformance writes), described
/// once: the JSON Schema, the XSD and the XML writer are all made from it, so the three cannot
/// drift apart. Field order is the model's declaration order, which the XML keeps; the JSON
/// sorts keys.
///
/// A field the model encodes but this description lacks makes the XML writer throw, and every
/// export's XML is validated against the XSD made from it, so a change to the model that is
/// not mirrored here fails loudly instead of exporting quietly wrong data.
public enum CatalogShape {
    /// The XML namespace of `catalog.xml`, versioned with ``Catalog/currentFormatVersion``.
    public static let namespace = "urn:zhinan:catalog:\(Catalog.currentFormatVersion)"
    /// The root object.
    static let root = "Catalog"

    /// A value in the catalog's JSON.
    indirect enum Value: Sendable {
        /// A JSON string; `pattern` restricts it (ECMA-262 for JSON Schema, XSD regex for XML).
        case string(Pattern? = nil)
        /// A JSON integer, at least `minimum`.
        case integer(minimum: Int? = nil)
        /// The integer `value` and nothing else.
        case constant(Int)
        case boolean
        /// A string from a fixed set, named so both schemas define it once.
        case enumeration(String)
        /// A JSON array; in XML a wrapper element with one `element` child per entry.
        case list(Value, element: String)
        /// A named object (see ``objects``).
        case object(String)
    }

    /// A string pattern in both schema languages' dialects.
    struct Pattern: Sendable {
        /// ECMA-262, anchored with `^…$` where the whole string must match.
        var json: String
        /// XSD regular expression (always anchored).
        var xsd: String
        /// The JSON Schema `format` the string also has (`date`), if any.
        var format: String? = nil
        /// The XSD type the pattern restricts: `xs:date` checks the calendar too.
        var xsdBase = "xs:string"
    }

    struct Field: Sendable {
        var key: String
        var value: Value
        var required: Bool
        var doc: String
    }

    /// One alternative of a tagged object: the objects whose `kind` is in `kinds` carry the
    /// optional fields in `fields` (required for them) and none of the object's other optional fields.
    struct Variant: Sendable {
        var kinds: [String]
        var fields: [String]
    }

    struct Object: Sendable {
        var name: String
        var doc: String
        var fields: [Field]
        /// Non-empty for a tagged object (``TimeLimit``, ``Fees`` …), whose first field is `kind`.
        var variants: [Variant] = []
    }

    struct Enumeration: Sendable {
        var name: String
        var doc: String
        var values: [String]
    }

    // MARK: - Patterns the compiler guarantees for an error-free catalog

    static let region = Pattern(json: "^[1-9][0-9]{5}$", xsd: "[1-9][0-9]{5}")
    /// A day of the calendar, years 0001–9999, without a time zone.
    static let date = Pattern(
        json: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", xsd: "[0-9]{4}-[0-9]{2}-[0-9]{2}", format: "date", xsdBase: "xs:date")
    /// A 情形 question's 编号.
    static let scenarioID = Pattern(json: "^[A-Za-z0-9-]+$", xsd: "[A-Za-z0-9\\-]+")
    static let url = Pattern(json: "^[Hh][Tt][Tt][Pp][Ss]?://", xsd: "[Hh][Tt][Tt][Pp][Ss]?://.+")

    // MARK: - The description

    static func req(_ key: String, _ value: Value, _ doc: String) -> Field {
        Field(key: key, value: value, required: true, doc: doc)
    }
    static func opt(_ key: String, _ value: Value, _ doc: String) -> Field {
        Field(key: key, value: value, required: false, doc: doc)
    }
    static let text = Value.string()
    static func texts(_ element: String) -> Value { .list(.string(), element: element) }

    static let enumerations: [Enumeration] = [
        Enumeration(name: "CaseType", doc: "办件类型", values: CaseType.allCases.map(\.rawValue)),
        Enumeration(name: "MaterialForm", doc: "材料形式", values: MaterialForm.allCases.map(\.rawValue)),
        Enumeration(name: "Necessity", doc: "必要性", values: Necessity.allCases.map(\.rawValue)),
        Enumeration(name: "Outcome", doc: "结束：办理结果", values: Outcome.allCases.map(\.rawValue)),
        Enumeration(name: "TimeLimitKind", doc: "时限的计法：immediate 即办，workingDays N个工作日，calendarDays N日（自然日）",
                    values: ["immediate", "workingDays", "calendarDays"]),
        Enumeration(name: "FeesKind", doc: "审批收费：free 不收费，charged 收费（见 items）", values: ["free", "charged"]),
        Enumeration(name: "AdditionalValueKind", doc: "要素值的形式：text 文本，list 文本列表", values: ["text", "list"]),
        Enumeration(name: "BundleMode", doc: "一件事的办理方式", values: BundleMode.allCases.map(\.rawValue)),
        Enumeration(name: "ExemptionReason", doc: "免提交的原因", values: ExemptionReason.allCases.map(\.rawValue)),
    ]

    static let objects: [Object] = [
        Object(name: "Catalog", doc: "事项目录：编译后的目录，要素用英文键", fields: [
            req("formatVersion", .constant(Catalog.currentFormatVersion), "格式版本；不兼容的改动时递增"),
            req("name", text, "目录名称"),
            req("region", .string(region), "行政区划：GB/T 2260 六位代码"),
            req("standards", texts("standard"), "标准：遵循的标准编号，如 DB44/T 1147-2013"),
            opt("internalControlLine", .object("Ratio"), "内控线：承诺时限超过法定时限的这一比例时给出警告"),
            opt("timeLimitNote", text, "时限说明：办事指南在办理时限下印出的说明（时限从何时起算、哪些时间不计入）"),
            req("agencies", .list(.object("Agency"), element: "agency"), "实施机关"),
            req("windows", .list(.object("ServiceWindow"), element: "window"), "窗口"),
            req("laws", .list(.object("Law"), element: "law"), "法规"),
            req("sharedMaterials", .list(.object("SharedMaterial"), element: "sharedMaterial"), "材料库"),
            req("items", .list(.object("Item"), element: "item"), "事项，按事项编码排序"),
            req("bundles", .list(.object("ServiceBundle"), element: "bundle"), "一件事：多个事项一次申请、一窗受理，按编码排序"),
            req("internalElements", texts("key"),
                "内部要素的键（如 staff、materials.reviewPoints）：公开导出中这些要素已被删除"),
            opt("codeSets", .list(.object("CodeSet"), element: "codeSet"),
                "代码集：所遵循配置的代码集（窗口类别、行使层级 …）及其国家代码，按名称排序；没有时省略"),
        ]),
        Object(name: "CodeSet", doc: "代码集：配置中的一组取值，按配置顺序", fields: [
            req("name", text, "名称，如 行使层级"),
            req("values", .list(.object("CodeValue"), element: "value"), "取值"),
        ]),
        Object(name: "CodeValue", doc: "代码集的一个取值", fields: [
            req("name", text, "取值，如 县级"),
            opt("code", text, "国家代码，如 4（标准给出时）"),
        ]),
        Object(name: "Ratio", doc: "分数，如内控线 2/3", fields: [
            req("numerator", .integer(), "分子"),
            req("denominator", .integer(minimum: 1), "分母"),
        ]),
        Object(name: "Agency", doc: "实施机关", fields: [
            req("id", text, "编号：事项以此引用"),
            req("name", text, "名称"),
            opt("creditCode", text, "统一社会信用代码（GB 32100）"),
            opt("address", text, "地址"),
            opt("phone", text, "电话"),
            opt("website", .string(url), "网址"),
        ]),
        Object(name: "ServiceWindow", doc: "窗口：政务服务中心受理事项的窗口", fields: [
            req("id", text, "编号"),
            req("name", text, "名称"),
            req("category", .string(), "类别：配置的代码集“窗口类别”中的值"),
            opt("location", text, "地点"),
            opt("hours", text, "办公时间"),
            opt("phone", text, "电话"),
        ]),
        Object(name: "Law", doc: "法规：事项引用的法律法规", fields: [
            req("id", text, "编号"),
            req("name", text, "名称"),
            req("level", text, "层级：法律、行政法规、地方性法规、部门规章、地方政府规章或规范性文件"),
            opt("documentNumber", text, "文号"),
            opt("effectiveDate", .string(date), "施行日期（YYYY-MM-DD，公历中实际存在的日期）"),
            opt("url", .string(url), "网址"),
        ]),
        Object(name: "SharedMaterial", doc: "材料库：多个事项共用的材料", fields: [
            req("id", text, "编号"),
            req("name", text, "名称"),
            opt("source", text, "来源"),
            req("shareable", .boolean, "可共享：窗口可从其他系统调取，申请人免提交"),
            opt("form", .enumeration("MaterialForm"), "形式"),
            opt("copies", .integer(minimum: 1), "份数"),
            opt("medium", text, "介质"),
            opt("requirement", text, "要求"),
        ]),
        Object(name: "Item", doc: "事项：办事指南和业务手册的要素合集", fields: [
            req("code", text, "事项编码：目录内唯一"),
            req("name", text, "事项名称"),
            req("type", text, "事项类型，如 行政许可"),
            req("serviceObjects", texts("serviceObject"), "服务对象"),
            req("agencyID", text, "实施机关：Agency 的 id"),
            opt("scope", text, "受理范围"),
            req("windowIDs", texts("windowID"), "受理地点：ServiceWindow 的 id"),
            req("handlingForms", texts("handlingForm"), "办理形式，如 窗口、电脑端"),
            req("legalBasis", .list(.object("LegalBasis"), element: "basis"), "办理依据"),
            opt("caseType", .enumeration("CaseType"), "办件类型"),
            req("conditions", texts("condition"), "审批条件"),
            req("materials", .list(.object("MaterialRequirement"), element: "material"), "申请材料"),
            opt("timeLimits", .object("TimeLimits"), "办理时限（业务手册称审批时间）"),
            opt("fees", .object("Fees"), "审批收费"),
            opt("rightsAndObligations", text, "申请人权利和义务"),
            opt("consultation", .object("Consultation"), "咨询（业务手册称审批咨询）"),
            req("flow", .list(.object("FlowStep"), element: "step"), "办理流程（业务手册称审批流程）：第一个环节是起点"),
            opt("remedies", .object("Remedies"), "法律救济"),
            opt("certificate", .object("Certificate"), "审批证件"),
            req("staff", .list(.object("StaffRole"), element: "role"), "审批人员（内部要素）"),
            opt("progressQuery", text, "审批进程查询"),
            opt("supervision", text, "监督检查（内部要素）"),
            opt("result", .object("ApprovalResult"), "审批结果（GB/T 39554.2-2020）：代替审批证件"),
            opt("national", .object("NationalElements"),
                "实施清单要素（GB/T 39554.2-2020）；事项没有任何实施清单要素时省略"),
            req("additionalElements", .list(.object("AdditionalElement"), element: "element"),
                "地方标准配置增加的其他要素，按配置顺序"),
            opt("questions", .list(.object("ScenarioQuestion"), element: "question"),
                "情形：决定申请人需要哪些材料、条件、收费和环节的问题，按编写顺序；事项没有情形时省略"),
            opt("conditionApplicability", .list(.object("ConditionApplicability"), element: "condition"),
                "审批条件的适用情形：只有写了适用情形的条件才有一项；没有时省略"),
            opt("scenarioVariants", .list(.object("ScenarioVariant"), element: "variant"),
                "情形差异：某些情形下的办件类型、办理时限和到现场次数；按编写顺序，第一个成立的生效；没有时省略"),
        ]),
        Object(name: "LegalBasis", doc: "办理依据的一项", fields: [
            req("lawID", text, "法规：Law 的 id"),
            opt("article", text, "条款，如 第三十三条"),
            opt("text", text, "内容：条款原文"),
        ]),
        Object(name: "MaterialRequirement", doc: "申请材料的一项（已合并材料库中的内容）", fields: [
            req("name", text, "材料名称"),
            opt("libraryID", text, "材料库：SharedMaterial 的 id"),
            opt("form", .enumeration("MaterialForm"), "形式"),
            opt("copies", .integer(minimum: 1), "份数"),
            opt("medium", text, "介质：纸质、电子或纸质或电子"),
            opt("source", text, "来源：申请人自备、政府部门核发、中介机构出具或其他"),
            req("necessity", .enumeration("Necessity"), "必要性"),
            opt("requirement", text, "要求"),
            opt("condition", text, "条件：只在这种情形下需要，如 委托他人办理的"),
            opt("reviewPoints", text, "审查要点（内部要素）"),
            req("shareable", .boolean, "可共享：材料库标明窗口可自行调取"),
            opt("exemption", .enumeration("ExemptionReason"), "免提交及其原因；申请人须提交时省略"),
            opt("verifyOriginal", .boolean, "核验原件：原件在窗口核验后当场退回；为 false 时省略"),
            opt("originalCopies", .integer(minimum: 1), "原件份数"),
            opt("photocopies", .integer(minimum: 1), "复印件份数"),
            opt("blankForm", text, "空表：目录文件夹内的相对路径，发布在网站的 attachments/ 下"),
            opt("sampleForm", text, "样表：同上"),
            opt("fillingNotes", text, "填报须知"),
            opt("deferralLimit", .object("TimeLimit"), "容缺后补期限"),
            opt("applicability", .object("Applicability"), "适用情形：只在这些情形下需要；省略时人人需要"),
        ]),
        Object(name: "TimeLimits", doc: "办理时限：法定时限和承诺时限", fields: [
            opt("statutory", .object("TimeLimit"), "法定"),
            opt("promised", .object("TimeLimit"), "承诺"),
            opt("noStatutoryLimit", .boolean, "法定: 无——法律法规未规定办理时限；为 false 时省略"),
            opt("statutoryNote", text, "法定说明"),
            opt("promisedNote", text, "承诺说明，如 半小时办结"),
        ]),
        Object(name: "ApprovalResult", doc: "审批结果：申请人得到什么，如何送达", fields: [
            req("type", text, "类型：证照、批文、其他 或 无（代码集 审批结果类型）"),
            opt("name", text, "名称"),
            opt("validity", text, "有效期"),
            opt("sample", text, "样本：目录文件夹内的相对路径，发布在网站的 attachments/ 下"),
            req("delivery", texts("method"), "送达方式"),
        ]),
        Object(name: "NationalElements", doc: "实施清单要素（GB/T 39554.2-2020，编码见 GB/T 39554.1-2020）", fields: [
            opt("basicCode", text, "基本编码：12 位"),
            opt("implementationCode", text, "实施编码：31 位 = 统一社会信用代码 + 行使层级代码 + 基本编码"),
            req("handlingItems", .list(.object("HandlingItem"), element: "handlingItem"), "业务办理项"),
            opt("exerciseLevel", text, "行使层级"),
            opt("implementerNature", text, "实施主体性质"),
            opt("powerSource", text, "权力来源"),
            opt("entrustingAgencyID", text, "委托部门：Agency 的 id"),
            req("jointAgencyIDs", texts("agencyID"), "联办机构：Agency 的 id"),
            opt("onSiteVisits", .integer(minimum: 0), "到现场次数：0、1、2 或 3（多次）"),
            opt("onSiteReason", text, "必须现场办理原因"),
            req("onlineDepth", texts("depth"), "网上办理深度：达到的各级，按配置顺序"),
            opt("onlineURL", .string(url), "网办地址"),
            opt("handlingArea", text, "通办范围"),
            opt("complaint", .object("Complaint"), "监督投诉"),
            req("specialProcedures", .list(.object("SpecialProcedure"), element: "procedure"), "特别程序"),
            opt("quantityLimit", text, "数量限制"),
            req("faqs", .list(.object("FAQ"), element: "faq"), "常见问题"),
            opt("commitment", .object("NotificationCommitment"), "告知承诺"),
            opt("version", .integer(minimum: 1), "版本"),
            opt("effectiveDate", .string(date), "生效日期"),
            opt("repealDate", .string(date), "废止日期"),
        ]),
        Object(name: "HandlingItem", doc: "业务办理项", fields: [
            req("code", text, "编码：实施编码 + 2 位"),
            req("name", text, "名称"),
        ]),
        Object(name: "Complaint", doc: "监督投诉", fields: [
            opt("phone", text, "电话"),
            opt("website", text, "网址"),
            opt("address", text, "地址"),
            opt("email", text, "邮箱"),
        ]),
        Object(name: "SpecialProcedure", doc: "特别程序：所需时间不计入办理时限", fields: [
            req("kind", text, "种类，如 专家评审"),
            opt("limit", .object("TimeLimit"), "时限"),
            opt("basis", .object("LegalBasis"), "依据"),
            opt("note", text, "说明"),
        ]),
        Object(name: "FAQ", doc: "常见问题的一项", fields: [
            req("question", text, "问"),
            req("answer", text, "答"),
        ]),
        Object(name: "NotificationCommitment", doc: "告知承诺：申请人的书面承诺代替部分证明材料", fields: [
            req("pledgeMaterial", text, "承诺书：本事项的材料名称"),
            req("replacedMaterials", texts("material"), "替代材料：免提交（告知承诺）的材料"),
            opt("verification", text, "核查"),
        ]),
        Object(name: "TimeLimit", doc: "时限：即办、N个工作日或 N日（自然日）", fields: [
            req("kind", .enumeration("TimeLimitKind"), "计法"),
            opt("days", .integer(minimum: 1), "天数：workingDays 和 calendarDays 才有"),
        ], variants: [
            Variant(kinds: ["immediate"], fields: []),
            Variant(kinds: ["workingDays", "calendarDays"], fields: ["days"]),
        ]),
        Object(name: "Fees", doc: "审批收费：不收费，或收费项目的列表", fields: [
            req("kind", .enumeration("FeesKind"), "是否收费"),
            opt("items", .list(.object("Fee"), element: "fee"), "收费项目：kind 为 charged 时才有"),
        ], variants: [
            Variant(kinds: ["free"], fields: []),
            Variant(kinds: ["charged"], fields: ["items"]),
        ]),
        Object(name: "Fee", doc: "收费项目", fields: [
            req("name", text, "项目"),
            req("standard", text, "标准"),
            opt("basis", text, "依据"),
            opt("applicability", .object("Applicability"), "适用情形：只在这些情形下收取；省略时对缴费的人人收取"),
        ]),
        Object(name: "Consultation", doc: "咨询", fields: [
            opt("phone", text, "电话"),
            opt("address", text, "地址"),
            opt("website", .string(url), "网址"),
            opt("email", text, "邮箱"),
        ]),
        Object(name: "FlowStep", doc: "办理流程的一个环节", fields: [
            req("name", text, "环节：名称，在本事项中唯一"),
            opt("role", text, "岗位"),
            opt("timeLimit", .object("TimeLimit"), "时限"),
            req("isTimed", .boolean, "计时：false 表示该环节不计入办理时限（补正、检验、专家评审等）"),
            opt("note", text, "说明"),
            req("transitions", .list(.object("Transition"), element: "transition"), "下一步：结束环节为空"),
            opt("outcome", .enumeration("Outcome"), "结束：在此环节结束时的办理结果"),
            opt("applicability", .object("Applicability"), "适用情形：只有这些情形的申请人经过此环节；省略时人人经过"),
        ]),
        Object(name: "Transition", doc: "下一步：转到一个环节，有选择时附条件", fields: [
            opt("condition", text, "条件"),
            req("target", text, "转到：同一事项中环节的名称"),
        ]),
        Object(name: "Remedies", doc: "法律救济", fields: [
            opt("reconsideration", text, "行政复议"),
            opt("litigation", text, "行政诉讼"),
        ]),
        Object(name: "Certificate", doc: "审批证件：申请人获得的证照", fields: [
            req("name", text, "名称"),
            opt("validity", text, "有效期，如 长期、4年"),
            opt("sample", .string(url), "样本：链接"),
        ]),
        Object(name: "StaffRole", doc: "审批人员的一个岗位（内部要素）", fields: [
            req("role", text, "岗位"),
            opt("duties", text, "职责"),
            opt("qualification", text, "资格"),
        ]),
        Object(name: "ServiceBundle", doc: "一件事：一个生活或经营事件所需的多个事项，一次申请、一窗受理", fields: [
            req("code", text, "编码：在目录中唯一"),
            req("name", text, "名称"),
            req("mode", .enumeration("BundleMode"), "办理方式：并联、串联 或 混合"),
            req("stages", .list(.object("BundleStage"), element: "stage"), "阶段：并联为一个阶段，串联每个事项一个阶段"),
            req("leadAgencyID", text, "牵头部门：实施机关的编号"),
            req("windowCategory", .string(), "受理一件事的窗口类别：代码集“窗口类别”中的值"),
            opt("promised", .object("TimeLimit"), "承诺时限"),
            opt("note", text, "说明"),
            req("materials", .list(.object("BundleMaterial"), element: "material"), "合并后的申请材料：每种材料一项"),
            req("figures", .object("BundleFigures"), "由成员事项计算的数字"),
            opt("questions", .list(.object("ScenarioQuestion"), element: "question"),
                "情形：成员事项的问题合并，编号相同的只问一次（按阶段顺序，用第一个成员事项的写法）；没有时省略"),
        ]),
        Object(name: "BundleStage", doc: "一件事的一个阶段：同时办理的成员事项", fields: [
            opt("name", text, "阶段名称"),
            req("itemCodes", texts("itemCode"), "成员事项的事项编码"),
        ]),
        Object(name: "BundleMaterial", doc: "一件事的一项材料：多个成员事项要求的同一材料，只交一次", fields: [
            req("name", text, "材料名称"),
            opt("libraryID", text, "材料库编号"),
            opt("form", .enumeration("MaterialForm"), "最严格的形式（原件与复印件并存时为原件和复印件）"),
            opt("copies", .integer(minimum: 1), "各成员事项要求的最多份数"),
            opt("medium", text, "介质"),
            opt("source", text, "来源"),
            req("necessity", .enumeration("Necessity"), "最严格的必要性"),
            opt("condition", text, "条件：只有每个成员事项都附条件时才有"),
            req("shareable", .boolean, "可共享：窗口自行调取，免提交"),
            opt("exemption", .enumeration("ExemptionReason"), "免提交及其原因：每个成员事项都免提交时才有"),
            req("neededBy", texts("itemCode"), "需要该材料的成员事项"),
            opt("applicability", .list(.object("Applicability"), element: "alternative"),
                "适用情形：满足其中任何一个即需要（成员事项适用情形的“或”）；省略时人人需要"),
        ]),
        Object(name: "BundleFigures", doc: "一件事节省了什么", fields: [
            opt("criticalPath", .object("FlowPath"), "按成员事项承诺时限计算的最长链"),
            opt("statutoryPath", .object("FlowPath"), "按成员事项法定时限计算的同一链"),
            opt("oneByOne", .object("FlowPath"), "逐项办理：成员事项承诺时限依次相加"),
            req("materialsBeforeMerge", .integer(minimum: 0), "合并前各成员事项的材料项数之和"),
            req("materialsAfterMerge", .integer(minimum: 0), "合并后的材料项数"),
        ]),
        Object(name: "FlowPath", doc: "一条路径及其用时", fields: [
            req("steps", texts("step"), "依次经过的环节（一件事中为事项编码）"),
            req("workingDays", .integer(minimum: 0), "工作日之和"),
            req("calendarDays", .integer(minimum: 0), "自然日之和"),
        ]),
        Object(name: "ScenarioQuestion", doc: "情形的一个问题", fields: [
            req("id", .string(scenarioID), "编号：ASCII 字母、数字和 -，在事项中唯一"),
            req("question", text, "问题，如 是否委托他人办理？"),
            req("options", texts("option"), "选项：至少两个，各不相同，按编写顺序"),
        ]),
        Object(name: "Applicability", doc: "适用情形：同一问题的几个选项为“或”，不同问题须同时成立（“且”）", fields: [
            req("clauses", .list(.object("ScenarioClause"), element: "clause"), "每个涉及的问题一项，按事项中问题的顺序"),
        ]),
        Object(name: "ScenarioClause", doc: "适用情形中的一个问题及其选项", fields: [
            req("questionID", .string(scenarioID), "问题：ScenarioQuestion 的 id"),
            req("options", texts("option"), "选项：选中其中任何一个即成立，按问题中选项的顺序"),
        ]),
        Object(name: "ConditionApplicability", doc: "一项审批条件的适用情形", fields: [
            req("index", .integer(minimum: 0), "审批条件在 conditions 中的位置，从 0 起"),
            req("applicability", .object("Applicability"), "适用情形"),
        ]),
        Object(name: "ScenarioVariant", doc: "情形差异的一项：在这些情形下与事项本身不同的值；省略的值同事项本身", fields: [
            req("applicability", .object("Applicability"), "适用情形"),
            opt("caseType", .enumeration("CaseType"), "办件类型"),
            opt("timeLimits", .object("TimeLimits"), "办理时限：在这些情形下适用的完整时限"),
            opt("onSiteVisits", .integer(minimum: 0), "到现场次数"),
        ]),
        Object(name: "AdditionalElement", doc: "地方标准配置增加的要素", fields: [
            req("key", text, "配置中的英文键"),
            req("title", text, "要素的中文名称，用作标题"),
            req("isInternal", .boolean, "是否内部要素（公开导出中不会出现为 true 的要素）"),
            req("value", .object("AdditionalValue"), "值"),
        ]),
        Object(name: "AdditionalValue", doc: "要素值：一段文本或文本列表", fields: [
            req("kind", .enumeration("AdditionalValueKind"), "形式"),
            opt("text", text, "文本：kind 为 text 时才有"),
            opt("list", texts("entry"), "文本列表：kind 为 list 时才有"),
        ], variants: [
            Variant(kinds: ["text"], fields: ["text"]),
            Variant(kinds: ["list"], fields: ["list"]),
        ]),
    ]

    static let objectsByName: [String: Object] = Dictionary(uniqueKeysWithValues: objects.map { ($0.name, $0) })
    /// Each object's field keys, for telling a field the shape lacks.
    static let fieldKeysByName: [String: Set<String>] = objectsByName.mapValues { Set($0.fields.map(\.key)) }
    static let enumerationsByName: [String: Enumeration] =
        Dictionary(uniqueKeysWithValues: enumerations.map { ($0.name, $0) })
}
