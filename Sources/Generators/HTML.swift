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
