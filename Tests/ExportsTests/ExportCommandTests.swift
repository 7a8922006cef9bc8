import Catalog
import Foundation
import TestSupport
import Testing

@testable import Exports

/// `zhinan export` and the catalog files of `zhinan build`, end to end through the binary.
@Suite struct ExportCommandTests {
    let sample = "liwan-yichuang"

    func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func jsonExportIsThePublicView() throws {
        let out = try Fixtures.temporaryFolder() + "/catalog.json"
        let r = try runZhinan(["export", "catalogs/" + sample, "--format", "json", "-o", out, "--lang", "en"], in: repositoryRoot())
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let catalog = try Fixtures.sample(sample)
        #expect(r.stderr == "exported \(catalog.items.count) items (public view): \(out)\n")
        #expect(try CatalogJSON.decode(try read(out)) == catalog.publicView())
        #expect(try read(out) == CatalogJSON.encode(catalog))
    }

    @Test func internalJSONHasTheInternalElements() throws {
        let out = try Fixtures.temporaryFolder() + "/catalog.json"
        let r = try runZhinan(["export", "catalogs/" + sample, "--format", "json", "-o", out, "--internal"], in: repositoryRoot())
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("（含内部要素）"), "Chinese messages by default: \(r.stderr)")
        let decoded = try CatalogJSON.decode(try read(out))
        #expect(decoded == (try Fixtures.sample(sample)))
        #expect(decoded.items.contains { !$0.staff.isEmpty })
    }

    @Test func xmlExportValidates() throws {
        let out = try Fixtures.temporaryFolder() + "/catalog.xml"
        let r = try runZhinan(["export", "catalogs/" + sample, "--format", "xml", "-o", out], in: repositoryRoot())
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let xml = try read(out)
        try CatalogXML.validate(xml)
        #expect(xml == (try CatalogXML.encode(try Fixtures.sample(sample))))
    }

    @Test func sqliteExportAnswersQueries() throws {
        let dir = try Fixtures.temporaryFolder()
        let out = dir + "/catalog.sqlite"
        let r = try runZhinan(["export", "catalogs/" + sample, "--format", "sqlite", "-o", out], in: repositoryRoot())
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let db = try Database(path: out)
        let catalog = try Fixtures.sample(sample)
        #expect(try db.rows("SELECT count(*) FROM items") == [[String(catalog.items.count)]])
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.rows("SELECT count(*) FROM staff_roles") == [["0"]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["catalog.sqlite"])
    }

    @Test func aCatalogWithAnErrorWritesNothing() throws {
        let root = repositoryRoot() + "/catalogs/" + sample
        let catalog = try String(contentsOfFile: root + "/catalog.yaml", encoding: .utf8)
        let item = try String(contentsOfFile: root + "/items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8)
        let dir = try makeFolder(.text([
            "catalog.yaml": catalog,
            "items/a.yaml": item.replacingOccurrences(of: "承诺: 5个工作日", with: "承诺: 50个工作日"),
        ]))
        let out = try makeFolder(.text(["old.json": "old"]))
        for format in ["json", "xml", "sqlite"] {
            let r = try runZhinan([
                "export", dir, "--format", format, "-o", out + "/old.json", "--standards", repositoryRoot() + "/standards",
            ])
            #expect(r.status == 1)
            #expect(r.stdout.contains("[ZN601]"))
            #expect(try String(contentsOfFile: out + "/old.json", encoding: .utf8) == "old")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["old.json"])
        }
        let json = try runZhinan([
            "export", dir, "--format", "json", "-o", out + "/x.json", "--diagnostics-format", "json",
            "--standards", repositoryRoot() + "/standards",
        ])
        #expect(json.status == 1)
        #expect(json.stdout.hasPrefix("{\"version\":1,\"diagnostics\":["), "\(json.stdout)")
    }

    @Test func anUnwritablePathExits2() throws {
        let dir = try Fixtures.temporaryFolder()
        let missing = try runZhinan(
            ["export", "catalogs/" + sample, "--format", "json", "-o", dir + "/no/such/folder/c.json", "--lang", "en"],
            in: repositoryRoot())
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("zhinan: error: cannot write \"\(dir)/no/such/folder/c.json\": No such file or directory; nothing was exported"),
                "\(missing.stderr)")
        let folder = try runZhinan(["export", "catalogs/" + sample, "--format", "sqlite", "-o", dir], in: repositoryRoot())
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("无法写入“\(dir)”"), "\(folder.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    /// A disk that fills while the export is written: "No space left on device", status 2,
    /// and no file left, whatever the format. It takes a 64 KB tmpfs, which only root with
    /// CAP_SYS_ADMIN can mount; elsewhere the test is skipped.
    @Test(arguments: ["json", "xml", "sqlite"])
    func aFullDiskStopsTheExportWithStatus2AndLeavesNoFile(format: String) throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mount = try runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir])
        guard mount.status == 0 else {
            try Test.cancel("cannot mount a small tmpfs here (it takes root with CAP_SYS_ADMIN): \(mount.stderr)")
        }
        defer { _ = try? runProcess("/bin/umount", [dir]) }
        let out = dir + "/catalog." + format
        let en = try runZhinan(["export", "catalogs/" + sample, "--format", format, "-o", out, "--lang", "en"], in: repositoryRoot())
        #expect(en.status == 2)
        #expect(en.stderr.hasSuffix("zhinan: error: cannot write \"\(out)\": No space left on device; nothing was exported\n"), "\(en.stderr)")
        let zh = try runZhinan(["export", "catalogs/" + sample, "--format", format, "-o", out, "--lang", "zh"], in: repositoryRoot())
        #expect(zh.status == 2)
        #expect(zh.stderr.hasSuffix("zhinan: error: 无法写入“\(out)”：No space left on device；未导出\n"), "\(zh.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    /// A file size limit (`ulimit -f`) reached while writing: "File too large", status 2, no
    /// file left. Runs anywhere.
    @Test(
        .disabled(
            if: sanitizerSlowdown > 1,
            "under ThreadSanitizer the file size limit kills the process inside the sanitizer's runtime (ThreadSanitizer:DEADLYSIGNAL); the plain build tests zhinan's behaviour"),
        arguments: ["json", "xml", "sqlite"])
    func aFileSizeLimitStopsTheExportWithStatus2AndLeavesNoFile(format: String) throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/catalog." + format
        // SIGXFSZ at its default (death): zhinan ignores it itself, so the write fails with EFBIG.
        let r = try runUnderFileSizeLimit(["export", "catalogs/" + sample, "--format", format, "-o", out, "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("zhinan: error: cannot write \"\(out)\": File too large; nothing was exported\n"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    @Test(
        .disabled(
            if: sanitizerSlowdown > 1,
            "under ThreadSanitizer the file size limit kills the process inside the sanitizer's runtime (ThreadSanitizer:DEADLYSIGNAL); the plain build tests zhinan's behaviour"))
    func aFileSizeLimitStopsTheBuildWithStatus2AndLeavesNothing() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runUnderFileSizeLimit(["build", "catalogs/" + sample, "-o", dir + "/site", "--lang", "en"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("writing the new output failed: ") && r.stderr.contains("File too large"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
        // In Chinese, the words are Chinese (the system's reason is strerror's).
        let zh = try runUnderFileSizeLimit(["build", "catalogs/" + sample, "-o", dir + "/site", "--lang", "zh"])
        #expect(zh.status == 2 && zh.stderr.contains("写入新的输出失败："), "\(zh.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    @Test func usageErrorsExit2() throws {
        let noFormat = try runZhinan(["export", "catalogs/" + sample, "-o", "/tmp/x.json"], in: repositoryRoot())
        #expect(noFormat.status == 2)
        let badFormat = try runZhinan(["export", "catalogs/" + sample, "--format", "csv", "-o", "/tmp/x.csv"], in: repositoryRoot())
        #expect(badFormat.status == 2)
        let noCatalog = try runZhinan(["export", "/nonexistent-catalog", "--format", "json", "-o", "/tmp/x.json"])
        #expect(noCatalog.status == 2)
    }

    @Test func buildWritesTheCatalogFiles() throws {
        let out = try Fixtures.temporaryFolder() + "/site"
        let r = try runZhinan(["build", "catalogs/" + sample, "-o", out], in: repositoryRoot())
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let catalog = try Fixtures.sample(sample)
        #expect(try read(out + "/public/catalog.json") == CatalogJSON.encode(catalog, variant: .public))
        #expect(try read(out + "/public/catalog.schema.json") == CatalogJSON.schema())
        #expect(try read(out + "/public/catalog.xml") == CatalogXML.encode(catalog, variant: .public))
        #expect(try read(out + "/public/catalog.xsd") == CatalogXML.schema())
        #expect(try read(out + "/internal/catalog.json") == CatalogJSON.encode(catalog, variant: .internal))
        #expect(!FileManager.default.fileExists(atPath: out + "/internal/catalog.xml"))
    }
}

/// Runs `zhinan` with a file size limit of 16 blocks (`ulimit -f 16`) and SIGXFSZ at its
/// default, as a shell leaves it: zhinan itself must ignore the signal.
private func runUnderFileSizeLimit(_ arguments: [String]) throws -> RunResult {
    try runProcess(
        "/bin/sh",
        ["-c", "trap - XFSZ; ulimit -f 16; exec \"$@\"", "sh", productsDirectory.appendingPathComponent("zhinan").path] + arguments,
        environment: zhinanEnvironment, in: repositoryRoot())
}
