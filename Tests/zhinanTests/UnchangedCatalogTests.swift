import Foundation
import TestSupport
import Testing

/// Catalogs that do not follow GB/T 39554.2-2020 check exactly as before it existed. The
/// goldens in Golden/unchanged were recorded once with the binary and profiles of the
/// commit before the national profile (t13-contract, 9726760) and are never re-recorded:
/// copies of both samples, clean and with planted faults that touch what the profile
/// changed (窗口类别 and 办理形式 values, 联办件, 办理结果, 即办件), in both languages, as
/// text and JSON, must print the very same bytes and exit with the same status. The copies
/// are of the samples as they were then (Golden/unchanged/catalogs, taken from main before
/// issue 13): the samples in catalogs/ follow the profile now, so they cannot hold this.
@Suite struct UnchangedCatalogTests {
    static let goldens = folder() + "/Golden/unchanged"

    /// The planted faults, as the recording applied them (the first occurrence replaced).
    static let faults: [String: [(path: String, old: String, new: String)]] = [
        "liwan-yichuang": [
            ("catalog.yaml", "    类别: 工程类\n", "    类别: 综窗\n"),
            ("items/jingying/shipin-jingying-xuke.yaml", "办理形式: [窗口, 电脑端, 移动端]", "办理形式: [窗口办理, 电脑端, 移动端]"),
            ("items/jingying/shipin-jingying-xuke.yaml", "办件类型: 承诺件", "办件类型: 联办件"),
            ("items/jingying/shipin-jingying-xuke.yaml", "    结束: 不予\n", "    结束: 驳回\n"),
            ("items/jingying/shipin-jingying-xuke.yaml", "  承诺: 5个工作日", "  承诺: 15个工作日"),
        ],
        "guangdong-zhijian": [
            ("items/shengchanxuke/gongye-chanpin-xuke-yanxu.yaml", "办理形式: [电脑端]", "办理形式: [电脑端网上办理]"),
            ("items/shengchanxuke/gongye-chanpin-xuke-shouci.yaml", "办件类型: 承诺件", "办件类型: 即办件"),
        ],
    ]

    /// A copy of the sample `name`, with its faults planted when `faulted`.
    static func copy(_ name: String, faulted: Bool) throws -> String {
        let root = goldens + "/catalogs/" + name
        var files: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: root)!
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[path] = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
        }
        if faulted {
            for (path, old, new) in faults[name]! {
                let text = String(decoding: try #require(files[path]), as: UTF8.self)
                let range = try #require(text.range(of: old), "\(path) no longer holds \(old)")
                files[path] = Array(text.replacingCharacters(in: range, with: new).utf8)
            }
        }
        return try makeFolder(files)
    }

    @Test(arguments: ["guangdong-zhijian", "liwan-yichuang"], [false, true])
    func checkPrintsWhatItPrintedBefore(name: String, faulted: Bool) throws {
        let dir = try Self.copy(name, faulted: faulted)
        for lang in ["zh", "en"] {
            for (format, ext) in [("text", "txt"), ("json", "json")] {
                let golden = "\(Self.goldens)/\(name)-\(faulted ? "faulted" : "clean").\(lang).\(ext)"
                let r = try runZhinan(
                    ["check", ".", "--standards", repositoryRoot() + "/standards", "--lang", lang, "--format", format], in: dir)
                let expected = try String(contentsOfFile: golden, encoding: .utf8)
                let status = try String(contentsOfFile: golden + ".status", encoding: .utf8)
                #expect(r.stdout == expected, "\(golden)")
                #expect("\(r.status)\n" == status, "\(golden)")
            }
        }
    }

    /// A national element in a catalog that does not follow the profile is an unknown element
    /// whose message names the profile that defines it, and so is a heading alias of it.
    @Test func aNationalElementOutsideTheProfileSaysWhereItIsDefined() throws {
        let dir = try Self.copy("guangdong-zhijian", faulted: false)
        let path = dir + "/items/shengchanxuke/gongye-chanpin-xuke-yanxu.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "办理形式: [电脑端]", with: "办理形式: [电脑端]\n到现场次数: 0\n设定依据: 无\n法定办结时限: 20个工作日")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try runZhinan(["check", ".", "--standards", repositoryRoot() + "/standards", "--lang", "zh"], in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").filter { $0.contains("[ZN302]") }
        #expect(lines == [
            "./items/shengchanxuke/gongye-chanpin-xuke-yanxu.yaml:9:1: error: “到现场次数”不是目录所遵循标准（DB44/T 1147-2013、DB44/T 1148-2013）中的要素；该要素由标准 GB/T 39554.2-2020 定义；在 catalog.yaml 的 标准 中加入它 [ZN302]",
            "./items/shengchanxuke/gongye-chanpin-xuke-yanxu.yaml:10:1: error: “设定依据”在 DB44/T 1147-2013 中叫“办理依据”，请写作“办理依据” [ZN302]",
            "./items/shengchanxuke/gongye-chanpin-xuke-yanxu.yaml:11:1: error: “法定办结时限”在 DB44/T 1147-2013 中是“办理时限”的“法定”：请写在“办理时限”下的“法定”中 [ZN302]",
        ])
    }
}
