import Diagnostics

/// One CSV file read for import: its header and rows, each cell with the line it starts on.
/// RFC 4180 (quoted fields, doubled quotes, CRLF or LF), UTF-8 with or without a byte order
/// mark. A quoted cell that zhinan's own export neutralised against formulas (`'=…`) is read
/// back without the `'` (``CSVCell``).
public struct CSVTable: Sendable, Equatable {
    /// The file's name, for messages.
    public var file: String
    public var header: [String]
    public var rows: [Row]
    /// The line (a sheet's row) the header is on.
    public var headerLine = 1

    /// One record: its cells by column and the line it starts on (1-based, the header is line 1).
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var cells: [String]
    }

    /// The value of `column` in `row`, nil when the column is absent or the cell empty.
    public func value(_ row: Row, _ column: String) -> String? {
        guard let i = header.firstIndex(of: column), i < row.cells.count, !row.cells[i].isEmpty else { return nil }
        return row.cells[i]
    }

    /// Parses `bytes`; throws ``ImportError`` located at the line and column of the problem.
    public static func parse(_ bytes: [UInt8], file: String, maxRows: Int = 1_000_000) throws -> CSVTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let problem = TextEncoding.problem(in: body, file: file) { throw problem }
        let text = String(decoding: body, as: UTF8.self)
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var line = 1, column = 1
        var recordLine = 1
        var quoted = false, inQuotes = false, afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        func endCell() {
            if quoted, let first = cell.unicodeScalars.first, first == "'",
               let second = cell.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) {
                cell.removeFirst()
            }
            cells.append(cell)
            cell = ""
            quoted = false
            afterQuote = false
        }
        var sawAny = false
        while let c = next() {
            sawAny = true
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { cell.unicodeScalars.append("\""); column += 2; continue }
                        pending = n
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                    continue
                }
                cell.unicodeScalars.append(c)
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            switch c {
            case ",":
                endCell()
                column += 1
            case "\r", "\n":
                if c == "\r" {
                    if let n = next(), n != "\n" { pending = n }
                }
                endCell()
                records.append((recordLine, cells))
                if records.count > maxRows + 1 {
                    throw ImportError(code: .unreadable, file: file, line: line, column: column, zh: "行数超过 \(maxRows)，拒绝导入", en: "more than \(maxRows) rows; refused")
                }
                cells = []
                line += 1
                column = 1
                recordLine = line
            case "\"":
                if !cell.isEmpty || afterQuote {
                    throw ImportError(code: .badText, file: file, line: line, column: column,
                                      zh: "引号出现在单元格中间：单元格中的引号要写成两个（\"\"），整个单元格用引号括起来（RFC 4180）",
                                      en: "a quote in the middle of a cell: a quote inside a cell is written twice (\"\") and the whole cell quoted (RFC 4180)")
                }
                inQuotes = true
                quoted = true
                column += 1
            default:
                if afterQuote {
                    throw ImportError(code: .badText, file: file, line: line, column: column,
                                      zh: "右引号后面还有文字：用引号括起的单元格在右引号后只能是逗号或换行",
                                      en: "text after a closing quote: a quoted cell ends with a comma or a line break after its closing quote")
                }
                cell.unicodeScalars.append(c)
                column += 1
            }
        }
        if inQuotes {
            throw ImportError(code: .badText, file: file, line: recordLine, column: 1,
                              zh: "引号没有闭合：从这一行开始的单元格直到文件结尾都没有右引号",
                              en: "an unclosed quote: the cell starting on this line has no closing quote before the end of the file")
        }
        if sawAny && (!cells.isEmpty || !cell.isEmpty || quoted) {
            endCell()
            records.append((recordLine, cells))
        }
        guard let first = records.first, !(first.cells.count == 1 && first.cells[0].isEmpty) else {
            throw ImportError(code: .badHeader, file: file, line: 1, column: 1, zh: "文件是空的，没有表头行", en: "the file is empty: it has no header row")
        }
        let header = first.cells.map(\.trimmed)
        var rows: [Row] = []
        for record in records.dropFirst() {
            if record.cells.count == 1 && record.cells[0].isEmpty { continue }
            guard record.cells.count == header.count else {
                throw ImportError(code: .badText, file: file, line: record.line, column: 1,
                                  zh: "这一行有 \(record.cells.count) 个单元格，表头有 \(header.count) 列",
                                  en: "this row has \(record.cells.count) cells; the header has \(header.count) columns")
            }
            rows.append(Row(line: record.line, cells: record.cells))
        }
        return CSVTable(file: file, header: header, rows: rows)
    }
}

