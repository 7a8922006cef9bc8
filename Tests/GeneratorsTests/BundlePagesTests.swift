import Catalog
import Foundation
import Testing

@testable import Generators

/// Output of the fixture catalog (with its 并联 bundle), made once.
private let publicFiles = try! SiteGenerator(catalog: Fixtures.catalog).publicFiles()

private func text(_ files: [OutputFile], _ path: String) -> String {
    guard let f = files.first(where: { $0.path == path }) else { return "" }
    return String(decoding: f.contents, as: UTF8.self)
}

/// The 一件事 pages: the bundle guide, its checklist, and the links to them.
@Suite struct BundlePagesTests {
    let dir = "bundles/\(Fixtures.bundleCode)/"

    @Test(arguments: ["index.html", "checklist.html"])
    func goldenBundlePages(page: String) throws {
        let name = page == "index.html" ? "bundle-guide.html" : "bundle-checklist.html"
        try Golden.check(Array(text(publicFiles, dir + page).utf8), name: name)
    }

    @Test func bothPagesAreWritten() {
        #expect(publicFiles.contains { $0.path == dir + "index.html" })
        #expect(publicFiles.contains { $0.path == dir + "checklist.html" })
    }

    @Test func guideHasItsSectionsInOrder() {
        let html = text(publicFiles, dir + "index.html")
        var cursor = html.startIndex
        for h in ["基本信息", "包含事项", "办理流程", "申请材料", "受理窗口", "办理时限"] {
            guard let r = html.range(of: "<h2>\(h)</h2>", range: cursor..<html.endIndex) else {
                Issue.record("heading \(h) missing or out of order")
                continue
            }
            cursor = r.upperBound
        }
        #expect(html.contains("<h1>开办餐饮企业一件事</h1>"))
        for fact in ["名称", "编码", "办理方式", "牵头部门", "窗口类别"] {
            #expect(html.contains("<th scope=\"row\">\(fact)</th>"), "\(fact)")
        }
        #expect(html.contains("某某市市场监督管理局"))
        // The window of the 经营类 category where the members are accepted, not the 综合 one.
        #expect(html.contains("经营类综合受理窗口") && html.contains("某某市政务服务中心二楼A区"))
        #expect(html.contains("周一至周五 9:00-12:00, 13:00-17:00"))
        #expect(!html.contains("综合咨询窗口"))
        #expect(html.contains("在经营类综合受理窗口一次提交"))
    }

    @Test func guideLinksEachMemberAndMarksTheCriticalOne() {
        let html = text(publicFiles, dir + "index.html")
        #expect(html.contains("<a href=\"../../items/440100-XK-00031-000/index.html\">食品经营许可（新办）</a>"))
        #expect(html.contains("<a href=\"../../items/\(Fixtures.exampleCode)/index.html\">特种设备使用登记</a> <span class=\"crit\""))
        // 并联: no 阶段 column.
        #expect(!html.contains("<th scope=\"col\">阶段</th>"))
    }

    @Test func guideHasOneFlowchartWithTheCriticalPathHighlighted() {
        let html = text(publicFiles, dir + "index.html")
        #expect(html.components(separatedBy: "<svg").count == 2)
        #expect(html.contains("zn-critical"))
        #expect(html.contains("经营类窗口一次收件") && html.contains("统一出件"))
        #expect(html.contains("<span class=\"tag tag-critical\">关键路径</span> 特种设备使用登记（承诺时限合计 10个工作日）"))
    }

    @Test func guideShowsTheMergedMaterials() {
        let html = text(publicFiles, dir + "index.html")
        // 7 materials asked for, 营业执照 (材料库 yyzz) once: 6.
        #expect(html.contains("以下材料一次提交，共 6 项（各事项分别办理共需 7 项，合并后少交重复材料 1 项）"))
        #expect(html.contains("营业执照 <span class=\"tag tag-shared\">免提交</span>"))
        #expect(html.contains("<td class=\"marks\" data-label=\"用于事项\">全部事项</td>"))
        #expect(html.contains("<td class=\"marks\" data-label=\"用于事项\">①</td>"))
        #expect(html.contains("<td class=\"marks\" data-label=\"用于事项\">②</td>"))
        #expect(html.contains("委托他人办理的"))
    }

    @Test func guideShowsTheTimeLimitsAndWhatTheyCompress() {
        let html = text(publicFiles, dir + "index.html")
        #expect(html.contains("<div class=\"limit-label\">承诺办结时限</div><div class=\"limit-value\">10个工作日</div>"))
        #expect(html.contains("<div class=\"limit-label\">逐项办理合计</div><div class=\"limit-value\">15个工作日</div>"))
        #expect(html.contains("<div class=\"limit-label\">法定办结时限</div><div class=\"limit-value\">30个工作日</div>"))
        #expect(html.contains("可压缩5个工作日"))
        #expect(html.contains("逐项办理以上2个事项，承诺时限合计15个工作日；作为“一件事”办理，承诺10个工作日办结，可压缩5个工作日。"))
    }

    @Test func checklistNumbersTheMaterialsForTheWindow() {
        let html = text(publicFiles, dir + "checklist.html")
        #expect(html.contains("<h2>收件核对（共 6 项，其中免提交 1 项）</h2>"))
        // Five to collect, 营业执照 fetched by the window.
        #expect(html.components(separatedBy: "<input type=\"checkbox\"").count == 6)
        #expect(html.contains("<span class=\"fetched\" title=\"窗口调取\">调取</span>"))
        #expect(html.contains("<td class=\"collect\" data-label=\"收取要求\">收原件2份（纸质或电子版均可）</td>"))
        #expect(html.contains("<td class=\"collect\" data-label=\"收取要求\">原件核验后退回，收复印件1份</td>"))
        #expect(html.contains("<td class=\"collect\" data-label=\"收取要求\">免提交（窗口通过数据共享调取）</td>"))
        #expect(html.contains("仅当：委托他人办理的"))
        #expect(html.contains("<span class=\"tag tag-defer\">容缺后补</span>"))
        #expect(html.contains("<span class=\"mark\">①</span> 食品经营许可（新办）"))
        #expect(html.contains("<td class=\"marks\" data-label=\"用于事项\">全部</td>"))
    }

    @Test func checklistHasTheBundlesOneTimeNoticeOnItsOwnPage() {
        let html = text(publicFiles, dir + "checklist.html")
        #expect(html.contains("<section class=\"sheet notice\""))
        #expect(html.contains("“开办餐饮企业一件事”（编码：440100-YJS-001；包含事项：①食品经营许可（新办）、②特种设备使用登记）"))
        // Members are 行政许可: the notice cites the licensing law.
        #expect(html.contains("第三十二条"))
        #expect(html.contains("经营类综合受理窗口（某某市政务服务中心二楼A区）"))
        #expect(html.contains("咨询电话：<a href=\"tel:02012345600\">020-12345600</a>"))
        // The notice lists what an applicant can be missing: not 营业执照.
        let notice = html[html.range(of: "<section class=\"sheet notice\"")!.lowerBound...]
        #expect(!notice.contains("营业执照"))
        #expect(notice.contains("特种设备使用登记表"))
        #expect(html.contains("class=\"page page-checklist page-bundle-checklist\""))
    }

    @Test func memberGuidesLinkTheirBundle() {
        for code in [Fixtures.exampleCode, "440100-XK-00031-000"] {
            let html = text(publicFiles, "items/\(code)/index.html")
            #expect(html.contains("<p class=\"member-of\">本事项可作为以下“一件事”办理：<a href=\"../../bundles/440100-YJS-001/index.html\">开办餐饮企业一件事</a></p>"), "\(code)")
        }
        #expect(!text(publicFiles, "items/440100-GG-00007-000/index.html").contains("member-of"))
    }

    @Test func siteIndexListsTheBundles() {
        let html = text(publicFiles, "index.html")
        #expect(html.contains("<a href=\"#bundles\">一件事</a>"))
        #expect(html.contains("<h2>一件事<span class=\"count\">1 件</span></h2>"))
        #expect(html.contains("<a href=\"bundles/440100-YJS-001/index.html\">开办餐饮企业一件事</a>"))
        #expect(html.contains("含 2 个事项 · 承诺 10个工作日"))
        #expect(html.contains("共 3 个事项、1 件“一件事”"))
    }

    @Test func searchIndexHasTheBundles() throws {
        struct Index: Decodable {
            struct Entry: Decodable { var code, name, url: String; var materials: [String]; var kind: String? }
            var items: [Entry]
            var bundles: [Entry]
        }
        let file = try #require(publicFiles.first { $0.path == "search-index.json" })
        let index = try JSONDecoder().decode(Index.self, from: Data(file.contents))
        #expect(index.items.allSatisfy { $0.kind == nil })
        let b = try #require(index.bundles.first)
        #expect(index.bundles.count == 1)
        #expect(b.code == Fixtures.bundleCode && b.kind == "一件事")
        #expect(b.url == "bundles/440100-YJS-001/index.html")
        #expect(b.materials.filter { $0 == "营业执照" }.count == 1)
        let js = text(publicFiles, "assets/search.js")
        #expect(js.contains("(items|bundles)"))
    }

    @Test func aCatalogWithoutBundlesHasNoBundlePages() throws {
        var c = Fixtures.catalog
        c.bundles = []
        let files = try SiteGenerator(catalog: c).publicFiles()
        #expect(!files.contains { $0.path.hasPrefix("bundles/") })
        #expect(!text(files, "index.html").contains("一件事"))
        #expect(!text(files, "items/\(Fixtures.exampleCode)/index.html").contains("member-of"))
    }
}

/// The bundle drawn as a flow, and the figures, for bundles of other shapes.
@Suite struct BundleFlowTests {
    let b = ViewBuilder(catalog: Fixtures.catalogWithMixedBundle)

    /// Every highlighted pair of steps is an edge of the chart.
    func isChain(_ names: [String], in steps: [FlowStep]) -> Bool {
        let byName = Dictionary(steps.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return zip(names, names.dropFirst()).allSatisfy { a, z in
            byName[a]?.transitions.contains { $0.target == z } == true
        }
    }

    @Test func mixedStagesFollowEachOther() {
        let g = b.bundleFlowGraph(Fixtures.mixedBundle, windowName: "经营类综合受理窗口")
        let names = g.steps.map(\.name)
        #expect(names == ["申请", "经营类窗口一次收件", "社会保障卡补领", "食品经营许可（新办）", "特种设备使用登记", "统一出件"])
        let byName = Dictionary(uniqueKeysWithValues: g.steps.map { ($0.name, $0) })
        #expect(byName["社会保障卡补领"]?.transitions.map(\.target) == ["食品经营许可（新办）", "特种设备使用登记"])
        #expect(byName["特种设备使用登记"]?.transitions.map(\.target) == ["统一出件"])
        #expect(byName["特种设备使用登记"]?.role == "某某市市场监督管理局")
        #expect(byName["特种设备使用登记"]?.timeLimit == .workingDays(10))
        #expect(byName["统一出件"]?.outcome == .granted)
        let path = Fixtures.mixedBundle.figures.criticalPath!.steps
        let highlighted = b.highlightedSteps(g, criticalPath: path)
        #expect(highlighted == ["申请", "经营类窗口一次收件", "社会保障卡补领", "特种设备使用登记", "统一出件"])
        #expect(isChain(highlighted, in: g.steps))
    }

    @Test func twoWideStagesMeetAtAJoin() {
        var bundle = Fixtures.mixedBundle
        bundle.stages = [
            BundleStage(itemCodes: ["440100-GG-00007-000", "440100-XK-00031-000"]),
            BundleStage(itemCodes: [Fixtures.exampleCode, "440100-NOT-IN-CATALOG"]),
        ]
        bundle = bundle.merged(with: Dictionary(uniqueKeysWithValues: Fixtures.catalog.items.map { ($0.code, $0) }))
        let g = b.bundleFlowGraph(bundle, windowName: nil)
        let byName = Dictionary(uniqueKeysWithValues: g.steps.map { ($0.name, $0) })
        #expect(byName["第一阶段办结"]?.transitions.map(\.target) == [Fixtures.example.name, "440100-NOT-IN-CATALOG"])
        #expect(byName["食品经营许可（新办）"]?.transitions.map(\.target) == ["第一阶段办结"])
        // A member missing from the catalog is drawn by its code; the path does not reach it.
        #expect(byName["440100-NOT-IN-CATALOG"]?.role == nil)
        let highlighted = b.highlightedSteps(g, criticalPath: bundle.figures.criticalPath!.steps)
        #expect(highlighted.contains("第一阶段办结"))
        #expect(isChain(highlighted, in: g.steps))
    }

    @Test func stepNamesStayUnique() {
        var bundle = Fixtures.mixedBundle
        var items = Fixtures.catalog
        items.items = items.items.map { var i = $0; i.name = "统一出件"; return i }
        items.bundles = [bundle]
        bundle.stages = [BundleStage(itemCodes: items.items.map(\.code))]
        let g = ViewBuilder(catalog: items).bundleFlowGraph(bundle, windowName: nil)
        #expect(Set(g.steps.map(\.name)).count == g.steps.count)
        #expect(g.steps.contains { $0.name == "统一出件（440100-GG-00007-000）" })
    }

    @Test func mixedBundlePageHasStages() throws {
        let page = b.bundleGuide(Fixtures.mixedBundle)
        #expect(page.hasStages)
        let cells = page.members.compactMap(\.stageCell)
        #expect(cells.map(\.stageTitle) == ["第一阶段", "第二阶段"])
        #expect(cells.map(\.stageName) == ["先行办理", "并联审批"])
        #expect(cells.map(\.span) == [1, 2])
        #expect(cells.map(\.isConcurrent) == [false, true])
        #expect(page.members.map(\.mark) == ["①", "②", "③"])
        #expect(page.members.filter(\.isCritical).map(\.memberCode) == ["440100-GG-00007-000", Fixtures.exampleCode])
        // 0 + 5 + 10 one by one, 0 + max(5, 10) promised by the chain.
        #expect(page.times.oneByOne == "15个工作日")
        #expect(page.times.timeSaved == "可压缩5个工作日")
        let files = try SiteGenerator(catalog: Fixtures.catalogWithMixedBundle).publicFiles()
        let html = text(files, "bundles/440100-YJS-002/index.html")
        #expect(html.contains("<th scope=\"col\">阶段</th>"))
        #expect(html.contains("<th scope=\"rowgroup\" rowspan=\"2\" class=\"stage\" data-label=\"阶段\">第二阶段<div class=\"stage-name\">并联审批</div><div class=\"note\">同时办理</div></th>"))
        #expect(HTMLCheck.issues(in: Array(html.utf8)).isEmpty)
    }

    @Test func serialStagesAreSteps() {
        var bundle = Fixtures.mixedBundle
        bundle.mode = .serial
        bundle.stages = [BundleStage(itemCodes: ["440100-XK-00031-000"]), BundleStage(itemCodes: [Fixtures.exampleCode])]
        #expect(b.bundleMembers(bundle, critical: []).compactMap(\.stageCell?.stageTitle) == ["第一步", "第二步"])
    }

    @Test func savingOnlyInOneUnit() {
        #expect(ViewBuilder.saving(from: .workingDays(15), to: .workingDays(10)) == .workingDays(5))
        #expect(ViewBuilder.saving(from: .calendarDays(30), to: .calendarDays(20)) == .calendarDays(10))
        #expect(ViewBuilder.saving(from: .workingDays(3), to: .immediate) == .workingDays(3))
        #expect(ViewBuilder.saving(from: .workingDays(15), to: .calendarDays(10)) == nil)
        #expect(ViewBuilder.saving(from: .workingDays(10), to: .workingDays(10)) == nil)
        #expect(ViewBuilder.saving(from: .immediate, to: .immediate) == nil)
    }

    @Test func noSavingClaimedAcrossUnits() {
        var c = Fixtures.catalog
        let i = c.items.firstIndex { $0.code == "440100-XK-00031-000" }!
        c.items[i].timeLimits = TimeLimits(statutory: .calendarDays(20), promised: .calendarDays(5))
        c.bundles = [Fixtures.bundle.merged(with: Dictionary(uniqueKeysWithValues: c.items.map { ($0.code, $0) }))]
        let times = ViewBuilder(catalog: c).bundleTimes(c.bundles[0])
        #expect(times.oneByOne == "10个工作日 + 5日")
        #expect(times.timeSaved == nil)
        #expect(times.timeSummary?.contains("可压缩") == false)
    }

    @Test func marksAndNumbers() {
        #expect(ViewBuilder.mark(1) == "①" && ViewBuilder.mark(20) == "⑳" && ViewBuilder.mark(21) == "(21)")
        #expect(ViewBuilder.chineseNumber(1) == "一" && ViewBuilder.chineseNumber(10) == "十")
        #expect(ViewBuilder.chineseNumber(12) == "十二" && ViewBuilder.chineseNumber(20) == "二十")
        #expect(ViewBuilder.chineseNumber(35) == "三十五" && ViewBuilder.chineseNumber(100) == "100")
    }
}
