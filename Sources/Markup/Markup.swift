/// The one escaper for text written into HTML and SVG: every page, attribute, flowchart and
/// template renderer goes through it.
///
/// It works on UTF-8 bytes. `& < > " '` are ASCII, and in UTF-8 no byte of another
/// character is below 0x80, so each of them is found and replaced wherever it is, whatever
/// marks a grapheme cluster joins it with (U+0600 before `<`, U+0301 after `"`, a ZWJ …).
/// Comparing whole `Character`s, as swift-mustache 2.1.1 does, misses those and writes
/// the ASCII byte raw, which a browser then reads as markup.
public enum Markup {
    /// What to do with control characters.
    public enum Controls: Sendable {
        /// Leave them as they are (HTML text).
        case keep
        /// Replace C0 controls but tab, line feed and carriage return, DEL, C1 controls and
        /// the noncharacters U+FFFE and U+FFFF with U+FFFD, which XML (SVG) cannot hold.
        case replace
    }

    /// `text` with `& < > " '` replaced by character references, safe in element content
    /// and in quoted attribute values alike.
    public static func escape(_ text: String, controls: Controls = .keep) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let first = firstChange(in: bytes, controls: controls) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            append(UnsafeBufferPointer(rebasing: bytes[first...]), controls: controls, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `text`, escaped as ``escape(_:controls:)`` does, to `out` as UTF-8.
    public static func append(escaping text: String, controls: Controls = .keep, to out: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { append($0, controls: controls, to: &out) }
    }

    /// The offset of the first byte that is not copied as it is, if any.
    private static func firstChange(in bytes: UnsafeBufferPointer<UInt8>, controls: Controls) -> Int? {
        switch controls {
        case .keep:
            return bytes.firstIndex { isSpecial($0) }
        case .replace:
            var i = 0
            while i < bytes.count {
                if isSpecial(bytes[i]) || controlLength(bytes, at: i) > 0 { return i }
                i += 1
            }
            return nil
        }
    }

    private static func isSpecial(_ b: UInt8) -> Bool {
        b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
    }

    /// The number of bytes of the control character or noncharacter at `i`, or 0.
    private static func controlLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return 1 }
        // U+0080–U+009F: C2 80–C2 9F.
        if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return 2 }
        // U+FFFE, U+FFFF: EF BF BE, EF BF BF.
        if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
            return 3
        }
        return 0
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, controls: Controls, to out: inout [UInt8]) {
        var start = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let replacement: StaticString
            var length = 1
            switch b {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default:
                length = controls == .replace ? controlLength(bytes, at: i) : 0
                guard length > 0 else {
                    i += 1
                    continue
                }
                replacement = "\u{FFFD}"
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            i += length
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
    }
}

extension Markup {
    /// A JSON text made safe inside a `<script>` element (`type="application/ld+json"`, or a
    /// script that assigns it): `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so no
    /// `</script>` or `<!--` can end or change the element, and U+2028/U+2029 become
    /// `\u2028`/`\u2029` (line terminators to older JavaScript). All of them occur only in
    /// JSON strings, where the escapes mean the same characters, so the JSON is unchanged.
    /// C0 controls cannot occur raw in valid JSON; any that do are escaped too.
    public static func jsonInScript(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x3C, 0x3E, 0x26, 0x2028, 0x2029, 0x00...0x1F, 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as the body of a double-quoted CSS string inside a `<style>` element (a print
    /// header's `content`): every character but letters, digits, spaces and non-ASCII text
    /// becomes a CSS escape (`\3c `), so neither `"`, `\`, a line break nor `</style>` can
    /// end the string or the element; controls become U+FFFD.
    public static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let plain =
                (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                || v == 0x20 || (v >= 0xA0 && v != 0x2028 && v != 0x2029 && v != 0xFFFE && v != 0xFFFF)
            if plain {
                out.unicodeScalars.append(scalar)
            } else if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
                out += "\u{FFFD}"
            } else {
                out += "\\" + String(v, radix: 16) + " "
            }
        }
        return out
    }
}
