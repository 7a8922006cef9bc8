import Catalog
import Markup
import Flowchart

/// Turns one view of a catalog (public or full) into the values templates render. Holds the
/// catalog's registries as lookups; everything is in catalog order, so output is stable.
struct ViewBuilder: Sendable {
    let catalog: Catalog
    let agencies: [String: Agency]
    let windows: [String: ServiceWindow]
    let laws: [String: Law]
    /// Path segment of each item's folder, by 事项编码.
    let segments: [String: String]
    /// Items asking for each 材料库 material, in catalog order.
    let itemsByLibraryID: [String: [ItemRef]]
    /// Bundle members and the bundles of each item (BundleModel.swift).
    let bundleIndex: BundleIndex
    /// For each 材料库 material, how many of those entries each 事项编码 has.
    let refsByLibraryID: [String: [String: Int]]
    /// The day printed pages say they were made (``BuildDate``); none without one.
    var buildDate: BuildDate? = nil

    /// What links to an item need, without copying the item.
    struct ItemRef: Sendable {
        var code: String
        var name: String
        var segment: String
    }

    init(catalog: Catalog) {
        self.catalog = catalog
        agencies = Dictionary(catalog.agencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        windows = Dictionary(catalog.windows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        laws = Dictionary(catalog.laws.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        segments = Dictionary(
            catalog.items.map { ($0.code, PathSegment.forCode($0.code)) },
            uniquingKeysWith: { a, _ in a })
        var byLibrary: [String: [ItemRef]] = [:]
        for item in catalog.items {
            var seen = Set<String>()
            for m in item.materials {
                if let id = m.libraryID, seen.insert(id).inserted {
                    byLibrary[id, default: []].append(
                        ItemRef(code: item.code, name: item.name, segment: PathSegment.forCode(item.code)))
                }
            }
        }
        itemsByLibraryID = byLibrary
        refsByLibraryID = byLibrary.mapValues { refs in refs.reduce(into: [:]) { $0[$1.code, default: 0] += 1 } }
        var anchors: [String: String] = [:]
        for (i, m) in catalog.sharedMaterials.enumerated() where anchors[m.id] == nil {
            anchors[m.id] = "shared-\(i + 1)"
        }
        sharedAnchors = anchors
        bundleIndex = BundleIndex(catalog)
    }

    /// The site index's anchor for each 材料库 material.
    let sharedAnchors: [String: String]

    /// A guide links at most this many other items sharing a material; the site index has them all.
    static let maxSharedLinks = 5


    func segment(_ item: Item) -> String { segments[item.code] ?? PathSegment.forCode(item.code) }

    // MARK: Pieces

    func head(_ item: Item) -> ItemHead {
        ItemHead(
            name: item.name, code: item.code, type: item.type, caseType: item.caseType?.rawValue,
            isImmediate: item.caseType == .immediate || item.timeLimits?.promised == .immediate)
    }

    func agency(_ item: Item) -> AgencyView? {
        guard let a = agencies[item.agencyID] else {
            return item.agencyID.isEmpty ? nil : AgencyView(agencyName: item.agencyID)
        }
        return AgencyView(
            agencyName: a.name, agencyAddress: a.address, agencyPhone: a.phone.map(LinkView.init(phone:)),
            agencyWebsite: a.website.map { LinkView(text: $0, url: $0) })
    }

    func windowViews(_ item: Item) -> [WindowView] {
        item.windowIDs.map { id in
            guard let w = windows[id] else { return WindowView(windowName: id, category: "") }
            return WindowView(
                windowName: w.name, category: w.category, location: w.location,
                hours: w.hours, windowPhone: w.phone.map(LinkView.init(phone:)))
        }
    }

    func joined(_ values: [String]) -> String? {
        values.isEmpty ? nil : values.joined(separator: "、")
    }

    /// What the clerk takes in for one material.
    static func collect(_ m: MaterialRequirement) -> String {
        switch m.exemption {
        case .dataSharing?: return "免提交（窗口通过数据共享调取）"
        case .electronicLicence?: return "免提交（窗口调取电子证照）"
        case .commitment?: return "免提交（以告知承诺书代替）"
        case nil: break
        }
        let n = m.copies.map { "\($0)份" } ?? ""
        var text: String
        if m.verifyOriginal {
            let copies = m.photocopies ?? (m.form == .copy || m.form == .originalAndCopy ? m.copies : nil)
            text = "核验原件后当场退回" + (copies.map { "，收复印件\($0)份" } ?? "")
        } else if m.originalCopies != nil || m.photocopies != nil {
            text = "收" + [m.originalCopies.map { "原件\($0)份" }, m.photocopies.map { "复印件\($0)份" }]
                .compactMap { $0 }.joined(separator: "、")
        } else {
            switch m.form {
            case .original?: text = "收原件\(n)"
            case .copy?: text = "收复印件\(n)"
            case .originalAndCopy?: text = "原件核验后退回，收复印件\(n)"
            case nil: text = m.copies.map { "收\($0)份" } ?? "收取"
            }
        }
        switch m.medium {
        case "电子"?: text += "（电子版）"
        case "纸质或电子"?: text += "（纸质或电子版均可）"
        default: break
        }
        return text
    }

    /// 份数 as the guide shows it: 原件1份、复印件2份 where both are given.
    static func copiesText(_ m: MaterialRequirement) -> String? {
        if m.originalCopies != nil || m.photocopies != nil {
            return [m.originalCopies.map { "原件\($0)份" }, m.photocopies.map { "复印件\($0)份" }]
                .compactMap { $0 }.joined(separator: "、")
        }
        return m.copies.map { "\($0)份" }
    }

    func materialRows(_ item: Item, linkShared: Bool, withReview: Bool) -> [MaterialRow] {
        let words = ScenarioWords(item: item)
        return item.materials.enumerated().map { i, m in
            var also: [LinkView] = []
            var total: Int? = nil
            var indexLink: String? = nil
            if let id = m.libraryID, linkShared {
                let all = itemsByLibraryID[id] ?? []
                // The other items: all but this item's own entries (so a large catalog does
                // not walk every item for every material of every item).
                let count = all.count - (refsByLibraryID[id]?[item.code] ?? 0)
                for other in all where other.code != item.code {
                    also.append(LinkView(text: other.name, sitePath: "../\(other.segment)/index.html"))
                    if also.count == Self.maxSharedLinks { break }
                }
                if count > Self.maxSharedLinks {
                    total = count
                    indexLink = sharedAnchors[id].map { "../../index.html#\($0)" }
                }
            }
            return MaterialRow(
                number: i + 1, materialName: m.name, form: m.verifyOriginal ? "核验原件" : m.form?.rawValue,
                copies: Self.copiesText(m), medium: m.medium, source: m.source,
                necessity: m.necessity.rawValue, isRequired: m.necessity == .required,
                isOptional: m.necessity == .optional, isDeferrable: m.necessity == .deferrable,
                isShareable: m.isExempt, exemptNote: Self.exemptNote(m.exemption),
                materialCondition: m.condition, requirement: m.requirement, collect: Self.collect(m),
                reviewPoints: withReview ? m.reviewPoints : nil,
                alsoUsedBy: linkShared ? ListView(also) : nil, alsoUsedByTotal: total,
                alsoUsedByIndex: indexLink, extraNotes: materialNotes(m, in: item), formLinks: formLinks(m),
                scenario: words.tag(m.applicability))
        }
    }

    func timeLimits(_ item: Item) -> TimeLimitsView? {
        guard let t = item.timeLimits, t.statutory != nil || t.promised != nil || t.noStatutoryLimit else { return nil }
        var compression: String? = nil
        if let c = t.compression, c > 0 {
            compression = "压缩\(Int((c * 100).rounded()))%"
        }
        let words = ScenarioWords(item: item)
        let promised = words.promisedLimits, statutory = words.statutoryLimits
        return TimeLimitsView(
            statutory: t.noStatutoryLimit ? "法律法规未规定" : t.statutory?.text, promised: t.promised?.text,
            // A share worked out from the item's own limits would be wrong in other scenarios.
            compression: promised == nil && statutory == nil ? compression : nil,
            promisedVariants: promised, statutoryVariants: statutory)
    }

    func fees(_ item: Item) -> FeesView? {
        switch item.fees {
        case nil: return nil
        case .free?: return FeesView(isFree: true, feeRows: [])
        case .charged(let list)?:
            if list.isEmpty { return FeesView(isFree: true, feeRows: []) }
            return FeesView(
                isFree: false,
                feeRows: list.map {
                    FeeRow(
                        feeName: $0.name, standard: $0.standard, feeBasis: $0.basis,
                        scenario: ScenarioWords(item: item).tag($0.applicability))
                })
        }
    }

    func legalBasis(_ item: Item) -> [BasisView] {
        item.legalBasis.map { b in
            let law = laws[b.lawID]
            return BasisView(
                law: LinkView(text: law?.name ?? b.lawID, url: law?.url), level: law?.level,
                documentNumber: law?.documentNumber, article: b.article, clause: Prose(b.text))
        }
    }

    func consultation(_ item: Item) -> ConsultationView? {
        guard let c = item.consultation,
            c.phone != nil || c.address != nil || c.website != nil || c.email != nil
        else { return nil }
        return ConsultationView(
            consultPhone: c.phone.map(LinkView.init(phone:)), consultAddress: c.address,
            consultWebsite: c.website.map { LinkView(text: $0, url: $0) }, email: c.email)
    }

    func certificate(_ item: Item) -> CertificateView? {
        guard let c = item.certificate else { return nil }
        return CertificateView(
            certificateName: c.name, validity: c.validity,
            sample: c.sample.map { LinkView(text: $0, url: $0) })
    }

    func remedies(_ item: Item) -> RemediesView? {
        guard let r = item.remedies else { return nil }
        let v = RemediesView(reconsideration: Prose(r.reconsideration), litigation: Prose(r.litigation))
        return v.reconsideration == nil && v.litigation == nil ? nil : v
    }

    func additional(_ item: Item) -> [AdditionalView] {
        item.additionalElements.compactMap { e in
            switch e.value {
            case .text(let t):
                guard let p = Prose(t) else { return nil }
                return AdditionalView(title: e.title, isInternalElement: e.isInternal, textValue: p)
            case .list(let l):
                let l = l.filter { !$0.isEmpty }
                if l.isEmpty { return nil }
                return AdditionalView(title: e.title, isInternalElement: e.isInternal, listValue: ListView(l))
            }
        }
    }

    func flow(_ item: Item) -> FlowView? {
        guard !item.flow.isEmpty else { return nil }
        let path = item.criticalPath()
        let critical = Set(path?.steps ?? [])
        let words = ScenarioWords(item: item)
        let svg = Self.flowSVG(item.flow, path: path, words: words)
        let steps = item.flow.enumerated().map { i, s in
            StepView(
                number: i + 1, stepName: s.name, role: s.role, limit: s.timeLimit?.text,
                isTimed: s.isTimed, timedText: s.isTimed ? "是" : "否（不计时）",
                isCritical: critical.contains(s.name),
                next: s.transitions.map { TransitionView(target: $0.target, when: $0.condition) },
                outcome: s.outcome?.rawValue, stepNote: s.note, scenario: words.tag(s.applicability))
        }
        let cases = words.flowCases()
        return FlowView(
            svgHTML: svg, steps: steps,
            criticalPath: Self.pathText(path), criticalDuration: Self.durationText(path),
            hasScenarioSteps: item.flow.contains { !($0.applicability?.clauses.isEmpty ?? true) },
            flowCases: ListView(cases.map(\.view)), caseData: cases.map(\.whenData).joined(separator: " "),
            hasCaseCharts: cases.contains { !$0.view.caseSVG.isEmpty },
            variesByScenario: item.flow.contains { !($0.applicability?.clauses.isEmpty ?? true) }
                || item.scenarioVariants.contains { $0.timeLimits?.promised != nil })
    }

    /// The chart of `steps`, `path` highlighted, steps only some scenarios take tagged.
    /// `idPrefix` tells apart the ids of charts on one page that would otherwise get the same.
    static func flowSVG(_ steps: [FlowStep], path: FlowPath?, words: ScenarioWords, idPrefix: String? = nil) -> String {
        var options = FlowchartOptions(highlightedPath: path?.steps ?? [])
        options.idPrefix = idPrefix
        for s in steps {
            if let a = s.applicability, !a.clauses.isEmpty { options.scenarioTags[s.name] = "仅当：" + words.shortWords(a) }
        }
        return Flowchart.svg(for: steps, options: options)
    }

    /// 关键路径 in words; a one-step path (a 即办件 done at the window) is not worth spelling out.
    static func pathText(_ path: FlowPath?) -> String? {
        path.flatMap { $0.steps.count > 1 ? $0.steps.joined(separator: " → ") : nil }
    }

    /// The time of a path of more than one step.
    static func durationText(_ path: FlowPath?) -> String? {
        guard let p = path, p.steps.count > 1 else { return nil }
        return p.duration?.text ?? "\(p.workingDays)个工作日又\(p.calendarDays)日"
    }

    // MARK: Pages

    /// The layout's values for a page of `item`, or of the catalog as a whole.
    func chrome(root: String, isInternal: Bool, for item: Item? = nil) -> Chrome {
        var region: String? = catalog.region
        if let item { region = item.region(agency: agencies[item.agencyID]) }
        return Chrome(
            root: root, catalogName: catalog.name, region: region, isInternal: isInternal,
            printStyleHTML: printStyle(
                authority: item.map { agencies[$0.agencyID]?.name ?? $0.agencyID }, code: item?.code,
                version: item?.national.version))
    }

    /// The running header and footer of printed pages (`@page` margin boxes, which Chromium
    /// prints in place of its own URL header and footer): the issuing authority and the
    /// catalog top left, the 事项编码 top right, and bottom left the item's 版本 and the
    /// ``buildDate`` ("版本 3 · 生成于 2026-12-02"), each only when known.
    func printStyle(authority: String?, code: String?, version: Int? = nil) -> String {
        let left = [authority, catalog.name].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ")
        var css = "@page { @top-left { content: \"\(Markup.cssString(left))\"; font-size: 8pt; color: #333; }"
        if let code { css += " @top-right { content: \"事项编码 \(Markup.cssString(code))\"; font-size: 8pt; color: #333; }" }
        let stamp = [version.map { "版本 \($0)" }, buildDate.map { "生成于 \($0)" }].compactMap { $0 }
        if !stamp.isEmpty {
            css += " @bottom-left { content: \"\(Markup.cssString(stamp.joined(separator: " · ")))\"; font-size: 8pt; color: #333; }"
        }
        return css + " }"
    }

    /// `flowView`, when given, is `flow(item)` worked out already (it is the costly part).
    func guide(_ item: Item, flowView: FlowView? = nil) -> GuidePage {
        let rows = materialRows(item, linkShared: true, withReview: false)
        let words = ScenarioWords(item: item), scenarioConditions = words.conditions
        return GuidePage(
            site: chrome(root: "../../", isInternal: false, for: item), links: ItemLinks(), item: head(item),
            serviceObjects: joined(item.serviceObjects), agency: agency(item),
            scope: Prose(item.scope), handlingForms: joined(item.handlingForms),
            conditions: scenarioConditions == nil ? ListView(item.conditions) : nil,
            flow: flowView ?? flow(item), materials: ListView(rows),
            anyShareable: rows.contains { $0.isShareable },
            exemptLead: Self.exemptLead(item.materials.compactMap(\.exemption)),
            anyDeferrable: rows.contains { $0.isDeferrable },
            windows: ListView(windowViews(item)), timeLimits: timeLimits(item),
            timeLimitNote: catalog.timeLimitNote, fees: fees(item),
            legalBasis: ListView(legalBasis(item)), rights: Prose(item.rightsAndObligations),
            consultation: consultation(item), certificate: certificate(item),
            progressQuery: Prose(item.progressQuery), remedies: remedies(item),
            additional: additional(item), memberOf: ListView(memberOf(item)),
            jsonLDHTML: Markup.jsonInScript(ServiceJSONLD(item: item, builder: self).json()),
            notice: notice(item), national: nationalSections(item),
            questionnaire: words.questionnaire, scenarioConditions: scenarioConditions.flatMap { ListView($0) },
            caseTypeVariants: words.caseTypes)
    }

    func checklist(_ item: Item) -> ChecklistPage {
        let rows = materialRows(item, linkShared: false, withReview: false)
        let windowList = windowViews(item)
        let wording = Self.noticeWording(isLicensing: item.type == "行政许可" || item.type == "01")
        let firstWindow = item.windowIDs.first.flatMap { windows[$0] }
        let phone = (item.consultation?.phone ?? firstWindow?.phone ?? agencies[item.agencyID]?.phone)
            .map(LinkView.init(phone:))
        return ChecklistPage(
            site: chrome(root: "../../", isInternal: false, for: item), links: ItemLinks(), item: head(item),
            agency: agency(item), windows: ListView(windowList), timeLimits: timeLimits(item), fees: fees(item),
            materials: ListView(rows),
            // Numbered as in the checklist, so the clerk ticks the same numbers on both.
            noticeMaterials: ListView(rows.filter { !$0.isShareable }),
            legalWording: wording,
            noticeWindow: firstWindow.map { w in w.location.map { "\(w.name)（\($0)）" } ?? w.name },
            noticePhone: phone, checklistFacts: checklistFacts(item),
            questionnaire: ScenarioWords(item: item).questionnaire, caseTypeVariants: ScenarioWords(item: item).caseTypes)
    }

    /// The legal ground of a one-time notice (一次性告知单).
    static func noticeWording(isLicensing: Bool) -> String {
        isLicensing
            ? "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现将需要补正的全部材料一次性告知如下（已勾选项）。请一次性补齐后，到受理窗口重新提交。"
            : "按照一次性告知制度，现将需要补正的全部材料一次性告知如下（已勾选项）。请一次性补齐后，到受理窗口重新提交。"
    }

    func manual(_ item: Item, flowView: FlowView? = nil) -> ManualPage {
        let words = ScenarioWords(item: item), scenarioConditions = words.conditions
        return ManualPage(
            site: chrome(root: "../../", isInternal: true, for: item), links: ItemLinks(), item: head(item),
            serviceObjects: joined(item.serviceObjects), agency: agency(item),
            scope: Prose(item.scope), windows: ListView(windowViews(item)),
            handlingForms: joined(item.handlingForms),
            conditions: scenarioConditions == nil ? ListView(item.conditions) : nil,
            flow: flowView ?? flow(item),
            materials: ListView(materialRows(item, linkShared: false, withReview: true)),
            timeLimits: timeLimits(item), fees: fees(item), legalBasis: ListView(legalBasis(item)),
            rights: Prose(item.rightsAndObligations), consultation: consultation(item),
            certificate: certificate(item), progressQuery: Prose(item.progressQuery),
            remedies: remedies(item),
            staff: ListView(
                item.staff.map {
                    StaffView(staffRole: $0.role, duties: $0.duties, qualification: $0.qualification)
                }),
            supervision: Prose(item.supervision), additional: additional(item),
            nationalFacts: nationalFacts(item), national: nationalSections(item),
            questionnaire: words.questionnaire, scenarioConditions: scenarioConditions.flatMap { ListView($0) },
            caseTypeVariants: words.caseTypes)
    }

    func flowPage(_ item: Item, flowView: FlowView? = nil) -> FlowPage {
        FlowPage(
            site: chrome(root: "../../", isInternal: false, for: item), links: ItemLinks(), item: head(item),
            flow: flowView ?? flow(item))
    }

    func entry(_ item: Item, page: String) -> IndexEntry {
        IndexEntry(
            entryName: item.name, entryCode: item.code, href: "items/\(segment(item))/\(page)",
            entryCaseType: item.caseType?.rawValue, promisedLimit: item.timeLimits?.promised?.text)
    }

    /// Each item's 窗口类别, in the standard's order, each once.
    func categories(_ item: Item) -> [String] {
        let own = Set(item.windowIDs.compactMap { windows[$0]?.category })
        return catalog.windowCategoryOrder(extra: own).filter { own.contains($0) }
    }

    func agencyGroups(page: String) -> [IndexGroup] {
        var groups: [IndexGroup] = []
        var known = Set<String>()
        for (i, a) in catalog.agencies.enumerated() {
            known.insert(a.id)
            let entries = catalog.items.filter { $0.agencyID == a.id }.map { entry($0, page: page) }
            if entries.isEmpty { continue }
            groups.append(
                IndexGroup(title: a.name, count: entries.count, entries: entries, anchor: "agency-\(i + 1)"))
        }
        let orphans = catalog.items.filter { !known.contains($0.agencyID) }.map { entry($0, page: page) }
        if !orphans.isEmpty {
            groups.append(
                IndexGroup(title: "其他", count: orphans.count, entries: orphans, anchor: "agency-other"))
        }
        return groups
    }

    func index() -> IndexPage {
        var byCategory: [IndexGroup] = []
        let cats = catalog.items.map { categories($0) }
        for (i, c) in catalog.windowCategoryOrder(extra: cats.joined()).enumerated() {
            let entries = zip(catalog.items, cats).filter { $0.1.contains(c) }.map { entry($0.0, page: "index.html") }
            if entries.isEmpty { continue }
            byCategory.append(
                IndexGroup(title: c, count: entries.count, entries: entries, anchor: "category-\(i + 1)"))
        }
        let none = zip(catalog.items, cats).filter { $0.1.isEmpty }.map { entry($0.0, page: "index.html") }
        if !none.isEmpty {
            byCategory.append(
                IndexGroup(title: "未指定窗口", count: none.count, entries: none, anchor: "category-none"))
        }
        var shared: [SharedGroup] = []
        var listed = Set<String>()
        let anchors = sharedAnchors
        for m in catalog.sharedMaterials where listed.insert(m.id).inserted {
            let items = itemsByLibraryID[m.id] ?? []
            if items.count < 2 { continue }
            shared.append(
                SharedGroup(
                    sharedAnchor: anchors[m.id] ?? "", materialName: m.name, isShareableMaterial: m.shareable, count: items.count,
                    entries: items.map {
                        IndexEntry(
                            entryName: $0.name, entryCode: $0.code, href: "items/\($0.segment)/index.html")
                    }))
        }
        return IndexPage(
            site: chrome(root: "", isInternal: false), itemCount: catalog.items.count,
            byCategory: byCategory, byAgency: agencyGroups(page: "index.html"),
            shared: ListView(shared), bundles: ListView(bundleEntries()), windowLists: ListView(windowListLinks(root: "")))
    }

    /// The internal index; `reports` are the exporters' pages it links to (path, title).
    func manualIndex(reports: [IndexLink] = []) -> ManualIndexPage {
        ManualIndexPage(
            site: chrome(root: "", isInternal: true), itemCount: catalog.items.count,
            byAgency: agencyGroups(page: "manual.html"), windowLists: ListView(windowListLinks(root: "")),
            reports: ListView(reports.map { LinkView(text: $0.title, sitePath: $0.path) }))
    }

    // MARK: Search index

    struct SearchEntry: Encodable {
        var code: String
        var name: String
        var url: String
        var agency: String
        var categories: [String]
        var materials: [String]
        /// 一件事 for a bundle; absent for an item.
        var kind: String? = nil
    }

    struct SearchIndex: Encodable {
        var version = 1
        var catalog: String
        var items: [SearchEntry]
        /// 一件事 bundles, searched with the items.
        var bundles: [SearchEntry]
    }

    func searchIndex() -> SearchIndex {
        SearchIndex(
            catalog: catalog.name,
            items: catalog.items.map { item in
                SearchEntry(
                    code: item.code, name: item.name, url: "items/\(segment(item))/index.html",
                    agency: agencies[item.agencyID]?.name ?? item.agencyID,
                    categories: categories(item),
                    materials: item.materials.map(\.name))
            },
            bundles: bundleSearchEntries())
    }
}
