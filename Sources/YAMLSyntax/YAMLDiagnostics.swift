import Diagnostics

/// The codes of problems found while reading a file and parsing its YAML.
public enum YAMLCodes {
    public static let invalidUTF8 = DiagnosticCode(
        "ZN101", .error,
        title: LocalizedText(zh: "文件不是有效的 UTF-8 编码", en: "The file is not valid UTF-8"),
        explanation: LocalizedText(
            zh: "目录中的每个文件都必须以 UTF-8 编码保存。文件中出现了不能按 UTF-8 解码的字节，通常是文件被截断、复制粘贴时混入了其他编码的文字，或者文件已损坏。",
            en: "Every file of a catalog must be saved as UTF-8. The file holds bytes that do not decode as UTF-8: it was truncated, text in another encoding was pasted into it, or it is damaged."),
        fix: LocalizedText(
            zh: "在编辑器中打开该文件，检查报告的行，删除或重新输入乱码处的文字，然后以 UTF-8 编码另存。",
            en: "Open the file in an editor, look at the reported line, retype the garbled text, and save the file as UTF-8."))

    public static let legacyEncoding = DiagnosticCode(
        "ZN102", .error,
        title: LocalizedText(zh: "文件是 GB18030/GBK 编码", en: "The file is encoded as GB18030/GBK"),
        explanation: LocalizedText(
            zh: "该文件看起来是用 GB18030（或 GBK、GB2312）编码保存的，这是许多 Windows 编辑器的默认编码。zhinan 只读取 UTF-8 文件，以保证各地、各系统读到的文字相同。",
            en: "The file looks like it was saved as GB18030 (or GBK, GB2312), the default of many Windows editors. zhinan reads only UTF-8 files, so that every system reads the same text."),
        fix: LocalizedText(
            zh: "把文件转换为 UTF-8：iconv -f GB18030 -t UTF-8 原文件.yaml > 新文件.yaml，或在编辑器中选择“另存为 UTF-8”。",
            en: "Convert the file to UTF-8: iconv -f GB18030 -t UTF-8 old.yaml > new.yaml, or choose \"Save as UTF-8\" in your editor."))

    public static let utf16 = DiagnosticCode(
        "ZN103", .error,
        title: LocalizedText(zh: "文件是 UTF-16 或 UTF-32 编码", en: "The file is encoded as UTF-16 or UTF-32"),
        explanation: LocalizedText(
            zh: "该文件以 UTF-16 或 UTF-32 字节顺序标记开头（Windows 记事本的“Unicode”编码）。zhinan 只读取 UTF-8 文件。",
            en: "The file starts with a UTF-16 or UTF-32 byte order mark (what Windows Notepad calls \"Unicode\"). zhinan reads only UTF-8 files."),
        fix: LocalizedText(
            zh: "把文件转换为 UTF-8：iconv -f UTF-16 -t UTF-8 原文件.yaml > 新文件.yaml，或在编辑器中另存为 UTF-8。",
            en: "Convert the file to UTF-8: iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml, or save it as UTF-8 in your editor."))

    public static let syntax = DiagnosticCode(
        "ZN104", .error,
        title: LocalizedText(zh: "YAML 语法错误", en: "YAML syntax error"),
        explanation: LocalizedText(
            zh: "文件不符合 YAML 语法，无法继续读取。常见原因：缩进不一致、冒号后缺少空格、引号没有闭合、在同一层级中混用列表（- ）和键值（键: 值）。",
            en: "The file does not follow YAML's syntax, so it cannot be read further. Common causes: inconsistent indentation, a missing space after a colon, an unclosed quote, mixing list entries (- ) and keys (key: value) at one level."),
        fix: LocalizedText(
            zh: "查看报告的位置及其上一行，修正缩进或标点。包含冒号、井号等特殊字符的文字请用引号括起来。",
            en: "Look at the reported place and the line before it, and fix the indentation or punctuation. Quote text that contains a colon, a hash or other special characters."),
        example: "事项名称: 特种设备使用登记\n  事项编码: 440100-XK-00012-001   # 缩进多了两格")

    public static let tabIndentation = DiagnosticCode(
        "ZN105", .error,
        title: LocalizedText(zh: "用制表符（Tab）缩进", en: "Tab used for indentation"),
        explanation: LocalizedText(
            zh: "YAML 只允许用空格缩进，不允许用制表符（Tab 键）。制表符在不同编辑器中显示的宽度不同，会让层级关系含糊不清。",
            en: "YAML allows only spaces for indentation, never tabs: a tab's width differs from editor to editor, which would make the nesting ambiguous."),
        fix: LocalizedText(
            zh: "把该行开头的制表符换成空格（通常每级两个空格）。大多数编辑器可以设置“按 Tab 键插入空格”。",
            en: "Replace the tab at the start of the line with spaces (usually two per level). Most editors can be set to insert spaces for the Tab key."))

    public static let duplicateKey = DiagnosticCode(
        "ZN106", .error,
        title: LocalizedText(zh: "重复的键", en: "Duplicate key"),
        explanation: LocalizedText(
            zh: "同一个映射中同一个键出现了两次。许多 YAML 工具会悄悄地只保留其中一个，使一部分内容无声无息地丢失；zhinan 把它视为错误。",
            en: "The same key appears twice in one mapping. Many YAML tools silently keep only one of the two, so part of the content is lost without a word; zhinan treats it as an error."),
        fix: LocalizedText(
            zh: "删除其中一个，或把两处内容合并到同一个键下。",
            en: "Delete one of the two, or merge their contents under one key."),
        example: "申请材料:\n  - 材料: 营业执照\n申请材料:          # 第二次出现\n  - 材料: 身份证")

    public static let multipleDocuments = DiagnosticCode(
        "ZN107", .error,
        title: LocalizedText(zh: "一个文件中有多个 YAML 文档", en: "More than one YAML document in a file"),
        explanation: LocalizedText(
            zh: "每个文件只能写一个事项（一个 YAML 文档）。文件中出现了第二个以“---”开头的文档。",
            en: "Each file holds one item (one YAML document). The file has a second document, started by \"---\"."),
        fix: LocalizedText(
            zh: "把第二个文档移到单独的文件中，或删除多余的“---”行。",
            en: "Move the second document to a file of its own, or delete the extra \"---\" line."))

    public static let emptyFile = DiagnosticCode(
        "ZN108", .error,
        title: LocalizedText(zh: "文件为空", en: "Empty file"),
        explanation: LocalizedText(
            zh: "文件中没有任何内容（或只有注释）。目录中的每个 YAML 文件都应当描述一个事项或目录本身。",
            en: "The file has no content (or only comments). Every YAML file of a catalog describes one item, or the catalog itself."),
        fix: LocalizedText(
            zh: "填写事项内容（可用 zhinan new item 生成模板），或删除该文件。",
            en: "Write the item (zhinan new item makes a skeleton), or delete the file."))

    public static let aliasExpansion = DiagnosticCode(
        "ZN109", .error,
        title: LocalizedText(zh: "别名展开过多", en: "Too much alias expansion"),
        explanation: LocalizedText(
            zh: "YAML 的锚点（&）和别名（*）可以复用内容，但层层嵌套的别名会把很小的文件展开成巨大的数据（“别名炸弹”）。为了保护检查和发布系统，zhinan 限制一个文件展开后的节点总数。",
            en: "YAML anchors (&) and aliases (*) reuse content, but nested aliases can expand a tiny file into enormous data (an \"alias bomb\"). To protect the checking and publishing systems, zhinan bounds the nodes a file may expand to."),
        fix: LocalizedText(
            zh: "少用别名，直接写出内容；事项间共用的材料请放入 catalog.yaml 的“材料库”。",
            en: "Use fewer aliases and write the content out; put materials that items share in catalog.yaml's 材料库."))

    public static let nestingDepth = DiagnosticCode(
        "ZN110", .error,
        title: LocalizedText(zh: "嵌套层级过深", en: "Nesting too deep"),
        explanation: LocalizedText(
            zh: "文件的嵌套层级超过了上限。事项文件通常不超过六层；过深的嵌套往往是缩进错误或恶意输入。",
            en: "The file nests deeper than the limit. Item files rarely go past six levels; deeper nesting is usually an indentation mistake or hostile input."),
        fix: LocalizedText(
            zh: "检查报告位置附近的缩进，减少嵌套。",
            en: "Check the indentation around the reported place and flatten the structure."))

    public static let unsupportedTag = DiagnosticCode(
        "ZN111", .error,
        title: LocalizedText(zh: "不支持的 YAML 标签", en: "Unsupported YAML tag"),
        explanation: LocalizedText(
            zh: "zhinan 只接受 YAML 核心模式的标签（!!str、!!int、!!float、!!bool、!!null、!!map、!!seq）。其他标签（如 !!python/object 或自定义的 !xxx）可能在别的工具中触发代码执行，一律拒绝。",
            en: "zhinan accepts only the YAML core schema's tags (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq). Other tags (!!python/object, a custom !xxx) can trigger code execution in other tools and are refused."),
        fix: LocalizedText(
            zh: "删除该标签；如果需要把数字当作文字，请用引号括起来。",
            en: "Delete the tag; to have a number read as text, quote it."))

    public static let unknownAnchor = DiagnosticCode(
        "ZN112", .error,
        title: LocalizedText(zh: "别名指向不存在的锚点", en: "Alias to an unknown anchor"),
        explanation: LocalizedText(
            zh: "别名（*名称）引用的锚点（&名称）在它之前没有定义。锚点必须在文件中先于别名出现。",
            en: "The alias (*name) refers to an anchor (&name) not defined before it. An anchor must come before its aliases in the file."),
        fix: LocalizedText(
            zh: "检查拼写，或把带锚点的内容移到别名之前。",
            en: "Check the spelling, or move the anchored content before the alias."))

    public static let complexKey = DiagnosticCode(
        "ZN113", .error,
        title: LocalizedText(zh: "键不是文字", en: "A key that is not text"),
        explanation: LocalizedText(
            zh: "映射的键必须是简单的文字（如“事项名称”）。列表或映射不能作为键。",
            en: "A mapping's keys must be plain text (such as 事项名称). A list or a mapping cannot be a key."),
        fix: LocalizedText(
            zh: "把键改成文字；检查是否误用了“? ”或把列表写在了冒号前。",
            en: "Make the key text; check for a stray \"? \" or a list written before a colon."))

    public static let fileTooLarge = DiagnosticCode(
        "ZN114", .error,
        title: LocalizedText(zh: "文件过大", en: "File too large"),
        explanation: LocalizedText(
            zh: "文件超过了单个文件的大小上限（默认 10 MB，可用 --max-file-size 调整）。一个事项的文件通常只有几 KB；超大文件多半不是事项文件，或者内容有误。",
            en: "The file is larger than the per-file limit (10 MB by default; --max-file-size sets it). An item's file is usually a few KB; a huge one is most likely not an item, or broken."),
        fix: LocalizedText(
            zh: "确认文件内容；把附件等大文件移出目录文件夹。确有需要时用 --max-file-size 提高上限。",
            en: "Check what the file holds; keep attachments out of the catalog folder. If it really is needed, raise the limit with --max-file-size."))

    public static let unreadable = DiagnosticCode(
        "ZN115", .error,
        title: LocalizedText(zh: "无法读取文件或文件夹", en: "Cannot read a file or folder"),
        explanation: LocalizedText(
            zh: "zhinan 无法打开该文件或文件夹，通常是没有读取权限、文件在检查过程中被删除，或者链接指向目录文件夹之外。其他文件照常检查。",
            en: "zhinan could not open the file or folder: usually missing read permission, a file deleted during the check, or a link that points outside the catalog folder. The other files are still checked."),
        fix: LocalizedText(
            zh: "检查文件权限（ls -l），确认文件存在；不要用符号链接引用目录之外的文件。",
            en: "Check the permissions (ls -l) and that the file exists; do not link to files outside the catalog folder."))

    public static let controlCharacter = DiagnosticCode(
        "ZN116", .error,
        title: LocalizedText(zh: "文件中有控制字符", en: "Control character in the file"),
        explanation: LocalizedText(
            zh: "文件中有不可见的控制字符（如 NUL 空字节）。YAML 不允许这些字符，它们通常来自从其他软件复制的内容或损坏的文件。",
            en: "The file holds an invisible control character (a NUL byte, say). YAML forbids them; they usually come from text copied out of other software, or a damaged file."),
        fix: LocalizedText(
            zh: "在报告的位置删除该字符后重新输入该处文字。",
            en: "Delete the character at the reported place and retype the text there."))

    /// A value's character, decoded (ZN42x: values), checked here where scalars are decoded.
    public static let forbiddenCharacter = DiagnosticCode(
        "ZN420", .error,
        title: LocalizedText(zh: "值中有不允许的字符", en: "Forbidden character in a value"),
        explanation: LocalizedText(
            zh: "值（以及键）不能含有控制字符（制表符、换行和回车除外）、DEL、C1 控制字符（U+0080–U+009F）和 Unicode 非字符（U+FFFE、U+FFFF、U+FDD0–U+FDEF 等），不论是直接写入，还是用双引号中的转义（如 \\0、\\x01、\\e、\\b、\\uFFFE）写出。这些字符在页面和终端上看不见，XML 不能容纳，JSON 和数据库会把它们原样带给其他系统。含有这样字符的文件不再往下检查。",
            en: "Values (and keys) may not hold control characters (other than tab, line feed and carriage return), DEL, C1 controls (U+0080–U+009F) or Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF …), whether written as they are or as escapes in double quotes (\\0, \\x01, \\e, \\b, \\uFFFE). They are invisible on pages and terminals, XML cannot hold them, and JSON and databases would carry them on to other systems. A file holding one is not checked further."),
        fix: LocalizedText(
            zh: "删除报告位置的转义或字符。换行请直接写在多行文字（|）中，或写作 \\n。",
            en: "Delete the escape or character at the reported place. Write a line break as it is, in a block of text (|), or as \\n."),
        example: "事项名称: \"食品\\e经营许可\"   # \\e 是控制字符 ESC", fixed: true)

    public static let folderReadTwice = DiagnosticCode(
        "ZN117", .warning,
        title: LocalizedText(zh: "符号链接指向已读过的文件夹，或形成链接循环", en: "Link to a folder already read, or a loop of links"),
        explanation: LocalizedText(
            zh: "目录文件夹中的符号链接指向一个已经读过的文件夹：它所在的上级文件夹（会形成循环），或者从别处也能到达的文件夹。再读一次会把同样的事项读两遍，或者永远读不完。zhinan 每个文件夹只读一次，跳过这个链接；其中的文件仍在原处检查。链接指向自己或几个链接互相指向（链接循环）时，也跳过该链接并在此报告。",
            en: "A symbolic link in the catalog folder leads to a folder zhinan has already read: a folder that holds the link (a loop), or one also reached another way. Reading it again would read the same items twice, or never end. zhinan reads each folder once and skips the link; the files in that folder are still checked where they are. A link that leads to itself, or links that lead to each other (a loop of links), are skipped and reported here too."),
        fix: LocalizedText(
            zh: "删除这个符号链接；同一个事项只保留一份文件。",
            en: "Delete the link; keep one file for each item."))

    public static let pathTooLong = DiagnosticCode(
        "ZN118", .error,
        title: LocalizedText(zh: "路径过长", en: "Path too long"),
        explanation: LocalizedText(
            zh: "文件的路径超过了操作系统允许的长度（Linux 上为 4095 字节），无法按路径打开，因此未读取。这通常是层层嵌套的文件夹或很长的文件夹名造成的。其他文件照常检查。",
            en: "The file's path is longer than the operating system allows (4095 bytes on Linux), so it cannot be opened by its path and was not read. Deeply nested folders or very long folder names cause this. The other files are still checked."),
        fix: LocalizedText(
            zh: "把文件移到层次较浅的文件夹，或缩短文件夹名称。",
            en: "Move the file to a shallower folder, or shorten the folder names."))

    public static let fullWidthColon = DiagnosticCode(
        "ZN119", .error,
        title: LocalizedText(zh: "键后面是全角冒号", en: "Full-width colon after a key"),
        explanation: LocalizedText(
            zh: "中文输入法打出的冒号是全角冒号“：”（U+FF1A），YAML 只认半角冒号加空格“: ”。写成“事项类型：行政许可”时，整行被读成一段文字，YAML 在下一行才报告“没有找到预期的冒号”。zhinan 找到这样的全角冒号并在冒号处报告。值中的全角冒号（如“说明: 注意：……”）是正常的文字，不会报告。",
            en: "A Chinese input method types the full-width colon \"：\" (U+FF1A); YAML takes only a half-width colon and a space, \": \". Written as 事项类型：行政许可, the whole line is read as text and YAML reports a missing colon on the next line. zhinan finds such a colon and reports it where it is. A full-width colon inside a value (说明: 注意：……) is ordinary text and is not reported."),
        fix: LocalizedText(
            zh: "把全角冒号“：”改为半角冒号加空格“: ”；zhinan fix 会自动改正。",
            en: "Replace the full-width colon \"：\" with a half-width colon and a space \": \"; zhinan fix does it for you."),
        example: "事项类型：行政许可     # 应为“事项类型: 行政许可”", machineFixable: true)

    /// Every code this stage reports.
    public static let all: [DiagnosticCode] = [
        invalidUTF8, legacyEncoding, utf16, syntax, tabIndentation, duplicateKey,
        multipleDocuments, emptyFile, aliasExpansion, nestingDepth, unsupportedTag, unknownAnchor,
        complexKey, fileTooLarge, unreadable, controlCharacter, forbiddenCharacter,
        folderReadTwice, pathTooLong, fullWidthColon,
    ]
}
