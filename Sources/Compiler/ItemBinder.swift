import Glibc
import Catalog
import Diagnostics
import Standards
import YAMLSyntax

/// Where the parts of an item are written, for the rules that run after binding.
struct ItemSpans: Sendable {
    var file: String
    var start = SourceRange(at: SourceLocation(line: 1, column: 1))
    var code: SourceRange?
    var caseType: SourceRange?
    var statutory: SourceRange?
    var promised: SourceRange?
    var flow: SourceRange?
    /// Per step: its name's range, and its 岗位's.
    var stepNames: [SourceRange] = []
    var stepRoles: [SourceRange?] = []
    /// Per step, per transition: the target's range.
    var targets: [[SourceRange]] = []
    var staff: SourceRange?
    var national = NationalSpans()
}

/// An item bound from its file, with where its parts are.
struct BoundItem: Sendable {
    var item: Item
    var spans: ItemSpans
}

/// Binds one item file through the catalog's effective profile.
struct ItemBinder {
    let profile: EffectiveProfile
    let header: CatalogHeader
    var b: FieldBinder

    init(file: String, profile: EffectiveProfile, header: CatalogHeader) {
        self.init(file: file, profile: profile, header: header,
                  tables: BindingTables(codeSets: profile.codeSets, profile: profile))
    }

    /// With the tables prepared once for every item of the catalog.
    init(file: String, profile: EffectiveProfile, header: CatalogHeader, tables: BindingTables) {
        self.profile = profile
        self.header = header
        b = FieldBinder(reporter: Reporter(file: file, settings: profile.rules), tables: tables)
    }

    var diagnostics: [Diagnostic] { b.reporter.diagnostics }

    mutating func bind(_ root: YAMLNode) -> BoundItem? {
        var spans = ItemSpans(file: b.reporter.file)
        guard let pairs = root.mapping else {
            b.reporter.report(CompilerCodes.wrongType, at: root.range,
                zh: "事项文件应当是“要素: 内容”的映射，这里是\(root.kindName.zh)",
                en: "an item file is a mapping of elements (要素: 内容), not \(root.kindName.en)")
            return nil
        }
        spans.start = SourceRange(at: root.range.start)
        var item = Item(code: "", name: "", type: "", agencyID: "")
        var given: [String: SourceRange] = [:]
        var fieldAliases: [FieldAliasUse] = []

        for pair in pairs {
            let name = pair.key.text
            let found = b.tables.element(named: name).map { (profile.elements[$0.index], $0.spelling) }
            guard let (spec, spelling) = found ?? profile.element(named: name) else {
                if let alias = profile.fieldAlias(named: name) {
                    fieldAliases.append(FieldAliasUse(alias: alias, pair: pair))
                    continue
                }
                let standards = header.catalog.standards
                if let owner = b.tables.elsewhere[name] {
                    b.reporter.report(CompilerCodes.unknownElement, at: pair.keyRange,
                        zh: "“\(name)”不是目录所遵循标准（\(standards.joined(separator: "、"))）中的要素；该要素由标准 \(owner) 定义；在 catalog.yaml 的 标准 中加入它",
                        en: "\"\(name)\" is not an element of the catalog's standards (\(standards.joined(separator: ", "))); the standard \(owner) defines it; add it to 标准 in catalog.yaml")
                    continue
                }
                let allNames = profile.elements.flatMap { [$0.name] + $0.synonyms }
                let hint = b.reporter.didYouMean(name, in: allNames)
                b.reporter.report(CompilerCodes.unknownElement, at: pair.keyRange,
                    zh: "“\(name)”不是目录所遵循标准（\(standards.joined(separator: "、"))）中的要素\(hint.zh)",
                    en: "\"\(name)\" is not an element of the catalog's standards (\(standards.joined(separator: ", ")))\(hint.en)")
                continue
            }
            if spelling == .traditional {
                b.reporter.report(CompilerCodes.traditionalSpelling, at: pair.keyRange,
                    zh: "“\(name)”是繁体写法，请写作“\(spec.name)”", en: "\"\(name)\" is a traditional spelling; write \"\(spec.name)\"")
            }
            if let first = given[spec.key] {
                // The very same key twice is YAML's duplicate key, reported already.
                if pairs.contains(where: { $0.keyRange == first && $0.key.text == name }) { continue }
                b.reporter.report(CompilerCodes.duplicateElement, at: pair.keyRange,
                    zh: "要素“\(spec.name)”已经写过（“\(name)”与它是同一要素）", en: "the element \(spec.name) is already given (\"\(name)\" is the same element)",
                    notes: [b.reporter.note(first, zh: "第一次写在这里", en: "first given here")])
                continue
            }
            given[spec.key] = pair.keyRange
            if Self.isEmpty(pair.value) {
                // `事项名称:` with nothing after it (or ~, "", [] or {}) is as missing as no
                // 事项名称; an optional element with nothing after it is not given.
                if spec.isRequired {
                    b.reporter.report(CompilerCodes.missingElement, at: pair.keyRange,
                        zh: "必需的要素“\(spec.name)”没有填写内容", en: "the required element \(spec.name) is empty")
                    continue
                }
                if pair.value.scalar?.isNull == true { continue }
            }
            bindElement(spec, pair, into: &item, spans: &spans)
        }
        if !fieldAliases.isEmpty { bindFieldAliases(fieldAliases, given: &given, into: &item, spans: &spans) }
        for spec in profile.elements where spec.isRequired && given[spec.key] == nil {
            let by = profile.profiles.filter { p in p.elements.contains { $0.key == spec.key && $0.isRequired } }.map(\.id)
            let names = ([spec.name] + spec.synonyms).map { "“\($0)”" }.joined(separator: "或")
            b.reporter.report(CompilerCodes.missingElement, at: spans.start,
                zh: "事项缺少必需的要素\(names)（\(by.joined(separator: "、")) 要求）",
                en: "the item lacks the required element \(spec.name) (required by \(by.joined(separator: ", ")))")
        }
        return BoundItem(item: item, spans: spans)
    }

    /// A value with nothing in it: null, text of spaces only, `[]` or `{}`.
    static func isEmpty(_ node: YAMLNode) -> Bool {
        switch node.value {
        case .scalar(let s): s.isNull || s.text.allSatisfy(\.isWhitespace)
        case .sequence(let items): items.isEmpty
        case .mapping(let pairs): pairs.isEmpty
        }
    }

    mutating func bindElement(_ spec: ElementSpec, _ pair: YAMLPair, into item: inout Item, spans: inout ItemSpans) {
        let node = pair.value, what = spec.name, en = spec.name
        switch spec.type {
        case .itemCode:
            guard let code = b.line(node, what: what, whatEN: en) else { return }
            item.code = code
            spans.code = node.range
            checkItemCode(code, at: node.range)
        case .agency:
            guard let id = b.text(node, what: what, whatEN: en, numbersAllowed: true, oneLine: true) else { return }
            if resolve(id, in: .agencies, at: node.range) { item.agencyID = id }
        case .windows:
            let nodes = node.sequence ?? (node.scalar != nil ? [node] : [])
            if nodes.isEmpty && node.scalar == nil { _ = b.textList(node, what: what, whatEN: en) }
            for (i, n) in nodes.enumerated() where b.filled(n, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(en)") {
                if let id = b.text(n, what: what, whatEN: en, numbersAllowed: true, oneLine: true), resolve(id, in: .windows, at: n.range) {
                    item.windowIDs.append(id)
                }
            }
        case .code:
            guard let value = b.code(node, set: spec.codeSet ?? "", what: what, whatEN: en) else { return }
            switch spec.key {
            case ElementKey.type: item.type = value
            case ElementKey.caseType:
                item.caseType = FastText.enumCase(value, as: CaseType.self)
                spans.caseType = node.range
            default:
                if !bindNationalCode(spec.key, value, at: node.range, into: &item, spans: &spans) {
                    item.additionalElements.append(additional(spec, .text(value)))
                }
            }
        case .codeList:
            let nodes = node.sequence ?? [node]
            if node.mapping != nil { _ = b.textList(node, what: what, whatEN: en); return }
            if spec.key == ElementKey.onlineDepth { bindOnlineDepth(spec, node, into: &item, spans: &spans); return }
            let values = nodes.enumerated().compactMap { i, n in
                b.filled(n, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(en)") ? b.code(n, set: spec.codeSet ?? "", what: what, whatEN: en) : nil
            }
            switch spec.key {
            case ElementKey.serviceObjects: item.serviceObjects = values
            case ElementKey.handlingForms:
                item.handlingForms = values
                spans.national.handlingForms = node.range
            default: item.additionalElements.append(additional(spec, .list(values)))
            }
        case .text:
            guard let t = b.text(node, what: what, whatEN: en, oneLine: spec.key == ElementKey.name) else { return }
            switch spec.key {
            case ElementKey.name: item.name = t
            case ElementKey.scope: item.scope = t
            case ElementKey.rightsAndObligations: item.rightsAndObligations = t
            case ElementKey.progressQuery: item.progressQuery = t
            case ElementKey.supervision: item.supervision = t
            case ElementKey.onSiteReason: item.national.onSiteReason = t
            default: item.additionalElements.append(additional(spec, .text(t)))
            }
        case .textList:
            let values = node.text != nil ? [b.text(node, what: what, whatEN: en)].compactMap { $0 } : b.textList(node, what: what, whatEN: en)
            switch spec.key {
            case ElementKey.conditions: item.conditions = values
            default: item.additionalElements.append(additional(spec, .list(values)))
            }
        case .legalBasis:
            let refs = References(header: header)
            item.legalBasis = b.list(node, what: what, whatEN: en) { b, entry, i in
                let w = { "\(what)第\(i + 1)项" }, we = { "entry \(i + 1) of \(en)" }
                guard let r = b.record(entry, fields: Fields.legalBasis, what: w(), whatEN: we()),
                      let lawPair = r["法规"], let law = b.text(lawPair.value, what: "\(w())的法规", whatEN: "the law of \(we())", numbersAllowed: true, oneLine: true)
                else { return nil }
                guard refs.resolve(law, in: .laws, at: lawPair.value.range, binder: &b) else { return nil }
                return LegalBasis(
                    lawID: law,
                    article: r["条款"].flatMap { b.text($0.value, what: "条款", whatEN: "条款", numbersAllowed: true, oneLine: true) },
                    text: r["内容"].flatMap { b.text($0.value, what: "内容", whatEN: "内容") })
            }
        case .materials:
            let refs = References(header: header)
            item.materials = b.list(node, what: what, whatEN: en) { b, entry, i in
                refs.material(entry, index: i, binder: &b)
            }
        case .timeLimits:
            guard let r = b.record(node, fields: Fields.timeLimits, what: what, whatEN: en) else { return }
            var limits = TimeLimits()
            if let p = r["法定"] {
                limits.statutory = b.timeLimit(p.value, what: "法定时限", whatEN: "the statutory limit")
                spans.statutory = p.value.range
            }
            if let p = r["承诺"] {
                limits.promised = b.timeLimit(p.value, what: "承诺时限", whatEN: "the promised limit")
                spans.promised = p.value.range
            }
            item.timeLimits = limits
        case .fees:
            if let t = node.text, node.sequence == nil {
                if Fields.noFee.contains(t) { item.fees = .free; return }
                b.reporter.report(CompilerCodes.wrongType, at: node.range,
                    zh: "审批收费应写“不收费”，或列出收费项目（项目、标准、依据）", en: "审批收费 is 不收费, or a list of fees (项目, 标准, 依据)")
                return
            }
            let fees: [Fee] = b.list(node, what: what, whatEN: en) { b, entry, i in
                guard let r = b.record(entry, fields: Fields.fee, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(en)"),
                      let name = r["项目"].flatMap({ b.text($0.value, what: "项目", whatEN: "项目", oneLine: true) }),
                      let standard = r["标准"].flatMap({ b.text($0.value, what: "标准", whatEN: "标准", numbersAllowed: true) })
                else { return nil }
                return Fee(name: name, standard: standard, basis: r["依据"].flatMap { b.text($0.value, what: "依据", whatEN: "依据") })
            }
            item.fees = .charged(fees)
        case .consultation:
            guard let r = b.record(node, fields: Fields.consultation, what: what, whatEN: en) else { return }
            let c = b.contact(r, of: "咨询")
            item.consultation = Consultation(phone: c.phone, address: c.address, website: c.website, email: c.email)
            if r.isEmpty {
                b.reporter.report(CompilerCodes.missingField, at: node.range,
                    zh: "咨询至少要写电话、地址或网址之一", en: "咨询 needs at least a phone number, an address or a website")
            }
        case .basicCode, .implementationCode, .handlingItems, .complaint, .url, .agencyID, .agencyIDs:
            bindNational(spec, node, into: &item, spans: &spans)
        case .flow:
            spans.flow = pair.keyRange
            bindFlow(node, into: &item, spans: &spans)
        case .remedies:
            guard let r = b.record(node, fields: Fields.remedies, what: what, whatEN: en) else { return }
            item.remedies = Remedies(
                reconsideration: r["行政复议"].flatMap { b.text($0.value, what: "行政复议", whatEN: "行政复议") },
                litigation: r["行政诉讼"].flatMap { b.text($0.value, what: "行政诉讼", whatEN: "行政诉讼") })
        case .certificate:
            guard let r = b.record(node, fields: Fields.certificate, what: what, whatEN: en),
                  let name = r["名称"].flatMap({ b.text($0.value, what: "证件名称", whatEN: "the certificate's name", oneLine: true) })
            else { return }
            item.certificate = Certificate(
                name: name, validity: r["有效期"].flatMap { b.text($0.value, what: "有效期", whatEN: "有效期", numbersAllowed: true) },
                sample: r["样本"].flatMap { b.url($0.value, what: "样本", whatEN: "样本") })
        case .staff:
            spans.staff = pair.keyRange
            item.staff = b.list(node, what: what, whatEN: en) { b, entry, i in
                guard let r = b.record(entry, fields: Fields.staffRole, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(en)"),
                      let role = r["岗位"].flatMap({ b.text($0.value, what: "岗位", whatEN: "岗位", oneLine: true) })
                else { return nil }
                return StaffRole(
                    role: role, duties: r["职责"].flatMap { b.text($0.value, what: "职责", whatEN: "职责") },
                    qualification: r["资格"].flatMap { b.text($0.value, what: "资格", whatEN: "资格") })
            }
        }
    }

    func additional(_ spec: ElementSpec, _ value: AdditionalElement.Value) -> AdditionalElement {
        AdditionalElement(key: spec.key, title: spec.standardName ?? spec.name, isInternal: !spec.isPublic, value: value)
    }

    private mutating func checkItemCode(_ code: String, at range: SourceRange) {
        if let pattern = profile.parameters["事项编码格式"],
           !(b.tables.itemCodePattern.flatMap { $0.pattern == pattern ? $0.matches(code) : nil } ?? Pattern.matches(code, pattern)) {
            b.reporter.report(CompilerCodes.badItemCode, at: range,
                zh: "事项编码“\(code)”不符合格式 \(pattern)（如 440100-XK-00012-001）",
                en: "the item code \"\(code)\" does not match the pattern \(pattern) (such as 440100-XK-00012-001)")
            return
        }
        let region = header.catalog.region
        if !region.isEmpty, code.count >= 6, code.first?.isNumber == true, !code.hasPrefix(region) {
            b.reporter.report(CompilerCodes.regionMismatch, at: range,
                zh: "事项编码以“\(code.prefix(6))”开头，与目录的行政区划“\(region)”不一致",
                en: "the item code starts with \"\(code.prefix(6))\", not the catalog's 行政区划 \"\(region)\"")
        }
    }

    private mutating func bindFlow(_ node: YAMLNode, into item: inout Item, spans: inout ItemSpans) {
        var steps: [FlowStep] = []
        var names: [SourceRange] = [], roles: [SourceRange?] = [], targets: [[SourceRange]] = []
        _ = b.list(node, what: "办理流程", whatEN: "办理流程") { b, entry, i in
            let what = { "办理流程第\(i + 1)个环节" }, en = { "step \(i + 1) of 办理流程" }
            guard let r = b.record(entry, fields: Fields.step, what: what(), whatEN: en()),
                  let namePair = r["环节"], let name = b.text(namePair.value, what: "环节名称", whatEN: "the step's name", numbersAllowed: true, oneLine: true)
            else { return () }
            var step = FlowStep(name: name)
            step.role = r["岗位"].flatMap { b.text($0.value, what: "岗位", whatEN: "岗位", oneLine: true) }
            step.timeLimit = r["时限"].flatMap { b.timeLimit($0.value, what: "环节时限", whatEN: "the step's limit") }
            step.isTimed = r["计时"].flatMap { b.yesNo($0.value, what: "计时", whatEN: "计时") } ?? true
            step.note = r["说明"].flatMap { b.text($0.value, what: "说明", whatEN: "说明") }
            step.outcome = r["结束"].flatMap { b.code($0.value, set: "办理结果", what: "结束", whatEN: "结束") }.flatMap { FastText.enumCase($0, as: Outcome.self) }
            var stepTargets: [SourceRange] = []
            if let next = r["下一步"] {
                if let target = next.value.text, next.value.sequence == nil {
                    step.transitions = [Transition(target: target)]
                    stepTargets = [next.value.range]
                } else {
                    let list: [TargetedTransition] = b.list(next.value, what: "\(what())的下一步", whatEN: "the next steps of \(en())") { b, t, j in
                        if let target = t.text, t.mapping == nil { return TargetedTransition(Transition(target: target), t.range) }
                        guard let tr = b.record(t, fields: Fields.transition, what: "\(what())的下一步第\(j + 1)项", whatEN: "next step \(j + 1) of \(en())"),
                              let to = tr["转到"], let target = b.text(to.value, what: "转到", whatEN: "转到", numbersAllowed: true, oneLine: true)
                        else { return nil }
                        return TargetedTransition(Transition(condition: tr["条件"].flatMap { b.text($0.value, what: "条件", whatEN: "条件") }, target: target), to.value.range)
                    }
                    step.transitions = list.map(\.transition)
                    stepTargets = list.map(\.range)
                }
            }
            steps.append(step)
            names.append(namePair.value.range)
            roles.append(r["岗位"]?.value.range)
            targets.append(stepTargets)
            return ()
        }
        item.flow = steps
        spans.stepNames = names
        spans.stepRoles = roles
        spans.targets = targets
    }

    /// A transition and where its target is written (a struct, not a tuple: a generic list
    /// of tuples would look up the tuple's metadata on every call).
    private struct TargetedTransition {
        var transition: Transition
        var range: SourceRange
        init(_ transition: Transition, _ range: SourceRange) {
            self.transition = transition
            self.range = range
        }
    }

    private mutating func resolve(_ id: String, in registry: Registry, at range: SourceRange) -> Bool {
        References(header: header).resolve(id, in: registry, at: range, binder: &b)
    }
}

/// Resolves ids against catalog.yaml's registries.
struct References {
    let header: CatalogHeader

    /// Checks that `id` names an entry of a registry; reports it with did-you-mean if not.
    func resolve(_ id: String, in registry: Registry, at range: SourceRange, binder: inout FieldBinder) -> Bool {
        if header.contains(id, in: registry) { return true }
        let candidates = header.ids(of: registry)
        let hint = binder.reporter.didYouMean(id, in: candidates)
        let list = candidates.isEmpty ? "" : "；已定义：" + candidates.prefix(8).joined(separator: "、") + (candidates.count > 8 ? "……" : "")
        binder.reporter.report(CompilerCodes.unknownReference, at: range,
            zh: "catalog.yaml 的“\(registry.rawValue)”中没有编号“\(id)”\(hint.zh)\(hint.zh.isEmpty ? list : "")",
            en: "catalog.yaml's \(registry.rawValue) has no id \"\(id)\"\(hint.en)")
        return false
    }

    func material(_ entry: YAMLNode, index i: Int, binder b: inout FieldBinder) -> MaterialRequirement? {
        let what = { "申请材料第\(i + 1)项" }, en = { "material \(i + 1)" }
        guard let r = b.record(entry, fields: Fields.material, what: what(), whatEN: en()) else { return nil }
        var m = MaterialRequirement(name: "")
        if let p = r["材料库"], let id = b.text(p.value, what: "\(what())的材料库", whatEN: "the library id of \(en())", numbersAllowed: true, oneLine: true) {
            guard resolve(id, in: .materials, at: p.value.range, binder: &b), let shared = header.materials[id] else { return nil }
            m = MaterialRequirement(
                name: shared.name, libraryID: id, form: shared.form, copies: shared.copies, medium: shared.medium,
                source: shared.source, requirement: shared.requirement, shareable: shared.shareable,
                exemption: shared.shareable ? .dataSharing : nil)
        }
        if let p = r["材料"], let name = b.text(p.value, what: "\(what())的名称", whatEN: "the name of \(en())", oneLine: true),
           !name.allSatisfy(\.isWhitespace) {
            m.name = name
        }
        if m.name.isEmpty {
            // Nothing after 材料库: is no library id.
            if r["材料库"]?.value.text == nil {
                b.reporter.report(CompilerCodes.materialNameAndLibrary, at: SourceRange(at: entry.range.start),
                    zh: "\(what())既没有写“材料”（名称），也没有写“材料库”", en: "\(en()) gives neither 材料 (a name) nor 材料库")
            }
            return nil
        }
        if let p = r["形式"], let v = b.code(p.value, set: "材料形式", what: "形式", whatEN: "形式") { m.form = FastText.enumCase(v, as: MaterialForm.self) }
        if let p = r["份数"], let v = b.positiveInteger(p.value, what: "份数", whatEN: "份数") { m.copies = v }
        if let p = r["介质"], let v = b.code(p.value, set: "材料介质", what: "介质", whatEN: "介质") { m.medium = v }
        if let p = r["来源"], let v = b.code(p.value, set: "材料来源", what: "来源", whatEN: "来源") { m.source = v }
        if let p = r["必要性"], let v = b.code(p.value, set: "必要性", what: "必要性", whatEN: "必要性") { m.necessity = FastText.enumCase(v, as: Necessity.self) ?? .required }
        if let p = r["要求"], let v = b.text(p.value, what: "要求", whatEN: "要求") { m.requirement = v }
        if let p = r["条件"], let v = b.text(p.value, what: "条件", whatEN: "条件") { m.condition = v }
        if let p = r["审查要点"], let v = b.text(p.value, what: "审查要点", whatEN: "审查要点") { m.reviewPoints = v }
        return m
    }

}

/// The small regular-expression dialect profile patterns use, over POSIX extended regular
/// expressions from the C library.
enum Pattern {
    static func matches(_ text: String, _ pattern: String) -> Bool {
        // regexec reads a C string: a NUL would end the text it sees.
        if text.utf8.contains(0) { return false }
        var regex = regex_t()
        guard regcomp(&regex, pattern, REG_EXTENDED | REG_NOSUB) == 0 else { return true }
        defer { regfree(&regex) }
        return regexec(&regex, text, 0, nil, 0) == 0
    }
}
