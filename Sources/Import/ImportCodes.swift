import Diagnostics

/// The codes `zhinan import` reports: ZN950–ZN959 each refuse the whole import, and nothing
/// is written, as does ZN962 (CATALOG cannot be written); ZN960–ZN961 are warnings of the summary (a value left out, a date's time
/// dropped) on a catalog that is written. `zhinan explain ZN9xx` prints them.
public enum ImportCodes {
    static func code(_ id: String, _ titleZH: String, _ titleEN: String, _ whyZH: String, _ whyEN: String, _ fixZH: String, _ fixEN: String,
                     severity: Severity = .error) -> DiagnosticCode {
        DiagnosticCode(id, severity, title: LocalizedText(zh: titleZH, en: titleEN),
                       explanation: LocalizedText(zh: whyZH, en: whyEN), fix: LocalizedText(zh: fixZH, en: fixEN))
    }

    public static let noSource = code(
        "ZN950", "没有可导入的数据", "Nothing to import",
        "给出的路径不存在，或其中没有 zhinan import 能读的数据：国家交换表（task_general_basic.csv 等，或 items/*.json），或一个 Excel 工作簿。",
        "The path given does not exist or holds nothing zhinan import reads: the national exchange tables (task_general_basic.csv and the others, or items/*.json), or an Excel workbook.",
        "检查路径；国家交换表用 zhinan import national 文件夹，Excel 工作簿用 zhinan import xlsx 文件.xlsx。",
        "Check the path; use zhinan import national FOLDER for the exchange tables and zhinan import xlsx FILE.xlsx for a workbook.")
    public static let unreadable = code(
        "ZN951", "源文件不能读取", "Source file cannot be read",
        "导入只读普通文件（不跟随链接，以免读到目录以外的文件），且有大小上限（表 256 MB，工作簿 128 MB）。",
        "Import reads regular files only (links are not followed, so nothing outside the folder is read), up to a size limit (256 MB a table, 128 MB a workbook).",
        "把文件本身（而不是链接）放在文件夹中；过大的表请拆分后分别导入。",
        "Put the file itself, not a link, in the folder; split a table that is too large and import the parts.")
    public static let badText = code(
        "ZN952", "表的文字或格式不对", "Table text malformed",
        "CSV 表必须是 UTF-8 编码并按 RFC 4180 使用引号；每行的单元格数与表头相同。GB18030/GBK 或 UTF-16 编码、引号没有闭合、单元格数不对，都会使后面的每个值错位，因此拒绝整个导入。JSON 文件必须是一个实施清单对象。",
        "A CSV table is UTF-8 and quotes as RFC 4180 says, each row with as many cells as the header. A file in GB18030/GBK or UTF-16, an unclosed quote or a row of the wrong width would shift every later value, so the whole import is refused. A JSON file holds one 实施清单 object.",
        "按提示的位置改正；编码问题用 iconv 转换或在 Excel 中另存为“CSV UTF-8”。",
        "Correct it at the place given; convert the encoding with iconv, or save as \"CSV UTF-8\" from Excel.")
    public static let badHeader = code(
        "ZN953", "表头不对", "Header wrong",
        "导入按表头认列：基本信息表必须有 task_name 和 task_code 列，其他表必须有 task_code 列，同一列名不能出现两次。Excel 工作簿中至少要有一个按交换表命名（如 task_general_basic）的工作表。",
        "Import finds columns by the header: the basic table needs task_name and task_code, the others task_code, and no column may be named twice. An Excel workbook needs at least one sheet named after an exchange table (task_general_basic, say).",
        "把表头改为 export --format national 写出的字段名（docs/import.md 有对照表），工作表改为交换表的名称。",
        "Use the field names export --format national writes (docs/import.md has the table) for the header, and the exchange tables' names for the sheets.")
    public static let badCode = code(
        "ZN954", "实施编码不对或重复", "实施编码 malformed or repeated",
        "每个事项写成以实施编码命名的文件，所以实施编码只能由数字和大写字母组成，且在基本信息表中只出现一次（扩展信息表中每个编码也只有一行）。",
        "Each item is written to a file named by its 实施编码, so the code holds digits and capital letters only and appears once in the basic table (and once in the extend table).",
        "改正或删除重复的行；提示给出了两处的位置。", "Correct or delete the repeated row; the message gives both places.")
    public static let notXLSX = code(
        "ZN955", "不是可读的 Excel 工作簿", "Not a readable Excel workbook",
        "zhinan import xlsx 读 Office Open XML 工作簿（.xlsx）：一个 ZIP 文件，含 xl/workbook.xml 和各工作表的 XML。旧的 .xls、改了扩展名的其他文件、下载不完整或损坏的文件都不能读。",
        "zhinan import xlsx reads Office Open XML workbooks (.xlsx): a ZIP archive holding xl/workbook.xml and each sheet's XML. An old .xls, another file renamed, and an incomplete or damaged file cannot be read.",
        "在 Excel 或 WPS 中打开并另存为“Excel 工作簿（*.xlsx）”，再导入。", "Open it in Excel or WPS, save it as \"Excel Workbook (*.xlsx)\", and import that.")
    public static let encrypted = code(
        "ZN956", "工作簿已加密", "Workbook encrypted",
        "设置了打开密码的工作簿内容是加密的，zhinan 不读取也不破解它。", "A workbook with an opening password is encrypted; zhinan neither reads nor breaks it.",
        "在 Excel 中取消密码（文件 → 信息 → 保护工作簿），另存后导入。", "Remove the password in Excel (File → Info → Protect Workbook), save, and import that copy.")
    public static let archiveLimit = code(
        "ZN957", "工作簿超出安全上限", "Workbook over a safety limit",
        "工作簿是压缩文件，可以被构造成解压后极大（压缩炸弹）、条目极多或含有“../”之类的路径。zhinan 限制解压后的总大小（512 MB）和单个条目大小（256 MB）、压缩比（200 倍）、条目数（10000）、共享字符串（100 万项）、单元格数（每表 1000 万），拒绝不安全的条目名和 ZIP64，并在解压过程中而不只是按声明的大小检查。",
        "A workbook is an archive, and one can be built to inflate enormously (a zip bomb), to hold countless entries, or names such as \"../\". zhinan bounds the inflated total (512 MB) and each entry (256 MB), the compression ratio (200), the entries (10,000), the shared strings (1,000,000) and the cells (10,000,000 a sheet), refuses unsafe entry names and ZIP64, and checks while inflating, not only the sizes the archive declares.",
        "一个实施清单工作簿远小于这些上限：请确认文件来源；确实很大的工作簿请拆分为几个文件分别导入。",
        "A 实施清单 workbook is far below these limits: check where the file came from; split a workbook that really is this large and import the parts.")
    public static let unsafeXML = code(
        "ZN958", "工作簿中的 XML 含有 DOCTYPE", "Workbook XML has a DOCTYPE",
        "Excel 从不在工作簿中写 DOCTYPE；它能声明实体，用于实体扩展（“十亿笑声”）或读取外部文件。zhinan 拒绝这样的部件，且解析时不加载 DTD、不替换实体、不访问网络。",
        "Excel never writes a DOCTYPE into a workbook; one can declare entities for entity expansion (\"billion laughs\") or to read outside files. zhinan refuses such a part, and parses with no DTD loaded, no entity substituted and no network.",
        "在 Excel 中打开并另存该工作簿，再导入；来源不明的文件不要导入。", "Open the workbook in Excel and save it again, then import that; do not import files of unknown origin.")
    public static let badCell = code(
        "ZN959", "单元格的值不能读取", "Cell value unreadable",
        "zhinan 读取 Excel 保存的单元格值：公式只用它保存的计算结果（从不计算公式），错误值（#N/A、#REF! 等）、没有结果的公式、不在共享字符串表中的编号、不是日期的日期值都不能变成要素的值。",
        "zhinan reads the values Excel saved: a formula's saved result (formulas are never evaluated). An error value (#N/A, #REF! …), a formula without a saved result, a shared string index outside the table, and a date value that is no date cannot become an element's value.",
        "在 Excel 中改正该单元格（或把公式改为值：复制后“选择性粘贴 → 数值”），保存后导入。",
        "Correct the cell in Excel (or turn formulas into values: copy, then Paste Special → Values), save, and import again.")

    public static let leftOut = code(
        "ZN960", "源数据中的值未导入", "Source value left out",
        "导入从不猜测：不认识的列名、不是代码集中代码或名称的值（如以数字保存而丢了前导零的代码）、读不懂的时限写法、不在基本信息表中的行、不能确定分给哪个窗口的办公时间，都不写入目录，而在摘要中列出位置（文件、行、列）。对应的要素写成“# 待补充”，zhinan check 会报告它缺少。",
        "Import never guesses: a heading it does not know, a value that is no code or value of its code set (such as a code saved as a number that lost its leading zero), a time limit in a wording it cannot read, a row whose 实施编码 is not in the basic table, office hours that cannot be given to one window: none is written to the catalog; the summary lists each with its place (file, row, column). The element is left as a \"# 待补充\" placeholder, which zhinan check reports as missing.",
        "在源数据中改正该值后重新导入，或在导入的目录中补写该要素；不认识的列名可用 --map 映射到要素名称。",
        "Correct the value in the source and import again, or write the element in the imported catalog; map a heading zhinan does not know to an element with --map.",
        severity: .warning)
    public static let timeDropped = code(
        "ZN961", "日期的时刻未导入", "Time of day dropped from a date",
        "生效日期、废止日期这样的日期要素只写日期（YYYY-MM-DD）。源数据中带时刻的值（Excel 的日期时间单元格，或“2023-03-15 09:30:00”）导入为它的日期；时刻为零点时照常导入，否则时刻被丢弃并在摘要中列出。",
        "Date elements such as 生效日期 and 废止日期 hold a date only (YYYY-MM-DD). A value with a time of day (an Excel datetime cell, or \"2023-03-15 09:30:00\") is imported as its date; at midnight that is all, otherwise the time is dropped and listed in the summary.",
        "核对导入的日期；时刻有意义时（如从某时起生效）请写在说明或备注中。",
        "Check the imported date; where the time matters (in force from a given hour), say so in a note.",
        severity: .warning)
    public static let output = code(
        "ZN962", "目录不能写入", "Catalog cannot be written",
        "导入只写出一个新的目录，并且一次写成：CATALOG 已经存在（没有 --force）、不是文件夹、在源数据之中、标准中没有国家交换表的标准，或写入失败（权限、磁盘空间、文件名过长）时，不写入任何文件。",
        "Import writes one new catalog, in one step: when CATALOG exists (without --force), is not a folder, is inside the source, the standards lack the national exchange tables' standard, or writing fails (permissions, disk space, a name too long), nothing is written.",
        "换一个 -o 目录，或加 --force 替换已有的目录；写入失败时按提示检查权限和磁盘空间。",
        "Choose another -o folder, or add --force to replace the one there; when writing fails, check permissions and disk space as the message says.")

    /// Every code import reports.
    public static let all = [noSource, unreadable, badText, badHeader, badCode, notXLSX, encrypted, archiveLimit, unsafeXML, badCell, leftOut, timeDropped, output]
}
