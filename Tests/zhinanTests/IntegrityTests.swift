import Foundation
import TestSupport
import Testing

/// What `zhinan build` promises about OUT, end to end: a killed build leaves the previous
/// output whole, a folder zhinan did not write is replaced only with --force, nothing
/// outside OUT is touched, builds into one OUT at once do not spoil each other, and nothing
/// internal reaches OUT/public; and output does not depend on --jobs.
@Suite(.serialized) struct IntegrityTests {
    static let sampleRoot = repositoryRoot() + "/catalogs/liwan-yichuang"
    static let standards = ["--standards", repositoryRoot() + "/standards"]
    static let catalog = try! String(contentsOfFile: sampleRoot + "/catalog.yaml", encoding: .utf8)
    static let item = try! String(contentsOfFile: sampleRoot + "/items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8)

    /// A catalog of `count` copies of the sample item, told apart by 事项编码 (and 事项名称),
    /// each with internal texts that name it: `内部…标记<i>号`.
    static func synthetic(_ count: Int, broken: (Int) -> Bool = { _ in false }) throws -> String {
        var files: [String: String] = ["catalog.yaml": catalog]
        for i in 0..<count {
            var text = item
                .replacingOccurrences(of: "440103-XK-00102-001", with: String(format: "440103-XK-%05d-001", 10_000 + i))
                .replacingOccurrences(of: "事项名称: 食品经营许可（新办）", with: "事项名称: 食品经营许可（新办）第\(i)号")
                .replacingOccurrences(of: "    审查要点: ", with: "    审查要点: 内部审查要点标记\(i)号；")
                .replacingOccurrences(of: "\n监督检查: ", with: "\n监督检查: 内部监督检查标记\(i)号；")
                .replacingOccurrences(of: "    职责: ", with: "    职责: 内部职责标记\(i)号；")
                .replacingOccurrences(of: "    资格: ", with: "    资格: 内部资格标记\(i)号；")
            if broken(i) { text = text.replacingOccurrences(of: "承诺: 5个工作日", with: "承诺: 50个工作日") }
            files["items/\(i % 7)/item-\(i).yaml"] = text
        }
        return try makeFolder(.text(files))
    }

    /// Every file under `root`, hidden ones too, by relative path.
    static func snapshot(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root) else { return [:] }
        while let p = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                out[p] = fm.contents(atPath: root + "/" + p) ?? Data()
            }
        }
        return out
    }

    /// Starts `zhinan build CATALOG -o OUT` without waiting for it.
    static func startBuild(_ catalog: String, _ out: String) throws -> Process {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("zhinan")
        process.arguments = ["build", catalog, "-o", out] + standards
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits while `process` runs until `path` exists; false if it ended first.
    static func waitFor(_ path: String, while process: Process) -> Bool {
        while process.isRunning {
            if FileManager.default.fileExists(atPath: path) { return true }
            usleep(500)
        }
        return FileManager.default.fileExists(atPath: path)
    }

    /// Enough items that writing them takes a while, fewer under a sanitizer.
    static let bigCount = max(60, Int(300 / sanitizerSlowdown))

    @Test func aBuildKilledWhileWritingLeavesThePreviousOutputWhole() throws {
        let parent = try makeFolder([:])
        let big = try Self.synthetic(Self.bigCount)
        defer {
            try? FileManager.default.removeItem(atPath: parent)
            try? FileManager.default.removeItem(atPath: big)
        }
        let out = parent + "/site"
        #expect(try runZhinan(["build", Self.sampleRoot, "-o", out] + Self.standards).status == 0)
        let before = Self.snapshot(out)
        #expect(before.keys.contains(".zhinan-output") && before.keys.contains("public/index.html"))

        let build = try Self.startBuild(big, out)
        let staging = parent + "/.site.zhinan-staging-\(build.processIdentifier)"
        // Part-way: the staging folder exists and item pages are being written into it.
        let caught = Self.waitFor(staging + "/public/items", while: build)
        if build.isRunning { kill(build.processIdentifier, SIGKILL) }
        build.waitUntilExit()
        #expect(caught, "the build ended before its staging folder was seen; make the catalog larger")
        #expect(build.terminationReason == .uncaughtSignal && build.terminationStatus == SIGKILL)

        #expect(Self.snapshot(out) == before, "the previous output changed")
        #expect(FileManager.default.fileExists(atPath: staging), "the half-written staging folder is left beside it")
        // The next build clears it away and publishes whole.
        let again = try runZhinan(["build", Self.sampleRoot, "-o", out] + Self.standards)
        #expect(again.status == 0)
        // Captured first, so a failure prints what was left beside the output.
        let left = try FileManager.default.contentsOfDirectory(atPath: parent)
        #expect(left == ["site"])
        #expect(Self.snapshot(out) == before)
    }

    /// A killed build's folders are cleared by the next build that finds no other at work
    /// (the parent folder's lock says so), even when their process id names a live process
    /// now: ids are taken again, and a busy machine runs through them quickly.
    /// Folders beside OUT `site` that look like leftovers but are not its builds'.
    static let notLeftovers = [
        ".site.zhinan-staging-notapid/keep.txt": "not a leftover: no pid",
        ".sitex.zhinan-staging-1/keep.txt": "another OUT's",
    ]

    @Test func leftoversNamingALiveProcessIdAreClearedWhenNoBuildIsAtWork() throws {
        let parent = try makeFolder(.text(Self.notLeftovers.merging([
            ".site.zhinan-staging-1/public/index.html": "half written",
            ".site.zhinan-old-\(getpid())/public/index.html": "moved aside",
        ]) { a, _ in a }))
        defer { try? FileManager.default.removeItem(atPath: parent) }
        #expect(try runZhinan(["build", Self.sampleRoot, "-o", parent + "/site"] + Self.standards).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: parent).sorted()
        #expect(left == [".site.zhinan-staging-notapid", ".sitex.zhinan-staging-1", "site"])
    }

    @Test func twoBuildsIntoOneOutputAtOnceLeaveOneWholeOutput() throws {
        let parent = try makeFolder([:])
        let big = try Self.synthetic(Self.bigCount)
        defer {
            try? FileManager.default.removeItem(atPath: parent)
            try? FileManager.default.removeItem(atPath: big)
        }
        // The outputs each build makes on its own.
        #expect(try runZhinan(["build", big, "-o", parent + "/big"] + Self.standards).status == 0)
        #expect(try runZhinan(["build", Self.sampleRoot, "-o", parent + "/small"] + Self.standards).status == 0)
        let bigOutput = Self.snapshot(parent + "/big"), smallOutput = Self.snapshot(parent + "/small")

        let out = parent + "/site"
        let first = try Self.startBuild(big, out)
        let caught = Self.waitFor(parent + "/.site.zhinan-staging-\(first.processIdentifier)/public", while: first)
        // A second build starts and ends while the first writes: it must not take the
        // first one's staging folder for a leftover.
        let second = try runZhinan(["build", Self.sampleRoot, "-o", out] + Self.standards)
        first.waitUntilExit()
        #expect(caught, "the first build ended before the second started; make the catalog larger")
        #expect(second.status == 0)
        #expect(first.terminationReason == .exit && first.terminationStatus == 0, "the first build failed: \(first.terminationStatus)")
        let final = Self.snapshot(out)
        #expect(final == bigOutput || final == smallOutput, "OUT is neither build's whole output")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: parent)) == ["big", "small", "site"])
    }

    @Test func aForeignOutputIsReplacedOnlyWithForceAndNothingBesideItIsTouched() throws {
        let parent = try makeFolder(.text([
            "site/mine.txt": "not zhinan's",
            "site/sub/notes.md": "notes",
            "sibling.txt": "beside OUT",
            "site-old/keep.txt": "a similar name",
            "other/.zhinan-output": "zhinan\n",
        ].merging(Self.notLeftovers) { a, _ in a }))
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/site"
        let before = Self.snapshot(parent)

        let refused = try runZhinan(["build", Self.sampleRoot, "-o", out, "--lang", "en"] + Self.standards)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("holds files zhinan did not write (mine.txt, sub)"), "\(refused.stderr)")
        #expect(Self.snapshot(parent) == before, "a refused build changed something")

        let forced = try runZhinan(["build", Self.sampleRoot, "-o", out, "--force"] + Self.standards)
        #expect(forced.status == 0)
        let after = Self.snapshot(parent)
        for (path, data) in before where !path.hasPrefix("site/") {
            #expect(after[path] == data, "\(path) changed")
        }
        #expect(after["site/mine.txt"] == nil && after["site/.zhinan-output"] != nil)
        #expect(after.keys.filter { $0.hasPrefix("site/") }.allSatisfy { $0.hasPrefix("site/public/") || $0.hasPrefix("site/internal/") || $0.hasPrefix("site/.zhinan-cache/") || $0 == "site/.zhinan-output" })
    }

    /// `export --format national -o` into a built site (or `build` into exported tables) is
    /// refused, exit 2, nothing changed: the two commands' outputs are different kinds.
    @Test func theNationalTablesNeverReplaceASiteWithoutForce() throws {
        let parent = try makeFolder([:])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let national = repositoryRoot() + "/catalogs/guangdong-zhijian"
        let site = parent + "/site"
        #expect(try runZhinan(["build", national, "-o", site] + Self.standards).status == 0)
        let before = Self.snapshot(site)
        let refused = try runZhinan(["export", national, "--format", "national", "-o", site, "--lang", "en"] + Self.standards)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("holds zhinan's site (made by zhinan build), not this output; nothing was written"), "\(refused.stderr)")
        #expect(Self.snapshot(site) == before)
        let tables = parent + "/tables"
        let exported = try runZhinan(["export", national, "--format", "national", "-o", tables, "--lang", "en"] + Self.standards)
        #expect(exported.status == 0)
        // The sample asks 情形, which the tables cannot carry: the export says so.
        #expect(exported.stderr.contains("note: 1 items ask 情形 (440000-XK-00201-001); the tables have no field for them"), "\(exported.stderr)")
        let build = try runZhinan(["build", national, "-o", tables] + Self.standards)
        #expect(build.status == 2)
        #expect(build.stderr.contains("国家交换表（zhinan export --format national 生成）"), "\(build.stderr)")
        #expect(try runZhinan(["export", national, "--format", "national", "-o", site, "--force"] + Self.standards).status == 0)
    }

    @Test func anOutputThatIsALinkIsReplacedWithoutTouchingWhereItPoints() throws {
        let parent = try makeFolder(.text(["elsewhere/data.txt": "precious"]))
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createSymbolicLink(atPath: parent + "/site", withDestinationPath: parent + "/elsewhere")
        let refused = try runZhinan(["build", Self.sampleRoot, "-o", parent + "/site"] + Self.standards)
        #expect(refused.status == 2)
        let forced = try runZhinan(["build", Self.sampleRoot, "-o", parent + "/site", "--force"] + Self.standards)
        #expect(forced.status == 0)
        #expect(Self.snapshot(parent + "/elsewhere") == ["data.txt": Data("precious".utf8)])
        #expect(FileManager.default.fileExists(atPath: parent + "/site/public/index.html"))
    }

    @Test(arguments: [".", "..", "catalog", "catalog/../catalog", "link"])
    func anOutputHoldingTheCatalogIsRefusedEvenWithForce(out: String) throws {
        let parent = try makeFolder([:])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let work = parent + "/work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.sampleRoot, toPath: work + "/catalog")
        try FileManager.default.createSymbolicLink(atPath: work + "/link", withDestinationPath: work + "/catalog")
        let before = Self.snapshot(parent)
        let r = try runZhinan(["build", "catalog", "-o", out, "--force", "--lang", "en"] + Self.standards, in: work)
        #expect(r.status == 2)
        #expect(r.stderr.contains("holds the catalog folder \"catalog\"; publishing replaces the output folder as a whole"), "\(r.stderr)")
        #expect(Self.snapshot(parent) == before)
    }

    /// A work folder holding `catalog` (the sample), `standards` and `theme`, with links:
    /// `link` → catalog, `outlink` → catalog/items, and `catalog/items/.away` → `outside`, a
    /// folder outside the catalog.
    static func workFolder() throws -> (parent: String, work: String) {
        let parent = try makeFolder(.text(["work/outside/keep.txt": "outside", "work/theme/extra.css": "p {}\n"]))
        let work = parent + "/work", fm = FileManager.default
        try fm.copyItem(atPath: Self.sampleRoot, toPath: work + "/catalog")
        try fm.copyItem(atPath: repositoryRoot() + "/standards", toPath: work + "/standards")
        try fm.createSymbolicLink(atPath: work + "/link", withDestinationPath: work + "/catalog")
        try fm.createSymbolicLink(atPath: work + "/outlink", withDestinationPath: "catalog/items")
        try fm.createSymbolicLink(atPath: work + "/catalog/items/.away", withDestinationPath: "../../outside")
        return (parent, work)
    }

    /// Runs `zhinan ARGUMENTS` in a fresh ``workFolder()`` and expects it refused: status 2,
    /// `message` ending its standard error, and nothing under the folder changed.
    static func expectRefusedInWorkFolder(
        _ arguments: [String], environment: [String: String] = [:], message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (parent, work) = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let before = snapshot(parent)
        let r = try runZhinan(arguments + ["--lang", "en"], environment: environment, in: work)
        #expect(r.status == 2, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasSuffix("zhinan: error: " + message + "\n"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(snapshot(parent) == before, "a refused run changed something", sourceLocation: sourceLocation)
        #expect(FileManager.default.fileExists(atPath: work + "/catalog/items/jingying/shipin-jingying-xuke.yaml"), sourceLocation: sourceLocation)
    }

    /// OUT inside what the build reads (`CATALOG OUT`, relative to the work folder), as
    /// written or through links on either side, existing or not, with `..`.
    @Test(arguments: [
        ("catalog", "catalog/items", "catalog folder \"catalog\""),
        ("catalog", "catalog/items/new/site", "catalog folder \"catalog\""),
        ("catalog", "catalog/./items/../items", "catalog folder \"catalog\""),
        ("catalog", "link/items", "catalog folder \"catalog\""),
        ("link", "catalog/items", "catalog folder \"link\""),
        ("catalog", "outlink", "catalog folder \"catalog\""),
        ("catalog", "outlink/../site", "catalog folder \"catalog\""),
        ("catalog", "outside/../catalog/site", "catalog folder \"catalog\""),
        ("catalog", "catalog/items/.away", "catalog folder \"catalog\""),
        ("catalog", "catalog/items/.away/site", "catalog folder \"catalog\""),
        ("catalog", "catalog/items/.away/../site", "catalog folder \"catalog\""),
        ("catalog", "theme/site", "theme folder \"theme\""),
        ("catalog", "standards/site", "standards folder \"standards\""),
    ])
    func anOutputInsideTheCatalogThemeOrStandardsIsRefusedEvenWithForce(catalog: String, out: String, what: String) throws {
        try Self.expectRefusedInWorkFolder(
            ["build", catalog, "-o", out, "--force", "--theme", "theme", "--standards", "standards"],
            message: "the output folder \"\(out)\" is inside the \(what); zhinan does not write into the folders it reads, so choose another")
    }

    /// OUT that is the theme, or the standards folder found above the catalog folder.
    @Test(arguments: [
        (["--theme", "theme"], "theme", "theme folder \"theme\""),
        ([], "standards", "standards folder \"standards\""),
        ([], "./standards/", "standards folder \"standards\""),
    ])
    func anOutputThatIsTheThemeOrTheStandardsIsRefusedEvenWithForce(options: [String], out: String, what: String) throws {
        try Self.expectRefusedInWorkFolder(
            ["build", "catalog", "-o", out, "--force"] + options, environment: ["ZHINAN_STANDARDS": ""],
            message: "the output folder \"\(out)\" holds the \(what); publishing replaces the output folder as a whole, so choose another")
    }

    /// An export never lands in the folders the export reads: there it would replace an
    /// item's source, or be read as one next time.
    @Test(arguments: [
        ("json", "catalog/items/jingying/shipin-jingying-xuke.yaml", "catalog folder \"catalog\""),
        ("json", "catalog/catalog.json", "catalog folder \"catalog\""),
        ("xml", "outlink/catalog.xml", "catalog folder \"catalog\""),
        ("sqlite", "link/catalog.sqlite", "catalog folder \"catalog\""),
        ("sqlite", "catalog/items/.away/catalog.sqlite", "catalog folder \"catalog\""),
        ("json", "standards/catalog.json", "standards folder \"standards\""),
    ])
    func anExportInsideTheCatalogOrStandardsIsRefused(format: String, out: String, what: String) throws {
        try Self.expectRefusedInWorkFolder(
            ["export", "catalog", "--format", format, "-o", out, "--standards", "standards"],
            message: "the export file \"\(out)\" is inside the \(what); zhinan does not write into the folders it reads, so choose another path")
    }

    @Test func nothingInternalReachesPublicForASyntheticCatalog() throws {
        let count = 40
        let dir = try Self.synthetic(count)
        let out = try makeFolder([:]) + "/site"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: out).deletingLastPathComponent().path)
        }
        let r = try runZhinan(["build", dir, "-o", out] + Self.standards)
        #expect(r.status == 0, "\(r.stdout.prefix(2000))")
        let files = Self.snapshot(out)
        let publicText = files.filter { $0.key.hasPrefix("public/") }.map { String(decoding: $0.value, as: UTF8.self) }
        let internalText = files.filter { $0.key.hasPrefix("internal/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        #expect(publicText.count > 3 * count)
        for text in publicText {
            #expect(!text.contains("内部审查要点标记") && !text.contains("内部监督检查标记")
                    && !text.contains("内部职责标记") && !text.contains("内部资格标记"))
        }
        // And they are all in the internal output, so the markers did go somewhere.
        for i in 0..<count {
            for marker in ["内部审查要点标记\(i)号", "内部监督检查标记\(i)号", "内部职责标记\(i)号", "内部资格标记\(i)号"] {
                #expect(internalText.contains(marker), "\(marker) is missing from internal/")
            }
        }
    }

    @Test func checkGivesTheSameOutputForAnyJobs() throws {
        // Errors in many files of many folders, so the order of the report depends on sorting.
        let dir = try Self.synthetic(120, broken: { $0 % 3 == 0 })
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for format in ["text", "json"] {
            let one = try runZhinan(["check", dir, "--jobs", "1", "--format", format] + Self.standards)
            let two = try runZhinan(["check", dir, "--jobs", "2", "--format", format] + Self.standards)
            let many = try runZhinan(["check", dir, "--jobs", "7", "--format", format] + Self.standards)
            #expect(one.status == 1)
            #expect(one.stdout.components(separatedBy: "[ZN601]").count - 1 == 40 || format == "json")
            #expect(one.stdout == two.stdout && two.stdout == many.stdout)
        }
    }

    @Test func buildGivesByteIdenticalOutputForAnyJobs() throws {
        let dir = try Self.synthetic(60)
        let parent = try makeFolder([:])
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: parent)
        }
        for jobs in ["1", "2"] {
            let r = try runZhinan(["build", dir, "-o", parent + "/j" + jobs, "--jobs", jobs] + Self.standards)
            #expect(r.status == 0)
        }
        let one = Self.snapshot(parent + "/j1"), two = Self.snapshot(parent + "/j2")
        #expect(one.count > 240)
        #expect(one == two)
    }
}
