import Catalog
import Foundation
import Mustache

/// Generates the guide website (public) and the business manuals (internal) from a catalog,
/// in memory.
///
/// Public files are made from ``Catalog/publicView()`` only, so no internal element can reach
/// them; the internal files are made from the full catalog. Output is sorted by path and is
/// byte-identical for the same catalog and theme.
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
    private let library: MustacheLibrary
    /// The same templates for the fast renderer (FastMustache.swift), when it can read them
    /// all; pages it cannot reproduce go to swift-mustache.
    let fastLibrary: FastLibrary?

    public init(catalog: Catalog, theme: Theme = .standard, exporters: [any SiteExporter] = [])
        throws
    {
        try self.init(catalog: catalog, theme: theme, exporters: exporters, fastRendering: true)
    }

    /// `fastRendering: false` renders every page with swift-mustache, to compare.
    init(catalog: Catalog, theme: Theme, exporters: [any SiteExporter], fastRendering: Bool) throws {
        try theme.validate()
        self.catalog = catalog
        self.theme = theme
        self.exporters = exporters
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for name in Theme.templateNames + theme.addedTemplateNames {
            let bytes = try theme.file(named: name)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw GeneratorError.invalidUTF8(name)
            }
            do {
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(9)))
            } catch {
                throw GeneratorError.templateSyntax(file: name, message: "\(error)")
            }
            sources[String(name.dropLast(9))] = text
        }
        self.library = library
        fastLibrary = fastRendering ? try? FastLibrary(sources) : nil
    }

    /// The files of `OUT/public`, sorted by path.
    public func publicFiles() throws -> [OutputFile] {
        let view = catalog.publicView()
        let b = ViewBuilder(catalog: view)
        var files: [OutputFile] = []
        files.append(OutputFile(path: "index.html", contents: try render("index", b.index())))
        files += try parallelMap(view.items) { item in
            let dir = "items/\(b.segment(item))/"
            return [
                OutputFile(path: dir + "index.html", contents: try render("guide", b.guide(item))),
                OutputFile(path: dir + "checklist.html", contents: try render("checklist", b.checklist(item))),
                OutputFile(path: dir + "flow.html", contents: try render("flow", b.flowPage(item))),
            ]
        }.joined()
        files += try parallelMap(view.bundles) { bundle in
            let dir = "bundles/\(b.segment(bundle))/"
            return [
                OutputFile(path: dir + "index.html", contents: try render("bundle", b.bundleGuide(bundle))),
                OutputFile(path: dir + "checklist.html", contents: try render("bundle-checklist", b.bundleChecklist(bundle))),
            ]
        }.joined()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        files.append(OutputFile(path: "search-index.json", contents: Array(try encoder.encode(b.searchIndex()))))
        files += try assets()
        for exporter in exporters { files += try exporter.files(for: view, audience: .public) }
        return try finish(files)
    }

    /// The files of `OUT/internal`, sorted by path.
    public func internalFiles() throws -> [OutputFile] {
        let b = ViewBuilder(catalog: catalog)
        var files: [OutputFile] = []
        files.append(OutputFile(path: "index.html", contents: try render("manual-index", b.manualIndex())))
        files += try parallelMap(catalog.items) { item in
            OutputFile(path: "items/\(b.segment(item))/manual.html", contents: try render("manual", b.manual(item)))
        }
        files.append(contentsOf: try assets().filter { $0.path != "assets/search.js" })
        for exporter in exporters { files += try exporter.files(for: catalog, audience: .internal) }
        return try finish(files)
    }

    /// `transform` applied to each element, spread over the cores; results in input order,
    /// and the first error in input order, so output does not depend on scheduling.
    private func parallelMap<T: Sendable, R: Sendable>(
        _ input: [T], _ transform: @escaping @Sendable (T) throws -> R
    ) throws -> [R] {
        let slots = Slots<R>(input.count)
        let chunk = 16
        let chunks = (input.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (c * chunk)..<min(input.count, (c + 1) * chunk)
            var local: [Result<R, any Error>] = []
            for i in range { local.append(Result { try transform(input[i]) }) }
            slots.lock.lock()
            for (i, r) in zip(range, local) { slots.results[i] = r }
            slots.lock.unlock()
        }
        return try slots.results.map { try $0!.get() }
    }

    private func assets() throws -> [OutputFile] {
        try theme.allAssetNames.map { OutputFile(path: "assets/\($0)", contents: try theme.file(named: $0)) }
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

    private func finish(_ files: [OutputFile]) throws -> [OutputFile] {
        let sorted = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var previous: String? = nil
        for f in sorted {
            let parts = f.path.split(separator: "/", omittingEmptySubsequences: false)
            if f.path.isEmpty || f.path.hasPrefix("/") || parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
                throw GeneratorError.unsafePath(f.path)
            }
            if f.path == previous { throw GeneratorError.duplicatePath(f.path) }
            previous = f.path
        }
        return sorted
    }
}

/// Results written by concurrent workers, each slot once, under a lock.
private final class Slots<R>: @unchecked Sendable {
    let lock = NSLock()
    var results: [Result<R, any Error>?]
    init(_ n: Int) { results = Array(repeating: nil, count: n) }
}
