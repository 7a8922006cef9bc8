/// Files of the catalog folder that the site publishes: the 空表 and 样表 of materials and
/// the 样本 of 审批结果 (GB/T 39554.2-2020). Each is written as a path relative to the
/// catalog folder and published at `attachments/<that path>` of the site; the compiler
/// checks the file, the build copies it, pages link there. Pure: no I/O.
public enum Attachments {
    /// The folder of the site that holds them.
    public static let folder = "attachments"

    /// The largest file published (20 MiB): applicants download these on phones, and a
    /// build reads each whole before writing it.
    public static let maxBytes = 20 << 20

    /// What keeps a written path from naming a file inside the catalog folder.
    public enum PathProblem: Sendable, Equatable {
        /// Empty, absolute (`/…`, `C:…`), or a web address.
        case absolute
        /// A `..`, a `.`, an empty part (`a//b`, a trailing `/`) or a backslash.
        case badPart
        /// A part that starts with `.`: hidden files are never published.
        case hidden
        /// A `.yaml` or `.yml` file: the catalog's sources hold internal elements.
        case source
        /// Not a document or image of ``fileTypes``: a page, a script or an SVG would run
        /// in the site's origin.
        case type
    }

    /// The kinds of file published, by extension: documents, spreadsheets, images, archives.
    public static let fileTypes: Set<String> = [
        "pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "odt", "ods", "rtf", "txt",
        "jpg", "jpeg", "png", "gif", "webp", "zip",
    ]

    /// Why `path` cannot name a file of the catalog folder, or nil when it can.
    public static func problem(_ path: String) -> PathProblem? {
        if path.isEmpty || path.hasPrefix("/") || path.contains(":") { return .absolute }
        if path.contains("\\") { return .badPart }
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." || part == ".." { return .badPart }
            if part.hasPrefix(".") { return .hidden }
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .source }
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/"),
              fileTypes.contains(String(lower[lower.index(after: dot)...]))
        else { return .type }
        return nil
    }

    /// Where a file at `path` (relative to the catalog folder) is published in the site.
    public static func sitePath(_ path: String) -> String { folder + "/" + path }
}

extension Item {
    /// The attachments this item names, in order, each once.
    public var attachments: [String] {
        var out: [String] = []
        for m in materials {
            for p in [m.blankForm, m.sampleForm] { if let p, !out.contains(p) { out.append(p) } }
        }
        if let p = result?.sample, !out.contains(p) { out.append(p) }
        return out
    }
}

extension Catalog {
    /// Every attachment of the catalog's items, sorted, each once.
    public var attachments: [String] {
        Array(Set(items.flatMap(\.attachments))).sorted()
    }
}
