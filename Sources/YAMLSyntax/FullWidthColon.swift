import Diagnostics

/// Finds the full-width colon `：` (U+FF1A) typed after a key, as in `事项类型：行政许可`,
/// which Chinese input methods write and YAML does not take for the key's colon. libyaml
/// then reports a missing `:` on a later line; this names the colon itself (ZN119).
///
/// A line is a candidate when, after its indentation and any `- `, it starts like a plain
/// key and holds a `：` before any `: ` or ` #`. A candidate is reported only when writing
/// `: ` there lets the file parse further, so a value that legitimately holds `：`
/// (`说明: 注意：……`, or a list of such texts) is never reported.
enum FullWidthColon {
    /// A `：` that may stand for a key's colon.
    struct Candidate: Equatable {
        /// 1-based line, and 1-based column (in Unicode scalars) of the `：`.
        var line: Int
        var column: Int
        /// Byte offset of the `：`, and how many bytes the fix replaces (it and the spaces after it).
        var offset: Int
        var length: Int
        /// Columns the fix replaces.
        var width: Int
        /// What the fix writes: `: `, or `:` at the end of a line.
        var replacement: String
    }

    /// The most parses spent trying candidates, so that a file of many cannot cost much.
    static let maxTrials = 16

    static let colon: [UInt8] = [0xEF, 0xBC, 0x9A]

    /// Reparses `text` with candidates repaired while each repair moves libyaml's first
    /// syntax error later; the candidates that did, as ZN119, and what the last parse still
    /// found (positions on repaired lines shift, so only problems on other lines are kept).
    /// `nil` when no candidate helps.
    static func diagnose(
        _ text: UnsafeBufferPointer<UInt8>, file: String, firstError: SourceLocation,
        parse: ([UInt8]) -> [Diagnostic]
    ) -> [Diagnostic]? {
        var pending = candidates(in: text)
        guard !pending.isEmpty else { return nil }
        let original = Array(text)
        var applied: [Candidate] = []
        var error: SourceLocation? = firstError
        var last: [Diagnostic] = []
        var trials = 0
        while let at = error, trials < maxTrials,
              let i = pending.lastIndex(where: { $0.line <= at.line }) {
            let candidate = pending.remove(at: i)
            trials += 1
            let found = parse(repaired(original, applying: applied + [candidate]))
            let next = found.first { $0.code == YAMLCodes.syntax.id }?.span?.range.start
            if next.map({ $0 > at }) ?? true {
                applied.append(candidate)
                error = next
                last = found
            }
        }
        guard !applied.isEmpty else { return nil }
        let lines = Set(applied.map(\.line))
        let rest = last.filter { d in d.span.map { !lines.contains($0.range.start.line) } ?? true }
        return applied.sorted { $0.offset < $1.offset }.map { report($0, file: file) } + rest
    }

    static func report(_ c: Candidate, file: String) -> Diagnostic {
        let range = SourceRange(start: .init(line: c.line, column: c.column), end: .init(line: c.line, column: c.column + c.width))
        return Diagnostic(
            YAMLCodes.fullWidthColon, at: SourceSpan(file: file, range: range),
            message: LocalizedText(
                zh: "键后面是全角冒号“：”，YAML 不认；把全角冒号“：”改为半角冒号加空格“: ”",
                en: "the key is followed by a full-width colon \"：\", which YAML does not read as a colon; write a half-width colon and a space \": \" instead"),
            fix: DiagnosticFix(replacing: range, with: c.replacement))
    }

    static func repaired(_ text: [UInt8], applying fixes: [Candidate]) -> [UInt8] {
        var out = text
        for c in fixes.sorted(by: { $0.offset > $1.offset }) {
            out.replaceSubrange(c.offset..<(c.offset + c.length), with: Array(c.replacement.utf8))
        }
        return out
    }

    /// Every line that may be a key written with `：`, outside block scalars (`|`, `>`).
    static func candidates(in text: UnsafeBufferPointer<UInt8>) -> [Candidate] {
        var out: [Candidate] = []
        var lineStart = 0, line = 1
        var blockIndent: Int? = nil  // inside a block scalar whose key line had this indent
        while lineStart < text.count {
            var end = lineStart
            while end < text.count && text[end] != UInt8(ascii: "\n") { end += 1 }
            var i = lineStart
            while i < end && text[i] == UInt8(ascii: " ") { i += 1 }
            let indent = i - lineStart
            let blank = i == end || text[i] == UInt8(ascii: "\r")
            if let b = blockIndent, blank || indent > b {
                // Text of a block scalar.
            } else {
                blockIndent = nil
                while i + 1 < end && text[i] == UInt8(ascii: "-") && text[i + 1] == UInt8(ascii: " ") {
                    i += 2
                    while i < end && text[i] == UInt8(ascii: " ") { i += 1 }
                }
                if let c = candidate(text, from: i, lineStart: lineStart, end: end, line: line) {
                    out.append(c)
                } else if opensBlockScalar(text, lineStart, end) {
                    blockIndent = indent
                }
            }
            line += 1
            lineStart = end + 1
        }
        return out
    }

    private static func candidate(_ text: UnsafeBufferPointer<UInt8>, from start: Int, lineStart: Int, end: Int, line: Int) -> Candidate? {
        guard start < end, !"#'\"|>[]{}&*!%@`?,:".utf8.contains(text[start]) else { return nil }
        var i = start
        while i + 2 < end {
            let b = text[i]
            if b == UInt8(ascii: ":") && (text[i + 1] == UInt8(ascii: " ") || text[i + 1] == UInt8(ascii: "\r")) { return nil }
            if b == UInt8(ascii: "#") && i > start && text[i - 1] == UInt8(ascii: " ") { return nil }
            if b == colon[0] && text[i + 1] == colon[1] && text[i + 2] == colon[2] {
                guard i > start else { return nil }
                var after = i + 3
                while after < end && text[after] == UInt8(ascii: " ") { after += 1 }
                let atEnd = after == end || text[after] == UInt8(ascii: "\r") || text[after] == UInt8(ascii: "#")
                var column = 1
                for j in lineStart..<i where text[j] & 0xC0 != 0x80 { column += 1 }
                return Candidate(
                    line: line, column: column, offset: i, length: after - i, width: 1 + after - (i + 3),
                    replacement: atEnd && (after == end || text[after] == UInt8(ascii: "\r")) ? ":" : ": ")
            }
            i += 1
        }
        return nil
    }

    /// True when the line ends in `: |` or `: >` (with chomping or indentation indicators).
    private static func opensBlockScalar(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var e = end
        while e > start && (text[e - 1] == UInt8(ascii: " ") || text[e - 1] == UInt8(ascii: "\r")) { e -= 1 }
        var i = e
        while i > start && "+-0123456789".utf8.contains(text[i - 1]) { i -= 1 }
        guard i > start, text[i - 1] == UInt8(ascii: "|") || text[i - 1] == UInt8(ascii: ">") else { return false }
        i -= 1
        return i == start || text[i - 1] == UInt8(ascii: " ")
    }
}
