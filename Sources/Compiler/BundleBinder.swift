import Catalog
import Diagnostics
import Standards
import YAMLSyntax

/// A bundle bound from its file, with where its parts are.
struct BoundBundle: Sendable {
    var bundle: ServiceBundle
    var file: String
    var codeRange: SourceRange
    var promisedRange: SourceRange?
    /// Each member code as written, with its place.
    var members: [(code: String, range: SourceRange)]
}

/// Binds a bundle file (一件事, `bundles/*.yaml`).
struct BundleBinder {
    let header: CatalogHeader
    let codeFormat: CodeFormat
    var b: FieldBinder

    init(file: String, profile: EffectiveProfile, header: CatalogHeader) {
        self.header = header
        codeFormat = CodeFormat.bundle(in: profile)
        b = FieldBinder(reporter: Reporter(file: file, settings: profile.rules), codeSets: profile.codeSets)
    }

    var diagnostics: [Diagnostic] { b.reporter.diagnostics }

    /// The fields of one entry of 阶段.
    static let stageFields: [FieldSpec] = {
        guard case .records(let fields)? = Fields.bundle.first(where: { $0.name == "阶段" })?.kind else { return [] }
        return fields
    }()

    mutating func bind(_ root: YAMLNode) -> BoundBundle? {
        guard let r = b.record(root, fields: Fields.bundle, what: "一件事", whatEN: "the bundle"),
              let namePair = r["名称"], let name = b.text(namePair.value, what: "一件事的名称", whatEN: "the bundle's name", oneLine: true),
              let codePair = r["编码"], let code = b.line(codePair.value, what: "一件事的编码", whatEN: "the bundle's code", numbersAllowed: true)
        else { return nil }
        _ = codeFormat.check(bundleCode: code, at: codePair.value.range, reporter: &b.reporter)
        let mode = r["办理方式"].flatMap { b.code($0.value, set: "办理方式", what: "办理方式", whatEN: "办理方式") }.flatMap(BundleMode.init(rawValue:))
        let category = r["窗口类别"].flatMap { b.code($0.value, set: "窗口类别", what: "窗口类别", whatEN: "窗口类别") }
        var lead = ""
        if let p = r["牵头部门"], let id = b.text(p.value, what: "牵头部门", whatEN: "牵头部门", numbersAllowed: true, oneLine: true),
           References(header: header).resolve(id, in: .agencies, at: p.value.range, binder: &b) {
            lead = id
        }
        let promised = r["承诺"].flatMap { b.timeLimit($0.value, what: "一件事的承诺时限", whatEN: "the bundle's promise") }
        let note = r["说明"].flatMap { b.text($0.value, what: "说明", whatEN: "说明") }

        // Members as written under 事项 and under 阶段; only the form the mode uses counts.
        var listedMembers: [(String, SourceRange)] = [], stagedMembers: [(String, SourceRange)] = []
        func codes(_ node: YAMLNode, what: String, into members: inout [(String, SourceRange)]) -> [String] {
            let list: [(String, SourceRange)] = b.list(node, what: what, whatEN: what) { b, n, _ in
                b.text(n, what: "事项编码", whatEN: "an item code", numbersAllowed: true, oneLine: true).map { ($0, n.range) }
            }
            members += list
            return list.map(\.0)
        }
        var stages: [BundleStage] = []
        let listed = r["事项"].map { codes($0.value, what: "事项", into: &listedMembers) }
        let staged: [BundleStage]? = r["阶段"].map { p in
            b.list(p.value, what: "阶段", whatEN: "阶段") { b, node, i in
                guard let s = b.record(node, fields: Self.stageFields, what: "阶段第\(i + 1)项", whatEN: "stage \(i + 1)")
                else { return nil }
                let stageName = s["名称"].flatMap { b.text($0.value, what: "阶段名称", whatEN: "the stage's name", oneLine: true) }
                return (stageName, s["事项"]?.value)
            }.map { (name: String?, node: YAMLNode?) in BundleStage(name: name, itemCodes: node.map { codes($0, what: "阶段的事项", into: &stagedMembers) } ?? []) }
        }
        switch (mode, listed, staged) {
        case (.mixed?, nil, let s?):
            stages = s
        case (.parallel?, let l?, nil):
            stages = [BundleStage(itemCodes: l)]
        case (.serial?, let l?, nil):
            stages = l.map { BundleStage(itemCodes: [$0]) }
        case (nil, _, _):
            break  // reported by the code set check or as missing
        default:
            let zh = mode == .mixed ? "混合办理的一件事用“阶段”列出成员，不用“事项”" : "\(mode!.rawValue)的一件事用“事项”列出成员，不用“阶段”"
            let en = mode == .mixed ? "a 混合 bundle lists its members under 阶段, not 事项" : "a \(mode!.rawValue) bundle lists its members under 事项, not 阶段"
            b.reporter.report(CompilerCodes.bundleShape, at: r["阶段"]?.keyRange ?? r["事项"]?.keyRange ?? SourceRange(at: root.range.start), zh: zh, en: en)
        }
        if !stages.isEmpty && stages.flatMap(\.itemCodes).count < 2 {
            b.reporter.report(CompilerCodes.bundleShape, at: r["事项"]?.keyRange ?? r["阶段"]?.keyRange ?? SourceRange(at: root.range.start),
                zh: "一件事至少要有两个成员事项", en: "a bundle has at least two member items")
        }
        guard let mode, let category else { return nil }
        let bundle = ServiceBundle(
            code: code, name: name, mode: mode, stages: stages, leadAgencyID: lead, windowCategory: category,
            promised: promised, note: note)
        return BoundBundle(bundle: bundle, file: b.reporter.file, codeRange: codePair.value.range,
                           promisedRange: r["承诺"]?.value.range, members: mode == .mixed ? stagedMembers : listedMembers)
    }
}

/// Checks bundles against the catalog's items, and computes their merged materials and figures.
struct BundleRules {
    let items: [String: Item]
    let header: CatalogHeader
    let settings: [String: RuleSetting]
    /// The codes of item files refused for their own errors (reported there): a member
    /// naming one is left out without a second error.
    var refusedCodes: Set<String> = []

    func check(_ bound: BoundBundle) -> (ServiceBundle, [Diagnostic]) {
        var reporter = Reporter(file: bound.file, settings: settings)
        var seen: [String: SourceRange] = [:]
        var bundle = bound.bundle
        var missing: Set<String> = []
        for (code, range) in bound.members {
            if let first = seen[code] {
                reporter.report(CompilerCodes.memberTwice, at: range,
                    zh: "事项“\(code)”在一件事中出现了两次", en: "the item \(code) appears twice in the bundle",
                    notes: [reporter.note(first, zh: "第一次出现在这里", en: "first listed here")])
                continue
            }
            seen[code] = range
            guard let item = items[code] else {
                missing.insert(code)
                if refusedCodes.contains(code) { continue }
                let hint = reporter.didYouMean(code, in: items.keys.sorted())
                reporter.report(CompilerCodes.unknownMember, at: range,
                    zh: "目录中没有事项编码为“\(code)”的事项\(hint.zh)", en: "no item of the catalog has the code \(code)\(hint.en)")
                continue
            }
            let categories = item.windowIDs.compactMap { header.windows[$0]?.category }
            if !categories.contains(bundle.windowCategory) {
                let have = categories.isEmpty ? "没有受理窗口" : "只在" + Set(categories).sorted().joined(separator: "、") + "窗口受理"
                reporter.report(CompilerCodes.memberNotAtWindow, at: range,
                    zh: "成员事项“\(item.name)”\(have)，没有一件事的窗口类别“\(bundle.windowCategory)”",
                    en: "the member \(item.name) is not accepted at a window of the bundle's category \(bundle.windowCategory)")
            }
        }
        bundle.stages = bundle.stages.map { BundleStage(name: $0.name, itemCodes: $0.itemCodes.filter { !missing.contains($0) }) }
        var deduplicated: Set<String> = []
        bundle.stages = bundle.stages.map { s in BundleStage(name: s.name, itemCodes: s.itemCodes.filter { deduplicated.insert($0).inserted }) }
        bundle = bundle.merged(with: items)
        var once: Set<String> = []
        let scenarios = BundleScenarioRules(items: items, members: bound.members.compactMap { m in
            once.insert(m.code).inserted ? items[m.code].map { ($0, m.range) } : nil
        })
        scenarios.checkQuestions(reporter: &reporter)

        if let promised = bundle.promised, let at = bound.promisedRange, missing.isEmpty {
            if let path = bundle.figures.criticalPath, path.compare(to: promised) == .longer {
                reporter.report(CompilerCodes.bundlePromiseTooShort, at: at,
                    zh: "按\(bundle.mode.rawValue)办理，成员事项的承诺时限合计 \(path.text)，长于一件事的承诺时限“\(promised.text)”",
                    en: "handled \(bundle.mode.rawValue), the members' promises add up to \(path.text), longer than the bundle's promise \(promised.text)",
                    notes: [DiagnosticNote(LocalizedText(zh: "最长的成员链：\(path.steps.joined(separator: " → "))", en: "longest chain of members: \(path.steps.joined(separator: " → "))"))])
            } else {
                scenarios.checkPromise(bundle, promised: promised, at: at, reporter: &reporter)
            }
            if let path = bundle.figures.statutoryPath, path.compare(to: promised) == .shorter {
                reporter.report(CompilerCodes.bundlePromiseOverStatute, at: at,
                    zh: "一件事的承诺时限“\(promised.text)”超过成员事项法定时限的合计 \(path.text)",
                    en: "the bundle's promise \(promised.text) exceeds its members' statutory limits added up, \(path.text)")
            }
        }
        return (bundle, reporter.diagnostics)
    }
}
