import Catalog
import Foundation
import TestSupport
import Testing

@testable import Generators

/// The questionnaire in headless Chromium, from file:// (a kiosk, a USB copy): the choice in
/// the page address shows and hides the materials that depend on it. Skipped where no
/// Chromium is installed (CI installs it).
@Suite struct ScenarioChromiumTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM of the page at `path` of the built fixture site, opened with `query`.
    static func dom(_ path: String, query: String, in folder: String) throws -> String {
        try runProcess(
            try #require(chromium),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder)/profile",
                "--virtual-time-budget=3000", "--dump-dom", "file://\(folder)/site/\(path)\(query)",
            ]).stdout
    }

    static func encoded(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

    @Test(.enabled(if: chromium != nil, "needs Chromium"))
    func agentShowsTheLetterOfAuthorityAndInPersonHidesIt() throws {
        var files: [String: [UInt8]] = [:]
        for f in try SiteGenerator(catalog: Fixtures.scenarioCatalog).publicFiles() { files["site/" + f.path] = f.contents }
        let folder = try makeFolder(files)
        let guide = "items/\(Fixtures.scenarioCode)/index.html"
        let letter = "<tr data-when=\"agent=1\"><td class=\"num\" data-label=\"序号\" data-n=\"3\">3</td><th scope=\"row\" data-label=\"材料名称\">授权委托书"

        let agent = try Self.dom(guide, query: "?agent=" + Self.encoded("委托他人办理"), in: folder)
        #expect(agent.contains(letter), "\(agent.suffix(3000))")
        #expect(agent.contains("<div class=\"questionnaire\" id=\"scenario\" data-variants=\"form=1\">"))
        #expect(agent.contains("按已回答的问题，您需要准备 5 项材料（另有 1 项免提交）；还有问题没有回答。"))
        // The links to the checklist take the answers along.
        #expect(agent.contains("<a href=\"checklist.html?agent=%E5%A7%94%E6%89%98%E4%BB%96%E4%BA%BA%E5%8A%9E%E7%90%86\" data-href=\"checklist.html\">受理清单</a>"))

        // Unknown parameters and an option that does not exist are ignored.
        let inPerson = try Self.dom(
            guide, query: "?x=%E0%A4&agent=" + Self.encoded("本人办理") + "&form=" + Self.encoded("个人经营") + "&form=nope", in: folder)
        #expect(inPerson.contains("<tr data-when=\"agent=1\" hidden=\"\"><td class=\"num\" data-label=\"序号\" data-n=\"3\">3</td><th scope=\"row\" data-label=\"材料名称\">授权委托书"))
        #expect(inPerson.contains("按您的情形，您需要准备 2 项材料（另有 1 项免提交）。"))
        // The exempt material after the hidden ones is numbered 3 now.
        #expect(inPerson.contains("<td class=\"num\" data-label=\"序号\" data-n=\"6\">3</td>"))
        // 情形差异: 个人经营 keeps the item's own 办件类型.
        #expect(inPerson.contains("<span class=\"variant\" data-variant=\"0\" hidden=\"\">承诺件"))
        // … and its own 到现场次数 in 办理须知.
        #expect(inPerson.contains("<span class=\"variant\" data-variant=\"0\" hidden=\"\">1次 <span class=\"tag tag-badge\">最多跑一次</span>"))
        // The flow of this case: its chart and its critical path, without 核验委托.
        #expect(inPerson.contains("<p class=\"critical-summary\" data-case=\"0\"><span class=\"tag tag-critical\">关键路径</span> 按您的情形：申请 → 受理并办结。"))
        #expect(inPerson.contains("<p class=\"critical-summary\" data-case=\"default\" hidden=\"\">"))
        #expect(inPerson.contains("<div data-case=\"0\"><svg"))
        #expect(inPerson.contains("<div data-case=\"default\" hidden=\"\"><svg"))
        // While a question the flow depends on is open, the whole flow shows.
        #expect(agent.contains("<p class=\"critical-summary\" data-case=\"default\"><span"))
        #expect(agent.contains("<p class=\"critical-summary\" data-case=\"2\" hidden=\"\">"))

        // The checklist's notice names the case.
        let notice = try Self.dom(
            "items/\(Fixtures.scenarioCode)/checklist.html", query: "?form=" + Self.encoded("家庭经营"), in: folder)
        #expect(notice.contains("申请情形：<span data-scenario-summary=\"\" data-default=\"未选择，按所有情形的材料告知\">经营形式 — 家庭经营</span>"))
        #expect(notice.contains("<span class=\"variant\" data-variant=\"0\">承诺件"))
        #expect(notice.contains("<span class=\"variant\" data-variant=\"default\" hidden=\"\">即办件"))
    }

    /// A 一件事's counts follow the choice: the figure, the lead and the checklist's heading.
    @Test(.enabled(if: chromium != nil, "needs Chromium"))
    func bundleCountsFollowTheChoice() throws {
        var files: [String: [UInt8]] = [:]
        for f in try SiteGenerator(catalog: Fixtures.scenarioBundleCatalog).publicFiles() { files["site/" + f.path] = f.contents }
        let folder = try makeFolder(files)
        let all = try Self.dom("bundles/440100-YJS-009/index.html", query: "", in: folder)
        let inPerson = try Self.dom("bundles/440100-YJS-009/index.html", query: "?agent=" + Self.encoded("本人办理"), in: folder)
        let total = try #require(all.firstMatch(of: /各种情形合计<\/span><span data-if-answered="" hidden="">按您的情形<\/span>共 <span data-count="shown">(\d+)<\/span> 项/)).1
        let mine = try #require(inPerson.firstMatch(of: /按您的情形<\/span>共 <span data-count="shown">(\d+)<\/span> 项/)).1
        #expect(Int(mine)! == Int(total)! - 2, "授权委托书 and 受托人身份证件 are an agent's only")
        #expect(inPerson.contains("<div class=\"limit-value\"><span data-count=\"shown\">\(mine)</span> 项</div>"))
        let checklist = try Self.dom("bundles/440100-YJS-009/checklist.html", query: "?agent=" + Self.encoded("本人办理"), in: folder)
        #expect(checklist.contains("按所选情形</span>共 <span data-count=\"shown\">\(mine)</span> 项"), "\(checklist.prefix(4000))")
    }
}
