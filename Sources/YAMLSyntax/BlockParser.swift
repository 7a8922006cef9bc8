import Diagnostics
import Glibc

/// A fast path for the YAML catalogs are written in: block mappings and sequences of plain,
/// quoted and literal scalars, one-line flow sequences, full-line comments.
///
/// It builds the very tree libyaml's events give ``YAMLParser`` (the same values, styles and
/// ranges), but only for input it fully understands and that holds no problem: on anything
/// else (a tab, an anchor, a folded or multi-line scalar, a duplicate key, a syntax error …)
/// it declines, returning nil, and the file is read through libyaml, which reports what it
/// finds. So diagnostics always come from libyaml's path; this one only ever says "all is
/// well, and here is the tree". `Tests/YAMLSyntaxTests/BlockParserTests.swift` holds both
/// paths to the same trees over the sample catalogs and thousands of mutated files.
struct BlockParser {
    private let text: UnsafeBufferPointer<UInt8>
    private let limits: YAMLLimits
    private var lines: [Line] = []
    /// The line being read: the next one not yet consumed.
    private var current = 0
    private var nodes = 0
    private var depth = 0

    /// A line: where it starts and ends (the `\n` or the end of the text), its indentation,
    /// and what it holds.
    struct Line {
        var start: Int
        var end: Int
        var indent: Int
        var kind: Kind
        enum Kind { case empty, blank, comment, content }
    }

    private struct Decline: Error {}

    /// The tree of `text` (without a byte order mark), or nil to decline.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, limits: YAMLLimits, scratch: YAMLScratch? = nil) -> YAMLNode? {
        var parser = BlockParser(text: text, limits: limits)
        if let scratch {
            swap(&parser.lines, &scratch.lines)
            parser.lines.removeAll(keepingCapacity: true)
        }
        defer { if let scratch { swap(&parser.lines, &scratch.lines) } }
        return try? parser.document()
    }

    private init(text: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.text = text
        self.limits = limits
    }

    // MARK: Lines

    /// Splits the text into lines and declines any byte this parser leaves to libyaml (and
    /// the encoding check): bytes that are not UTF-8, control characters (tabs and CR among
    /// them), C1 controls and NEL, LS and PS (line breaks to YAML), BOMs and non-characters,
    /// characters beyond the BMP; and document markers and directives at the start of a line.
    /// With backslashes declined in double quotes, no tree it makes holds a character
    /// ``ScalarCharacters`` forbids: libyaml's path reports those.
    private mutating func splitLines() throws(Decline) {
        let n = text.count
        var i = 0
        lines.reserveCapacity(n / 24 + 4)
        while i < n {
            let start = i
            var indent = 0
            while i < n && text[i] == 0x20 { i += 1; indent += 1 }
            let first = i
            while i < n {
                let b = text[i]
                if b == 0x0A { break }
                if b < 0x80 {
                    if b < 0x20 || b == 0x7F { throw Decline() }
                    i += 1
                    continue
                }
                switch b {
                case 0xC2...0xDF:
                    guard i + 1 < n, text[i + 1] & 0xC0 == 0x80 else { throw Decline() }
                    if b == 0xC2 && text[i + 1] < 0xA0 { throw Decline() }  // C1 controls, NEL
                    i += 2
                case 0xE0...0xEF:
                    guard i + 2 < n, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80 else { throw Decline() }
                    let b1 = text[i + 1], b2 = text[i + 2]
                    if b == 0xE0 && b1 < 0xA0 { throw Decline() }  // overlong
                    if b == 0xED && b1 >= 0xA0 { throw Decline() }  // surrogates
                    if b == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) { throw Decline() }  // LS, PS
                    if b == 0xEF && b1 == 0xBB && b2 == 0xBF { throw Decline() }  // BOM
                    if b == 0xEF && b1 == 0xBF && b2 >= 0xBE { throw Decline() }  // U+FFFE, U+FFFF
                    if b == 0xEF && b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF { throw Decline() }  // U+FDD0–U+FDEF
                    i += 3
                default: throw Decline()  // not UTF-8, or four-byte sequences
                }
            }
            let end = i
            let kind: Line.Kind
            if end == start { kind = .empty }
            else if first == end { kind = .blank }
            else if text[first] == UInt8(ascii: "#") { kind = .comment }
            else { kind = .content }
            if indent == 0 && kind == .content {
                let b = text[start]
                if b == UInt8(ascii: "%") { throw Decline() }
                if end - start >= 3 && (b == UInt8(ascii: "-") || b == UInt8(ascii: "."))
                    && text[start + 1] == b && text[start + 2] == b { throw Decline() }
            }
            // A last line of spaces, or a last comment, without a line break ends libyaml's
            // stream inside it (so the collections it closes end there, not on the next line).
            if i == n && (kind == .blank || kind == .comment) { throw Decline() }
            lines.append(Line(start: start, end: end, indent: indent, kind: kind))
            if i < n { i += 1 }  // the line break
        }
    }

    /// Where libyaml's stream ends: the line after the last one, column 0.
    private var endOfStream: SourceLocation { SourceLocation(line: lines.count + 1, column: 1) }

    /// The index of the first line at or after `index` that holds content (not empty,
    /// blank or a comment), or nil at the end.
    private func contentLine(from index: Int) -> Int? {
        var k = index
        while k < lines.count {
            if lines[k].kind == .content { return k }
            k += 1
        }
        return nil
    }

    /// The location of byte `offset` of line `index`: 1-based line, and the column counted
    /// in characters, as libyaml counts them.
    private func location(_ index: Int, _ offset: Int) -> SourceLocation {
        var column = 1
        var i = lines[index].start
        while i < offset {
            if text[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: index + 1, column: column)
    }

    private func string(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[from..<to]), as: UTF8.self)
    }

    private func isDash(_ line: Line, at column: Int) -> Bool {
        let p = line.start + column
        return line.indent == column && text[p] == UInt8(ascii: "-") && (p + 1 == line.end || text[p + 1] == 0x20)
    }

    private mutating func count() throws(Decline) {
        nodes += 1
        if nodes >= limits.maxExpandedNodes / 2 { throw Decline() }
    }

    // MARK: Structure

    private mutating func document() throws(Decline) -> YAMLNode {
        try splitLines()
        guard let first = contentLine(from: 0) else { throw Decline() }  // empty: libyaml says so
        current = first
        let line = lines[first]
        let root: YAMLNode
        if isDash(line, at: line.indent) {
            root = try sequence(column: line.indent, indentless: false)
        } else {
            root = try mapping(column: line.indent, firstKey: nil)
        }
        guard current == lines.count else { throw Decline() }
        return root
    }

    /// A block mapping whose keys are at `column`; the first key may sit after a sequence
    /// entry's dash (`firstKey`, a byte offset in the current line).
    private mutating func mapping(column: Int, firstKey: Int?) throws(Decline) -> YAMLNode {
        depth += 1
        if depth >= limits.maxDepth { throw Decline() }
        defer { depth -= 1 }
        try count()
        let startLine = current
        let start = SourceLocation(line: startLine + 1, column: column + 1)
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(firstKey == nil
            ? entries(at: column, from: current, dashes: false) : 1 + entries(at: column, from: current + 1, dashes: false))
        var keyOffset = firstKey ?? (lines[current].start + column)
        while true {
            let index = current
            let line = lines[index]
            // The key: plain, on one line, up to ": " or a final ":".
            var p = keyOffset
            let b0 = text[p]
            if Self.isIndicator(b0) || b0 == UInt8(ascii: "-") { throw Decline() }
            var colon = -1
            var characters = 0
            while p < line.end {
                let b = text[p]
                if b == UInt8(ascii: ":") {
                    if p + 1 == line.end || text[p + 1] == 0x20 { colon = p; break }
                    throw Decline()
                }
                if b < 0x80 {
                    if Self.isKeyForbidden(b) { throw Decline() }
                    characters += 1
                } else if b & 0xC0 != 0x80 {
                    characters += 1
                }
                p += 1
            }
            guard colon > keyOffset, colon - keyOffset <= 512, text[colon - 1] != 0x20 else { throw Decline() }
            // What precedes a key is ASCII (spaces, a dash), so its byte offset is its column.
            let keyStart = SourceLocation(line: index + 1, column: keyOffset - line.start + 1)
            let keyEnd = SourceLocation(line: index + 1, column: keyStart.column + characters)
            let key = YAMLScalar(string(keyOffset, colon), style: .plain)
            try checkKey(key.text, keyOffset, colon, against: pairs)
            try count()
            // The value.
            var q = colon + 1
            while q < line.end && text[q] == 0x20 { q += 1 }
            let value: YAMLNode
            if q == line.end {
                let next = contentLine(from: index + 1)
                if let next, lines[next].indent > column {
                    current = next
                    let nested = lines[next]
                    value = isDash(nested, at: nested.indent)
                        ? try sequence(column: nested.indent, indentless: false)
                        : try mapping(column: nested.indent, firstKey: nil)
                } else if let next, lines[next].indent == column, isDash(lines[next], at: column) {
                    current = next
                    value = try sequence(column: column, indentless: true)
                } else {
                    // Nothing: an empty plain scalar just after the colon.
                    let at = SourceLocation(line: keyEnd.line, column: keyEnd.column + 1)
                    try count()
                    value = YAMLNode(.scalar(YAMLScalar("", style: .plain)), range: SourceRange(at: at))
                    current = next ?? lines.count
                }
            } else {
                value = try inlineValue(index, q, column: keyEnd.column + (q - colon), blockIndent: column)
            }
            pairs.append(YAMLPair(key: key, keyRange: SourceRange(start: keyStart, end: keyEnd), value: value))
            // The next key, or the end of the mapping.
            guard current < lines.count else {
                return YAMLNode(.mapping(pairs), range: SourceRange(start: start, end: endOfStream))
            }
            let next = lines[current]
            if next.indent < column {
                return YAMLNode(.mapping(pairs), range: SourceRange(
                    start: start, end: SourceLocation(line: current + 1, column: next.indent + 1)))
            }
            guard next.indent == column, !isDash(next, at: column), pairs.count < 64 else { throw Decline() }
            keyOffset = next.start + column
        }
    }

    /// A block sequence whose dashes are at `column`; `indentless` when it is the value of
    /// a key at the same column (it then ends at the next key).
    private mutating func sequence(column: Int, indentless: Bool) throws(Decline) -> YAMLNode {
        depth += 1
        if depth >= limits.maxDepth { throw Decline() }
        defer { depth -= 1 }
        try count()
        let start = SourceLocation(line: current + 1, column: column + 1)
        var items: [YAMLNode] = []
        items.reserveCapacity(entries(at: column, from: current, dashes: true))
        while true {
            let index = current
            let line = lines[index]
            let dash = line.start + column
            var q = dash + 1
            guard q < line.end else { throw Decline() }  // an empty entry
            while q < line.end && text[q] == 0x20 { q += 1 }
            guard q < line.end else { throw Decline() }
            let b = text[q]
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "|") { throw Decline() }
            if !Self.isIndicator(b) && b != UInt8(ascii: "[") && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'")
                && hasMappingColon(from: q, to: line.end)
            {
                // A compact mapping: `- key: value`, its keys at the column after the dash.
                items.append(try mapping(column: q - line.start, firstKey: q))
            } else {
                items.append(try inlineValue(index, q, column: q - line.start + 1, blockIndent: column))
            }
            guard current < lines.count else {
                return YAMLNode(.sequence(items), range: SourceRange(start: start, end: endOfStream))
            }
            let next = lines[current]
            if next.indent < column || (indentless && next.indent == column && !isDash(next, at: column)) {
                return YAMLNode(.sequence(items), range: SourceRange(
                    start: start, end: SourceLocation(line: current + 1, column: next.indent + 1)))
            }
            guard next.indent == column, isDash(next, at: column) else { throw Decline() }
        }
    }

    /// How many entries a collection at `column` starting at line `from` may have: its lines
    /// at that column (dashes, or not), up to one indented less. A capacity, not a count.
    private func entries(at column: Int, from: Int, dashes: Bool) -> Int {
        var n = 0
        var k = from
        while k < lines.count {
            let line = lines[k]
            if line.kind == .content {
                if line.indent < column { break }
                if line.indent == column && (text[line.start + column] == UInt8(ascii: "-")) == dashes { n += 1 }
            }
            k += 1
        }
        return max(n, 1)
    }

    /// Whether a plain text from `from` holds a ": " or ends with ":" (it is then a key).
    private func hasMappingColon(from: Int, to end: Int) -> Bool {
        var p = from
        while p < end {
            if text[p] == UInt8(ascii: ":") && (p + 1 == end || text[p + 1] == 0x20) { return true }
            p += 1
        }
        return false
    }

    // MARK: Scalars

    /// The value starting at byte `p` of line `index`, inside a block collection at
    /// `blockIndent`: a literal block, a one-line flow sequence, a quoted or a plain
    /// scalar. Leaves `current` at the next line with content, which must not be indented
    /// deeper than `blockIndent` (it would continue the scalar, or be an error).
    private mutating func inlineValue(_ index: Int, _ p: Int, column: Int, blockIndent: Int) throws(Decline) -> YAMLNode {
        let line = lines[index]
        let node: YAMLNode
        let start = SourceLocation(line: index + 1, column: column)
        switch text[p] {
        case UInt8(ascii: "|"):
            return try literal(index, p, start: start, blockIndent: blockIndent)
        case UInt8(ascii: "["):
            node = try flowSequence(index, p, start: start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let quote = text[p]
            var q = p + 1
            var characters = 2  // the quotes
            while q < line.end && text[q] != quote {
                if text[q] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { throw Decline() }
                if text[q] & 0xC0 != 0x80 { characters += 1 }
                q += 1
            }
            guard q < line.end else { throw Decline() }  // it goes on to another line
            if quote == UInt8(ascii: "'") && q + 1 < line.end && text[q + 1] == quote { throw Decline() }  // ''
            try restIsBlank(q + 1, line.end)
            try count()
            node = YAMLNode(
                .scalar(YAMLScalar(string(p + 1, q), style: quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted)),
                range: SourceRange(start: start, end: SourceLocation(line: index + 1, column: column + characters)))
        default:
            if Self.isIndicator(text[p]) || text[p] == UInt8(ascii: "-") { throw Decline() }
            var q = p
            var last = p  // one past the last non-space byte
            var characters = 0, charactersToLast = 0
            while q < line.end {
                let b = text[q]
                if b == 0x20 {
                    if q + 1 < line.end && text[q + 1] == UInt8(ascii: "#") { throw Decline() }  // a comment
                    characters += 1
                } else {
                    if b == UInt8(ascii: ":") && (q + 1 == line.end || text[q + 1] == 0x20) { throw Decline() }
                    if b & 0xC0 != 0x80 { characters += 1 }
                    last = q + 1
                    charactersToLast = characters
                }
                q += 1
            }
            try count()
            node = YAMLNode(
                .scalar(YAMLScalar(string(p, last), style: .plain)),
                range: SourceRange(start: start, end: SourceLocation(line: index + 1, column: column + charactersToLast)))
        }
        try advance(after: index, blockIndent: blockIndent)
        return node
    }

    /// Moves to the next line with content after line `index`, which must not be indented
    /// deeper than `blockIndent`.
    private mutating func advance(after index: Int, blockIndent: Int) throws(Decline) {
        if let next = contentLine(from: index + 1) {
            if lines[next].indent > blockIndent { throw Decline() }
            current = next
        } else {
            current = lines.count
        }
    }

    private func restIsBlank(_ from: Int, _ end: Int) throws(Decline) {
        var q = from
        while q < end {
            if text[q] != 0x20 { throw Decline() }
            q += 1
        }
    }

    /// `[a, b c]` on one line, of plain scalars.
    private mutating func flowSequence(_ index: Int, _ p: Int, start: SourceLocation) throws(Decline) -> YAMLNode {
        depth += 1
        if depth >= limits.maxDepth { throw Decline() }
        defer { depth -= 1 }
        try count()
        let line = lines[index]
        var items: [YAMLNode] = []
        var q = p + 1
        var itemStart = -1, itemEnd = -1  // the current item's bytes, spaces trimmed
        var column = start.column + 1  // of byte q
        var itemStartColumn = 0, itemEndColumn = 0
        var sawComma = false
        while true {
            guard q < line.end else { throw Decline() }  // no ] on this line
            let b = text[q]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "]") {
                if itemStart < 0 {
                    // `[]` and `[ ]` are empty; an empty item (`[a,]`, `[,]`) is left to libyaml.
                    if b == UInt8(ascii: ",") || sawComma { throw Decline() }
                } else {
                    try count()
                    items.append(YAMLNode(
                        .scalar(YAMLScalar(string(itemStart, itemEnd), style: .plain)),
                        range: SourceRange(start: SourceLocation(line: index + 1, column: itemStartColumn),
                                           end: SourceLocation(line: index + 1, column: itemEndColumn))))
                }
                if b == UInt8(ascii: "]") { break }
                sawComma = true
                itemStart = -1
            } else if b != 0x20 {
                if b < 0x80 && Self.isFlowForbidden(b) { throw Decline() }
                if itemStart < 0 {
                    if Self.isIndicator(b) || b == UInt8(ascii: "-") { throw Decline() }
                    itemStart = q
                    itemStartColumn = column
                }
                itemEnd = q + 1
                itemEndColumn = column + 1
            }
            // The next byte starts a new character unless it continues this one.
            if q + 1 < line.end && text[q + 1] & 0xC0 != 0x80 { column += 1 }
            q += 1
        }
        try restIsBlank(q + 1, line.end)
        return YAMLNode(.sequence(items), range: SourceRange(start: start, end: SourceLocation(line: index + 1, column: column + 1)))
    }

    /// A literal block scalar, `|` and nothing after it, clip chomping, its indentation
    /// that of its first line.
    private mutating func literal(_ index: Int, _ p: Int, start: SourceLocation, blockIndent: Int) throws(Decline) -> YAMLNode {
        try restIsBlank(p + 1, lines[index].end)
        let first = index + 1
        guard first < lines.count, lines[first].kind == .content || lines[first].kind == .comment else { throw Decline() }
        let indent = lines[first].indent
        guard indent > blockIndent else { throw Decline() }
        var bytes: [UInt8] = []
        var k = first
        var pendingBreaks = 0
        var lastContent = first
        while k < lines.count {
            let line = lines[k]
            if line.kind == .empty { pendingBreaks += 1; k += 1; continue }
            if line.kind == .blank { throw Decline() }
            if line.indent < indent { break }
            if k != first {
                bytes.append(0x0A)
                for _ in 0..<pendingBreaks { bytes.append(0x0A) }
            }
            pendingBreaks = 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[(line.start + indent)..<line.end]))
            lastContent = k
            k += 1
        }
        let end: SourceLocation
        if lines[lastContent].end == text.count {
            // No line break after the last line: nothing to clip to, and the scalar ends there.
            end = location(lastContent, lines[lastContent].end)
        } else {
            bytes.append(0x0A)
            end = k < lines.count ? SourceLocation(line: k + 1, column: 1) : endOfStream
        }
        try count()
        let node = YAMLNode(
            .scalar(YAMLScalar(String(decoding: bytes, as: UTF8.self), style: .literal)),
            range: SourceRange(start: start, end: end))
        // The block ended at a line indented less than its own; it must not be deeper than
        // the collection the scalar is in.
        if let next = contentLine(from: k) {
            if lines[next].indent > blockIndent { throw Decline() }
            current = next
        } else {
            current = lines.count
        }
        return node
    }

    // MARK: Keys

    /// Declines a key that is not plainly unique: one written with characters whose
    /// canonical equivalents differ in bytes (libyaml's path compares keys as Swift
    /// strings do), or the same bytes as an earlier key.
    private func checkKey(_ key: String, _ from: Int, _ to: Int, against pairs: [YAMLPair]) throws(Decline) {
        var p = from
        while p < to {
            let b = text[p]
            if b < 0x80 { p += 1; continue }
            // Three-byte characters in ranges that are their own normal form and never
            // combine: CJK ideographs, CJK punctuation, fullwidth forms, general punctuation.
            guard b >= 0xE0 else { throw Decline() }
            let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(text[p + 1] & 0x3F) << 6) | UInt32(text[p + 2] & 0x3F)
            let simple = (scalar >= 0x4E00 && scalar <= 0x9FFF) || (scalar >= 0x3400 && scalar <= 0x4DBF)
                || (scalar >= 0x3000 && scalar <= 0x3029) || (scalar >= 0x3030 && scalar <= 0x303F)
                || (scalar >= 0xFF01 && scalar <= 0xFFEF) || (scalar >= 0x2010 && scalar <= 0x2027)
            guard simple else { throw Decline() }
            p += 3
        }
        let length = to - from
        // Up to 15 bytes a string is held inline, its bytes in its representation: two such
        // keys are the same exactly when their representations are.
        let inline = length <= 15
        let bits = unsafeBitCast(key, to: (UInt64, UInt64).self)
        for pair in pairs where pair.key.text.utf8.count == length {
            let same: Bool
            if inline {
                same = unsafeBitCast(pair.key.text, to: (UInt64, UInt64).self) == bits
            } else {
                // Keys here are at most 512 bytes of text this parser made, so contiguous.
                same = pair.key.text.utf8.withContiguousStorageIfAvailable { k in
                    memcmp(k.baseAddress!, text.baseAddress! + from, length) == 0
                } ?? true
            }
            if same { throw Decline() }
        }
    }

    // MARK: Characters

    /// Characters that start something other than a plain scalar.
    private static func isIndicator(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// ASCII characters this parser does not accept in keys.
    private static func isKeyForbidden(_ b: UInt8) -> Bool {
        isIndicator(b) && b != UInt8(ascii: "?")
    }

    /// ASCII characters this parser does not accept in flow sequence items.
    private static func isFlowForbidden(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
             UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }
}
