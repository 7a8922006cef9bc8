import Diagnostics

/// The characters no scalar may hold once decoded (ZN420), and where a scalar writes one.
///
/// libyaml's reader refuses most control characters written as they are (ZN116), but the
/// escapes of double-quoted scalars (`"\0"`, `"\x01"`, `"\e"`, `"\uFFFE"` …) and the
/// noncharacters it reads as printable (U+FDD0 …) reach the decoded value. So the check is
/// on the value itself, whatever way it was written; the source is read again only to say
/// where, for a scalar that holds one.
enum ScalarCharacters {
    /// True for a code point no value may hold: the C0 controls but tab, line feed and
    /// carriage return; DEL; the C1 controls U+0080–U+009F (NEL among them); surrogates;
    /// the noncharacters U+FDD0–U+FDEF and the last two code points of every plane. XML 1.0
    /// cannot hold the C0 controls, surrogates, U+FFFE and U+FFFF, and discourages the rest.
    static func isForbidden(_ v: UInt32) -> Bool {
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        if v >= 0xD800 && v <= 0xDFFF { return true }
        if v >= 0xFDD0 && v <= 0xFDEF { return true }
        return v & 0xFFFE == 0xFFFE
    }

    /// The first forbidden code point of the well-formed UTF-8 `bytes`, if there is one.
    static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return UInt32(b) }
                i += 1
                continue
            }
            // Only sequences led by C2 (C1 controls), ED (surrogates), EF (U+FDD0…, U+FFFE/F)
            // and F0–F4 (the last two of a plane) can be forbidden: skip the others whole.
            let width = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            if b == 0xC2 || b == 0xED || b == 0xEF || b >= 0xF0, i + width <= n {
                let v = decode(bytes, at: i, width: width)
                if isForbidden(v) { return v }
            }
            i += width
        }
        return nil
    }

    /// The code point of the `width`-byte UTF-8 sequence at `i`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> UInt32 {
        switch width {
        case 1: return UInt32(bytes[i])
        case 2: return UInt32(bytes[i] & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        case 3: return UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        default:
            return UInt32(bytes[i] & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        }
    }

    /// What a forbidden code point is, in words.
    static func kind(_ v: UInt32) -> LocalizedText {
        if v <= 0x9F { return LocalizedText(zh: "控制字符", en: "control character") }
        if v >= 0xD800 && v <= 0xDFFF { return LocalizedText(zh: "代理码位", en: "surrogate code point") }
        return LocalizedText(zh: "非字符", en: "noncharacter")
    }

    /// `U+001B`: at least four hexadecimal digits.
    static func name(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A forbidden character where a scalar writes it.
    struct Written {
        var range: SourceRange
        var value: UInt32
        /// The escape that wrote it (`\e`), or nil when it is written as it is.
        var escape: String?
    }

    /// The first forbidden character the scalar starting at `cursor` writes, reading its
    /// source: escapes too when it is double-quoted. Moves `cursor` to where it is (or to
    /// the end of the scalar); nil when the source shows none.
    /// Steps over a node's properties, an anchor (`&a`) or a tag (`!!str`, `!<…>`), and the
    /// spaces after each: libyaml's mark for a scalar is where its properties begin.
    static func skipProperties(_ cursor: inout SourceCursor) {
        let text = cursor.text
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while cursor.offset < text.count, text[cursor.offset] == UInt8(ascii: "&") || text[cursor.offset] == UInt8(ascii: "!") {
            let verbatim = text[cursor.offset] == UInt8(ascii: "!") && cursor.offset + 1 < text.count
                && text[cursor.offset + 1] == UInt8(ascii: "<")
            while cursor.offset < text.count {
                let b = text[cursor.offset]
                if !verbatim && isSpace(b) { break }
                cursor.step()
                if verbatim && b == UInt8(ascii: ">") { break }
            }
            while cursor.offset < text.count, isSpace(text[cursor.offset]) { cursor.step() }
        }
    }

    static func written(from cursor: inout SourceCursor, doubleQuoted: Bool) -> Written? {
        let text = cursor.text
        skipProperties(&cursor)
        if doubleQuoted { cursor.step() }  // the opening quote
        while cursor.offset < text.count {
            let start = cursor.location
            let b = text[cursor.offset]
            if doubleQuoted && b == UInt8(ascii: "\"") { return nil }
            if doubleQuoted && b == UInt8(ascii: "\\") && cursor.offset + 1 < text.count {
                guard let (value, length) = escape(text, at: cursor.offset) else {
                    cursor.step()  // an escaped line break: the break is stepped over next
                    continue
                }
                if isForbidden(value) {
                    let end = SourceLocation(line: start.line, column: start.column + length)
                    let bytes = UnsafeBufferPointer(rebasing: text[cursor.offset..<(cursor.offset + length)])
                    return Written(range: SourceRange(start: start, end: end), value: value,
                                   escape: String(decoding: bytes, as: UTF8.self))
                }
                for _ in 0..<length { cursor.step() }  // ASCII, no line break
                continue
            }
            let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let value = decode(text, at: cursor.offset, width: min(width, text.count - cursor.offset))
            if isForbidden(value) {
                return Written(range: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 1)),
                               value: value, escape: nil)
            }
            cursor.step()
        }
        return nil
    }

    /// The code point a double-quoted scalar's escape at `i` (its backslash) writes, and the
    /// escape's length in bytes; nil for an escaped line break (or what libyaml refuses).
    private static func escape(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let c = text[i + 1]
        if let v = oneLetterEscapes[c] { return (v, 2) }
        let digits: Int
        switch c {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: return nil
        }
        guard i + 2 + digits <= text.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<digits {
            guard let d = hexValue(text[i + 2 + k]) else { return nil }
            v = v << 4 | d
        }
        return (v, 2 + digits)
    }

    /// YAML 1.1's escapes of one character after the backslash, and what they write.
    private static let oneLetterEscapes: [UInt8: UInt32] = [
        UInt8(ascii: "0"): 0x00, UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09,
        0x09: 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "v"): 0x0B, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "r"): 0x0D, UInt8(ascii: "e"): 0x1B, UInt8(ascii: " "): 0x20, UInt8(ascii: "\""): 0x22,
        UInt8(ascii: "/"): 0x2F, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "N"): 0x85, UInt8(ascii: "_"): 0xA0,
        UInt8(ascii: "L"): 0x2028, UInt8(ascii: "P"): 0x2029,
    ]

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// A place in a UTF-8 text, counted as libyaml counts its marks: lines broken by LF, CR,
/// CRLF, NEL, LS and PS; columns in code points.
struct SourceCursor {
    let text: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    /// Zero-based, as in `yaml_mark_t`.
    private(set) var line = 0, column = 0

    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    /// The 1-based location of the cursor.
    var location: SourceLocation { SourceLocation(line: line + 1, column: column + 1) }

    /// Moves to the zero-based `line` and `column`: onwards from here when that is ahead,
    /// else from the start. Marks come in order, so reading a file this way is linear.
    mutating func move(toLine target: Int, column targetColumn: Int) {
        if target < line || (target == line && targetColumn < column) { self = SourceCursor(text: text) }
        while offset < text.count && (line < target || (line == target && column < targetColumn)) { step() }
    }

    /// Steps over the character at the cursor.
    mutating func step() {
        let b = text[offset]
        let n = text.count
        if b == 0x0A || b == 0x0D {
            offset += b == 0x0D && offset + 1 < n && text[offset + 1] == 0x0A ? 2 : 1
        } else if b == 0xC2 && offset + 1 < n && text[offset + 1] == 0x85 {
            offset += 2
        } else if b == 0xE2 && offset + 2 < n && text[offset + 1] == 0x80 && (text[offset + 2] == 0xA8 || text[offset + 2] == 0xA9) {
            offset += 3
        } else {
            offset = min(n, offset + (b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4))
            column += 1
            return
        }
        line += 1
        column = 0
    }
}
