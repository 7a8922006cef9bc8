import Foundation
import TestSupport
import Testing

/// `--max-diagnostics` and the per-file cap on one code, end to end: what is printed, in
/// every format, and that the exit status does not depend on what was left out.
@Suite struct DiagnosticCapTests {
    static let root = repositoryRoot() + "/catalogs/liwan-yichuang/"
    static let standards = ["--standards", repositoryRoot() + "/standards"]

    static func sample() throws -> (catalog: String, item: String) {
        (try String(contentsOfFile: root + "catalog.yaml", encoding: .utf8),
         try String(contentsOfFile: root + "items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8))
    }

    /// items/a.yaml: the sample item with 250 unknown keys (ZN302 at lines 160–409: the food item ends at line 159 since its 情形 question);
    /// items/b.yaml: the sample item again (ZN408 at 2:7, with a note at a.yaml 2:7).
    static func flooded() throws -> String {
        let (catalog, item) = try sample()
        let keys = (0..<250).map { "未知\($0): 1\n" }.joined()
        return try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": item + keys, "items/b.yaml": item]))
    }

    func check(_ dir: String, _ arguments: [String]) throws -> RunResult {
        try runZhinan(["check", ".", "--lang", "en"] + Self.standards + arguments, in: dir)
    }

    static func headers(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(" ") }
    }

    @Test func aFileShowsAHundredOfOneCodeThenHowManyMore() throws {
        let dir = try Self.flooded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for arguments in [[], ["--max-diagnostics", "0"]] {
            let r = try check(dir, arguments)
            #expect(r.status == 1)
            let lines = Self.headers(r.stdout)
            #expect(lines.count == 100 + 1 + 2 + 1, "\(lines.suffix(5))")
            #expect(lines[0] == "./items/a.yaml:160:1: error: \"未知0\" is not an element of the catalog's standards (GB/T 39554.2-2020, DB44/T 1147-2013, DB44/T 1148-2013) [ZN302]")
            #expect(lines[99].hasPrefix("./items/a.yaml:259:1: error: \"未知99\" "))
            #expect(lines[100] == "./items/a.yaml:260:1: error: … and 150 more ZN302 in this file [ZN302]")
            #expect(lines[101].hasPrefix("./items/b.yaml:2:7: error: the item code "))
            #expect(lines.last == "7 files checked: 251 errors, 0 warnings.")
        }
        let zh = try runZhinan(["check", ".", "--lang", "zh"] + Self.standards, in: dir)
        #expect(zh.stdout.contains("./items/a.yaml:260:1: error: ……本文件另有 150 处 ZN302 [ZN302]\n"))
    }

    @Test func theRunShowsAtMostMaxDiagnosticsAndSaysHowManyMore() throws {
        let dir = try Self.flooded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try check(dir, ["--max-diagnostics", "3"])
        #expect(r.status == 1)
        #expect(Self.headers(r.stdout) == [
            "./items/a.yaml:160:1: error: \"未知0\" is not an element of the catalog's standards (GB/T 39554.2-2020, DB44/T 1147-2013, DB44/T 1148-2013) [ZN302]",
            "./items/a.yaml:161:1: error: \"未知1\" is not an element of the catalog's standards (GB/T 39554.2-2020, DB44/T 1147-2013, DB44/T 1148-2013) [ZN302]",
            "./items/a.yaml:162:1: error: \"未知2\" is not an element of the catalog's standards (GB/T 39554.2-2020, DB44/T 1147-2013, DB44/T 1148-2013) [ZN302]",
            "7 files checked: 251 errors, 0 warnings (248 not shown; --max-diagnostics 0 lifts this limit).",
        ])
        let github = try check(dir, ["--max-diagnostics", "1", "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.split(separator: "\n").last == "7 files checked: 251 errors, 0 warnings (250 not shown; --max-diagnostics 0 lifts this limit).")
        #expect(try check(dir, ["--max-diagnostics", "-1"]).status == 2)
    }

    @Test func jsonAndSARIFSayHowManyWereLeftOut() throws {
        let dir = try Self.flooded()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let json = try check(dir, ["--max-diagnostics", "2", "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [Any])?.count == 2)
        #expect(object["omitted"] as? [String: Int] == ["errors": 249, "warnings": 0, "notes": 0])
        #expect(json.stdout.hasSuffix("\n],\"omitted\":{\"errors\":249,\"warnings\":0,\"notes\":0}}\n"))
        // The line standing for 150 is marked with how many it stands for.
        let all = try check(dir, ["--format", "json"])
        #expect(all.stdout.contains("\"message\":\"… and 150 more ZN302 in this file\",\"notes\":[],\"more\":150}"))
        #expect(!all.stdout.contains("\"omitted\""))

        let sarif = try check(dir, ["--max-diagnostics", "2", "--format", "sarif"])
        #expect(sarif.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == 2)
        #expect((run["properties"] as? [String: Any])?["omittedResults"] as? [String: Int] == ["error": 249, "warning": 0, "note": 0])
        if pythonHasJSONSchema {
            let file = dir + "/capped.sarif"
            try Data(sarif.stdout.utf8).write(to: URL(fileURLWithPath: file))
            let v = try runPython([repositoryRoot() + "/Scripts/validate-sarif.py", file])
            #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        }
    }

    @Test func whatIsLeftOutStillDecidesTheExitStatus() throws {
        // a.yaml: only a warning (ZN602 at 59:7); b.yaml: the same code, an error (ZN408)
        // that sorts after it and is left out with --max-diagnostics 1.
        let (catalog, item) = try Self.sample()
        let warned = item.replacingOccurrences(of: "\n  承诺: 5个工作日\n", with: "\n  承诺: 8个工作日\n")
        let dir = try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": warned, "items/b.yaml": item]))
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: dir + "-site")
        }
        let r = try check(dir, ["--max-diagnostics", "1"])
        #expect(r.status == 1)
        #expect(Self.headers(r.stdout).first?.hasPrefix("./items/a.yaml:59:7: warning: ") == true)
        #expect(!r.stdout.contains("[ZN408]"))
        #expect(Self.headers(r.stdout).last == "7 files checked: 1 error, 1 warning (1 not shown; --max-diagnostics 0 lifts this limit).")
        // build: the same error, left out of the report, still stops it.
        let build = try runZhinan(["build", ".", "-o", dir + "-site", "--max-diagnostics", "1"] + Self.standards, in: dir)
        #expect(build.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "-site"))

        // Only warnings, all but one left out: --fail-on warning fails all the same.
        let warnings = try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": warned,
                                             "items/c.yaml": warned.replacingOccurrences(of: "440103-XK-00102-001", with: "440103-XK-00102-002")]))
        defer { try? FileManager.default.removeItem(atPath: warnings) }
        #expect(try check(warnings, ["--max-diagnostics", "1"]).status == 0)
        let strict = try check(warnings, ["--max-diagnostics", "1", "--fail-on", "warning"])
        #expect(strict.status == 1)
        #expect(Self.headers(strict.stdout).last == "7 files checked: 0 errors, 2 warnings (1 not shown; --max-diagnostics 0 lifts this limit).")
    }

    @Test func anUnchangedBuildPrintsWhatTheLastPrinted() throws {
        // A build with warnings left out: the replay from the cache says the same.
        let (catalog, item) = try Self.sample()
        let warned = item.replacingOccurrences(of: "\n  承诺: 5个工作日\n", with: "\n  承诺: 8个工作日\n")
        let dir = try makeFolder(.text(["catalog.yaml": catalog, "items/a.yaml": warned,
                                        "items/c.yaml": warned.replacingOccurrences(of: "440103-XK-00102-001", with: "440103-XK-00102-002")]))
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: dir + "-site")
        }
        let arguments = ["build", ".", "-o", dir + "-site", "--lang", "en", "--max-diagnostics", "1"] + Self.standards
        let first = try runZhinan(arguments, in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try runZhinan(arguments, in: dir)
        #expect(again.stdout == first.stdout)
        #expect(Self.headers(again.stdout).last == "7 files checked: 0 errors, 2 warnings (1 not shown; --max-diagnostics 0 lifts this limit).")
        // Another limit is another report.
        let all = try runZhinan(["build", ".", "-o", dir + "-site", "--lang", "en", "--max-diagnostics", "0"] + Self.standards, in: dir)
        #expect(Self.headers(all.stdout).last == "7 files checked: 0 errors, 2 warnings.")
    }
}
