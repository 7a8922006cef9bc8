import Foundation
import TestSupport
import Testing

/// The authoring loop end to end, through the built binary: `new catalog`, `fix`, and
/// the help texts and exit statuses a first user meets.
@Suite struct AuthoringCommandTests {
    static let standards = ["--standards", repositoryRoot() + "/standards"]
    static let item = "items/440100-XK-00001-001.yaml"

    /// A new catalog `nc` in a fresh folder, which is returned.
    static func newCatalog() throws -> String {
        let parent = try makeFolder([:])
        let r = try runZhinan(["new", "catalog", "nc"] + standards, in: parent)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "nc/catalog.yaml\nnc/\(item)\nnc/.gitignore\n")
        return parent
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }

    // MARK: new catalog

    @Test func aNewCatalogChecksClean() throws {
        let parent = try Self.newCatalog()
        let check = try runZhinan(["check", "nc", "--lang", "en"] + Self.standards, in: parent)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout == "5 files checked, no problems found.\n")
        let catalog = try Self.read(parent + "/nc/catalog.yaml")
        // Every field of catalog.yaml is there, each after a comment saying what it takes.
        for field in ["目录名称", "行政区划", "标准", "内控线", "时限说明", "实施机关", "窗口", "法规", "材料库", "统一社会信用代码", "办公时间", "施行日期", "可共享"] {
            #expect(catalog.contains(field + ":"), "\(field)")
        }
        #expect(catalog.contains("标准: [DB44/T 1147-2013, DB44/T 1148-2013]\n"))
        #expect(try Self.read(parent + "/nc/.gitignore").contains("_site/"))
        // new item keeps working inside it.
        let item = try runZhinan(["new", "item", "nc", "--code", "440100-XK-00002-001"] + Self.standards, in: parent)
        #expect(item.status == 0, "\(item.stderr)")
        #expect(item.stdout == "nc/items/440100-XK-00002-001.yaml\n")
    }

    @Test func aNewCatalogFollowsTheStandardsChosen() throws {
        let parent = try makeFolder([:])
        let r = try runZhinan(["new", "catalog", "guide", "--standard", "DB44/T 1147-2013"] + Self.standards, in: parent)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.read(parent + "/guide/catalog.yaml").contains("标准: [DB44/T 1147-2013]\n"))
        let item = try Self.read(parent + "/guide/" + Self.item)
        #expect(!item.contains("审批人员") && item.contains("审批条件"))
        #expect(try runZhinan(["check", "guide"] + Self.standards, in: parent).status == 0)
    }

    @Test func aNewCatalogRefusesAFolderThatIsNotEmpty() throws {
        let parent = try makeFolder(.text(["nc/notes.txt": "mine"]))
        let r = try runZhinan(["new", "catalog", "nc", "--lang", "en"] + Self.standards, in: parent)
        #expect(r.status == 2)
        #expect(r.stderr.contains("exists and is not an empty folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/nc") == ["notes.txt"])
        let unknown = try runZhinan(["new", "catalog", "x", "--standard", "DB44/T 9999"] + Self.standards, in: parent)
        #expect(unknown.status == 2)
        #expect(!FileManager.default.fileExists(atPath: parent + "/x"))
    }

    // MARK: fix

    /// The new catalog's item with one of each fixable mistake.
    static func broken(_ text: String) -> String {
        var t = text
        for (old, new) in [
            ("\n事项类型: ", "\n事项类型："), ("\n审批条件:", "\n審批條件:"), ("\n受理范围:", "\n受理范国:"),
            ("\n办件类型: 承诺件", "\n办件类型: 承若件"), ("\n咨询:", "\n咨询方式:"), ("\n办理依据:", "\n设定依据:"),
            ("\n  法定:", "\n  法订:"),
        ] {
            precondition(t.contains(old), old)
            t = t.replacingOccurrences(of: old, with: new)
        }
        return t
    }

    @Test func fixRestoresTheFileAndCheckThenPasses() throws {
        let parent = try Self.newCatalog()
        let path = parent + "/nc/" + Self.item
        let original = try Self.read(path)
        try Self.write(Self.broken(original), path)
        let before = try runZhinan(["check", "nc"] + Self.standards, in: parent)
        #expect(before.status == 1)
        #expect(before.stdout.contains("[ZN119]"))

        let fix = try runZhinan(["fix", "nc", "--lang", "en"] + Self.standards, in: parent)
        #expect(fix.status == 0, "\(fix.stdout)\(fix.stderr)")
        #expect(fix.stderr == "fixed 7 problems in 1 file\n")
        #expect(fix.stdout == "5 files checked, no problems found.\n")
        // Only the mistakes changed: comments, order and layout are as they were.
        #expect(try Self.read(path) == original)
        let after = try runZhinan(["check", "nc", "--format", "json"] + Self.standards, in: parent)
        #expect(after.status == 0)
        for code in ["ZN119", "ZN302", "ZN304", "ZN305", "ZN308"] { #expect(!after.stdout.contains(code)) }
    }

    @Test func dryRunPrintsAUnifiedDiffAndChangesNothing() throws {
        let parent = try Self.newCatalog()
        let path = parent + "/nc/" + Self.item
        var text = try Self.read(path)
        text = text.replacingOccurrences(of: "\n审批条件:", with: "\n審批條件:")
            .replacingOccurrences(of: "\n受理范围:", with: "\n受理范国:")
        try Self.write(text, path)
        let r = try runZhinan(["fix", "nc", "--dry-run", "--lang", "en"] + Self.standards, in: parent)
        #expect(r.status == 1)  // as check: the file still has errors
        #expect(r.stderr == "would fix 2 problems in 1 file\n")
        try expectGolden(r.stdout, file: folder() + "/Golden/fix-dry-run.diff")
        #expect(try Self.read(path) == text)
    }

    @Test func fixNeverWritesOutsideTheCatalog() throws {
        let parent = try Self.newCatalog()
        let outside = parent + "/outside.yaml"
        let text = try Self.read(parent + "/nc/" + Self.item).replacingOccurrences(of: "\n审批条件:", with: "\n審批條件:")
        try Self.write(text, outside)
        try FileManager.default.removeItem(atPath: parent + "/nc/" + Self.item)
        try FileManager.default.createSymbolicLink(atPath: parent + "/nc/" + Self.item, withDestinationPath: outside)
        _ = try runZhinan(["fix", "nc"] + Self.standards, in: parent)
        #expect(try Self.read(outside) == text)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/nc/" + Self.item)
        #expect(link == outside)
    }

    @Test func fixOnAFolderThatCannotBeUsed() throws {
        let r = try runZhinan(["fix", "/nonexistent/catalog", "--lang", "en"] + Self.standards)
        #expect(r.status == 2)
        #expect(r.stderr.contains("no catalog folder"))
    }

    // MARK: exit statuses and help texts

    @Test func checkWithoutCatalogYAMLExits2() throws {
        let dir = try makeFolder(.text(["items/a.yaml": "事项名称: 甲\n"]))
        let r = try runZhinan(["check", dir, "--lang", "en"] + Self.standards)
        #expect(r.status == 2)
        #expect(r.stdout.contains("[ZN310]"))
    }

    @Test func explainPrintsJSON() throws {
        let r = try runZhinan(["explain", "ZN119", "--format", "json", "--lang", "en"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "ZN119")
        #expect(object["severity"] as? String == "error")
        #expect(object["machineFixable"] as? Bool == true)
        #expect(object["suppressible"] as? Bool == false)
        let all = try runZhinan(["explain", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(list.count > 50 && list.contains { $0["code"] as? String == "ZN302" })
        let text = try runZhinan(["explain", "ZN302", "--lang", "en"])
        #expect(text.stdout.contains("Machine-fixable: yes."))
    }

    @Test func helpTextsSayWhatTheOptionsTake() throws {
        for command in ["check", "build"] {
            let help = try runZhinan([command, "--help"]).stdout
            #expect(!help.contains("diff and stats"), "\(command)")
            #expect(help.contains("sarif"), "\(command)")
            // --jobs says its default once.
            let jobs = help.components(separatedBy: "\n").filter { $0.contains("--jobs") || $0.contains("number of cores") }
            #expect(jobs.joined().components(separatedBy: "default").count == 2, "\(jobs)")
        }
        let export = try runZhinan(["export", "--help"]).stdout
        #expect(export.contains("text, json, sarif or github"))
        let diff = try runZhinan(["diff", "--help"]).stdout
        #expect(!diff.contains("sarif"))
    }

    @Test func exportToStandardOutput() throws {
        let parent = try Self.newCatalog()
        let r = try runZhinan(["export", "nc", "--format", "json", "-o", "-"] + Self.standards, in: parent)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object != nil)
        #expect(!FileManager.default.fileExists(atPath: parent + "/-"))
        let xml = try runZhinan(["export", "nc", "--format", "xml", "-o", "-"] + Self.standards, in: parent)
        #expect(xml.status == 0 && xml.stdout.hasPrefix("<?xml"))
        let sqlite = try runZhinan(["export", "nc", "--format", "sqlite", "-o", "-", "--lang", "en"] + Self.standards, in: parent)
        #expect(sqlite.status == 2)
        #expect(sqlite.stderr.contains("cannot be written to standard output"))
        #expect(!FileManager.default.fileExists(atPath: parent + "/-"))
    }
}
