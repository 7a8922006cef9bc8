import Compiler

/// Writes imported values as YAML: block mappings and sequences, every string through
/// ``ItemSkeleton/scalar(_:inFlow:)`` (plain only when it reads back as the same string,
/// else double-quoted and escaped), integers plain, placeholders as `# 待补充：…` comments.
public enum ImportYAML {
    /// What a placeholder comment starts with.
    public static let placeholderPrefix = "# 待补充："

    /// A document of `entries`, under `comments` (each written as `# line`).
    public static func document(_ entries: [ImportedEntry], comments: [String] = []) -> String {
        var lines = comments.map { $0.isEmpty ? "#" : "# " + commentText($0) }
        render(entries, indent: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML scalar that reads back as exactly `text`.
    public static func scalar(_ text: String) -> String { ItemSkeleton.scalar(text) }

    static func render(_ entries: [ImportedEntry], indent: String, into lines: inout [String], firstPrefix: String? = nil) {
        var first = true
        for entry in entries {
            let lead = first && firstPrefix != nil ? firstPrefix! : indent
            switch entry.value {
            case .placeholder(let what, let note):
                lines.append(lead + placeholderPrefix + commentText(what))
                if let note { lines += commentLines(note).map { indent + "#   " + $0 } }
                // A comment cannot open a sequence entry: the entry's first key still needs the "- ".
                if first && firstPrefix != nil { continue }
            case .text(let s): lines.append(lead + key(entry.key) + ": " + scalar(s))
            case .integer(let n): lines.append(lead + key(entry.key) + ": " + String(n))
            case .list(let items) where items.isEmpty: lines.append(lead + key(entry.key) + ": []")
            case .map(let children) where children.isEmpty: lines.append(lead + key(entry.key) + ": {}")
            case .list(let items):
                lines.append(lead + key(entry.key) + ":")
                render(items, indent: indent + "  ", into: &lines)
            case .map(let children):
                lines.append(lead + key(entry.key) + ":")
                render(children, indent: indent + "  ", into: &lines)
            }
            first = false
        }
    }

    static func render(_ items: [ImportedValue], indent: String, into lines: inout [String]) {
        for item in items {
            switch item {
            case .text(let s): lines.append(indent + "- " + scalar(s))
            case .integer(let n): lines.append(indent + "- " + String(n))
            case .placeholder(let what, _): lines.append(indent + placeholderPrefix + commentText(what))
            case .list(let inner) where inner.isEmpty: lines.append(indent + "- []")
            case .map(let entries) where entries.allSatisfy({ if case .placeholder = $0.value { true } else { false } }):
                // Nothing but placeholders: an empty mapping, with the placeholders under it.
                lines.append(indent + "- {}")
                render(entries, indent: indent + "  ", into: &lines)
            case .list(let inner):
                lines.append(indent + "-")
                render(inner, indent: indent + "  ", into: &lines)
            case .map(let entries):
                // Placeholders go after the first real key, which carries the "- ".
                let real = entries.filter { if case .placeholder = $0.value { false } else { true } }
                let holes = entries.filter { if case .placeholder = $0.value { true } else { false } }
                render(real + holes, indent: indent + "  ", into: &lines, firstPrefix: indent + "- ")
            }
        }
    }

    static func key(_ k: String) -> String { scalar(k) }

    /// `text` as the lines of a `#` comment: cut at every line break a YAML reader (or an
    /// editor) may take for one — LF, CR, CRLF, NEL, U+2028, U+2029, VT, FF — each line
    /// ``commentText(_:)``, so nothing quoted into a comment can end it and become YAML.
    public static func commentLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { commentText(String($0)) }
    }

    /// `text` on one comment line: every line break and every other control character
    /// (C0, DEL, C1, and the noncharacters U+FFFE/U+FFFF, which YAML does not allow) as a space.
    public static func commentText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text {
            if c.isNewline { out.append(" "); continue }  // CRLF is one break, one space
            for u in c.unicodeScalars {
                let unsafe = u.properties.generalCategory == .control || u.properties.isNoncharacterCodePoint
                out.append(unsafe ? " " : u)
            }
        }
        return String(out)
    }
}
