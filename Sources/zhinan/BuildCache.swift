import Catalog
import Compiler
import Diagnostics
import Foundation
import Generators
import Publishing

/// What `build` keeps in OUT/.zhinan-cache, beside the output it describes, so that a build
/// of unchanged inputs does nothing and a build after a change redoes only what changed.
///
/// - `inputs`: the digest of everything the output depends on: every file of the catalog
///   and of its standards folder, the settings that change the result, the theme, and
///   zhinan itself (its executable and bundled templates).
/// - `summary.json`: the diagnostics of that build (warnings; a build with errors writes
///   nothing) and its counts, replayed when the inputs are unchanged.
/// - `pages`: for each item, the digests its public and internal pages were made from.
///
/// The cache is written into the new output before it is swapped in, so it always
/// describes the output it sits in. With the same inputs digest, the build prints what the
/// last one printed and leaves OUT as it is. Otherwise the catalog is compiled, and an
/// item whose digests are unchanged has its pages carried over (hard links) instead of
/// made again; the site's index pages are always made again.
final class BuildCache: @unchecked Sendable {
    static let folder = ".zhinan-cache"

    let catalogFolder: String
    let output: String
    let options: CompileOptionGroup
    /// nil when the inputs could not all be read: then there is no cache, only a full build.
    let fingerprint: InputFingerprint?
    private(set) var compiled: CompilationResult?

    init(catalog: String, output: String, theme: Theme, buildDate: BuildDate? = nil, options: CompileOptionGroup) {
        catalogFolder = catalog
        self.output = output
        self.options = options
        fingerprint = Self.toolAndTheme(theme).flatMap { extra in
            // What is printed depends on --max-diagnostics too, every page on the build date.
            let settings = "\nmax-diagnostics \(options.maxDiagnostics)\nbuild-date \(buildDate?.description ?? "-")"
            return options.compiler.fingerprint(folder: catalog, extra: Array((extra + settings).utf8))
        }
    }

    /// zhinan itself (its executable, its bundled templates and assets) and the theme.
    private static func toolAndTheme(_ theme: Theme) -> String? {
        var h = ContentHash()
        h.update(string: Zhinan.configuration.version)
        guard let exe = FileManager.default.contents(atPath: "/proc/self/exe") else { return nil }
        h.update(Array(exe))
        for name in Theme.templateNames + Theme.assetNames {
            guard let bytes = try? Theme.bundledFile(named: name) else { return nil }
            h.update(string: name)
            h.update(bytes)
        }
        for name in theme.overrides.keys.sorted() {
            h.update(string: name)
            h.update(theme.overrides[name]!)
        }
        return h.finalize()
    }

    // MARK: Unchanged inputs

    struct Summary: Codable {
        var items: Int
        var bundles: Int
        var pages: Int
        var fileCount: Int
        var diagnostics: [StoredDiagnostic]
        /// The diagnostics --max-diagnostics left out; absent when none were.
        var omitted: DiagnosticTally?
    }

    /// What the last build printed, when OUT is that build's output and nothing it was made
    /// from has changed since.
    func unchanged() -> (result: CompilationResult, summary: Summary)? {
        guard let fingerprint else { return nil }
        let dir = output + "/" + Self.folder + "/"
        guard FileManager.default.fileExists(atPath: output + "/" + SitePublisher.markerName),
              let stored = FileManager.default.contents(atPath: dir + "inputs"),
              String(decoding: stored, as: UTF8.self) == fingerprint.digest,
              let data = FileManager.default.contents(atPath: dir + "summary.json"),
              let summary = try? JSONDecoder().decode(Summary.self, from: data),
              attachmentsUnchanged(dir)
        else { return nil }
        var diagnostics: [Diagnostic] = []
        for d in summary.diagnostics {
            guard let diagnostic = d.diagnostic else { return nil }
            diagnostics.append(diagnostic)
        }
        let sources = CatalogCompiler.quotedSources(
            for: diagnostics, files: Set(fingerprint.files.keys), maxFileSize: options.maxFileSize)
        var result = CompilationResult(diagnostics: diagnostics, sources: sources, fileCount: summary.fileCount)
        result.omitted = summary.omitted ?? DiagnosticTally()
        return (result, summary)
    }

    // MARK: Building

    /// Compiles the catalog, keeping the result for the cache.
    func compile(_ folder: String) -> CompilationResult {
        let result = options.compiler.compile(folder: folder)
        compiled = result
        return result
    }

    /// Writes the site `generator` makes into OUT, carrying over the pages of items whose
    /// inputs are unchanged, with a new cache; returns how many pages the site has.
    func publish(_ generator: SiteGenerator, force: Bool, jobs: Int) throws -> Int {
        let staging = try SitePublisher(destination: output, force: force).stage()
        do {
            let builder = generator.pageBuilder()
            let keys = pageKeys(generator, builder)
            let previous = staging.previousFile(Self.folder + "/pages").map(Self.readPages) ?? [:]
            let pages = try generator.generate(
                jobs: jobs, builder: builder,
                reusing: { item, audience in
                    guard let new = keys[item.code], let old = previous[item.code] else { return false }
                    let paths = generator.pagePaths(for: item)
                    switch audience {
                    case .public: return new.public == old.public && Self.carryOver(paths.publicPages, staging)
                    case .internal: return new.internal == old.internal && Self.carryOver(paths.internalPages, staging)
                    }
                },
                write: { path, bytes in try staging.write(path, bytes) })
            let attachments = try copyAttachments(generator.catalog, staging)
            try staging.write(Self.folder + "/attachments", Array(attachments.utf8))
            if let fingerprint, let compiled {
                try writeCache(staging, fingerprint: fingerprint, compiled: compiled, keys: keys, items: generator.catalog.items.count, pages: pages)
            }
            try staging.commit()
            return pages
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Copies the files the items name (空表, 样表, 审批结果's 样本) from the catalog folder
    /// into the site at `attachments/<path>`: those of public elements into public/, all of
    /// them into internal/. Each is checked again as compiling checked it (a regular file
    /// inside the catalog folder, reached by no link that leaves it). Returns the cache's
    /// record of them: `path<TAB>digest` lines.
    private func copyAttachments(_ catalog: Catalog, _ staging: SiteStaging) throws -> String {
        let all = catalog.attachments
        let published = Set(catalog.publicView().attachments)
        var record = ""
        for path in all {
            // Read once, never through a link: the bytes written are the bytes recorded.
            guard let source = CatalogCompiler.attachmentSource(path, in: catalogFolder),
                  let bytes = SiteStaging.readRegularFile(source, limit: Attachments.maxBytes)
            else { throw PublishError.io(zh: "无法读取附件“\(path)”", en: "cannot read the attachment \"\(path)\"") }
            if published.contains(path) { try staging.write("public/" + Attachments.sitePath(path), bytes) }
            try staging.write("internal/" + Attachments.sitePath(path), bytes)
            // A path that would not read back makes a line that never matches: always rebuilt.
            record += path.contains("\t") || path.contains("\n") ? "-\n" : "\(path)\t\(ContentHash.digest(bytes))\n"
        }
        return record
    }

    /// Whether the attachments recorded in the cache at `dir` are still as they were: the
    /// inputs digest covers the YAML that names them, not the files themselves.
    private func attachmentsUnchanged(_ dir: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: dir + "attachments") else { return false }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, let source = CatalogCompiler.attachmentSource(String(parts[0]), in: catalogFolder),
                  let bytes = FileManager.default.contents(atPath: source), ContentHash.digest(Array(bytes)) == parts[1]
            else { return false }
        }
        return true
    }

    /// Links all of `paths` from the previous output, or none.
    private static func carryOver(_ paths: [String], _ staging: SiteStaging) -> Bool {
        // When one cannot be linked, all are written afresh (into new files, never through
        // the links already made).
        paths.allSatisfy { staging.reuse($0) }
    }

    /// For each item, the digests of what its public and its internal pages are made of:
    /// the common inputs, the item's file, and (public pages) what they show of other items.
    private func pageKeys(_ generator: SiteGenerator, _ builder: SiteGenerator.PageBuilder) -> [String: (public: String, internal: String)] {
        guard let fingerprint, let compiled else { return [:] }
        return Self.pageKeys(generator, builder, common: fingerprint.commonDigest, itemSources: compiled.itemSources, digests: fingerprint.files)
    }

    /// The page digests of every item whose file (`itemSources`) has a digest in `digests`,
    /// on top of `common`: what `build`'s cache and `serve` compare to keep pages.
    static func pageKeys(
        _ generator: SiteGenerator, _ builder: SiteGenerator.PageBuilder, common: String,
        itemSources: [String: String], digests: [String: String]
    ) -> [String: (public: String, internal: String)] {
        var keys: [String: (public: String, internal: String)] = [:]
        for item in generator.catalog.items {
            guard let file = itemSources[item.code], let digest = digests[file] else { continue }
            var h = ContentHash()
            h.update(string: common)
            h.update(string: digest)
            let own = h.finalize()
            var p = ContentHash()
            p.update(string: own)
            p.update(generator.sharedMaterialSignature(for: item, in: builder))
            keys[item.code] = (p.finalize(), own)
        }
        return keys
    }

    private static func readPages(_ bytes: [UInt8]) -> [String: (public: String, internal: String)] {
        var out: [String: (public: String, internal: String)] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            out[String(parts[0])] = (String(parts[1]), String(parts[2]))
        }
        return out
    }

    private func writeCache(
        _ staging: SiteStaging, fingerprint: InputFingerprint, compiled: CompilationResult,
        keys: [String: (public: String, internal: String)], items: Int, pages: Int
    ) throws {
        let summary = Summary(
            items: items, bundles: compiled.catalog?.bundles.count ?? 0, pages: pages, fileCount: compiled.fileCount,
            diagnostics: compiled.diagnostics.map(StoredDiagnostic.init), omitted: compiled.omitted.total > 0 ? compiled.omitted : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try staging.write(Self.folder + "/summary.json", Array(try encoder.encode(summary)))
        var lines = ""
        for code in keys.keys.sorted() {
            // Codes with a tab or a line break would not read back; such items are simply made again.
            guard !code.contains("\t"), !code.contains("\n") else { continue }
            lines += "\(code)\t\(keys[code]!.public)\t\(keys[code]!.internal)\n"
        }
        try staging.write(Self.folder + "/pages", Array(lines.utf8))
        try staging.write(Self.folder + "/inputs", Array(fingerprint.digest.utf8))
    }
}

/// A diagnostic as the cache stores it.
struct StoredDiagnostic: Codable {
    var code: String
    var severity: Severity
    var file: String?
    var range: SourceRange?
    var zh: String
    var en: String
    var notes: [StoredNote]
    /// ``Diagnostic/more``, when not 0.
    var more: Int?

    struct StoredNote: Codable {
        var zh: String
        var en: String
        var file: String?
        var range: SourceRange?
    }

    init(_ d: Diagnostic) {
        code = d.code
        severity = d.severity
        file = d.span?.file
        range = d.span?.range
        zh = d.message.zh
        en = d.message.en
        notes = d.notes.map { StoredNote(zh: $0.message.zh, en: $0.message.en, file: $0.span?.file, range: $0.span?.range) }
        more = d.more > 0 ? d.more : nil
    }

    var diagnostic: Diagnostic? {
        guard let registered = DiagnosticRegistry.zhinan.code(code) else { return nil }
        func span(_ file: String?, _ range: SourceRange?) -> SourceSpan? {
            guard let file, let range else { return nil }
            return SourceSpan(file: file, range: range)
        }
        var d = Diagnostic(
            registered, severity: severity, at: span(file, range), message: LocalizedText(zh: zh, en: en),
            notes: notes.map { DiagnosticNote(LocalizedText(zh: $0.zh, en: $0.en), at: span($0.file, $0.range)) })
        d.more = more ?? 0
        return d
    }
}
