import Catalog

/// A catalog as the exports write it, a tree at a time: the root's tree with no items, and
/// each item's tree made when it is asked for, so that 10,000 items never become one tree.
struct ItemStream {
    /// The exported view's tree, its `items` empty.
    let root: JSONValue
    /// The exported view's items, sorted by 事项编码.
    let items: [Item]
    private let encoder = TreeEncoder()

    init(_ catalog: Catalog, variant: ExportVariant) throws {
        var view = variant.view(of: catalog)
        items = view.items
        view.items = []
        do { root = ExportDefaults.root(try encoder.encode(view)) } catch { throw ExportError.json("\(error)") }
    }

    /// The tree of `items[index]`.
    func tree(_ index: Int) throws -> JSONValue {
        do {
            return ExportDefaults.item(try encoder.encode(items[index]))
        } catch { throw ExportError.json("\(error)") }
    }
}

/// The JSON and the XML of one view together, each item's tree made once for both.
public enum CatalogJSONAndXML {
    /// `catalog.json` and `catalog.xml` of the view `variant` names, byte for byte what
    /// ``CatalogJSON/encode(_:variant:)`` and ``CatalogXML/encode(_:variant:)`` return; the
    /// XML validated the same way.
    public static func encode(_ catalog: Catalog, variant: ExportVariant = .public) throws -> (json: [UInt8], xml: [UInt8]) {
        let stream = try ItemStream(catalog, variant: variant)
        var json = try CatalogJSON.Writer(root: stream.root)
        let xml = try CatalogXML.write(stream.root) { w, path in
            for i in stream.items.indices {
                let tree = try stream.tree(i)
                json.add(tree)
                try CatalogXML.writeItem(tree, index: i, path: &path, to: w)
            }
        }
        try CatalogXML.validate(xml)
        return (json.finish(), xml)
    }
}
