import Catalog
import Foundation
import TestSupport
import Testing

@testable import Exports

@Suite struct JSONExportTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test(arguments: ExportVariant.allCases)
    func tinyCatalogMatchesItsGolden(variant: ExportVariant) throws {
        let json = try CatalogJSON.encode(Fixtures.tiny, variant: variant)
        try expectGolden(text(json), file: Fixtures.golden + "/tiny.\(variant.rawValue).json")
    }

    /// Every national 实施清单 element; read back whole.
    @Test func nationalCatalogMatchesItsGoldenAndRoundTrips() throws {
        let json = try CatalogJSON.encode(Fixtures.national, variant: .public)
        try expectGolden(text(json), file: Fixtures.golden + "/national.public.json")
        let decoded = try CatalogJSON.decode(json)
        #expect(decoded == ExportVariant.public.view(of: Fixtures.national))
        #expect(decoded.codeSets == Fixtures.national.codeSets)
    }

    /// A catalog without national elements leaves them all out: no `national`, `codeSets`,
    /// `verifyOriginal` or `noStatutoryLimit` key.
    @Test func emptyNationalElementsAreLeftOut() throws {
        let s = text(try CatalogJSON.encode(Fixtures.tiny, variant: .internal))
        for key in ["\"national\"", "\"codeSets\"", "\"verifyOriginal\"", "\"noStatutoryLimit\"", "\"result\""] {
            #expect(!s.contains(key), "\(key)")
        }
        let n = text(try CatalogJSON.encode(Fixtures.national, variant: .internal))
        #expect(n.components(separatedBy: "\"national\"").count == 2, "only the item that has them")
    }

    @Test(arguments: Fixtures.sampleNames, ExportVariant.allCases)
    func samplesRoundTrip(name: String, variant: ExportVariant) throws {
        let catalog = try Fixtures.sample(name)
        let json = try CatalogJSON.encode(catalog, variant: variant)
        let decoded = try CatalogJSON.decode(json)
        #expect(decoded == (variant == .public ? catalog.publicView() : catalog))
        #expect(try CatalogJSON.encode(decoded, variant: variant) == json)
    }

    @Test func tinyRoundTripsWithSortedItems() throws {
        let decoded = try CatalogJSON.decode(try CatalogJSON.encode(Fixtures.tiny, variant: .internal))
        var expected = Fixtures.tiny
        expected.items.reverse()
        #expect(decoded.items.map(\.code) == ["440100-QR-00001-000", "440100-XK-00012-001"])
        #expect(decoded == expected)
    }

    @Test func outputIsStable() throws {
        let a = try CatalogJSON.encode(Fixtures.tiny)
        var shuffled = Fixtures.tiny
        shuffled.items.reverse()
        #expect(try CatalogJSON.encode(shuffled) == a)
        let s = text(a)
        #expect(s.hasSuffix("}\n"))
        #expect(s.contains("\"name\" : \"某某市市场监督管理局\""), "Chinese is written unescaped")
        #expect(s.contains("\"standards\" : [\n    \"DB44/T 1147-2013\""), "slashes are not escaped")
        // Keys sorted at every level: agencies < formatVersion < internalControlLine < items.
        let order = ["\"agencies\"", "\"formatVersion\"", "\"internalControlLine\"", "\"items\"", "\"laws\""]
        let positions = try order.map { try #require(s.range(of: "\n  " + $0)).lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func publicVariantHasNoInternalElement() throws {
        let json = try CatalogJSON.encode(Fixtures.tiny, variant: .public)
        for secret in Fixtures.secrets { #expect(!text(json).contains(secret), "\(secret)") }
        let full = text(try CatalogJSON.encode(Fixtures.tiny, variant: .internal))
        for secret in Fixtures.secrets { #expect(full.contains(secret), "\(secret)") }
        let decoded = try CatalogJSON.decode(json)
        for item in decoded.items {
            #expect(item.staff.isEmpty && item.supervision == nil)
            #expect(item.materials.allSatisfy { $0.reviewPoints == nil })
            #expect(!item.additionalElements.contains { $0.isInternal })
        }
        #expect(decoded.internalElements == Fixtures.tiny.internalElements, "the public JSON says what was left out")
    }

    @Test func taggedValuesHaveAKind() throws {
        let root = try object(try CatalogJSON.encode(Fixtures.tiny, variant: .internal))
        let items = try #require(root["items"] as? [[String: Any]])
        let (free, charged) = (items[0], items[1])
        #expect(free["fees"] as? [String: String] == ["kind": "free"])
        let fees = try #require(charged["fees"] as? [String: Any])
        #expect(fees["kind"] as? String == "charged")
        #expect((fees["items"] as? [[String: String]])?.first == ["name": "工本费", "standard": "10元/证", "basis": "粤价〔2000〕1号"])
        let limits = try #require(charged["timeLimits"] as? [String: [String: Any]])
        #expect(limits["statutory"]?["kind"] as? String == "workingDays")
        #expect(limits["statutory"]?["days"] as? Int == 30)
        #expect(limits["promised"]?["kind"] as? String == "calendarDays")
        let immediate = try #require(free["timeLimits"] as? [String: [String: Any]])
        #expect(immediate["promised"]?.keys.sorted() == ["kind"])
        let extra = try #require(charged["additionalElements"] as? [[String: Any]])
        #expect(extra[0]["value"] as? [String: String] == ["kind": "text", "text": "全程网办"])
        let list = try #require(extra[2]["value"] as? [String: Any])
        #expect(list["kind"] as? String == "list" && list["list"] as? [String] == ["特种设备", "使用登记"])
    }

    @Test func absentOptionalsAreLeftOutAndListsAreKept() throws {
        let root = try object(try CatalogJSON.encode(Fixtures.tiny, variant: .internal))
        let minimal = try #require((root["items"] as? [[String: Any]])?.first)
        #expect(minimal["scope"] == nil && minimal["certificate"] == nil)
        #expect(minimal["materials"] as? [Any] != nil && (minimal["materials"] as? [Any])?.isEmpty == true)
    }

    @Test func anotherFormatVersionIsRefused() throws {
        var json = text(try CatalogJSON.encode(Fixtures.tiny))
        json = json.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 2")
        #expect(throws: ExportError.unsupportedFormatVersion(2)) { try CatalogJSON.decode(Array(json.utf8)) }
        #expect(throws: ExportError.self) { try CatalogJSON.decode(Array("{}".utf8)) }
    }
}

/// `JSONText` and the item-at-a-time `CatalogJSON.encode` write what `JSONEncoder` writes.
@Suite struct JSONTextTests {
    func encoderText(_ value: JSONValue) throws -> [UInt8] { try JSONValue.format(value) }

    func writerText(_ value: JSONValue) -> [UInt8] {
        var text = JSONText()
        text.write(value, indent: 0)
        text.append("\n")
        return text.bytes
    }

    @Test func escapesSortsAndIndentsAsJSONEncoderDoes() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar($0)! }))
        let value: JSONValue = [
            "aB": 1, "aa": 2, "Ab": 3, "a10": "x", "a9": "y", "中文键": "值", "": "empty key",
            "s": .string("q\"\\/ \u{7F}\u{2028}\u{2029}中😀é" + controls),
            "emptyArray": [], "emptyObject": .object([:]),
            "nested": [[1, -2, 0], [], [.object([:])], ["k": ["x": [true, false, .null]]]],
            "n": .integer(Int.min), "m": .integer(Int.max),
        ]
        #expect(String(decoding: writerText(value), as: UTF8.self) == String(decoding: try encoderText(value), as: UTF8.self))
        for scalar: JSONValue in ["", "plain", 0, true, .null, [], .object([:])] {
            #expect(writerText(scalar) == (try encoderText(scalar)), "\(scalar)")
        }
    }

    /// The bytes `JSONEncoder` writes for the catalog's tree less its empty national elements
    /// (``ExportDefaults``).
    @Test(arguments: Fixtures.sampleNames + ["tiny", "national"], ExportVariant.allCases)
    func catalogsAreWrittenAsJSONEncoderWritesThem(name: String, variant: ExportVariant) throws {
        let catalog = name == "tiny" ? Fixtures.tiny : name == "national" ? Fixtures.national : try Fixtures.sample(name)
        func reference(_ c: Catalog) throws -> [UInt8] {
            try JSONValue.format(ExportDefaults.whole(try TreeEncoder().encode(variant.view(of: c))))
        }
        #expect(try CatalogJSON.encode(catalog, variant: variant) == reference(catalog))
        var empty = catalog
        empty.items = []
        empty.bundles = []
        #expect(try CatalogJSON.encode(empty, variant: variant) == reference(empty))
    }
}
