import Foundation
import TestSupport
import Testing

/// `--jobs N` changes how many threads work, never what check prints or build writes; and
/// build's cache (OUT/.zhinan-cache) gives the same output as a build from nothing.
@Suite struct JobsTests {
    /// A catalog of the sample's items repeated under new codes (60 items), and, when
    /// `broken`, some of them with errors and warnings.
    static func catalog(broken: Bool) throws -> String {
        let root = repositoryRoot() + "/catalogs/guangdong-zhijian"
        let fm = FileManager.default
        var files: [String: [UInt8]] = ["catalog.yaml": Array(try Data(contentsOf: URL(fileURLWithPath: root + "/catalog.yaml")))]
        let items = try fm.subpathsOfDirectory(atPath: root + "/items").filter { $0.hasSuffix(".yaml") }.sorted()
        for copy in 0..<5 {
            for (n, path) in items.enumerated() {
                var text = try String(contentsOfFile: root + "/items/" + path, encoding: .utf8)
                // A new 子项 number for each copy of each item keeps codes unique.
                let sub = String(copy * 100 + n + 1)
                text = text.replacingOccurrences(
                    of: #"(事项编码: \d{6}-[A-Z]{2}-\d{5}-)\d{3}"#,
                    with: "$1" + String(repeating: "0", count: 3 - sub.count) + sub, options: .regularExpression)
                if copy > 0 { text = text.replacingOccurrences(of: "事项名称: ", with: "事项名称: 第\(copy)批") }
                if broken && n % 3 == copy % 3 {
                    switch (n + copy) % 4 {
                    case 0: text = text.replacingOccurrences(of: "受理范围:", with: "受理範圍:")  // a warning
                    case 1: text = text.replacingOccurrences(of: "  法定:", with: "  法定: 3天\n  法定:")  // duplicate key
                    case 2: text += "\n未知要素: x\n"
                    default: text = text.replacingOccurrences(of: "个工作日", with: "工作天")
                    }
                }
                files["items/c\(copy)/" + path.replacingOccurrences(of: "/", with: "-")] = Array(text.utf8)
            }
        }
        return try makeFolder(files)
    }

    static func tree(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: folder) {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return out
    }

    var standards: [String] { ["--standards", repositoryRoot() + "/standards"] }

    @Test func checkPrintsTheSameForAnyJobs() throws {
        let dir = try Self.catalog(broken: true)
        for format in ["text", "json"] {
            let reference = try runZhinan(["check", dir, "--format", format, "--lang", "en"] + standards)
            #expect(reference.status == 1)
            #expect(reference.stdout.contains("ZN305") && reference.stdout.contains("ZN106"))
            for jobs in ["1", "2", "3", "7"] {
                let r = try runZhinan(["check", dir, "--format", format, "--lang", "en", "--jobs", jobs] + standards)
                #expect(r.status == reference.status)
                #expect(r.stdout == reference.stdout, "check --jobs \(jobs) --format \(format)")
            }
        }
    }

    @Test func buildWritesTheSameForAnyJobs() throws {
        let dir = try Self.catalog(broken: false)
        let parent = try makeFolder([:])
        var outputs: [[String: Data]] = []
        for jobs in ["1", "2", "5"] {
            let r = try runZhinan(["build", dir, "-o", parent + "/out\(jobs)", "--jobs", jobs] + standards)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Self.tree(parent + "/out\(jobs)"))
        }
        #expect(outputs[0].count > 200)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test func aBuildOfUnchangedInputsLeavesTheOutputAlone() throws {
        let dir = try Self.catalog(broken: false)
        // A warning, so that there is something to say again.
        let item = dir + "/items/c1/" + (try FileManager.default.contentsOfDirectory(atPath: dir + "/items/c1").sorted()[0])
        let text = try String(contentsOfFile: item, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "受理范围:", with: "受理範圍:").utf8).write(to: URL(fileURLWithPath: item))
        let out = try makeFolder([:]) + "/out"
        let first = try runZhinan(["build", dir, "-o", out, "--jobs", "2"] + standards)
        #expect(first.status == 0)
        #expect(first.stdout.contains("ZN305"))
        let before = try Self.tree(out)
        let marker = try FileManager.default.attributesOfItem(atPath: out + "/public/index.html")[.modificationDate] as? Date
        for jobs in ["1", "3"] {
            let again = try runZhinan(["build", dir, "-o", out, "--jobs", jobs] + standards)
            #expect(again.status == 0)
            #expect(again.stdout == first.stdout)
            #expect(again.stderr == first.stderr)
            let json = try runZhinan(["build", dir, "-o", out, "--format", "json"] + standards)
            #expect(json.stdout.contains("\"code\":\"ZN305\""))
        }
        #expect(try Self.tree(out) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: out + "/public/index.html")[.modificationDate] as? Date == marker)
    }

    @Test func aBuildAfterAChangeEqualsABuildFromNothing() throws {
        let dir = try Self.catalog(broken: false)
        let parent = try makeFolder([:])
        #expect(try runZhinan(["build", dir, "-o", parent + "/kept", "--jobs", "2"] + standards).status == 0)
        // Change one item's name (other items link to it through shared materials) and
        // another's content.
        let items = try FileManager.default.contentsOfDirectory(atPath: dir + "/items/c2").sorted()
        for (k, name) in items.prefix(2).enumerated() {
            let path = dir + "/items/c2/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data(text.replacingOccurrences(of: k == 0 ? "事项名称: " : "受理范围: ", with: k == 0 ? "事项名称: 改名的" : "受理范围: 改过的").utf8)
                .write(to: URL(fileURLWithPath: path))
        }
        let incremental = try runZhinan(["build", dir, "-o", parent + "/kept", "--jobs", "3"] + standards)
        let fresh = try runZhinan(["build", dir, "-o", parent + "/fresh", "--jobs", "1"] + standards)
        #expect(incremental.status == 0 && fresh.status == 0)
        #expect(try Self.tree(parent + "/kept") == Self.tree(parent + "/fresh"))
    }
}
