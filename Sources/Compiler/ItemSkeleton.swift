import Catalog
import Diagnostics
import Foundation
import Standards
import YAMLSyntax

/// The skeleton of a new item file: every element the profiles define, in profile order.
///
/// Required elements are written with a value: the item code given, the first value of a
/// code set (with the others in a comment), the catalog's first 实施机关 and 窗口 when it has
/// them, and otherwise a placeholder, text starting with `【待填写】` followed by what to
/// write. Optional elements are written too, commented out, with their 说明, so an officer
/// sees everything the standards provide for. A structured element gets one example entry;
/// in it the required fields, the field that names the entry and the fields with a natural
/// default (codes, counts) are active, the other fields commented out, except in a mapping
/// none of whose fields is required (咨询, 法律救济), where all are active. 办理流程 is a
/// minimal flow 申请 → 受理 → 审查 → 决定 → 办结 with a 不予 branch, and 审批人员 lists its
/// 岗位, so the two agree from the start.
public enum ItemSkeleton {
    /// What every placeholder starts with; a scalar still starting with it is an error.
    public static let placeholder = "【待填写】"

    public static func yaml(
        for profile: EffectiveProfile, code: String, name: String?, agency: String?, window: String?
    ) -> String {
        Writer(profile: profile, code: code, name: name, agency: agency, window: window).document()
    }

    /// An example item that checks clean, for `zhinan new catalog`: the skeleton with an
    /// example value where it has a placeholder, referring to the 实施机关, 窗口 and 法规
    /// whose ids are given.
    public static func example(
        for profile: EffectiveProfile, code: String, name: String, agency: String, window: String, law: String
    ) -> String {
        Writer(profile: profile, code: code, name: name, agency: agency, window: window, law: law, example: true).document()
    }

    /// Why `code` cannot be an item's code under `profile`: it does not match the profile's
    /// 事项编码格式, or it cannot be a file name. `nil` when it is fine.
    public static func problem(withCode code: String, in profile: EffectiveProfile) -> LocalizedText? {
        if let pattern = profile.parameters[ItemSchema.codeFormatParameter] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                return LocalizedText(
                    zh: "标准中的事项编码格式“\(pattern)”不是有效的正则表达式",
                    en: "the profile's item code format \"\(pattern)\" is not a valid regular expression")
            }
            let range = NSRange(code.startIndex..., in: code)
            let match = regex.firstMatch(in: code, options: [.anchored], range: range)
            guard let match, match.range == range else {
                return LocalizedText(
                    zh: "事项编码“\(code)”不符合标准规定的格式 \(pattern)（如 440100-XK-00012-001）",
                    en: "the item code \"\(code)\" does not match the standard's format \(pattern) (e.g. 440100-XK-00012-001)")
            }
        }
        let unsafe = code.isEmpty || code.hasPrefix(".") || code.unicodeScalars.contains {
            $0 == "/" || $0 == "\\" || $0.properties.isWhitespace || $0.value < 0x20
        }
        if unsafe {
            return LocalizedText(
                zh: "事项编码“\(code)”不能用作文件名（不能为空、以“.”开头或含有 / \\ 空白）",
                en: "the item code \"\(code)\" cannot be a file name (it must not be empty, start with \".\", or hold / \\ or spaces)")
        }
        return nil
    }

    // MARK: - A small YAML emitter

    /// A value to write.
    indirect enum Node {
        /// A scalar, already in YAML form, with a trailing comment.
        case scalar(String, comment: String?)
        /// A flow sequence `[a, b]` of scalars in YAML form, with a trailing comment.
        case flow([String], comment: String?)
        case map([Entry])
        case seq([Node])
    }

    struct Entry {
        var key: String
        var value: Node
        /// Written behind `# `: optional.
        var commented = false
        /// Comment lines written above the entry.
        var notes: [String] = []
    }

    static func render(_ entries: [Entry], indent: String, into lines: inout [String], firstPrefix: String? = nil) {
        for (i, entry) in entries.enumerated() {
            let lead = i == 0 && firstPrefix != nil ? firstPrefix! : indent
            for note in entry.notes { lines.append(indent + "# " + note) }
            if entry.commented {
                var inner: [String] = []
                render([Entry(key: entry.key, value: entry.value)], indent: "", into: &inner)
                for (j, line) in inner.enumerated() {
                    lines.append((j == 0 ? lead : indent) + "# " + line)
                }
                continue
            }
            switch entry.value {
            case .scalar(let text, let comment):
                lines.append(lead + entry.key + ": " + text + (comment.map { "    # " + $0 } ?? ""))
            case .flow(let items, let comment):
                lines.append(lead + entry.key + ": [" + items.joined(separator: ", ") + "]" + (comment.map { "    # " + $0 } ?? ""))
            case .map(let children):
                lines.append(lead + entry.key + ":")
                render(children, indent: indent + "  ", into: &lines)
            case .seq(let items):
                lines.append(lead + entry.key + ":")
                render(items, indent: indent + "  ", into: &lines)
            }
        }
    }

    static func render(_ items: [Node], indent: String, into lines: inout [String]) {
        for item in items {
            switch item {
            case .scalar(let text, let comment):
                lines.append(indent + "- " + text + (comment.map { "    # " + $0 } ?? ""))
            case .flow(let values, let comment):
                lines.append(indent + "- [" + values.joined(separator: ", ") + "]" + (comment.map { "    # " + $0 } ?? ""))
            case .map(let entries):
                render(entries, indent: indent + "  ", into: &lines, firstPrefix: indent + "- ")
            case .seq(let inner):
                lines.append(indent + "-")
                render(inner, indent: indent + "  ", into: &lines)
            }
        }
    }

    /// `text` as a YAML scalar: plain when that reads back as the same string (also for
    /// YAML 1.1 readers: `yes`, `no`, `on`, `off` are quoted), else double-quoted, with
    /// control characters and the line separators U+0085, U+2028, U+2029 escaped. `inFlow`:
    /// inside `[...]`, where `,[]{}` also need quotes.
    public static func scalar(_ text: String, inFlow: Bool = false) -> String {
        let core = YAMLScalar(text)
        let lineBreaking: (Unicode.Scalar) -> Bool = { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
        var plain = !text.isEmpty && !core.isNull && core.bool == nil && !core.isNumber
            && !["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
            && text.first != " " && text.last != " " && !text.hasSuffix(":")
            && !text.contains(": ") && !text.contains(" #")
            && !"-?:,[]{}#&*!|>'\"%@`".contains(text.first!)
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" || lineBreaking($0) }
        if inFlow && text.contains(where: { ",[]{}".contains($0) }) { plain = false }
        if plain { return text }
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case _ where s.value < 0x20 || s.value == 0x7F || s == "\u{FEFF}":
                let hex = String(s.value, radix: 16, uppercase: true)
                out += s.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(s)
            }
        }
        return out + "\""
    }

    // MARK: - The skeleton

    struct Writer {
        let profile: EffectiveProfile
        let code: String
        let name: String?
        let agency: String?
        let window: String?
        var law: String? = nil
        /// Example values instead of placeholders (``ItemSkeleton/example(for:code:name:agency:window:law:)``).
        var example = false

        func hold(_ guidance: String) -> Node {
            .scalar(ItemSkeleton.scalar((example ? "（示例）" : placeholder) + guidance), comment: nil)
        }

        /// The example value of a field kind that has no natural default, when writing an example.
        func exampleValue(_ kind: FieldKind, name: String) -> String? {
            guard example else { return nil }
            switch kind {
            case .timeLimit, .statutoryLimit: return name == "承诺" ? "10个工作日" : name == "法定" ? "20个工作日" : "3个工作日"
            case .url, .phone, .date, .ratio, .regionCode: return CatalogSkeleton.example(kind, codeSets: profile.codeSets)
            case .fees: return ItemSchema.noFee
            default: return nil
            }
        }

        func codes(_ set: String?) -> [String]? {
            guard let set, let values = profile.codeSets[set], !values.isEmpty else { return nil }
            return values
        }

        func allowed(_ values: [String]) -> String { "可选值：" + values.joined(separator: " | ") }

        /// The 岗位 of the flow's steps that staff hold (all but the applicant's).
        static let applicantRole = "申请人"

        func document() -> String {
            var lines = example ? [
                "# 示例事项 \(code)：由 zhinan new catalog 生成，内容都是示例，请改写为实际事项或删除本文件。",
                "# 遵循的标准：\(profile.profiles.map(\.id).joined(separator: "、"))。新的事项用 zhinan new item 生成。",
                "# 以“# ”开头的要素和字段是选填的，需要时删去行首的“# ”。",
            ] : [
                "# 事项 \(code)：由 zhinan new item 生成的骨架。",
                "# 遵循的标准：\(profile.profiles.map(\.id).joined(separator: "、"))。",
                "# 把每个“\(placeholder)”换成实际内容；留有“\(placeholder)”的事项不能通过 zhinan check。",
                "# 以“# ”开头的要素和字段是选填的，需要时删去行首的“# ”。",
            ]
            var entries: [Entry] = []
            for spec in profile.elements {
                var entry = element(spec)
                let help = usesHelp(spec) ? nil : spec.help
                var note = spec.isPublic ? "" : "内部要素，只用于业务手册"
                if !spec.isRequired { note = note.isEmpty ? "选填" : "选填的" + note }
                if let help { note += (note.isEmpty ? "" : "：") + help }
                if !note.isEmpty { entry.notes.insert(note, at: 0) }
                entry.commented = !spec.isRequired
                entries.append(entry)
            }
            // Blank lines around what takes more than one line.
            var body: [String] = []
            var previousWasBlock = true
            for entry in entries {
                let block = !entry.notes.isEmpty || entry.commented || !isScalar(entry.value)
                if block || previousWasBlock { body.append("") }
                ItemSkeleton.render([entry], indent: "", into: &body)
                previousWasBlock = block
            }
            lines += body
            return lines.joined(separator: "\n") + "\n"
        }

        func isScalar(_ node: Node) -> Bool {
            switch node {
            case .scalar, .flow: true
            case .map, .seq: false
            }
        }

        /// Whether the element's value already says what its 说明 says.
        func usesHelp(_ spec: ElementSpec) -> Bool {
            switch spec.type {
            case .text, .textList: spec.key != "name" || name == nil
            case .itemCode, .basicCode, .implementationCode: true
            default: false
            }
        }

        func element(_ spec: ElementSpec) -> Entry {
            let guidance = spec.help ?? spec.name
            switch spec.type {
            case .text:
                if spec.key == "name", let name { return Entry(key: spec.name, value: .scalar(ItemSkeleton.scalar(name), comment: nil)) }
                return Entry(key: spec.name, value: hold(guidance))
            case .textList:
                return Entry(key: spec.name, value: .seq([hold(spec.help ?? "\(spec.name)，一条一项")]))
            case .code:
                guard let values = codes(spec.codeSet) else { return Entry(key: spec.name, value: hold(guidance)) }
                // The example promises days, so its case type is the one that does (承诺件), not 即办件.
                let first = example && spec.key == ElementKey.caseType ? values.first { $0.contains("承诺") } ?? values[0] : values[0]
                return Entry(key: spec.name, value: .scalar(ItemSkeleton.scalar(first), comment: allowed(values)))
            case .codeList:
                guard let values = codes(spec.codeSet) else { return Entry(key: spec.name, value: .seq([hold(guidance)])) }
                return Entry(key: spec.name, value: .flow([ItemSkeleton.scalar(values[0], inFlow: true)],
                                                          comment: allowed(values) + "，可写多个"))
            case .itemCode:
                return Entry(key: spec.name, value: .scalar(ItemSkeleton.scalar(code), comment: nil))
            case .agency, .agencyID:
                return Entry(key: spec.name, value: reference(.agencies, help: spec.help))
            case .agencyIDs:
                return Entry(key: spec.name, value: .seq([reference(.agencies, help: spec.help)]))
            case .windows:
                if let window {
                    return Entry(key: spec.name, value: .flow([ItemSkeleton.scalar(window, inFlow: true)],
                                                              comment: "已填入 catalog.yaml 的第一个窗口，请核对；可写多个"))
                }
                return Entry(key: spec.name, value: .seq([hold(spec.help ?? "catalog.yaml 中“窗口”的编号")]))
            case .fees:
                if example { return Entry(key: spec.name, value: .scalar(ItemSchema.noFee, comment: "或按格式列出收费项目")) }
                var sample: [String] = []
                ItemSkeleton.render([record(Fields.fee, single: false, all: true)], indent: "  ", into: &sample)
                return Entry(key: spec.name, value: hold("\(ItemSchema.noFee)，或收费项目的列表"),
                             notes: ["写“\(ItemSchema.noFee)”，或按下面的格式列出收费项目："] + sample)
            case .flow:
                return Entry(key: spec.name, value: .seq(flow().map(\.node)))
            case .positiveInteger:
                return Entry(key: spec.name, value: .scalar("1", comment: nil))
            case .date:
                return Entry(key: spec.name, value: hold(spec.help ?? "YYYY-MM-DD"))
            case .staff:
                let roles = profile.elements.contains { $0.type == .flow } ? flowRoles() : []
                if roles.isEmpty { break }
                return Entry(key: spec.name, value: .seq(roles.map(staff)))
            default:
                break
            }
            guard let shape = Fields.shape(of: spec.type) else { return Entry(key: spec.name, value: hold(guidance)) }
            return Entry(key: spec.name, value: value(shape, help: spec.help ?? ""))
        }

        func reference(_ registry: Registry, help: String?) -> Node {
            let id = registry == .agencies ? agency : registry == .windows ? window : registry == .laws ? law : nil
            if let id {
                return .scalar(ItemSkeleton.scalar(id), comment: "已填入 catalog.yaml 的第一个“\(registry.rawValue)”，请核对")
            }
            return hold(help.flatMap { $0.isEmpty ? nil : $0 } ?? "catalog.yaml 中“\(registry.rawValue)”的编号")
        }

        /// The example value of a field kind.
        func value(_ kind: FieldKind, help: String, name: String = "") -> Node {
            // What to write: the field's help, else the form its kind takes, else its name.
            let say = { (form: String?) in !help.isEmpty ? help : form ?? (name.isEmpty ? "…" : name) }
            if let value = exampleValue(kind, name: name) { return .scalar(value, comment: nil) }
            switch kind {
            case .text, .stepName: return hold(say(nil))
            case .positiveInteger: return .scalar("1", comment: help.isEmpty ? nil : help)
            case .yesNo: return .scalar("否", comment: "是 | 否" + (help.isEmpty ? "" : "；" + help))
            case .timeLimit, .statutoryLimit: return hold(say("N个工作日、N日 或 即办"))
            case .file: return hold(say("目录文件夹中文件的相对路径"))
            case .exemption: return .scalar("否", comment: ((codes("免提交理由") ?? []) + ["否"]).joined(separator: " | "))
            case .code(let set):
                guard let values = codes(set) else { return hold(say(nil)) }
                return .scalar(ItemSkeleton.scalar(values[0]), comment: allowed(values))
            case .reference(let registry): return reference(registry, help: help)
            case .url: return hold(say("http:// 或 https:// 开头的网址"))
            case .phone: return hold(say("区号-号码，如 020-12345678"))
            case .date: return hold(say("YYYY-MM-DD"))
            case .ratio: return hold(say("如 2/3"))
            case .creditCode: return hold(say("18 位统一社会信用代码"))
            case .regionCode: return hold(say("六位行政区划代码"))
            case .list(let inner): return .seq([value(inner, help: help, name: name)])
            case .records(let fields): return .seq([record(fields, single: false)])
            case .record(let fields): return record(fields, single: true)
            case .transitions: return hold(say("下一个环节的名称"))
            case .fees: return hold("\(ItemSchema.noFee)，或收费项目的列表")
            case .applicability: return .scalar("{agent: 委托他人办理}", comment: "情形的编号: 选项")
            case .questionID: return hold(say(nil))
            case .options: return .seq([hold(say(nil))])
            }
        }

        /// One example entry with every field.
        func record(_ fields: [FieldSpec], single: Bool, all: Bool = false) -> Node {
            let noneRequired = !fields.contains(where: \.isRequired)
            var entries: [Entry] = []
            for (i, field) in fields.enumerated() {
                // The fields a profile adds to a table are shown, commented, for the officer to pick.
                guard field.profile.map(profile.follows) ?? true else { continue }
                var hasDefault: Bool
                switch field.kind {
                case .code(let set): hasDefault = codes(set) != nil
                case .positiveInteger: hasDefault = true
                default: hasDefault = false
                }
                hasDefault = hasDefault && field.profile == nil
                // 材料库 is the alternative to naming the entry by its first field.
                let alternative = i > 0 && field.kind == .reference(.materials)
                let active = !alternative && (field.isRequired || i == 0 || hasDefault || (single && noneRequired))
                entries.append(Entry(key: field.name, value: value(field.kind, help: field.help, name: field.name),
                                     commented: !(active || all)))
            }
            return .map(entries)
        }

        // MARK: The flow and its staff

        struct Step {
            var name: String
            var role: String?
            var time: String?
            var next: [(condition: String, to: String)]
            var end: Int?
            var extras = false
        }

        var steps: [Step] {
            [
                Step(name: "申请", role: Self.applicantRole, time: nil, next: [("", "受理")]),
                Step(name: "受理", role: "综合受理窗口", time: "即办", next: [("", "审查")]),
                Step(name: "审查", role: "审查人员", time: nil, next: [("", "决定")], extras: true),
                Step(name: "决定", role: "决定人员", time: nil,
                     next: [("准予的情形", "办结"), ("不予的情形", "不予告知")]),
                Step(name: "办结", role: "综合受理窗口", time: "即办", next: [], end: 0),
                Step(name: "不予告知", role: "综合受理窗口", time: "即办", next: [], end: 1),
            ]
        }

        func flowRoles() -> [String] {
            var seen: [String] = []
            for s in steps { if let r = s.role, r != Self.applicantRole, !seen.contains(r) { seen.append(r) } }
            return seen
        }

        func flow() -> [(name: String, node: Node)] {
            let fields = Fields.step
            let nameField = fields.first { $0.isRequired } ?? fields[0]
            let roleName = Fields.staffRole.first { $0.isRequired }?.name
            let roleField = fields.first { $0.name == roleName }
            let timeField = fields.first { $0.kind == .timeLimit }
            let nextField = fields.first { $0.kind == .transitions }
            let endField = fields.first { if case .code = $0.kind { return true }; return false }
            let endValues: [String] = {
                if case .code(let set)? = endField?.kind { return codes(set) ?? [] }
                return []
            }()
            let conditionField = Fields.transition.first { $0.kind == .text }
            let targetField = Fields.transition.first { $0.kind == .stepName }
            let used = [nameField.name, roleField?.name, timeField?.name, nextField?.name, endField?.name]
            return steps.map { step in
                var entries = [Entry(key: nameField.name, value: .scalar(ItemSkeleton.scalar(step.name), comment: nil))]
                if let roleField, let role = step.role {
                    entries.append(Entry(key: roleField.name, value: .scalar(ItemSkeleton.scalar(role), comment: nil)))
                }
                if let timeField, step.role != Self.applicantRole {
                    entries.append(Entry(key: timeField.name, value: step.time.map { .scalar($0, comment: nil) }
                        ?? value(timeField.kind, help: timeField.help, name: timeField.name)))
                }
                if step.extras {
                    for field in fields where !used.contains(field.name) {
                        entries.append(Entry(key: field.name, value: value(field.kind, help: field.help, name: field.name), commented: true))
                    }
                }
                if let nextField, !step.next.isEmpty {
                    if step.next.count == 1 || conditionField == nil || targetField == nil {
                        entries.append(Entry(key: nextField.name, value: .scalar(ItemSkeleton.scalar(step.next[0].to), comment: nil)))
                    } else {
                        entries.append(Entry(key: nextField.name, value: .seq(step.next.map { t in
                            .map([
                                Entry(key: conditionField!.name, value: hold(t.condition)),
                                Entry(key: targetField!.name, value: .scalar(ItemSkeleton.scalar(t.to), comment: nil)),
                            ])
                        })))
                    }
                }
                if let endField, let end = step.end, end < endValues.count {
                    entries.append(Entry(key: endField.name, value: .scalar(ItemSkeleton.scalar(endValues[end]), comment: nil)))
                }
                return (step.name, .map(entries))
            }
        }

        /// 审批人员 entry for one 岗位 of the flow: the 岗位, its duties, and the rest
        /// commented out.
        func staff(_ role: String) -> Node {
            let fields = Fields.staffRole
            let roleIndex = fields.firstIndex { $0.isRequired } ?? 0
            let duties = fields.indices.first { $0 != roleIndex && fields[$0].kind == .text }
            return .map(fields.indices.map { i in
                if i == roleIndex { return Entry(key: fields[i].name, value: .scalar(ItemSkeleton.scalar(role), comment: nil)) }
                let help = fields[i].help.isEmpty ? "\(role)的\(fields[i].name)" : fields[i].help
                return Entry(key: fields[i].name, value: value(fields[i].kind, help: help), commented: i != duties)
            })
        }
    }
}

/// What `zhinan new` and `zhinan schema` read from catalog.yaml, before and without the
/// binder: the standards it follows and the first 实施机关 and 窗口. Names and their
/// traditional spellings come from `Fields.catalog`.
public struct CatalogOutline: Sendable, Equatable {
    /// 标准, when written (a single id is read as a list of one).
    public var standards: [String]?
    public var firstAgency: String?
    public var firstWindow: String?

    public init(standards: [String]? = nil, firstAgency: String? = nil, firstWindow: String? = nil) {
        self.standards = standards
        self.firstAgency = firstAgency
        self.firstWindow = firstWindow
    }

    /// The name of catalog.yaml's list of standards in `Fields.catalog`.
    static let standardsField = "标准"

    public init(root: YAMLNode) {
        let pairs = root.mapping ?? []
        func value(_ name: String) -> YAMLNode? {
            guard let field = Fields.catalog.first(where: { $0.name == name }) else { return nil }
            let names = [field.name] + field.traditional
            return pairs.first { names.contains($0.key.text) }?.value
        }
        func firstID(_ registry: Registry) -> String? {
            guard case .records(let fields)? = Fields.catalog.first(where: { $0.name == registry.rawValue })?.kind,
                  let idField = fields.first(where: \.isRequired) else { return nil }
            let names = [idField.name] + idField.traditional
            for entry in value(registry.rawValue)?.sequence ?? [] {
                if let id = entry.mapping?.first(where: { names.contains($0.key.text) })?.value.text { return id }
            }
            return nil
        }
        if let node = value(Self.standardsField) {
            standards = node.text.map { [$0] } ?? node.sequence?.compactMap(\.text)
        }
        firstAgency = firstID(.agencies)
        firstWindow = firstID(.windows)
    }
}
