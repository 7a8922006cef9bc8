import Catalog
import Foundation
import TestSupport
import Testing

@testable import Exports

/// `catalog.schema.json` and `catalog.xsd`, and whether the exports meet them.
@Suite struct SchemaTests {
    @Test func schemasMatchTheirGoldens() throws {
        try expectGolden(String(decoding: CatalogJSON.schema(), as: UTF8.self), file: Fixtures.golden + "/catalog.schema.json")
        try expectGolden(String(decoding: CatalogXML.schema(), as: UTF8.self), file: Fixtures.golden + "/catalog.xsd")
    }

    /// The tiny catalog, its national twin and its 情形 twin set every field the shape describes, so
    /// validating their exports against the schemas (closed objects) checks the whole
    /// description against the model.
    @Test func tinySetsEveryField() throws {
        var seen: Set<String> = []
        var kinds: Set<String> = []
        func walk(_ value: JSONValue, as shape: CatalogShape.Value) {
            switch (shape, value) {
            case (.object(let name), .object(let members)):
                let object = CatalogShape.objectsByName[name]!
                for field in object.fields {
                    guard let member = members[field.key] else { continue }
                    seen.insert(name + "." + field.key)
                    if field.key == "kind", case .string(let k) = member { kinds.insert(name + "." + k) }
                    if case .array(let entries) = member { if !entries.isEmpty { seen.insert(name + "." + field.key + "[]") } }
                    walk(member, as: field.value)
                }
            case (.list(let element, _), .array(let entries)):
                for e in entries { walk(e, as: element) }
            default: break
            }
        }
        for catalog in [Fixtures.tiny, Fixtures.national, Fixtures.scenarios] {
            let tree = try JSONDecoder().decode(JSONValue.self, from: Data(try CatalogJSON.encode(catalog, variant: .internal)))
            walk(tree, as: .object(CatalogShape.root))
        }
        var expected: Set<String> = []
        for o in CatalogShape.objects {
            for f in o.fields {
                expected.insert(o.name + "." + f.key)
                if case .list = f.value { expected.insert(o.name + "." + f.key + "[]") }
            }
            for v in o.variants {
                for k in v.kinds where !kinds.contains(o.name + "." + k) { Issue.record("the tiny catalog has no \(o.name) of kind \(k)") }
            }
        }
        #expect(expected.subtracting(seen).sorted() == [])
    }

    @Test func everySwiftEnumCaseIsInTheSchema() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(CatalogJSON.schema())) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(schema["$defs"] as? [String: [String: Any]])
        #expect(defs["WindowCategory"] == nil, "窗口类别 is a code set of the profiles, not a Swift enum")
        #expect(defs["CaseType"]?["enum"] as? [String] == CaseType.allCases.map(\.rawValue))
        #expect(defs["MaterialForm"]?["enum"] as? [String] == MaterialForm.allCases.map(\.rawValue))
        #expect(defs["Necessity"]?["enum"] as? [String] == Necessity.allCases.map(\.rawValue))
        #expect(defs["Outcome"]?["enum"] as? [String] == Outcome.allCases.map(\.rawValue))
        let item = try #require(defs["Item"])
        #expect(item["additionalProperties"] as? Bool == false)
        #expect((item["required"] as? [String])?.contains("code") == true)
        #expect((item["required"] as? [String])?.contains("scope") == false)
        let date = try #require((defs["Law"]?["properties"] as? [String: [String: Any]])?["effectiveDate"])
        #expect(date["format"] as? String == "date")
        #expect(date["pattern"] as? String == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    }

    // MARK: - Scripts/validate-exports.py (python3 + jsonschema)

    func validate(_ files: [String], schema: String) throws -> (status: Int32, output: String) {
        let r = try runPython([repositoryRoot() + "/Scripts/validate-exports.py", "--schema", schema] + files)
        return (r.status, r.stderr + r.stdout)
    }

    @Test(.enabled(if: pythonHasJSONSchema, "needs python3 with jsonschema"))
    func exportsValidateAgainstTheSchemaAndCorruptionIsCaught() throws {
        let dir = try Fixtures.temporaryFolder()
        let schema = dir + "/catalog.schema.json"
        try Data(CatalogJSON.schema()).write(to: URL(fileURLWithPath: schema))
        var files: [String] = []
        let catalogs = [("tiny", Fixtures.tiny), ("national", Fixtures.national), ("scenarios", Fixtures.scenarios)] + (try Fixtures.sampleNames.map { ($0, try Fixtures.sample($0)) })
        for (name, catalog) in catalogs {
            for variant in ExportVariant.allCases {
                let path = "\(dir)/\(name).\(variant.rawValue).json"
                try Data(try CatalogJSON.encode(catalog, variant: variant)).write(to: URL(fileURLWithPath: path))
                files.append(path)
            }
        }
        let good = try validate(files, schema: schema)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.hasSuffix("exports: 10 passed, 0 failed\n"), "\(good.output)")

        // A charged fee list missing, an unknown 形式, a days count on 即办, an extra key.
        var json = String(decoding: try CatalogJSON.encode(Fixtures.tiny, variant: .internal), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"form\" : \"复印件\"", with: "\"form\" : \"扫描件\"")
        json = json.replacingOccurrences(of: "\"kind\" : \"immediate\"", with: "\"kind\" : \"immediate\", \"days\" : 1")
        json = json.replacingOccurrences(of: "\"code\" : ", with: "\"surprise\" : true, \"code\" : ")
        json = json.replacingOccurrences(of: "\"effectiveDate\" : \"2014-01-01\"", with: "\"effectiveDate\" : \"2014-02-30\"")
        let bad = dir + "/bad.json"
        try Data(json.utf8).write(to: URL(fileURLWithPath: bad))
        let result = try validate([files[0], bad], schema: schema)
        #expect(result.status == 1)
        #expect(result.output.hasSuffix("exports: 1 passed, 1 failed\n"), "\(result.output)")
        #expect(result.output.contains("'扫描件' is not one of ['原件', '复印件', '原件和复印件']"), "\(result.output)")
        #expect(result.output.contains("'surprise' was unexpected"), "\(result.output)")
        #expect(result.output.contains("/timeLimits/promised"), "\(result.output)")
        #expect(result.output.contains("'2014-02-30' is not a 'date'"), "\(result.output)")
    }
}
