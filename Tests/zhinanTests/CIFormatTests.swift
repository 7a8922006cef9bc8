import Foundation
import TestSupport
import Testing

/// `--format sarif`, `--format github`, `--fail-on` and `# zhinan-ignore:` end to end,
/// through the built binary, on a copy of a sample catalog.
@Suite struct CIFormatTests {
    /// A sample item; its 办理时限 is at lines 58–59 (法定 10个工作日, 承诺 5个工作日).
    static func sample() throws -> (catalog: String, item: String) {
        let root = repositoryRoot() + "/catalogs/liwan-yichuang/"
        let item = try String(contentsOfFile: root + "items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8)
        let lines = item.split(separator: "\n", omittingEmptySubsequences: false)
        precondition(lines[57] == "  法定: 10个工作日" && lines[58] == "  承诺: 5个工作日", "the sample item changed")
        return (try String(contentsOfFile: root + "catalog.yaml", encoding: .utf8), item)
    }

    /// A catalog folder holding the sample item with its 承诺 line replaced, and `extra` files.
    static func folder(promise: String, extra: [String: String] = [:]) throws -> String {
        let (catalog, item) = try sample()
        let changed = item.replacingOccurrences(of: "\n  承诺: 5个工作日\n", with: "\n" + promise + "\n")
        return try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": changed].merging(extra) { a, _ in a }))
    }

    /// An error (ZN601 at 59:7, with a note at 58:7) and a warning (ZN312 at notes.yaml:1:1).
    static func broken() throws -> String {
        try folder(promise: "  承诺: 12个工作日", extra: ["notes.yaml": "备注: 不是事项\n"])
    }

    /// Only a warning: ZN602 at 59:7 (8 of 10 days is over the 2/3 internal control line).
    static func warningOnly(_ promise: String = "  承诺: 8个工作日") throws -> String {
        try folder(promise: promise)
    }

    // MARK: SARIF

    @Test func sarifOfABrokenCatalog() throws {
        let dir = try Self.broken()
        let r = try runZhinan(["check", ".", "--format", "sarif", "--lang", "en"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        // Every code zhinan has, the new ones too.
        #expect(ruleIDs.contains("ZN101") && ruleIDs.contains("ZN313") && ruleIDs.contains("ZN314") && ruleIDs.contains("ZN801"))
        #expect(ruleIDs == ruleIDs.sorted())

        let results = try #require(run["results"] as? [[String: Any]])
        func place(_ result: [String: Any]) -> String {
            let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "?"
            let region = physical?["region"] as? [String: Int] ?? [:]
            return "\(result["ruleId"] as? String ?? "?") \(result["level"] as? String ?? "?") \(uri):\(region["startLine"] ?? 0):\(region["startColumn"] ?? 0)-\(region["endLine"] ?? 0):\(region["endColumn"] ?? 0)"
        }
        #expect(results.map(place) == [
            "ZN601 error items/a.yaml:59:7-59:13",
            "ZN312 warning notes.yaml:1:1-1:1",
        ])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == result["ruleId"] as? String)
        }
        let related = try #require(results[0]["relatedLocations"] as? [[String: Any]])
        #expect((related.first?["message"] as? [String: Any])?["text"] as? String == "the statutory limit 10个工作日 is here")
        #expect(((related.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])?["startLine"] == 58)

        // The same log, byte for byte, from another run.
        #expect(try runZhinan(["check", ".", "--format", "sarif", "--lang", "en", "--jobs", "1"], in: dir).stdout == r.stdout)
    }

    @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed; SARIF not validated"))
    func sarifPassesTheValidator() throws {
        let dir = try Self.broken()
        let out = try makeFolder([:])
        for (name, arguments, cwd) in [("broken", ["check", ".", "--format", "sarif"], dir), ("outside", ["check", dir, "--format", "sarif", "--lang", "en"], repositoryRoot())] {
            let r = try runZhinan(arguments, in: cwd)
            try Data(r.stdout.utf8).write(to: URL(fileURLWithPath: out + "/\(name).sarif"))
        }
        let v = try runPython([repositoryRoot() + "/Scripts/validate-sarif.py", out + "/broken.sarif", out + "/outside.sarif"])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("broken.sarif: ") && v.stdout.contains(" rules, 2 results"), "\(v.stdout)")
        #expect(v.stdout.contains("outside.sarif: ") && v.stdout.contains(" rules, 2 results"), "\(v.stdout)")
        #expect(v.stdout.contains(", 0 failed\n"), "\(v.stdout)")
        // A catalog outside the working folder gets file:// URIs, which validate too.
        #expect(try String(contentsOfFile: out + "/outside.sarif", encoding: .utf8).contains("\"uri\": \"file://\(dir)/items/a.yaml\""))
    }

    /// The first result's URI and the root `%SRCROOT%` is defined as.
    static func sarifPlaces(_ text: String) throws -> (uri: String, root: String?, fingerprints: [String], lines: [Int]) {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        func physical(_ r: [String: Any]) -> [String: Any]? {
            (r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        }
        let uri = (physical(results[0])?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "?"
        let root = ((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String
        let fingerprints = results.map { ($0["partialFingerprints"] as? [String: String])?["zhinanResultHash/v1"] ?? "none" }
        let lines = results.map { (physical($0)?["region"] as? [String: Int])?["startLine"] ?? 0 }
        return (uri, root, fingerprints, lines)
    }

    @Test func sarifURIsAreRelativeToTheGitTopLevelOrSarifRoot() throws {
        // top/.git, and the catalog at top/sub/cat, checked from top/sub.
        let top = try makeFolder([:])
        defer { try? FileManager.default.removeItem(atPath: top) }
        let dir = try Self.broken()
        try FileManager.default.createDirectory(atPath: top + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: top + "/sub", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: dir, toPath: top + "/sub/cat")
        let arguments = ["check", "cat", "--format", "sarif", "--lang", "en"]

        let byGit = try Self.sarifPlaces(try runZhinan(arguments, in: top + "/sub").stdout)
        #expect(byGit.uri == "sub/cat/items/a.yaml")
        #expect(byGit.root == "file://\(top)/")
        let given = try Self.sarifPlaces(try runZhinan(arguments + ["--sarif-root", "."], in: top + "/sub").stdout)
        #expect(given.uri == "cat/items/a.yaml")
        #expect(given.root == "file://\(top)/sub/")
        let outside = try Self.sarifPlaces(try runZhinan(arguments + ["--sarif-root", top + "/sub/cat/items"], in: top + "/sub").stdout)
        #expect(outside.uri == "a.yaml")
        // The same results, whichever the root: the fingerprints follow the file's URI.
        #expect(byGit.fingerprints.count == 2 && given.fingerprints.count == 2)
        // Without a git folder above, the current folder.
        try FileManager.default.removeItem(atPath: top + "/.git")
        let byFolder = try Self.sarifPlaces(try runZhinan(arguments, in: top + "/sub").stdout)
        #expect(byFolder.uri == "cat/items/a.yaml")
        #expect(byFolder.fingerprints == given.fingerprints)
        #expect(try runZhinan(arguments + ["--sarif-root", top + "/nonexistent"], in: top + "/sub").status == 2)
    }

    @Test func sarifFingerprintsSurviveLinesAddedAbove() throws {
        let dir = try Self.broken()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try Self.sarifPlaces(try runZhinan(["check", ".", "--format", "sarif"], in: dir).stdout)
        let item = try String(contentsOfFile: dir + "/items/a.yaml", encoding: .utf8)
        try ("# 新增的注释\n# 又一行\n" + item).write(toFile: dir + "/items/a.yaml", atomically: true, encoding: .utf8)
        let after = try Self.sarifPlaces(try runZhinan(["check", ".", "--format", "sarif"], in: dir).stdout)
        #expect(after.lines == [before.lines[0] + 2, before.lines[1]])
        #expect(after.fingerprints == before.fingerprints)
        #expect(Set(before.fingerprints).count == 2 && before.fingerprints.allSatisfy { $0.contains(#/^[0-9a-f]{16}:1$/#) })
    }

    @Test func sarifOfAnUnreadableFolderHasNoResults() throws {
        let r = try runZhinan(["check", "/nonexistent/catalog", "--format", "sarif", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("\"results\": []"))
        #expect(r.stderr.contains("no catalog folder"))
    }

    // MARK: GitHub

    @Test func githubAnnotations() throws {
        let dir = try Self.broken()
        let r = try runZhinan(["check", ".", "--format", "github", "--lang", "zh"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == """
            ::error file=items/a.yaml,line=59,col=7,endLine=59,endColumn=12,title=ZN601 承诺时限超过法定时限::承诺时限“12个工作日”超过法定时限“10个工作日”%0A注：items/a.yaml:58:7: 法定时限“10个工作日”写在这里
            ::warning file=notes.yaml,line=1,col=1,endLine=1,endColumn=1,title=ZN312 文件不在 items/ 中::该文件不在 items/ 文件夹中，不作为事项读取
            共检查 7 个文件：1 个错误，1 个警告。

            """)
    }

    @Test func githubPathsFromTheRepositoryRoot() throws {
        let r = try runZhinan(["check", "catalogs/liwan-yichuang", "--format", "github"], in: repositoryRoot())
        #expect(r.status == 0)
        #expect(!r.stdout.contains("::"))
        let dir = try Self.warningOnly()
        let parent = URL(fileURLWithPath: dir).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: dir).lastPathComponent
        let nested = try runZhinan(["check", name, "--format", "github", "--lang", "en"], in: parent)
        #expect(nested.stdout.hasPrefix("::warning file=\(name)/items/a.yaml,line=59,col=7,"), "\(nested.stdout)")
    }

    // MARK: --fail-on

    @Test func failOnWarningForCheck() throws {
        let dir = try Self.warningOnly()
        #expect(try runZhinan(["check", "."], in: dir).status == 0)
        #expect(try runZhinan(["check", ".", "--fail-on", "error"], in: dir).status == 0)
        let strict = try runZhinan(["check", ".", "--fail-on", "warning", "--lang", "en"], in: dir)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("./items/a.yaml:59:7: warning: ") && strict.stdout.contains("[ZN602]"))
        #expect(try runZhinan(["check", ".", "--fail-on", "note"], in: dir).status == 2)
        // A clean catalog passes either way.
        #expect(try runZhinan(["check", "catalogs/liwan-yichuang", "--fail-on", "warning"], in: repositoryRoot()).status == 0)
    }

    @Test func failOnWarningForBuildWritesNothing() throws {
        let dir = try Self.warningOnly()
        let out = try makeFolder([:]) + "/site"
        let strict = try runZhinan(["build", ".", "-o", out, "--fail-on", "warning", "--format", "github"], in: dir)
        #expect(strict.status == 1)
        #expect(strict.stdout.hasPrefix("::warning file=items/a.yaml,line=59,"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let lenient = try runZhinan(["build", ".", "-o", out], in: dir)
        #expect(lenient.status == 0, "\(lenient.stdout)\(lenient.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/public/index.html"))
    }

    // MARK: Suppressions

    @Test func aSuppressedFindingDisappears() throws {
        let dir = try Self.warningOnly("  承诺: 8个工作日  # zhinan-ignore: ZN602 -- 经审批同意")
        let r = try runZhinan(["check", ".", "--fail-on", "warning", "--lang", "en"], in: dir)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout == "6 files checked, no problems found.\n")
        let above = try Self.warningOnly("  # zhinan-ignore: ZN602\n  承诺: 8个工作日")
        #expect(try runZhinan(["check", ".", "--fail-on", "warning"], in: above).status == 0)
    }

    @Test func anUnusedSuppressionWarns() throws {
        // On the line of 法定 (58), not of the finding (59).
        let (catalog, item) = try Self.sample()
        let changed = item
            .replacingOccurrences(of: "\n  承诺: 5个工作日\n", with: "\n  承诺: 8个工作日\n")
            .replacingOccurrences(of: "\n  法定: 10个工作日\n", with: "\n  法定: 10个工作日 # zhinan-ignore: ZN602\n")
        let dir = try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": changed]))
        let r = try runZhinan(["check", ".", "--format", "github", "--lang", "en"], in: dir)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(r.stdout)")
        #expect(lines[0] == "::warning file=items/a.yaml,line=58,col=31,endLine=58,endColumn=35,title=ZN313 Unused suppression::the suppression of ZN602 silences nothing (no ZN602 finding on this line)")
        #expect(lines[1].hasPrefix("::warning file=items/a.yaml,line=59,col=7,endLine=59,endColumn=11,title=ZN602 "))
        #expect(lines[2] == "6 files checked: 0 errors, 2 warnings.")
        #expect(try runZhinan(["check", ".", "--fail-on", "warning"], in: dir).status == 1)
    }

    @Test func aFileWithASuppressionAlsoGetsWhatIsFoundAfterEveryItem() throws {
        // b.yaml repeats a.yaml's 事项编码 (ZN408, found once every item is checked) and
        // silences its own ZN602: both are settled with the file's suppressions.
        let (catalog, item) = try Self.sample()
        let silenced = item.replacingOccurrences(of: "\n  承诺: 5个工作日\n", with: "\n  承诺: 8个工作日  # zhinan-ignore: ZN602\n")
        let dir = try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": item, "items/b.yaml": silenced]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runZhinan(["check", ".", "--format", "github", "--lang", "en"], in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(r.stdout)")
        #expect(lines.first?.hasPrefix("::error file=items/b.yaml,line=2,col=7,endLine=2,endColumn=25,title=ZN408 ") == true, "\(r.stdout)")
        #expect(lines.last == "7 files checked: 1 error, 0 warnings.")
    }

    @Test func explainKnowsTheNewCodes() throws {
        let r = try runZhinan(["explain", "ZN313", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("ZN313: Unused suppression\n"))
        #expect(try runZhinan(["explain", "zn314", "--lang", "zh"]).stdout.hasPrefix("ZN314: 忽略注释写法不对\n"))
    }
}
