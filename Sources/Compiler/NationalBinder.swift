import Catalog
import Diagnostics
import Standards
import YAMLSyntax

/// Where the national identification and handling elements are written, for NationalRules.
struct NationalSpans: Sendable {
    var basicCode: SourceRange?
    var implementationCode: SourceRange?
    /// Per 业务办理项 bound: its 编码's range.
    var handlingItemCodes: [SourceRange] = []
    var exerciseLevel: SourceRange?
    var powerSource: SourceRange?
    var onSiteVisits: SourceRange?
    /// Per depth bound: its range; and the whole list's.
    var onlineDepth: [SourceRange] = []
    var onlineDepthList: SourceRange?
    var handlingForms: SourceRange?
}

extension ItemBinder {
    /// Binds the elements of the types only the national profile uses (基本编码, 实施编码,
    /// 业务办理项, 监督投诉, 网址, 机关编号, 机关编号列表).
    mutating func bindNational(_ spec: ElementSpec, _ node: YAMLNode, into item: inout Item, spans: inout ItemSpans) {
        let what = spec.name
        switch spec.type {
        case .basicCode:
            guard let code = b.line(node, what: what, whatEN: what) else { return }
            item.national.basicCode = code
            spans.national.basicCode = node.range
        case .implementationCode:
            guard let code = b.line(node, what: what, whatEN: what) else { return }
            item.national.implementationCode = code
            spans.national.implementationCode = node.range
        case .handlingItems:
            var ranges: [SourceRange] = []
            item.national.handlingItems = b.list(node, what: what, whatEN: what) { b, entry, i in
                let w = "\(what)第\(i + 1)项", we = "entry \(i + 1) of \(what)"
                guard let r = b.record(entry, fields: Fields.handlingItem, what: w, whatEN: we),
                      let codePair = r["编码"], let code = b.line(codePair.value, what: "\(w)的编码", whatEN: "the code of \(we)"),
                      let name = r["名称"].flatMap({ b.line($0.value, what: "\(w)的名称", whatEN: "the name of \(we)") })
                else { return nil }
                ranges.append(codePair.value.range)
                return HandlingItem(code: code, name: name)
            }
            spans.national.handlingItemCodes = ranges
        case .complaint:
            guard let r = b.record(node, fields: Fields.complaint, what: what, whatEN: what) else { return }
            let c = b.contact(r, of: "投诉")
            item.national.complaint = Complaint(phone: c.phone, website: c.website, address: c.address, email: c.email)
            if r.isEmpty {
                b.reporter.report(CompilerCodes.missingField, at: node.range,
                    zh: "\(what)至少要写电话、网址、地址或邮箱之一", en: "\(what) needs at least a phone number, a website, an address or an email")
            }
        case .url:
            guard let url = b.url(node, what: what, whatEN: what) else { return }
            switch spec.key {
            case ElementKey.onlineURL: item.national.onlineURL = url
            default: item.additionalElements.append(additional(spec, .text(url)))
            }
        case .agencyID:
            guard let found = id(node, in: .agencies, what: what, whatEN: what) else { return }
            switch spec.key {
            case ElementKey.entrustingAgency: item.national.entrustingAgencyID = found
            default: item.additionalElements.append(additional(spec, .text(found)))
            }
        case .agencyIDs:
            let found = ids(node, in: .agencies, what: what, whatEN: what)
            switch spec.key {
            case ElementKey.jointAgencies: item.national.jointAgencyIDs = found
            default: item.additionalElements.append(additional(spec, .list(found)))
            }
        default:
            break
        }
    }

    /// Puts a 代码 value of a national element in its place; false for other keys.
    mutating func bindNationalCode(_ key: String, _ value: String, at range: SourceRange, into item: inout Item, spans: inout ItemSpans) -> Bool {
        switch key {
        case ElementKey.exerciseLevel:
            item.national.exerciseLevel = value
            spans.national.exerciseLevel = range
        case ElementKey.implementerNature: item.national.implementerNature = value
        case ElementKey.powerSource:
            item.national.powerSource = value
            spans.national.powerSource = range
        case ElementKey.onSiteVisits:
            item.national.onSiteVisits = Int(value)
            spans.national.onSiteVisits = range
        case ElementKey.handlingArea: item.national.handlingArea = value
        default: return false
        }
        return true
    }

    /// 网上办理深度, each depth with where it is written.
    mutating func bindOnlineDepth(_ spec: ElementSpec, _ node: YAMLNode, into item: inout Item, spans: inout ItemSpans) {
        let what = spec.name
        let nodes = node.sequence ?? [node]
        spans.national.onlineDepthList = node.range
        for (i, n) in nodes.enumerated() where b.filled(n, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(what)") {
            guard let value = b.code(n, set: spec.codeSet ?? "", what: what, whatEN: what) else { continue }
            item.national.onlineDepth.append(value)
            spans.national.onlineDepth.append(n.range)
        }
    }

    /// Top-level names that stand for a field of a structured element (法定办结时限 for
    /// 办理时限.法定): gathered while the item is read, bound into the element once it is
    /// known that the element itself is not written.
    struct FieldAliasUse {
        var alias: FieldAlias
        var pair: YAMLPair
    }

    /// Binds the field aliases used, each as its field of the element it belongs to. Where
    /// the element is written as well, each alias is an error (ZN306) naming where.
    mutating func bindFieldAliases(_ uses: [FieldAliasUse], given: inout [String: SourceRange], into item: inout Item, spans: inout ItemSpans) {
        var byElement: [String: [FieldAliasUse]] = [:], order: [String] = []
        for use in uses {
            if byElement[use.alias.elementKey] == nil { order.append(use.alias.elementKey) }
            byElement[use.alias.elementKey, default: []].append(use)
        }
        for key in order {
            guard let group = byElement[key], let spec = profile.element(key: key) else { continue }
            if let first = given[key] {
                for use in group {
                    b.reporter.report(CompilerCodes.duplicateElement, at: use.pair.keyRange,
                        zh: "“\(use.pair.key.text)”是“\(spec.name)”的“\(use.alias.field)”，而“\(spec.name)”已经写过；请把它写在“\(spec.name)”之下",
                        en: "\"\(use.pair.key.text)\" is \(use.alias.field) of \(spec.name), which is already given; write it under \(spec.name)",
                        notes: [b.reporter.note(first, zh: "“\(spec.name)”写在这里", en: "\(spec.name) is given here")])
                }
                continue
            }
            // The fields as if written under the element, each keeping its own key's place.
            let start = group[0].pair.keyRange
            var pairs: [YAMLPair] = []
            for use in group where !pairs.contains(where: { $0.key.text == use.alias.field }) {
                pairs.append(YAMLPair(key: YAMLScalar(use.alias.field), keyRange: use.pair.keyRange, value: use.pair.value))
            }
            given[key] = start
            let node = YAMLNode(.mapping(pairs), range: SourceRange(at: start.start))
            bindElement(spec, YAMLPair(key: YAMLScalar(spec.name), keyRange: start, value: node), into: &item, spans: &spans)
        }
    }
}
