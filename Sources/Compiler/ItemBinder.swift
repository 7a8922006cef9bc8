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
    /// Where 审批证件 and 审批结果 are named (their keys).
    var certificate: SourceRange?
    var result: SourceRange?
    /// Where 生效日期 and 废止日期 are written (their values).
    var effectiveDate: SourceRange?
    var repealDate: SourceRange?
    /// Where 告知承诺's 承诺书 and each of its 替代材料 are written.
    var pledge: SourceRange?
    var replaced: [SourceRange] = []
    /// Per material: where its 材料库 id is written when 可共享 leaves 免提交 undecided.
    var undecidedShareable: [SourceRange?] = []
    /// The files the item names (空表, 样表, 样本), with where, checked against the folder.
    var attachments: [AttachmentReference] = []
    /// 情形, 适用情形 and 情形差异.
    var scenarios = ScenarioSpans()
}

/// A file an item names (空表, 样表, 审批结果's 样本), and where.
struct AttachmentReference: Sendable, Equatable {
    var path: String
    var range: SourceRange
    /// The field, for messages: 空表, 样表, 样本.
    var field: String
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
    /// The catalog follows GB/T 39554.2-2020.
    let national: Bool
    /// The 适用情形 read so far, resolved once 情形 is known, and the 情形差异 entries.
    var pendingApplicability: [PendingApplicability] = []
    /// The 编号 of 情形 entries that were refused (their own error is reported): a 适用情形
    /// naming one is not reported again, nor "corrected" to another question.
    var refusedQuestionIDs: Set<String> = []
    /// The item writes 情形 (even if none of its questions could be read).
    var scenariosWritten = false
    var boundVariants: [BoundVariant] = []

    init(file: String, profile: EffectiveProfile, header: CatalogHeader) {
        self.init(file: file, profile: profile, header: header,
                  tables: BindingTables(codeSets: profile.codeSets, profile: profile))
    }

    /// With the tables prepared once for every item of the catalog.
    init(file: String, profile: EffectiveProfile, header: CatalogHeader, tables: BindingTables) {
        self.profile = profile
        self.header = header
        national = profile.follows(Fields.national)
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
                reportUnknown(name, at: pair.keyRange)
                continue
            }
            if spelling == .traditional {
                b.reporter.report(CompilerCodes.traditionalSpelling, at: pair.keyRange,
                    zh: "“\(name)”是繁体写法，请写作“\(spec.name)”", en: "\"\(name)\" is a traditional spelling; write \"\(spec.name)\"",
                    fix: Reporter.fix(pair.keyRange, to: spec.name))
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
        resolveScenarios(&item, spans: &spans)
        if let certificate = spans.certificate, let result = spans.result {
            let (first, second) = certificate.start < result.start ? (certificate, result) : (result, certificate)
            let secondName = second == result ? "审批结果" : "审批证件"
            b.reporter.report(CompilerCodes.resultAndCertificate, at: second,
                zh: "审批结果与审批证件只写一个：审批结果取代审批证件；请删除审批证件，把它的名称、有效期写进审批结果（类型: 证照）",
                en: "write 审批结果 or 审批证件, not both: 审批结果 takes the place of 审批证件; delete 审批证件 and move its name and validity into 审批结果 (类型: 证照)",
                notes: [b.reporter.note(first, zh: "\(secondName == "审批结果" ? "审批证件" : "审批结果")写在这里", en: "the other is here")])
        }
        if national { NationalMaterialRules().check(&item, spans: spans, binder: &b) }
        for spec in profile.elements where spec.isRequired && given[spec.key] == nil {
            if let other = profile.standIn(for: spec.key), given[other.key] != nil { continue }
            let by = profile.profiles.filter { p in p.elements.contains { $0.key == spec.key && $0.isRequired } }.map(\.id)
            let names = ([spec.name] + spec.synonyms).map { "“\($0)”" }.joined(separator: "或")
            b.reporter.report(CompilerCodes.missingElement, at: spans.start,
                zh: "事项缺少必需的要素\(names)（\(by.joined(separator: "、")) 要求）",
                en: "the item lacks the required element \(spec.name) (required by \(by.joined(separator: ", ")))")
        }
        return BoundItem(item: item, spans: spans)
    }

    /// ZN302 for `name`, an element none of the catalog's standards has: what a profile's
    /// 提示别名 says it means (a heading guides use for another element), else the standard
    /// of the library that defines it, else the closest name; with its fix when it is certain.
    private mutating func reportUnknown(_ name: String, at range: SourceRange) {
        let standards = header.catalog.standards
        if let (spec, hint, owner) = profile.hinted(name) {
            if let field = hint.field {
                b.reporter.report(CompilerCodes.unknownElement, at: range,
                    zh: "“\(name)”在 \(owner) 中是“\(spec.name)”的“\(field)”：请写在“\(spec.name)”下的“\(field)”中",
                    en: "\(owner) has \"\(name)\" as \(field) of \(spec.name): write it as \(field) under \(spec.name)")
            } else {
                b.reporter.report(CompilerCodes.unknownElement, at: range,
                    zh: "“\(name)”在 \(owner) 中叫“\(spec.name)”，请写作“\(spec.name)”",
                    en: "\(owner) calls \"\(name)\" \"\(spec.name)\"; write \"\(spec.name)\"",
                    fix: Reporter.fix(range, to: spec.name))
            }
            return
        }
        if let owner = b.tables.elsewhere[name] {
            b.reporter.report(CompilerCodes.unknownElement, at: range,
                zh: "“\(name)”不是目录所遵循标准（\(standards.joined(separator: "、"))）中的要素；该要素由标准 \(owner) 定义；在 catalog.yaml 的 标准 中加入它",
                en: "\"\(name)\" is not an element of the catalog's standards (\(standards.joined(separator: ", "))); the standard \(owner) defines it; add it to 标准 in catalog.yaml")
            return
        }
        let allNames = profile.elements.flatMap { [$0.name] + $0.synonyms }
        let hint = b.reporter.didYouMean(name, in: allNames, at: range)
        b.reporter.report(CompilerCodes.unknownElement, at: range,
            zh: "“\(name)”不是目录所遵循标准（\(standards.joined(separator: "、"))）中的要素\(hint.text.zh)",
            en: "\"\(name)\" is not an element of the catalog's standards (\(standards.joined(separator: ", ")))\(hint.text.en)",
            fix: hint.fix)
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
            if let found = id(node, in: .agencies, what: what, whatEN: en) { item.agencyID = found }
        case .windows:
            item.windowIDs += ids(node, in: .windows, what: what, whatEN: en)
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
            case ElementKey.quantityLimit: item.national.quantityLimit = t
            default: item.additionalElements.append(additional(spec, .text(t)))
            }
        case .textList where spec.key == ElementKey.conditions:
            bindConditions(node, into: &item)
        case .textList:
            let values = node.text != nil ? [b.text(node, what: what, whatEN: en)].compactMap { $0 } : b.textList(node, what: what, whatEN: en)
            switch spec.key {
            case ElementKey.conditions: item.conditions = values
            default: item.additionalElements.append(additional(spec, .list(values)))
            }
        case .legalBasis:
            let refs = References(header: header)
            item.legalBasis = b.list(node, what: what, whatEN: en) { b, entry, i in
                refs.legalBasis(entry, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(en)", binder: &b)
            }
        case .materials:
            let refs = References(header: header, national: national)
            let bound: [BoundMaterial] = b.list(node, what: what, whatEN: en) { b, entry, i in
                refs.material(entry, index: i, binder: &b)
            }
            item.materials = bound.map(\.material)
            spans.scenarios.materialsKey = pair.keyRange
            spans.scenarios.materialConditions = bound.map(\.condition)
            for (i, m) in bound.enumerated() {
                if let node = m.applicability {
                    pendingApplicability.append(PendingApplicability(target: .material(i), node: node, what: "申请材料“\(m.material.name)”", whatEN: "the material \(m.material.name)"))
                }
            }
            spans.attachments += bound.flatMap(\.attachments)
            spans.undecidedShareable = bound.map(\.undecidedShareable)
        case .timeLimits:
            guard let w = Self.timeLimits(node, fields: national ? Fields.timeLimits : Self.plainTimeLimits, what: what, whatEN: en, national: national, binder: &b)
            else { return }
            item.timeLimits = w.limits
            (spans.statutory, spans.promised) = (w.statutory, w.promised)
        case .fees:
            if let t = node.text, node.sequence == nil {
                if Fields.noFee.contains(t) { item.fees = .free; return }
                b.reporter.report(CompilerCodes.wrongType, at: node.range,
                    zh: "审批收费应写“不收费”，或列出收费项目（项目、标准、依据）", en: "审批收费 is 不收费, or a list of fees (项目, 标准, 依据)")
                return
            }
            var fees: [Fee] = [], pending: [PendingApplicability] = []
            _ = b.list(node, what: what, whatEN: en) { b, entry, i -> Void? in
                let w = "\(what)第\(i + 1)项", we = "entry \(i + 1) of \(en)"
                guard let r = b.record(entry, fields: Fields.fee, what: w, whatEN: we),
                      let name = r["项目"].flatMap({ b.text($0.value, what: "项目", whatEN: "项目", oneLine: true) }),
                      let standard = r["标准"].flatMap({ b.text($0.value, what: "标准", whatEN: "标准", numbersAllowed: true) })
                else { return nil }
                if let p = r["适用情形"] { pending.append(PendingApplicability(target: .fee(fees.count), node: p.value, what: w, whatEN: we)) }
                fees.append(Fee(name: name, standard: standard, basis: r["依据"].flatMap { b.text($0.value, what: "依据", whatEN: "依据") }))
                return ()
            }
            pendingApplicability += pending
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
            spans.certificate = pair.keyRange
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
        case .positiveInteger:
            guard let n = b.positiveInteger(node, what: what, whatEN: en, code: CompilerCodes.notPositiveInteger) else { return }
            switch spec.key {
            case ElementKey.version: item.national.version = n
            default: item.additionalElements.append(additional(spec, .text(String(n))))
            }
        case .date:
            guard let d = b.date(node, what: what, whatEN: en) else { return }
            switch spec.key {
            case ElementKey.effectiveDate: (item.national.effectiveDate, spans.effectiveDate) = (d, node.range)
            case ElementKey.repealDate: (item.national.repealDate, spans.repealDate) = (d, node.range)
            default: item.additionalElements.append(additional(spec, .text(d)))
            }
        case .result:
            spans.result = pair.keyRange
            bindResult(node, what: what, into: &item, spans: &spans)
        case .specialProcedures:
            let refs = References(header: header)
            item.national.specialProcedures = b.list(node, what: what, whatEN: en) { b, entry, i in
                refs.specialProcedure(entry, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(en)", binder: &b)
            }
        case .faqs:
            item.national.faqs = b.list(node, what: what, whatEN: en) { b, entry, i in
                let w = "\(what)第\(i + 1)项", we = "entry \(i + 1) of \(en)"
                guard let r = b.record(entry, fields: Fields.faq, what: w, whatEN: we),
                      let q = r["问"].flatMap({ b.text($0.value, what: "\(w)的问", whatEN: "the question of \(we)", numbersAllowed: true) }),
                      let a = r["答"].flatMap({ b.text($0.value, what: "\(w)的答", whatEN: "the answer of \(we)", numbersAllowed: true) })
                else { return nil }
                return FAQ(question: q, answer: a)
            }
        case .questions:
            bindQuestions(node, key: pair.keyRange, into: &item, spans: &spans)
        case .scenarioVariants:
            bindVariants(node)
        case .commitment:
            guard let r = b.record(node, fields: Fields.commitment, what: what, whatEN: en),
                  let pledgePair = r["承诺书"],
                  let pledge = b.text(pledgePair.value, what: "承诺书", whatEN: "承诺书", numbersAllowed: true, oneLine: true)
            else { return }
            spans.pledge = pledgePair.value.range
            var replaced: [String] = []
            if let p = r["替代材料"] {
                let nodes = p.value.sequence ?? (p.value.scalar != nil ? [p.value] : [])
                if nodes.isEmpty && p.value.scalar == nil { _ = b.textList(p.value, what: "替代材料", whatEN: "替代材料") }
                for (i, n) in nodes.enumerated() where b.filled(n, what: "替代材料第\(i + 1)项", whatEN: "entry \(i + 1) of 替代材料") {
                    if let name = b.text(n, what: "替代材料", whatEN: "替代材料", numbersAllowed: true, oneLine: true) {
                        replaced.append(name)
                        spans.replaced.append(n.range)
                    }
                }
            }
            item.national.commitment = NotificationCommitment(
                pledgeMaterial: pledge, replacedMaterials: replaced,
                verification: r["核查"].flatMap { b.text($0.value, what: "核查", whatEN: "核查") })
        }
    }

    /// 办理时限's fields without those of GB/T 39554.2-2020 (法定说明, 承诺说明).
    private static let plainTimeLimits = Fields.fields(Fields.timeLimits, following: { _ in false })

    private mutating func bindResult(_ node: YAMLNode, what: String, into item: inout Item, spans: inout ItemSpans) {
        guard let r = b.record(node, fields: Fields.approvalResult, what: what, whatEN: what) else { return }
        // A bad 类型 is reported, and the other fields are still read and checked.
        let type = r["类型"].flatMap { b.code($0.value, set: "审批结果类型", what: "审批结果的类型", whatEN: "the type of 审批结果") }
        var result = ApprovalResult(type: type ?? "")
        result.name = r["名称"].flatMap { b.text($0.value, what: "审批结果的名称", whatEN: "the name of 审批结果", oneLine: true) }
        result.validity = r["有效期"].flatMap { b.text($0.value, what: "有效期", whatEN: "有效期", numbersAllowed: true) }
        if let p = r["样本"], let file = References.attachment(p.value, field: "样本", binder: &b) {
            result.sample = file.path
            spans.attachments.append(file)
        }
        if let p = r["送达方式"] {
            let nodes = p.value.sequence ?? (p.value.mapping == nil ? [p.value] : [])
            if p.value.mapping != nil { _ = b.textList(p.value, what: "送达方式", whatEN: "送达方式") }
            result.delivery = nodes.enumerated().compactMap { i, n in
                b.filled(n, what: "送达方式第\(i + 1)项", whatEN: "entry \(i + 1) of 送达方式")
                    ? b.code(n, set: "送达方式", what: "送达方式", whatEN: "送达方式") : nil
            }
        }
        guard let type else { return }
        if result.name == nil && type != "无" && r["名称"] == nil {
            b.reporter.report(CompilerCodes.resultWithoutName, at: SourceRange(at: node.range.start),
                zh: "审批结果的类型是“\(type)”，却没有写“名称”；请写明结果的名称（如 食品经营许可证），或把类型改为“无”",
                en: "审批结果 is of type \(type) but gives no 名称; name the result (食品经营许可证, say), or set 类型 to 无")
        }
        item.result = result
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
        var pending: [PendingApplicability] = []
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
            if let p = r["适用情形"] {
                pending.append(PendingApplicability(target: .step(steps.count), node: p.value, what: "环节“\(name)”", whatEN: "the step \(name)"))
            }
            steps.append(step)
            names.append(namePair.value.range)
            roles.append(r["岗位"]?.value.range)
            targets.append(stepTargets)
            return ()
        }
        item.flow = steps
        pendingApplicability += pending
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

    /// An id of `registry` (实施机关, 窗口 …), when it names an entry; reported otherwise.
    mutating func id(_ node: YAMLNode, in registry: Registry, what: String, whatEN: String) -> String? {
        guard let id = b.text(node, what: what, whatEN: whatEN, numbersAllowed: true, oneLine: true),
              resolve(id, in: registry, at: node.range)
        else { return nil }
        return id
    }

    /// A list of ids of `registry` (one id alone stands for a list of it): those that name
    /// an entry, each other one reported.
    mutating func ids(_ node: YAMLNode, in registry: Registry, what: String, whatEN: String) -> [String] {
        let nodes = node.sequence ?? (node.scalar != nil ? [node] : [])
        if nodes.isEmpty && node.scalar == nil { _ = b.textList(node, what: what, whatEN: whatEN) }
        var found: [String] = []
        for (i, n) in nodes.enumerated() where b.filled(n, what: "\(what)第\(i + 1)项", whatEN: "entry \(i + 1) of \(whatEN)") {
            if let one = id(n, in: registry, what: what, whatEN: whatEN) { found.append(one) }
        }
        return found
    }
}

/// Resolves ids against catalog.yaml's registries.
struct References {
    let header: CatalogHeader
    /// The catalog follows GB/T 39554.2-2020: materials take its fields, and 可共享 only
    /// suggests 免提交.
    var national = false

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

    /// One {法规, 条款, 内容}, its law resolved.
    func legalBasis(_ entry: YAMLNode, what w: String, whatEN we: String, binder b: inout FieldBinder) -> LegalBasis? {
        guard let r = b.record(entry, fields: Fields.legalBasis, what: w, whatEN: we),
              let lawPair = r["法规"], let law = b.text(lawPair.value, what: "\(w)的法规", whatEN: "the law of \(we)", numbersAllowed: true, oneLine: true)
        else { return nil }
        guard resolve(law, in: .laws, at: lawPair.value.range, binder: &b) else { return nil }
        return LegalBasis(
            lawID: law,
            article: r["条款"].flatMap { b.text($0.value, what: "条款", whatEN: "条款", numbersAllowed: true, oneLine: true) },
            text: r["内容"].flatMap { b.text($0.value, what: "内容", whatEN: "内容") })
    }

    /// 特别程序's fields as read: 依据 is checked on its own (ZN825), not as a missing field.
    private static let procedureFields = Fields.specialProcedure.map { f in
        var f = f
        if f.name == "依据" { f.isRequired = false }
        return f
    }

    /// One entry of 特别程序.
    func specialProcedure(_ entry: YAMLNode, what w: String, whatEN we: String, binder b: inout FieldBinder) -> SpecialProcedure? {
        guard let r = b.record(entry, fields: Self.procedureFields, what: w, whatEN: we) else { return nil }
        // A bad 种类 is reported, and the other fields are still read and checked.
        let kind = r["种类"].flatMap { b.code($0.value, set: "特别程序种类", what: "\(w)的种类", whatEN: "the kind of \(we)") }
        var procedure = SpecialProcedure(kind: kind ?? "")
        procedure.limit = r["时限"].flatMap { b.timeLimit($0.value, what: "\(w)的时限", whatEN: "the limit of \(we)") }
        procedure.note = r["说明"].flatMap { b.text($0.value, what: "说明", whatEN: "说明") }
        if let p = r["依据"] {
            procedure.basis = legalBasis(p.value, what: "\(w)的依据", whatEN: "the 依据 of \(we)", binder: &b)
        } else {
            let kind = kind.map { "（\($0)）" } ?? ""
            b.reporter.report(CompilerCodes.procedureWithoutBasis, at: SourceRange(at: entry.range.start),
                zh: "\(w)\(kind)没有写“依据”；特别程序的时间不计入办理时限，须有法律法规依据：请加上“依据: {法规: 编号, 条款: 第几条}”",
                en: "\(we)\(kind) gives no 依据; a 特别程序's time is outside 办理时限, which only a law allows: add 依据: {法规: ID, 条款: 第…条}")
        }
        return procedure.kind.isEmpty ? nil : procedure
    }

    /// A file of the catalog folder named by a field; its path is checked here (no I/O), the
    /// file itself when the item is checked against the folder.
    static func attachment(_ node: YAMLNode, field: String, binder b: inout FieldBinder) -> AttachmentReference? {
        guard let path = b.line(node, what: field, whatEN: field) else { return nil }
        if let problem = Attachments.problem(path) {
            let why: (zh: String, en: String) = switch problem {
            case .absolute: ("要写目录文件夹中文件的相对路径，不能是绝对路径或网址", "give a path relative to the catalog folder, not an absolute path or a web address")
            case .badPart: ("路径中不能有“..”“.”、空段或反斜杠", "a path has no \"..\", \".\", empty part or backslash")
            case .hidden: ("以“.”开头的隐藏文件不会发布", "hidden files (a part starting with \".\") are never published")
            case .source: ("目录的 YAML 源文件含内部要素，不能作为附件发布", "the catalog's YAML files hold internal elements and are never published")
            case .type: ("只发布文档、表格、图片和压缩包（" + Attachments.fileTypes.sorted().joined(separator: "、") + "），网页、脚本和 SVG 不发布",
                         "only documents, spreadsheets, images and archives are published (" + Attachments.fileTypes.sorted().joined(separator: ", ") + "), never pages, scripts or SVG")
            }
            b.reporter.report(CompilerCodes.badAttachmentPath, at: node.range,
                zh: "\(field)“\(path)”\(why.zh)；请把文件放进目录文件夹，写它相对于目录文件夹的路径（如 forms/登记表.docx）",
                en: "\(field) \"\(path)\": \(why.en); put the file in the catalog folder and give its path relative to it (forms/登记表.docx, say)")
            return nil
        }
        return AttachmentReference(path: path, range: node.range, field: field)
    }

    func material(_ entry: YAMLNode, index i: Int, binder b: inout FieldBinder) -> BoundMaterial? {
        let what = { "申请材料第\(i + 1)项" }, en = { "material \(i + 1)" }
        guard let r = b.record(entry, fields: national ? Fields.material : Self.plainMaterialFields, what: what(), whatEN: en()) else { return nil }
        var m = MaterialRequirement(name: "")
        if let p = r["材料库"], let id = b.text(p.value, what: "\(what())的材料库", whatEN: "the library id of \(en())", numbersAllowed: true, oneLine: true) {
            guard resolve(id, in: .materials, at: p.value.range, binder: &b), let shared = header.materials[id] else { return nil }
            m = MaterialRequirement(
                name: shared.name, libraryID: id, form: shared.form, copies: shared.copies, medium: shared.medium,
                source: shared.source, requirement: shared.requirement, shareable: shared.shareable,
                exemption: shared.shareable && !national ? .dataSharing : nil)
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
        var bound = BoundMaterial(material: m)
        bound.applicability = r["适用情形"]?.value
        bound.condition = m.condition == nil ? nil : r["条件"]?.keyRange
        if national { nationalFields(r, entry: entry, what: what(), into: &bound, binder: &b) }
        return bound
    }

    /// The material fields without those only GB/T 39554.2-2020 has.
    private static let plainMaterialFields = Fields.fields(Fields.material, following: { _ in false })

    /// 原件份数, 复印件份数, 空表, 样表, 填报须知, 免提交, 核验原件, 容缺后补期限, and how
    /// they agree with 形式, 份数 and 必要性.
    private func nationalFields(_ r: Record, entry: YAMLNode, what: String, into bound: inout BoundMaterial, binder b: inout FieldBinder) {
        var m = bound.material
        let originals = r["原件份数"].flatMap { b.positiveInteger($0.value, what: "原件份数", whatEN: "原件份数") }
        let copies = r["复印件份数"].flatMap { b.positiveInteger($0.value, what: "复印件份数", whatEN: "复印件份数") }
        copyCounts(r, originals: originals, copies: copies, what: what, into: &m, binder: &b)
        for field in ["空表", "样表"] {
            guard let p = r[field], let file = Self.attachment(p.value, field: field, binder: &b) else { continue }
            if field == "空表" { m.blankForm = file.path } else { m.sampleForm = file.path }
            bound.attachments.append(file)
        }
        m.fillingNotes = r["填报须知"].flatMap { b.text($0.value, what: "填报须知", whatEN: "填报须知") }
        if let p = r["免提交"], let v = b.line(p.value, what: "免提交", whatEN: "免提交") {
            if v == "否" {
                m.exemption = nil
            } else if let reason = ExemptionReason(rawValue: v) {
                m.exemption = reason
            } else {
                let allowed = ExemptionReason.allCases.map(\.rawValue) + ["否"]
                let hint = b.reporter.didYouMean(v, in: allowed)
                b.reporter.report(CompilerCodes.notInCodeSet, at: p.value.range,
                    zh: "免提交“\(v)”不在代码集“免提交理由”中\(hint.zh)；可选：\(allowed.joined(separator: "、"))（否：不免提交）",
                    en: "免提交 \"\(v)\" is not in the code set 免提交理由\(hint.en); allowed: \(allowed.joined(separator: ", ")) (否: not exempt)")
            }
        }
        if let p = r["核验原件"], let v = b.yesNo(p.value, what: "核验原件", whatEN: "核验原件") {
            m.verifyOriginal = v
            if v, m.exemption != nil, let exemption = r["免提交"] {
                b.reporter.report(CompilerCodes.verifiedAndExempt, at: p.keyRange,
                    zh: "“\(m.name)”写了核验原件（申请人带原件到窗口核验后退还），又写了免提交（什么都不用带）；请删除其中一个",
                    en: "\"\(m.name)\" is 核验原件 (the applicant brings the original to be checked and handed back) and 免提交 (brings nothing); delete one",
                    notes: [b.reporter.note(exemption.keyRange, zh: "免提交写在这里", en: "免提交 is here")])
                m.exemption = nil
            }
        }
        if m.shareable, r["免提交"] == nil, !m.verifyOriginal, let library = r["材料库"] {
            // Reported once 告知承诺 is known (NationalMaterialRules): a material it replaces is 免提交 already.
            bound.undecidedShareable = library.value.range
        }
        if let p = r["容缺后补期限"], let limit = b.timeLimit(p.value, what: "容缺后补期限", whatEN: "容缺后补期限") {
            if m.necessity == .deferrable {
                m.deferralLimit = limit
            } else {
                b.reporter.report(CompilerCodes.deferralLimitWithoutDeferral, at: p.keyRange,
                    zh: "“\(m.name)”写了容缺后补期限，必要性却是“\(m.necessity.rawValue)”；请把必要性改为“容缺后补”，或删除容缺后补期限",
                    en: "\"\(m.name)\" gives 容缺后补期限 but its 必要性 is \(m.necessity.rawValue); set 必要性 to 容缺后补, or delete 容缺后补期限")
            }
        } else if m.necessity == .deferrable, r["容缺后补期限"] == nil, let p = r["必要性"] {
            b.reporter.report(CompilerCodes.deferralWithoutLimit, at: p.value.range,
                zh: "“\(m.name)”可以容缺后补，却没有写补交期限；请加上“容缺后补期限”（如 5个工作日）",
                en: "\"\(m.name)\" may be handed in later (容缺后补) but gives no deadline; add 容缺后补期限 (5个工作日, say)")
        }
        bound.material = m
    }

    /// 原件份数 and 复印件份数 against 形式 and 份数: either or both counts; 份数 for one form only.
    private func copyCounts(
        _ r: Record, originals: Int?, copies: Int?, what: String, into m: inout MaterialRequirement, binder b: inout FieldBinder
    ) {
        let written = r["形式"] != nil ? m.form : nil
        let conflict: (at: SourceRange, zh: String, en: String)? = {
            if originals != nil || copies != nil, let p = r["份数"] {
                return (p.keyRange, "写了原件份数或复印件份数，就不再写份数；请删除份数", "with 原件份数 or 复印件份数, 份数 is not written; delete 份数")
            }
            if written == .original, copies != nil, let p = r["复印件份数"] {
                return (p.keyRange, "形式是“原件”，却写了复印件份数；原件和复印件都要时请把形式改为“原件和复印件”（或删除形式）", "形式 is 原件 but 复印件份数 is given; for both, set 形式 to 原件和复印件 (or delete 形式)")
            }
            if written == .copy, originals != nil, let p = r["原件份数"] {
                return (p.keyRange, "形式是“复印件”，却写了原件份数；原件和复印件都要时请把形式改为“原件和复印件”（或删除形式）", "形式 is 复印件 but 原件份数 is given; for both, set 形式 to 原件和复印件 (or delete 形式)")
            }
            if m.form == .originalAndCopy, originals == nil || copies == nil, originals != nil || copies != nil || r["份数"] != nil,
               let p = r["份数"] ?? r["原件份数"] ?? r["复印件份数"] {
                return (p.keyRange, "形式是“原件和复印件”，请分别写原件份数和复印件份数（如 原件份数: 1，复印件份数: 2）", "形式 is 原件和复印件: give 原件份数 and 复印件份数 each (原件份数: 1, 复印件份数: 2, say)")
            }
            return nil
        }()
        if let conflict {
            b.reporter.report(CompilerCodes.copiesConflict, at: conflict.at,
                zh: "“\(m.name)”（\(what)）：\(conflict.zh)", en: "\"\(m.name)\" (\(what)): \(conflict.en)")
            return
        }
        guard originals != nil || copies != nil else { return }
        m.originalCopies = originals
        m.photocopies = copies
        // The counts decide the form where 形式 is not written, and replace a 材料库 份数.
        if written == nil { m.form = originals != nil && copies != nil ? .originalAndCopy : originals != nil ? .original : .copy }
        m.copies = originals != nil && copies != nil ? nil : (originals ?? copies)
    }
}

/// A material as bound, with the files it names.
struct BoundMaterial {
    var material: MaterialRequirement
    var attachments: [AttachmentReference] = []
    /// Where its 材料库 id is written, when that entry is 可共享 and the material says
    /// nothing of 免提交 or 核验原件 (GB/T 39554.2-2020: ZN822 suggests 免提交).
    var undecidedShareable: SourceRange?
    /// Its 适用情形, resolved once the item's 情形 are known.
    var applicability: YAMLNode?
    /// Where its free-text 条件 is written (the key).
    var condition: SourceRange?
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
