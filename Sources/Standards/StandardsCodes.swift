import Diagnostics

/// The codes of problems in profiles (`standards/*.yaml`) and in naming them.
public enum StandardsCodes {
    public static let missingField = DiagnosticCode(
        "ZN201", .error,
        title: LocalizedText(zh: "标准配置缺少必需的字段", en: "A profile lacks a required field"),
        explanation: LocalizedText(
            zh: "standards/ 中的标准配置文件必须写明编号、名称和要素；每个要素必须写明名称、键和类型。",
            en: "A profile in standards/ must give its 编号, 名称 and 要素; each element must give its 名称, 键 and 类型."),
        fix: LocalizedText(zh: "按 standards/README.md 补上缺少的字段。", en: "Add the missing field as standards/README.md describes."))
    public static let unknownField = DiagnosticCode(
        "ZN202", .error,
        title: LocalizedText(zh: "标准配置中有未知的字段", en: "Unknown field in a profile"),
        explanation: LocalizedText(
            zh: "标准配置文件中出现了 zhinan 不认识的字段。拼错的字段会被忽略，使配置悄悄失效，因此视为错误。",
            en: "The profile has a field zhinan does not know. A misspelt field would be ignored and the setting silently lost, so it is an error."),
        fix: LocalizedText(zh: "检查拼写；可用的字段见 standards/README.md。", en: "Check the spelling; standards/README.md lists the fields."))
    public static let badValue = DiagnosticCode(
        "ZN203", .error,
        title: LocalizedText(zh: "标准配置中的值无效", en: "Invalid value in a profile"),
        explanation: LocalizedText(
            zh: "标准配置中某个字段的值不是允许的形式，例如类型不在类型表中、可见不是“公开”或“内部”、必填不是“是”或“否”。",
            en: "A profile field has a value of the wrong form: a 类型 not in the type table, 可见 other than 公开 or 内部, 必填 other than 是 or 否, and the like."),
        fix: LocalizedText(zh: "按 standards/README.md 改正该值。", en: "Correct the value as standards/README.md describes."))
    public static let typeKeyMismatch = DiagnosticCode(
        "ZN204", .error,
        title: LocalizedText(zh: "结构化类型只能用于它的键", en: "A structured type used under another key"),
        explanation: LocalizedText(
            zh: "材料列表、时限、流程等结构化类型对应类型化目录中固定的字段，只能用于各自的键（如 材料列表 只能用于 materials）。新增的要素请使用 文本 或 文本列表 类型。",
            en: "Structured types (材料列表, 时限, 流程 …) map to fixed fields of the typed catalog and go only with their own key (材料列表 with materials, say). New elements use 文本 or 文本列表."),
        fix: LocalizedText(zh: "改正键，或把新增要素的类型改为 文本 或 文本列表。", en: "Correct the key, or give the new element the type 文本 or 文本列表."))
    public static let unknownProfile = DiagnosticCode(
        "ZN205", .error,
        title: LocalizedText(zh: "找不到标准", en: "Unknown standard"),
        explanation: LocalizedText(
            zh: "目录的“标准”或标准配置的“继承”中写的编号，在 standards/ 文件夹中找不到对应的标准配置。",
            en: "A 标准 of the catalog, or a profile's 继承, names an id that no profile in the standards/ folder has."),
        fix: LocalizedText(
            zh: "检查编号的写法（如 DB44/T 1147-2013），或把该标准的配置文件放入 standards/。",
            en: "Check how the id is written (DB44/T 1147-2013, say), or add the standard's profile to standards/."))
    public static let inheritanceCycle = DiagnosticCode(
        "ZN206", .error,
        title: LocalizedText(zh: "标准之间循环继承", en: "Profiles inherit from each other in a cycle"),
        explanation: LocalizedText(zh: "标准配置的“继承”形成了循环。", en: "The profiles' 继承 form a cycle."),
        fix: LocalizedText(zh: "删除循环中的一处继承。", en: "Remove one 继承 of the cycle."))
    public static let duplicate = DiagnosticCode(
        "ZN207", .error,
        title: LocalizedText(zh: "标准配置中的编号或要素重复", en: "Duplicate profile id or element"),
        explanation: LocalizedText(
            zh: "两个标准配置使用了同一个编号，或同一个配置中两个要素使用了同一个名称或键。",
            en: "Two profiles have the same id, or two elements of one profile share a name or a key."),
        fix: LocalizedText(zh: "删除或改名其中一个。", en: "Delete or rename one of them."))
    public static let conflictingElement = DiagnosticCode(
        "ZN208", .error,
        title: LocalizedText(zh: "不同标准对同一要素的定义相互矛盾", en: "Standards define one element in conflicting ways"),
        explanation: LocalizedText(
            zh: "目录同时遵循的两个标准用同一个键定义了类型不同的要素，zhinan 无法确定该要素应当如何书写。",
            en: "Two standards the catalog follows define the same key with different types, so zhinan cannot tell how the element is written."),
        fix: LocalizedText(zh: "使两个配置中该要素的类型一致。", en: "Give the element the same type in both profiles."))

    public static let fixedRule = DiagnosticCode(
        "ZN209", .error,
        title: LocalizedText(zh: "规则设置不能改变这项检查", en: "A rule setting names a check that cannot be changed"),
        explanation: LocalizedText(
            zh: "有些检查保证发布的内容完整：一个事项编码只对应一个事项（ZN408）、编码能安全地用作文件夹名（ZN407、ZN430、ZN431、ZN907）、值中没有各种格式都无法承载的字符（ZN420、ZN421），以及忽略注释不能屏蔽错误（ZN910）。标准配置的“规则”不能关闭它们或改变它们的级别，否则随目录一起提交的标准配置就能发布冒名的事项。这样的设置不起作用。",
            en: "Some checks keep what is published whole: one item per 事项编码 (ZN408), codes that are safe folder names (ZN407, ZN430, ZN431, ZN907), values without characters no format can carry (ZN420, ZN421), and suppressions that cannot silence errors (ZN910). A profile's 规则 cannot switch them off or change their severity; otherwise a profile committed with a catalog could publish an impostor item. Such a setting has no effect."),
        fix: LocalizedText(zh: "从“规则”中删除这一行。", en: "Delete the line from 规则."),
        example: "规则:\n  ZN408: 关闭   # 不允许")

    public static let badCodeValue = DiagnosticCode(
        "ZN215", .error,
        title: LocalizedText(zh: "代码集的值写法不对", en: "A code set value is malformed"),
        explanation: LocalizedText(
            zh: "代码集是值的列表，每个值是文字，或带国家代码的 {名称: 县级, 代码: \"4\"}；也可以写 扩展: [值, …]，在继承的同名代码集之后追加值。同一代码集中的值不能重复。",
            en: "A code set is a list of values, each text or, with its national code, {名称: 县级, 代码: \"4\"}; or 扩展: [values], adding to the inherited set of the same name. A value appears once in a set."),
        fix: LocalizedText(zh: "按 standards/README.md 改写该代码集。", en: "Rewrite the code set as standards/README.md shows."),
        example: "代码集:\n  行使层级:\n    - {名称: 县级, 代码: \"4\"}\n  窗口类别:\n    扩展: [综窗, 专窗]")
    public static let badAlias = DiagnosticCode(
        "ZN216", .error,
        title: LocalizedText(zh: "别名写法不对", en: "An alias is malformed"),
        explanation: LocalizedText(
            zh: "标准配置的“别名”把已发布的办事指南使用的标题映射到要素：标题: 要素，或标题: 要素.字段（如 法定办结时限: 办理时限.法定）。",
            en: "A profile's 别名 maps headings of published guides to elements: heading: element, or heading: element.field (法定办结时限: 办理时限.法定, say)."),
        fix: LocalizedText(zh: "写成 标题: 要素 或 标题: 要素.字段。", en: "Write heading: element or heading: element.field."),
        example: "别名:\n  设定依据: 办理依据\n  法定办结时限: 办理时限.法定")

    public static let all = [
        missingField, unknownField, badValue, typeKeyMismatch, unknownProfile, inheritanceCycle,
        duplicate, conflictingElement, fixedRule, badCodeValue, badAlias,
    ]
}
