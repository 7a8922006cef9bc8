/// Writes ``JSONValue`` trees as the exports' JSON text: byte for byte what `JSONEncoder`
/// writes with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` (``JSONValue/format(_:)``),
/// which the tests check, but appended to one buffer as it goes, so that a catalog can be
/// written an item at a time instead of as one tree.
///
/// The format: two-space indentation; `"key" : value`; keys in the order of their UTF-8
/// bytes; an empty array or object as `[`, an empty line, and `]` at the indentation of its
/// key; `"`, `\` and the C0 controls escaped (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00xx`);
/// `/` and everything else as it is.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    /// Appends `value`, its nested lines indented under a line indented by `indent` spaces.
    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .string(let s): string(s)
        case .integer(let n): bytes.append(contentsOf: String(n).utf8)
        case .boolean(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let entries):
            startArray()
            for (i, entry) in entries.enumerated() {
                arrayEntry(first: i == 0, indent: indent + 2)
                write(entry, indent: indent + 2)
            }
            endArray(empty: entries.isEmpty, indent: indent)
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let keys = Self.sortedKeys(members)
            for (i, key) in keys.enumerated() {
                member(key, first: i == 0, indent: indent + 2)
                write(members[key]!, indent: indent + 2)
            }
            if keys.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            newline(indent: indent)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// An object's keys in the order they are written: by their UTF-8 bytes.
    static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Appends `"key" : ` on its own line, after a comma unless it is the object's first member.
    mutating func member(_ key: String, first: Bool, indent: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(indent: indent)
        string(key)
        bytes.append(contentsOf: " : ".utf8)
    }

    mutating func startArray() { bytes.append(UInt8(ascii: "[")) }

    /// Starts an array entry on its own line, after a comma unless it is the first.
    mutating func arrayEntry(first: Bool, indent: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(indent: indent)
    }

    mutating func endArray(empty: Bool, indent: Int) {
        if empty { bytes.append(UInt8(ascii: "\n")) }
        newline(indent: indent)
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var run = 0  // start of the bytes not yet copied
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                bytes.append(contentsOf: utf8[run..<i])
                run = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: utf8[run...])
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
