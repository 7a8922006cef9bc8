import Catalog
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
        #expect(charts == 10)
        #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
        // One table per chart at least (the per-unit limits, the items apart, …).
        #expect(html.components(separatedBy: "<table>").count - 1 >= 8)
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

    @Test func emptyCatalog() {
        let html = Self.page(Catalog(name: "空目录", region: "440100", standards: []))
        #expect(html.contains("事项总数：0 项"))
        #expect(html.contains("</html>\n"))
    }
}
