/// The fields of the structured element types and of catalog.yaml, as the format (docs/) fixes
/// them. One table, read by the binder, `zhinan schema` and `zhinan new`, so the three
/// cannot disagree.
public struct FieldSpec: Sendable, Equatable {
    /// The Chinese name written in files.
    public var name: String
    public var kind: FieldKind
    public var isRequired: Bool
    /// Traditional-character spellings, accepted with a warning.
    public var traditional: [String]
    /// What to write, for the schema and `zhinan new`.
    public var help: String
    /// For text: a value YAML reads as a number or a boolean (`35`, `true`) is taken as its
    /// text (an article number, a fee, a step's name) rather than refused.
    public var numbersAllowed: Bool
    /// The profile that defines the field, when only catalogs following it may write it
    /// (the fields GB/T 39554.2-2020 adds to materials and to 办理时限); nil: every catalog.
    public var profile: String?

    public init(
        _ name: String, _ kind: FieldKind, required: Bool = false, traditional: [String] = [], help: String = "",
        numbersAllowed: Bool = false, profile: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        // A name whose traditional form is the same characters (替代材料) has no other spelling.
        self.traditional = traditional.filter { $0 != name }
        self.help = help
        self.numbersAllowed = numbersAllowed
        self.profile = profile
    }
}

/// The kind of value a field holds.
public indirect enum FieldKind: Sendable, Equatable {
    case text
    /// A positive whole number.
    case positiveInteger
    /// 是 or 否.
    case yesNo
    /// `N个工作日`, `N日` or `即办`.
    case timeLimit
    /// 办理时限's 法定: a ``timeLimit``, or 无 where GB/T 39554.2-2020 is followed.
    case statutoryLimit
    /// One value of a profile's code set.
    case code(String)
    /// An id of a catalog registry (实施机关, 窗口, 法规, 材料库).
    case reference(Registry)
    /// An http(s) address.
    case url
    case phone
    /// YYYY-MM-DD.
    case date
    /// A fraction such as 2/3.
    case ratio
    /// GB 32100 统一社会信用代码.
    case creditCode
    /// Six digits of GB/T 2260.
    case regionCode
    /// The name of another step of the same flow.
    case stepName
    /// A file in the catalog folder, by its path relative to that folder; published with
    /// the site at `attachments/<path>`.
    case file
    /// 免提交: a value of the code set 免提交理由, or 否.
    case exemption
    /// A list of values of one kind.
    case list(FieldKind)
    /// A list of mappings with these fields.
    case records([FieldSpec])
    /// A mapping with these fields.
    case record([FieldSpec])
    /// 下一步: a step name, or a list of {条件, 转到}.
    case transitions
    /// 审批收费: 不收费, or a list of fees.
    case fees
    /// 适用情形: a mapping of 情形 question ids (编号) to one option or a list of options.
    case applicability
    /// A 情形 question's 编号: ASCII letters, digits and '-' (it goes into the page address).
    case questionID
    /// A 情形 question's 选项: a list of at least two options, each once (text or numbers).
    case options
}

/// The registries of catalog.yaml that items refer to by id.
public enum Registry: String, Sendable, CaseIterable {
    case agencies = "实施机关"
    case windows = "窗口"
    case laws = "法规"
    case materials = "材料库"
}

public enum Fields {
    public static let legalBasis: [FieldSpec] = [
        FieldSpec("法规", .reference(.laws), required: true, help: "catalog.yaml 中“法规”的编号"),
        FieldSpec("条款", .text, traditional: ["條款"], help: "如 第三十三条", numbersAllowed: true),
        FieldSpec("内容", .text, traditional: ["內容"], help: "条款原文"),
    ]

    public static let material: [FieldSpec] = [
        FieldSpec("材料", .text, help: "材料名称（或用“材料库”引用共用材料）"),
        FieldSpec("材料库", .reference(.materials), help: "catalog.yaml 中“材料库”的编号"),
        FieldSpec("形式", .code("材料形式")),
        FieldSpec("份数", .positiveInteger, traditional: ["份數"], help: "正整数"),
        FieldSpec("介质", .code("材料介质"), traditional: ["介質"]),
        FieldSpec("来源", .code("材料来源"), traditional: ["來源"]),
        FieldSpec("必要性", .code("必要性")),
        FieldSpec("要求", .text),
        FieldSpec("条件", .text, traditional: ["條件"], help: "只在某种情形下才需要的材料，写明情形"),
        FieldSpec("审查要点", .text, traditional: ["審查要點"], help: "内部：受理和审查时核对什么"),
        applicability,
        FieldSpec("原件份数", .positiveInteger, traditional: ["原件份數"], help: "正整数；与复印件份数可同时写", profile: national),
        FieldSpec("复印件份数", .positiveInteger, traditional: ["複印件份數"], help: "正整数", profile: national),
        FieldSpec("空表", .file, help: "目录文件夹中的文件，如 forms/登记表.docx；随网站发布", profile: national),
        FieldSpec("样表", .file, traditional: ["樣表"], help: "目录文件夹中的填写示范文件；随网站发布", profile: national),
        FieldSpec("填报须知", .text, traditional: ["填報須知"], profile: national),
        FieldSpec("免提交", .exemption, help: "数据共享、电子证照、告知承诺，或 否（不因材料库的“可共享”免提交）", profile: national),
        FieldSpec("核验原件", .yesNo, traditional: ["核驗原件"], help: "是：窗口核验原件后当场退还，不收取", profile: national),
        FieldSpec("容缺后补期限", .timeLimit, help: "必要性为 容缺后补 时写：受理后多久内补交", profile: national),
    ]

    public static let timeLimits: [FieldSpec] = [
        FieldSpec("法定", .statutoryLimit, required: true, help: "N个工作日、N日 或 即办"),
        FieldSpec("承诺", .timeLimit, required: true, traditional: ["承諾"], help: "N个工作日、N日 或 即办"),
        FieldSpec("法定说明", .text, traditional: ["法定說明"], help: "法定: 无 时必填：为什么没有法定时限", profile: national),
        FieldSpec("承诺说明", .text, traditional: ["承諾說明"], help: "如 半小时办结", profile: national),
    ]

    /// The id of the national 实施清单 profile, which adds fields to the tables above.
    public static let national = "GB/T 39554.2-2020"

    /// `fields` without those of profiles the catalog does not follow: a catalog that does
    /// not name the profile reads them as unknown fields, exactly as before it existed.
    public static func fields(_ fields: [FieldSpec], following follows: (String) -> Bool) -> [FieldSpec] {
        fields.allSatisfy({ $0.profile == nil }) ? fields : fields.filter { $0.profile.map(follows) ?? true }
    }

    /// 法定: 无 (GB/T 39554.2-2020): no law sets a limit.
    public static let noStatutoryLimit = "无"

    /// 审批结果 (GB/T 39554.2-2020).
    public static let approvalResult: [FieldSpec] = [
        FieldSpec("类型", .code("审批结果类型"), required: true, traditional: ["類型"], help: "证照、批文、其他 或 无"),
        FieldSpec("名称", .text, traditional: ["名稱"], help: "如 食品经营许可证；类型为 无 时可不写"),
        FieldSpec("有效期", .text, numbersAllowed: true),
        FieldSpec("样本", .file, traditional: ["樣本"], help: "目录文件夹中的样本文件，如 samples/许可证样本.pdf；随网站发布"),
        FieldSpec("送达方式", .list(.code("送达方式")), traditional: ["送達方式"], help: "窗口领取、邮寄送达、电子送达、公告送达、直接送达"),
    ]

    /// One entry of 特别程序.
    public static let specialProcedure: [FieldSpec] = [
        FieldSpec("种类", .code("特别程序种类"), required: true, traditional: ["種類"], help: "听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审、公示 或 其他"),
        FieldSpec("时限", .timeLimit, traditional: ["時限"], help: "该程序自身的最长时限：N个工作日、N日"),
        FieldSpec("依据", .record(legalBasis), required: true, traditional: ["依據"], help: "{法规: 编号, 条款: 第几条}"),
        FieldSpec("说明", .text, traditional: ["說明"], help: "什么情况下需要该程序"),
    ]

    /// One entry of 常见问题.
    public static let faq: [FieldSpec] = [
        FieldSpec("问", .text, required: true, traditional: ["問"]),
        FieldSpec("答", .text, required: true),
    ]

    /// 告知承诺.
    public static let commitment: [FieldSpec] = [
        FieldSpec("承诺书", .text, required: true, traditional: ["承諾書"], help: "本事项申请材料中承诺书的名称，或材料库编号"),
        FieldSpec("替代材料", .list(.text), help: "承诺书替代的申请材料名称（它们免提交）"),
        FieldSpec("核查", .text, help: "何时、如何核查承诺内容，承诺不实如何处理"),
    ]

    public static let fee: [FieldSpec] = [
        FieldSpec("项目", .text, required: true, traditional: ["項目"]),
        FieldSpec("标准", .text, required: true, traditional: ["標準"], numbersAllowed: true),
        FieldSpec("依据", .text, traditional: ["依據"]),
        applicability,
    ]

    public static let consultation: [FieldSpec] = [
        FieldSpec("电话", .phone, traditional: ["電話"], help: "区号-号码，如 020-12345678"),
        FieldSpec("地址", .text),
        FieldSpec("网址", .url, traditional: ["網址"], help: "http:// 或 https:// 开头"),
        FieldSpec("邮箱", .text, traditional: ["郵箱"]),
    ]

    public static let transition: [FieldSpec] = [
        FieldSpec("条件", .text, traditional: ["條件"]),
        FieldSpec("转到", .stepName, required: true, traditional: ["轉到"]),
    ]

    public static let step: [FieldSpec] = [
        FieldSpec("环节", .text, required: true, traditional: ["環節"], help: "环节名称，在本事项中唯一", numbersAllowed: true),
        FieldSpec("岗位", .text, traditional: ["崗位"]),
        FieldSpec("时限", .timeLimit, traditional: ["時限"]),
        FieldSpec("计时", .yesNo, traditional: ["計時"], help: "否：该环节不计入办理时限（补正、检验、专家评审等）"),
        FieldSpec("说明", .text, traditional: ["說明"]),
        FieldSpec("下一步", .transitions, help: "下一个环节的名称，或 条件/转到 的列表"),
        FieldSpec("结束", .code("办理结果"), traditional: ["結束"], help: "准予、不予 或 终止"),
        applicability,
    ]

    public static let remedies: [FieldSpec] = [
        FieldSpec("行政复议", .text, traditional: ["行政復議"]),
        FieldSpec("行政诉讼", .text, traditional: ["行政訴訟"]),
    ]

    public static let certificate: [FieldSpec] = [
        FieldSpec("名称", .text, required: true, traditional: ["名稱"]),
        FieldSpec("有效期", .text, numbersAllowed: true),
        FieldSpec("样本", .url, traditional: ["樣本"]),
    ]

    public static let staffRole: [FieldSpec] = [
        FieldSpec("岗位", .text, required: true, traditional: ["崗位"]),
        FieldSpec("职责", .text, traditional: ["職責"]),
        FieldSpec("资格", .text, traditional: ["資格"]),
    ]

    /// 业务办理项 (GB/T 39554.2-2020).
    public static let handlingItem: [FieldSpec] = [
        FieldSpec("编码", .text, required: true, traditional: ["編碼"], help: "实施编码 + 2 位顺序号，共 33 位"),
        FieldSpec("名称", .text, required: true, traditional: ["名稱"], help: "如 企业申请"),
    ]

    /// 监督投诉 (GB/T 39554.2-2020): the fields of 咨询, for complaints.
    public static let complaint: [FieldSpec] = [
        FieldSpec("电话", .phone, traditional: ["電話"], help: "如 12345，或 区号-号码"),
        FieldSpec("网址", .url, traditional: ["網址"], help: "http:// 或 https:// 开头"),
        FieldSpec("地址", .text),
        FieldSpec("邮箱", .text, traditional: ["郵箱"]),
    ]

    /// The fields of catalog.yaml.
    public static let catalog: [FieldSpec] = [
        FieldSpec("目录名称", .text, required: true, traditional: ["目錄名稱"]),
        FieldSpec("行政区划", .regionCode, required: true, traditional: ["行政區劃"], help: "GB/T 2260 六位代码，加引号"),
        FieldSpec("标准", .list(.text), required: true, traditional: ["標準"], help: "遵循的标准编号"),
        FieldSpec("内控线", .ratio, traditional: ["內控線"], help: "如 2/3：承诺时限超过法定时限的这一比例时给出警告"),
        FieldSpec("时限说明", .text, traditional: ["時限說明"],
                  help: "办事指南在“办理时限”下印出的说明：时限从何时起算、哪些时间不计入及其依据；不写则不印"),
        FieldSpec("实施机关", .records([
            FieldSpec("编号", .text, required: true, traditional: ["編號"]),
            FieldSpec("名称", .text, required: true, traditional: ["名稱"]),
            FieldSpec("统一社会信用代码", .creditCode, traditional: ["統一社會信用代碼"]),
            FieldSpec("地址", .text),
            FieldSpec("电话", .phone, traditional: ["電話"]),
            FieldSpec("网址", .url, traditional: ["網址"]),
        ]), traditional: ["實施機關"]),
        FieldSpec("窗口", .records([
            FieldSpec("编号", .text, required: true, traditional: ["編號"]),
            FieldSpec("名称", .text, required: true, traditional: ["名稱"]),
            FieldSpec("类别", .code("窗口类别"), required: true, traditional: ["類別"]),
            FieldSpec("地点", .text, traditional: ["地點"]),
            FieldSpec("办公时间", .text, traditional: ["辦公時間"]),
            FieldSpec("电话", .phone, traditional: ["電話"]),
        ])),
        FieldSpec("法规", .records([
            FieldSpec("编号", .text, required: true, traditional: ["編號"]),
            FieldSpec("名称", .text, required: true, traditional: ["名稱"]),
            FieldSpec("层级", .code("法规层级"), required: true, traditional: ["層級"]),
            FieldSpec("文号", .text, traditional: ["文號"]),
            FieldSpec("施行日期", .date),
            FieldSpec("网址", .url, traditional: ["網址"]),
        ]), traditional: ["法規"]),
        FieldSpec("材料库", .records([
            FieldSpec("编号", .text, required: true, traditional: ["編號"]),
            FieldSpec("名称", .text, required: true, traditional: ["名稱"]),
            FieldSpec("来源", .code("材料来源"), traditional: ["來源"]),
            FieldSpec("可共享", .yesNo),
            FieldSpec("形式", .code("材料形式")),
            FieldSpec("份数", .positiveInteger, traditional: ["份數"]),
            FieldSpec("介质", .code("材料介质"), traditional: ["介質"]),
            FieldSpec("要求", .text),
        ]), traditional: ["材料庫"]),
    ]

    /// The fields of a bundle file (一件事, `bundles/*.yaml`).
    public static let bundle: [FieldSpec] = [
        FieldSpec("名称", .text, required: true, traditional: ["名稱"], help: "一件事的名称，如 开办餐饮店一件事"),
        FieldSpec("编码", .text, required: true, traditional: ["編碼"], help: "一件事的编码，在目录中唯一"),
        FieldSpec("办理方式", .code("办理方式"), required: true, traditional: ["辦理方式"], help: "并联、串联 或 混合"),
        FieldSpec("事项", .list(.text), traditional: ["事項"], help: "成员事项的事项编码（并联、串联）"),
        FieldSpec("阶段", .records([
            FieldSpec("名称", .text, traditional: ["名稱"]),
            FieldSpec("事项", .list(.text), required: true, traditional: ["事項"]),
        ]), traditional: ["階段"], help: "混合办理的各个阶段，阶段内并联、阶段间串联"),
        FieldSpec("牵头部门", .reference(.agencies), required: true, traditional: ["牽頭部門"], help: "catalog.yaml 中“实施机关”的编号"),
        FieldSpec("窗口类别", .code("窗口类别"), required: true, traditional: ["窗口類別"], help: "受理一件事的窗口类别"),
        FieldSpec("承诺", .timeLimit, required: true, traditional: ["承諾"], help: "一件事的承诺时限"),
        FieldSpec("说明", .text, traditional: ["說明"]),
    ]

    // MARK: 情形 (FORMAT.md "情形: scenario-based guides"): every catalog, whatever its profiles.

    /// 适用情形: on a material, a fee, a step, a 审批条件 written as a mapping, and a 情形差异.
    public static let applicability = FieldSpec(
        "适用情形", .applicability, traditional: ["適用情形"],
        help: "只适用于某些情形时写；一个问题的几个选项是“或”，不同问题是“且”")

    /// One question of 情形.
    public static let question: [FieldSpec] = [
        FieldSpec("编号", .questionID, required: true, traditional: ["編號"], help: "英文字母、数字和“-”，在本事项中唯一，如 agent", numbersAllowed: true),
        FieldSpec("问题", .text, required: true, traditional: ["問題"], help: "向申请人提的问题，如 是否委托他人办理？"),
        FieldSpec("选项", .options, required: true, traditional: ["選項"], help: "至少两个，互不相同，如 [本人办理, 委托他人办理]", numbersAllowed: true),
    ]

    /// 审批条件 entry written as a mapping: a condition that holds only under some 情形.
    public static let condition: [FieldSpec] = [
        FieldSpec("条件", .text, required: true, traditional: ["條件"], help: "审批条件的内容"),
        applicability,
    ]

    /// 情形差异's 办理时限: only the fields written differ from the item's own.
    public static let variantTimeLimits: [FieldSpec] = timeLimits.map { f in
        var f = f
        f.isRequired = false
        return f
    }

    /// One entry of 情形差异: what differs under a scenario; the item's own values are the default.
    public static let scenarioVariant: [FieldSpec] = [
        FieldSpec("适用情形", .applicability, required: true, traditional: ["適用情形"], help: "该差异适用的情形"),
        FieldSpec("办件类型", .code("办件类型"), traditional: ["辦件類型"], help: "该情形下的办件类型"),
        FieldSpec("办理时限", .record(variantTimeLimits), traditional: ["辦理時限"], help: "该情形下不同的时限字段（法定、承诺）；没写的字段同事项本身"),
        FieldSpec("到现场次数", .code("到现场次数"), traditional: ["到現場次數"], help: "该情形下的到现场次数", profile: national),
    ]

    /// The elements of 情形, which FORMAT.md gives every catalog: a profile need not declare
    /// them (one that does, under the same 键, takes precedence). ``EffectiveProfile`` adds
    /// them before 申请材料.
    public static let scenarioElements: [ElementSpec] = [
        ElementSpec(name: "情形", key: "questions", type: .questions,
                    help: "申请人要回答的问题（精准告知）：每项写 编号、问题、选项；材料、条件、收费、环节用“适用情形”标明只适用于哪些情形"),
        ElementSpec(name: "情形差异", key: "scenarioVariants", type: .scenarioVariants, traditional: ["情形差異"],
                    help: "办件类型、办理时限、到现场次数因情形而不同时写：每项写 适用情形 和不同的值"),
    ]

    /// The shape of an element of a structured type; `nil` for 文本, 代码 and the like.
    public static func shape(of type: ElementType) -> FieldKind? {
        switch type {
        case .text, .code, .itemCode, .agency, .positiveInteger, .date: nil
        case .textList, .codeList, .windows: nil
        case .basicCode, .implementationCode, .url, .agencyID, .agencyIDs: nil
        case .handlingItems: .records(handlingItem)
        case .complaint: .record(complaint)
        case .legalBasis: .records(legalBasis)
        case .materials: .records(material)
        case .timeLimits: .record(timeLimits)
        case .fees: .fees
        case .consultation: .record(consultation)
        case .flow: .records(step)
        case .remedies: .record(remedies)
        case .certificate: .record(certificate)
        case .staff: .records(staffRole)
        case .result: .record(approvalResult)
        case .specialProcedures: .records(specialProcedure)
        case .faqs: .records(faq)
        case .commitment: .record(commitment)
        case .questions: .records(question)
        case .scenarioVariants: .records(scenarioVariant)
        }
    }

    /// What 审批收费 says when nothing is charged, the first being the standard's words.
    public static let noFee = ["不收费", "免费"]
}
