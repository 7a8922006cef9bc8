/// `zhinan import docx` (best effort): one Word guide (.docx) as one item. The document is
/// split at its headings — a short paragraph whose text, without its numbering (`一、`,
/// `（二）`, `3.`) and colon, is a heading ``ItemSheet`` knows — and each section's text goes
/// to that heading's field, so the same mapping as a sheet's row serves; `事项名称：…` on one
/// line is a heading and its value. A table in the 申请材料 section gives one material per
/// row (its 材料名称 column, else the first that is not a 序号). Text before the first heading
/// or under a heading zhinan does not know is kept as a comment `未识别：…`, never dropped.
public enum DOCXImport {
    public static let maxFileBytes = 64 * 1024 * 1024

    /// One block of the document body: a paragraph's text, or a table's cells by row.
    enum Block: Equatable {
        /// A paragraph, and whether Word's style makes it a heading (Heading 1…, 标题 1…).
        case paragraph(String, styledHeading: Bool)
        case table([[String]])
    }

    public static func read(path: String, file: String, profile: ImportProfile, limits: ZIPLimits = ZIPLimits()) throws -> ImportedCatalog {
        guard let bytes = try SourceFile.bytes(path, name: file, limit: maxFileBytes) else {
            throw ImportError(code: .noSource, file: file, zh: "没有这个文件", en: "no such file", unusable: true)
        }
        let blocks = try self.blocks(bytes, file: file, limits: limits)
        let map = HeadingMap().including(profile)
        let (table, unplaced) = sections(blocks, file: file, map: map)
        let (source, notes) = try ItemSheet.source(table, map: map)
        var mapper = NationalMapper(source: source, profile: profile)
        var catalog = try mapper.catalog()
        catalog.skipped = notes + catalog.skipped
        // The item's file is named by its 实施编码: a guide where none was found would be
        // written nowhere, so it is refused whole rather than dropped.
        guard !catalog.items.isEmpty else {
            let found = table.header.isEmpty ? (zh: "没有认出任何标题", en: "no heading was recognised")
                : (zh: "认出的标题：" + table.header.joined(separator: "、"), en: "headings recognised: " + table.header.joined(separator: ", "))
            throw ImportError(code: .badCode, file: file,
                zh: "指南中没有找到实施编码的值（要写在“实施编码”标题下或“实施编码：…”一行），无法为它写出事项文件；\(found.zh)",
                en: "no value of 实施编码 was found in the guide (under a heading 实施编码, or a line 实施编码：…), so no item file can be written for it; \(found.en)")
        }
        catalog.items[0].notes += unplaced.map { "未识别：" + $0 }
        return catalog
    }

    /// The body's paragraphs and tables, in order.
    static func blocks(_ bytes: [UInt8], file: String, limits: ZIPLimits) throws -> [Block] {
        var archive: ZIPArchive
        let document: [UInt8]?
        do {
            archive = try ZIPArchive(bytes, limits: limits)
            document = try archive.read("word/document.xml")
        } catch .notZIP {
            throw ImportError(code: .notXLSX, file: file, zh: "不是 Word 文档（.docx）：文件不是 ZIP 格式。旧的 .doc 请在 Word 或 WPS 中另存为 .docx",
                              en: "not a Word document (.docx): the file is not a ZIP archive. Save an old .doc as .docx in Word or WPS", unusable: true)
        } catch {
            throw XLSXReader.error(error, file: file)
        }
        guard let document else {
            throw ImportError(code: .notXLSX, file: file, zh: "不是 Word 文档（.docx）：没有 word/document.xml", en: "not a Word document (.docx): it has no word/document.xml", unusable: true)
        }
        let root: XMLElement?
        do { root = try XMLPart(document).root } catch .doctype {
            throw ImportError(code: .unsafeXML, file: file, zh: "word/document.xml 含有 DOCTYPE 声明，拒绝导入", en: "word/document.xml has a DOCTYPE declaration; refused")
        } catch .malformed(let line, let message) {
            throw ImportError(code: .notXLSX, file: file, zh: "word/document.xml 第 \(line) 行不是格式正确的 XML（\(message)）", en: "word/document.xml is not well-formed XML at line \(line) (\(message))")
        }
        guard let body = root?.first("body") else { return [] }
        return body.children().compactMap { element in
            switch element.name {
            case "p":
                let style = element.first("pPr")?.first("pStyle")?["val"] ?? ""
                let styled = style.lowercased().hasPrefix("heading") || style.hasPrefix("标题") || (style.count == 1 && ("1"..."9").contains(style))
                return .paragraph(text(of: element), styledHeading: styled)
            case "tbl":
                return .table(element.children("tr").map { row in
                    row.children("tc").map { cell in cell.children("p").map(text(of:)).joined(separator: "\n") }
                })
            default: return nil
            }
        }
    }

    /// A paragraph's text: its runs' text, tabs and breaks (also inside hyperlinks).
    static func text(of paragraph: XMLElement) -> String {
        var out = ""
        func runs(_ parent: XMLElement) {
            for child in parent.children() {
                switch child.name {
                case "r":
                    for part in child.children() {
                        switch part.name {
                        case "t": out += part.text
                        case "tab": out += "\t"
                        case "br", "cr": out += "\n"
                        default: continue
                        }
                    }
                case "hyperlink", "ins", "smartTag", "fldSimple": runs(child)
                default: continue
                }
            }
        }
        runs(paragraph)
        return out
    }

    /// A heading's name without its numbering and colon, when it is one `map` knows (built
    /// in, or a profile's name of an element).
    static func heading(_ text: String, map: HeadingMap) -> (name: String, rest: String)? {
        let line = withoutNumbering(text)
        if let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let name = String(line[..<colon]).trimmed
            if map.field(name) != nil { return (name, String(line[line.index(after: colon)...]).trimmed) }
        }
        return line.count <= 12 && map.field(line) != nil ? (line, "") : nil
    }

    /// A short paragraph numbered the way guides number their sections (`十二、温馨提示`): at the
    /// top level, a section of its own even when zhinan does not know its name.
    static func looksLikeHeading(_ text: String) -> Bool {
        let t = text.trimmed
        return t.count <= 20 && numbering(t) != nil && !t.hasSuffix("。") && !t.hasSuffix("；")
    }

    /// How a heading is numbered: `一、`, `（一）`, `第一条`, `1.`/`1、`, `(1)`.
    enum NumberKind: Equatable { case chinese, parenChinese, article, arabic, parenArabic }

    /// `text`'s leading numbering, if any, and its number.
    static func numbering(_ text: String) -> (kind: NumberKind, number: Int)? {
        let s = Substring(text.trimmed)
        let chineseDigits = "零〇一二三四五六七八九十百两"
        func value(_ t: Substring) -> Int? { Int(t) ?? TimeLimitWords.chinese(String(t)) }
        if s.hasPrefix("（") || s.hasPrefix("(") {
            let inner = s.dropFirst().prefix { chineseDigits.contains($0) || ($0.isASCII && $0.isNumber) }
            let after = s.dropFirst(1 + inner.count)
            guard !inner.isEmpty, after.hasPrefix("）") || after.hasPrefix(")"), let n = value(inner) else { return nil }
            return (inner.first!.isASCII ? .parenArabic : .parenChinese, n)
        }
        if s.hasPrefix("第") {
            let inner = s.dropFirst().prefix { chineseDigits.contains($0) || ($0.isASCII && $0.isNumber) }
            guard !inner.isEmpty, let mark = s.dropFirst(1 + inner.count).first, "条章节部".contains(mark), let n = value(inner) else { return nil }
            return (.article, n)
        }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let mark = s.dropFirst(digits.count).first, "、.．)）".contains(mark), let n = Int(digits) { return (.arabic, n) }
        let chinese = s.prefix { chineseDigits.contains($0) }
        if !chinese.isEmpty, let mark = s.dropFirst(chinese.count).first, "、.．".contains(mark), let n = value(chinese) { return (.chinese, n) }
        return nil
    }

    /// `text` without a leading `一、`, `（二）`, `3.`, `4、`, `(5)`.
    static func withoutNumbering(_ text: String) -> String {
        var s = Substring(text.trimmed)
        // 一、 （一） 1. 1、 (1)
        let chineseDigits = "一二三四五六七八九十"
        if s.hasPrefix("（") || s.hasPrefix("(") {
            let inner = s.dropFirst().prefix { chineseDigits.contains($0) || ($0.isASCII && $0.isNumber) }
            let after = s.dropFirst(1 + inner.count)
            if !inner.isEmpty, after.hasPrefix("）") || after.hasPrefix(")") { s = after.dropFirst() }
        } else if numbering(String(s))?.kind == .article {
            s = s.drop { !"条章节部".contains($0) }.dropFirst()
        } else {
            let number = s.prefix { chineseDigits.contains($0) || ($0.isASCII && $0.isNumber) }
            let after = s.dropFirst(number.count)
            if !number.isEmpty, let mark = after.first, "、.．".contains(mark) { s = after.dropFirst() }
        }
        return String(s).trimmed
    }

    /// The sections as a one-row table (header: the headings found), and the text no
    /// known heading took.
    static func sections(_ blocks: [Block], file: String, map: HeadingMap = HeadingMap()) -> (CSVTable, [String]) {
        var header: [String] = [], values: [String] = []
        var unplaced: [String] = []
        var current: Int? = nil
        func add(_ text: String) {
            guard !text.trimmed.isEmpty else { return }
            if let i = current { values[i] += (values[i].isEmpty ? "" : "\n") + text.trimmed } else { unplaced.append(text.trimmed) }
        }
        /// Makes `name`'s section the current one: a heading seen twice, or a second heading for
        /// the same element (受理条件 and 申请条件), continues the first section — appended, never dropped.
        func open(_ name: String) {
            let field = map.field(name)
            if let i = header.firstIndex(where: { $0 == name || (field != nil && map.field($0) == field) }) { current = i }
            else { header.append(name); values.append(""); current = header.count - 1 }
        }
        /// Whether `name`'s section (or one for the same element) was opened and holds nothing yet.
        func isEmptySection(_ name: String) -> Bool {
            let field = map.field(name)
            guard let i = header.firstIndex(where: { $0 == name || (field != nil && map.field($0) == field) }) else { return false }
            return values[i].isEmpty
        }
        // The top level's numbering (一、 or 1. …) and its last number; whether the section is 办理流程's steps;
        // whether the current section was opened by a `名称：值` line (a guide written as a form).
        var top: (kind: NumberKind, number: Int)? = nil
        var inSteps = false, byColon = false, seenHeading = false
        for block in blocks {
            switch block {
            case .paragraph(let text, let styled):
                let number = numbering(text)
                let known = heading(text, map: map)
                let isHeading: Bool
                if styled { isHeading = true }
                else if let number {
                    // Counting upward; or starting again at 1 with a known heading whose section
                    // is still empty, as the body does after a typed table of contents (whose
                    // sections it then fills).
                    if let t = top, number.kind == t.kind {
                        isHeading = number.number > t.number || (number.number == 1 && !inSteps && known.map { isEmptySection($0.name) } == true)
                    }
                    else if top == nil { isHeading = known != nil || looksLikeHeading(text) }
                    else { isHeading = !inSteps && known != nil }  // a sub-level heading, not a step
                } else { isHeading = false }
                if isHeading, let number, top == nil || top?.kind == number.kind { top = (number.kind, number.number) }
                if isHeading, top == nil || number == nil || top?.kind == number?.kind {
                    inSteps = withoutNumbering(text).contains("流程")
                }
                if isHeading, let (name, rest) = known {
                    open(name); add(rest)
                    seenHeading = true; byColon = false
                } else if isHeading, styled || (number?.kind == top?.kind && looksLikeHeading(text)) {
                    current = nil  // a section zhinan does not know: kept, not placed
                    seenHeading = true; byColon = false
                    add(text)
                } else if number == nil, let (name, rest) = known, !rest.isEmpty {
                    // `咨询电话：…` inside 咨询方式 is the section's value; in a guide written as a
                    // form (`事项名称：…` lines, no headings) each such line is a field.
                    if let i = current, map.field(header[i]) == map.field(name) { add(rest) }
                    else if !seenHeading || byColon { open(name); add(rest); byColon = true }
                    else { add(text) }
                } else {
                    add(text)
                }
            case .table(let rows):
                guard let first = rows.first else { continue }
                if let i = current, map.field(header[i]) == "materials" {
                    let column = first.firstIndex { $0.contains("材料名称") } ?? first.firstIndex { !$0.contains("序号") } ?? 0
                    let body = first.contains(where: { $0.contains("材料") || $0.contains("序号") }) ? rows.dropFirst() : rows[...]
                    for row in body where column < row.count { add(row[column]) }
                } else {
                    // Other tables: cells of two columns are read as heading and value.
                    for row in rows {
                        if row.count == 2, let (name, _) = heading(row[0], map: map) {
                            open(name)
                            add(row[1])
                        } else {
                            add(row.joined(separator: "\t"))
                        }
                    }
                }
            }
        }
        return (CSVTable(file: file, header: header, rows: [CSVTable.Row(line: 1, cells: values)]), unplaced)
    }
}
