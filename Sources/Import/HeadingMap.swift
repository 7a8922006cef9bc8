import Diagnostics
import YAMLSyntax

/// `--map MAP.yaml`: a centre's own column headings, each mapped to one of the headings
/// ``ItemSheet`` knows (`所需材料: 申请材料`, `办结时限（法定）: 法定办结时限`). Read whole or refused
/// whole: a heading mapped to nothing zhinan knows is an error at its line, never a guess.
public struct HeadingMap: Sendable, Equatable {
    /// Heading → national field, the built-in headings with the map's added.
    public private(set) var fields: [String: String]
    /// A mapped heading → the built-in heading it stands for.
    public private(set) var aliases: [String: String] = [:]
    /// The profiles' names of elements → the built-in heading each stands for
    /// (``ProfileHeadings``); after the built-in and mapped headings.
    public private(set) var profileHeadings: [String: String] = [:]
    /// The profiles' names of elements no column fills.
    public private(set) var unimportable: Set<String> = []

    /// The built-in headings alone.
    public init() {
        fields = ItemSheet.headings
    }

    /// The map in the file at `path` (at most 1 MiB, not through a link); a heading may be
    /// mapped to a built-in heading or to a name `profile` gives an element a column fills.
    public init(path: String, profile: ImportProfile) throws {
        try self.init(path: path, profileHeadings: profile.headings)
    }

    /// The map in the file at `path` (at most 1 MiB, not through a link).
    public init(path: String, profileHeadings: [String: String] = [:]) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let bytes = try SourceFile.bytes(path, name: name, limit: 1 << 20) else {
            throw ImportError(code: .noSource, file: name, zh: "没有这个映射文件", en: "no such map file", unusable: true)
        }
        try self.init(yaml: bytes, file: name, profileHeadings: profileHeadings)
    }

    /// The map in `bytes` (YAML), named `file` in messages.
    public init(yaml bytes: [UInt8], file: String, profileHeadings: [String: String] = [:]) throws {
        self.init()
        let parsed = YAMLParser().parse(bytes, file: file)
        if let d = parsed.diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(code: .badText, file: file, line: d.span?.range.start.line ?? 0, column: d.span?.range.start.column ?? 0,
                              zh: "映射文件不是可读的 YAML：\(d.message.zh)", en: "the map is not readable YAML: \(d.message.en)", unusable: true)
        }
        guard let pairs = parsed.root?.mapping else {
            throw ImportError(code: .badHeader, file: file, line: 1, column: 1,
                              zh: "映射文件应当是“本单位列名: 要素名称”的映射", en: "the map must be a mapping of \"your heading: element name\"", unusable: true)
        }
        let known = ItemSheet.headings.keys.sorted()
        for pair in pairs {
            guard !pair.key.text.trimmed.isEmpty else {
                let at = pair.keyRange.start
                throw ImportError(code: .badHeader, file: file, line: at.line, column: at.column,
                                  zh: "映射的列名是空的：一列没有列名时请先在表头写上列名", en: "a mapped heading is empty: give the column a heading in the sheet first", unusable: true)
            }
            let start = pair.value.range.start
            let named = pair.value.scalar?.text.trimmed
            guard let target = named.map({ ItemSheet.headings[$0] != nil ? $0 : profileHeadings[$0] ?? $0 }), let field = ItemSheet.headings[target] else {
                let written = pair.value.scalar?.text ?? ""
                throw ImportError(code: .badHeader, file: file, line: start.line, column: start.column,
                                  zh: "列“\(pair.key.text)”映射到的“\(written)”不是可导入的要素名称；可用：\(known.joined(separator: "、"))",
                                  en: "the column \"\(pair.key.text)\" is mapped to \"\(written)\", which is no element name zhinan imports; known: \(known.joined(separator: ", "))",
                                  unusable: true)
            }
            fields[pair.key.text.trimmed] = field
            aliases[pair.key.text.trimmed] = target
        }
    }

    /// This map with the headings `profile`'s standards give the elements.
    public func including(_ profile: ImportProfile) -> HeadingMap {
        var map = self
        map.profileHeadings = profile.headings
        map.unimportable = profile.unimportable
        return map
    }

    /// The national field of `heading` (mapped, built in, or a profile's name of an element).
    func field(_ heading: String) -> String? {
        fields[heading] ?? profileHeadings[heading].flatMap { ItemSheet.headings[$0] }
    }

    /// The built-in heading `heading` is or stands for.
    func builtIn(_ heading: String) -> String {
        fields[heading] != nil ? aliases[heading] ?? heading : profileHeadings[heading] ?? heading
    }
}
