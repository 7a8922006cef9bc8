import Catalog
import Foundation
import Testing

@testable import Generators

/// Output of the fixture catalog, made once.
private let publicFiles = try! SiteGenerator(catalog: Fixtures.catalog).publicFiles()
private let internalFiles = try! SiteGenerator(catalog: Fixtures.catalog).internalFiles()

private func text(_ files: [OutputFile], _ path: String) -> String {
    guard let f = files.first(where: { $0.path == path }) else { return "" }
    return String(decoding: f.contents, as: UTF8.self)
}

@Suite struct SiteGeneratorTests {
    let code = Fixtures.exampleCode

    @Test func publicFileList() {
        let codes = Fixtures.catalog.items.map(\.code)
        var expected = ["index.html", "search-index.json", "search-index.js", "booklet.html", "assets/site.css", "assets/search.js", "assets/scenario.js"]
        expected += Fixtures.catalog.windows.map { "windows/\($0.id).html" }
        for c in codes { expected += ["items/\(c)/index.html", "items/\(c)/checklist.html", "items/\(c)/flow.html", "items/\(c)/flow.svg"] }
        expected += ["bundles/\(Fixtures.bundleCode)/index.html", "bundles/\(Fixtures.bundleCode)/checklist.html"]
        #expect(publicFiles.map(\.path) == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func internalFileList() {
        let expected = ["assets/site.css", "index.html"] + Fixtures.catalog.items.map { "items/\($0.code)/manual.html" }
            + Fixtures.catalog.windows.map { "windows/\($0.id).html" }
        #expect(internalFiles.map(\.path) == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test(arguments: ["index.html", "checklist.html"])
    func goldenPublicPages(page: String) throws {
        let name = page == "index.html" ? "guide.html" : page
        try Golden.check(Array(text(publicFiles, "items/\(code)/\(page)").utf8), name: name)
    }

    @Test func goldenManual() throws {
        try Golden.check(Array(text(internalFiles, "items/\(code)/manual.html").utf8), name: "manual.html")
    }

    @Test func goldenSiteIndex() throws {
        try Golden.check(Array(text(publicFiles, "index.html").utf8), name: "site-index.html")
    }

    @Test func everyPageParsesWithoutError() {
        for file in publicFiles + internalFiles where file.path.hasSuffix(".html") {
            let issues = HTMLCheck.issues(in: file.contents)
            #expect(issues.isEmpty, "\(file.path): \(issues)")
        }
    }

    @Test func everyPageHasTheCommonHead() {
        for file in publicFiles + internalFiles where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"), "\(file.path)")
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
            let depth = file.path.split(separator: "/").count - 1
            let root = String(repeating: "../", count: depth)
            #expect(html.components(separatedBy: "rel=\"stylesheet\"").count == 2, "\(file.path)")
            #expect(html.contains("<link rel=\"stylesheet\" href=\"\(root)assets/site.css\">"), "\(file.path)")
            // No external requests: nothing loads from another origin.
            for bad in ["src=\"http", "src=\"//", "href=\"//", "@import", "url(http"] {
                #expect(!html.contains(bad), "\(file.path) has \(bad)")
            }
        }
    }

    @Test func guideHasEveryPublicElementInOrder() {
        let html = text(publicFiles, "items/\(code)/index.html")
        let headings = [
            "办理事项", "办理流程", "要件资料", "窗口地点及时间", "办理时限", "审批收费", "办理依据",
            "申请人权利和义务", "咨询", "审批证件", "审批进程查询", "法律救济", "送达方式",
        ]
        var cursor = html.startIndex
        for h in headings {
            guard let r = html.range(of: "<h2>\(h)</h2>", range: cursor..<html.endIndex) else {
                Issue.record("heading \(h) missing or out of order")
                continue
            }
            cursor = r.upperBound
        }
        for fact in ["受理范围", "实施机关", "办件类型", "服务对象", "审批条件"] {
            #expect(html.contains("<th scope=\"row\">\(fact)</th>"), "\(fact)")
        }
        #expect(html.contains("压缩67%"))
        #expect(html.contains("<svg"))
        #expect(html.contains("申请 → 受理 → 审查 → 决定 → 制证 → 送达。按各环节时限累计，最长需要 <span class=\"nowrap\">10个工作日</span>"))
        #expect(html.contains("href=\"checklist.html\"") && html.contains("href=\"flow.html\""))
        // The other item asking for 营业执照 (材料库 yyzz) is linked.
        #expect(html.contains("href=\"../440100-XK-00031-000/index.html\">食品经营许可（新办）</a>"))
        #expect(html.contains("《<a href=\"https://www.example.gov.cn/laws/tzsbaqf\">中华人民共和国特种设备安全法</a>》 第三十三条"))
    }

    @Test func absentElementsLeaveNoHeading() {
        let html = text(publicFiles, "items/440100-GG-00007-000/index.html")
        for h in ["办理依据", "申请人权利和义务", "审批证件", "审批进程查询", "法律救济", "窗口地点及时间"] where h != "窗口地点及时间" {
            #expect(!html.contains("<h2>\(h)</h2>"), "\(h)")
        }
        #expect(!html.contains("<th scope=\"row\">受理范围</th>"))
        #expect(!html.contains("<h2></h2>"))
        // 即办: promised immediately, compressed fully against 5 working days.
        #expect(html.contains(">即办<"))
    }

    @Test func checklistSpellsOutWhatToCollect() {
        let html = text(publicFiles, "items/\(code)/checklist.html")
        #expect(html.contains("<td class=\"collect\" data-label=\"收取要求\">收原件2份（纸质或电子版均可）</td>"))
        #expect(html.contains("<td class=\"collect\" data-label=\"收取要求\">免提交（窗口通过数据共享调取）</td>"))
        #expect(html.contains("<td class=\"collect\" data-label=\"收取要求\">原件核验后退回，收复印件1份</td>"))
        #expect(html.contains("仅当：委托他人办理的"))
        #expect(html.contains("容缺后补"))
        #expect(html.components(separatedBy: "<input type=\"checkbox\"").count == 4)  // 3 to collect, 1 fetched
        #expect(html.contains("一次性告知单"))
        #expect(html.contains("第三十二条"))
        #expect(html.contains("请一次性补齐"))
        #expect(html.contains("受理人员：") && html.contains("年<span class=\"blank tiny\"></span>月"))
        #expect(html.contains("咨询电话：<a href=\"tel:02012345678\">020-12345678</a>"))
        #expect(html.contains("经营类综合受理窗口（某某市政务服务中心二楼A区）"))
        // A non-licensing item does not cite 行政许可法.
        let other = text(publicFiles, "items/440100-GG-00007-000/checklist.html")
        #expect(!other.contains("行政许可法"))
        #expect(other.contains("一次性告知"))
    }

    @Test func noticeStartsOnItsOwnPrintedPage() throws {
        let css = text(publicFiles, "assets/site.css")
        #expect(css.contains("@page {\n  size: A4;"))
        #expect(css.contains(".notice { break-before: page; page-break-before: always;"))
        #expect(text(publicFiles, "items/\(code)/checklist.html").contains("<section class=\"sheet notice\""))
    }

    @Test func manualHasEveryElementOfTheBusinessManual() {
        let html = text(internalFiles, "items/\(code)/manual.html")
        let headings = [
            "受理范围", "办理依据", "实施机关", "审批条件", "申请材料", "审批证件", "审批时间", "审批收费",
            "审批咨询", "审批人员", "审批流程", "审批进程查询", "监督检查",
        ]
        var cursor = html.startIndex
        for h in headings {
            guard let r = html.range(of: "<h2>\(h)</h2>", range: cursor..<html.endIndex) else {
                Issue.record("heading \(h) missing or out of order")
                continue
            }
            cursor = r.upperBound
        }
        #expect(html.contains("内部资料"))
        #expect(html.contains("设备代码与监督检验证书一致。"))
        #expect(html.contains("<table class=\"steps responsive\">"))
        #expect(html.contains("否（不计时）"))
        #expect(html.contains("廉政风险点 <span class=\"tag tag-internal\">内部</span>"))
    }

    @Test func siteIndexGroupsByCategoryAndAgency() {
        let html = text(publicFiles, "index.html")
        // 食品经营许可 is at a 经营类 and a 综合 window: listed under both.
        #expect(html.contains("<h3 id=\"category-2\">经营类<span class=\"count\">2 项</span></h3>"))
        #expect(html.contains("<h3 id=\"category-3\">公民类<span class=\"count\">1 项</span></h3>"))
        #expect(html.contains("<h3 id=\"category-4\">综合<span class=\"count\">1 项</span></h3>"))
        #expect(!html.contains("工程类"))
        #expect(html.contains("某某市市场监督管理局<span class=\"count\">2 项</span>"))
        #expect(html.contains("<h3 id=\"shared-1\">营业执照 <span class=\"tag tag-shared\">免提交</span><span class=\"count\">2 个事项</span></h3>"))
        #expect(html.contains("<div id=\"search\" class=\"search\" role=\"search\" hidden>"))
        #expect(html.contains("<script src=\"assets/search.js\"></script>"))
    }

    @Test func searchIndexListsNamesCodesAndMaterials() throws {
        struct Index: Decodable {
            struct Entry: Decodable { var code, name, url: String; var materials: [String]; var categories: [String] }
            var items: [Entry]
        }
        let file = try #require(publicFiles.first { $0.path == "search-index.json" })
        let index = try JSONDecoder().decode(Index.self, from: Data(file.contents))
        #expect(index.items.map(\.code) == Fixtures.catalog.items.map(\.code))
        let food = try #require(index.items.first { $0.code == "440100-XK-00031-000" })
        #expect(food.materials.contains("营业执照"))
        #expect(food.categories == ["经营类", "综合"])
        #expect(food.url == "items/440100-XK-00031-000/index.html")
    }

    @Test func searchScriptIsSmallPlainES5() {
        let js = text(publicFiles, "assets/search.js")
        #expect(js.utf8.count < 4 * 1024)
        for modern in ["=>", "let ", "const ", "fetch(", "innerHTML", "`"] {
            #expect(!js.contains(modern), "\(modern)")
        }
    }

    @Test func generationIsDeterministic() throws {
        let again = try SiteGenerator(catalog: Fixtures.catalog)
        #expect(try again.publicFiles() == publicFiles)
        #expect(try again.internalFiles() == internalFiles)
    }
}

@Suite struct ScaleTests {
    /// Many items sharing one material: each guide links a few, the index has them all.
    @Test func sharedMaterialLinksAreCapped() throws {
        var c = Fixtures.catalog
        let template = Fixtures.foodLicence
        c.items = (0..<40).map { i in
            var item = template
            item.code = "440100-XK-\(String(format: "%05d", i))-000"
            item.name = "事项\(i)"
            return item
        }
        let files = try SiteGenerator(catalog: c).publicFiles()
        let guide = try #require(files.first { $0.path == "items/440100-XK-00000-000/index.html" })
        let html = String(decoding: guide.contents, as: UTF8.self)
        #expect(html.components(separatedBy: "<a href=\"../440100-XK-").count - 1 == ViewBuilder.maxSharedLinks)
        #expect(html.contains("<a href=\"../../index.html#shared-1\">等共 39 个事项</a>"))
        let index = try #require(files.first { $0.path == "index.html" })
        #expect(String(decoding: index.contents, as: UTF8.self).contains("<span class=\"count\">40 个事项</span>"))
    }
}
