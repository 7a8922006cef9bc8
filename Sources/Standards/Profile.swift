import Diagnostics

/// A machine-readable profile of one standard: the elements an item has under it, their
/// types and visibility, the code sets values come from, and rule settings.
public struct Profile: Sendable {
    /// 编号, e.g. `DB44/T 1147-2013`: what a catalog's 标准 names.
    public var id: String
    /// 名称: the standard's title.
    public var title: String
    /// 文档: the document this standard governs (办事指南, 业务手册), if any.
    public var document: String?
    /// 继承: ids of the profiles this one extends.
    public var parents: [String]
    /// 要素, in the order the standard's document presents them.
    public var elements: [ElementSpec]
    /// 代码集: name → allowed values, in the profile's order.
    public var codeSets: [String: [String]]
    /// The national codes of 代码集 values written `{名称, 代码}`: set → value → code.
    public var nationalCodes: [String: [String: String]]
    /// The sets written `{扩展: […]}`: they add to the inherited set of the same name
    /// instead of replacing it.
    public var extendedCodeSets: Set<String>
    /// 别名: headings an item may use for an element or a field of one, in file order.
    public var aliases: [ElementAlias]
    /// 规则: code → setting.
    public var rules: [String: RuleSetting]
    /// 参数: name → value, e.g. 事项编码格式.
    public var parameters: [String: String]
    /// The file the profile was read from.
    public var file: String

    public init(
        id: String, title: String, document: String? = nil, parents: [String] = [],
        elements: [ElementSpec] = [], codeSets: [String: [String]] = [:],
        rules: [String: RuleSetting] = [:], parameters: [String: String] = [:], file: String = "",
        nationalCodes: [String: [String: String]] = [:], extendedCodeSets: Set<String> = [], aliases: [ElementAlias] = []
    ) {
        self.id = id
        self.title = title
        self.document = document
        self.parents = parents
        self.elements = elements
        self.codeSets = codeSets
        self.nationalCodes = nationalCodes
        self.extendedCodeSets = extendedCodeSets
        self.aliases = aliases
        self.rules = rules
        self.parameters = parameters
        self.file = file
    }
}

/// One entry of a profile's 别名: a heading published guides use (设定依据), and the element
/// it names (办理依据) or the field of one (办理时限.法定).
public struct ElementAlias: Sendable, Equatable {
    public var name: String
    /// The element's name (any of its names).
    public var element: String
    /// The field of the element, for a heading that stands for one field (法定办结时限).
    public var field: String?

    public init(name: String, element: String, field: String? = nil) {
        self.name = name
        self.element = element
        self.field = field
    }
}

/// A heading that stands for one field of a structured element, resolved to its key.
public struct FieldAlias: Sendable, Equatable {
    public var name: String
    public var elementKey: String
    public var field: String

    public init(name: String, elementKey: String, field: String) {
        self.name = name
        self.elementKey = elementKey
        self.field = field
    }
}

/// The names of the 参数 zhinan reads from profiles.
public enum ProfileParameter {
    /// 事项编码格式: the POSIX extended regular expression every 事项编码 matches.
    public static let itemCodeFormat = "事项编码格式"
    /// 一件事编码格式: the same for the codes of bundles (一件事).
    public static let bundleCodeFormat = "一件事编码格式"
    /// 一件事编码示例: a code that matches it, shown in messages about one that does not.
    public static let bundleCodeExample = "一件事编码示例"
    /// The parameters that are regular expressions, each with the one of its example.
    public static let formats: [(format: String, example: String?)] = [
        (itemCodeFormat, nil), (bundleCodeFormat, bundleCodeExample),
    ]
}

/// One element (要素) of an item as a profile defines it.
public struct ElementSpec: Sendable, Equatable {
    /// 名称: the name written in item files, e.g. 办理时限.
    public var name: String
    /// 键: the English key in the typed catalog, e.g. `timeLimits`.
    public var key: String
    public var type: ElementType
    /// 必填.
    public var isRequired: Bool
    /// 可见: false when the element is 内部 and must never reach a public output.
    public var isPublic: Bool
    /// 标准名称: what this standard calls the element, when it differs from `name`
    /// (DB44/T 1148's 审批时间 for 办理时限); used as the heading of its document.
    public var standardName: String?
    /// 别名: other names accepted silently (each standard's own name).
    public var synonyms: [String]
    /// 繁体: traditional-character spellings, accepted with a warning.
    public var traditional: [String]
    /// 代码集: the code set values come from, for 代码 and 代码列表 elements.
    public var codeSet: String?
    /// 说明: what to write, shown by `zhinan new` and in the JSON Schema.
    public var help: String?
    /// 提示别名: headings published guides use for this element that the standard does not
    /// accept; an item using one gets ZN302 saying what the standard calls it.
    public var hints: [ElementHint]

    public init(
        name: String, key: String, type: ElementType, isRequired: Bool = false,
        isPublic: Bool = true, standardName: String? = nil, synonyms: [String] = [],
        traditional: [String] = [], codeSet: String? = nil, help: String? = nil, hints: [ElementHint] = []
    ) {
        self.hints = hints
        self.name = name
        self.key = key
        self.type = type
        self.isRequired = isRequired
        self.isPublic = isPublic
        self.standardName = standardName
        self.synonyms = synonyms
        self.traditional = traditional
        self.codeSet = codeSet
        self.help = help
    }
}

/// A heading guides use for an element (提示别名): `名称` alone is the element under
/// another name (`zhinan fix` renames it); with `字段` it is one field of the element
/// (法定办结时限 is 办理时限's 法定), which only a person can move.
public struct ElementHint: Sendable, Equatable {
    public var name: String
    public var field: String?

    public init(_ name: String, field: String? = nil) {
        self.name = name
        self.field = field
    }
}

/// The kinds of value an element holds. The structured kinds have fixed fields (the format (docs/));
/// 文本 and 文本列表 elements may be added by any profile under any new key.
public enum ElementType: String, Sendable, CaseIterable {
    case text = "文本"
    case textList = "文本列表"
    case code = "代码"
    case codeList = "代码列表"
    case itemCode = "事项编码"
    case agency = "机关"
    case windows = "窗口列表"
    case legalBasis = "依据列表"
    case materials = "材料列表"
    case timeLimits = "时限"
    case fees = "收费"
    case consultation = "咨询"
    case flow = "流程"
    case remedies = "救济"
    case certificate = "证件"
    case staff = "人员列表"
    // The national 实施清单 (GB/T 39554.2-2020): identification and handling.
    case basicCode = "基本编码"
    case implementationCode = "实施编码"
    case handlingItems = "业务办理项"
    case complaint = "监督投诉"
    /// An http(s) address; any key.
    case url = "网址"
    /// An id of catalog.yaml's 实施机关 other than the item's own (委托部门); any key.
    case agencyID = "机关编号"
    /// Ids of catalog.yaml's 实施机关 (联办机构); any key.
    case agencyIDs = "机关编号列表"
    /// A positive whole number (版本).
    case positiveInteger = "正整数"
    /// YYYY-MM-DD (生效日期, 废止日期).
    case date = "日期"
    /// 审批结果 (GB/T 39554.2-2020): {类型, 名称, 有效期, 样本, 送达方式}.
    case result = "审批结果"
    /// 特别程序: a list of {种类, 时限, 依据, 说明}.
    case specialProcedures = "特别程序"
    /// 常见问题: a list of {问, 答}.
    case faqs = "常见问题"
    /// 告知承诺: {承诺书, 替代材料, 核查}.
    case commitment = "告知承诺"
    /// 情形: a list of {编号, 问题, 选项} (FORMAT.md; every catalog).
    case questions = "情形"
    /// 情形差异: a list of {适用情形, 办件类型, 办理时限, 到现场次数}.
    case scenarioVariants = "情形差异"

    /// The only key a structured type binds to; `nil` for types any key may use.
    public var fixedKey: String? {
        switch self {
        case .text, .textList, .code, .codeList, .url, .agencyID, .agencyIDs, .positiveInteger, .date: nil
        case .itemCode: "code"
        case .agency: "agency"
        case .windows: "windows"
        case .legalBasis: "legalBasis"
        case .materials: "materials"
        case .timeLimits: "timeLimits"
        case .fees: "fees"
        case .consultation: "consultation"
        case .flow: "flow"
        case .remedies: "remedies"
        case .certificate: "certificate"
        case .staff: "staff"
        case .basicCode: "basicCode"
        case .implementationCode: "implementationCode"
        case .handlingItems: "handlingItems"
        case .complaint: "complaint"
        case .result: "result"
        case .specialProcedures: "specialProcedures"
        case .faqs: "faqs"
        case .commitment: "commitment"
        case .questions: "questions"
        case .scenarioVariants: "scenarioVariants"
        }
    }
}

/// A profile's setting for one rule.
public struct RuleSetting: Sendable, Equatable {
    /// 启用.
    public var isEnabled: Bool
    /// 级别: the severity to report with, replacing the rule's default.
    public var severity: Severity?
    /// Where the setting is written (the code's key in 规则), for diagnostics about it.
    public var location: SourceSpan?

    public init(isEnabled: Bool = true, severity: Severity? = nil, location: SourceSpan? = nil) {
        self.isEnabled = isEnabled
        self.severity = severity
        self.location = location
    }
}
