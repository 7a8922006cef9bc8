import Compiler
import Foundation
import Standards
import TestSupport
import Testing

/// The profiles of the repository's standards/ folder.
func repositoryProfiles() throws -> ProfileLibrary {
    let (library, _, diagnostics) = StandardsLocator.load(
        folder: repositoryRoot() + "/standards", loader: SourceLoader())
    #expect(diagnostics.isEmpty, "the standards load cleanly")
    return library
}

/// The effective profile of DB44/T 1147 and 1148, as the sample catalogs follow them.
func guideAndManual() throws -> EffectiveProfile {
    try repositoryProfiles().resolve(["DB44/T 1147-2013", "DB44/T 1148-2013"]).get()
}

@Suite struct ItemSchemaTests {
    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func defs(_ schema: [String: Any]) -> [String: [String: Any]] {
        (schema["$defs"] as? [String: [String: Any]]) ?? [:]
    }

    static func properties(_ schema: [String: Any]) -> [String: [String: Any]] {
        (schema["properties"] as? [String: [String: Any]]) ?? [:]
    }

    /// The `anyOf: [{required: [a]}, …]` groups of an object schema, as name lists.
    static func requiredGroups(_ schema: [String: Any]) -> [[String]] {
        let constraints = (schema["allOf"] as? [[String: Any]]) ?? []
        return constraints.compactMap { c in
            (c["anyOf"] as? [[String: Any]])?.map { (($0["required"] as? [String]) ?? []).joined(separator: "+") }
        }
    }

    @Test func goldenForGuideAndManual() throws {
        let json = ItemSchema.json(for: try guideAndManual())
        try expectGolden(json, file: folder() + "/Golden/item-schema-DB44-1147-1148.json")
    }

    @Test func isDeterministicAndValidJSON() throws {
        let profile = try guideAndManual()
        let a = ItemSchema.json(for: profile), b = ItemSchema.json(for: profile)
        #expect(a == b)
        let schema = try Self.object(a)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] as? String == "https://zhinan.invalid/schema/item.json")
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect((schema["title"] as? String)?.isEmpty == false)
        #expect((schema["description"] as? String)?.contains("DB44/T 1148-2013") == true)
        // Chinese is written as it is, not as \u escapes.
        #expect(a.contains("\"办理时限\""))
        #expect(!a.contains("\\u"))
    }

    @Test func everyNameOfEveryElementIsAProperty() throws {
        let profile = try guideAndManual()
        let schema = try Self.object(ItemSchema.json(for: profile))
        let properties = Self.properties(schema)
        for spec in profile.elements {
            for name in [spec.name] + spec.synonyms + spec.traditional {
                let p = try #require(properties[name], "\(name) is a property")
                #expect(p["$ref"] as? String == "#/$defs/\(spec.key)")
                #expect((p["description"] as? String)?.isEmpty == false)
            }
            for t in spec.traditional {
                #expect(properties[t]?["deprecated"] as? Bool == true)
                #expect((properties[t]?["description"] as? String)?.contains(spec.name) == true)
            }
            #expect(properties[spec.name]?["deprecated"] == nil)
        }
        #expect(properties.count == profile.elements.reduce(0) { $0 + 1 + $1.synonyms.count + $1.traditional.count })
    }

    @Test func requiredElementsAreRequiredUnderAnyOfTheirNames() throws {
        let profile = try guideAndManual()
        let groups = Self.requiredGroups(try Self.object(ItemSchema.json(for: profile)))
        #expect(groups.contains(["办理时限", "审批时间", "辦理時限", "審批時間"]))
        #expect(groups.contains(["咨询", "审批咨询", "諮詢", "審批諮詢"]))
        #expect(groups.contains(["事项名称", "事項名稱"]))
        for spec in profile.elements where spec.isRequired {
            #expect(groups.contains { $0.first == spec.name }, "\(spec.name) is required")
        }
        // 审批证件 is optional: no group requires it.
        #expect(!groups.contains { $0.contains("审批证件") })
    }

    @Test func anElementUnderTwoNamesIsForbidden() throws {
        let schema = try Self.object(ItemSchema.json(for: try guideAndManual()))
        let constraints = (schema["allOf"] as? [[String: Any]]) ?? []
        let forbidden = constraints.compactMap { $0["not"] as? [String: Any] }.flatMap { not -> [[String]] in
            if let pair = not["required"] as? [String] { return [pair] }
            return ((not["anyOf"] as? [[String: Any]]) ?? []).compactMap { $0["required"] as? [String] }
        }
        #expect(forbidden.contains(["办理时限", "审批时间"]))
        #expect(forbidden.contains(["受理范围", "受理範圍"]))
    }

    @Test func codeElementsTakeTheirCodeSetsValues() throws {
        let profile = try guideAndManual()
        let schema = try Self.object(ItemSchema.json(for: profile))
        let defs = Self.defs(schema)
        #expect(defs["type"]?["enum"] as? [String] == profile.codeSets["事项类型"])
        #expect(defs["caseType"]?["enum"] as? [String] == ["即办件", "承诺件", "联办件", "上报件"])
        // 服务对象 (optional): one value or a list of them, or nothing after the colon.
        let serviceObjects = try #require(defs["serviceObjects"]?["anyOf"] as? [[String: Any]])
        #expect(serviceObjects.count == 2)
        #expect(serviceObjects[0]["enum"] as? [NSObject] == profile.codeSets["服务对象"]!.map { $0 as NSObject } + [NSNull()])
        #expect((serviceObjects[1]["items"] as? [String: Any])?["enum"] as? [String] == profile.codeSets["服务对象"])
        // Fields' code kinds: 形式 from the profile, 结束 from the built-in 办理结果; optional
        // fields may be left empty (null).
        let material = try #require((defs["materials"]?["items"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        #expect((material["形式"]?["enum"] as? [Any])?.compactMap { $0 as? String } == profile.codeSets["材料形式"])
        let step = try #require((defs["flow"]?["items"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        #expect((step["结束"]?["enum"] as? [Any])?.compactMap { $0 as? String } == profile.codeSets["办理结果"])
        #expect(step["时限"]?["pattern"] as? String == ItemSchema.timeLimitPattern)
        let yesNo = try #require(step["计时"]?["enum"] as? [Any])
        #expect(yesNo.count == 5)
        #expect(yesNo.prefix(2).compactMap { $0 as? String } == ["是", "否"])
        #expect(yesNo.last is NSNull)
        // A required text is not blank.
        #expect(defs["name"]?["pattern"] as? String == "\\S")
        #expect(defs["name"]?["type"] as? String == "string")
    }

    @Test func aMaterialNamesItselfOrComesFromTheLibrary() throws {
        let defs = Self.defs(try Self.object(ItemSchema.json(for: try guideAndManual())))
        let material = try #require(defs["materials"]?["items"] as? [String: Any])
        #expect(Self.requiredGroups(material).first == ["材料", "材料库"])
        #expect(material["additionalProperties"] as? Bool == false)
        let timeLimits = try #require(defs["timeLimits"])
        #expect(timeLimits["required"] as? [String] == ["法定"])
        #expect(Self.requiredGroups(timeLimits) == [["承诺", "承諾"]])
    }

    /// A one-element profile with its own code format and code set.
    static func testProfile(format: String?, kinds: [String] = ["甲", "乙"]) throws -> EffectiveProfile {
        var parameters: [String: String] = [:]
        if let format { parameters[ItemSchema.codeFormatParameter] = format }
        let profile = Profile(
            id: "TEST/T 1-2024", title: "测试标准",
            elements: [
                ElementSpec(name: "事项编码", key: "code", type: .itemCode, isRequired: true),
                ElementSpec(name: "类别", key: "kind", type: .code, isRequired: true, synonyms: ["种类"], codeSet: "类别"),
            ],
            codeSets: ["类别": kinds], parameters: parameters)
        return try ProfileLibrary([profile]).resolve([profile.id]).get()
    }

    @Test func theCodePatternComesFromTheProfile() throws {
        let defs = { (p: EffectiveProfile) throws -> [String: [String: Any]] in Self.defs(try Self.object(ItemSchema.json(for: p))) }
        #expect(try defs(try guideAndManual())["code"]?["pattern"] as? String == "^[0-9]{6}-[A-Z]{2}-[0-9]{5}-[0-9]{3}$")
        #expect(try defs(try Self.testProfile(format: "^T-[0-9]{4}$"))["code"]?["pattern"] as? String == "^T-[0-9]{4}$")
        #expect(try defs(try Self.testProfile(format: "^[A-Z]+$"))["code"]?["pattern"] as? String == "^[A-Z]+$")
        let none = try defs(try Self.testProfile(format: nil))["code"]
        #expect(none?["pattern"] as? String == "\\S", "without a format, not blank")
        #expect(none?["type"] as? String == "string")
    }

    @Test func aTestProfilesCodeSetAndSynonymsShowUp() throws {
        let schema = try Self.object(ItemSchema.json(for: try Self.testProfile(format: nil, kinds: ["丙", "丁", "戊"])))
        #expect(Self.defs(schema)["kind"]?["enum"] as? [String] == ["丙", "丁", "戊"])
        #expect(Self.properties(schema)["种类"]?["$ref"] as? String == "#/$defs/kind")
        #expect(schema["required"] as? [String] == ["事项编码"])
        #expect(Self.requiredGroups(schema) == [["类别", "种类"]])
        #expect((schema["description"] as? String)?.contains("TEST/T 1-2024") == true)
    }

    @Test func onlyTheChosenProfilesElementsAppear() throws {
        let guide = try repositoryProfiles().resolve(["DB44/T 1147-2013"]).get()
        let properties = Self.properties(try Self.object(ItemSchema.json(for: guide)))
        #expect(properties["办理时限"] != nil)
        #expect(properties["审批时间"] == nil)
        #expect(properties["审批人员"] == nil)
        #expect(properties["事项编码"] != nil, "inherited from GB/T 39046")
    }
}
