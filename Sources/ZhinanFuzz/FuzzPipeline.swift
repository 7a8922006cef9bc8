import Compiler
import Diagnostics
import Foundation
import Generators

/// One fuzz input run through what `zhinan build` does: load → bind → check → render the
/// diagnostics → generate the public and internal pages, for one item and its catalog.
///
/// The input is split at its first 0xFF byte (never valid in UTF-8, so no real file needs
/// it): the bytes before are `catalog.yaml`, the bytes after are `items/a.yaml`. An input
/// without 0xFF is an item alone, checked against a fixed valid catalog (liwan-yichuang's).
///
/// Besides crashes (which the sanitizers and Swift's own traps turn into reports), it
/// checks what the command line promises: every diagnostic about the input's files names
/// a line and a column, and a catalog without errors always generates its site.
final class FuzzPipeline: @unchecked Sendable {
    static let separator: UInt8 = 0xFF

    let repository: String
    let folder: String
    let fixedCatalog: [UInt8]
    let compiler: CatalogCompiler

    /// `repository` holds `standards/` and `catalogs/`.
    init(repository: String) {
        self.repository = repository
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = base + "/zhinan-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder + "/items", withIntermediateDirectories: true)
        guard let catalog = FileManager.default.contents(atPath: repository + "/catalogs/liwan-yichuang/catalog.yaml") else {
            fatalError("no sample catalog under \(repository); run from the repository or set ZHINAN_REPOSITORY")
        }
        fixedCatalog = [UInt8](catalog)
        compiler = CatalogCompiler(options: CompileOptions(
            load: LoadOptions(jobs: 1), standards: StandardsLocator(explicit: repository + "/standards")))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The repository: `ZHINAN_REPOSITORY`, else the one this file was compiled from.
    static func defaultRepository(_ filePath: String = #filePath) -> String {
        if let env = ProcessInfo.processInfo.environment["ZHINAN_REPOSITORY"], !env.isEmpty { return env }
        return URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// `catalog.yaml` and the item's bytes of an input.
    static func split(_ input: [UInt8]) -> (catalog: [UInt8]?, item: [UInt8]) {
        guard let i = input.firstIndex(of: separator) else { return (nil, input) }
        return (Array(input[..<i]), Array(input[(i + 1)...]))
    }

    /// Runs one input; returns how many diagnostics it gave.
    @discardableResult
    func run(_ input: [UInt8]) -> Int {
        let (catalog, item) = Self.split(input)
        write(catalog ?? fixedCatalog, to: folder + "/catalog.yaml")
        write(item, to: folder + "/items/a.yaml")

        let result = compiler.compile(folder: folder)
        precondition(result.unusable == nil, "the fuzz folder became unusable: \(result.unusable!.en)")
        for d in result.diagnostics {
            guard let span = d.span, span.file.hasPrefix(folder) else { continue }
            precondition(
                span.range.start.line >= 1 && span.range.start.column >= 1,
                "\(d.code) at \(span.range.start.line):\(span.range.start.column) has no position")
            for note in d.notes {
                if let s = note.span { precondition(s.range.start.line >= 1 && s.range.start.column >= 1) }
            }
        }
        // What `zhinan check` prints, in both languages.
        for language in Language.allCases {
            _ = TextRenderer(language: language).render(result.diagnostics, sources: result.sources, fileCount: result.fileCount)
        }

        guard let compiled = result.catalog else { return result.diagnostics.count }
        // `zhinan build` generates only a catalog without errors, and then must succeed; a
        // catalog with errors is generated too (the library allows it) and may only throw.
        let clean = !result.diagnostics.hasErrors
        do {
            let generator = try SiteGenerator(catalog: compiled)
            let files = try generator.publicFiles() + generator.internalFiles()
            precondition(!files.isEmpty)
        } catch {
            precondition(!clean, "a catalog without errors failed to generate: \(error)")
        }
        return result.diagnostics.count
    }

    private func write(_ bytes: [UInt8], to path: String) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write \(path)")
        }
    }
}
