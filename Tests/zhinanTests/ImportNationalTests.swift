import Foundation
import Testing
import TestSupport

/// `zhinan import national`, end to end with the built binary, on the samples' national export.
@Suite(.serialized) struct ImportNationalTests {
    static let root = repositoryRoot()

    /// `export --format national` of a sample, then `import national` of that, in a fresh folder.
    static func exportAndImport(_ sample: String) throws -> (work: String, export: String, imported: String, run: RunResult) {
        let work = try makeFolder([:])
        let export = work + "/tables", imported = work + "/imported"
        let exported = try runZhinan(["export", root + "/catalogs/" + sample, "--format", "national", "-o", export])
        #expect(exported.status == 0, "\(exported.stderr)")
        let run = try runZhinan(["import", "national", export, "-o", imported, "--lang", "en"])
        return (work, export, imported, run)
    }

    /// The errors of `check`, each as `CODE message` with how often it occurs.
    static func errors(_ catalog: String) throws -> (counts: [String: Int], warnings: [String]) {
        let result = try runZhinan(["check", catalog, "--lang", "en"])
        var counts: [String: Int] = [:]
        var warnings: [String] = []
        for line in (result.stdout + result.stderr).split(separator: "\n") {
            if let r = line.range(of: ": error: ") {
                let message = line[r.upperBound...]
                let code = message.suffix(7).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                counts[code + " " + message.dropLast(8), default: 0] += 1
            } else if let r = line.range(of: ": warning: ") {
                warnings.append(String(line[r.upperBound...].suffix(7)))
            }
        }
        return (counts, warnings)
    }

    static let itemPlaceholders = [
        "事项编码", "受理范围", "申请人权利和义务", "办理流程", "法律救济", "审批人员", "审批进程查询", "监督检查",
    ]

    static func expectedErrors(items: Int, windows: Int, laws: Int, extra: [String: Int] = [:]) -> [String: Int] {
        var out: [String: Int] = [
            "ZN307 catalog.yaml lacks 目录名称": 1,
            "ZN307 catalog.yaml lacks 行政区划": 1,
        ]
        let by: [String: String] = [
            "事项编码": "GB/T 39046-2020", "受理范围": "DB44/T 1147-2013, DB44/T 1148-2013", "申请人权利和义务": "DB44/T 1147-2013",
            "法律救济": "DB44/T 1147-2013", "审批人员": "DB44/T 1148-2013", "审批进程查询": "DB44/T 1148-2013", "监督检查": "DB44/T 1148-2013",
        ]
        for element in itemPlaceholders {
            let key = "ZN301 the item lacks the required element \(element) (required by \(by[element] ?? "DB44/T 1147-2013, DB44/T 1148-2013"))"
            out[key] = items
        }
        for i in 1...windows { out["ZN307 entry \(i) of 窗口 lacks 类别", default: 0] += 1 }
        for i in 1...laws { out["ZN307 entry \(i) of 法规 lacks 层级", default: 0] += 1 }
        for (k, v) in extra { out[k] = v }
        return out
    }

    /// Importing each sample's national export and checking the result gives only the
    /// placeholders' missing-element errors (and the samples' own 容缺后补期限 warnings,
    /// an element the tables do not carry).
    @Test(arguments: [("guangdong-zhijian", 14, 4, 9, [String: Int]()),
                      ("liwan-yichuang", 12, 7, 18, ["ZN307 entry 1 of 业务办理项 lacks 名称": 1, "ZN307 entry 2 of 业务办理项 lacks 名称": 1])])
    func importedSampleHasOnlyPlaceholderErrors(sample: String, items: Int, windows: Int, laws: Int, extra: [String: Int]) throws {
        let (work, _, imported, run) = try Self.exportAndImport(sample)
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == imported + "\n")
        #expect(run.stderr.hasPrefix("imported \(items) items, "))
        #expect(run.stderr.contains("  事项编码: \(items)\n  受理范围: \(items)\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: imported + "/items")
        #expect(files.count == items && files.allSatisfy { $0.count == 31 + 5 && $0.hasSuffix(".yaml") })
        let (errors, warnings) = try Self.errors(imported)
        #expect(errors == Self.expectedErrors(items: items, windows: windows, laws: laws, extra: extra))
        #expect(warnings.allSatisfy { $0 == "[ZN609]" })
    }

    /// The block of top-level element `name` in a YAML item file: its line and the indented
    /// lines under it.
    static func block(_ name: String, in text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(name + ":") }) else { return nil }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") { end += 1 }
        return lines[start..<end].joined(separator: "\n")
    }

    /// Fills every placeholder as an officer would (from the sample the tables came from for
    /// the item elements, simple values for the rest), exports the result and gets the same
    /// tables and per-item JSON back, byte for byte.
    @Test(arguments: ["guangdong-zhijian", "liwan-yichuang"])
    func roundTripReproducesTheTables(sample: String) throws {
        let (work, export, imported, run) = try Self.exportAndImport(sample)
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(run.status == 0, "\(run.stderr)")
        // The sample's items by 实施编码.
        var originals: [String: String] = [:]
        let sampleItems = Self.root + "/catalogs/" + sample + "/items"
        for path in FileManager.default.enumerator(atPath: sampleItems)!.compactMap({ $0 as? String }) where path.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: sampleItems + "/" + path, encoding: .utf8)
            if let line = text.components(separatedBy: "\n").first(where: { $0.hasPrefix("实施编码: ") }) {
                originals[String(line.dropFirst("实施编码: ".count))] = text
            }
        }
        let simple: [String: String] = [
            "目录名称": "目录名称: 导入测试", "行政区划": "行政区划: \"440000\"", "窗口.类别": "类别: 综合", "法规.层级": "层级: 法律",
            "业务办理项.名称": "名称: 办理项", "申请材料.原件份数": "原件份数: 1", "申请材料.复印件份数": "复印件份数: 1",
        ]
        func fill(_ text: String, original: String?) -> String {
            text.components(separatedBy: "\n").compactMap { line -> String? in
                if line.hasPrefix("#   ") { return nil }
                guard let r = line.range(of: "# 待补充：") else { return line }
                let what = String(line[r.upperBound...]), indent = String(line[..<r.lowerBound])
                if let value = simple[what] { return indent + value }
                return original.flatMap { Self.block(what, in: $0) } ?? line
            }.joined(separator: "\n")
        }
        let catalogPath = imported + "/catalog.yaml"
        try fill(String(contentsOfFile: catalogPath, encoding: .utf8), original: nil).write(toFile: catalogPath, atomically: true, encoding: .utf8)
        for file in try FileManager.default.contentsOfDirectory(atPath: imported + "/items") {
            let path = imported + "/items/" + file
            let original = originals[String(file.dropLast(5))]
            #expect(original != nil, "no sample item for \(file)")
            // The national tables carry no 情形 (FORMAT.md's questions): the officer writes them
            // again, as the sample has them, since the filled-in 办理流程 names them.
            let scenarios = ["情形", "情形差异"].compactMap { name in original.flatMap { Self.block(name, in: $0) } }
            let filled = fill(try String(contentsOfFile: path, encoding: .utf8), original: original)
            try (scenarios.isEmpty ? filled : filled + "\n" + scenarios.joined(separator: "\n") + "\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let again = work + "/again"
        let exported = try runZhinan(["export", imported, "--format", "national", "-o", again])
        #expect(exported.status == 0, "\(exported.stderr)")
        let names = FileManager.default.enumerator(atPath: export)!.compactMap { $0 as? String }.filter { $0.contains(".") }.sorted()
        #expect(names.count > 5)
        #expect(FileManager.default.enumerator(atPath: again)!.compactMap { $0 as? String }.filter { $0.contains(".") }.sorted() == names)
        for name in names {
            let a = try String(contentsOfFile: export + "/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: again + "/" + name, encoding: .utf8)
            if a != b {
                let diff = zip(a.components(separatedBy: "\n"), b.components(separatedBy: "\n")).first { $0 != $1 }
                Issue.record("\(name) differs: \(String(describing: diff))")
            }
        }
    }
}
