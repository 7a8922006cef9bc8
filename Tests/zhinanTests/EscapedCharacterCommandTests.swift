import Foundation
import TestSupport
import Testing

/// Control characters and noncharacters written as escapes in double quotes, through the
/// built binary: `check`, `build` and every export refuse the catalog with a diagnostic at
/// the escape (ZN420), and write nothing.
@Suite struct EscapedCharacterCommandTests {
    static let sample = repositoryRoot() + "/catalogs/liwan-yichuang"
    static let item = "items/jingying/shipin-jingying-xuke.yaml"

    /// A copy of the sample catalog, in a folder of its own, with line `n` of the item
    /// replaced by `text`. Returns the catalog folder.
    static func catalog(line n: Int, _ text: String) throws -> String {
        let dir = try makeFolder([:]) + "/catalog"
        try FileManager.default.copyItem(atPath: sample, toPath: dir)
        var lines = try String(contentsOfFile: dir + "/" + item, encoding: .utf8).components(separatedBy: "\n")
        lines[n - 1] = text
        try lines.joined(separator: "\n").write(toFile: dir + "/" + item, atomically: true, encoding: .utf8)
        return dir
    }

    /// `CODE@file:line:column` of the JSON diagnostics of `check`.
    static func check(_ dir: String) throws -> (status: Int32, found: [String]) {
        let r = try runZhinan(["check", dir, "--lang", "en", "--format", "json"])
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let found = (object?["diagnostics"] as? [[String: Any]] ?? []).map { d in
            "\(d["code"] as? String ?? "?")@\((d["file"] as? String ?? "").replacingOccurrences(of: dir + "/", with: "")):\(d["line"] as? Int ?? 0):\(d["column"] as? Int ?? 0)"
        }
        return (r.status, found)
    }

    /// Expects `build` and the three exports to refuse the catalog in `dir` with `located`
    /// (`path:line:column`) in their output, and to write nothing beside it.
    static func expectNothingWritten(_ dir: String, located: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parent = (dir as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let build = try runZhinan(["build", dir, "-o", parent + "/site", "--lang", "en"])
        var runs = [("build", build)]
        for format in ["xml", "json", "sqlite"] {
            runs.append((format, try runZhinan(["export", dir, "--format", format, "-o", parent + "/catalog." + format, "--lang", "en"])))
        }
        for (what, r) in runs {
            #expect(r.status == 1, "\(what): exit status \(r.status)\n\(r.stdout)\(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stdout.contains("\(dir)/\(located): error: the escape "), "\(what): \(r.stdout)", sourceLocation: sourceLocation)
            #expect(r.stdout.contains("[ZN420]"), "\(what)", sourceLocation: sourceLocation)
            #expect(!r.stderr.contains("bug"), "\(what): \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["catalog"], sourceLocation: sourceLocation)
    }

    @Test(arguments: [#"\0"#, #"\x01"#, #"\e"#, #"\b"#, #"\uFFFE"#, #"\uFFFF"#, #"\x85"#, #"\uFDD0"#])
    func checkRefusesTheEscapeWhereItIsWritten(escape: String) throws {
        let dir = try Self.catalog(line: 1, "事项名称: \"食品\(escape)经营许可（新办）\"")
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let (status, found) = try Self.check(dir)
        #expect(status == 1)
        // `事项名称: "食品` is 9 characters; the item is not read further, so the bundles
        // that list it find no such member.
        #expect(found.filter { !$0.hasPrefix("ZN901@") } == ["ZN420@\(Self.item):1:10"], "\(found)")
    }

    @Test(arguments: [#"\0"#, #"\e"#, #"\uFFFE"#])
    func buildAndEveryExportRefuseAndWriteNothing(escape: String) throws {
        let dir = try Self.catalog(line: 1, "事项名称: \"食品\(escape)经营许可（新办）\"")
        try Self.expectNothingWritten(dir, located: "\(Self.item):1:10")
    }

    @Test func aNULEscapedInTheItemCode() throws {
        let dir = try Self.catalog(line: 2, #"事项编码: "440103-XK-00102-001\0/../../evil""#)
        let (status, found) = try Self.check(dir)
        #expect(status == 1)
        #expect(found.filter { !$0.hasPrefix("ZN901@") } == ["ZN420@\(Self.item):2:27"], "\(found)")
        try Self.expectNothingWritten(dir, located: "\(Self.item):2:27")
    }
}
