import Foundation
import TestSupport
import Testing

/// `zhinan check` and `zhinan explain` end to end, through the built binary.
@Suite struct CheckCommandTests {
    /// A sample catalog's files: catalog.yaml and one item.
    static func sample() throws -> (catalog: String, item: String) {
        let root = repositoryRoot() + "/catalogs/liwan-yichuang/"
        return (
            try String(contentsOfFile: root + "catalog.yaml", encoding: .utf8),
            try String(contentsOfFile: root + "items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8))
    }

    static func mixedFolder() throws -> String {
        let (catalog, item) = try sample()
        let other = item.replacingOccurrences(of: "00102-001", with: "00102-002")
        return try makeFolder(
            .text([
                "catalog.yaml": catalog,
                "items/good.yaml": item,
                "items/sub/dup.yaml": other + "事项名称: 重复\n",
                "items/tab.yaml": "事项名称: 甲\n办理时限:\n\t法定: 30个工作日\n",
                "items/notes.txt": "not yaml, not read\n",
            ]).merging(["items/gbk.yml": [0xCA, 0xC2, 0xCF, 0xEE, 0x3A, 0x20, 0xCC, 0xD8, 0xD6, 0xD6, 0x0A]]) { a, _ in a })
    }

    @Test func reportsEveryProblemSortedWithPositionsAndExits1() throws {
        let dir = try Self.mixedFolder()
        let lines = try Self.sample().item.split(separator: "\n", omittingEmptySubsequences: false).count
        let r = try runZhinan(["check", ".", "--lang", "en"], in: dir)
        #expect(r.status == 1)
        let headers = r.stdout.split(separator: "\n").filter { $0.hasPrefix("./") && !$0.contains(" note: ") }
        #expect(headers.map { String($0.split(separator: " ")[0]) } == [
            "./items/gbk.yml:1:1:", "./items/sub/dup.yaml:\(lines):1:", "./items/tab.yaml:3:1:",
        ])
        #expect(r.stdout.contains("./items/sub/dup.yaml:1:1: note: first used here"))
        #expect(r.stdout.hasSuffix("9 files checked: 3 errors, 0 warnings.\n"), "\(r.stdout)")
        #expect(r.stderr.isEmpty)
    }

    @Test func cleanFolderExits0() throws {
        let (catalog, item) = try Self.sample()
        let dir = try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": item]))
        let r = try runZhinan(["check", dir, "--lang", "zh"])
        #expect(r.status == 0)
        #expect(r.stdout == "共检查 6 个文件，未发现问题。\n")
    }

    @Test func jsonOutput() throws {
        let dir = try makeFolder(.text(["a.yaml": "k: 1\nk: 2\n"]))
        let r = try runZhinan(["check", dir, "--format", "json", "--lang", "en"])
        #expect(r.status == 2)  // no catalog.yaml: a folder that cannot be used, its files' problems reported all the same
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        let first = (object?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["code"] as? String == "ZN106")
        #expect(first?["line"] as? Int == 2)
        #expect(first?["column"] as? Int == 1)
        #expect(first?["endColumn"] as? Int == 2)
        #expect(first?["file"] as? String == dir + "/a.yaml")
    }

    @Test func missingFolderIsExit2() throws {
        let r = try runZhinan(["check", "/nonexistent/catalog", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no catalog folder at \"/nonexistent/catalog\""))
    }

    @Test func usageErrorIsExit2() throws {
        #expect(try runZhinan(["check"]).status == 2)
        #expect(try runZhinan(["check", ".", "--format", "xml"]).status == 2)
        #expect(try runZhinan(["frobnicate"]).status == 2)
    }

    @Test func languageFollowsLANG() throws {
        let dir = try makeFolder(.text(["a.yaml": "k: 1\nk: 2\n"]))
        let en = try runZhinan(["check", dir], environment: ["LANG": "en_US.UTF-8"])
        #expect(en.stdout.contains("duplicate key \"k\""))
        let zh = try runZhinan(["check", dir], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stdout.contains("键“k”重复出现"))
        let other = try runZhinan(["check", dir], environment: ["LANG": "C"])
        #expect(other.stdout.contains("键“k”重复出现"))
    }

    @Test func outputIsTheSameForAnyJobs() throws {
        let dir = try Self.mixedFolder()
        let one = try runZhinan(["check", ".", "--jobs", "1"], in: dir)
        let two = try runZhinan(["check", ".", "--jobs", "2"], in: dir)
        #expect(one.stdout == two.stdout)
    }

    @Test func aMegabyteAliasBombEndsWithAnError() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var i = 1
        while text.utf8.count < 1_000_000 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
            i += 1
        }
        let dir = try makeFolder(.text(["bomb.yaml": text]))
        let r = try runZhinan(["check", dir, "--lang", "en"])
        #expect(!r.hung, "hung")
        #expect(r.status == 2)  // no catalog.yaml; the bomb is reported all the same
        #expect(r.stdout.contains("[ZN109]"))
    }

    @Test func explainPrintsACode() throws {
        let r = try runZhinan(["explain", "zn106", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("ZN106: Duplicate key\n"))
        let unknown = try runZhinan(["explain", "ZN000", "--lang", "en"])
        #expect(unknown.status == 2)
        let list = try runZhinan(["explain"])
        #expect(list.stdout.contains("ZN101"))
    }
}
