import Catalog

/// Builds `catalog.schema.json` (JSON Schema draft 2020-12) from ``CatalogShape``.
///
/// Every object is closed (`additionalProperties: false`) and lists its required keys; enums
/// carry the Chinese raw values of the Swift enums; tagged objects (``TimeLimit``, ``Fees``,
/// an additional element's value) say with `oneOf` which fields each `kind` has.
enum CatalogJSONSchema {
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    static func document() -> JSONValue {
        var defs: [String: JSONValue] = [:]
        for o in CatalogShape.objects { defs[o.name] = object(o) }
        for e in CatalogShape.enumerations {
            defs[e.name] = ["type": "string", "description": .string(e.doc), "enum": .array(e.values.map(JSONValue.string))]
        }
        return [
            "$schema": .string(dialect),
            "$id": .string(CatalogShape.namespace + ":catalog.schema.json"),
            "title": "zhinan catalog.json",
            "description": .string(
                "zhinan 编译的政务服务事项目录（格式版本 \(Catalog.currentFormatVersion)）。公开版由目录的公开视图生成，"
                    + "不含 internalElements 所列的内部要素。The catalog compiled by zhinan, format version "
                    + "\(Catalog.currentFormatVersion); the public variant lacks the elements named in internalElements."),
            "$ref": "#/$defs/Catalog",
            "$defs": .object(defs),
        ]
    }

    static func object(_ o: CatalogShape.Object) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for f in o.fields { properties[f.key] = value(f.value, doc: f.doc) }
        var schema: [String: JSONValue] = [
            "type": "object",
            "description": .string(o.doc),
            "properties": .object(properties),
            "required": .array(o.fields.filter(\.required).map { .string($0.key) }),
            "additionalProperties": false,
        ]
        if !o.variants.isEmpty {
            let tagged = Set(o.variants.flatMap(\.fields))
            schema["oneOf"] = .array(o.variants.map { v in
                var alternative: [String: JSONValue] = [
                    "properties": ["kind": v.kinds.count == 1 ? ["const": .string(v.kinds[0])] : ["enum": .array(v.kinds.map(JSONValue.string))]],
                ]
                if !v.fields.isEmpty { alternative["required"] = .array(v.fields.map(JSONValue.string)) }
                let others = o.fields.map(\.key).filter { tagged.contains($0) && !v.fields.contains($0) }
                if others.count == 1 {
                    alternative["not"] = ["required": [.string(others[0])]]
                } else if !others.isEmpty {
                    alternative["not"] = ["anyOf": .array(others.map { ["required": [.string($0)]] })]
                }
                return .object(alternative)
            })
        }
        return .object(schema)
    }

    static func value(_ v: CatalogShape.Value, doc: String?) -> JSONValue {
        var schema: [String: JSONValue]
        switch v {
        case .string(let pattern):
            schema = ["type": "string"]
            if let pattern { schema["pattern"] = .string(pattern.json) }
            if let format = pattern?.format { schema["format"] = .string(format) }
        case .integer(let minimum):
            schema = ["type": "integer"]
            if let minimum { schema["minimum"] = .integer(minimum) }
        case .constant(let n): schema = ["type": "integer", "const": .integer(n)]
        case .boolean: schema = ["type": "boolean"]
        case .enumeration(let name): schema = ["$ref": .string("#/$defs/" + name)]
        case .object(let name): schema = ["$ref": .string("#/$defs/" + name)]
        case .list(let element, _): schema = ["type": "array", "items": value(element, doc: nil)]
        }
        if let doc { schema["description"] = .string(doc) }
        return .object(schema)
    }
}
