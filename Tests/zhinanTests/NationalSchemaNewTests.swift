import Foundation
import TestSupport
import Testing

/// `zhinan schema` and `zhinan new item` under GB/T 39554.2-2020: both are made from the
/// profiles, so they show its elements, code sets and heading aliases.
@Suite struct NationalSchemaNewTests {
    static let standards = ["--standard", "GB/T 39554.2-2020", "--standard", "DB44/T 1147-2013", "--standard", "DB44/T 1148-2013"]

    /// A copy of catalogs/liwan-yichuang that follows the national profile, without its items
    /// and bundles (written before the profile).
    static func nationalCatalog() throws -> String {
        let catalog = try SchemaNewCommandTests.catalogCopy()
        for folder in ["items", "bundles"] { try FileManager.default.removeItem(atPath: catalog + "/" + folder) }
        let path = catalog + "/catalog.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let old = "标准: [DB44/T 1147-2013, DB44/T 1148-2013]"
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: "标准: [GB/T 39554.2-2020, DB44/T 1147-2013, DB44/T 1148-2013]")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return catalog
    }

    @Test func schemaShowsTheNationalElementsAndAliases() throws {
        let r = try runZhinan(["schema"] + Self.standards, in: repositoryRoot())
        #expect(r.status == 0)
        let schema = try SchemaNewCommandTests.json(r.stdout)
        let properties = try SchemaNewCommandTests.properties(r.stdout)
        for name in ["基本编码", "实施编码", "业务办理项", "行使层级", "实施主体性质", "权力来源", "委托部门", "联办机构", "到现场次数",
                     "必须现场办理原因", "网上办理深度", "网办地址", "通办范围", "监督投诉", "设定依据", "受理条件", "收费标准",
                     "咨询方式", "监督投诉方式", "办理地点", "申请材料目录", "法定办结时限", "承诺办结时限"] {
            #expect(properties[name] != nil, "\(name)")
        }
        let defs = try #require(schema["$defs"] as? [String: Any])
        let visits = try #require(defs["onSiteVisits"] as? [String: Any])
        #expect((visits["enum"] as? [Any])?.count == 8, "0–3 as text and as numbers")
        let level = try #require(defs["exerciseLevel"] as? [String: Any])
        #expect((level["enum"] as? [String])?.first == "国家级")
        let forms = try #require((defs["handlingForms"] as? [String: Any]).map { "\($0)" })
        #expect(forms.contains("电脑端网上办理") && forms.contains("电脑端"))
        // Without the profile: none of them.
        let local = try runZhinan(["schema", "--standard", "DB44/T 1147-2013"], in: repositoryRoot())
        let localProperties = try SchemaNewCommandTests.properties(local.stdout)
        #expect(localProperties["基本编码"] == nil && localProperties["设定依据"] == nil && localProperties["法定办结时限"] == nil)
    }

    @Test func newItemWritesTheNationalElementsAndAFilledOneChecksClean() throws {
        let catalog = try Self.nationalCatalog()
        let code = SchemaNewCommandTests.code
        let r = try runZhinan(["new", "item", catalog, "--code", code])
        #expect(r.status == 0, "\(r.stderr)")
        let path = catalog + "/items/\(code).yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in ["基本编码: 【待填写】", "实施编码: 【待填写】", "行使层级: 国家级", "实施主体性质: 法定机关", "权力来源: 法定本级行使",
                     "到现场次数: \"0\"", "监督投诉:", "# 委托部门: ", "# 联办机构:", "# 网上办理深度: [互联网咨询]", "# 网办地址: ",
                     "# 必须现场办理原因: ", "# 业务办理项:", "# 通办范围: 全国"] {
            #expect(text.contains(line), "\(line)")
        }
        // The national placeholders filled as an officer would for this catalog's agency.
        var national = text
        for (old, new) in [
            ("基本编码: 【待填写】", "基本编码: \"000104002000\"   # "),
            ("实施编码: 【待填写】", "实施编码: 11440103MB2D0452194000104002000   # "),
            ("行使层级: 国家级", "行使层级: 县级"),
        ] {
            let range = try #require(national.range(of: old))
            national.replaceSubrange(range, with: new)
        }
        national = national.replacingOccurrences(of: "  电话: 【待填写】", with: "  电话: \"12345\"   # ")
            .replacingOccurrences(of: "  网址: 【待填写】", with: "  网址: https://www.gz.gov.cn/   # ")
            .replacingOccurrences(of: "  地址: 【待填写】", with: "  地址: 荔湾区政务服务中心   # ")
            .replacingOccurrences(of: "  邮箱: 【待填写】", with: "  邮箱: ts@example.gov.cn   # ")
            // 审批结果 of 类型 证照 needs its 名称 (ZN827), which the skeleton offers commented out.
            .replacingOccurrences(of: "  # 名称: 【待填写】", with: "  名称: 食品经营许可证   # ")
        let filled = SchemaNewCommandTests.fill(national)
        try Data(filled.utf8).write(to: URL(fileURLWithPath: path))
        let check = try runZhinan(["check", catalog, "--lang", "en"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("error"), "\(check.stdout)")
    }
}
