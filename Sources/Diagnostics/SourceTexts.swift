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

    /// Line `number` (1-based) of `file`, without its line break.
    public func line(_ number: Int, in file: String) -> Substring? {
        guard let all = lines[file], number >= 1, number <= all.count else { return nil }
        return all[number - 1]
    }
}
