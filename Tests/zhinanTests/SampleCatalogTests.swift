import Foundation
import TestSupport
import Testing

/// The sample catalogs are the project's own acceptance test: they check clean.
@Suite struct SampleCatalogTests {
    @Test(arguments: ["guangdong-zhijian", "liwan-yichuang"])
    func sampleChecksClean(name: String) throws {
        let r = try runZhinan(["check", "catalogs/" + name, "--lang", "en"], in: repositoryRoot())
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("checked, no problems found.\n"), "\(r.stdout)")
    }

    @Test func aBrokenCopyReportsEachProblemAtItsPlace() throws {
        let root = repositoryRoot() + "/catalogs/liwan-yichuang"
        var files: [String: String] = [:]
        for path in ["catalog.yaml", "items/jingying/shipin-jingying-xuke.yaml", "items/jingying/gonggong-changsuo-weisheng-xuke.yaml"] {
            files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        func edit(_ path: String, _ old: String, _ new: String) {
            precondition(files[path]!.contains(old))
            files[path] = files[path]!.replacingOccurrences(of: old, with: new)
        }
        let food = "items/jingying/shipin-jingying-xuke.yaml", hygiene = "items/jingying/gonggong-changsuo-weisheng-xuke.yaml"
        edit(food, "  承诺: 5个工作日", "  承诺: 15个工作日")
        edit(food, "材料库: sfz\n", "材料库: sfzz\n")
        edit(hygiene, "事项编码: 440103-XK-00201-001", "事项编码: 440103-XK-00102-001")
        edit(hygiene, "    时限: 3个工作日\n", "    时限: 6个工作日\n")
        let dir = try makeFolder(.text(files))
        let r = try runZhinan(["check", ".", "--standards", repositoryRoot() + "/standards", "--lang", "en"], in: dir)
        #expect(r.status == 1)
        let headers = r.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0.split(separator: " ")[0] + " " + $0.split(separator: "[").last! }
        #expect(headers == [
            "./\(hygiene):71:7: ZN605]", "./\(food):2:7: ZN408]", "./\(food):34:10: ZN501]", "./\(food):59:7: ZN601]",
        ])
    }
}
