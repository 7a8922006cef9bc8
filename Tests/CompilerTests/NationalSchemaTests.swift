import Compiler
import Foundation
import Standards
import TestSupport
import Testing

/// `zhinan schema` and `zhinan new item` show GB/T 39554.2-2020's materials, results and
/// procedures to a catalog that follows it, and nothing of them to one that does not.
@Suite struct NationalSchemaTests {
    static func national() throws -> EffectiveProfile {
        try repositoryProfiles().resolve(["GB/T 39554.2-2020", "DB44/T 1147-2013", "DB44/T 1148-2013"]).get()
    }

    static func schema(_ profile: EffectiveProfile) throws -> [String: Any] {
        try ItemSchemaTests.object(ItemSchema.json(for: profile))
    }

    @Test func theSchemaHasTheElementsAndFields() throws {
        let schema = try Self.schema(try Self.national())
        let properties = ItemSchemaTests.properties(schema)
        for name in ["审批结果", "特别程序", "数量限制", "常见问题", "版本", "生效日期", "废止日期", "告知承诺"] {
            #expect(properties[name] != nil, "\(name)")
        }
        let defs = ItemSchemaTests.defs(schema)
        let result = try #require(defs["result"]?["properties"] as? [String: [String: Any]])
        #expect((result["类型"]?["enum"] as? [String]) == ["证照", "批文", "其他", "无"])
        #expect(defs["version"]?["type"] as? [String] == ["integer", "null"])
        let material = try #require((defs["materials"]?["items"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        for field in ["原件份数", "复印件份数", "空表", "样表", "填报须知", "免提交", "核验原件", "容缺后补期限"] {
            #expect(material[field] != nil, "\(field)")
        }
        #expect((material["免提交"]?["enum"] as? [Any])?.count == 5)  // 3 reasons, 否, null
        let limits = try #require(defs["timeLimits"]?["properties"] as? [String: [String: Any]])
        #expect(limits["法定说明"] != nil && limits["承诺说明"] != nil)
        #expect((limits["法定"]?["anyOf"] as? [[String: Any]])?.last?["const"] as? String == "无")
    }

    /// 审批结果 is required under the national profile, and DB44/T 1148's 审批证件 stands in
    /// for it (the binder accepts either; the samples write 审批证件): the schema agrees.
    @Test func theCertificateStandsInForTheRequiredResult() throws {
        let groups = ItemSchemaTests.requiredGroups(try Self.schema(try Self.national()))
        #expect(groups.contains(["审批结果", "办理结果", "审批结果名称", "审批证件", "審批證件"]), "\(groups)")
    }

    /// The metaschema wants every `required` and `enum` list free of repeats (CI's jsonschema
    /// refused `required: [替代材料, 替代材料]` once), and no name may be its own traditional
    /// spelling (the property was marked deprecated).
    @Test func noListRepeatsAndNoNameIsItsOwnTraditionalSpelling() throws {
        var repeats: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for key in ["required", "enum"] {
                    if let list = object[key] as? [Any] {
                        let texts = list.map { ($0 is String ? "“\($0)”" : "\($0)") }  // 0 and "0" differ
                        if Set(texts).count != texts.count { repeats.append("\(path)/\(key): \(texts)") }
                    }
                }
                if let description = object["description"] as? String,
                   let m = description.firstMatch(of: /“(.+)”是繁体写法，请写作“(.+)”/), m.1 == m.2 {
                    repeats.append("\(path): \(description)")
                }
                for (key, child) in object { walk(child, path + "/" + key) }
            } else if let array = value as? [Any] {
                for (i, child) in array.enumerated() { walk(child, path + "/\(i)") }
            }
        }
        walk(try Self.schema(try Self.national()), "")
        walk(try Self.schema(try guideAndManual()), "")
        #expect(repeats == [])
    }

    @Test func withoutTheProfileTheSchemaIsAsBefore() throws {
        let schema = try Self.schema(try guideAndManual())
        #expect(ItemSchemaTests.properties(schema)["审批结果"] == nil)
        let defs = ItemSchemaTests.defs(schema)
        let material = try #require((defs["materials"]?["items"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        #expect(material["原件份数"] == nil && material["免提交"] == nil)
        let limits = try #require(defs["timeLimits"]?["properties"] as? [String: [String: Any]])
        #expect(limits["法定说明"] == nil && limits["法定"]?["anyOf"] == nil)
    }

    @Test func theSkeletonOffersThem() throws {
        let text = ItemSkeleton.yaml(for: try Self.national(), code: "440100-XK-00012-001", name: nil, agency: "scjgj", window: "jy-1")
        // 审批结果 is required: written out; the others offered, commented out.
        #expect(text.contains("\n审批结果:\n  类型: 证照"), "\(text)")
        for name in ["特别程序", "数量限制", "常见问题", "版本", "生效日期", "废止日期", "告知承诺"] {
            #expect(text.contains("\n# \(name):"), "\(name)")
        }
        for field in ["原件份数", "复印件份数", "空表", "样表", "填报须知", "免提交", "核验原件", "容缺后补期限"] {
            #expect(text.contains("# \(field):"), "\(field)")
        }
        let old = ItemSkeleton.yaml(for: try guideAndManual(), code: "440100-XK-00012-001", name: nil, agency: "scjgj", window: "jy-1")
        #expect(!old.contains("原件份数") && !old.contains("审批结果"))
    }
}
