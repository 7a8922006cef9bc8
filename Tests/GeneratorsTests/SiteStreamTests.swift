import Catalog
import Foundation
import Testing

@testable import Generators

/// `generate(jobs:…)`, the streaming writer `zhinan build` uses, writes exactly the files of
/// `publicFiles()` and `internalFiles()`.
@Suite struct SiteStreamTests {
    /// A stand-in for the catalog exports: a small file and a large one per audience.
    struct TwoFiles: SiteExporter {
        func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile] {
            [
                OutputFile(path: "catalog.txt", text: "\(audience.rawValue) \(catalog.items.count)"),
                OutputFile(path: "data/big.bin", contents: Array(repeating: 7, count: 100_000)),
            ]
        }
    }

    struct Clashing: SiteExporter {
        func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile] {
            [OutputFile(path: "items/\(catalog.items[0].code)/index.html", text: "")]
        }
    }

    final class Written: @unchecked Sendable {
        let lock = NSLock()
        var files: [String: [UInt8]] = [:]
        var duplicates: [String] = []
        func add(_ path: String, _ bytes: [UInt8]) {
            lock.lock()
            if files.updateValue(bytes, forKey: path) != nil { duplicates.append(path) }
            lock.unlock()
        }
    }

    func streamed(_ generator: SiteGenerator, jobs: Int) throws -> (Written, Int) {
        let written = Written()
        let pages = try generator.generate(jobs: jobs) { path, bytes in written.add(path, bytes) }
        return (written, pages)
    }

    @Test(arguments: [1, 2, 5])
    func streamedFilesAreTheInMemoryFiles(jobs: Int) throws {
        let generator = try SiteGenerator(catalog: Fixtures.catalog, exporters: [TwoFiles()])
        var expected: [String: [UInt8]] = [:]
        for f in try generator.publicFiles() { expected["public/" + f.path] = f.contents }
        for f in try generator.internalFiles() { expected["internal/" + f.path] = f.contents }
        let (written, pages) = try streamed(generator, jobs: jobs)
        #expect(written.duplicates.isEmpty)
        #expect(written.files.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected { #expect(written.files[path] == bytes, "\(path)") }
        // The bundle's pages are among them, and counted.
        #expect(written.files["public/bundles/\(Fixtures.bundleCode)/index.html"] != nil)
        #expect(written.files["public/bundles/\(Fixtures.bundleCode)/checklist.html"] != nil)
        #expect(pages == expected.keys.count { $0.hasSuffix(".html") })
    }

    @Test func anExportPathThatClashesWithAPageIsRefused() throws {
        let generator = try SiteGenerator(catalog: Fixtures.catalog, exporters: [Clashing()])
        #expect(throws: GeneratorError.self) { try streamed(generator, jobs: 2) }
    }
}
