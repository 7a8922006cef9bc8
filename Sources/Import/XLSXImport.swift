/// `zhinan import xlsx`: the national exchange tables kept as the sheets of one Excel
/// workbook, a sheet per table named as the table (`task_general_basic`, with or without the
/// platform's `up_`/`dn_` prefix), its first row with a value the header. The sheets become
/// the same tables `import national` reads from CSV, so one ``NationalMapper`` serves both.
public enum XLSXImport {
    /// Largest workbook read (bytes).
    public static let maxFileBytes = 128 * 1024 * 1024

    /// The fields whose numbers are dates even when the cell is not formatted as one: a
    /// column is a date column by the field its heading maps to, not by the heading's text.
    static let dateFields: Set<String> = ["plan_effective_date", "plan_cancel_date"]

    /// Reads the workbook (or, for a `.csv` name, the CSV item sheet) at `path`, named
    /// `file` in messages, and maps it: the national tables' sheets when the workbook has
    /// them and no `sheet` is named, else the item sheets (``ItemSheet``): `sheet`, or every
    /// sheet with a header row of known headings.
    public static func read(
        path: String, file: String, sheet: String? = nil, map: HeadingMap = HeadingMap(), profile: ImportProfile,
        limits: XLSXLimits = XLSXLimits()
    ) throws -> ImportedCatalog {
        guard let bytes = try SourceFile.bytes(path, name: file, limit: maxFileBytes) else {
            throw ImportError(code: .noSource, file: file, zh: "没有这个文件", en: "no such file", unusable: true)
        }
        let source: NationalSource
        var notes: [SkippedRow] = []
        let map = map.including(profile)
        if file.lowercased().hasSuffix(".csv") {
            (source, notes) = try ItemSheet.source(CSVTable.parse(bytes, file: file, maxRows: NationalImport.maxItems), map: map)
        } else {
            let book = try XLSXWorkbook.read(bytes, file: file, limits: limits)
            if sheet == nil, book.sheets.contains(where: { tableIndex($0.name) == 0 }) {
                source = try self.source(book, file: file)
            } else {
                (source, notes) = try itemSource(book, file: file, sheet: sheet, map: map)
            }
        }
        var mapper = NationalMapper(source: source, profile: profile)
        var catalog = try mapper.catalog()
        catalog.skipped = notes + catalog.skipped
        return catalog
    }

    /// The exchange table a sheet named `name` is, if any.
    static func tableIndex(_ name: String) -> Int? {
        NationalSource.tableNames.firstIndex { t in ["", "up_", "dn_"].contains { $0 + t == name.trimmed } }
    }

    /// The item sheets of `book`: `sheet`, or each whose first ten rows hold a header.
    static func itemSource(_ book: XLSXWorkbook, file: String, sheet: String?, map: HeadingMap = HeadingMap()) throws -> (NationalSource, [SkippedRow]) {
        let names = book.sheets.map { "“\($0.name)”" }.joined(separator: "、")
        if let sheet, !book.sheets.contains(where: { $0.name == sheet }) {
            throw ImportError(code: .badHeader, file: file, zh: "工作簿中没有工作表“\(sheet)”；工作表有：\(names)",
                              en: "the workbook has no sheet \"\(sheet)\"; its sheets: \(names)", unusable: true)
        }
        var source = NationalSource(), notes: [SkippedRow] = []
        var found = false
        for s in book.sheets where sheet == nil || s.name == sheet {
            let texts = s.rows.prefix(10).map { row in (1...(row.cells.keys.max() ?? 1)).map { row.cells[$0]?.text ?? "" } }
            guard let header = ItemSheet.headerRow(texts, map: map) else {
                if sheet != nil {
                    throw ImportError(code: .badHeader, file: "\(file)[\(s.name)]", line: 1, column: 1,
                                      zh: "前 10 行中没有表头行：表头应含“事项名称”和其他要素名称（实施编码、实施主体、申请材料……）",
                                      en: "no header row in the first 10 rows: the header names 事项名称 and other elements (实施编码, 实施主体, 申请材料 …)")
                }
                continue
            }
            found = true
            let (part, skipped) = try ItemSheet.source(table(s, file: file, date1904: book.date1904, headerIndex: header, map: map), map: map)
            source.basic += part.basic; source.extend += part.extend; source.material += part.material; source.fee += part.fee
            notes += skipped
        }
        guard found else {
            throw ImportError(code: .badHeader, file: file,
                              zh: "工作簿中既没有名为 task_general_basic 的工作表（国家交换表），也没有表头含“事项名称”的事项表；工作表有：\(names)",
                              en: "the workbook has neither a sheet named task_general_basic (the national exchange tables) nor a sheet of items with 事项名称 in its header; its sheets: \(names)",
                              unusable: true)
        }
        return (source, notes)
    }

    /// The workbook's sheets as the national tables.
    static func source(_ book: XLSXWorkbook, file: String) throws -> NationalSource {
        var tables: [[SourceRow]] = Array(repeating: [], count: NationalSource.tableNames.count)
        var found: [Int: String] = [:]
        for sheet in book.sheets {
            let name = sheet.name.trimmed
            guard let index = tableIndex(name) else { continue }
            if let other = found[index] {
                throw ImportError(code: .badHeader, file: file,
                                  zh: "工作表“\(other)”和“\(sheet.name)”都是交换表 \(NationalSource.tableNames[index])", en: "the sheets \"\(other)\" and \"\(sheet.name)\" are both the exchange table \(NationalSource.tableNames[index])")
            }
            found[index] = sheet.name
            tables[index] = try NationalSource.rows(of: table(sheet, file: file, date1904: book.date1904), table: index)
        }
        guard found[0] != nil else {
            let names = book.sheets.map { "“\($0.name)”" }.joined(separator: "、")
            throw ImportError(code: .badHeader, file: file,
                              zh: "工作簿中没有名为 task_general_basic 的工作表（国家交换表的基本信息表）；工作表有：\(names)",
                              en: "the workbook has no sheet named task_general_basic (the national exchange tables' basic table); its sheets: \(names)",
                              unusable: true)
        }
        var source = NationalSource()
        (source.basic, source.extend, source.material, source.fee, source.questions) = (tables[0], tables[1], tables[2], tables[3], tables[4])
        return source
    }

    /// A sheet as a table: its first row with a value is the header; a value in a column
    /// without a heading is refused; numbers in a date column are Excel serials.
    static func table(_ sheet: XLSXWorkbook.Sheet, file: String, date1904: Bool, headerIndex: Int = 0, map: HeadingMap = HeadingMap()) throws -> CSVTable {
        let place = "\(file)[\(sheet.name)]"
        guard headerIndex < sheet.rows.count else {
            throw ImportError(code: .badHeader, file: place, line: 1, column: 1, zh: "工作表是空的，没有表头行", en: "the sheet is empty: it has no header row")
        }
        let first = sheet.rows[headerIndex]
        let width = first.cells.keys.max() ?? 0
        let header = (1...max(width, 1)).map { first.cells[$0]?.text.trimmed ?? "" }
        var rows: [CSVTable.Row] = []
        for row in sheet.rows.dropFirst(headerIndex + 1) {
            var cells = Array(repeating: "", count: header.count)
            for (column, cell) in row.cells {
                guard column <= header.count, !header[column - 1].isEmpty else {
                    throw ImportError(code: .badHeader, file: place, line: row.number, column: column,
                                      zh: "\(XLSXWorkbook.columnName(column)) 列有值，但表头（第 \(first.number) 行）中这一列没有列名",
                                      en: "column \(XLSXWorkbook.columnName(column)) holds a value but has no name in the header (row \(first.number))")
                }
                var text = cell.text
                let heading = header[column - 1]
                if dateFields.contains(heading) || dateFields.contains(map.field(heading) ?? ""), let serial = cell.number {
                    guard let date = XLSXWorkbook.date(serial: serial, date1904: date1904) else {
                        if let time = XLSXWorkbook.timeOfDay(serial), serial > 0 {
                            throw ImportError(code: .badCell, file: place, line: row.number, column: column,
                                              zh: "“\(heading)”列的值 \(time) 只有时刻，没有日期：请在 Excel 中写出日期（如 2023-03-15）",
                                              en: "the value \(time) under \(heading) is a time of day without a date: write the date in Excel (such as 2023-03-15)")
                        }
                        throw ImportError(code: .badCell, file: place, line: row.number, column: column,
                                          zh: "“\(heading)”列的值 \(cell.text) 不是 1900 至 9999 年之间的日期", en: "the value \(cell.text) under \(heading) is not a date between 1900 and 9999")
                    }
                    text = date
                }
                cells[column - 1] = text
            }
            rows.append(CSVTable.Row(line: row.number, cells: cells))
        }
        return CSVTable(file: place, header: header, rows: rows, headerLine: first.number)
    }
}
