/// The text of the files diagnostics point into, so renderers can quote the offending line.
public struct SourceTexts: Sendable {
    private var lines: [String: [Substring]] = [:]

    public init() {}

    /// Records a file's text under the path diagnostics use for it.
    public mutating func add(file: String, text: String) {
        lines[file] = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// Adds the texts of another set, keeping this one's where both have a file.
    public mutating func merge(_ other: SourceTexts) {
        lines.merge(other.lines) { mine, _ in mine }
    }

    /// The longest line quoted, in UTF-8 bytes. A longer one (a 100,000-character line of a
    /// damaged or hostile file) is not quoted: the diagnostic still names its line and column,
    /// and printing it once per diagnostic would flood the terminal and take minutes.
    public static let maxQuotedLineBytes = 4096

    /// Line `number` (1-based) of `file`, without its line break; `nil` when there is no such
    /// line or it is too long to quote.
    public func line(_ number: Int, in file: String) -> Substring? {
        guard let all = lines[file], number >= 1, number <= all.count,
            all[number - 1].utf8.count <= Self.maxQuotedLineBytes
        else { return nil }
        return all[number - 1]
    }
}
