/// `zhinan import xlsx`: the national exchange tables kept as the sheets of one Excel
/// workbook, a sheet per table named as the table (`task_general_basic`, with or without the
/// platform's `up_`/`dn_` prefix), its first row with a value the header. The sheets become
/// the same tables `import national` reads from CSV, so one ``NationalMapper`` serves both.
public enum XLSXImport {
    /// Largest workbook read (bytes).
    public static let maxFileBytes = 128 * 1024 * 1024

    /// The columns whose numbers are dates even when the cell is not formatted as one.
    static let dateColumns: Set<String> = ["plan_effective_date", "plan_cancel_date"]

    /// Reads the workbook at `path` (named `file` in messages) and maps its sheets.
    public static func read(path: String, file: String, profile: ImportProfile, limits: XLSXLimits = XLSXLimits()) throws -> ImportedCatalog {
        guard let bytes = try SourceFile.bytes(path, name: file, limit: maxFileBytes) else {
            throw ImportError(code: .noSource, file: file, zh: "没有这个文件", en: "no such file", unusable: true)
        }
        let book = try XLSXWorkbook.read(bytes, file: file, limits: limits)
        var mapper = NationalMapper(source: try source(book, file: file), profile: profile)
        return try mapper.catalog()
    }

    /// The workbook's sheets as the national tables.
    static func source(_ book: XLSXWorkbook, file: String) throws -> NationalSource {
        var tables: [[SourceRow]] = Array(repeating: [], count: NationalSource.tableNames.count)
        var found: [Int: String] = [:]
        for sheet in book.sheets {
            let name = sheet.name.trimmed
            guard let index = NationalSource.tableNames.firstIndex(where: { t in ["", "up_", "dn_"].contains { $0 + t == name } }) else { continue }
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
    static func table(_ sheet: XLSXWorkbook.Sheet, file: String, date1904: Bool) throws -> CSVTable {
        let place = "\(file)[\(sheet.name)]"
        guard let first = sheet.rows.first else {
            throw ImportError(code: .badHeader, file: place, line: 1, column: 1, zh: "工作表是空的，没有表头行", en: "the sheet is empty: it has no header row")
        }
        let width = first.cells.keys.max() ?? 0
        let header = (1...max(width, 1)).map { first.cells[$0]?.text.trimmed ?? "" }
        var rows: [CSVTable.Row] = []
        for row in sheet.rows.dropFirst() {
            var cells = Array(repeating: "", count: header.count)
            for (column, cell) in row.cells {
                guard column <= header.count, !header[column - 1].isEmpty else {
                    throw ImportError(code: .badHeader, file: place, line: row.number, column: column,
                                      zh: "\(XLSXWorkbook.columnName(column)) 列有值，但表头（第 \(first.number) 行）中这一列没有列名",
                                      en: "column \(XLSXWorkbook.columnName(column)) holds a value but has no name in the header (row \(first.number))")
                }
                var text = cell.text
                if dateColumns.contains(header[column - 1]), let serial = cell.number {
                    guard let date = XLSXWorkbook.date(serial: serial, date1904: date1904) else {
                        throw ImportError(code: .badCell, file: place, line: row.number, column: column,
                                          zh: "日期列的值 \(cell.text) 不是日期", en: "the value \(cell.text) in a date column is not a date")
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
