/// What a request to the preview server asks for, decided from its method and target
/// alone, before anything is looked up.
public enum RequestTarget: Equatable, Sendable {
    /// A file of the site: `public/…` or `internal/…` (a folder means its `index.html`).
    case file(String)
    /// The stream of Server-Sent Events that tells open pages to reload (`/_events`).
    case events
    /// The list of the catalog's diagnostics (`/_diagnostics`).
    case diagnostics
    /// Refused: a method other than GET or HEAD (405).
    case methodNotAllowed
    /// Refused: a target that is not a plain path inside the site (400): `..` or `.` as a
    /// segment (also percent-encoded), a backslash, a NUL or other control character, bad
    /// percent-encoding, or not starting with `/`.
    case badPath

    /// Decides what `method` and `target` (the request line's, e.g. `/items/a/?x=1`) ask for.
    public init(method: String, target: String) {
        guard method == "GET" || method == "HEAD" else {
            self = .methodNotAllowed
            return
        }
        var raw = Substring(target)
        if let cut = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<cut] }
        guard raw.hasPrefix("/"), let decoded = Self.percentDecoded(raw) else {
            self = .badPath
            return
        }
        // Checked after decoding, so `%2e%2e`, `%5c` and `%00` are refused as `..`, `\` and NUL are.
        guard !decoded.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 == 0x7F }) else {
            self = .badPath
            return
        }
        let path = String(decoding: decoded, as: UTF8.self)
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            self = .badPath
            return
        }
        if segments == ["_events"] { self = .events; return }
        if segments == ["_diagnostics"] { self = .diagnostics; return }
        var parts = segments.map(String.init)
        let audience: String
        if parts.first == "internal" {
            parts.removeFirst()
            audience = "internal"
        } else {
            audience = "public"
        }
        if parts.isEmpty || path.hasSuffix("/") { parts.append("index.html") }
        self = .file(([audience] + parts).joined(separator: "/"))
    }

    /// The bytes `text` percent-decodes to; nil when a `%` is not followed by two hex digits.
    static func percentDecoded(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "%") else {
                out.append(b)
                continue
            }
            guard bytes.count >= 2, let hi = hex(bytes.removeFirst()), let lo = hex(bytes.removeFirst()) else { return nil }
            out.append(hi << 4 | lo)
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
