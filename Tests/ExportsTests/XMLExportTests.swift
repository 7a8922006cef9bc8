import Catalog
import Foundation
import TestSupport
import Testing

@testable import Exports

@Suite struct XMLExportTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test(arguments: ExportVariant.allCases)
    func tinyCatalogMatchesItsGolden(variant: ExportVariant) throws {
        let xml = try CatalogXML.encode(Fixtures.tiny, variant: variant)
        try expectGolden(text(xml), file: Fixtures.golden + "/tiny.\(variant.rawValue).xml")
    }

    /// Every national 实施清单 element, validated against the XSD (encode throws otherwise).
    @Test func nationalCatalogMatchesItsGolden() throws {
        let xml = try CatalogXML.encode(Fixtures.national, variant: .public)
        try expectGolden(text(xml), file: Fixtures.golden + "/national.public.xml")
        #expect(text(xml).contains("<codeSets>\n    <codeSet>\n      <name>审批结果类型</name>"))
    }

    @Test(arguments: Fixtures.sampleNames, ExportVariant.allCases)
    func samplesExportAndValidate(name: String, variant: ExportVariant) throws {
        let catalog = try Fixtures.sample(name)
        let xml = try CatalogXML.encode(catalog, variant: variant)  // validates, or throws
        try CatalogXML.validate(xml)
        let s = text(xml)
        #expect(s.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog xmlns=\"urn:zhinan:catalog:1\">\n"))
        #expect(s.components(separatedBy: "<item>").count - 1 == catalog.items.count)
        #expect(s.contains("<staff>") == (variant == .internal), "staff roles only in the internal variant")
        #expect(try CatalogXML.encode(catalog, variant: variant) == xml, "deterministic")
    }

    /// Written an item at a time, the XML is the one the whole catalog's tree gives.
    @Test(arguments: Fixtures.sampleNames + ["tiny", "national", "scenarios"], ExportVariant.allCases)
    func itemAtATimeEqualsTheWholeTree(name: String, variant: ExportVariant) throws {
        let catalog = name == "tiny" ? Fixtures.tiny : name == "national" ? Fixtures.national
            : name == "scenarios" ? Fixtures.scenarios : try Fixtures.sample(name)
        let whole = try CatalogXML.write(ExportDefaults.whole(try TreeEncoder().encode(variant.view(of: catalog))))
        #expect(try CatalogXML.encode(catalog, variant: variant) == whole)
        let both = try CatalogJSONAndXML.encode(catalog, variant: variant)
        #expect(both.xml == whole)
        #expect(both.json == (try CatalogJSON.encode(catalog, variant: variant)))
    }

    /// A problem in an item's tree is reported at its path.
    @Test func aMismatchNamesItsPath() throws {
        let tree = try JSONDecoder().decode(JSONValue.self, from: Data(try CatalogJSON.encode(Fixtures.tiny)))
        guard case .object(var root) = tree, case .array(var items) = root["items"],
              case .object(var item) = items[1], case .array(var materials) = item["materials"],
              case .object(var material) = materials[0]
        else { Issue.record("unexpected tree"); return }
        material["copies"] = .string("two")
        materials[0] = .object(material)
        item["materials"] = .array(materials)
        items[1] = .object(item)
        root["items"] = .array(items)
        #expect {
            try CatalogXML.write(.object(root))
        } throws: { error in
            guard case ExportError.undescribed(let path, let message) = error else { return false }
            return path == "catalog/items[1]/materials[0]/copies" && message.hasPrefix("expected an integer")
        }
    }

    /// The XML is written from the `Codable` tree directly (less the empty national elements,
    /// ``ExportDefaults``); it is the tree the JSON holds.
    @Test func theTreeIsTheJSON() throws {
        for catalog in [Fixtures.tiny, Fixtures.national, Fixtures.scenarios] + (try Fixtures.sampleNames.map(Fixtures.sample)) {
            for variant in ExportVariant.allCases {
                let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(try CatalogJSON.encode(catalog, variant: variant)))
                #expect(ExportDefaults.whole(try TreeEncoder().encode(variant.view(of: catalog))) == parsed)
            }
        }
    }

    @Test func textIsEscapedAndSecretsStayOut() throws {
        let s = text(try CatalogXML.encode(Fixtures.tiny, variant: .public))
        #expect(s.contains("<scope>使用锅炉、压力容器 &lt;含移动式&gt; &amp; 电梯的单位。</scope>"))
        #expect(s.contains("申请人享有知情权。&#13;\n申请人应当如实提交材料，\t&quot;对真实性负责&quot;。"))
        for secret in Fixtures.secrets { #expect(!s.contains(secret), "\(secret)") }
        #expect(s.contains("<fees>\n        <kind>charged</kind>\n        <items>\n          <fee>\n            <name>工本费</name>"))
    }

    /// Proves the validator runs: documents that break the XSD in different ways are refused.
    @Test(arguments: [
        ("<region>440100</region>", "<region>44010X</region>", "region"),
        ("<name>某某市住房和建设局</name>\n", "", "agency"),
        ("<formatVersion>1</formatVersion>", "<formatVersion>2</formatVersion>", "formatVersion"),
        ("<exemption>数据共享</exemption>", "<exemption>其他</exemption>", "exemption"),
        ("<necessity>必要</necessity>", "<necessity>必要</necessity><surprise/>", "surprise"),
        ("<copies>2</copies>", "<copies>0</copies>", "copies"),
        ("<isTimed>false</isTimed>", "<isTimed>no</isTimed>", "isTimed"),
    ] + ["2023-02-30", "2023-02-29", "0000-01-01", "2014-01-01Z", "12014-01-01"].map {
        // effectiveDate is an xs:date of the YYYY-MM-DD form: a real calendar date, no zone.
        ("<effectiveDate>2014-01-01</effectiveDate>", "<effectiveDate>\($0)</effectiveDate>", "effectiveDate")
    })
    func corruptedDocumentsFailValidation(original: String, replacement: String, mentioned: String) throws {
        let xml = text(try CatalogXML.encode(Fixtures.tiny, variant: .internal))
        #expect(xml.contains(original))
        var corrupted = xml
        corrupted.replaceSubrange(corrupted.range(of: original)!, with: replacement)
        do {
            try CatalogXML.validate(Array(corrupted.utf8))
            Issue.record("a corrupted document validated")
        } catch ExportError.invalidXML(let problems) {
            #expect(!problems.isEmpty)
            #expect(problems.contains { $0.contains(mentioned) && $0.hasPrefix("line ") }, "\(problems)")
        }
    }

    @Test func malformedAndForeignDocumentsFail() throws {
        let xml = text(try CatalogXML.encode(Fixtures.tiny))
        #expect(throws: ExportError.self) { try CatalogXML.validate(Array(xml.replacingOccurrences(of: "</items>", with: "").utf8)) }
        #expect(throws: ExportError.self) {
            try CatalogXML.validate(Array(xml.replacingOccurrences(of: "urn:zhinan:catalog:1", with: "urn:other").utf8))
        }
        #expect(throws: ExportError.self) { try CatalogXML.validate([]) }
    }

    @Test func aCharacterXMLCannotHoldIsRefused() throws {
        var catalog = Fixtures.tiny
        catalog.name = "目录\u{1}名称"
        #expect(throws: ExportError.xml("catalog/name holds U+0001, which XML 1.0 cannot represent")) {
            try CatalogXML.encode(catalog)
        }
    }

    @Test func aKeyTheShapeDoesNotDescribeIsABug() throws {
        let tree = try JSONDecoder().decode(JSONValue.self, from: Data(try CatalogJSON.encode(Fixtures.tiny)))
        guard case .object(var root) = tree else { Issue.record("not an object"); return }
        root["newField"] = .string("x")
        #expect(throws: ExportError.undescribed(path: "catalog/newField", message: "Catalog has no field newField in CatalogShape")) {
            try CatalogXML.write(.object(root))
        }
        root["newField"] = nil
        root["region"] = nil
        #expect(throws: ExportError.undescribed(path: "catalog/region", message: "required but absent")) {
            try CatalogXML.write(.object(root))
        }
    }

    @Test func aLeapDayValidates() throws {
        let xml = text(try CatalogXML.encode(Fixtures.tiny, variant: .internal))
        try CatalogXML.validate(Array(xml.replacingOccurrences(of: "<effectiveDate>2014-01-01<", with: "<effectiveDate>2024-02-29<").utf8))
    }

    @Test func theSchemaCompilesAndDeclaresTheNamespace() throws {
        let xsd = text(CatalogXML.schema())
        #expect(xsd.contains("targetNamespace=\"urn:zhinan:catalog:1\""))
        #expect(xsd.contains("<xs:restriction base=\"xs:date\">"))
        #expect(xsd.contains("<xs:enumeration value=\"容缺后补\"/>"))
        // A schema that does not compile is reported as such, not as an invalid document.
        let xs = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
        #expect {
            try XMLSchemaValidation.validate(Array("<a/>".utf8), against: Array((xs + "<xs:element name=\"a\" type=\"nope\"/></xs:schema>").utf8))
        } throws: { error in
            guard case ExportError.xml(let message) = error else { return false }
            return message.hasPrefix("the XSD does not compile: ") && message.contains("nope")
        }
        #expect {
            try XMLSchemaValidation.validate(Array("<a/>".utf8), against: Array((xs + "<xs:element name=\"a\"").utf8))
        } throws: { error in
            guard case ExportError.xml(let message) = error else { return false }
            return message.hasPrefix("the XSD is not well-formed: line 1: ")
        }
    }
}
