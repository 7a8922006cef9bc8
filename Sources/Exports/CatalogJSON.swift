import Catalog
import Foundation

/// `catalog.json`: the typed catalog as `Catalog`'s `Codable` conformance writes it, with
/// English keys sorted, two-space indentation, Chinese and `/` unescaped, and items sorted by
/// 事项编码, so the same catalog always gives the same bytes. `catalog.schema.json`
/// (``schema()``) describes it.
///
/// Optional elements that are absent are left out; lists are always present, possibly empty.
/// ``TimeLimit`` is `{"kind": "immediate"|"workingDays"|"calendarDays", "days": N}`,
/// ``Fees`` is `{"kind": "free"}` or `{"kind": "charged", "items": [...]}`.
public enum CatalogJSON {
    /// The catalog's JSON; the public view unless `variant` is `.internal`.
    public static func encode(_ catalog: Catalog, variant: ExportVariant = .public) throws -> [UInt8] {
        do {
            return try JSONValue.format(variant.view(of: catalog))
        } catch {
            throw ExportError.json("\(error)")
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
        do { return try JSONDecoder().decode(Catalog.self, from: data) } catch { throw ExportError.json("\(error)") }
    }

    /// `catalog.schema.json`: a JSON Schema (draft 2020-12) of ``encode(_:variant:)``'s output.
    public static func schema() -> [UInt8] {
        // Encoding a JSONValue of strings, integers and booleans cannot fail.
        try! JSONValue.format(CatalogJSONSchema.document())
    }
}
