import Standards

/// The catalog.yaml `zhinan new catalog` writes: every field of `Fields.catalog`, in its
/// order, with a comment saying what it takes (from the field table, so it follows the
/// format), required fields with an example value and the others commented out; one
/// 实施机关, 窗口 and 法规 for the example item to refer to.
public enum CatalogSkeleton {
    /// The ids of the example 实施机关, 窗口 and 法规.
    public static let agencyID = "jg-1", windowID = "ck-1", lawID = "fg-1"
    /// The example region (GB/T 2260), used in the example item's code too.
    public static let region = "440100"

    /// Example values of the registries' required text fields, by registry and field.
    static let examples: [String: [String: String]] = [
        Registry.agencies.rawValue: ["编号": agencyID, "名称": "（示例）某某局"],
        Registry.windows.rawValue: ["编号": windowID, "名称": "综合受理窗口"],
        Registry.laws.rawValue: ["编号": lawID, "名称": "中华人民共和国行政许可法"],
        Registry.materials.rawValue: ["编号": "cl-1", "名称": "申请人身份证明"],
    ]

    public static func yaml(name: String, standards: [String], codeSets: [String: [String]]) -> String {
        var lines = [
            "# 目录的总体设置，由 zhinan new catalog 生成。格式说明见 zhinan 仓库的 docs/catalog.md。",
            "# 每个字段上方的注释说明它写什么；以“# ”开头的字段是选填的，需要时删去行首的“# ”。",
            "# 事项写在 items/ 中，一个事项一个文件；新的事项用 zhinan new item 生成。",
        ]
        for field in Fields.catalog {
            lines.append("")
            lines.append("# " + describe(field, codeSets: codeSets))
            switch field.kind {
            case .records(let fields):
                // Registries the example item refers to get one entry; the others are shown commented out.
                let used = examples[field.name] != nil && field.name != Registry.materials.rawValue
                var entry: [String] = []
                render(fields, registry: field.name, codeSets: codeSets, into: &entry)
                lines.append((used ? "" : "# ") + field.name + ":")
                lines += entry.map { used ? $0 : "# " + $0 }
            default:
                let value = scalarValue(field, name: name, standards: standards)
                lines.append((value == nil ? "# " : "") + field.name + ": " + (value ?? example(field.kind, codeSets: codeSets)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value of a top-level field the catalog needs, `nil` for an optional one.
    private static func scalarValue(_ field: FieldSpec, name: String, standards: [String]) -> String? {
        guard field.isRequired else { return nil }
        switch field.kind {
        case .list: return "[" + standards.map { ItemSkeleton.scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
        case .regionCode: return "\"\(region)\""
        default: return ItemSkeleton.scalar(name)
        }
    }

    /// One entry of a registry: required fields with a value, the others commented out,
    /// each with what it takes behind it.
    private static func render(_ fields: [FieldSpec], registry: String, codeSets: [String: [String]], into lines: inout [String]) {
        for (i, field) in fields.enumerated() {
            let lead = i == 0 ? "  - " : "    "
            let value = field.isRequired
                ? (examples[registry]?[field.name].map { ItemSkeleton.scalar($0) } ?? example(field.kind, codeSets: codeSets))
                : example(field.kind, codeSets: codeSets)
            let line = field.name + ": " + value + "    # " + describe(field, codeSets: codeSets)
            lines.append(field.isRequired ? lead + line : (i == 0 ? "  - # " : "    # ") + line)
        }
    }

    /// What a field takes, in a few words: 必填 or 选填, its help, else its kind's form.
    public static func describe(_ field: FieldSpec, codeSets: [String: [String]]) -> String {
        let need = field.isRequired ? "必填" : "选填"
        let say = field.help.isEmpty ? form(of: field.kind, codeSets: codeSets) : field.help
        return "\(need)。\(say)"
    }

    /// The form a value of `kind` takes, as the format describes it.
    public static func form(of kind: FieldKind, codeSets: [String: [String]]) -> String {
        switch kind {
        case .text: return "文字"
        case .positiveInteger: return "正整数"
        case .yesNo: return "是 或 否"
        case .timeLimit: return "N个工作日、N日 或 即办"
        case .statutoryLimit: return "N个工作日、N日、即办，或 无（遵循 GB/T 39554.2-2020 时：法律法规未规定时限）"
        case .file: return "目录文件夹中文件的相对路径（文档或图片），随网站发布"
        case .exemption: return "免提交的理由（数据共享 | 电子证照 | 告知承诺），或 否"
        case .code(let set):
            let values = codeSets[set] ?? []
            return "代码集“\(set)”中的一个值" + (values.isEmpty ? "" : "：" + values.joined(separator: " | "))
        case .reference(let registry): return "catalog.yaml 中“\(registry.rawValue)”的编号"
        case .url: return "http:// 或 https:// 开头的网址"
        case .phone: return "电话，区号-号码，如 020-12345678"
        case .date: return "日期，YYYY-MM-DD"
        case .ratio: return "比例，如 2/3"
        case .creditCode: return "18 位统一社会信用代码（GB 32100）"
        case .regionCode: return "六位行政区划代码（GB/T 2260），加引号"
        case .stepName: return "同一流程中另一个环节的名称"
        case .list(let inner): return "列表，每项是" + form(of: inner, codeSets: codeSets)
        case .records(let fields): return "列表，每项是含 " + fields.map(\.name).joined(separator: "、") + " 的映射"
        case .record(let fields): return "含 " + fields.map(\.name).joined(separator: "、") + " 的映射"
        case .transitions: return "下一个环节的名称，或 条件/转到 的列表"
        case .fees: return "\(ItemSchema.noFee)，或收费项目的列表"
        case .applicability: return "{问题编号: 选项} 或 {问题编号: [选项, …]}"
        case .questionID: return "编号，写进网页地址（?agent=…）"
        case .options: return "列表，每项是文字或数字"
        }
    }

    /// An example value of `kind`, in YAML form.
    static func example(_ kind: FieldKind, codeSets: [String: [String]]) -> String {
        switch kind {
        case .code(let set):
            return ItemSkeleton.scalar(codeSets[set]?.first ?? "…")
        case .positiveInteger: return "1"
        case .yesNo: return "否"
        case .timeLimit: return "20个工作日"
        case .url: return "https://www.gd.gov.cn/"
        case .phone: return "020-12345678"
        case .date: return "2024-01-01"
        case .ratio: return "2/3"
        case .creditCode: return "\"11440100MB2C000000\""
        case .regionCode: return "\"\(region)\""
        case .list: return "[…]"
        default: return "…"
        }
    }
}
