import Foundation
import TestSupport
import Testing

/// `zhinan schema` and `zhinan new item` end to end, through the built binary.
@Suite struct SchemaNewCommandTests {
    static let code = "440103-XK-00999-001"

    /// A fresh copy of the sample catalog catalogs/liwan-yichuang.
    static func catalogCopy() throws -> String {
        let parent = try makeFolder([:])
        let copy = parent + "/liwan-yichuang"
        // The Liwan sample as it was before it followed GB/T 39554.2-2020 (kept for
        // UnchangedCatalogTests): these tests are about the DB44/T skeleton and schema.
        try FileManager.default.copyItem(atPath: folder() + "/Golden/unchanged/catalogs/liwan-yichuang", toPath: copy)
        return copy
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func properties(_ text: String) throws -> [String: Any] {
        try #require(try json(text)["properties"] as? [String: Any])
    }

    // MARK: schema

    @Test func schemaPrintsJSONOfEveryProfile() throws {
        let r = try runZhinan(["schema"], in: repositoryRoot())
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let schema = try Self.json(r.stdout)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = try Self.properties(r.stdout)
        #expect(properties["事项编码"] != nil && properties["审批时间"] != nil && properties["监督检查"] != nil)
    }

    @Test func schemaFindsTheStandardsFromAnywhere() throws {
        // Not in the checkout: the standards folder is found above the executable.
        let r = try runZhinan(["schema"], in: try makeFolder([:]))
        #expect(r.status == 0)
        #expect(try Self.json(r.stdout)["$id"] as? String == "https://zhinan.invalid/schema/item.json")
    }

    @Test func schemaOfChosenStandards() throws {
        let r = try runZhinan(["schema", "--standard", "DB44/T 1147-2013"], in: repositoryRoot())
        #expect(r.status == 0)
        let properties = try Self.properties(r.stdout)
        #expect(properties["办理时限"] != nil)
        #expect(properties["审批人员"] == nil)
        let both = try runZhinan(["schema", "--standard", "DB44/T 1147-2013", "--standard", "DB44/T 1148-2013"], in: repositoryRoot())
        #expect(try Self.properties(both.stdout)["审批人员"] != nil)
    }

    @Test func schemaOfACatalogIsThatOfItsStandards() throws {
        let root = repositoryRoot()
        let fromCatalog = try runZhinan(["schema", "catalogs/liwan-yichuang"], in: root)
        let fromIDs = try runZhinan(
            ["schema", "--standard", "GB/T 39554.2-2020", "--standard", "DB44/T 1147-2013", "--standard", "DB44/T 1148-2013"], in: root)
        #expect(fromCatalog.status == 0)
        #expect(fromCatalog.stdout == fromIDs.stdout)
        // A catalog that follows only the guide.
        let dir = try makeFolder(.text(["catalog.yaml": "目录名称: 测试\n行政区划: \"440100\"\n标准: [DB44/T 1147-2013]\n"]))
        let guide = try runZhinan(["schema", dir])
        #expect(guide.status == 0)
        #expect(try Self.properties(guide.stdout)["审批人员"] == nil)
    }

    @Test func schemaToAFile() throws {
        let dir = try makeFolder([:])
        let r = try runZhinan(["schema", "-o", dir + "/item.schema.json"], in: repositoryRoot())
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOfFile: dir + "/item.schema.json", encoding: .utf8)
        #expect(written == (try runZhinan(["schema"], in: repositoryRoot())).stdout)
    }

    @Test func schemaUsageErrors() throws {
        let unknown = try runZhinan(["schema", "--standard", "DB44/T 1147-2031", "--lang", "en"], in: repositoryRoot())
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("there is no standard \"DB44/T 1147-2031\""))
        #expect(unknown.stderr.contains("did you mean \"DB44/T 1147-2013\"?"))
        let zh = try runZhinan(["schema", "--standard", "XX", "--lang", "zh"], in: repositoryRoot())
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("没有标准“XX”"))
        #expect(try runZhinan(["schema", "catalogs/liwan-yichuang", "--standard", "DB44/T 1147-2013"], in: repositoryRoot()).status == 2)
        let missing = try runZhinan(["schema", "/nonexistent/catalog", "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no catalog folder at \"/nonexistent/catalog\""))
    }

    @Test func schemaOfACatalogWithoutStandardsIsAnError() throws {
        let dir = try makeFolder(.text(["catalog.yaml": "目录名称: 测试\n"]))
        let r = try runZhinan(["schema", dir, "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("does not say which standards it follows"))
    }

    // MARK: new item

    @Test func newItemWritesRefusesAndForces() throws {
        let catalog = try Self.catalogCopy()
        let path = catalog + "/items/\(Self.code).yaml"
        let first = try runZhinan(["new", "item", catalog, "--code", Self.code, "--name", "测试事项", "--lang", "en"])
        #expect(first.status == 0)
        #expect(first.stdout == path + "\n")
        #expect(first.stderr.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("事项编码: \(Self.code)\n"))
        #expect(text.contains("事项名称: 测试事项\n"))
        #expect(text.contains("实施机关: scjgj"))
        #expect(text.contains("【待填写】"))

        try Data("事项名称: 已改动\n".utf8).write(to: URL(fileURLWithPath: path))
        let second = try runZhinan(["new", "item", catalog, "--code", Self.code, "--lang", "en"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists"))
        #expect(second.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "事项名称: 已改动\n", "left alone")
        let zh = try runZhinan(["new", "item", catalog, "--code", Self.code, "--lang", "zh"])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("已经存在"))

        let forced = try runZhinan(["new", "item", catalog, "--code", Self.code, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("事项编码: \(Self.code)\n"))
    }

    @Test func newItemRejectsABadCode() throws {
        let catalog = try Self.catalogCopy()
        let r = try runZhinan(["new", "item", catalog, "--code", "XK-12", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\"XK-12\" does not match"))
        #expect(r.stderr.contains("^[0-9]{6}-[A-Z]{2}-[0-9]{5}-[0-9]{3}$"))
        #expect(!FileManager.default.fileExists(atPath: catalog + "/items/XK-12.yaml"))
        let zh = try runZhinan(["new", "item", catalog, "--code", "../440103-XK-00999-001", "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("不符合标准规定的格式"))
    }

    @Test func newItemUsageErrors() throws {
        let catalog = try Self.catalogCopy()
        #expect(try runZhinan(["new", "item", catalog]).status == 2, "--code is required")
        #expect(try runZhinan(["new", "item", "--code", Self.code]).status == 2, "the catalog is required")
        let missing = try runZhinan(["new", "item", "/nonexistent/catalog", "--code", Self.code, "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no catalog folder"))
        let noCatalogFile = try runZhinan(["new", "item", try makeFolder([:]), "--code", Self.code, "--lang", "en"])
        #expect(noCatalogFile.status == 2)
        #expect(noCatalogFile.stderr.contains("there is no catalog.yaml"))
    }

    @Test func newItemInACatalogWithoutItemsOrRegistries() throws {
        let dir = try makeFolder(.text(["catalog.yaml": "目录名称: 测试\n行政区划: \"440100\"\n标准: [DB44/T 1147-2013]\n"]))
        let r = try runZhinan(["new", "item", dir + "/", "--code", "440100-GF-00001-001"])
        #expect(r.status == 0)
        #expect(r.stdout == dir + "/items/440100-GF-00001-001.yaml\n")
        let text = try String(contentsOfFile: dir + "/items/440100-GF-00001-001.yaml", encoding: .utf8)
        #expect(text.contains("实施机关: 【待填写】"))
        #expect(!text.contains("审批人员"))
    }

    /// Plausible values for every placeholder of the skeleton, by the key it is written
    /// under; a key with several values takes them in turn. Valid per FORMAT.md, so that
    /// the filled item passes `check` today (syntax) and once the binder and rules land.
    static let fills: [String: [String]] = [
        "事项名称": ["测试事项（新办）"],
        "受理范围": ["在荔湾区行政区域内申请办理本事项的单位和个人。"],
        "法规": ["xzxkf"],
        "审批条件": ["申请人具备法律法规规定的条件。"],
        "材料": ["测试事项申请表"],
        "法定": ["20个工作日"],
        "承诺": ["10个工作日"],
        "审批收费": ["不收费"],
        "申请人权利和义务": ["申请人依法享有知情权、陈述权和申辩权；应当如实提交材料，对材料的真实性负责。"],
        "电话": ["020-12345678"],
        "地址": ["荔湾区政务服务中心一楼大厅"],
        "网址": ["https://www.gdzwfw.gov.cn"],
        "邮箱": ["zwfw@example.com"],
        "时限": ["3个工作日", "2个工作日"],
        "条件": ["符合审批条件", "不符合审批条件"],
        "行政复议": ["申请人不服的，可以自知道该行政行为之日起六十日内，向广州市荔湾区人民政府申请行政复议。"],
        "行政诉讼": ["申请人不服的，可以自知道或者应当知道作出行政行为之日起六个月内，向人民法院提起行政诉讼。"],
        "职责": ["前台收件，一次性告知，统一出件。", "审查申请材料，提出审查意见。", "作出准予或者不予的决定。"],
        "审批进程查询": ["凭受理回执编号在广东政务服务网查询办理进度。"],
        "监督检查": ["区局每季度抽查本事项办结件，比例不低于百分之五。"],
    ]

    /// The skeleton with every placeholder replaced; records an issue for a placeholder
    /// the table has no value for.
    static func fill(_ skeleton: String) -> String {
        var used: [String: Int] = [:]
        var parent = ""
        var out: [String] = []
        for line in skeleton.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.drop { $0 == " " }
            if !line.hasPrefix(" "), !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") {
                parent = String(line[..<colon])
            }
            guard !trimmed.hasPrefix("#"), let at = line.range(of: "【待填写】") else {
                out.append(line)
                continue
            }
            // `key: 【待填写】…` or `- 【待填写】…` (a list of text under `parent`).
            let head = line[..<at.lowerBound]
            var key = head.trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("- ") { key.removeFirst(2) }
            key = key.hasSuffix(":") ? String(key.dropLast()) : parent
            guard let values = fills[key] else {
                Issue.record("no value to fill in for \(key): \(line)")
                out.append(line)
                continue
            }
            let i = used[key, default: 0]
            used[key] = i + 1
            out.append(head + values[min(i, values.count - 1)])
        }
        return out.joined(separator: "\n")
            // 承诺 of 10 working days makes it a 承诺件, not a 即办件.
            .replacingOccurrences(of: "\n办件类型: 即办件", with: "\n办件类型: 承诺件")
    }

    @Test func aFilledSkeletonChecksClean() throws {
        let catalog = try Self.catalogCopy()
        let r = try runZhinan(["new", "item", catalog, "--code", Self.code])
        #expect(r.status == 0)
        let path = catalog + "/items/\(Self.code).yaml"
        let filled = Self.fill(try String(contentsOfFile: path, encoding: .utf8))
        let active = filled.split(separator: "\n").filter { !$0.drop { $0 == " " }.hasPrefix("#") }
        #expect(!active.contains { $0.contains("【待填写】") }, "every placeholder filled")
        #expect(filled.contains("办件类型: 承诺件"))
        try Data(filled.utf8).write(to: URL(fileURLWithPath: path))
        let check = try runZhinan(["check", catalog, "--lang", "en"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("error"))
    }

    @Test func anUnfilledSkeletonIsStillValidYAML() throws {
        // Today `check` reads syntax only; once the rules land the placeholders are errors.
        let catalog = try Self.catalogCopy()
        _ = try runZhinan(["new", "item", catalog, "--code", Self.code])
        let check = try runZhinan(["check", catalog, "--format", "json"])
        let diagnostics = try #require(try Self.json(check.stdout)["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.contains { ($0["code"] as? String)?.hasPrefix("ZN1") == true }, "no YAML syntax problem")
    }
}
