import Mustache

/// A theme's templates (the bundled ones with the theme's replacements and additions),
/// read, parsed and checked once, before any page is made; one value serves any number of
/// catalogs.
///
/// Checked: each is UTF-8 and parses; no template includes itself, directly or through
/// others (swift-mustache would recurse until the stack overflows); no partial is named by
/// page data (`{{>*name}}`), which a catalog's text could then choose.
struct SiteTemplates: Sendable {
    let theme: Theme
    /// The templates for swift-mustache, by name without `.mustache`.
    let library: MustacheLibrary
    /// The same for the fast renderer (FastMustache.swift), when it can read them all and
    /// `fastRendering` asked for it; pages it cannot reproduce go to swift-mustache.
    let fastLibrary: FastLibrary?

    init(_ theme: Theme, fastRendering: Bool = true) throws {
        try theme.validate()
        TemplateEscaping.register()
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for file in Theme.templateNames + theme.addedTemplateNames {
            let bytes = try theme.file(named: file)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw GeneratorError.invalidUTF8(file)
            }
            do {
                library.register(try MustacheTemplate(string: TemplateEscaping.source(text)), named: Self.name(file))
            } catch let error as MustacheTemplate.ParserError {
                let line = TemplateEscaping.templateLine(error.context.lineNumber)
                throw GeneratorError.templateSyntax(
                    file: file, message: "line \(line), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw GeneratorError.templateSyntax(file: file, message: "\(error)")
            }
            sources[Self.name(file)] = text
        }
        try Self.checkPartials(sources, replaced: Set(theme.overrides.keys))
        self.theme = theme
        self.library = library
        fastLibrary = fastRendering ? try? FastLibrary(sources) : nil
    }

    static func name(_ file: String) -> String { String(file.dropLast(".mustache".count)) }

    /// Refuses partials named by data and includes that come back to where they started.
    /// A cycle is reported from a template the theme replaced or added (bundled templates
    /// alone have none), the first by name.
    static func checkPartials(_ sources: [String: String], replaced: Set<String>) throws {
        var graph: [String: [String]] = [:]
        for (name, text) in sources {
            let found = PartialReferences(text)
            if found.dynamic { throw GeneratorError.dynamicPartial(name + ".mustache") }
            graph[name] = found.names.filter { sources[$0] != nil }
        }
        // Depth-first, by name; `path` is the chain of includes being followed.
        var done = Set<String>()
        var path: [String] = []
        func visit(_ name: String) throws {
            if let start = path.firstIndex(of: name) {
                var cycle = Array(path[start...])
                if let first = cycle.indices.filter({ replaced.contains(cycle[$0] + ".mustache") }).min(by: { cycle[$0] < cycle[$1] }) {
                    cycle = Array(cycle[first...] + cycle[..<first])
                }
                throw GeneratorError.recursivePartial((cycle + [cycle[0]]).map { $0 + ".mustache" })
            }
            guard !done.contains(name) else { return }
            path.append(name)
            for next in graph[name] ?? [] { try visit(next) }
            path.removeLast()
            done.insert(name)
        }
        for name in graph.keys.sorted() { try visit(name) }
    }
}

/// The partials a template includes (`{{> name}}`, and `{{< name}}` for a parent), found as
/// swift-mustache finds tags: from each opening delimiter to the closing one, following
/// `{{=<% %>=}}` changes of delimiters; a comment ends at its first closing delimiter.
struct PartialReferences {
    private(set) var names: [String] = []
    /// Whether a partial is named by page data (`{{>*name}}`).
    private(set) var dynamic = false

    init(_ text: String) {
        let b = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var i = 0
        while let start = Self.find(open, in: b, from: i) {
            var j = start + open.count
            guard j < b.count else { break }
            switch b[j] {
            case UInt8(ascii: "="):
                // {{=<% %>=}}: the new delimiters, up to "=" and the current closing one.
                guard let end = Self.find([UInt8(ascii: "=")] + close, in: b, from: j + 1) else { return }
                let after = end + 1 + close.count
                let parts = b[(j + 1)..<end].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
                if parts.count == 2 {
                    open = Array(parts[0])
                    close = Array(parts[1])
                }
                i = after
                continue
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                j += 1
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "*") {
                    dynamic = true
                } else {
                    let nameStart = j
                    while j < b.count, Self.isNameByte(b[j]) { j += 1 }
                    if j > nameStart { names.append(String(decoding: b[nameStart..<j], as: UTF8.self)) }
                }
            default:
                break
            }
            guard let end = Self.find(close, in: b, from: j) else { break }
            i = end + close.count
        }
    }

    /// The characters swift-mustache allows in a partial's name.
    private static func isNameByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "/"):
            true
        default: false
        }
    }

    private static func find(_ needle: [UInt8], in b: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= b.count - needle.count else { return nil }
        var i = start
        while i <= b.count - needle.count {
            if b[i] == needle[0], b[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
