/// One cell of a CSV file zhinan writes (`stats --format csv`, `export --format national`): a
/// number zhinan formatted, or text (catalog text above all).
public enum CSVCell: Sendable, Equatable {
    case number(String)
    case text(String)

    /// The cell as written: text a spreadsheet would run as a formula gets a `'` in front
    /// (OWASP); a cell holding a comma, a double quote, CR or LF, or so neutralised, is quoted
    /// with its quotes doubled (RFC 4180).
    public var field: String {
        switch self {
        case .number(let n): return n
        case .text(let s):
            let formula = s.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
            let value = formula ? "'" + s : s
            guard formula || s.unicodeScalars.contains(where: { "\",\r\n".unicodeScalars.contains($0) }) else { return value }
            var out = "\""
            for c in value.unicodeScalars {
                if c == "\"" { out += "\"" }
                out.unicodeScalars.append(c)
            }
            return out + "\""
        }
    }
}
