import Catalog
import Foundation
import Markup
import Testing

@testable import Generators

/// Output of the fixture catalog, made once.
private let files = try! SiteGenerator(catalog: Fixtures.catalog).files()

private func text(_ list: [OutputFile], _ path: String) -> String {
    guard let f = list.first(where: { $0.path == path }) else { return "" }
    return String(decoding: f.contents, as: UTF8.self)
}

/// Issue 16: offline search, print header, phone links, JSON-LD, window lists, booklet.
@Suite struct SiteForPhonesAndPrintTests {
    let code = Fixtures.exampleCode

    /// search-index.js is search-index.json behind one assignment, so it loads from file://.
    @Test func searchIndexScriptHoldsTheJSONIndex() throws {
        let json = text(files.public, "search-index.json")
        let script = text(files.public, "search-index.js")
        let prefix = "window.ZHINAN_SEARCH_INDEX = ", suffix = ";\n"
        #expect(script.hasPrefix(prefix) && script.hasSuffix(suffix))
        let body = String(script.dropFirst(prefix.count).dropLast(suffix.count))
        #expect(body == Markup.jsonInScript(json))
        let a = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        #expect(a != nil && a == b)
        let index = text(files.public, "index.html")
        #expect(index.contains("<script src=\"search-index.js\"></script>\n<script src=\"assets/search.js\"></script>"))
    }

    /// Every word of a query must match (食品 许可), and material names and bundles are searched.
    @Test func searchScriptMatchesEveryWordAndUsesThePreloadedIndex() {
        let js = text(files.public, "assets/search.js")
        #expect(js.contains("window.ZHINAN_SEARCH_INDEX"))
        #expect(js.contains("q.split(/[\\s\\u3000]+/)"))
        #expect(js.contains("preloaded.items.concat(preloaded.bundles || [])"))
    }

    @Test func everyPageHasASkipLinkAndAMainTarget() {
        for file in files.public + files.internal where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">跳到正文</a>"), "\(file.path)")
            #expect(html.contains("<main id=\"main\" class=\"wrap\">"), "\(file.path)")
        }
    }

    @Test func printedPagesCarryAuthorityCatalogAndCode() {
        let guide = text(files.public, "items/\(code)/index.html")
        #expect(guide.contains(
            "<style media=\"print\">@page { @top-left { content: \"某某市市场监督管理局 · 某某市政务服务事项目录\"; font-size: 8pt; color: #333; }"
                + " @top-right { content: \"事项编码 440100\\2d XK\\2d 00012\\2d 001\"; font-size: 8pt; color: #333; } }</style>"))
    }

    /// With a build date, printed pages say it bottom left, after the item's 版本 (the
    /// fixture's item has 版本 3); pages of no item say the date alone.
    @Test func printedPagesCarryVersionAndBuildDate() throws {
        var g = try SiteGenerator(catalog: Fixtures.nationalCatalog)
        g.buildDate = BuildDate(sourceDateEpoch: "1796205600")
        let dated = try g.files()
        let item = Fixtures.nationalCatalog.items.first { $0.national.version == 3 }!
        let guide = text(dated.public, "items/\(item.code)/index.html")
        #expect(guide.contains(
            " @bottom-left { content: \"版本 3 · 生成于 2026\\2d 12\\2d 02\"; font-size: 8pt; color: #333; } }</style>"))
        #expect(text(dated.public, "booklet.html").contains(
            "<style media=\"print\">@page { @top-left { content: \"\(Markup.cssString(Fixtures.nationalCatalog.name))\"; font-size: 8pt; color: #333; }"
                + " @bottom-left { content: \"生成于 2026\\2d 12\\2d 02\"; font-size: 8pt; color: #333; } }</style>"))
        // The same date again: the same bytes.
        #expect(try g.files().public == dated.public)
        // No date and no 版本: no footer of its own.
        #expect(!text(files.public, "items/\(code)/index.html").contains("@bottom-left"))
    }

    /// SOURCE_DATE_EPOCH to the UTC day; anything but ASCII digits, or after 9999, is refused.
    @Test func buildDateIsTheUTCDayOfTheEpochSeconds() {
        let days: [(String, String)] = [
            ("0", "1970-01-01"), ("86399", "1970-01-01"), ("86400", "1970-01-02"), ("951782400", "2000-02-29"),
            ("1796205600", "2026-12-02"), ("1796255999", "2026-12-02"), ("253402300799", "9999-12-31"),
        ]
        for (seconds, day) in days { #expect(BuildDate(sourceDateEpoch: seconds)?.description == day, "\(seconds)") }
        for bad in ["", "-1", "+1", " 1", "1.0", "1e9", "１２", "253402300800", "99999999999999"] {
            #expect(BuildDate(sourceDateEpoch: bad) == nil, "\(bad)")
        }
    }

    @Test func phonesAreTelLinks() {
        let guide = text(files.public, "items/\(code)/index.html")
        #expect(guide.contains("<a href=\"tel:02012345678\">020-12345678</a>"))
        #expect(LinkView(phone: "12333").isLink == false)
        #expect(LinkView(phone: "0755-8888 1234 转 8").href == "tel:075588881234")
        #expect(LinkView(phone: "+86 20 1234 5678").href == "tel:+862012345678")
        #expect(LinkView(phone: "javascript:alert(1)").isLink == false)
    }

    /// The notice numbers each material as the checklist does (免提交 ones are skipped, not renumbered).
    @Test func noticeKeepsTheChecklistNumbers() {
        let b = ViewBuilder(catalog: Fixtures.catalog)
        for item in Fixtures.catalog.items {
            let page = b.checklist(item)
            let all = page.materials?.entries ?? []
            let notice = page.noticeMaterials?.entries ?? []
            #expect(notice.map(\.number) == all.filter { !$0.isShareable }.map(\.number))
        }
    }

    @Test func guideHasGovernmentServiceJSONLD() throws {
        let guide = text(files.public, "items/\(code)/index.html")
        let open = "<script type=\"application/ld+json\">", close = "</script>"
        let start = try #require(guide.range(of: open))
        let end = try #require(guide.range(of: close, range: start.upperBound..<guide.endIndex))
        let json = String(guide[start.upperBound..<end.lowerBound])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        #expect(object["@type"] as? String == "GovernmentService")
        #expect(object["identifier"] as? String == code)
        let provider = try #require(object["provider"] as? [String: Any])
        #expect(provider["@type"] as? String == "GovernmentOrganization")
        #expect(provider["identifier"] as? String == "11440100MB2C123481")
        let channels = try #require(object["availableChannel"] as? [[String: Any]])
        #expect(channels.first?["@type"] as? String == "ServiceChannel")
        #expect((object["areaServed"] as? [String: Any])?["identifier"] as? String == "440100")
    }

    /// A hostile item name cannot leave the JSON-LD script.
    @Test func jsonLDOfAHostileNameStaysInItsScript() throws {
        var catalog = Fixtures.catalog
        catalog.items[0].name = "</script><script>alert(1)</script>\u{2028}"
        let guide = text(try SiteGenerator(catalog: catalog).publicFiles(), "items/\(catalog.items[0].code)/index.html")
        let scripts = guide.components(separatedBy: "<script").count - 1
        #expect(scripts == 1)
        #expect(guide.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u2028"))
    }

    @Test func windowListsAndBookletAreWrittenAndLinked() {
        for w in Fixtures.catalog.windows {
            let page = text(files.public, "windows/\(w.id).html")
            #expect(page.contains("<h1>\(w.name) · 受理清单</h1>"), "\(w.id)")
            #expect(text(files.internal, "windows/\(w.id).html").contains("internal-banner"))
            #expect(text(files.public, "index.html").contains("<a href=\"windows/\(w.id).html\">\(w.name)</a>"))
            #expect(text(files.internal, "index.html").contains("<a href=\"windows/\(w.id).html\">\(w.name)</a>"))
        }
        let jy = text(files.public, "windows/jy-1.html")
        for item in Fixtures.catalog.items where item.windowIDs.contains("jy-1") {
            #expect(jy.contains(item.code))
            for m in item.materials { #expect(jy.contains(Markup.escape(m.name)), "\(m.name)") }
        }
        let booklet = text(files.public, "booklet.html")
        #expect(booklet.contains("<nav class=\"toc\" aria-label=\"目录\">"))
        for item in Fixtures.catalog.items { #expect(booklet.contains(item.code)) }
        #expect(text(files.public, "index.html").contains("<a href=\"booklet.html\">审批清单</a>"))
    }

    /// The booklet's 事项类型 follow the standard (the profiles' code set, GB/T 39046-2020's
    /// without one), not the items' order; types it does not list come last by code point.
    @Test func bookletGroupsTypesInTheStandardsOrder() throws {
        func toc(_ catalog: Catalog) throws -> [String] {
            let booklet = text(try SiteGenerator(catalog: catalog).publicFiles(), "booklet.html")
            return booklet.components(separatedBy: "<li><a href=\"#type-").dropFirst().map {
                String($0.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" })
            }
        }
        var c = Fixtures.catalog
        let types = ["自定义乙", "公共服务", "自定义甲", "行政确认", "行政许可"]
        c.items = (0..<types.count).map { i in
            var item = Fixtures.example
            item.code = "440100-XK-0001\(i)-001"
            item.type = types[i]
            return item
        }
        c.bundles = []
        // 乙 (U+4E59) before 甲 (U+7532).
        #expect(try toc(c) == ["行政许可", "行政确认", "公共服务", "自定义乙", "自定义甲"])
        c.codeSets["事项类型"] = ["公共服务", "自定义乙", "行政许可"].map { CodeValue(name: $0) }
        #expect(try toc(c) == ["公共服务", "自定义乙", "行政许可", "自定义甲", "行政确认"])
    }

    /// On a phone a table shown as cards keeps its caption one block wide (the booklet's
    /// 实施机关 had come out one character a line at 390 px).
    @Test func cardTablesKeepTheirCaptionWide() {
        let css = text(files.public, "assets/site.css")
        let phone = css.components(separatedBy: "@media screen and (max-width: 640px) {")[1].components(separatedBy: "\n}\n")[0]
        #expect(phone.contains("\n  table.responsive caption { display: block; }\n"))
        #expect(text(files.public, "booklet.html").contains("<table class=\"booklet responsive\">\n<caption>"))
    }

    @Test func flowchartIsAlsoAStandaloneSVG() throws {
        let svg = text(files.public, "items/\(code)/flow.svg")
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(text(files.public, "items/\(code)/index.html").contains("<a href=\"flow.svg\">"))
        // No chart text below 12 px.
        var rest = Substring(svg)
        while let r = rest.range(of: "font-size=\"") {
            let value = rest[r.upperBound...].prefix { $0 != "\"" }
            #expect((Double(value) ?? 0) >= 12, "font-size \(value)")
            rest = rest[r.upperBound...]
        }
    }
}
