/// Text helpers for HTML output: what may become a link, and text as paragraphs. Escaping is
/// ``Markup``'s alone: templates escape every `{{value}}` with it (``TemplateEscaping``), and
/// so does the flowchart's SVG, the one fragment templates insert with `{{{…}}}`.
enum HTML {
    /// The URL when it may be written as a link: an absolute `http:` or `https:` URL with a
    /// host and without spaces or control characters. Anything else (`javascript:`, `data:`,
    /// relative paths, text with a leading space a browser would strip) is shown as text.
    static func linkableURL(_ text: String) -> String? {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        guard let first = rest.unicodeScalars.first, first != "/", first != "\\", first != "?",
            first != "#"
        else { return nil }
        for scalar in text.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F || scalar == "\\" || scalar == "\""
                || scalar == "<" || scalar == ">" || scalar == "`"
            {
                return nil
            }
            if scalar.properties.generalCategory == .format || scalar.properties.isWhitespace {
                return nil
            }
        }
        return text
    }

    /// Splits text written with line breaks (a YAML `|` block) into paragraphs, dropping
    /// empty lines and trailing spaces.
    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { String(Substring($0).trimmingWhitespace()) }
            .filter { !$0.isEmpty }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return self[first...last]
    }
}

/// Where an item's pages go: `items/<segment>/…`. Codes the profiles allow
/// (`440100-XK-00012-001`) are used as they are; a code with anything that is unsafe in a
/// file name or a URL path gets those characters replaced by `_` and a short hash of the
/// whole code appended, so that the folder never escapes `items/` and two codes never meet.
enum PathSegment {
    static func forCode(_ code: String) -> String {
        var out = ""
        var changed = false
        for scalar in code.unicodeScalars {
            // A leading "." would make a hidden folder (or "..").
            if isSafe(scalar), !(out.isEmpty && scalar == ".") {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
                changed = true
            }
        }
        if out.isEmpty { changed = true }
        if out.unicodeScalars.count > 80 {
            out = String(String.UnicodeScalarView(out.unicodeScalars.prefix(80)))
            changed = true
        }
        guard changed else { return out }
        return out + "-" + fnv1a(code)
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default:
            // CJK and other letters are fine in file names and in hrefs (browsers
            // percent-encode them), but nothing with URL or shell meaning.
            return scalar.value > 0x7F && scalar.properties.isAlphabetic
        }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: stable across runs and platforms.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
