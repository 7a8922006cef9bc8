import Catalog
import Foundation

/// `catalog.json`: the typed catalog as `Catalog`'s `Codable` conformance writes it, with
/// English keys sorted, two-space indentation, Chinese and `/` unescaped, and items sorted by
/// 事项编码, so the same catalog always gives the same bytes. `catalog.schema.json`
/// (``schema()``) describes it.
///
/// Optional elements that are absent are left out; lists are always present, possibly empty.
/// The national 实施清单 elements are left out when empty (``ExportDefaults``), so a catalog
/// without them exports as it did before they existed.
/// ``TimeLimit`` is `{"kind": "immediate"|"workingDays"|"calendarDays", "days": N}`,
/// ``Fees`` is `{"kind": "free"}` or `{"kind": "charged", "items": [...]}`.
public enum CatalogJSON {
    /// The catalog's JSON; the public view unless `variant` is `.internal`.
    ///
    /// Written an item at a time (``ItemStream``), so only one item's tree exists at once; the
    /// bytes are those `JSONEncoder` writes for the whole catalog (``JSONValue/format(_:)``).
    public static func encode(_ catalog: Catalog, variant: ExportVariant = .public) throws -> [UInt8] {
        let stream = try ItemStream(catalog, variant: variant)
        var writer = try Writer(root: stream.root)
        for i in stream.items.indices { writer.add(try stream.tree(i)) }
        return writer.finish()
    }

    /// The catalog's JSON text, its items added one at a time: the members before `items`
    /// when made, the items as they come, the rest at ``finish()``.
    struct Writer {
        private var text = JSONText()
        private let root: [String: JSONValue]
        private let after: [String]
        private var count = 0

        init(root tree: JSONValue) throws {
            guard case .object(let root) = tree, root["items"] != nil else {
                throw ExportError.json("the catalog did not encode as an object with items")
            }
            self.root = root
            let keys = JSONText.sortedKeys(root)
            let at = keys.firstIndex(of: "items")!
            after = Array(keys[(at + 1)...])
            text.append("{")
            for (i, key) in keys[..<at].enumerated() {
                text.member(key, first: i == 0, indent: 2)
                text.write(root[key]!, indent: 2)
            }
            text.member("items", first: at == 0, indent: 2)
            text.startArray()
        }

        mutating func add(_ item: JSONValue) {
            text.arrayEntry(first: count == 0, indent: 4)
            text.write(item, indent: 4)
            count += 1
        }

        mutating func finish() -> [UInt8] {
            text.endArray(empty: count == 0, indent: 2)
            for key in after {
                text.member(key, first: false, indent: 2)
                text.write(root[key]!, indent: 2)
            }
            text.append("\n}\n")
            return text.bytes
        }
    }

    /// Reads a catalog back from its JSON. Throws for another format version.
    public static func decode(_ bytes: [UInt8]) throws -> Catalog {
        struct Version: Decodable { var formatVersion: Int }
        let data = Data(bytes)
        let version: Version
        do { version = try JSONDecoder().decode(Version.self, from: data) } catch { throw ExportError.json("\(error)") }
        guard version.formatVersion == Catalog.currentFormatVersion else {
            throw ExportError.unsupportedFormatVersion(version.formatVersion)
        }
        do {
            let tree = try JSONDecoder().decode(JSONValue.self, from: data)
            let full = ExportDefaults.restore(tree, emptyNational: try TreeEncoder().encode(NationalElements()))
            return try JSONDecoder().decode(Catalog.self, from: Data(try JSONValue.format(full)))
        } catch { throw ExportError.json("\(error)") }
    }

    /// `catalog.schema.json`: a JSON Schema (draft 2020-12) of ``encode(_:variant:)``'s output.
    public static func schema() -> [UInt8] {
        // Encoding a JSONValue of strings, integers and booleans cannot fail.
        try! JSONValue.format(CatalogJSONSchema.document())
    }
}
