import Catalog
import Foundation
import Mustache

/// Generates the guide website (public) and the business manuals (internal) from a catalog:
/// streamed to a writer by ``generate(jobs:builder:reusing:stop:write:)`` (what `zhinan build`
/// uses), or collected in memory by ``files()``.
///
/// Public files are made from ``Catalog/publicView()`` only, so no internal element can reach
/// them; the internal files are made from the full catalog. Output is sorted by path and is
/// byte-identical for the same catalog, theme and ``buildDate``.
///
/// Public output:
/// - `index.html`: the catalog by 窗口类别 and by 实施机关, shared materials, search
/// - `items/<事项编码>/index.html`: the applicant guide (办事指南)
/// - `items/<事项编码>/checklist.html`: the acceptance checklist (受理清单) and the
///   one-time notice (一次性告知单)
/// - `items/<事项编码>/flow.html`: the flowchart on its own
/// - `bundles/<编码>/index.html` and `checklist.html`: each 一件事's guide, and its
///   checklist for the comprehensive window with its one-time notice
/// - `search-index.json`, `assets/site.css`, `assets/search.js` (and any asset a theme adds)
/// - whatever the ``SiteExporter``s return for the public view
///
/// Internal output:
/// - `index.html`: the list of manuals
/// - `items/<事项编码>/manual.html`: the business manual (业务手册)
/// - `assets/site.css` (and any asset a theme adds), so the pages look right on their own
/// - whatever the ``SiteExporter``s return for the full catalog
///
/// `<事项编码>` is the code itself when it is a safe file name (as profile patterns make it);
/// otherwise unsafe characters become `_` and a hash of the code is appended.
public struct SiteGenerator: Sendable {
    public let catalog: Catalog
    public let theme: Theme
    public let exporters: [any SiteExporter]
    /// The day printed pages say they were made ("生成于"); nil prints no date. Set it from
    /// `SOURCE_DATE_EPOCH`, never from the clock: the output stays byte-identical.
    public var buildDate: BuildDate?
    private let library: MustacheLibrary
    /// The fast renderer's templates; nil renders every page with swift-mustache.
    let fastLibrary: FastLibrary?

    public init(catalog: Catalog, theme: Theme = .standard, exporters: [any SiteExporter] = [])
        throws
    {
        self.init(catalog: catalog, templates: try SiteTemplates(theme), exporters: exporters)
    }

    /// `fastRendering: false` renders every page with swift-mustache, to compare (and for
    /// Benchmarks/renderers.sh, through `ZHINAN_RENDERER=swift-mustache`).
    @_spi(Benchmarks) public init(catalog: Catalog, theme: Theme, exporters: [any SiteExporter], fastRendering: Bool) throws {
        self.init(catalog: catalog, templates: try SiteTemplates(theme, fastRendering: fastRendering), exporters: exporters)
    }

    /// With templates parsed already.
    init(catalog: Catalog, templates: SiteTemplates, exporters: [any SiteExporter] = []) {
        self.catalog = catalog
        self.theme = templates.theme
        self.exporters = exporters
        library = templates.library
        fastLibrary = templates.fastLibrary
    }

    /// The same theme, templates and exporters for `catalog`, without parsing the templates
    /// again (`zhinan serve` rebuilds with it after each save).
    public func with(catalog: Catalog) -> SiteGenerator {
        SiteGenerator(catalog: catalog, sharing: self)
    }

    private init(catalog: Catalog, sharing other: SiteGenerator) {
        self.catalog = catalog
        theme = other.theme
        exporters = other.exporters
        buildDate = other.buildDate
        library = other.library
        fastLibrary = other.fastLibrary
    }

    /// The files of `OUT/public`, sorted by path.
    public func publicFiles() throws -> [OutputFile] { try files().public }

    /// The files of `OUT/internal`, sorted by path.
    public func internalFiles() throws -> [OutputFile] { try files().internal }

    /// Both outputs in memory, each sorted by path: what ``generate(jobs:builder:reusing:stop:write:)``
    /// writes, collected (the one place that decides what the site holds).
    public func files() throws -> (public: [OutputFile], internal: [OutputFile]) {
        let collected = CollectedFiles()
        _ = try generate(jobs: ProcessInfo.processInfo.activeProcessorCount) { path, bytes in
            collected.add(path, bytes)
        }
        return (collected.files(under: .public), collected.files(under: .internal))
    }

    /// The page `template` makes of `value`, as UTF-8.
    func render(_ template: String, _ value: Any) throws -> [UInt8] {
        if let fastLibrary, let parent = value as? any FastParent,
           let bytes = fastLibrary.render(parent, withTemplate: template) {
            return bytes
        }
        guard let text = library.render(value, withTemplate: template) else {
            throw GeneratorError.missingTemplate(template + ".mustache")
        }
        return Array(text.utf8)
    }
}

/// The files ``SiteGenerator/generate(jobs:builder:reusing:stop:write:)`` hands over, gathered from
/// its workers under a lock.
private final class CollectedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: [UInt8]] = [:]

    func add(_ path: String, _ bytes: [UInt8]) {
        lock.lock()
        byPath[path] = bytes
        lock.unlock()
    }

    /// The files under `audience`'s folder, with paths relative to it, sorted.
    func files(under audience: Audience) -> [OutputFile] {
        let prefix = audience.rawValue + "/"
        return byPath.compactMap { path, bytes in
            path.hasPrefix(prefix) ? OutputFile(path: String(path.dropFirst(prefix.count)), contents: bytes) : nil
        }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
