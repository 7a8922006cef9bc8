import Diagnostics

/// The codes the compiler reports: elements (3xx), values (4xx), references (5xx), time
/// limits (6xx), the flow (7xx) and consistency between elements (8xx).
public enum CompilerCodes {
    static func code(
        _ id: String, _ severity: Severity, _ titleZH: String, _ titleEN: String,
        _ whyZH: String, _ whyEN: String, _ fixZH: String, _ fixEN: String, example: String? = nil
    ) -> DiagnosticCode {
        DiagnosticCode(
            id, severity, title: LocalizedText(zh: titleZH, en: titleEN),
            explanation: LocalizedText(zh: whyZH, en: whyEN), fix: LocalizedText(zh: fixZH, en: fixEN),
            example: example, fixed: fixedIDs.contains(id), machineFixable: machineFixableIDs.contains(id))
    }

    /// The codes whose diagnostics can carry a fix `zhinan fix` applies: a traditional
    /// spelling, a name a profile's 提示别名 maps, an unambiguous did-you-mean.
    /// (ZN302 unknown element, ZN304 value not in its code set, ZN305 traditional
    /// spelling, ZN308 unknown field;
    /// ZN834 and ZN835: a 情形 id or option with an unambiguous did-you-mean.)
    static let machineFixableIDs: Set<String> = ["ZN302", "ZN304", "ZN305", "ZN308", "ZN834", "ZN835"]

    /// The codes whose severity no profile may change (``DiagnosticCode/isFixed``).
    static let fixedIDs: Set<String> = ["ZN407", "ZN408", "ZN421", "ZN430", "ZN431", "ZN907", "ZN910"]

    // MARK: Elements

    public static let missingElement = code(
        "ZN301", .error, "缺少必需的要素", "Required element missing",
        "目录遵循的标准要求每个事项都写明该要素。缺少它，生成的办事指南或业务手册就不完整。",
        "A standard the catalog follows requires every item to give this element; without it the generated guide or manual is incomplete.",
        "在事项文件中补上该要素；zhinan new item 生成的模板列出了全部要素。",
        "Add the element to the item file; the skeleton from zhinan new item lists every element.")
    public static let unknownElement = code(
        "ZN302", .error, "未知的要素", "Unknown element",
        "文件中出现了目录所遵循的标准中没有的要素名称。拼错的名称会让内容被悄悄忽略，因此视为错误。",
        "The file names an element that no standard the catalog follows defines. A misspelt name would silently drop its content, so it is an error.",
        "检查拼写（提示中给出了最接近的名称）；如确需新增要素，请在 standards/ 的标准配置中定义它。",
        "Check the spelling (the message suggests the closest name); to add a new element, define it in a profile in standards/.",
        example: "办里时限:      # 应为“办理时限”\n  法定: 20个工作日")
    public static let wrongType = code(
        "ZN303", .error, "要素的写法不对", "Element written in the wrong form",
        "该要素应当写成另一种形式：例如“审批条件”应是列表（每行以“- ”开头），“办理时限”应是包含 法定 和 承诺 的映射。",
        "The element must be written in another form: 审批条件 is a list (lines starting with \"- \"), 办理时限 a mapping with 法定 and 承诺, and so on.",
        "按 docs/items.md 的示例改写该要素（字段表见 docs/reference.md）；zhinan new item 生成的模板给出了每个要素的写法。",
        "Rewrite the element as the example in docs/items.md shows (docs/reference.md has the field tables); zhinan new item makes a skeleton with every element's form.")
    public static let notInCodeSet = code(
        "ZN304", .error, "取值不在代码集中", "Value not in its code set",
        "该字段只能取标准规定的代码集中的值（例如 办件类型 只能是 即办件、承诺件、联办件、上报件）。",
        "The field takes only values of the code set its standard fixes (办件类型 is one of 即办件, 承诺件, 联办件, 上报件, say).",
        "改用代码集中的值；提示中列出了允许的值和最接近的一个。",
        "Use a value of the code set; the message lists the allowed values and the closest one.")
    public static let traditionalSpelling = code(
        "ZN305", .warning, "使用了繁体写法", "Traditional-character spelling",
        "要素名称使用了繁体字写法。zhinan 接受它，但同一目录中统一使用规范的简体名称，便于检索和比对。",
        "The element name is written in traditional characters. zhinan accepts it, but one catalog should use the canonical simplified names throughout, for search and comparison.",
        "改为提示中的规范写法。", "Use the canonical spelling the message gives.")
    public static let duplicateElement = code(
        "ZN306", .error, "同一要素写了两次", "Element given twice",
        "同一个要素用不同的名称写了两次（例如既写了“办理时限”又写了业务手册中的名称“审批时间”）。一个事项中每个要素只写一次，办事指南和业务手册都从这一处生成。",
        "The same element is given twice under different names (办理时限 and the manual's 审批时间, say). An item gives each element once; the guide and the manual are both made from it.",
        "删除其中一处，或把两处内容合并。", "Delete one of the two, or merge them.")
    public static let missingField = code(
        "ZN307", .error, "缺少必需的字段", "Required field missing",
        "结构化要素中的一项缺少必需的字段，例如申请材料缺少材料名称、流程环节缺少“环节”名称、办理时限缺少“法定”或“承诺”。",
        "An entry of a structured element lacks a required field: a material without a name, a flow step without 环节, 办理时限 without 法定 or 承诺, and so on.",
        "补上该字段。", "Add the field.")
    public static let unknownField = code(
        "ZN308", .error, "未知的字段", "Unknown field",
        "结构化要素中出现了未定义的字段名称。拼错的字段会被悄悄忽略，因此视为错误。",
        "An entry of a structured element has a field that is not defined. A misspelt field would be silently ignored, so it is an error.",
        "检查拼写（提示中给出了最接近的名称）。", "Check the spelling (the message suggests the closest name).")
    public static let placeholder = code(
        "ZN309", .error, "模板占位文字没有填写", "Placeholder not filled in",
        "文件中仍有 zhinan new item 生成的“【待填写】”占位文字。发布前必须填写真实内容。",
        "The file still holds a 【待填写】 placeholder from zhinan new item. It must be replaced with the real content before publishing.",
        "把占位文字换成实际内容。", "Replace the placeholder with the real content.")
    public static let catalogFileMissing = code(
        "ZN310", .error, "目录文件夹中没有 catalog.yaml", "No catalog.yaml in the catalog folder",
        "每个目录文件夹的顶层都要有 catalog.yaml，写明目录名称、遵循的标准以及实施机关、窗口、法规、材料库。没有它就无法检查事项。",
        "Every catalog folder has a catalog.yaml at its top, giving the catalog's name, its standards and its agencies, windows, laws and material library. Items cannot be checked without it.",
        "在目录文件夹顶层创建 catalog.yaml：zhinan new catalog 可以写出一个每个字段都带注释的目录；逐字段说明见 zhinan 仓库的 docs/catalog.md。",
        "Create catalog.yaml at the top of the catalog folder: zhinan new catalog writes a catalog with every field commented; docs/catalog.md in zhinan's repository describes it field by field.")
    public static let noStandards = code(
        "ZN311", .error, "找不到标准配置", "No standard profiles found",
        "zhinan 在目录文件夹及其上级文件夹、zhinan 程序所在位置都没有找到 standards/ 文件夹，无法知道事项应当包含哪些要素。",
        "zhinan found no standards/ folder in or above the catalog folder or beside the zhinan program, so it cannot know which elements an item must have.",
        "用 --standards 指定标准配置所在的文件夹，或设置环境变量 ZHINAN_STANDARDS。",
        "Name the folder of profiles with --standards, or set ZHINAN_STANDARDS.")
    public static let notAnItem = code(
        "ZN312", .warning, "文件不在 items/ 中", "File outside items/",
        "目录文件夹中，catalog.yaml 写目录本身，事项文件放在 items/ 及其子文件夹中。其他位置的 YAML 文件只检查语法，不作为事项读取。",
        "In a catalog folder, catalog.yaml describes the catalog and item files live under items/ (and its sub-folders). YAML files elsewhere are syntax-checked but not read as items.",
        "把事项文件移到 items/ 中，或删除该文件。", "Move the item file under items/, or delete it.")
    public static let unusedSuppression = code(
        "ZN313", .warning, "未使用的忽略注释", "Unused suppression",
        "注释“# zhinan-ignore: 代码”屏蔽它所在行（或紧接在这一行注释下面的一行）的该代码的问题。这里的代码没有屏蔽任何问题：问题已经改正，或者注释放错了行。留着它，以后在这里出现的同类问题会被悄悄屏蔽。",
        "A comment \"# zhinan-ignore: CODE\" silences that code's findings on its own line (or, on a line of its own, on the line just below it). This code silences nothing here: the problem has been fixed, or the comment is on the wrong line. Left in place, it would silently hide a later problem of the same kind.",
        "删除这条注释（或其中的这个代码），或把它移到问题所在的行。",
        "Delete the comment (or this code from it), or move it to the line of the finding.",
        example: "办理时限:\n  法定: 30个工作日\n  承诺: 10个工作日   # zhinan-ignore: ZN602 -- 10 日已在内控线以内，注释不再需要")
    public static let badSuppression = code(
        "ZN314", .warning, "忽略注释写法不对", "Malformed suppression",
        "忽略注释写成“# zhinan-ignore: ZN602”，冒号后是一个或多个诊断代码，用逗号或空格分开；说明理由写在“--”之后。这里的注释没有写代码，或写了 zhinan 没有的代码，因此不屏蔽任何问题。",
        "A suppression is written \"# zhinan-ignore: ZN602\": after the colon, one or more diagnostic codes separated by commas or spaces; a reason may follow after \"--\". This one names no code, or a code zhinan does not have, so it silences nothing.",
        "改为正确的代码（zhinan explain 列出全部代码），把理由写在“--”之后。",
        "Write the right code (zhinan explain lists them all), and put a reason after \"--\".",
        example: "承诺: 25个工作日   # zhinan-ignore: ZN602 -- 经审批同意")

    // MARK: Values

    public static let badTimeLimit = code(
        "ZN401", .error, "时限写法不对", "Malformed time limit",
        "时限只能写成“N个工作日”（工作日）、“N日”（自然日）或“即办”，N 为正整数，用阿拉伯数字。",
        "A time limit is written \"N个工作日\" (working days), \"N日\" (calendar days) or \"即办\", with N a positive whole number in Arabic digits.",
        "改写为这几种形式之一，如“20个工作日”。", "Write it in one of these forms, such as 20个工作日.",
        example: "办理时限:\n  法定: 二十个工作日   # 应为 20个工作日")
    public static let badCount = code(
        "ZN402", .error, "份数不是正整数", "Copies not a positive whole number",
        "份数必须是正整数（1、2、3……），用阿拉伯数字，不加引号。", "份数 is a positive whole number (1, 2, 3 …) in Arabic digits, unquoted.",
        "改为正整数。", "Write a positive whole number.")
    public static let badCreditCode = code(
        "ZN403", .error, "统一社会信用代码无效", "Invalid unified social credit code",
        "统一社会信用代码（GB 32100-2015）由 18 位数字或大写字母组成（不含 I、O、Z、S、V），最后一位是按标准算法得出的校验码。校验码不符通常是抄写错误。",
        "The unified social credit code (GB 32100-2015) has 18 digits or capital letters (no I, O, Z, S, V); the last is a check character computed by the standard's algorithm. A wrong check character usually means a copying mistake.",
        "对照机关的登记证书重新核对代码。", "Check the code against the agency's registration certificate.")
    public static let badRegion = code(
        "ZN404", .error, "行政区划代码无效", "Invalid administrative division code",
        "行政区划应是 GB/T 2260 的六位数字代码，并用引号括起来，如 \"440100\"。",
        "行政区划 is a six-digit GB/T 2260 code, quoted, such as \"440100\".",
        "改为六位数字并加引号。", "Write six digits, quoted.")
    public static let badPhone = code(
        "ZN405", .error, "电话号码格式不对", "Malformed phone number",
        "电话应写成“区号-号码”（如 020-12345678，可加“转”分机）、11 位手机号，或 5 至 6 位的服务号码（如 12345）。多个号码用顿号或逗号分隔。",
        "A phone number is written 区号-号码 (020-12345678, with an optional 转 extension), an 11-digit mobile number, or a 5- to 6-digit service number (12345). Separate several numbers with 、 or a comma.",
        "按上述格式改写。", "Rewrite it in one of these forms.")
    public static let badURL = code(
        "ZN406", .error, "网址不是 http 或 https 地址", "Address is not http or https",
        "网址必须以 http:// 或 https:// 开头。其他形式（如 javascript:、file:）不会被写入公开页面。",
        "An address must start with http:// or https://. Anything else (javascript:, file:) is never written into a public page.",
        "改为完整的 http(s) 地址。", "Write the full http(s) address.")
    public static let badItemCode = code(
        "ZN407", .error, "事项编码格式不对", "Malformed item code",
        "事项编码必须符合标准配置中“事项编码格式”规定的格式。", "The item code must match the 事项编码格式 pattern of the profile.",
        "按提示中的格式改写，如 440100-XK-00012-001。", "Rewrite it in the pattern the message gives, such as 440100-XK-00012-001.")
    public static let duplicateItemCode = code(
        "ZN408", .error, "事项编码重复", "Duplicate item code",
        "两个事项文件使用了同一个事项编码。事项编码是事项在目录、网站和对外数据中的唯一标识。",
        "Two item files use the same code. The code identifies the item in the catalog, on the website and in the exported data.",
        "为其中一个事项改用正确的编码。", "Give one of the items its correct code.")
    public static let badRatio = code(
        "ZN409", .error, "内控线写法不对", "Malformed internal control line",
        "内控线应写成 0 到 1 之间的分数，如 2/3 或 0.6。", "内控线 is a fraction between 0 and 1, such as 2/3 or 0.6.",
        "改为如 2/3 的分数。", "Write a fraction such as 2/3.")
    public static let regionMismatch = code(
        "ZN410", .warning, "事项编码的区划与目录不一致", "Item code's region differs from the catalog's",
        "事项编码的前六位通常是实施地的行政区划代码，与 catalog.yaml 的“行政区划”一致。",
        "An item code's first six digits are usually the division code of where it is carried out, the same as catalog.yaml's 行政区划.",
        "核对事项编码，或核对 catalog.yaml 的行政区划。", "Check the item code, or catalog.yaml's 行政区划.")
    public static let numberAsText = code(
        "ZN411", .error, "应当是文字，却写成了数字或真假值", "Number or boolean where text belongs",
        "该要素应当是文字，但 YAML 把这里读成了数字或真假值（如 123、true）。这样的值很可能是写错了位置。",
        "The element is text, but YAML reads the value as a number or a boolean (123, true). Such a value is most likely in the wrong place.",
        "写上应有的文字；如果确实要写数字，请加引号。", "Write the text that belongs here; to write a number as text, quote it.")
    public static let badDate = code(
        "ZN412", .error, "日期格式不对或日期不存在", "Malformed or impossible date",
        "日期写成 YYYY-MM-DD（如 2014-01-01），并且是公历中实际存在的一天：年份 0001 至 9999，月份 01 至 12，日不超过该月的天数（闰年的 2 月有 29 天）。",
        "Dates are written YYYY-MM-DD, such as 2014-01-01, and are days of the (proleptic Gregorian) calendar: years 0001 to 9999, months 01 to 12, days up to the month's length (29 in February of a leap year).",
        "改为实际存在的日期，写成 YYYY-MM-DD。", "Write a real date, as YYYY-MM-DD.",
        example: "施行日期: 2023-02-30   # 2023 年 2 月只有 28 天")

    public static let lineBreakInOneLineValue = code(
        "ZN421", .error, "应当写在一行的值中有换行", "Line break in a one-line value",
        "名称、编码、编号和邮箱只写一行：它们用作页面标题、文件夹名、链接和数据库中的键，换行会把它们断开。这里的值中有换行（来自多行文字“|”，引号中的“\\n”“\\r”，或 Unicode 的行分隔符 U+2028、段分隔符 U+2029）。",
        "Names, codes, ids and e-mail addresses are one line: they become page titles, folder names, links and database keys, which a line break would split. This value holds one (from a block of text (|), a \"\\n\" or \"\\r\" in quotes, or a Unicode line or paragraph separator, U+2028 or U+2029).",
        "把值写在一行。", "Write the value on one line.",
        example: "事项名称: \"特种设备\\n使用登记\"")
    public static let badBundleCode = code(
        "ZN430", .error, "一件事编码格式不对", "Malformed bundle code",
        "一件事的编码必须符合标准配置中“一件事编码格式”规定的格式（DB44 的配置为 行政区划-YJS-三位序号，如 440103-YJS-001）；标准配置没有规定时，编码只能由字母、数字和 . _ - 组成，以字母或数字开头，至多 64 个字符。编码决定一件事网页所在的文件夹，随意的文字会得到过长或无法辨认的文件夹名。",
        "A bundle's code must match the profile's 一件事编码格式 (the DB44 profiles': 行政区划-YJS-serial, such as 440103-YJS-001); where no profile gives one, a code is letters, digits and . _ -, starts with a letter or digit and has at most 64 characters. The code names the folder of the bundle's pages, and free text makes folder names too long or unrecognisable.",
        "按提示中的格式改写（提示给出最接近的合格写法和示例）；地方标准可以在标准配置的“参数”中改写“一件事编码格式”。",
        "Rewrite it in the format the message gives (with the closest code that fits, and an example); a local standard may change 一件事编码格式 under 参数 in its profile.",
        example: "编码: 440103-yjs-001   # 应为 440103-YJS-001")
    public static let folderClash = code(
        "ZN431", .error, "两个编码对应同一个网页文件夹", "Two codes map to one folder of the site",
        "每个事项和一件事的网页写在以编码命名的文件夹中（items/编码/、bundles/编码/）。两个不同的编码如果只差大小写或 Unicode 写法，在不区分大小写或统一 Unicode 写法的文件系统（macOS、Windows）上是同一个文件夹，后写的网页会覆盖先写的。",
        "Each item's and bundle's pages go to a folder named by its code (items/CODE/, bundles/CODE/). Two different codes that differ only in case or in Unicode form name one folder on a file system that ignores case or normalizes names (macOS, Windows), and the later pages would overwrite the earlier.",
        "为其中一个改用真正不同的编码。", "Give one of them a truly different code.")

    // MARK: National 实施清单 (GB/T 39554.2-2020): materials, results, procedures

    public static let notPositiveInteger = code(
        "ZN450", .error, "应当是正整数", "Not a positive whole number",
        "版本等要素是正整数（1、2、3……），用阿拉伯数字，不加引号：实施清单每次发布变更时版本加一，国家交换表中它是必填的整数。",
        "版本 and the like are positive whole numbers (1, 2, 3 …) in Arabic digits, unquoted: the 实施清单's version rises with every published change, and the national exchange tables hold it as a required integer.",
        "改为正整数，如 3。", "Write a positive whole number, such as 3.",
        example: "版本: 第三版   # 应为 3")
    public static let badAttachmentPath = code(
        "ZN451", .error, "附件路径写法不对", "Malformed attachment path",
        "空表、样表和审批结果的样本写目录文件夹中文件的相对路径（如 forms/登记表.docx），随网站发布在 attachments/ 下。绝对路径、含“..”“.”或空段的路径、反斜杠和网址都不行：它们会指向目录之外，或在网站中没有确定的位置。",
        "空表, 样表 and the 样本 of 审批结果 give a file of the catalog folder by its relative path (forms/登记表.docx, say); it is published in the site under attachments/. An absolute path, one with \"..\", \".\" or an empty part, a backslash or a web address is refused: it would lead outside the catalog, or have no fixed place in the site.",
        "把文件放进目录文件夹（如 forms/ 或 samples/），写它相对于目录文件夹的路径。",
        "Put the file in the catalog folder (under forms/ or samples/, say) and give its path relative to the catalog folder.",
        example: "空表: ../共享/登记表.docx   # 应把文件放进目录文件夹，写 forms/登记表.docx")
    public static let attachmentMissing = code(
        "ZN505", .error, "附件文件不存在", "Attachment file not found",
        "空表、样表或样本所写的文件在目录文件夹中不存在，或不是普通文件（而是文件夹等）。网站上的链接会指向不存在的文件。",
        "The file given for 空表, 样表 or 样本 does not exist in the catalog folder, or is not a plain file (a folder, say). The site's link would lead nowhere.",
        "检查路径的拼写和大小写，或把文件放到该位置。", "Check the path's spelling and case, or put the file there.",
        example: "样表: forms/登记表样表.pdf   # 目录中没有这个文件")
    public static let attachmentOutside = code(
        "ZN506", .error, "附件在目录文件夹之外", "Attachment outside the catalog folder",
        "附件路径经符号链接指向了目录文件夹之外的文件。zhinan 只发布目录文件夹中的文件，从不跟随链接到别处，以免把不该公开的文件发布到网站上。",
        "The attachment's path leads, through a symbolic link, to a file outside the catalog folder. zhinan publishes only files of the catalog folder and never follows a link elsewhere, so that no file that should stay private reaches the site.",
        "把文件本身（而不是链接）复制到目录文件夹中，写它的路径。", "Copy the file itself (not a link) into the catalog folder and give its path.",
        example: "样本: samples/许可证样本.pdf   # samples/许可证样本.pdf -> /home/科员/私人/扫描件.pdf")
    public static let attachmentTooLarge = code(
        "ZN508", .error, "附件太大", "Attachment too large",
        "空表、样表和样本随网站发布，申请人多在手机上下载；生成网站时每个附件整个读入再写出。超过 20 MB 的附件多是未压缩的扫描件，不发布。",
        "空表, 样表 and 样本 are published with the site, where applicants mostly download them on phones, and a build reads each whole before writing it. An attachment over 20 MB is mostly an uncompressed scan; it is not published.",
        "压缩文件（扫描件降低分辨率或另存为 PDF）后再引用。", "Make the file smaller (scan at a lower resolution, or save as PDF) and name it again.",
        example: "样本: samples/许可证样本.tiff   # 180 MB 的扫描件")
    public static let unknownCommitmentMaterial = code(
        "ZN507", .error, "告知承诺中的材料不是本事项的申请材料", "告知承诺 names a material the item does not have",
        "告知承诺的承诺书和替代材料用名称指向本事项的申请材料（承诺书也可以写材料库编号）。这里的名称不是本事项任何一项申请材料的名称，替代关系无从成立。",
        "The 承诺书 and 替代材料 of 告知承诺 name materials of this item (the 承诺书 may also be a 材料库 id). This name is no material of the item, so what the promise replaces cannot be told.",
        "改为申请材料中的名称（提示中给出了最接近的一个），或把该材料加入申请材料。",
        "Use the name of one of the item's materials (the message suggests the closest), or add the material to 申请材料.",
        example: "告知承诺:\n  承诺书: 告知承诺书\n  替代材料: [经营场所证明]   # 申请材料中写的是“经营场所使用证明”")
    public static let noStatutoryNote = code(
        "ZN607", .error, "法定时限为“无”却没有说明", "法定: 无 without 法定说明",
        "法律法规没有规定办理时限时写“法定: 无”，并在“法定说明”中写明情况（如 法律法规未规定办理时限，按本机关承诺时限办理）。没有说明，申请人和审核人员无法区分“确无法定时限”和“漏填”。",
        "When no law sets a limit, 办理时限 says 法定: 无 and explains it in 法定说明 (法律法规未规定办理时限，按本机关承诺时限办理, say). Without it, applicants and reviewers cannot tell \"no statutory limit\" from \"forgotten\".",
        "在办理时限中加上“法定说明”。", "Add 法定说明 to 办理时限.",
        example: "办理时限:\n  法定: 无\n  法定说明: 法律法规未规定办理时限。\n  承诺: 5个工作日")
    public static let deferralLimitWithoutDeferral = code(
        "ZN608", .error, "写了容缺后补期限，材料却不是容缺后补", "容缺后补期限 on a material that is not 容缺后补",
        "容缺后补期限是容缺受理后补交材料的期限，只用于“必要性: 容缺后补”的材料。其他材料写了它，申请人会误以为可以后补。",
        "容缺后补期限 is how long after acceptance a missing material may be handed in, and belongs only to a material with 必要性: 容缺后补. On another material it would tell applicants they may hand it in later.",
        "把必要性改为“容缺后补”，或删除容缺后补期限。", "Set 必要性 to 容缺后补, or delete 容缺后补期限.",
        example: "- 材料: 经营场所使用证明\n  必要性: 必要\n  容缺后补期限: 5个工作日   # 必要性应为 容缺后补")
    public static let deferralWithoutLimit = code(
        "ZN609", .warning, "容缺后补的材料没有写补交期限", "容缺后补 material without 容缺后补期限",
        "遵循 GB/T 39554.2-2020 时，容缺后补的材料应写明受理后多久内补交（容缺后补期限），申请人才知道期限，中心才能跟踪。",
        "Under GB/T 39554.2-2020 a 容缺后补 material says how long after acceptance it may be handed in (容缺后补期限), so applicants know the deadline and the centre can follow it up.",
        "加上“容缺后补期限”，如 5个工作日。", "Add 容缺后补期限, such as 5个工作日.",
        example: "- 材料: 经营场所使用证明\n  必要性: 容缺后补   # 加上 容缺后补期限: 5个工作日")
    public static let resultAndCertificate = code(
        "ZN820", .error, "审批结果与审批证件都写了", "Both 审批结果 and 审批证件",
        "审批结果（GB/T 39554.2-2020）取代审批证件：它写明结果的类型、名称、有效期、样本和送达方式，并满足要求审批证件的标准。两者都写，发布的内容会有两个互相竞争的结果。",
        "审批结果 (GB/T 39554.2-2020) takes the place of 审批证件: it gives the result's type, name, validity, sample and delivery, and satisfies the standards that require 审批证件. With both, what is published would hold two competing results.",
        "删除审批证件，把其名称、有效期写进审批结果（类型: 证照）。", "Delete 审批证件 and move its name and validity into 审批结果 (类型: 证照).",
        example: "审批结果:\n  类型: 证照\n  名称: 特种设备使用登记证\n审批证件:        # 删除\n  名称: 特种设备使用登记证")
    public static let copiesConflict = code(
        "ZN821", .error, "材料的形式与份数互相矛盾", "A material's 形式 and its counts disagree",
        "原件份数和复印件份数分别写原件和复印件各要几份；份数只用于单一形式（原件或复印件）。形式写“原件”却写了复印件份数，写“原件和复印件”却只写一个总份数，或同时写份数和原件份数/复印件份数，申请人无法知道各交几份。",
        "原件份数 and 复印件份数 say how many originals and copies; 份数 goes with one form only (原件 or 复印件). 形式 原件 with 复印件份数, 原件和复印件 with one 份数, or 份数 beside 原件份数/复印件份数 leaves applicants unable to tell how many of each to bring.",
        "按提示改写：原件和复印件都要时写原件份数和复印件份数（可省略形式），只要一种时写形式和份数。",
        "Rewrite as the message says: for both, give 原件份数 and 复印件份数 (形式 may be left out); for one form, 形式 and 份数.",
        example: "- 材料: 营业执照\n  形式: 原件\n  复印件份数: 2   # 应写 形式: 原件和复印件，原件份数: 1，复印件份数: 2")
    public static let shareableSuggestsExemption = code(
        "ZN822", .note, "可共享的材料可以免提交", "A shareable material may be 免提交",
        "遵循 GB/T 39554.2-2020 时，材料库中的“可共享”只说明窗口能从其他系统取得该材料，是否免提交由事项决定：窗口可能仍要核验原件。这里的材料来自可共享的材料库条目，却没有写免提交。",
        "Under GB/T 39554.2-2020, 可共享 in the 材料库 only says the window can fetch the material from another system; whether it is 免提交 is the item's decision, since the window may still check the original. This material comes from a shareable 材料库 entry but says nothing of 免提交.",
        "确实不用申请人提交时写“免提交: 数据共享”；窗口仍要看原件时写“核验原件: 是”或“免提交: 否”。",
        "Write 免提交: 数据共享 when the applicant really hands nothing in; 核验原件: 是 or 免提交: 否 when the window still sees the original.",
        example: "- 材料库: yyzz\n  免提交: 数据共享")
    public static let verifiedAndExempt = code(
        "ZN823", .error, "核验原件的材料不能免提交", "A material both 核验原件 and 免提交",
        "核验原件是申请人带原件到窗口，核验后当场退还；免提交是申请人什么都不用带。两者不能同时成立。",
        "核验原件 means the applicant brings the original, which is checked and handed back at once; 免提交 means the applicant brings nothing. Both cannot hold.",
        "删除其中一个：窗口要看原件就删除免提交，否则删除核验原件。",
        "Delete one: if the window sees the original, delete 免提交; otherwise delete 核验原件.",
        example: "- 材料库: sfz\n  免提交: 数据共享\n  核验原件: 是   # 窗口看原件：删除 免提交")
    public static let pledgeExempt = code(
        "ZN824", .error, "告知承诺书本身被免提交", "The 承诺书 itself is 免提交",
        "告知承诺制中，申请人以签署的承诺书代替部分证明材料，承诺书本身必须提交，不能免提交，也不能列在替代材料中。",
        "Under 告知承诺, the signed promise takes the place of some proof; the promise itself must be handed in, so it cannot be 免提交 nor among the materials it replaces.",
        "删除承诺书的免提交，或把它从替代材料中去掉。", "Delete the 承诺书's 免提交, or take it out of 替代材料.",
        example: "告知承诺:\n  承诺书: 告知承诺书\n  替代材料: [告知承诺书, 经营场所使用证明]   # 承诺书不能替代自己")
    public static let procedureWithoutBasis = code(
        "ZN825", .error, "特别程序没有依据", "特别程序 without 依据",
        "特别程序（听证、检验、专家评审等）的时间不计入办理时限（行政许可法第四十五条），只有法律、法规规定的程序才能这样做，所以每项特别程序都要写明依据。",
        "A 特别程序 (hearing, inspection, expert review …) does not count toward 办理时限 (行政许可法第四十五条), which only a procedure set by law may do; each 特别程序 therefore gives its 依据.",
        "加上“依据: {法规: 编号, 条款: 第几条}”。", "Add 依据: {法规: ID, 条款: 第…条}.",
        example: "特别程序:\n  - 种类: 专家评审\n    时限: 15个工作日\n    依据: {法规: xzxkf, 条款: 第四十五条}")
    public static let repealNotAfterEffect = code(
        "ZN826", .error, "废止日期不晚于生效日期", "废止日期 not after 生效日期",
        "实施清单在生效日期起施行，到废止日期停止；废止日期必须晚于生效日期，否则清单从未有效。",
        "The 实施清单 applies from 生效日期 until 废止日期; 废止日期 must come after 生效日期, or the entry never applies.",
        "核对两个日期。", "Check the two dates.",
        example: "生效日期: 2025-01-01\n废止日期: 2024-12-31   # 早于生效日期")
    public static let resultWithoutName = code(
        "ZN827", .error, "审批结果没有名称", "审批结果 without 名称",
        "审批结果的类型是证照、批文或其他时，要写明结果的名称（如 食品经营许可证），办事指南和国家交换表都要用到；只有类型为“无”时可以不写。",
        "When 审批结果's 类型 is 证照, 批文 or 其他, its 名称 (食品经营许可证, say) is given: the guide and the national exchange tables show it. Only 类型 无 goes without.",
        "加上“名称”，或把类型改为“无”。", "Add 名称, or set 类型 to 无.",
        example: "审批结果:\n  类型: 证照   # 缺少 名称: 食品经营许可证")

    // MARK: 情形 (ZN830–ZN849)

    public static let badQuestionID = code(
        "ZN830", .error, "情形的编号写法不对", "Badly written 情形 编号",
        "情形的编号会写进办事指南的网页地址（?agent=委托他人办理），供申请人分享和收藏，也用于适用情形中引用问题，所以只能由英文字母、数字和“-”组成。",
        "A 情形 question's 编号 goes into the guide's page address (?agent=委托他人办理), which applicants share and bookmark, and names the question in 适用情形; so it holds only ASCII letters, digits and '-'.",
        "改用英文字母、数字和“-”组成的编号，如 agent、form、renewal。", "Use an 编号 of ASCII letters, digits and '-', such as agent, form, renewal.",
        example: "情形:\n  - 编号: 委托     # 应写 agent\n    问题: 是否委托他人办理？\n    选项: [本人办理, 委托他人办理]")
    public static let duplicateQuestionID = code(
        "ZN831", .error, "情形的编号重复", "情形 编号 used twice",
        "一个事项中每个问题的编号唯一，适用情形才能指明是哪个问题。", "Each question of an item has its own 编号, so that 适用情形 can say which question it means.",
        "给其中一个问题换一个编号，或把两个问题合并。", "Give one of the questions another 编号, or merge the two.",
        example: "情形:\n  - 编号: agent\n    …\n  - 编号: agent   # 重复")
    public static let tooFewOptions = code(
        "ZN832", .error, "问题的选项少于两个", "A question with fewer than two options",
        "情形是让申请人在几种情况中选一种；只有一个选项的问题不用问，申请人也无从选择。",
        "A 情形 question lets the applicant pick one of several cases; a question with one option need not be asked and offers no choice.",
        "补上其他选项，或删除这个问题。", "Add the other options, or delete the question.",
        example: "情形:\n  - 编号: agent\n    问题: 是否委托他人办理？\n    选项: [委托他人办理]   # 还应有 本人办理")
    public static let duplicateOption = code(
        "ZN833", .error, "选项重复", "Option given twice",
        "一个问题的选项互不相同，适用情形中同一选项也只写一次；重复的选项在问卷中会出现两个一样的按钮。",
        "The options of a question differ from one another, and 适用情形 names an option once; a repeated option would show the applicant two identical buttons.",
        "删除重复的一个。", "Delete the repeated one.",
        example: "选项: [本人办理, 委托他人办理, 本人办理]   # 重复")
    public static let unknownQuestion = code(
        "ZN834", .error, "适用情形引用了不存在的问题", "适用情形 names an unknown question",
        "适用情形以“问题编号: 选项”写明何时适用；这里的编号不是本事项“情形”中任何问题的编号，这一项会错误地对所有申请人适用或都不适用。",
        "适用情形 says when something applies as question id: option; this id is not the 编号 of any question under the item's 情形, so what it marks would apply to the wrong applicants.",
        "改为本事项情形中的编号（提示中给出了最接近的一个），或先在“情形”中加上这个问题。",
        "Use the 编号 of a question of the item (the message suggests the closest), or add the question under 情形 first.",
        example: "情形:\n  - 编号: agent\n    …\n申请材料:\n  - 材料: 授权委托书\n    适用情形: {agnet: 委托他人办理}   # 应为 agent")
    public static let unknownOption = code(
        "ZN835", .error, "适用情形引用了不存在的选项", "适用情形 names an unknown option",
        "适用情形中的选项必须是该问题“选项”中的一个，一字不差；否则申请人选什么都对不上，这一项就不会出现在任何人的清单中。",
        "An option in 适用情形 must be one of the question's 选项, character for character; otherwise no answer matches it and what it marks appears in no one's list.",
        "改为该问题的一个选项（提示中给出了最接近的一个）。", "Use one of the question's options (the message suggests the closest).",
        example: "情形:\n  - 编号: agent\n    选项: [本人办理, 委托他人办理]\n申请材料:\n  - 材料: 授权委托书\n    适用情形: {agent: 委托办理}   # 应为 委托他人办理")
    public static let questionNotNeeded = code(
        "ZN836", .warning, "问题不改变任何内容", "A question that changes nothing",
        "没有任何材料、审批条件、收费、办理环节或情形差异按这个问题的部分选项区分：无论申请人怎么选，看到的都一样，这个问题不需要问。",
        "No material, condition, fee, step or 情形差异 depends on some but not all options of this question: whatever the applicant answers, they see the same, so the question need not be asked.",
        "给只在某些情形下需要的内容写上“适用情形”，或删除这个问题。",
        "Mark what applies only in some cases with 适用情形, or delete the question.",
        example: "情形:\n  - 编号: form   # 没有任何内容写 适用情形: {form: …}\n    问题: 经营形式\n    选项: [个人经营, 家庭经营]")
    public static let sameOptions = code(
        "ZN837", .warning, "两个选项的结果完全相同", "Two options that lead to the same",
        "选这个选项和选另一个选项，申请人看到的材料、条件、收费、环节和时限完全相同：凡写了这个问题的适用情形，要么同时包含两者，要么都不包含。这通常是漏写了某项的适用情形，或这两个选项可以合并。",
        "Choosing this option or the other shows the applicant the very same materials, conditions, fees, steps and limits: every 适用情形 naming the question holds both or neither. Usually a 适用情形 is missing somewhere, or the two options can be merged.",
        "给只属于其中一个选项的内容写上适用情形，或合并这两个选项。",
        "Give what belongs to only one of them its 适用情形, or merge the two options.",
        example: "选项: [新办, 变更, 延续]\n# 只有 适用情形: {type: [新办]}：变更 与 延续 结果相同")
    public static let noMaterialsInScenario = code(
        "ZN838", .error, "某种情形下没有任何申请材料", "A scenario left with no material",
        "每一种选项组合都应至少需要一项申请材料；在提示所说的组合下，每项材料的适用情形都不成立，申请人的清单是空的。检查时按问题分组推理，并不逐一列举所有组合。",
        "Every combination of answers should need at least one material; under the combination the message names, no material's 适用情形 holds, so the applicant's list is empty. The check reasons over the questions rather than listing every combination.",
        "给该情形补上材料（如申请表），或放宽某项材料的适用情形；对所有人都要的材料不写适用情形。",
        "Add a material for that case (the application form, say), or widen a material's 适用情形; a material everyone needs has no 适用情形.",
        example: "申请材料:\n  - 材料: 授权委托书\n    适用情形: {agent: 委托他人办理}\n# 选 本人办理 时没有任何材料")
    public static let conditionWithoutApplicability = code(
        "ZN839", .warning, "有情形的事项中，材料用文字写了条件", "A material's free-text 条件 in an item with 情形",
        "事项已经写了情形，材料的“条件”却只是文字：问卷无法按它筛选，每个申请人仍会看到这项材料。用“适用情形”写明同样的意思，精准告知才能生效。",
        "The item asks 情形 questions, but this material's 条件 is free text: the questionnaire cannot filter by it, so every applicant still sees the material. Say the same with 适用情形 so that the guide can tell each applicant what applies.",
        "改写为“适用情形: {问题编号: 选项}”（提示中给出了写法）；条件文字可以删除。",
        "Write 适用情形: {question id: option} instead (the message shows how); the 条件 text may go.",
        example: "- 材料: 授权委托书\n  条件: 委托他人办理的   # 改为 适用情形: {agent: 委托他人办理}")
    public static let scenarioFlowBroken = code(
        "ZN840", .error, "某种情形下办理流程走不通", "The flow breaks under a scenario",
        "只适用于部分情形的环节在其他情形下不存在，指向它的“下一步”也随之失效。在提示所说的情形下，从第一个环节出发走不到结束（或走不到“结束: 准予”），或者第一个环节本身不适用。",
        "A step that applies only under some scenarios is absent under the others, and the 下一步s leading to it go with it. Under the scenario the message names, the first step cannot reach an end (or a 结束: 准予), or the first step itself does not apply.",
        "让该情形下的环节另有一条路继续（在下一步中同时写出绕过该环节的去向），第一个环节不写适用情形。",
        "Give the flow another way on under that scenario (a 下一步 that goes round the step), and give the first step no 适用情形.",
        example: "- 环节: 申请\n  下一步: 核验委托   # 本人办理时 核验委托 不存在：再写一个 转到: 受理\n- 环节: 核验委托\n  适用情形: {agent: 委托他人办理}\n  下一步: 受理")
    public static let scenariosNotChecked = code(
        "ZN841", .note, "情形组合太多，未逐一检查", "Too many scenarios to check each",
        "按情形检查办理流程（连通性和关键路径）时逐一检查环节和情形差异涉及的问题的选项组合，最多 256 种；判断每种组合都有申请材料时的搜索也有上限。超过上限的部分没有检查，其余检查照常进行。",
        "Checking the flow per scenario (connection and critical path) goes through the combinations of the questions that steps and 情形差异 name, at most 256; the search for a combination without materials has a bound too. What lies beyond the bound is not checked; every other check runs as usual.",
        "减少环节和情形差异所涉及的问题，或把相关的问题合并。", "Name fewer questions in steps and 情形差异, or merge related questions.")
    public static let variantShadowed = code(
        "ZN842", .warning, "情形差异永远不会生效", "A 情形差异 entry that never applies",
        "情形差异按书写顺序取第一个成立的一项；这一项成立时，前面某一项也必定成立，所以它永远不会被采用。",
        "情形差异 takes the first entry that holds, in the order written; whenever this entry holds, an earlier one holds too, so it is never used.",
        "把更具体的一项写在前面，或合并这两项。", "Put the more specific entry first, or merge the two.",
        example: "情形差异:\n  - 适用情形: {form: [个人经营, 家庭经营]}\n    办件类型: 即办件\n  - 适用情形: {form: 家庭经营}   # 永远不会生效\n    办件类型: 承诺件")
    public static let invisibleScenarioText = code(
        "ZN843", .error, "情形的问题或选项是空白，或含有看不见的字符", "A 情形 question or option that is blank or holds invisible characters",
        "问题和选项是申请人在办事指南上看到并点选的文字，选项还会写进网页地址（?agent=委托他人办理）。空白的选项无从点选；零宽字符（如 U+200B 零宽空格、U+200D 零宽连接符、U+FEFF）和双向控制字符（如 U+202E，会颠倒其后文字的显示顺序）在页面上看不见，却使两个看起来一样的选项不同，或使选项显示成另一个样子，申请人分享的链接也会对不上。",
        "Questions and options are what applicants read and click on the guide, and options go into the page address (?agent=委托他人办理). A blank option cannot be chosen; zero-width characters (U+200B zero width space, U+200D zero width joiner, U+FEFF …) and bidirectional controls (U+202E, which reverses the text shown after it …) are invisible on the page, yet make two options that look alike differ, or an option show as something else, and links applicants share stop matching.",
        "删除看不见的字符（在编辑器中删去报告位置前后的字符后重新输入），或填写空白的选项。", "Delete the invisible characters (delete and retype the text around the reported place), or fill in the blank option.",
        example: "情形:\n  - 编号: agent\n    问题: 是否委托他人办理？\n    选项: [本人办理, \"委托\\u200B他人办理\"]   # U+200B 零宽空格")

    // MARK: References

    public static let unknownReference = code(
        "ZN501", .error, "引用了不存在的编号", "Reference to an unknown id",
        "事项通过编号引用 catalog.yaml 中的实施机关、窗口、法规和材料库。这里的编号在 catalog.yaml 中没有定义。",
        "Items refer to catalog.yaml's agencies, windows, laws and material library by id. This id is not defined in catalog.yaml.",
        "检查拼写（提示中给出了最接近的编号），或在 catalog.yaml 中添加该条目。",
        "Check the spelling (the message suggests the closest id), or add the entry to catalog.yaml.")
    public static let duplicateID = code(
        "ZN502", .error, "catalog.yaml 中编号重复", "Duplicate id in catalog.yaml",
        "catalog.yaml 的同一类条目（实施机关、窗口、法规、材料库）中，两个条目使用了同一个编号，引用时无法区分。",
        "Two entries of one registry of catalog.yaml (实施机关, 窗口, 法规, 材料库) share an id, so references cannot tell them apart.",
        "为其中一个改用不同的编号。", "Give one of them another id.")
    public static let unknownStep = code(
        "ZN503", .error, "转到了不存在的环节", "Transition to an unknown step",
        "下一步或转到中写的环节名称，在本事项的办理流程中不存在。", "The step named in 下一步 or 转到 is not a step of this item's flow.",
        "检查拼写（提示中给出了最接近的环节），或添加该环节。", "Check the spelling (the message suggests the closest step), or add the step.")
    public static let materialNameAndLibrary = code(
        "ZN504", .error, "申请材料既没有名称也没有引用材料库", "Material with neither a name nor a library id",
        "每项申请材料要么写“材料”（名称），要么写“材料库”（引用 catalog.yaml 中的共用材料）。",
        "Each material gives either 材料 (its name) or 材料库 (a shared material of catalog.yaml).",
        "补上材料名称或材料库编号。", "Add the material's name or its library id.")

    // MARK: Time limits

    public static let promiseExceedsStatute = code(
        "ZN601", .error, "承诺时限超过法定时限", "Promised limit exceeds the statutory limit",
        "承诺时限是服务中心对申请人的承诺，不得长于法律法规规定的法定时限。",
        "The promised limit is the centre's promise to applicants and may not be longer than the statutory limit the law fixes.",
        "缩短承诺时限，或核对法定时限与办理依据。", "Shorten the promise, or check the statutory limit against the legal basis.",
        example: "办理时限:\n  法定: 20个工作日\n  承诺: 30个工作日   # 超过法定")
    public static let internalControlLine = code(
        "ZN602", .warning, "承诺时限超过内控线", "Promised limit above the internal control line",
        "catalog.yaml 的“内控线”规定承诺时限不宜超过法定时限的一定比例（如 2/3），以体现压缩办理时间的要求。",
        "catalog.yaml's 内控线 says a promised limit should not exceed a share of the statutory one (2/3, say), as the centres' time-compression targets require.",
        "压缩承诺时限，或在标准配置中调整该规则的级别。", "Shorten the promise, or change the rule's severity in the profile.")
    public static let immediateMismatch = code(
        "ZN603", .error, "办件类型与承诺时限不一致", "Case type and promised limit disagree",
        "即办件是当场办结的事项，承诺时限必须是“即办”；反过来，承诺“即办”的事项办件类型应为即办件。",
        "A 即办件 is decided on the spot, so its promise is 即办; conversely an item promising 即办 is a 即办件.",
        "使办件类型和承诺时限一致。", "Make the case type and the promise agree.")
    public static let undecidedComparison = code(
        "ZN604", .warning, "工作日与自然日无法比较", "Working and calendar days cannot be compared",
        "两个时限一个按工作日、一个按自然日计算，受周末和节假日影响，无法确定哪个更长。zhinan 只在所有可能的日历排列下都成立时才判定先后。",
        "One limit counts working days and the other calendar days; with weekends and holidays it cannot be told which is longer. zhinan orders them only when every calendar placement agrees.",
        "两个时限使用同一种计算方式。", "Count both limits the same way.")
    public static let criticalPathExceedsPromise = code(
        "ZN605", .error, "流程关键路径超过承诺时限", "The flow's critical path exceeds the promise",
        "办理流程中从申请到准予的最长计时路径（关键路径）所需时间，超过了承诺时限：按流程办理，承诺无法兑现。不计时的环节（计时: 否）不计入。",
        "The longest timed path of the flow from application to 准予 (the critical path) takes longer than the promise: following the flow, the promise cannot be kept. Steps with 计时: 否 do not count.",
        "缩短路径上环节的时限，或核对承诺时限。", "Shorten the steps on the path, or check the promise.")

    public static let untimedStep = code(
        "ZN606", .warning, "计时的环节没有写时限", "Timed step without a time limit",
        "事项有承诺时限时，zhinan 按办理流程计算关键路径（从申请到准予最长的计时路径）并与承诺时限比较。计时的环节（没有写“计时: 否”）不写“时限”，关键路径就把它算作不花时间，显示的关键路径偏短，承诺时限能否兑现也就无从核对。申请人自己的环节（岗位为申请人）和写了“结束”的环节不在此列。标准配置可以在“规则”中把它设为错误（ZN606: 错误）。",
        "When an item promises a limit, zhinan computes the flow's critical path (the longest timed path from application to 准予) and compares it with the promise. A timed step (one without 计时: 否) that gives no 时限 counts as taking no time, so the critical path shown is too short and whether the promise can be kept cannot be checked. The applicant's own steps (岗位 申请人) and steps with 结束 are exempt. A profile may make this an error under 规则 (ZN606: 错误).",
        "为该环节写上“时限”（N个工作日、N日，当场完成写“即办”）；时间不计入办理时限的环节（补正、检验检测、专家评审等）写“计时: 否”。",
        "Give the step its 时限 (N个工作日, N日, or 即办 when it is done on the spot); a step whose time does not count (补正, testing, expert review …) gets 计时: 否.",
        example: "  - 环节: 审查\n    岗位: 审查人员      # 缺少 时限: 5个工作日")

    // MARK: Flow

    public static let duplicateStep = code(
        "ZN701", .error, "环节名称重复", "Duplicate step name",
        "同一办理流程中两个环节使用了同一个名称，“转到”无法区分。", "Two steps of one flow share a name, so 转到 cannot tell them apart.",
        "为其中一个改名。", "Rename one of them.")
    public static let unreachableStep = code(
        "ZN702", .error, "环节无法到达", "Unreachable step",
        "流程从第一个环节开始，沿“下一步”走不到这个环节。要么缺少指向它的下一步，要么它是多余的。一个流程只能有一个起点（第一个环节）。",
        "The flow starts at its first step, and no chain of 下一步 reaches this one: either a 下一步 pointing to it is missing, or it is left over. A flow has one start, its first step.",
        "在前面的环节中加上指向它的下一步，或删除它。", "Add a 下一步 to it from an earlier step, or delete it.")
    public static let deadEnd = code(
        "ZN703", .error, "环节既没有下一步也没有结束", "Step with neither a next step nor an end",
        "每个环节要么写“下一步”，要么写“结束”（准予、不予或终止），否则流程走到这里就中断了。",
        "Every step gives either 下一步 or 结束 (准予, 不予 or 终止); otherwise the flow stops dead there.",
        "补上下一步或结束。", "Add 下一步 or 结束.")
    public static let endWithNext = code(
        "ZN704", .error, "结束环节又写了下一步", "End step with a next step",
        "写了“结束”的环节是流程的终点，不能再有“下一步”。", "A step with 结束 ends the flow and cannot have a 下一步.",
        "删除下一步或结束之一。", "Remove either 下一步 or 结束.")
    public static let timedCycle = code(
        "ZN705", .error, "流程中有不停止计时的循环", "A loop that never stops the clock",
        "流程可以有循环（如 补正 后回到 受理），但循环中至少要有一个“计时: 否”的环节：否则办理时间可以无限延长，时限无从计算。",
        "A flow may loop (补正 back to 受理), but the loop needs at least one step with 计时: 否; otherwise the time could grow without end and no limit could be computed.",
        "把循环中等待申请人的环节（如补正）标为“计时: 否”，或去掉循环。", "Mark the step of the loop that waits on the applicant (补正, say) 计时: 否, or remove the loop.")
    public static let noGrantedEnd = code(
        "ZN706", .error, "流程走不到“准予”", "No way to 准予",
        "从第一个环节出发，没有任何路径能到达“结束: 准予”的环节，申请永远无法被批准。",
        "No path from the first step reaches a step with 结束: 准予: no application could ever be granted.",
        "检查下一步，使至少一条路径到达准予。", "Check the 下一步s so that at least one path reaches 准予.")
    public static let noWayOut = code(
        "ZN707", .error, "环节走不到任何结束", "Step from which no end is reachable",
        "从这个环节出发的所有路径都走不到“结束”，办件会被困在流程中。", "Every path from this step fails to reach a 结束: a case would be stuck in the flow.",
        "为循环加上出口，指向后续环节或结束。", "Give the loop a way out, to a later step or an end.")

    // MARK: Consistency

    public static let roleNotInStaff = code(
        "ZN801", .error, "流程中的岗位没有列入审批人员", "Flow role missing from 审批人员",
        "遵循 DB44/T 1148 的目录，业务手册要写明流程中每个岗位的职责：流程中出现的岗位（申请人除外）必须在“审批人员”中列出。",
        "Under DB44/T 1148, the manual states the duties of every role of the flow: each 岗位 used in the flow (other than 申请人) must be listed in 审批人员.",
        "在审批人员中添加该岗位及其职责，或核对岗位名称的写法。", "Add the role and its duties to 审批人员, or check how the role is spelt.")
    // MARK: Bundles (一件事)

    public static let unknownMember = code(
        "ZN901", .error, "一件事的成员事项不在目录中", "Bundle member not in the catalog",
        "一件事通过事项编码列出成员事项。这里的事项编码在目录中没有对应的事项。",
        "A bundle lists its member items by 事项编码. No item of the catalog has this code.",
        "检查事项编码（提示中给出了最接近的编码），或先添加该事项。", "Check the code (the message suggests the closest), or add the item first.")
    public static let memberTwice = code(
        "ZN902", .error, "成员事项重复", "Member listed twice",
        "同一个事项在一件事中出现了两次（例如在两个阶段中）。每个事项在一件事中只办理一次。",
        "One item appears twice in a bundle (in two stages, say). Each item is handled once in a bundle.",
        "删除重复的一处。", "Delete one of the two.")
    public static let memberNotAtWindow = code(
        "ZN903", .error, "成员事项不在一件事的窗口类别受理", "Member not accepted at the bundle's kind of window",
        "一件事由一个窗口类别的窗口统一受理；成员事项的受理地点中没有该类别的窗口，前台无法统一收件。",
        "A bundle is accepted at windows of one category; this member's 受理地点 has no window of that category, so the front desk cannot take it in.",
        "在该事项的受理地点中加入该类别的窗口，或调整一件事的窗口类别。", "Add a window of that category to the item's 受理地点, or change the bundle's 窗口类别.")
    public static let bundlePromiseTooShort = code(
        "ZN904", .error, "一件事的承诺时限短于成员事项所需", "Bundle promise shorter than its members need",
        "按办理方式（并联取最长、串联相加、混合为各阶段最长之和），成员事项的承诺时限合计超过了一件事的承诺时限：按成员事项各自的承诺办理，一件事的承诺无法兑现。",
        "By the bundle's mode (并联: the longest; 串联: the sum; 混合: the sum of each stage's longest), its members' promises add up to more than the bundle's promise: handled as the members promise, the bundle's promise cannot be kept.",
        "压缩成员事项的承诺时限，或放宽一件事的承诺时限。", "Shorten the members' promises, or the bundle's promise.")
    public static let bundlePromiseOverStatute = code(
        "ZN905", .error, "一件事的承诺时限超过法定时限", "Bundle promise exceeds the statutory limits",
        "一件事的承诺时限不能长于按同样方式合计的成员事项法定时限。",
        "A bundle's promise cannot be longer than its members' statutory limits added up the same way.",
        "缩短一件事的承诺时限。", "Shorten the bundle's promise.")
    public static let bundleShape = code(
        "ZN906", .error, "一件事的成员或阶段写法不对", "Bundle members or stages malformed",
        "并联和串联的一件事用“事项”列出至少两个成员事项；混合办理用“阶段”，每个阶段列出其成员事项。",
        "A 并联 or 串联 bundle lists at least two members under 事项; a 混合 bundle gives 阶段, each listing its members.",
        "按办理方式改写成员或阶段。", "Write the members or stages as the mode requires.")
    public static let duplicateBundleCode = code(
        "ZN907", .error, "一件事编码重复", "Duplicate bundle code",
        "两个一件事使用了同一个编码，或一件事的编码与某个事项编码相同。", "Two bundles share a code, or a bundle's code is an item's code.",
        "改用唯一的编码。", "Give it a unique code.")

    // MARK: Bundles with 情形 (ZN911–ZN914)

    public static let bundleQuestionConflict = code(
        "ZN911", .error, "一件事成员的同一情形问题选项不同", "Bundle members give one 情形 question different options",
        "一件事把成员事项的“情形”问题合并：编号相同的问题只问一次，申请人的一个回答同时决定每个成员事项要交的材料。两个成员事项用同一个编号给出不同的选项时，这个回答无法同时适用于两者：选了一个事项才有的选项，另一个事项的材料就无从筛选，合并后的材料清单会出错。",
        "A bundle merges its members' 情形 questions: a question id is asked once, and the applicant's one answer decides every member's papers. When two members give one id different options, no answer fits both: an option only one member has leaves the other's materials unfiltered, and the merged list goes wrong.",
        "在两个事项中统一该问题的选项（同时核对各自的“适用情形”）；如果确实是两个不同的问题，在其中一个事项中改用另一个编号。",
        "Give the question the same options in both items (and check their 适用情形); if they really are two questions, give one of them another id.",
        example: "# items/a.yaml 情形: [{编号: agent, 问题: 是否委托他人办理？, 选项: [本人办理, 委托他人办理]}]\n# items/b.yaml 情形: [{编号: agent, 问题: 办理人, 选项: [本人, 代理人]}]\n事项: [440103-XK-00101-001, 440103-XK-00102-001]   # ZN911：第二个成员")
    public static let bundleQuestionWording = code(
        "ZN912", .warning, "一件事成员的同一情形问题措辞不同", "Bundle members word one 情形 question differently",
        "两个成员事项的同一编号问题选项相同，但问题文字或选项顺序不同。一件事只问一次，用第一个成员事项的写法；选项相同，合并后的材料清单仍然正确，所以只是警告。但措辞不同往往说明两个事项的编写人对问题的理解不同，值得核对。",
        "Two members ask a question of one id with the same options, but word the question or order the options differently. The bundle asks it once, in the first member's words; the options agree, so the merged list is still right, hence a warning. But different words often mean the two items' authors meant different things, which is worth checking.",
        "核对两处的含义后，统一问题文字和选项顺序。", "Check that both mean the same, then give them the same words and option order.")
    public static let bundleQuestionTwice = code(
        "ZN913", .warning, "一件事成员用不同编号问同一个问题", "Bundle members ask one question under two ids",
        "两个成员事项的“情形”问题选项相同（选项只是“是、否”时问题文字也相同），但编号不同。一件事按编号合并问题，申请人会被同一个问题问两次，还可能前后答得不一致。",
        "Two members ask 情形 questions with the same options (and, when the options are just 是 and 否, the same words) under different ids. A bundle merges questions by id, so the applicant is asked the same thing twice, and may answer it two ways.",
        "在两个事项中用同一个编号（同时改“适用情形”中的编号）；如果确实是不同的问题，请改写问题或选项，让申请人分得清。",
        "Use one id in both items (and in their 适用情形); if they really are different questions, reword the question or its options so that applicants can tell them apart.")
    public static let bundleScenarioPromiseTooShort = code(
        "ZN914", .error, "一件事的承诺时限在某种情形下不够", "Bundle promise too short in some scenario",
        "成员事项的“情形差异”可以在某种情形下给出更长的承诺时限。按成员事项自己的承诺，一件事的承诺够用；但在这种情形下，按办理方式合计的成员承诺时限长于一件事的承诺时限，对这些申请人承诺无法兑现。zhinan 枚举成员事项“情形差异”所涉及问题的全部选项组合（至多 4096 种；超出时不作此项检查）。",
        "A member's 情形差异 may promise a longer limit in some scenario. By the members' own promises the bundle's promise suffices, but in this scenario the members' promises, added up by the bundle's mode, exceed it: for these applicants the promise cannot be kept. zhinan goes through every combination of the options of the questions the members' 情形差异 name (at most 4096; beyond that this check is skipped).",
        "放宽一件事的承诺时限，或压缩该情形下成员事项的承诺时限。", "Lengthen the bundle's promise, or shorten the member's promise in that scenario.")

    // MARK: Suppressions (ZN91x)

    public static let suppressedError = code(
        "ZN910", .error, "忽略注释不能屏蔽错误", "A suppression cannot silence an error",
        "“# zhinan-ignore”只屏蔽警告和提示。错误说明目录不能这样发布（事项编码重复、引用了不存在的编号、缺少必需的要素……）：如果能屏蔽，build 就会发布错误的内容。一个代码是不是错误，按标准配置“规则”调整后的级别判断。注释点名的错误照常报告，注释中的这个代码本身也是错误。",
        "\"# zhinan-ignore\" silences only warnings and notes. An error means the catalog cannot be published as it is (a duplicate item code, a reference to an unknown id, a missing required element …): if it could be silenced, build would publish something wrong. Whether a code is an error is decided by its severity after the profiles' 规则 settings. The error the comment names is still reported, and the code in the comment is an error too.",
        "改正问题本身，再从注释中删除这个代码。如果某条规则在本地确实不应是错误，请在标准配置的“规则”中调整它的级别（标准配置和代码一样经过审核）。",
        "Fix the problem itself, then delete the code from the comment. If a rule really should not be an error locally, change its severity under 规则 in the profile (profiles are reviewed like code).",
        example: "事项编码: 440100-XK-00012-001   # zhinan-ignore: ZN408   # 错误不能屏蔽")

    /// Every code the compiler reports.
    public static let all: [DiagnosticCode] = [
        missingElement, unknownElement, wrongType, notInCodeSet, traditionalSpelling, duplicateElement,
        missingField, unknownField, placeholder, catalogFileMissing, noStandards, notAnItem,
        unusedSuppression, badSuppression,
        badTimeLimit, badCount, badCreditCode, badRegion, badPhone, badURL, badItemCode,
        duplicateItemCode, badRatio, regionMismatch, numberAsText, badDate, lineBreakInOneLineValue,
        badBundleCode, folderClash,
        unknownReference, duplicateID, unknownStep, materialNameAndLibrary,
        promiseExceedsStatute, internalControlLine, immediateMismatch, undecidedComparison,
        criticalPathExceedsPromise, untimedStep,
        duplicateStep, unreachableStep, deadEnd, endWithNext, timedCycle, noGrantedEnd, noWayOut,
        roleNotInStaff,
        unknownMember, memberTwice, memberNotAtWindow, bundlePromiseTooShort, bundlePromiseOverStatute,
        bundleShape, duplicateBundleCode,
        bundleQuestionConflict, bundleQuestionWording, bundleQuestionTwice, bundleScenarioPromiseTooShort,
        suppressedError,
        notPositiveInteger, badAttachmentPath, attachmentMissing, attachmentOutside, attachmentTooLarge, unknownCommitmentMaterial,
        noStatutoryNote, deferralLimitWithoutDeferral, deferralWithoutLimit,
        resultAndCertificate, copiesConflict, shareableSuggestsExemption, verifiedAndExempt, pledgeExempt,
        procedureWithoutBasis, repealNotAfterEffect, resultWithoutName,
        badQuestionID, duplicateQuestionID, tooFewOptions, duplicateOption, unknownQuestion, unknownOption,
        questionNotNeeded, sameOptions, noMaterialsInScenario, conditionWithoutApplicability, scenarioFlowBroken,
        scenariosNotChecked, variantShadowed, invisibleScenarioText,
    ] + national
}
