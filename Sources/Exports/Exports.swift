import Catalog

/// Which catalog an export is made from.
public enum ExportVariant: String, Sendable, Equatable, CaseIterable {
    /// ``Catalog/publicView()``: no internal element (审批人员, 审查要点, 监督检查 …). The default
    /// everywhere, and what `OUT/public` holds.
    case `public`
    /// The full catalog, for staff systems: `OUT/internal`, `zhinan export --internal`.
    case `internal`

    /// The catalog this variant exports: the public view, or the catalog itself; items
    /// sorted by 事项编码 either way.
    public func view(of catalog: Catalog) -> Catalog {
        var view = self == .public ? catalog.publicView() : catalog
        view.items.sort { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
        return view
    }
}

/// What can go wrong while exporting. An export of a well-formed catalog never fails except
/// for I/O; every other case is a bug in zhinan or a catalog that bypassed the compiler.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// The catalog could not be encoded or decoded as JSON.
    case json(String)
    /// The catalog's JSON has a key or value the shape description does not know (a bug:
    /// the model changed without ``CatalogShape``).
    case undescribed(path: String, message: String)
    /// libxml2 failed to write or parse the document, or the XSD does not compile.
    case xml(String)
    /// The XML does not validate against `catalog.xsd`; one message per problem.
    case invalidXML([String])
    /// SQLite refused a statement.
    case sqlite(String)
    /// A file could not be written.
    case io(path: String, message: String)
    /// A JSON file of another format version.
    case unsupportedFormatVersion(Int)

    public var description: String {
        switch self {
        case .json(let m): "catalog JSON: \(m)"
        case .undescribed(let path, let m): "catalog shape: \(path): \(m)"
        case .xml(let m): "catalog XML: \(m)"
        case .invalidXML(let problems):
            "catalog.xml does not validate against catalog.xsd:\n" + problems.map { "  " + $0 }.joined(separator: "\n")
        case .sqlite(let m): "SQLite: \(m)"
        case .io(let path, let m): "\(path): \(m)"
        case .unsupportedFormatVersion(let v):
            "catalog JSON of format version \(v); this zhinan reads version \(Catalog.currentFormatVersion)"
        }
    }
}
