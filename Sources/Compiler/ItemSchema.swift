import Diagnostics
import Standards

/// The JSON Schema (draft 2020-12) of an item file, generated from an effective profile and
/// `Fields`, for editors (the YAML language server) and for CI outside Swift.
///
/// What it encodes: every element under its canonical name, its 别名 and its 繁体 spellings
/// (the last marked `deprecated`), nothing else (`additionalProperties: false`); every
/// required element under any of its names, and no element under two names; the value
/// types of `ElementType` and `FieldKind`, with the code sets' values as `enum`s and the
/// profile's 事项编码格式 as a `pattern`. Values take the forms `zhinan check` reads
/// (`ValueForms.Patterns`): a required value is not empty, an optional one may be left
/// empty, one value may stand for a list, a number may stand for an id. What it cannot
/// encode is left to `zhinan check`: references to catalog.yaml, the flow graph, 承诺
/// against 法定, placeholders, and the spelling of numbers (JSON keeps `12345` of
/// `012345`). Tests/zhinanTests/SchemaAgreementTests.swift holds the two together.
public enum ItemSchema {
    /// The profile parameter holding the item code's regular expression.
    public static let codeFormatParameter = ProfileParameter.itemCodeFormat

    /// The schema's `$id`: a name, not a place (`.invalid` never resolves).
    public static let id = "https://zhinan.invalid/schema/item.json"

    /// The pattern of a 时限 value: working days, calendar days, or 即办.
    public static let timeLimitPattern = ValueForms.Patterns.timeLimit

    /// The pattern of telephone numbers written as text: 区号-号码 (with 转 and an
    /// extension), mobile and service numbers, several separated by 、 or a comma.
    public static let phonePattern = ValueForms.Patterns.phone

    /// The value 审批收费 takes when nothing is charged.
    public static let noFee = Fields.noFee[0]

    /// The schema as pretty-printed JSON with a stable key order and Chinese unescaped;
    /// the same profile always gives the same bytes.
    public static func json(for profile: EffectiveProfile) -> String {
        document(for: profile).pretty() + "\n"
    }

    /// The schema as a JSON value.
    static func document(for profile: EffectiveProfile) -> JSONValue {
        let builder = Builder(profile: profile)
        var defs: [(String, JSONValue)] = []
        var properties: [(String, JSONValue)] = []
        var constraints: [JSONValue] = []
        var required: [String] = []
        for spec in profile.elements {
            defs.append((spec.key, builder.value(of: spec)))
            let ref = JSONValue.string("#/$defs/\(spec.key)")
            properties.append((spec.name, .object([("$ref", ref), ("description", .string(builder.describe(spec)))])))
            for synonym in spec.synonyms {
                properties.append((synonym, .object([
                    ("$ref", ref), ("description", .string(builder.describe(synonym: synonym, of: spec))),
                ])))
            }
            for t in spec.traditional {
                properties.append((t, .object([
                    ("$ref", ref), ("deprecated", .bool(true)),
                    ("description", .string("“\(t)”是繁体写法，请写作“\(spec.name)”。")),
                ])))
            }
            let names = [spec.name] + spec.synonyms + spec.traditional
            if spec.isRequired {
                // A heading standing for one of its fields gives the element too.
                let fieldAliases = profile.fieldAliases.values.filter { $0.elementKey == spec.key }.map(\.name).sorted()
                // So does the element standing in for it (审批证件 for 审批结果, and back).
                let standIn = profile.standIn(for: spec.key).map { [$0.name] + $0.synonyms + $0.traditional } ?? []
                let all = names + fieldAliases + standIn
                if all.count == 1 { required.append(spec.name) } else { constraints.append(anyOfRequired(all)) }
            }
            if let once = atMostOne(names) { constraints.append(once) }
        }
        // Headings that stand for one field of an element (法定办结时限 → 办理时限.法定), never
        // beside the element itself.
        for alias in profile.fieldAliases.values.sorted(by: { $0.name < $1.name }) {
            guard let spec = profile.element(key: alias.elementKey), case .record(let fields)? = Fields.shape(of: spec.type),
                  let field = fields.first(where: { $0.name == alias.field }) else { continue }
            guard case .object(var pairs) = builder.kind(field.kind, .optional) else { continue }
            pairs.append(("description", .string("“\(spec.name)”的“\(field.name)”，可写在事项顶层；不能与“\(spec.name)”同时写。")))
            properties.append((alias.name, .object(pairs)))
            for name in [spec.name] + spec.synonyms + spec.traditional {
                constraints.append(.object([("not", .object([("type", .string("object")), ("required", .array([.string(name), .string(alias.name)]))]))]))
            }
        }
        let ids = profile.profiles.map(\.id)
        var top: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("$comment", .string("由 zhinan schema 生成，请勿手工修改。Generated by zhinan schema; do not edit.")),
            ("title", .string("政务服务事项文件（zhinan）")),
            ("description", .string(
                "一个政务服务事项（items/*.yaml）的要素，依据标准 \(ids.joined(separator: "、")) 生成。"
                    + "引用的编号、办理流程的连通性、承诺时限与法定时限的关系等由 zhinan check 检查。")),
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
        if !required.isEmpty { top.append(("required", .array(required.map(JSONValue.string)))) }
        if !constraints.isEmpty { top.append(("allOf", .array(constraints))) }
        top.append(("$defs", .object(defs)))
        return .object(top)
    }

    /// `anyOf` over `required: [name]` for each accepted name.
    static func anyOfRequired(_ names: [String]) -> JSONValue {
        .object([("anyOf", .array(names.map { .object([("required", .array([.string($0)]))]) }))])
    }

    /// Forbids writing one element (or field) under two of its names; `nil` when it has one.
    /// Only a mapping is forbidden anything (`required` holds of every other value, so
    /// `not` would refuse a null where a mapping may be left empty).
    static func atMostOne(_ names: [String]) -> JSONValue? {
        guard names.count > 1 else { return nil }
        var pairs: [JSONValue] = []
        for i in names.indices {
            for j in names.indices where j > i {
                pairs.append(.object([("required", .array([.string(names[i]), .string(names[j])]))]))
            }
        }
        let twice: [(String, JSONValue)] = pairs.count == 1 ? [("required", .array([.string(names[0]), .string(names[1])]))] : [("anyOf", .array(pairs))]
        return .object([("not", .object([("type", .string("object"))] + twice))])
    }

    /// Builds subschemas for one profile.
    struct Builder {
        let profile: EffectiveProfile

        func codes(_ set: String) -> [String]? {
            profile.codeSets[set]
        }

        /// The profiles that call `name` their own name for the element with `spec`'s key.
        func origins(of name: String, for spec: ElementSpec) -> [String] {
            profile.profiles.filter { p in
                p.elements.contains { $0.key == spec.key && ($0.name == name || $0.standardName == name || $0.synonyms.contains(name)) }
            }.map(\.id)
        }

        func describe(_ spec: ElementSpec) -> String {
            var facts = [spec.isRequired ? "必填" : "选填", spec.type.rawValue]
            if !spec.isPublic { facts.append("内部") }
            var text = "\(spec.name)（\(facts.joined(separator: "，"))）"
            if let help = spec.help, !help.isEmpty { text += "：" + help }
            let named = profile.profiles.compactMap { p -> String? in
                guard let own = p.elements.first(where: { $0.key == spec.key })?.standardName, own != spec.name else { return nil }
                return "\(p.id) 称为“\(own)”"
            }
            if !named.isEmpty { text += (text.hasSuffix("。") ? "" : "。") + named.joined(separator: "；") + "。" }
            if spec.type == .itemCode, let pattern = profile.parameters[ItemSchema.codeFormatParameter] {
                text += (text.hasSuffix("。") ? "" : "。") + "格式：\(pattern)"
            }
            return text
        }

        func describe(synonym: String, of spec: ElementSpec) -> String {
            let from = origins(of: synonym, for: spec)
            let whose = from.isEmpty ? "" : "（\(from.joined(separator: "、")) 的名称）"
            let help = spec.help.map { "：" + $0 } ?? "。"
            return "“\(spec.name)”的别名\(whose)，二者只写一个\(help)"
        }

        /// The schema of an element's value. A required element must hold something
        /// (ItemBinder reports null, blank text, `[]` and `{}` as missing); an optional one
        /// may be written with nothing after it.
        func value(of spec: ElementSpec) -> JSONValue {
            let presence = Presence(required: spec.isRequired)
            switch spec.type {
            case .text:
                return text(presence)
            case .textList where spec.key == "conditions":
                // 审批条件: an entry is text, or {条件, 适用情形} when it holds only under some 情形.
                return oneOrList(text(presence), items: .object([("anyOf", .array([text(.entry), object(Fields.condition)]))]), presence)
            case .textList:
                return oneOrList(text(presence), items: text(.entry), presence)
            case .code:
                return code(spec.codeSet, presence)
            case .codeList:
                return oneOrList(code(spec.codeSet, presence), items: code(spec.codeSet, .entry), presence)
            case .itemCode:
                let pattern = profile.parameters[ItemSchema.codeFormatParameter]
                return presence.nonBlank(.object([("type", presence.types("string"))] + (pattern.map { [("pattern", .string($0))] } ?? [])))
            case .agency, .agencyID:
                return reference(.agencies, presence)
            case .agencyIDs:
                return oneOrList(reference(.agencies, presence), items: reference(.agencies, .entry), presence)
            case .url:
                return kind(.url, presence)
            case .basicCode:
                return string(pattern: "^[0-9]{12}$", presence)
            case .implementationCode:
                return string(pattern: "^[0-9A-Z]{18}[1-7][0-9]{12}$", presence)
            case .windows:
                return oneOrList(reference(.windows, presence), items: reference(.windows, .entry), presence)
            case .positiveInteger:
                return kind(.positiveInteger, presence)
            case .date:
                return kind(.date, presence)
            case .consultation:
                // ItemBinder asks 咨询 for at least one field, written or not.
                guard case .object(var pairs) = kind(.record(Fields.consultation), presence) else { return .object([]) }
                if !pairs.contains(where: { $0.0 == "minProperties" }) { pairs.insert(("minProperties", .int(1)), at: 1) }
                return .object(pairs)
            default:
                guard let shape = Fields.shape(of: spec.type) else { return .object([]) }
                return kind(shape, presence)
            }
        }

        /// Whether a value must be there, may be left empty, or is an entry of a list.
        enum Presence {
            /// Required: no null, no blank text, no empty list or mapping.
            case required
            /// Optional: null (nothing after the colon) reads as not written.
            case optional
            /// An entry of a list: anything but null (FieldBinder reports an empty entry).
            case entry

            init(required: Bool) { self = required ? .required : .optional }

            /// `type` of these JSON types, with null when the value may be left empty.
            func types(_ names: String...) -> JSONValue {
                let all = names + (self == .optional ? ["null"] : [])
                return all.count == 1 ? .string(all[0]) : .array(all.map(JSONValue.string))
            }

            /// `values` as an `enum`, with null when the value may be left empty.
            func values(_ values: [JSONValue]) -> JSONValue {
                .array(values + (self == .optional ? [.null] : []))
            }

            /// `schema` of text that, when required, is not blank: its `pattern`, else `\S`.
            func nonBlank(_ schema: JSONValue) -> JSONValue {
                guard self == .required, case .object(var pairs) = schema else { return schema }
                if pairs.contains(where: { $0.0 == "pattern" }) { return schema }
                pairs.append(("pattern", .string("\\S")))
                return .object(pairs)
            }

            /// `minItems: 1` (lists) or `minProperties: 1` (mappings) when required.
            var atLeastOne: (items: [(String, JSONValue)], properties: [(String, JSONValue)]) {
                self == .required ? ([("minItems", .int(1))], [("minProperties", .int(1))]) : ([], [])
            }
        }

        /// Text; `numbersAllowed`: also a number or boolean, read as its text.
        func text(_ presence: Presence, numbersAllowed: Bool = false) -> JSONValue {
            presence.nonBlank(.object([("type", numbersAllowed ? presence.types("string", "number", "boolean") : presence.types("string"))]))
        }

        /// One value or a list of them, as ItemBinder reads 审批条件, 服务对象 and 受理地点.
        func oneOrList(_ one: JSONValue, items: JSONValue, _ presence: Presence) -> JSONValue {
            // `one` takes null itself when the value is optional.
            .object([("anyOf", .array([one, .object([("type", .string("array"))] + presence.atLeastOne.items + [("items", items)])]))])
        }

        func code(_ set: String?, _ presence: Presence) -> JSONValue {
            guard let set, let values = codes(set) else { return text(presence) }
            // A value that is a number (到现场次数) may be written unquoted.
            let numbers = values.compactMap { v in v.allSatisfy(\.isASCII) ? Int(v).map(JSONValue.int) : nil }
            return .object([("enum", presence.values(values.map(JSONValue.string) + numbers))])
        }

        func reference(_ registry: Registry, _ presence: Presence) -> JSONValue {
            guard case .object(var pairs) = text(presence, numbersAllowed: true) else { return .object([]) }
            pairs.append(("description", .string("catalog.yaml 中“\(registry.rawValue)”的编号")))
            return .object(pairs)
        }

        func string(pattern: String, _ presence: Presence) -> JSONValue {
            .object([("type", presence.types("string")), ("pattern", .string(pattern))])
        }

        /// The schema of a field kind.
        func kind(_ kind: FieldKind, _ presence: Presence, numbersAllowed: Bool = false) -> JSONValue {
            switch kind {
            case .text:
                return text(presence, numbersAllowed: numbersAllowed)
            case .stepName:
                return text(presence, numbersAllowed: true)
            case .positiveInteger:
                return .object([("type", presence.types("integer")), ("minimum", .int(1)), ("maximum", .int(1_000_000))])
            case .yesNo:
                return .object([("enum", presence.values([.string("是"), .string("否"), .bool(true), .bool(false)]))])
            case .timeLimit:
                return string(pattern: ValueForms.Patterns.timeLimit, presence)
            case .statutoryLimit:
                let limit = string(pattern: ValueForms.Patterns.timeLimit, presence)
                guard profile.follows(Fields.national) else { return limit }
                return .object([("anyOf", .array([limit, .object([("const", .string(Fields.noStatutoryLimit))])]))])
            case .file:
                // Relative, without a backslash or a colon (Attachments.problem says the rest).
                return string(pattern: #"^[^/\\:.][^\\:]*$"#, presence)
            case .exemption:
                return .object([("enum", presence.values(((codes("免提交理由") ?? []) + ["否"]).map(JSONValue.string)))])
            case .code(let set):
                return code(set, presence)
            case .reference(let registry):
                return reference(registry, presence)
            case .url:
                return string(pattern: ValueForms.Patterns.httpURL, presence)
            case .phone:
                // A number YAML reads as an integer is taken by its digits.
                var branches = [string(pattern: ValueForms.Patterns.phone, .required)] + ValueForms.Patterns.phoneNumbers.map {
                    JSONValue.object([("type", .string("integer")), ("minimum", .int($0.lowerBound)), ("maximum", .int($0.upperBound))])
                }
                if presence == .optional { branches.append(.object([("type", .string("null"))])) }
                return .object([("anyOf", .array(branches))])
            case .date:
                return .object([
                    ("type", presence.types("string")), ("format", .string("date")),
                    ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
                ])
            case .ratio:
                return string(pattern: "^[1-9][0-9]*/[1-9][0-9]*$", presence)
            case .creditCode:
                return string(pattern: "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", presence)
            case .regionCode:
                return string(pattern: "^[0-9]{6}$", presence)
            case .list(let inner):
                return .object([("type", presence.types("array"))] + presence.atLeastOne.items + [("items", self.kind(inner, .entry))])
            case .records(let fields):
                return .object([("type", presence.types("array"))] + presence.atLeastOne.items + [("items", object(fields))])
            case .record(let fields):
                guard case .object(var pairs) = object(fields) else { return .object([]) }
                pairs[0] = ("type", presence.types("object"))
                pairs.insert(contentsOf: presence.atLeastOne.properties, at: 1)
                return .object(pairs)
            case .transitions:
                // A step's name, or a list of names and {条件, 转到}; nothing after the colon
                // is no 下一步.
                let name = text(.entry, numbersAllowed: true)
                var branches = [name, .object([
                    ("type", .string("array")),
                    ("items", .object([("anyOf", .array([name, object(Fields.transition)]))])),
                ])]
                if presence == .optional { branches.append(.object([("type", .string("null"))])) }
                return .object([("anyOf", .array(branches))])
            case .questionID:
                // ValueForms.isQuestionID (ZN830); a number or boolean is read as its text.
                var branches = [string(pattern: ValueForms.Patterns.questionID, .required),
                                JSONValue.object([("type", .array([.string("integer"), .string("boolean")]))])]
                if presence == .optional { branches.append(.object([("type", .string("null"))])) }
                return .object([("anyOf", .array(branches))])
            case .options:
                // At least two (ZN832), each once (ZN833), text or numbers.
                return .object([
                    ("type", presence.types("array")), ("minItems", .int(2)), ("uniqueItems", .bool(true)),
                    ("items", text(.entry, numbersAllowed: true)),
                ])
            case .applicability:
                // {编号: 选项} or {编号: [选项, …]}; ids as ItemBinder accepts them (ZN830); not
                // empty or null, even where optional (ZN303).
                let option = text(.entry, numbersAllowed: true)
                return .object([
                    ("type", .string("object")), ("minProperties", .int(1)),
                    ("propertyNames", .object([("pattern", .string(ValueForms.Patterns.questionID))])),
                    ("additionalProperties", .object([("anyOf", .array([
                        option, .object([("type", .string("array")), ("minItems", .int(1)), ("items", option)]),
                    ]))])),
                ])
            case .fees:
                var branches: [JSONValue] = [
                    .object([("enum", .array(Fields.noFee.map(JSONValue.string)))]),
                    .object([("type", .string("array"))] + presence.atLeastOne.items + [("items", object(Fields.fee))]),
                ]
                if presence == .optional { branches.append(.object([("type", .string("null"))])) }
                return .object([("anyOf", .array(branches))])
            }
        }

        /// A mapping with these fields and no others.
        func object(_ fields: [FieldSpec]) -> JSONValue {
            let fields = Fields.fields(fields, following: profile.follows)
            var properties: [(String, JSONValue)] = []
            var required: [String] = []
            var constraints: [JSONValue] = []
            for field in fields {
                var schema = kind(field.kind, Presence(required: field.isRequired), numbersAllowed: field.numbersAllowed)
                let text = describe(field)
                if case .object(var pairs) = schema {
                    pairs.removeAll { $0.0 == "description" }
                    pairs.append(("description", .string(text)))
                    schema = .object(pairs)
                }
                properties.append((field.name, schema))
                for t in field.traditional {
                    var alt = schema
                    if case .object(var pairs) = alt {
                        pairs.removeAll { $0.0 == "description" }
                        pairs += [("deprecated", .bool(true)), ("description", .string("“\(t)”是繁体写法，请写作“\(field.name)”。"))]
                        alt = .object(pairs)
                    }
                    properties.append((t, alt))
                }
                let names = [field.name] + field.traditional
                if field.isRequired {
                    if names.count == 1 { required.append(field.name) } else { constraints.append(anyOfRequired(names)) }
                }
                if let once = atMostOne(names) { constraints.append(once) }
            }
            // An entry that may come from 材料库 names itself by that reference or by its
            // first field, written with something in it (FORMAT.md: "a material from 材料库;
            // its fields may be overridden"; ItemBinder reports neither as ZN504).
            if let library = fields.first(where: { $0.kind == .reference(.materials) }), let first = fields.first,
               first.name != library.name {
                let named = ([first.name] + first.traditional).map { name in
                    JSONValue.object([("required", .array([.string(name)])), ("properties", .object([(name, text(.required))]))])
                }
                let fromLibrary = ([library.name] + library.traditional).map { name in
                    JSONValue.object([("required", .array([.string(name)])), ("properties", .object([(name, .object([("not", .object([("type", .string("null"))]))]))]))])
                }
                constraints.insert(.object([("anyOf", .array(named + fromLibrary))]), at: 0)
            }
            var s: [(String, JSONValue)] = [
                ("type", .string("object")),
                ("properties", .object(properties)),
                ("additionalProperties", .bool(false)),
            ]
            if !required.isEmpty { s.append(("required", .array(required.map(JSONValue.string)))) }
            if !constraints.isEmpty { s.append(("allOf", .array(constraints))) }
            return .object(s)
        }

        func describe(_ field: FieldSpec) -> String {
            let head = field.isRequired ? "\(field.name)（必填）" : field.name
            return field.help.isEmpty ? head : "\(head)：\(field.help)"
        }
    }
}

/// A JSON value that keeps its keys in the order given, and prints itself.
enum JSONValue: Equatable {
    case null
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case (.null, .null): true
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }

    var isScalar: Bool {
        switch self {
        case .null, .string, .int, .bool: true
        case .array, .object: false
        }
    }

    /// One line, `{"a": 1, "b": [2]}`.
    func compact() -> String {
        switch self {
        case .null, .string, .int, .bool: pretty()
        case .array(let items): "[" + items.map { $0.compact() }.joined(separator: ", ") + "]"
        case .object(let pairs): "{" + pairs.map { Diagnostics.json($0.0) + ": " + $0.1.compact() }.joined(separator: ", ") + "}"
        }
    }

    /// Two-space indentation; a value that fits in `width` characters on one line is
    /// written on one line.
    func pretty(indent: String = "", width: Int = 72) -> String {
        if !isScalar {
            let line = compact()
            if indent.count + line.count <= width { return line }
        }
        switch self {
        case .string(let s): return Diagnostics.json(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.pretty() }.joined(separator: ", ") + "]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n" + pairs.map { inner + Diagnostics.json($0.0) + ": " + $0.1.pretty(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        }
    }
}
