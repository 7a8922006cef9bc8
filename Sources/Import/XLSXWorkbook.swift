import Foundation

/// An Excel workbook (.xlsx, Office Open XML) read for import: its sheets in order, each a
/// grid of cell texts. Shared strings, inline strings, numbers (through a zero-padded custom
/// format as Excel shows them, ``DigitFormat``), booleans, formulas (their cached values,
/// never evaluated) and dates (a number whose cell format is a date, in the 1900 or 1904
/// date system) are read; a merged range gives its top-left value to every
/// cell it covers. The archive and its XML parts are read with the bounds of ``ZIPLimits``
/// and ``XLSXLimits`` and refused whole when they break one.
public struct XLSXWorkbook {
    public struct Sheet: Sendable, Equatable {
        public var name: String
        /// Rows that hold a value, in order.
        public var rows: [Row]
    }

    public struct Row: Sendable, Equatable {
        /// The row's number in the sheet (1-based, as Excel shows it).
        public var number: Int
        /// Column number (1-based) → cell.
        public var cells: [Int: Cell]
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        /// The number a numeric cell holds (nil for text), so a date column can read a
        /// serial whose cell was not formatted as a date.
        public var number: Double?
        /// A number in a date format that is no date (a time of day alone, 0, out of range):
        /// read as its time or number, and refused only where a date element imports it.
        public var notADate = false
    }

    public var sheets: [Sheet]
    /// True when the workbook counts dates from 1904 (Excel for Mac's old default).
    public var date1904 = false

    /// Reads `bytes`, the contents of `file` (named in errors).
    public static func read(_ bytes: [UInt8], file: String, limits: XLSXLimits = XLSXLimits()) throws -> XLSXWorkbook {
        var reader = try XLSXReader(bytes: bytes, file: file, limits: limits)
        return try reader.workbook()
    }

    /// `A` → 1, `AB` → 28.
    static func columnNumber(_ letters: Substring) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var n = 0
        for c in letters.unicodeScalars {
            guard ("A"..."Z").contains(c) else { return nil }
            n = n * 26 + Int(c.value - 64)
        }
        return n <= 16_384 ? n : nil
    }

    /// 1 → `A`, 28 → `AB`.
    public static func columnName(_ number: Int) -> String {
        var n = number, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// `B3` → (column 2, row 3).
    static func reference(_ ref: String) -> (column: Int, row: Int)? {
        let letters = ref.prefix { ("A"..."Z").contains($0) }
        guard let column = columnNumber(letters), let row = Int(ref.dropFirst(letters.count)), row >= 1, row <= 1_048_576 else { return nil }
        return (column, row)
    }

    /// The calendar date of an Excel serial: `yyyy-MM-dd`, with ` HH:mm:ss` when it has a
    /// time of day; nil for a serial outside 1900–9999, a time of day alone (under 1, in
    /// either date system) or Excel's phantom 1900-02-29.
    static func date(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        // 23:59:59.5 and later stay on their day (rounding never carries into the next one).
        let seconds = min(Int(((serial - Double(days)) * 86_400).rounded()), 86_399)
        // Days since 1970-01-01.
        let epoch: Int
        if date1904 {
            epoch = days - 24_107
        } else {
            guard days != 60, days >= 1 else { return nil }
            epoch = (days < 60 ? days + 1 : days) - 25_569
        }
        // Howard Hinnant's civil_from_days.
        let z = epoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        guard y <= 9999 else { return nil }  // a 1904 serial counts 4 years on
        var text = String(format: "%04d-%02d-%02d", y, m, d)
        if seconds > 0 { text += String(format: " %02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60) }
        return text
    }

    /// `HH:mm:ss` of a serial under 1 (a time of day alone), nil otherwise.
    static func timeOfDay(_ serial: Double) -> String? {
        guard serial >= 0, serial < 1 else { return nil }
        let seconds = min(Int((serial * 86_400).rounded()), 86_399)
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// A number as a table holds it: integers without a decimal point.
    static func numberText(_ raw: String) -> (String, Double?) {
        // Decimal only: Double() would also read 0x10 (16), inf and nan.
        guard raw.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(raw), value.isFinite else { return (raw, nil) }
        if value == value.rounded(), abs(value) < 1e15 { return (String(Int(value)), value) }
        return (raw, value)
    }
}

/// The XML bounds of a workbook read for import (the archive's are ``ZIPLimits``).
public struct XLSXLimits: Sendable, Equatable {
    public var zip = ZIPLimits()
    /// Most shared strings, and most characters in them together.
    public var maxSharedStrings = 1_000_000
    public var maxSharedCharacters = 64 * 1024 * 1024
    /// Most cells a sheet may hold (after merged ranges are filled), and most sheets.
    public var maxCells = 10_000_000
    public var maxSheets = 256

    public init() {}
}

/// Reads the parts of one workbook.
struct XLSXReader {
    let file: String
    let limits: XLSXLimits
    var archive: ZIPArchive

    init(bytes: [UInt8], file: String, limits: XLSXLimits) throws {
        self.file = file
        self.limits = limits
        do {
            archive = try ZIPArchive(bytes, limits: limits.zip)
        } catch {
            throw Self.error(error, file: file)
        }
    }

    static func error(_ problem: ZIPProblem, file: String) -> ImportError {
        switch problem {
        case .notZIP:
            return ImportError(code: .notXLSX, file: file,
                               zh: "不是 Excel 工作簿（.xlsx）：文件不是 ZIP 格式。旧的 .xls 请在 Excel 或 WPS 中另存为 .xlsx",
                               en: "not an Excel workbook (.xlsx): the file is not a ZIP archive. Save an old .xls as .xlsx in Excel or WPS", unusable: true)
        case .truncated:
            return ImportError(code: .notXLSX, file: file, zh: "工作簿不完整（ZIP 目录超出文件末尾），可能只下载了一部分", en: "the workbook is incomplete (its ZIP directory runs past the end of the file); it may be only partly downloaded", unusable: true)
        case .zip64:
            return ImportError(code: .archiveLimit, file: file, zh: "工作簿使用 ZIP64 格式（超过 4 GB 或 65535 个条目），拒绝导入", en: "the workbook uses ZIP64 (over 4 GB or 65,535 entries); refused")
        case .spanned:
            return ImportError(code: .notXLSX, file: file, zh: "工作簿是分卷压缩文件的一部分，不是 Excel 保存的 .xlsx", en: "the workbook is one part of a split archive, not an .xlsx as Excel saves it")
        case .encrypted(let name):
            return ImportError(code: .encrypted, file: file, zh: "工作簿中的“\(name)”已加密：请在 Excel 中取消密码保护后另存再导入", en: "\"\(name)\" in the workbook is encrypted: remove the password in Excel, save, and import again")
        case .unsafeName(let name):
            return ImportError(code: .archiveLimit, file: file, zh: "工作簿中有不安全的条目名“\(name.debugDescription.dropFirst().dropLast())”（含 ..、绝对路径、反斜杠或控制字符），拒绝导入", en: "the workbook holds an unsafe entry name \(name.debugDescription) (.., an absolute path, a backslash or a control character); refused")
        case .method(let name, let method):
            return ImportError(code: .notXLSX, file: file, zh: "工作簿中的“\(name)”使用了不支持的压缩方法 \(method)（只支持存储和 deflate）", en: "\"\(name)\" in the workbook uses compression method \(method); only stored and deflate are read")
        case .tooManyEntries(let n):
            return ImportError(code: .archiveLimit, file: file, zh: "工作簿有 \(n) 个条目，超过上限，拒绝导入", en: "the workbook has \(n) entries, more than allowed; refused")
        case .tooLarge(let name):
            return ImportError(code: .archiveLimit, file: file, zh: "工作簿中的“\(name)”解压后超过大小上限（可能是压缩炸弹），拒绝导入", en: "\"\(name)\" in the workbook inflates past the size limit (a zip bomb?); refused")
        case .ratio(let name):
            return ImportError(code: .archiveLimit, file: file, zh: "工作簿中的“\(name)”压缩比异常高（可能是压缩炸弹），拒绝导入", en: "\"\(name)\" in the workbook has an implausible compression ratio (a zip bomb?); refused")
        case .corrupt(let name):
            return ImportError(code: .notXLSX, file: file, zh: "工作簿中的“\(name)”已损坏（校验和或压缩数据不对）", en: "\"\(name)\" in the workbook is damaged (its checksum or compressed data is wrong)")
        }
    }

    /// The parsed XML part `name`, nil when the archive lacks it.
    mutating func part(_ name: String) throws -> XMLPart? {
        let bytes: [UInt8]?
        do { bytes = try archive.read(name) } catch { throw Self.error(error, file: file) }
        guard let bytes else { return nil }
        do {
            return try XMLPart(bytes)
        } catch .doctype {
            throw ImportError(code: .unsafeXML, file: file,
                              zh: "工作簿中的“\(name)”含有 DOCTYPE 声明：Excel 从不写它，它可用于实体扩展攻击，拒绝导入",
                              en: "\"\(name)\" in the workbook has a DOCTYPE declaration: Excel never writes one and it enables entity expansion attacks; refused")
        } catch .malformed(let line, let message) {
            throw ImportError(code: .notXLSX, file: file,
                              zh: "工作簿中的“\(name)”第 \(line) 行不是格式正确的 XML（\(message)）",
                              en: "\"\(name)\" in the workbook is not well-formed XML at line \(line) (\(message))")
        }
    }

    /// A relationship target resolved against `xl/`.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for segment in target.split(separator: "/") {
            if segment == ".." { _ = parts.popLast() } else if segment != "." { parts.append(String(segment)) }
        }
        return parts.joined(separator: "/")
    }

    mutating func workbook() throws -> XLSXWorkbook {
        guard let book = try part("xl/workbook.xml")?.root, book.name == "workbook" else {
            throw ImportError(code: .notXLSX, file: file,
                              zh: "不是 Excel 工作簿（.xlsx）：没有 xl/workbook.xml（Word 文档或其他 ZIP 文件？）",
                              en: "not an Excel workbook (.xlsx): it has no xl/workbook.xml (a Word document or another ZIP file?)", unusable: true)
        }
        let date1904 = ["1", "true"].contains(book.first("workbookPr")?["date1904"] ?? "")
        var targets: [String: String] = [:]
        if let rels = try part("xl/_rels/workbook.xml.rels")?.root {
            for rel in rels.children("Relationship") {
                if let id = rel["Id"], let target = rel["Target"] { targets[id] = Self.resolve(target) }
            }
        }
        let shared = try sharedStrings()
        let formats = try cellFormats()
        let declared = book.first("sheets")?.children("sheet") ?? []
        guard declared.count <= limits.maxSheets else {
            throw ImportError(code: .archiveLimit, file: file, zh: "工作簿有 \(declared.count) 个工作表，超过上限 \(limits.maxSheets)", en: "the workbook has \(declared.count) sheets, more than \(limits.maxSheets)")
        }
        var sheets: [XLSXWorkbook.Sheet] = []
        for (i, sheet) in declared.enumerated() {
            let name = sheet["name"] ?? "Sheet\(i + 1)"
            let path = sheet["id"].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(i + 1).xml"
            guard let root = try part(path)?.root else {
                throw ImportError(code: .notXLSX, file: file, zh: "工作表“\(name)”的部件 \(path) 不在工作簿中", en: "the part \(path) of the sheet \"\(name)\" is not in the workbook")
            }
            sheets.append(try self.sheet(root, name: name, shared: shared, formats: formats, date1904: date1904))
        }
        return XLSXWorkbook(sheets: sheets, date1904: date1904)
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text (its `<t>`, or its runs' `<t>`s; phonetic
    /// runs left out), bounded in count and size.
    mutating func sharedStrings() throws -> [String] {
        guard let root = try part("xl/sharedStrings.xml")?.root else { return [] }
        let items = root.children("si")
        guard items.count <= limits.maxSharedStrings else {
            throw ImportError(code: .archiveLimit, file: file, zh: "共享字符串表有 \(items.count) 项，超过上限 \(limits.maxSharedStrings)", en: "the shared string table has \(items.count) entries, more than \(limits.maxSharedStrings)")
        }
        var total = 0
        var out: [String] = []
        out.reserveCapacity(items.count)
        for si in items {
            let text = Self.richText(si)
            total += text.utf8.count
            guard total <= limits.maxSharedCharacters else {
                throw ImportError(code: .archiveLimit, file: file, zh: "共享字符串表超过 \(limits.maxSharedCharacters / 1024 / 1024) MB，拒绝导入", en: "the shared string table holds more than \(limits.maxSharedCharacters / 1024 / 1024) MB; refused")
            }
            out.append(text)
        }
        return out
    }

    /// The text of an `<si>` or `<is>`: its `<t>` or its runs' `<t>`s. Excel writes a line
    /// break inside a cell as LF; a CR LF is made LF.
    static func richText(_ element: XMLElement) -> String {
        var text = element.first("t")?.text ?? ""
        for run in element.children("r") { text += run.first("t")?.text ?? "" }
        return unescape(text)
    }

    /// A cell text as OOXML stores it (ST_Xstring): `_xHHHH_` stands for the character
    /// U+HHHH (Excel writes a carriage return typed in a cell as `_x000D_`), `_x005F_` for
    /// `_`; line breaks become LF.
    static func unescape(_ text: String) -> String {
        var out = text
        if text.contains("_x") {
            out = ""
            var scalars = Array(text.unicodeScalars)[...]
            while let c = scalars.first {
                if c == "_", scalars.count >= 7, scalars.dropFirst().first == "x", scalars.dropFirst(6).first == "_",
                   let value = UInt32(String(String.UnicodeScalarView(scalars.dropFirst(2).prefix(4))), radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                    scalars = scalars.dropFirst(7)
                } else {
                    out.unicodeScalars.append(c)
                    scalars = scalars.dropFirst()
                }
            }
        }
        return out.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The cell formats (indexes into `cellXfs`) whose number format shows a date, and
    /// those whose custom format pads a whole number with zeros (``DigitFormat``).
    mutating func cellFormats() throws -> CellFormats {
        guard let root = try part("xl/styles.xml")?.root else { return CellFormats() }
        var custom: [Int: String] = [:]
        for format in root.first("numFmts")?.children("numFmt") ?? [] {
            if let id = format["numFmtId"].flatMap(Int.init), let code = format["formatCode"] { custom[id] = code }
        }
        var out = CellFormats()
        for (i, xf) in (root.first("cellXfs")?.children("xf") ?? []).enumerated() {
            guard let id = xf["numFmtId"].flatMap(Int.init) else { continue }
            if custom[id].map(Self.isDateFormat) ?? Self.builtInDateFormats.contains(id) {
                out.dates.insert(i)
            } else if let digits = custom[id].flatMap(DigitFormat.init) {
                out.digits[i] = digits
            }
        }
        return out
    }

    /// What a cell's style (its index into `cellXfs`) says of a number in it.
    struct CellFormats {
        var dates: Set<Int> = []
        var digits: [Int: DigitFormat] = [:]
    }

    /// Excel's built-in date and time formats (14–22, 45–47) and the East Asian ones
    /// (27–36, 50–58) Chinese Excel uses for 年月日.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// A custom format shows a date when, outside quotes, brackets and escapes, it has a
    /// y, m, d, h or s (年, 月, 日 are literal text: `0日` is a number of days).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":  // 年月日 alone are literal text (0日)
                if !inQuote && !inBracket { return true }
            default: continue
            }
        }
        return false
    }

    mutating func sheet(_ root: XMLElement, name: String, shared: [String], formats: CellFormats, date1904: Bool) throws -> XLSXWorkbook.Sheet {
        let where_ = "\(file)[\(name)]"
        var rows: [XLSXWorkbook.Row] = []
        var cellCount = 0
        var lastRow = 0
        var maxColumn = 0
        for row in root.first("sheetData")?.children("row") ?? [] {
            let number = row["r"].flatMap(Int.init) ?? lastRow + 1
            guard number > lastRow, number <= 1_048_576 else {
                throw ImportError(code: .badCell, file: where_, line: number, column: 1, zh: "行号 \(number) 不在递增顺序中或超出范围", en: "row number \(number) is out of order or out of range")
            }
            lastRow = number
            var cells: [Int: XLSXWorkbook.Cell] = [:]
            var lastColumn = 0
            for c in row.children("c") {
                let column: Int
                if let ref = c["r"] {
                    guard let at = XLSXWorkbook.reference(ref), at.row == number else {
                        throw ImportError(code: .badCell, file: where_, line: number, column: lastColumn + 1, zh: "单元格引用“\(ref)”无效或不在第 \(number) 行", en: "the cell reference \"\(ref)\" is invalid or not in row \(number)")
                    }
                    column = at.column
                } else {
                    column = lastColumn + 1
                }
                lastColumn = column
                guard let cell = try value(c, shared: shared, formats: formats, date1904: date1904, at: (where_, number, column)) else { continue }
                cells[column] = cell
                maxColumn = max(maxColumn, column)
                cellCount += 1
                guard cellCount <= limits.maxCells else {
                    throw ImportError(code: .archiveLimit, file: where_, line: number, column: column, zh: "工作表的单元格超过 \(limits.maxCells) 个，拒绝导入", en: "the sheet has more than \(limits.maxCells) cells; refused")
                }
            }
            if !cells.isEmpty { rows.append(XLSXWorkbook.Row(number: number, cells: cells)) }
        }
        // Merged ranges: the top-left value in every covered cell of the rows the sheet has,
        // columns bounded by the last that holds a value. Rows are in increasing order, so a
        // range's rows are found from its first by index, never by a scan of the sheet.
        let merges = root.first("mergeCells")?.children("mergeCell") ?? []
        guard merges.count <= limits.maxCells / 10 else {
            throw ImportError(code: .archiveLimit, file: where_, zh: "工作表有 \(merges.count) 个合并单元格范围，超过上限", en: "the sheet has \(merges.count) merged ranges, more than allowed")
        }
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.number, $0) })
        for merge in merges {
            let parts = (merge["ref"] ?? "").split(separator: ":")
            guard parts.count == 2, let from = XLSXWorkbook.reference(String(parts[0])), let to = XLSXWorkbook.reference(String(parts[1])),
                  from.row <= to.row, from.column <= to.column
            else { continue }
            guard let top = rowIndex[from.row], let value = rows[top].cells[from.column] else { continue }
            var i = top
            while i < rows.count, rows[i].number <= to.row {
                for column in from.column...min(to.column, max(maxColumn, from.column)) where rows[i].cells[column] == nil {
                    rows[i].cells[column] = value
                    cellCount += 1
                }
                guard cellCount <= limits.maxCells else {
                    throw ImportError(code: .archiveLimit, file: where_, line: rows[i].number, column: from.column, zh: "合并单元格展开后超过 \(limits.maxCells) 个单元格，拒绝导入", en: "the merged ranges fill more than \(limits.maxCells) cells; refused")
                }
                i += 1
            }
        }
        return XLSXWorkbook.Sheet(name: name, rows: rows)
    }

    /// One `<c>`'s value, nil when it holds none.
    func value(_ c: XMLElement, shared: [String], formats: CellFormats, date1904: Bool, at: (file: String, row: Int, column: Int)) throws -> XLSXWorkbook.Cell? {
        let type = c["t"] ?? "n"
        let v = c.first("v")?.text
        if type == "inlineStr" {
            let text = c.first("is").map(Self.richText) ?? ""
            return text.isEmpty ? nil : XLSXWorkbook.Cell(text: text, number: nil)
        }
        guard let v, !v.isEmpty else {
            if c.first("f") != nil {
                throw ImportError(code: .badCell, file: at.file, line: at.row, column: at.column,
                                  zh: "公式没有计算结果：zhinan 只读取 Excel 保存的结果，从不计算公式；请在 Excel 中打开、重新计算并保存",
                                  en: "a formula without a saved result: zhinan reads the value Excel saved and never evaluates formulas; open the workbook in Excel, recalculate and save it")
            }
            return nil
        }
        switch type {
        case "s":
            guard let i = Int(v), i >= 0, i < shared.count else {
                throw ImportError(code: .badCell, file: at.file, line: at.row, column: at.column,
                                  zh: "共享字符串编号 \(v) 不在共享字符串表中（共 \(shared.count) 项）", en: "the shared string index \(v) is not in the shared string table (\(shared.count) entries)")
            }
            return shared[i].isEmpty ? nil : XLSXWorkbook.Cell(text: shared[i], number: nil)
        case "str", "d":
            let text = Self.unescape(v)
            if type == "d", text.hasSuffix("T00:00:00") || text.hasSuffix("T00:00:00Z") { return XLSXWorkbook.Cell(text: String(text.prefix(10)), number: nil) }
            return text.isEmpty ? nil : XLSXWorkbook.Cell(text: text, number: nil)
        case "b":
            return XLSXWorkbook.Cell(text: v == "1" ? "1" : "0", number: nil)
        case "e":
            throw ImportError(code: .badCell, file: at.file, line: at.row, column: at.column,
                              zh: "单元格是错误值 \(v)：请在 Excel 中改正它所在的公式或改为文字",
                              en: "the cell holds the error value \(v): correct its formula in Excel or type the value")
        default:
            let (text, number) = XLSXWorkbook.numberText(v)
            let style = c["s"].flatMap(Int.init)
            if let number, let style, formats.dates.contains(style) {
                guard let date = XLSXWorkbook.date(serial: number, date1904: date1904) else {
                    // Refused only where a date element imports it (XLSXImport.table).
                    return XLSXWorkbook.Cell(text: XLSXWorkbook.timeOfDay(number) ?? text, number: number, notADate: true)
                }
                return XLSXWorkbook.Cell(text: date, number: nil)
            }
            // A code kept as a number shows its leading zeros through its format.
            if let number, let padded = style.flatMap({ formats.digits[$0] })?.display(number) {
                return XLSXWorkbook.Cell(text: padded, number: number)
            }
            return XLSXWorkbook.Cell(text: text, number: number)
        }
    }
}
