import Catalog
import Foundation

/// `catalog.xml` and `catalog.xsd`: the catalog for data-exchange systems that take XML.
///
/// The XML mirrors ``CatalogJSON`` (it is written from the same `Codable` tree): the root `<catalog>` in the namespace
/// ``CatalogShape/namespace`` (`urn:zhinan:catalog:1`), one element per JSON key with the
/// same camelCase name, in the model's field order; a JSON array is a wrapper element with one
/// child per entry (`<agencies><agency>…`, `<materials><material>…`, `<flow><step>…`);
/// an absent optional element is left out; booleans are `true`/`false`. UTF-8, two-space
/// indentation, deterministic.
///
/// Every document ``encode(_:variant:)`` returns has been parsed back and validated against
/// ``schema()`` with libxml2's validator; an invalid export throws
/// ``ExportError/invalidXML(_:)`` instead of being returned.
public enum CatalogXML {
    /// The catalog's XML, validated; the public view unless `variant` is `.internal`.
    ///
    /// Written an item at a time (``ItemStream``), so only one item's tree exists at once,
    /// and validated as it is read back (a stream, not a document tree).
    public static func encode(_ catalog: Catalog, variant: ExportVariant = .public) throws -> [UInt8] {
        let stream = try ItemStream(catalog, variant: variant)
        let document = try write(stream.root) { w, path in
            for i in stream.items.indices {
                try writeItem(try stream.tree(i), index: i, path: &path, to: w)
            }
        }
        try validate(document)
        return document
    }

    /// Writes one `<item>` of the root's `<items>`.
    static func writeItem(_ tree: JSONValue, index: Int, path: inout [PathPart], to w: XMLWriter) throws {
        path.append(.index(index))
        try writeElement("item", .object("Item"), tree, path: &path, to: w)
        path.removeLast()
    }

    /// `catalog.xsd`: the XML Schema (1.0) of ``encode(_:variant:)``'s output.
    public static func schema() -> [UInt8] { CatalogXSD.document }

    /// Validates a document against ``schema()``; see ``XMLSchemaValidation/validate(_:against:documentName:)``.
    public static func validate(_ document: [UInt8]) throws {
        try XMLSchemaValidation.validate(document, against: schema())
    }

    /// Writes the JSON tree as XML, following ``CatalogShape``; the root's `items` entries
    /// come from `items`, which writes each `<item>` (the tree's own `items` are ignored).
    static func write(
        _ tree: JSONValue, items: ((XMLWriter, inout [PathPart]) throws -> Void)? = nil
    ) throws -> [UInt8] {
        let w = try XMLWriter()
        try w.start("catalog", namespace: CatalogShape.namespace)
        var path: [PathPart] = [.key("catalog")]
        try writeFields(of: CatalogShape.root, tree, path: &path, to: w, items: items)
        try w.end()
        return try w.finish()
    }

    /// Where the writer is in the tree, for messages: kept as parts, made into text only for
    /// an error.
    enum PathPart {
        case key(String)
        case index(Int)

        static func text(_ parts: [PathPart]) -> String {
            parts.enumerated().map { i, part in
                switch part {
                case .key(let k): i == 0 ? k : "/" + k
                case .index(let n): "[\(n)]"
                }
            }.joined()
        }
    }

    private static func writeFields(
        of objectName: String, _ value: JSONValue, path: inout [PathPart], to w: XMLWriter,
        items: ((XMLWriter, inout [PathPart]) throws -> Void)? = nil
    ) throws {
        guard let shape = CatalogShape.objectsByName[objectName] else {
            throw ExportError.undescribed(path: PathPart.text(path), message: "no object \(objectName) in the shape")
        }
        guard case .object(let members) = value else {
            throw ExportError.undescribed(path: PathPart.text(path), message: "expected an object (\(objectName))")
        }
        let known = CatalogShape.fieldKeysByName[objectName]!
        if let unknown = members.keys.filter({ !known.contains($0) }).min() {
            throw ExportError.undescribed(
                path: PathPart.text(path) + "/" + unknown, message: "\(objectName) has no field \(unknown) in CatalogShape")
        }
        for field in shape.fields {
            path.append(.key(field.key))
            defer { path.removeLast() }
            if let items, objectName == CatalogShape.root, field.key == "items" {
                try w.start("items")
                try items(w, &path)
                try w.end()
                continue
            }
            guard let member = members[field.key], member != .null else {
                if field.required { throw ExportError.undescribed(path: PathPart.text(path), message: "required but absent") }
                continue
            }
            try writeElement(field.key, field.value, member, path: &path, to: w)
        }
    }

    private static func writeElement(
        _ name: String, _ shape: CatalogShape.Value, _ value: JSONValue, path: inout [PathPart], to w: XMLWriter
    ) throws {
        func mismatch(_ expected: String) -> ExportError {
            .undescribed(path: PathPart.text(path), message: "expected \(expected), found \(value)")
        }
        switch (shape, value) {
        case (.string, .string(let s)), (.enumeration, .string(let s)):
            try w.element(name, s, at: PathPart.text(path))
        case (.integer, .integer(let n)), (.constant, .integer(let n)):
            try w.element(name, String(n), at: PathPart.text(path))
        case (.boolean, .boolean(let b)):
            try w.element(name, b ? "true" : "false", at: PathPart.text(path))
        case (.list(let element, let child), .array(let entries)):
            try w.start(name)
            for (i, entry) in entries.enumerated() {
                path.append(.index(i))
                try writeElement(child, element, entry, path: &path, to: w)
                path.removeLast()
            }
            try w.end()
        case (.object(let objectName), .object):
            try w.start(name)
            try writeFields(of: objectName, value, path: &path, to: w)
            try w.end()
        case (.string, _), (.enumeration, _): throw mismatch("a string")
        case (.integer, _), (.constant, _): throw mismatch("an integer")
        case (.boolean, _): throw mismatch("a boolean")
        case (.list, _): throw mismatch("an array")
        case (.object, _): throw mismatch("an object")
        }
    }
}

/// Builds `catalog.xsd` from ``CatalogShape``: one named complex type per object, one named
/// simple type per enumeration, list wrappers as anonymous types.
///
/// XSD 1.0 cannot tie an element's presence to another's value, so the tagged objects
/// (`TimeLimit`, `Fees`, `AdditionalValue`) list their optional fields as optional and say in
/// their documentation which `kind` carries which; `catalog.schema.json` states it exactly.
enum CatalogXSD {
    static let xs = "http://www.w3.org/2001/XMLSchema"

    /// Built once; the shape is constant.
    static let document: [UInt8] = {
        do { return try build() } catch { fatalError("catalog.xsd cannot be written: \(error)") }
    }()

    static func build() throws -> [UInt8] {
        let w = try XMLWriter()
        try w.start("xs:schema")
        try w.attribute("xmlns:xs", xs)
        try w.attribute("xmlns", CatalogShape.namespace)
        try w.attribute("targetNamespace", CatalogShape.namespace)
        try w.attribute("elementFormDefault", "qualified")
        try w.attribute("version", String(Catalog.currentFormatVersion))
        try documentation(
            "zhinan 编译的政务服务事项目录（格式版本 \(Catalog.currentFormatVersion)），与 catalog.json 一一对应："
                + "每个 JSON 键是一个同名元素，数组是外层元素加每项一个子元素。"
                + "The zhinan catalog, format version \(Catalog.currentFormatVersion), as catalog.json has it: one element per key, "
                + "an array as a wrapper element with one child per entry.",
            to: w)
        try w.start("xs:element")
        try w.attribute("name", "catalog")
        try w.attribute("type", CatalogShape.root)
        try w.end()
        for o in CatalogShape.objects { try complexType(o, to: w) }
        for e in CatalogShape.enumerations {
            try w.start("xs:simpleType")
            try w.attribute("name", e.name)
            try documentation(e.doc, to: w)
            try w.start("xs:restriction")
            try w.attribute("base", "xs:string")
            for v in e.values {
                try w.start("xs:enumeration")
                try w.attribute("value", v)
                try w.end()
            }
            try w.end()
            try w.end()
        }
        try w.end()
        return try w.finish()
    }

    private static func documentation(_ text: String, to w: XMLWriter) throws {
        try w.start("xs:annotation")
        try w.element("xs:documentation", text, at: "documentation")
        try w.end()
    }

    private static func complexType(_ o: CatalogShape.Object, to w: XMLWriter) throws {
        try w.start("xs:complexType")
        try w.attribute("name", o.name)
        var doc = o.doc
        if !o.variants.isEmpty {
            doc += "。" + o.variants.map { v in
                "kind 为 \(v.kinds.joined(separator: "、")) 时" + (v.fields.isEmpty ? "没有其他元素" : "有 \(v.fields.joined(separator: "、"))")
            }.joined(separator: "；")
        }
        try documentation(doc, to: w)
        try w.start("xs:sequence")
        for f in o.fields {
            try element(f.key, f.value, minOccurs: f.required ? nil : "0", maxOccurs: nil, doc: f.doc, to: w)
        }
        try w.end()
        try w.end()
    }

    private static func element(
        _ name: String, _ value: CatalogShape.Value, minOccurs: String?, maxOccurs: String?, doc: String?,
        to w: XMLWriter
    ) throws {
        try w.start("xs:element")
        try w.attribute("name", name)
        if let minOccurs { try w.attribute("minOccurs", minOccurs) }
        if let maxOccurs { try w.attribute("maxOccurs", maxOccurs) }
        func simple(base: String, facets: [(String, String)]) throws {
            try w.start("xs:simpleType")
            try w.start("xs:restriction")
            try w.attribute("base", base)
            for (facet, v) in facets {
                try w.start(facet)
                try w.attribute("value", v)
                try w.end()
            }
            try w.end()
            try w.end()
        }
        switch value {
        case .string(.none): try w.attribute("type", "xs:string")
        case .integer(.none): try w.attribute("type", "xs:long")
        case .boolean: try w.attribute("type", "xs:boolean")
        case .constant(let n):
            try w.attribute("type", "xs:long")
            try w.attribute("fixed", String(n))
        case .enumeration(let type), .object(let type): try w.attribute("type", type)
        default: break
        }
        if let doc { try documentation(doc, to: w) }
        switch value {
        case .string(let pattern?): try simple(base: pattern.xsdBase, facets: [("xs:pattern", pattern.xsd)])
        case .integer(let minimum?): try simple(base: "xs:long", facets: [("xs:minInclusive", String(minimum))])
        case .list(let entry, let child):
            try w.start("xs:complexType")
            try w.start("xs:sequence")
            try element(child, entry, minOccurs: "0", maxOccurs: "unbounded", doc: nil, to: w)
            try w.end()
            try w.end()
        default: break
        }
        try w.end()
    }
}
