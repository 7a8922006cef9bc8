import Catalog
import Diagnostics
import Standards
import YAMLSyntax

/// What catalog.yaml holds: the catalog without its items, and the registries items
/// refer to.
struct CatalogHeader: Sendable {
    var catalog: Catalog
    /// 标准, each with where it is written.
    var standards: [(id: String, range: SourceRange)]
    var agencies: [String: Agency] = [:]
    var windows: [String: ServiceWindow] = [:]
    var laws: [String: Law] = [:]
    var materials: [String: SharedMaterial] = [:]

    func ids(of registry: Registry) -> [String] {
        switch registry {
        case .agencies: catalog.agencies.map(\.id)
        case .windows: catalog.windows.map(\.id)
        case .laws: catalog.laws.map(\.id)
        case .materials: catalog.sharedMaterials.map(\.id)
        }
    }

    func contains(_ id: String, in registry: Registry) -> Bool {
        switch registry {
        case .agencies: agencies[id] != nil
        case .windows: windows[id] != nil
        case .laws: laws[id] != nil
        case .materials: materials[id] != nil
        }
    }
}

/// Binds catalog.yaml.
struct CatalogBinder {
    var b: FieldBinder

    init(file: String, codeSets: [String: [String]]) {
        b = FieldBinder(reporter: Reporter(file: file), codeSets: codeSets)
    }

    var diagnostics: [Diagnostic] { b.reporter.diagnostics }

    mutating func bind(_ root: YAMLNode) -> CatalogHeader {
        var header = CatalogHeader(catalog: Catalog(name: "", region: "", standards: []), standards: [])
        guard let r = b.record(root, fields: Fields.catalog, what: "catalog.yaml", whatEN: "catalog.yaml") else { return header }
        if let p = r["目录名称"] { header.catalog.name = b.text(p.value, what: "目录名称", whatEN: "目录名称", oneLine: true) ?? "" }
        if let p = r["行政区划"] {
            if let t = b.text(p.value, what: "行政区划", whatEN: "行政区划", numbersAllowed: true) {
                if ValueForms.isRegionCode(t) {
                    header.catalog.region = t
                    if p.value.scalar?.style == .plain {
                        b.reporter.report(CompilerCodes.badRegion, at: p.value.range,
                            zh: "行政区划请加引号（\"\(t)\"），以免被当作数字", en: "quote 行政区划 (\"\(t)\") so it is not read as a number")
                    }
                } else {
                    b.reporter.report(CompilerCodes.badRegion, at: p.value.range,
                        zh: "行政区划“\(t)”不是六位数字的 GB/T 2260 代码", en: "行政区划 \"\(t)\" is not a six-digit GB/T 2260 code")
                }
            }
        }
        if let p = r["标准"] {
            let nodes = p.value.sequence ?? [p.value]
            for node in nodes {
                if let id = b.text(node, what: "标准", whatEN: "标准", oneLine: true) { header.standards.append((id, node.range)) }
            }
            header.catalog.standards = header.standards.map(\.id)
        }
        if let p = r["内控线"], let t = b.text(p.value, what: "内控线", whatEN: "内控线", numbersAllowed: true) {
            if let (n, d) = ValueForms.ratio(t) {
                header.catalog.internalControlLine = Ratio(numerator: n, denominator: d)
            } else {
                b.reporter.report(CompilerCodes.badRatio, at: p.value.range,
                    zh: "内控线“\(t)”应写成 0 到 1 之间的分数，如 2/3", en: "内控线 \"\(t)\" must be a fraction between 0 and 1, such as 2/3")
            }
        }
        // A blank note says nothing, so nothing is printed for it.
        if let p = r["时限说明"], let note = b.text(p.value, what: "时限说明", whatEN: "时限说明"),
           note.contains(where: { !$0.isWhitespace }) {
            header.catalog.timeLimitNote = note
        }
        func specs(_ name: String) -> [FieldSpec] {
            if case .records(let f) = Fields.catalog.first(where: { $0.name == name })!.kind { return f }
            return []
        }
        var seen: [Registry: [String: SourceRange]] = [:]
        func entries(_ registry: Registry, _ each: (inout FieldBinder, Record, String, String) -> Void) {
            guard let p = r[registry.rawValue] else { return }
            _ = b.list(p.value, what: registry.rawValue, whatEN: registry.rawValue) { b, node, i in
                let what = "\(registry.rawValue)第\(i + 1)项", whatEN = "entry \(i + 1) of \(registry.rawValue)"
                guard let rec = b.record(node, fields: specs(registry.rawValue), what: what, whatEN: whatEN),
                      let idPair = rec["编号"], let id = b.text(idPair.value, what: "\(what)的编号", whatEN: "the id of \(whatEN)", numbersAllowed: true, oneLine: true),
                      let namePair = rec["名称"], let name = b.text(namePair.value, what: "\(what)的名称", whatEN: "the name of \(whatEN)", oneLine: true)
                else { return () }
                if let first = seen[registry]?[id] {
                    b.reporter.report(CompilerCodes.duplicateID, at: idPair.value.range,
                        zh: "\(registry.rawValue)的编号“\(id)”重复", en: "the \(registry.rawValue) id \"\(id)\" is used twice",
                        notes: [b.reporter.note(first, zh: "第一次使用在这里", en: "first used here")])
                    return ()
                }
                seen[registry, default: [:]][id] = idPair.value.range
                each(&b, rec, id, name)
                return ()
            }
        }
        entries(.agencies) { b, rec, id, name in
            var agency = Agency(id: id, name: name)
            if let p = rec["统一社会信用代码"], let code = b.text(p.value, what: "统一社会信用代码", whatEN: "统一社会信用代码", numbersAllowed: true) {
                if ValueForms.isValidCreditCode(code) {
                    agency.creditCode = code
                } else {
                    let expected = ValueForms.expectedCheckCharacter(code)
                    b.reporter.report(CompilerCodes.badCreditCode, at: p.value.range,
                        zh: "统一社会信用代码“\(code)”无效" + (expected.map { "：按 GB 32100 计算，第 18 位校验码应为“\($0)”" } ?? "：应为 18 位数字或大写字母（不含 I、O、Z、S、V）"),
                        en: "the credit code \"\(code)\" is invalid" + (expected.map { ": by GB 32100 its 18th (check) character would be \"\($0)\"" } ?? ": it must be 18 digits or capital letters (no I, O, Z, S, V)"))
                }
            }
            agency.address = rec["地址"].flatMap { b.text($0.value, what: "地址", whatEN: "地址") }
            agency.phone = rec["电话"].flatMap { b.phone($0.value, what: "电话", whatEN: "电话") }
            agency.website = rec["网址"].flatMap { b.url($0.value, what: "网址", whatEN: "网址") }
            header.catalog.agencies.append(agency)
            header.agencies[id] = agency
        }
        entries(.windows) { b, rec, id, name in
            let category = rec["类别"].flatMap { b.code($0.value, set: "窗口类别", what: "窗口类别", whatEN: "窗口类别") }
            var window = ServiceWindow(id: id, name: name, category: category ?? "综合")
            window.location = rec["地点"].flatMap { b.text($0.value, what: "地点", whatEN: "地点") }
            window.hours = rec["办公时间"].flatMap { b.text($0.value, what: "办公时间", whatEN: "办公时间") }
            window.phone = rec["电话"].flatMap { b.phone($0.value, what: "电话", whatEN: "电话") }
            header.catalog.windows.append(window)
            header.windows[id] = window
        }
        entries(.laws) { b, rec, id, name in
            let level = rec["层级"].flatMap { b.code($0.value, set: "法规层级", what: "法规层级", whatEN: "法规层级") } ?? ""
            var law = Law(id: id, name: name, level: level)
            law.documentNumber = rec["文号"].flatMap { b.text($0.value, what: "文号", whatEN: "文号", numbersAllowed: true, oneLine: true) }
            law.effectiveDate = rec["施行日期"].flatMap { b.date($0.value, what: "施行日期", whatEN: "施行日期") }
            law.url = rec["网址"].flatMap { b.url($0.value, what: "网址", whatEN: "网址") }
            header.catalog.laws.append(law)
            header.laws[id] = law
        }
        entries(.materials) { b, rec, id, name in
            var m = SharedMaterial(id: id, name: name)
            m.source = rec["来源"].flatMap { b.code($0.value, set: "材料来源", what: "来源", whatEN: "来源") }
            m.shareable = rec["可共享"].flatMap { b.yesNo($0.value, what: "可共享", whatEN: "可共享") } ?? false
            m.form = rec["形式"].flatMap { b.code($0.value, set: "材料形式", what: "形式", whatEN: "形式") }.flatMap(MaterialForm.init(rawValue:))
            m.copies = rec["份数"].flatMap { b.positiveInteger($0.value, what: "份数", whatEN: "份数") }
            m.medium = rec["介质"].flatMap { b.code($0.value, set: "材料介质", what: "介质", whatEN: "介质") }
            m.requirement = rec["要求"].flatMap { b.text($0.value, what: "要求", whatEN: "要求") }
            header.catalog.sharedMaterials.append(m)
            header.materials[id] = m
        }
        return header
    }
}
