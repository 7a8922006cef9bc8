import Catalog
import Dispatch
import Foundation
import Markup

/// Where one item's pages go, in the output folder (`public/…`, `internal/…`).
public struct ItemPagePaths: Sendable, Equatable {
    public var publicPages: [String]
    public var internalPages: [String]
}

/// The file names of an item's pages in its folder (`items/<事项编码>/`), and of a bundle's
/// (`bundles/<编码>/`): named once, for the writer, the path checks and the build cache.
enum PageNames {
    static let guide = "index.html", checklist = "checklist.html", flow = "flow.html", manual = "manual.html"
    /// The flowchart alone (written only for an item with a flow).
    static let flowSVG = "flow.svg"
    static let itemPublic = [guide, checklist, flow], itemInternal = [manual]
    static let bundlePublic = [guide, checklist]

    static func itemFolder(_ segment: String) -> String { "items/\(segment)/" }
    static func bundleFolder(_ segment: String) -> String { "bundles/\(segment)/" }
}

extension SiteGenerator {
    /// The paths of `item`'s pages, as ``generate(jobs:builder:reusing:stop:write:)`` writes them.
    public func pagePaths(for item: Item) -> ItemPagePaths {
        let dir = PageNames.itemFolder(PathSegment.forCode(item.code))
        let svg = item.flow.isEmpty ? [] : [PageNames.flowSVG]
        return ItemPagePaths(
            publicPages: (PageNames.itemPublic + svg).map { "public/" + dir + $0 },
            internalPages: PageNames.itemInternal.map { "internal/" + dir + $0 })
    }

    /// What `item`'s public pages show of other items: for each 材料库 material it asks for,
    /// the other items that ask for it too (their names and folders, the first few, and how
    /// many) and the material's anchor on the index. With the item's own sources, this is
    /// all its pages depend on, so a cache can key them by it.
    public func sharedMaterialSignature(for item: Item, in builder: PageBuilder) -> [UInt8] {
        var out: [UInt8] = []
        func add(_ s: String) {
            out.append(contentsOf: s.utf8)
            out.append(0)
        }
        let b = builder.publicBuilder
        for m in item.materials {
            guard let id = m.libraryID else { continue }
            add(id)
            add(b.sharedAnchors[id] ?? "")
            let all = b.itemsByLibraryID[id] ?? []
            var shown = 0
            for other in all where other.code != item.code {
                add(other.name)
                add(other.segment)
                shown += 1
                if shown == ViewBuilder.maxSharedLinks { break }
            }
            add(String(all.count - (b.refsByLibraryID[id]?[item.code] ?? 0)))
        }
        return out
    }

    /// The lookups pages are made with, prepared once for a catalog.
    public struct PageBuilder: Sendable {
        /// The catalog's public view (``Catalog/publicView()``), made once for all the pages.
        public let view: Catalog
        let publicBuilder: ViewBuilder
        let internalBuilder: ViewBuilder
    }

    public func pageBuilder() -> PageBuilder {
        let view = catalog.publicView()
        var publicBuilder = ViewBuilder(catalog: view), internalBuilder = ViewBuilder(catalog: catalog)
        publicBuilder.buildDate = buildDate
        internalBuilder.buildDate = buildDate
        return PageBuilder(view: view, publicBuilder: publicBuilder, internalBuilder: internalBuilder)
    }

    /// Makes both outputs and hands each file to `write` (path under `public/` or
    /// `internal/`, contents) as soon as it is made, so the site is never held in memory
    /// whole; ``files()`` is the same collected. Output is the same whatever `jobs` is.
    ///
    /// Work is spread over `jobs` threads in units taken in turn: the exporters' public
    /// files, their internal files (the largest units, so they start first), each of the
    /// site's own pages (index, search index, booklet, window lists), each bundle's pages,
    /// then each item's pages. An item's public or internal pages are skipped when
    /// `reusing` says so (the caller has them already). Every path is checked (safe, and not
    /// used twice) before anything is handed to `write`; an exporter's paths, known only as
    /// its files are made, are checked before each is written. Returns how many HTML pages
    /// the site has, written or not.
    ///
    /// When `stop` returns true, no further unit is begun: those under way finish, and
    /// `CancellationError` is thrown. What was written is then whole per unit (an item's
    /// pages, a bundle's, one site page) but not as a site.
    public func generate(
        jobs: Int, builder: PageBuilder? = nil,
        reusing: @Sendable (_ item: Item, _ audience: Audience) -> Bool = { _, _ in false },
        stop: @Sendable () -> Bool = { false },
        write: @Sendable (String, [UInt8]) throws -> Void
    ) throws -> Int {
        let builder = builder ?? pageBuilder()
        let pb = builder.publicBuilder, ib = builder.internalBuilder
        let bundles = builder.view.bundles

        // The site's own pages, each made by a worker as one unit (they read every item, so
        // they are the largest units but the exporters'), and its assets, made here.
        var sitePages: [SitePage] = []
        func page(_ audience: Audience, _ path: String, _ make: @escaping @Sendable () throws -> [UInt8]) {
            sitePages.append(SitePage(audience: audience, paths: [path]) { [try make()] })
        }
        page(.public, "index.html") { try render("index", pb.index()) }
        // The search index, and the same as a script the index page loads: it works from
        // file:// (a kiosk, a USB copy), where the JSON cannot be fetched.
        sitePages.append(SitePage(audience: .public, paths: ["search-index.json", "search-index.js"]) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let searchJSON = String(decoding: try encoder.encode(pb.searchIndex()), as: UTF8.self)
            return [Array(searchJSON.utf8), Array("window.ZHINAN_SEARCH_INDEX = \(Markup.jsonInScript(searchJSON));\n".utf8)]
        })
        page(.public, "booklet.html") { try render("booklet", pb.booklet()) }
        for w in builder.view.windows {
            page(.public, pb.windowListPath(w)) { try render("window-list", pb.windowList(w, isInternal: false)) }
        }
        for w in catalog.windows {
            page(.internal, ib.windowListPath(w)) { try render("window-list", ib.windowList(w, isInternal: true)) }
        }
        let reports = exporters.flatMap { $0.indexLinks(for: .internal) }
        page(.internal, "index.html") { try render("manual-index", ib.manualIndex(reports: reports)) }
        let assets = try assetFiles()
        var site: [(Audience, OutputFile)] = assets.map { (.public, $0) }
        site += assets.filter { $0.path != "assets/search.js" && $0.path != "assets/scenario.js" }.map { (.internal, $0) }

        // Every path the site will have but the exporters'.
        var paths: [Audience: [String]] = [.public: [], .internal: []]
        for p in sitePages { paths[p.audience]! += p.paths }
        for (audience, file) in site { paths[audience]!.append(file.path) }
        for item in catalog.items {
            let dir = PageNames.itemFolder(pb.segment(item))
            paths[.public]! += PageNames.itemPublic.map { dir + $0 }
            if !item.flow.isEmpty { paths[.public]!.append(dir + PageNames.flowSVG) }
            paths[.internal]! += PageNames.itemInternal.map { dir + $0 }
        }
        for bundle in bundles {
            let dir = PageNames.bundleFolder(pb.segment(bundle))
            paths[.public]! += PageNames.bundlePublic.map { dir + $0 }
        }
        try Self.checkPaths(paths[.public]!)
        try Self.checkPaths(paths[.internal]!)
        for (audience, file) in site {
            try write(audience.rawValue + "/" + file.path, file.contents)
        }

        // Units 0 and 1: the exporters' public and internal files (the largest, so they
        // start first); then one unit per site page, one per bundle, one per item. Each
        // worker takes the next unit when it is done with one. A site page's error is the
        // one reported before an exporter's, as when they were made before anything else.
        let (publicPaths, internalPaths) = (paths[.public]!, paths[.internal]!)
        let pages = sitePages
        let pagesEnd = 2 + pages.count
        let units = pagesEnd + bundles.count + catalog.items.count
        let errors = FirstError()
        let next = UnitCounter()
        DispatchQueue.concurrentPerform(iterations: min(max(1, jobs), units)) { _ in
            while !errors.isSet {
                if stop() {
                    errors.set(CancellationError(), at: -1)
                    break
                }
                guard let unit = next.take(below: units) else { break }
                do {
                    switch unit {
                    case 0: try writeExports(.public, besides: publicPaths, builder: builder, write: write)
                    case 1: try writeExports(.internal, besides: internalPaths, builder: builder, write: write)
                    case ..<pagesEnd:
                        let page = pages[unit - 2]
                        for (path, contents) in zip(page.paths, try page.make()) {
                            try write(page.audience.rawValue + "/" + path, contents)
                        }
                    case ..<(pagesEnd + bundles.count): try writeBundlePages(bundles[unit - pagesEnd], builder: builder, write: write)
                    default: try writeItemPages(unit - pagesEnd - bundles.count, builder: builder, reusing: reusing, write: write)
                    }
                } catch {
                    errors.set(error, at: unit < 2 ? pages.count + unit : unit < pagesEnd ? unit - 2 : unit)
                }
            }
        }
        if let error = errors.first { throw error }
        return (publicPaths + internalPaths).count { $0.hasSuffix(".html") }
    }

    /// The exporters' files for `audience`, each path checked (safe, and not among `taken`
    /// or an earlier export) before it is written: they are known only as they are made.
    private func writeExports(
        _ audience: Audience, besides taken: [String], builder: PageBuilder, write: (String, [UInt8]) throws -> Void
    ) throws {
        var seen = Set(taken)
        for exporter in exporters {
            try exporter.export(for: audience == .public ? builder.view : catalog, audience: audience) { file in
                try Self.checkPaths([file.path])
                guard seen.insert(file.path).inserted else { throw GeneratorError.duplicatePath(file.path) }
                try write(audience.rawValue + "/" + file.path, file.contents)
            }
        }
    }

    /// A bundle's guide and checklist.
    private func writeBundlePages(
        _ bundle: ServiceBundle, builder: PageBuilder, write: (String, [UInt8]) throws -> Void
    ) throws {
        let pb = builder.publicBuilder
        let dir = "public/" + PageNames.bundleFolder(pb.segment(bundle))
        try write(dir + PageNames.guide, try render("bundle", pb.bundleGuide(bundle)))
        try write(dir + PageNames.checklist, try render("bundle-checklist", pb.bundleChecklist(bundle)))
    }

    /// The pages of the catalog's item number `index` that `reusing` does not skip.
    private func writeItemPages(
        _ index: Int, builder: PageBuilder, reusing: (Item, Audience) -> Bool, write: (String, [UInt8]) throws -> Void
    ) throws {
        let full = catalog.items[index]
        try writeItemPages(
            builder.view.items[index], full, builder: builder, newPublic: !reusing(full, .public), newInternal: !reusing(full, .internal),
            write: write)
    }

    /// The pages of `full` (an item as compiled, internal elements and all) made with
    /// `builder`, whose catalog may hold an older version of it: what `zhinan serve` writes
    /// first for a saved item, before the whole site is made again. Paths and bytes are
    /// those ``generate(jobs:builder:reusing:stop:write:)`` writes when `builder`'s catalog
    /// holds `full` and the other items are as they were.
    public func itemPages(of full: Item, builder: PageBuilder) throws -> [OutputFile] {
        var files: [OutputFile] = []
        try writeItemPages(
            full.removing(Set(catalog.internalElements)), full, builder: builder, newPublic: true, newInternal: true
        ) { path, bytes in files.append(OutputFile(path: path, contents: bytes)) }
        return files
    }

    /// The public pages of `item` (the public view of `full`) when `newPublic`, and the
    /// manual of `full` when `newInternal`; the flowchart is laid out once for all of them.
    private func writeItemPages(
        _ item: Item, _ full: Item, builder: PageBuilder, newPublic: Bool, newInternal: Bool,
        write: (String, [UInt8]) throws -> Void
    ) throws {
        let pb = builder.publicBuilder, ib = builder.internalBuilder
        let dir = PageNames.itemFolder(pb.segment(item))
        // Laying out the flowchart is most of an item's cost: only for pages made again.
        guard newPublic || newInternal else { return }
        let publicFlow = newPublic || full.flow == item.flow ? pb.flow(item) : nil
        if newPublic {
            try write("public/" + dir + PageNames.guide, try render("guide", pb.guide(item, flowView: publicFlow)))
            try write("public/" + dir + PageNames.checklist, try render("checklist", pb.checklist(item)))
            try write("public/" + dir + PageNames.flow, try render("flow", pb.flowPage(item, flowView: publicFlow)))
            if let svg = publicFlow?.svgHTML {
                try write("public/" + dir + PageNames.flowSVG, Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n").utf8))
            }
        }
        if newInternal {
            let internalFlow = full.flow == item.flow ? publicFlow : ib.flow(full)
            try write("internal/" + dir + PageNames.manual, try render("manual", ib.manual(full, flowView: internalFlow)))
        }
    }

    /// The bundled and theme assets, as `assets/<name>`.
    func assetFiles() throws -> [OutputFile] {
        try theme.allAssetNames.map { OutputFile(path: "assets/\($0)", contents: try theme.file(named: $0)) }
    }

    /// The checks every output path passes: none unsafe (absolute, empty, `.` or `..`
    /// parts), none twice.
    static func checkPaths(_ paths: [String]) throws {
        let sorted = paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var previous: String? = nil
        for path in sorted {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.isEmpty || path.hasPrefix("/") || parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
                throw GeneratorError.unsafePath(path)
            }
            if path == previous { throw GeneratorError.duplicatePath(path) }
            previous = path
        }
    }
}

/// One or more of the site's own files (not an item's or a bundle's), made together.
private struct SitePage: Sendable {
    var audience: Audience
    var paths: [String]
    /// The contents of each of `paths`, in order.
    var make: @Sendable () throws -> [[UInt8]]
}

/// Hands out the numbers 0, 1, 2 … once each, to whichever worker asks first.
private final class UnitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// The error of the earliest unit that failed, whatever order the workers ran in.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    private var index = Int.max

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return error != nil
    }

    var first: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }

    func set(_ e: any Error, at i: Int) {
        lock.lock()
        if i < index {
            index = i
            error = e
        }
        lock.unlock()
    }
}
