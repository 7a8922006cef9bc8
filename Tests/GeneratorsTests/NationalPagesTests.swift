import Catalog
import Foundation
import Testing

@_spi(Benchmarks) @testable import Generators

/// The national 实施清单 elements on the guide, the checklist and the manual.
private let publicFiles = try! SiteGenerator(catalog: Fixtures.nationalCatalog).publicFiles()
private let internalFiles = try! SiteGenerator(catalog: Fixtures.nationalCatalog).internalFiles()

private func text(_ files: [OutputFile], _ path: String) -> String {
    guard let f = files.first(where: { $0.path == path }) else { return "" }
    return String(decoding: f.contents, as: UTF8.self)
}

/// Records each of `pieces` missing from `text` or found before the one ahead of it.
private func expectInOrder(_ text: String, _ pieces: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    var at = text.startIndex
    for piece in pieces {
        guard let r = text.range(of: piece, range: at..<text.endIndex) else {
            Issue.record("missing or out of order: \(piece)", sourceLocation: sourceLocation)
            continue
        }
        at = r.upperBound
    }
}

@Suite struct NationalPagesTests {
    let guide = text(publicFiles, "items/\(Fixtures.nationalCode)/index.html")
    let checklist = text(publicFiles, "items/\(Fixtures.nationalCode)/checklist.html")
    let manual = text(internalFiles, "items/\(Fixtures.nationalCode)/manual.html")

    @Test func goldens() throws {
        try Golden.check(Array(guide.utf8), name: "national-guide.html")
        try Golden.check(Array(checklist.utf8), name: "national-checklist.html")
        try Golden.check(Array(manual.utf8), name: "national-manual.html")
    }

    @Test func everyPageParses() {
        for file in publicFiles + internalFiles where file.path.hasSuffix(".html") {
            #expect(HTMLCheck.issues(in: file.contents).isEmpty, "\(file.path)")
        }
    }

    /// Adding a national item changes nothing on the pages of an item without national
    /// elements that shares nothing with it.
    @Test func otherItemsPagesAreUnchanged() throws {
        let old = try SiteGenerator(catalog: Fixtures.catalog).publicFiles()
        for file in old where file.path.hasPrefix("items/\(Fixtures.immediate.code)/") {
            #expect(text(publicFiles, file.path) == String(decoding: file.contents, as: UTF8.self), "\(file.path)")
        }
    }

    @Test func guideOpensWithTheNoticeInOrder() throws {
        let order = [
            "<h2>办理须知</h2>", "到现场次数</th><td>1次 <span class=\"tag tag-badge\">最多跑一次</span>",
            "必须现场办理的原因：需现场核验经营者身份并签署承诺。", "网上办理</th><td>可网上办理",
            "<a href=\"https://www.gdzwfw.gov.cn/\">", "通办范围</th><td>全市",
            "法定办结时限</th><td>法律法规未规定<div class=\"note\">法律法规未规定办理时限，按本机关承诺时限办理。</div>",
            "承诺办结时限</th><td>5个工作日<div class=\"note\">材料齐全的，当场作出决定。</div>",
            "收费</th><td>工本费：0元", "<h2>办理事项</h2>", "<h2>办理时限</h2>", "<h2>特别程序</h2>",
            "以下特别程序所需时间不计算在办理时限内。", "<h2>审批收费</h2>", "<h2>审批结果</h2>",
            "<a href=\"../../attachments/samples/%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5%E8%AE%B8%E5%8F%AF%E8%AF%81%20%E6%A0%B7%E6%9C%AC.pdf\">食品经营许可证 样本.pdf</a>",
            "送达方式</th><td>窗口领取、邮寄送达、电子送达", "<h2>监督投诉</h2>", "<a href=\"tel:12345\">12345</a>",
            "<h2>常见问题</h2>", "<dt>可以委托他人办理吗？</dt>", "<p>三年内不得再适用告知承诺。</p>",
            "<h2>数量限制</h2>", "本指南版本：第3版 · 生效日期 2025-01-01",
        ]
        expectInOrder(guide, order)
        #expect(guide.contains("<tr><th scope=\"row\" data-label=\"种类\">公示</th><td data-label=\"时限\">7日</td><td class=\"empty\" data-label=\"依据\">—</td>"))
        #expect(guide.contains("《<a href=\"\">") == false)
        #expect(!guide.contains("<h2>审批证件</h2>"))
    }

    @Test func guideMaterialsShowCountsFormsAndReasons() {
        #expect(guide.contains("data-label=\"形式\">核验原件</td><td class=\"short\" data-label=\"份数\">复印件1份</td>"))
        #expect(guide.contains("<span class=\"form-link\"><a href=\"../../attachments/forms/%E7%94%B3%E8%AF%B7%E4%B9%A6.docx\">空表</a></span>"))
        #expect(guide.contains("<div class=\"note\">免提交（电子证照）</div>"))
        #expect(guide.contains("<div class=\"note\">容缺后补期限：受理后5个工作日内补交。</div>"))
        #expect(guide.contains("<div class=\"note\">告知承诺书：代替经营场所使用证明。</div>"))
        #expect(guide.contains("标注“免提交”的材料无需提交（由窗口通过数据共享或电子证照调取，或以告知承诺书代替）。"))
    }

    @Test func checklistSaysWhatToCollectAndWhy() {
        #expect(checklist.contains("到现场次数</th><td>1次 <span class=\"tag tag-badge\">最多跑一次</span>"))
        #expect(checklist.contains("告知承诺</th><td>申请人签署《告知承诺书》，代替经营场所使用证明，免于提交<div class=\"note\">核查：作出决定之日起30日内现场核查。</div>"))
        #expect(checklist.contains("<td class=\"collect\" data-label=\"收取要求\">收原件1份</td>"))
        #expect(checklist.contains("<td class=\"collect\" data-label=\"收取要求\">核验原件后当场退回，收复印件1份</td>"))
        #expect(checklist.contains("<td class=\"collect\" data-label=\"收取要求\">免提交（窗口调取电子证照）</td>"))
        #expect(checklist.contains("<div>由窗口调取电子证照，申请人无需提交。</div>"))
        #expect(checklist.contains("<td class=\"collect\" data-label=\"收取要求\">免提交（以告知承诺书代替）</td>"))
        #expect(checklist.contains("<div>以告知承诺书代替，申请人无需提交。</div>"))
        #expect(checklist.contains("<div>容缺后补期限：受理后5个工作日内补交。</div>"))
        #expect(checklist.contains("法定时限</th><td>法律法规未规定</td>"))
        // The one-time notice lists what can be missing: not the 免提交 ones.
        let notice = String(checklist[checklist.range(of: "id=\"notice-title\"")!.lowerBound...])
        #expect(notice.contains("经营者身份证件") && !notice.contains("经营场所使用证明"))
    }

    @Test func manualHasTheImplementationListElements() {
        let order = [
            "<h2>实施清单要素</h2>", "基本编码</th><td>000104002000", "实施编码</th><td>11440100MB2C1234813000104002000",
            "业务办理项</th><td>企业申请<div class=\"note\">11440100MB2C123481300010400200001</div>",
            "行使层级</th><td>市级（3）", "实施主体性质</th><td>法定机关（1）", "权力来源</th><td>上级委托（5）",
            "委托部门</th><td>某某市人力资源和社会保障局", "联办机构</th><td>某某市人力资源和社会保障局",
            "到现场次数</th><td>1次 <span class=\"tag tag-badge\">最多跑一次</span><div class=\"note\">必须现场办理原因：",
            "网上办理深度</th><td>互联网咨询（1）、互联网收件（2）、互联网预审（3）、互联网受理（4）、互联网办理（5）",
            "网办地址</th><td>https://www.gdzwfw.gov.cn/", "通办范围</th><td>全市", "审批结果类型</th><td>证照（10）",
            "告知承诺</th><td>申请人签署《告知承诺书》", "数量限制</th><td>无", "版本</th><td>第3版", "生效日期</th><td>2025-01-01",
            "<h2>特别程序</h2>", "<h2>审批结果</h2>", "<h2>监督投诉</h2>", "<h2>常见问题</h2>",
        ]
        expectInOrder(manual, order)
    }

    @Test func badgesAndWords() {
        #expect(ViewBuilder.visitsBadge(0) == "零跑动" && ViewBuilder.visitsBadge(1) == "最多跑一次")
        #expect(ViewBuilder.visitsBadge(2) == nil && ViewBuilder.visitsText(3) == "多次")
        #expect(ViewBuilder.onlineWords(["互联网咨询", "互联网收件"]) == "可网上提交材料")
        #expect(ViewBuilder.onlineWords([]) == nil)
        #expect(ViewBuilder.phoneLink("020-1234 5678").href == "tel:02012345678")
        #expect(ViewBuilder.phoneLink("12345转1").isLink == false)
        #expect(ViewBuilder.attachmentLink("../x.pdf", text: "x") == nil)
        #expect(ViewBuilder.attachmentLink("/etc/passwd", text: "x") == nil)
        #expect(ViewBuilder.attachmentLink("a//b.pdf", text: "x") == nil)
        #expect(ViewBuilder.attachmentLink("a b/c\"<.pdf", text: "x")?.href == "../../attachments/a%20b/c%22%3C.pdf")
    }

    @Test func fastRendererAgrees() throws {
        let fast = try SiteGenerator(catalog: Fixtures.nationalCatalog, theme: .standard, exporters: [], fastRendering: true)
        let reference = try SiteGenerator(catalog: Fixtures.nationalCatalog, theme: .standard, exporters: [], fastRendering: false)
        #expect(fast.fastLibrary != nil)
        #expect(try fast.publicFiles() == reference.publicFiles())
        #expect(try fast.internalFiles() == reference.internalFiles())
    }
}
