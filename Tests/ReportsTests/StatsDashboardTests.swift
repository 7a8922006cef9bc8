import Catalog
import Markup
import Reports
import TestSupport
import Testing

/// `stats --format html`: the page for the hand-made catalog of ``CatalogStatsTests``.
@Suite struct StatsDashboardTests {
    static let catalog = CatalogStatsTests.withBundle(
        code: "440100-YJS-001", name: "开办一件事", promised: 5, materialsBefore: 9, after: 7)

    static func page(_ catalog: Catalog = catalog, _ language: ReportLanguage = .zh) -> String {
        StatsDashboard(stats: CatalogStats.compute(catalog), catalog: catalog, language: language).html()
    }

    @Test func golden() throws {
        try expectGolden(Self.page(), file: TestSupport.folder() + "/Golden/stats.html")
        try expectGolden(Self.page(Self.catalog, .en), file: TestSupport.folder() + "/Golden/stats.en.html")
    }

    @Test func noJavaScriptAndEveryChartNamedAndTabled() {
        let html = Self.page()
        #expect(!html.contains("<script"))
        #expect(html.firstRange(of: /<[^>]* on[a-z]+=/) == nil, "no event handler attributes")
        let charts = html.components(separatedBy: "<svg class=\"chart\"").count - 1
        #expect(charts == 11)
        #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
        // One table per chart at least (the per-unit limits, the items apart, …).
        #expect(html.components(separatedBy: "<table").count - 1 >= 9)
    }

    /// 法定 against 承诺: longest 法定 first per unit; F (工作日 against 日) and E (法定 即办)
    /// are listed apart, in an open table.
    @Test func limitsSortedAndIncomparableListedApart() {
        let html = Self.page()
        let a = html.range(of: "甲 440100-XK-00001-001")!, c = html.range(of: "丙 440100-GG-00003-001")!
        #expect(a.lowerBound < c.lowerBound, "20个工作日 before 10个工作日")
        #expect(html.contains("法定 20个工作日</text>"))
        #expect(html.contains("承诺 即办</text>"))
        #expect(html.contains("<details open>\n<summary>时限无法比较的事项"))
        let apart = html.components(separatedBy: "<details open>")[1].components(separatedBy: "</details>")[0]
        #expect(apart.contains("440100-QT-00006-001") && apart.contains("440100-QR-00005-001"))
        #expect(!apart.contains("440100-XK-00001-001"))
    }

    /// No text is drawn below 17 px in the SVG, which shrinks at most to 366/480 of that at a
    /// 390 px wide page: 12.96 px.
    @Test func textIsLegible() {
        let html = Self.page()
        let sizes = html.components(separatedBy: "font-size=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { Double($0)! >= 17 })
        #expect(html.contains("width=\"480\""))
    }

    /// Names with markup and combining marks next to `< > & " '` come out as text only.
    @Test func hostileNamesAreEscaped() {
        var catalog = Self.catalog
        let evil = "<script>alert(1)</script>\u{301}<\u{0600}>&\u{200D}\"\u{301}'\u{FFFF}\u{7}"
        catalog.name = evil
        catalog.items[0].name = evil
        catalog.items[0].type = evil
        catalog.bundles[0].name = evil
        let html = Self.page(catalog)
        #expect(!html.contains("<script"))
        #expect(!html.contains("</script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;\u{301}&lt;\u{0600}&gt;&amp;\u{200D}&quot;\u{301}&#39;"))
        #expect(!html.contains("\u{FFFF}") && !html.contains("\u{7}"))
        // Every `<` opens one of the page's own elements.
        let tags = Set(html.components(separatedBy: "<").dropFirst().map { $0.prefix { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "!" } })
        #expect(tags.isSubset(of: ["!DOCTYPE", "html", "/html", "head", "/head", "meta", "title", "/title", "style", "/style", "body", "/body",
            "main", "/main", "h1", "/h1", "h2", "/h2", "p", "/p", "section", "/section", "figure", "/figure", "figcaption", "/figcaption",
            "svg", "/svg", "desc", "/desc", "text", "/text", "rect", "ul", "/ul", "li", "/li", "span", "/span", "details", "/details",
            "summary", "/summary", "div", "/div", "table", "/table", "caption", "/caption", "thead", "/thead", "tbody", "/tbody",
            "tr", "/tr", "th", "/th", "td", "/td"]), "\(tags)")
    }

    /// A long item list is cut into charts that each fit an A4 page.
    @Test func longChartsAreCutForPrinting() {
        var catalog = Self.catalog
        let first = catalog.items[0]
        catalog.items = (1...60).map { i in
            var item = first
            item.code = "440100-XK-\(1000 + i)-001"
            return item
        }
        let html = Self.page(catalog)
        let heights = html.components(separatedBy: "<svg class=\"chart\"").dropFirst().map { svg in
            Double(svg.components(separatedBy: " height=\"")[1].prefix { $0 != "\"" })!
        }
        #expect(heights.allSatisfy { $0 <= 780 })
        #expect(html.contains("（1/"))
    }

    /// 跑动与网办 and compression per 事项类型 of the hand-made national catalog
    /// (NationalStatsTests: 最多跑一次 A B C over A–D, 零跑动 B C, 网上可办 A B, 全程网办 B
    /// over A–E; 行政许可 0.75, 行政确认 (1 + 2/3) / 2, 公共服务 none).
    @Test func visitsOnlineAndCompressionByType() {
        let html = Self.page(NationalStatsTests.catalog)
        func rows(_ caption: String) -> [String] {
            html.components(separatedBy: "<caption>\(caption)</caption>")[1].components(separatedBy: "</tbody>")[0]
                .components(separatedBy: "\n").filter { $0.hasPrefix("<tr><td") }
        }
        func cells(_ row: String) -> [String] {
            row.components(separatedBy: "</td>").dropLast().map { String($0.split(separator: ">").last ?? "") }
        }
        #expect(rows("跑动与网办").map(cells) == [
            ["最多跑一次（到现场次数 ≤ 1）", "3", "4", "75.0%"], ["零跑动（到现场次数为 0）", "2", "4", "50.0%"],
            ["网上可办（达到互联网受理）", "2", "5", "40.0%"], ["全程网办（达到互联网办理且零跑动）", "1", "5", "20.0%"],
        ])
        #expect(rows("按到现场次数").map(cells) == [["0 次", "2"], ["1 次", "1"], ["2 次", "0"], ["多次", "1"]])
        #expect(rows("按事项类型的时限压缩").map(cells) == [
            ["行政许可", "1", "75.0%"], ["行政确认", "2", "83.3%"], ["公共服务", "0", "无可比较的事项"],
        ])
        #expect(html.contains(">3/4 项 75.0%</text>"))
        // A catalog declaring neither has no such section; one type per bar, none for a type without a figure.
        #expect(!Self.page().contains("id=\"visits\""))
        let byType = html.components(separatedBy: "<h2 id=\"compression-by-type\">")[1].components(separatedBy: "</section>")[0]
        #expect(byType.components(separatedBy: "<rect ").count - 1 == 2)
    }

    /// Codes, numbers and short values (即办, 未填写, 10个工作日) stay on one line; a table of
    /// four or more columns is a card per row on a phone, each value labelled.
    @Test func shortValuesNeverBreakAndWideTablesBecomeCards() {
        let html = Self.page()
        #expect(html.contains("<td class=\"k\" data-label=\"承诺\">即办</td>"))
        #expect(html.contains("<td class=\"k\" data-label=\"事项编码\">440100-QR-00005-001</td>"))
        #expect(html.contains("<table class=\"cards\">"))
        #expect(html.contains("td.n, td.k { white-space: nowrap; overflow-wrap: normal; }"))
        #expect(html.contains("table.cards td::before { content: attr(data-label) \"：\"; color: #404040; }"))
    }

    /// Printed, the page has its own header and footer: the title, the page number, and the
    /// build date only when given.
    @Test func printedPageCarriesTitleNumberAndDate() {
        let dated = StatsDashboard(stats: CatalogStats.compute(Self.catalog), catalog: Self.catalog, buildDate: "2026-12-02").html()
        let title = Markup.cssString("《\(Self.catalog.name)》统计")
        #expect(dated.contains(
            "<style media=\"print\">@page { @top-left { content: \"\(title)\"; font-size: 8pt; color: #333; }"
                + " @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #333; }"
                + " @bottom-left { content: \"生成于 2026\\2d 12\\2d 02\"; font-size: 8pt; color: #333; } }</style>\n"))
        #expect(!Self.page().contains("@bottom-left"))
        #expect(Self.page().contains(" @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #333; } }</style>\n"))
    }

    /// A chart label wider than the chart breaks before a CJK character or at a space, never
    /// inside the 事项编码.
    @Test func labelsNeverBreakInsideACode() {
        var catalog = Self.catalog
        catalog.items[0].name = String(repeating: "特种设备安全管理", count: 3) + "资格"
        let html = Self.page(catalog)
        let code = catalog.items[0].code
        #expect(html.contains("fill=\"#1a1a1a\">\(code)</text>"))
        let lines = html.components(separatedBy: "fill=\"#1a1a1a\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(!lines.contains { $0.contains(code.dropLast(4)) && !$0.contains(code) })
    }

    @Test func emptyCatalog() {
        let html = Self.page(Catalog(name: "空目录", region: "440100", standards: []))
        #expect(html.contains("事项总数：0 项"))
        #expect(html.contains("</html>\n"))
    }
}
