import Catalog

/// A file a generator produces, held in memory; the caller decides where and how to write it.
public struct OutputFile: Sendable, Equatable {
    /// The path relative to the output folder, `/`-separated, never absolute and never with
    /// `..` segments.
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}

/// Which output a file is for.
public enum Audience: String, Sendable, Equatable, CaseIterable {
    /// `OUT/public`: made from ``Catalog/publicView()`` only.
    case `public`
    /// `OUT/internal`: for staff, made from the full catalog.
    case `internal`
}

/// The seam for outputs other than the HTML site (catalog.json, catalog.xml, their schemas
/// …): an exporter is handed the catalog as the audience may see it, the public view for the
/// public output and the full catalog for the internal one, and returns its files, which
/// ``SiteGenerator`` merges into the output. An exporter never gets to choose which view it sees.
public protocol SiteExporter: Sendable {
    func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile]

    /// The same files, handed to `write` one at a time as each is made, so that a large
    /// export need not be held together with the others (``SiteGenerator/generate(jobs:builder:reusing:stop:write:)``
    /// streams them). The default hands over what ``files(for:audience:)`` returns.
    func export(for catalog: Catalog, audience: Audience, into write: (OutputFile) throws -> Void) throws

    /// Pages among this exporter's files that the audience's index links to (the internal
    /// index only, so far). The default: none.
    func indexLinks(for audience: Audience) -> [IndexLink]
}

/// A link from an index page to an exporter's page.
public struct IndexLink: Sendable, Equatable {
    /// The page's path, as in its ``OutputFile``.
    public var path: String
    public var title: String
    public init(path: String, title: String) {
        self.path = path
        self.title = title
    }
}

extension SiteExporter {
    public func indexLinks(for audience: Audience) -> [IndexLink] { [] }

    public func export(for catalog: Catalog, audience: Audience, into write: (OutputFile) throws -> Void) throws {
        for file in try files(for: catalog, audience: audience) { try write(file) }
    }
}

/// What can go wrong while generating.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    /// A bundled template or asset is missing from the resource bundle (a packaging bug).
    case missingResource(String)
    /// A theme file name is not a plain file name (it has a `/`, starts with `.` …).
    case invalidThemeFileName(String)
    /// A template or asset is not valid UTF-8.
    case invalidUTF8(String)
    /// A template does not parse.
    case templateSyntax(file: String, message: String)
    /// A template needed for a page is missing.
    case missingTemplate(String)
    /// Templates include each other in a cycle: the files, the first repeated at the end.
    case recursivePartial([String])
    /// A template names a partial from page data (`{{>*name}}`).
    case dynamicPartial(String)
    /// Two files of one output have the same path.
    case duplicatePath(String)
    /// An exporter returned a path that is absolute or leaves the output folder.
    case unsafePath(String)

    public var description: String { message(chinese: false) }

    /// The message, in Chinese or in English.
    public func message(chinese zh: Bool) -> String {
        switch self {
        case .missingResource(let name):
            zh ? "缺少内置资源“\(name)”" : "bundled resource '\(name)' is missing"
        case .invalidThemeFileName(let name):
            zh ? "主题文件名“\(name)”不是单纯的文件名" : "theme file name '\(name)' is not a plain file name"
        case .invalidUTF8(let name):
            zh ? "主题文件 \(name) 不是有效的 UTF-8" : "theme file \(name) is not valid UTF-8"
        case .templateSyntax(let file, let message):
            zh ? "主题模板 \(file)，\(message)" : "theme template \(file), \(message)"
        case .missingTemplate(let name):
            zh ? "缺少模板 \(name)" : "template '\(name)' is missing"
        case .recursivePartial(let files) where files.count == 2:
            zh
                ? "主题模板 \(files[0]) 包含了自己：\(files.joined(separator: " → "))"
                : "theme template \(files[0]) includes itself: \(files.joined(separator: " → "))"
        case .recursivePartial(let files):
            zh
                ? "主题模板 \(files[0]) 经由其他模板包含了自己：\(files.joined(separator: " → "))"
                : "theme template \(files[0]) includes itself through other templates: \(files.joined(separator: " → "))"
        case .dynamicPartial(let file):
            zh
                ? "主题模板 \(file) 用页面数据指定要包含的模板（{{>*…}}），目录内容就能选择模板；请直接写出模板名"
                : "theme template \(file) names a partial from page data ({{>*…}}), which a catalog could choose; name the partial"
        case .duplicatePath(let path):
            zh ? "两个输出文件的路径都是“\(path)”" : "two output files have the path '\(path)'"
        case .unsafePath(let path):
            zh ? "输出路径“\(path)”是绝对路径或离开了输出文件夹" : "output path '\(path)' is absolute or leaves the output folder"
        }
    }
}
