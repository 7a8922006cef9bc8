import Catalog
import Flowchart

/// What the 一件事 pages need from one view of a catalog, looked up once: the member items
/// as that view has them, and the bundles each item belongs to.
struct BundleIndex: Sendable {
    /// Member items by 事项编码 (only items that are members of a bundle).
    let members: [String: Item]
    /// The bundles each item is a member of, by 事项编码, in catalog order.
    let bundlesOfItem: [String: [BundleRef]]

    struct BundleRef: Sendable {
        var code: String
        var name: String
        var segment: String
    }

    init(_ catalog: Catalog) {
        guard !catalog.bundles.isEmpty else {
            members = [:]
            bundlesOfItem = [:]
            return
        }
        var of: [String: [BundleRef]] = [:]
        for b in catalog.bundles {
            let ref = BundleRef(code: b.code, name: b.name, segment: PathSegment.forCode(b.code))
            for code in Set(b.memberCodes) { of[code, default: []].append(ref) }
        }
        bundlesOfItem = of
        members = Dictionary(
            catalog.items.filter { of[$0.code] != nil }.map { ($0.code, $0) },
            uniquingKeysWith: { a, _ in a })
    }
}

extension ViewBuilder {
    /// Path segment of a bundle's folder: `bundles/<segment>/`.
    func segment(_ bundle: ServiceBundle) -> String { PathSegment.forCode(bundle.code) }

    /// The bundle with its materials and figures merged again from the members as this view
    /// has them, so that a public bundle page shows nothing its members' public pages do not.
    func viewMerged(_ bundle: ServiceBundle) -> ServiceBundle {
        bundle.merged(with: bundleIndex.members)
    }

    /// ① … ⑳, then (21) ….
    static func mark(_ n: Int) -> String {
        if (1...20).contains(n), let s = Unicode.Scalar(0x2460 + n - 1) { return String(Character(s)) }
        return "(\(n))"
    }

    /// 一 … 九十九, then digits.
    static func chineseNumber(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0..<10: return digits[n]
        case 10..<20: return "十" + (n == 10 ? "" : digits[n - 10])
        case 20..<100: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return "\(n)"
        }
    }

    static func modeText(_ mode: BundleMode) -> String {
        switch mode {
        case .parallel: "各事项同时办理：一次提交材料，统一出件。"
        case .serial: "各事项依次办理：一次提交材料，前一事项办结后办理下一事项，统一出件。"
        case .mixed: "分阶段办理：一次提交材料，同一阶段的事项同时办理，前一阶段办结后办理下一阶段，统一出件。"
        }
    }

    /// How much shorter `promised` is than `total`, when both count days alike.
    static func saving(from total: TimeLimit, to promised: TimeLimit) -> TimeLimit? {
        switch (total, promised) {
        case (.workingDays(let a), .workingDays(let b)) where a > b: .workingDays(a - b)
        case (.calendarDays(let a), .calendarDays(let b)) where a > b: .calendarDays(a - b)
        case (.workingDays(let a), .immediate) where a > 0: .workingDays(a)
        case (.calendarDays(let a), .immediate) where a > 0: .calendarDays(a)
        default: nil
        }
    }

    // MARK: Pieces

    func bundleHead(_ b: ServiceBundle) -> BundleHead {
        BundleHead(
            bundleName: b.name, bundleCode: b.code, mode: b.mode.rawValue, modeText: Self.modeText(b.mode),
            memberCount: b.memberCodes.count, windowCategory: b.windowCategory)
    }

    func leadAgency(_ b: ServiceBundle) -> AgencyView? {
        guard let a = agencies[b.leadAgencyID] else {
            return b.leadAgencyID.isEmpty ? nil : AgencyView(agencyName: b.leadAgencyID)
        }
        return AgencyView(
            agencyName: a.name, agencyAddress: a.address, agencyPhone: a.phone.map(LinkView.init(phone:)),
            agencyWebsite: a.website.map { LinkView(text: $0, url: $0) })
    }

    /// The windows of the bundle's 窗口类别 where its members are accepted; when the members
    /// name none, every window of that category.
    func bundleWindowList(_ b: ServiceBundle) -> [ServiceWindow] {
        let used = Set(b.memberCodes.compactMap { bundleIndex.members[$0] }.flatMap(\.windowIDs))
        let ofCategory = catalog.windows.filter { $0.category == b.windowCategory }
        let accepting = ofCategory.filter { used.contains($0.id) }
        return accepting.isEmpty ? ofCategory : accepting
    }

    func bundleWindows(_ b: ServiceBundle) -> [WindowView] {
        bundleWindowList(b).map {
            WindowView(
                windowName: $0.name, category: $0.category, location: $0.location, hours: $0.hours,
                windowPhone: $0.phone.map(LinkView.init(phone:)))
        }
    }

    /// The members in stage order, each with its mark; the first of each stage carries the
    /// stage's cell when the bundle has stages to show.
    func bundleMembers(_ b: ServiceBundle, critical: Set<String>) -> [BundleMemberView] {
        var out: [BundleMemberView] = []
        let showStages = b.mode != .parallel
        for (s, stage) in b.stages.enumerated() {
            for (i, code) in stage.itemCodes.enumerated() {
                let item = bundleIndex.members[code]
                var cell: BundleStageCell? = nil
                if showStages && i == 0 {
                    let n = Self.chineseNumber(s + 1)
                    cell = BundleStageCell(
                        stageTitle: b.mode == .serial ? "第\(n)步" : "第\(n)阶段",
                        stageName: stage.name.flatMap { $0.isEmpty ? nil : $0 }, span: stage.itemCodes.count,
                        isConcurrent: stage.itemCodes.count > 1)
                }
                out.append(
                    BundleMemberView(
                        mark: Self.mark(out.count + 1),
                        member: item.map { LinkView(text: $0.name, sitePath: "../../items/\(segment($0))/index.html") }
                            ?? LinkView(text: code, url: nil),
                        memberCode: code,
                        memberAgency: item.map { agencies[$0.agencyID]?.name ?? $0.agencyID },
                        memberPromised: item.map { i in
                            (i.timeLimits?.promised?.text ?? "—")
                                + (i.scenarioVariants.contains { $0.timeLimits?.promised != nil } ? "（因情形而异）" : "")
                        },
                        memberStatutory: item?.timeLimits?.statutory?.text,
                        isCritical: critical.contains(code), stageCell: cell,
                        memberStage: showStages
                            ? (b.mode == .serial ? "第\(Self.chineseNumber(s + 1))步" : "第\(Self.chineseNumber(s + 1))阶段")
                                + (stage.name.flatMap { $0.isEmpty ? nil : "：" + $0 } ?? "")
                            : nil))
            }
        }
        return out
    }

    func bundleMaterialRows(_ b: ServiceBundle, members: [BundleMemberView]) -> [BundleMaterialRow] {
        var marks: [String: String] = [:]
        for m in members where marks[m.memberCode] == nil { marks[m.memberCode] = m.mark }
        let memberCount = Set(b.memberCodes).count
        let words = ScenarioWords(questions: b.questions)
        return b.materials.enumerated().map { i, m in
            let collect = Self.collect(
                MaterialRequirement(
                    name: m.name, form: m.form, copies: m.copies, medium: m.medium, necessity: m.necessity,
                    shareable: m.shareable, exemption: m.exemption))
            return BundleMaterialRow(
                number: i + 1, materialName: m.name, bundleForm: m.form?.rawValue,
                bundleCopies: m.copies.map { "\($0)份" }, bundleMedium: m.medium, bundleSource: m.source,
                necessity: m.necessity.rawValue, isRequired: m.necessity == .required,
                isOptional: m.necessity == .optional, isDeferrable: m.necessity == .deferrable,
                isShareable: m.exemption != nil, bundleCondition: m.condition, collect: collect,
                neededByMarks: m.neededBy.map { marks[$0] ?? $0 }.joined(),
                isNeededByAll: memberCount > 1 && Set(m.neededBy).count == memberCount,
                scenario: words.tag(anyOf: m.applicability))
        }
    }

    func materialFigures(_ b: ServiceBundle) -> BundleMaterialFigures {
        BundleMaterialFigures(
            materialsBefore: b.figures.materialsBeforeMerge, materialsAfter: b.figures.materialsAfterMerge,
            materialsSaved: b.figures.materialsSaved > 0 ? b.figures.materialsSaved : nil,
            shareableCount: b.materials.contains { $0.exemption != nil } ? b.materials.count { $0.exemption != nil } : nil)
    }

    /// Whether every member has a 承诺 (or a 法定) in this view: only then do the members'
    /// limits add up to anything.
    func allMembersHave(_ b: ServiceBundle, _ limit: (TimeLimits) -> TimeLimit?) -> Bool {
        !b.memberCodes.isEmpty
            && b.memberCodes.allSatisfy { bundleIndex.members[$0]?.timeLimits.flatMap(limit) != nil }
    }

    func bundleTimes(_ b: ServiceBundle) -> BundleTimesView {
        let promisedKnown = allMembersHave(b) { $0.promised }
        let statutoryKnown = allMembersHave(b) { $0.statutory }
        let oneByOne = promisedKnown ? b.figures.oneByOne : nil
        var saved: TimeLimit? = nil
        if let total = oneByOne?.duration, let p = b.promised { saved = Self.saving(from: total, to: p) }
        var summary: String? = nil
        if let o = oneByOne, let p = b.promised, b.memberCodes.count > 1 {
            var s = "逐项办理以上\(b.memberCodes.count)个事项，承诺时限合计\(o.text)；作为“一件事”办理，"
            s += p == .immediate ? "即时办结" : "承诺\(p.text)办结"
            s += saved.map { "，可压缩\($0.text)。" } ?? "。"
            // Members' 情形差异 change their promises: these figures are of their own.
            let varies = b.memberCodes.contains { code in
                bundleIndex.members[code]?.scenarioVariants.contains { $0.timeLimits?.promised != nil } ?? false
            }
            if varies { s += "（按各事项自身的承诺计算；部分事项的承诺因情形而不同，见各事项的办事指南。）" }
            summary = s
        }
        return BundleTimesView(
            bundlePromised: b.promised?.text, oneByOne: oneByOne?.text,
            statutoryTotal: statutoryKnown ? b.figures.statutoryPath?.text : nil,
            timeSaved: saved.map { "可压缩\($0.text)" }, timeSummary: summary)
    }

    /// The bundle drawn as a flow, with the names it gave each step.
    struct BundleFlowGraph {
        var steps: [FlowStep]
        var start: String
        var intake: String
        var end: String
        /// Each stage's members: 事项编码 and step name.
        var stages: [[(code: String, name: String)]]
        /// The step that joins stage `i - 1` to stage `i`, where there is one.
        var joins: [Int: String]
    }

    /// The bundle as a flow: 申请 → one intake at the window → each stage's members (at
    /// once) → 统一出件, each member showing its 实施机关 as 岗位 and its 承诺 as 时限. A stage
    /// of several members that follows another such stage is joined through a step of its
    /// own, so that the chart does not draw an edge between every pair.
    func bundleFlowGraph(_ b: ServiceBundle, windowName: String?) -> BundleFlowGraph {
        var used = Set<String>()
        func unique(_ name: String, _ code: String = "") -> String {
            var n = name.isEmpty ? code : name
            if used.contains(n), !code.isEmpty { n += "（\(code)）" }
            let base = n
            var k = 2
            while used.contains(n) {
                n = base + "（\(k)）"
                k += 1
            }
            used.insert(n)
            return n
        }
        let start = unique("申请")
        let intake = unique("\(b.windowCategory)窗口一次收件")
        let end = unique("统一出件")
        var seen = Set<String>()
        var stages: [[(code: String, name: String)]] = []
        for stage in b.stages {
            let list = stage.itemCodes.filter { seen.insert($0).inserted }
                .map { (code: $0, name: unique(bundleIndex.members[$0]?.name ?? $0, $0)) }
            if !list.isEmpty { stages.append(list) }
        }
        var joins: [Int: String] = [:]
        for i in stages.indices.dropFirst() where stages[i - 1].count > 1 && stages[i].count > 1 {
            joins[i] = unique("第\(Self.chineseNumber(i))阶段办结")
        }

        func entry(_ i: Int) -> [String] {
            guard i < stages.count else { return [end] }
            return joins[i].map { [$0] } ?? stages[i].map(\.name)
        }
        var steps: [FlowStep] = [
            FlowStep(name: start, role: "申请人", transitions: [Transition(target: intake)]),
            FlowStep(name: intake, role: windowName, transitions: entry(0).map { Transition(target: $0) }),
        ]
        for (i, list) in stages.enumerated() {
            if let join = joins[i] {
                steps.append(FlowStep(name: join, transitions: list.map { Transition(target: $0.name) }))
            }
            for m in list {
                let item = bundleIndex.members[m.code]
                steps.append(
                    FlowStep(
                        name: m.name, role: item.map { agencies[$0.agencyID]?.name ?? $0.agencyID },
                        timeLimit: item?.timeLimits?.promised, transitions: entry(i + 1).map { Transition(target: $0) }))
            }
        }
        steps.append(FlowStep(name: end, role: windowName, outcome: .granted))
        return BundleFlowGraph(steps: steps, start: start, intake: intake, end: end, stages: stages, joins: joins)
    }

    /// The chart's steps along the bundle's critical path (one member a stage), or nothing
    /// when the path does not run through every stage.
    func highlightedSteps(_ g: BundleFlowGraph, criticalPath: [String]) -> [String] {
        guard criticalPath.count == g.stages.count else { return [] }
        var out = [g.start, g.intake]
        for (i, code) in criticalPath.enumerated() {
            guard let m = g.stages[i].first(where: { $0.code == code }) else { return [] }
            if let join = g.joins[i] { out.append(join) }
            out.append(m.name)
        }
        return out + [g.end]
    }

    func bundleFlow(_ b: ServiceBundle) -> BundleFlowView? {
        guard !b.memberCodes.isEmpty else { return nil }
        let g = bundleFlowGraph(b, windowName: bundleWindowList(b).first?.name)
        var highlighted: [String] = []
        var criticalMembers: String? = nil
        var criticalTotal: String? = nil
        if allMembersHave(b, { $0.promised }), let path = b.figures.criticalPath, !path.steps.isEmpty {
            highlighted = highlightedSteps(g, criticalPath: path.steps)
            var names: [String: String] = [:]
            for m in g.stages.joined() { names[m.code] = m.name }
            criticalMembers = path.steps.map { names[$0] ?? $0 }.joined(separator: " → ")
            criticalTotal = path.text
        }
        let svg = Flowchart.svg(for: g.steps, options: FlowchartOptions(highlightedPath: highlighted))
        let cases = criticalMembers == nil ? [] : bundleCases(b, names: Dictionary(g.stages.joined().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
        return BundleFlowView(
            svgHTML: svg, criticalMembers: criticalMembers, criticalTotal: criticalTotal,
            criticalCases: cases.map(\.view), caseData: cases.map(\.whenData).joined(separator: " "))
    }

    /// The critical path and its 承诺 under each group of scenarios, where members' 情形差异
    /// change their promises: the questions those name (at most
    /// ``ScenarioWords/flowCaseLimits`` combinations and cases, else none).
    func bundleCases(_ b: ServiceBundle, names: [String: String]) -> [(whenData: String, view: BundleCaseView)] {
        let members = b.memberCodes.compactMap { bundleIndex.members[$0] }
        let named = Set(members.flatMap { $0.scenarioVariants.filter { $0.timeLimits?.promised != nil }.flatMap { $0.applicability.clauses.map(\.questionID) } })
        let asked = b.questions.filter { named.contains($0.id) }
        guard !asked.isEmpty, let choices = ScenarioChoice.all(of: asked, limit: ScenarioWords.flowCaseLimits.choices) else { return [] }
        let items = Dictionary(members.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var keys: [String] = [], groups: [String: (whens: [String], view: BundleCaseView)] = [:]
        for choice in choices {
            guard let path = b.criticalPath(for: choice, items: items) else { return [] }
            let text = path.steps.map { names[$0] ?? $0 }.joined(separator: " → ")
            let key = text + "\u{0}" + path.text
            let when = asked.map { q in q.id + "=" + String(q.options.firstIndex(of: choice.options[q.id]!)!) }.joined(separator: ";")
            if groups[key] != nil {
                groups[key]!.whens.append(when)
                continue
            }
            guard keys.count < ScenarioWords.flowCaseLimits.cases else { return [] }
            keys.append(key)
            groups[key] = ([when], BundleCaseView(caseKey: String(keys.count - 1), caseMembers: text, caseTotal: path.text))
        }
        return keys.map { (groups[$0]!.whens.joined(separator: "|"), groups[$0]!.view) }
    }

    // MARK: Pages

    func bundleGuide(_ bundle: ServiceBundle) -> BundleGuidePage {
        let b = viewMerged(bundle)
        let promisedKnown = allMembersHave(b) { $0.promised }
        let critical = promisedKnown ? Set(b.figures.criticalPath?.steps ?? []) : []
        let members = bundleMembers(b, critical: critical)
        let rows = bundleMaterialRows(b, members: members)
        return BundleGuidePage(
            site: chrome(root: "../../", isInternal: false), bundleLinks: BundleLinks(), bundle: bundleHead(b),
            bundleNote: Prose(b.note), leadAgency: leadAgency(b), hasStages: b.mode != .parallel,
            members: members, bundleFlow: bundleFlow(b), bundleMaterials: ListView(rows),
            materialFigures: materialFigures(b), anyShareable: rows.contains { $0.isShareable },
            anyDeferrable: rows.contains { $0.isDeferrable }, bundleWindows: ListView(bundleWindows(b)),
            times: bundleTimes(b), timeLimitNote: catalog.timeLimitNote,
            questionnaire: ScenarioWords(questions: b.questions).questionnaire)
    }

    func bundleChecklist(_ bundle: ServiceBundle) -> BundleChecklistPage {
        let b = viewMerged(bundle)
        let members = bundleMembers(b, critical: [])
        let rows = bundleMaterialRows(b, members: members)
        let isLicensing = b.memberCodes.contains {
            let t = bundleIndex.members[$0]?.type
            return t == "行政许可" || t == "01"
        }
        let firstWindow = bundleWindowList(b).first
        return BundleChecklistPage(
            site: chrome(root: "../../", isInternal: false), bundleLinks: BundleLinks(), bundle: bundleHead(b),
            leadAgency: leadAgency(b), members: members, bundleWindows: ListView(bundleWindows(b)),
            times: bundleTimes(b), bundleMaterials: ListView(rows), materialFigures: materialFigures(b),
            // Numbered as in the checklist, so the clerk ticks the same numbers on both.
            noticeMaterials: ListView(rows.filter { !$0.isShareable }),
            memberNames: members.map { $0.mark + $0.member.text }.joined(separator: "、"),
            legalWording: Self.noticeWording(isLicensing: isLicensing),
            noticeWindow: firstWindow.map { w in w.location.map { "\(w.name)（\($0)）" } ?? w.name },
            noticePhone: (firstWindow?.phone ?? agencies[b.leadAgencyID]?.phone).map(LinkView.init(phone:)),
            questionnaire: ScenarioWords(questions: b.questions).questionnaire)
    }

    /// The bundles an item's guide links to.
    func memberOf(_ item: Item) -> [LinkView] {
        (bundleIndex.bundlesOfItem[item.code] ?? []).map {
            LinkView(text: $0.name, sitePath: "../../bundles/\($0.segment)/index.html")
        }
    }

    func bundleEntries() -> [BundleEntry] {
        catalog.bundles.map { b in
            BundleEntry(
                bundleEntryName: b.name, bundleEntryCode: b.code, bundleHref: "bundles/\(segment(b))/index.html",
                bundleMode: b.mode.rawValue, bundleMemberCount: b.memberCodes.count,
                bundleEntryPromised: b.promised?.text,
                bundleMemberNames: b.memberCodes.map { bundleIndex.members[$0]?.name ?? $0 }.joined(separator: "、"))
        }
    }

    func bundleSearchEntries() -> [SearchEntry] {
        catalog.bundles.map { bundle in
            let b = viewMerged(bundle)
            return SearchEntry(
                code: b.code, name: b.name, url: "bundles/\(segment(b))/index.html",
                agency: agencies[b.leadAgencyID]?.name ?? b.leadAgencyID,
                categories: [b.windowCategory], materials: b.materials.map(\.name), kind: "一件事")
        }
    }
}
