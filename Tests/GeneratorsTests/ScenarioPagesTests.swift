import Catalog
import Foundation
import Testing

@testable import Generators

/// 情形 on the pages of ``Fixtures/scenarioItem``: the questionnaire, the words that say when
/// an entry applies, and the data `assets/scenario.js` reads.
@Suite struct ScenarioPagesTests {
    static let files = try! SiteGenerator(catalog: Fixtures.scenarioCatalog).publicFiles()
    static let dir = "items/\(Fixtures.scenarioCode)/"

    static func text(_ path: String, in files: [OutputFile] = files) -> String {
        files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
    }

    let guide = text(dir + "index.html")

    /// The guide of `item` (a variant of ``Fixtures/scenarioItem``) in the fixture catalog.
    static func guide(of item: Item) throws -> String {
        var catalog = Fixtures.catalog
        catalog.items = (catalog.items + [item]).sorted { $0.code < $1.code }
        return text(dir + "index.html", in: try SiteGenerator(catalog: catalog).publicFiles())
    }
    let checklist = text(dir + "checklist.html")
    let flow = text(dir + "flow.html")

    @Test func goldens() throws {
        try Golden.check(Array(guide.utf8), name: "scenario-guide.html")
        try Golden.check(Array(checklist.utf8), name: "scenario-checklist.html")
    }

    /// The other items' pages are what they were without the new item.
    @Test func itemsWithoutScenariosAreUnchanged() throws {
        let old = try SiteGenerator(catalog: Fixtures.catalog).publicFiles()
        for file in old where file.path.hasPrefix("items/") {
            #expect(Self.text(file.path) == String(decoding: file.contents, as: UTF8.self), "\(file.path)")
            #expect(!Self.text(file.path).contains("scenario"), "\(file.path)")
        }
    }

    /// (FastMustacheTests holds the two renderers to the same pages of this catalog.)
    @Test func pagesParse() throws {
        for page in ["index.html", "checklist.html", "flow.html"] {
            #expect(HTMLCheck.issues(in: Array(Self.text(Self.dir + page).utf8)).isEmpty, "\(page)")
        }
    }

    @Test func guideAsksTheQuestionsAtTheTopOfTheMaterials() {
        let materials = guide.range(of: "<h2>要件资料</h2>")!.upperBound
        let form = guide.range(of: "<div class=\"questionnaire\" id=\"scenario\" data-variants=\"form=1\" hidden>")!
        #expect(form.lowerBound > materials && form.lowerBound < guide.range(of: "<table class=\"materials")!.lowerBound)
        #expect(guide.contains("<fieldset class=\"q\">\n<legend>是否委托他人办理？</legend>"))
        #expect(guide.contains(
            "<label class=\"q-option\"><input type=\"radio\" name=\"scenario-agent\" value=\"委托他人办理\" data-question=\"agent\" data-option=\"1\"> 委托他人办理</label>"))
        #expect(guide.contains("<script src=\"../../assets/scenario.js\"></script>"))
    }

    /// Without script every entry shows, the conditional ones labelled in words.
    @Test func conditionalEntriesAreLabelledInWords() {
        #expect(guide.contains("<tr data-when=\"agent=1\"><td class=\"num\" data-label=\"序号\">3</td><th scope=\"row\" data-label=\"材料名称\">授权委托书<div class=\"scenario-when\">仅当：是否委托他人办理？— 委托他人办理</div></th>"))
        #expect(guide.contains("<li data-when=\"form=1\">参加经营的家庭成员姓名一并登记。<div class=\"scenario-when\">仅当：经营形式 — 家庭经营</div></li>"))
        #expect(guide.contains("<tr data-when=\"agent=1\"><th scope=\"row\" data-label=\"收费项目\">邮寄费<div class=\"scenario-when\">仅当：是否委托他人办理？— 委托他人办理</div></th>"))
        #expect(guide.contains("<li class=\"critical\" data-when=\"agent=1\"><strong>核验委托</strong><span class=\"meta scenario-when\">仅当：是否委托他人办理？— 委托他人办理</span>"))
        #expect(guide.contains("<td data-variant-group=\"\"><span class=\"variant\" data-variant=\"default\">即办件<span class=\"scenario-when\">（其他情形）</span></span><span class=\"variant\" data-variant=\"0\">承诺件<span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span></span></td>"))
        #expect(guide.contains("<span class=\"variant\" data-variant=\"0\">3个工作日<span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span></span>"))
        // The share saved is worked out from one scenario's limits only, so it is left out.
        #expect(!guide.contains("承诺比法定时限"))
    }

    @Test func checklistAsksTheSameQuestionsAndTheNoticeNamesTheScenario() {
        #expect(checklist.contains("<legend>经营形式</legend>"))
        #expect(checklist.contains("<p class=\"notice-scenario\">申请情形：<span data-scenario-summary=\"\">未选择，按所有情形的材料告知</span></p>"))
        #expect(checklist.contains("<tr data-when=\"agent=1\"><td class=\"box-col\"><span class=\"box\" aria-hidden=\"true\"></span></td><td class=\"num\">3</td><th scope=\"row\">授权委托书"))
        #expect(checklist.contains("<script src=\"../../assets/scenario.js\"></script>"))
    }

    /// The flowchart tags the step only an agent goes through, with the option's words.
    @Test func flowchartTagsTheScenarioStep() {
        #expect(flow.contains("<g class=\"zn-step zn-scenario zn-critical\" data-step=\"核验委托\">"))
        #expect(flow.contains(">仅当：委托他人办理</text>"))
        #expect(flow.contains("<div class=\"scenario-when\">仅当：是否委托他人办理？— 委托他人办理</div>"))
    }

    @Test func scriptIsPublishedOnlyForThePublic() throws {
        let g = try SiteGenerator(catalog: Fixtures.scenarioCatalog)
        #expect(Self.files.contains { $0.path == "assets/scenario.js" })
        #expect(!(try g.internalFiles()).contains { $0.path == "assets/scenario.js" })
    }

    /// The script sets no HTML from data and uses no inline handlers or eval.
    @Test func scriptWritesTextOnly() throws {
        let js = String(decoding: try Theme.bundledFile(named: "scenario.js"), as: UTF8.self)
        for banned in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(", "setAttribute('on"] {
            #expect(!js.contains(banned), "\(banned)")
        }
    }

    /// A 一件事 asks its members' merged questions and filters the merged materials.
    @Test func bundlePagesAskTheMergedQuestions() throws {
        let files = try SiteGenerator(catalog: Fixtures.scenarioBundleCatalog).publicFiles()
        let guide = Self.text("bundles/440100-YJS-009/index.html", in: files)
        let checklist = Self.text("bundles/440100-YJS-009/checklist.html", in: files)
        for page in [guide, checklist] {
            #expect(HTMLCheck.issues(in: Array(page.utf8)).isEmpty)
            #expect(page.contains("<legend>是否委托他人办理？</legend>"))
            #expect(page.contains("<legend>经营形式</legend>"))
            #expect(page.contains("<script src=\"../../assets/scenario.js\"></script>"))
        }
        // One 授权委托书 for both members, needed only with an agent.
        #expect(guide.components(separatedBy: ">授权委托书<").count == 2)
        #expect(guide.contains("<tr data-when=\"agent=1\"><td class=\"num\" data-label=\"序号\">"))
        #expect(guide.contains("<div class=\"scenario-when\">仅当：是否委托他人办理？— 委托他人办理</div>"))
        #expect(checklist.contains("<p class=\"notice-scenario\">申请情形：<span data-scenario-summary=\"\">未选择，按所有情形的材料告知</span></p>"))
        // A member's 承诺 differs by 经营形式: the critical path of each case, and the member
        // table says its promise varies.
        #expect(guide.contains("<div data-case-group=\"\" data-cases=\"form=0 form=1\">"), "\(guide)")
        #expect(guide.contains("<p class=\"critical-summary\" data-case=\"1\" hidden><span class=\"tag tag-critical\">关键路径</span> 按您的情形："))
        #expect(guide.contains("即办（因情形而异）"))
        #expect(guide.contains("（按各事项自身的承诺计算；部分事项的承诺因情形而不同，见各事项的办事指南。）"))
    }

    /// Alternatives of a merged material are joined with 或者 in words and `|` in the data.
    @Test func mergedAlternativesReadAsOr() {
        let words = ScenarioWords(questions: Fixtures.scenarioItem.questions)
        let tag = words.tag(anyOf: [Fixtures.when(("agent", ["委托他人办理"])), Fixtures.when(("form", ["家庭经营"]))])
        #expect(tag?.whenData == "agent=1|form=1")
        #expect(tag?.whenText == "是否委托他人办理？— 委托他人办理；或者 经营形式 — 家庭经营")
        #expect(words.tag(anyOf: nil) == nil)
    }

    /// 办理须知 at the top says what differs by scenario as the 办理事项 table does: the
    /// item's own value, then each 情形差异 value with its 仅当; a fee only some pay is a line
    /// of its own with its 仅当, never added to the others.
    @Test func noticeValuesDifferByScenario() {
        #expect(guide.contains("<tr><th scope=\"row\">到现场次数</th><td data-variant-group=\"\"><span class=\"variant\" data-variant=\"default\">0次 <span class=\"tag tag-badge\">零跑动</span><span class=\"scenario-when\">（其他情形）</span></span><span class=\"variant\" data-variant=\"0\">1次 <span class=\"tag tag-badge\">最多跑一次</span><span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span></span></td></tr>"))
        #expect(guide.contains("<tr><th scope=\"row\">承诺办结时限</th><td data-variant-group=\"\"><span class=\"variant\" data-variant=\"default\">即办<span class=\"scenario-when\">（其他情形）</span></span><span class=\"variant\" data-variant=\"0\">3个工作日<span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span></span></td></tr>"))
        #expect(guide.contains("<tr><th scope=\"row\">收费</th><td><div>登记费：0元</div><div data-when=\"agent=1\">邮寄费：按实收取<span class=\"scenario-when\">（仅当：是否委托他人办理？— 委托他人办理）</span></div></td></tr>"))
        // The checklist's own line on 到现场次数 too.
        #expect(checklist.contains("<span class=\"variant\" data-variant=\"0\">1次 <span class=\"tag tag-badge\">最多跑一次</span>"))
    }

    /// Where 情形 change the steps, the chart and the critical path of each case are on the
    /// page, hidden, after the whole flow's: the script shows the case answered.
    @Test func flowOfEachCase() {
        let group = "<div data-case-group=\"\" data-cases=\"agent=0;form=0 agent=0;form=1 agent=1;form=0 agent=1;form=1\">"
        #expect(guide.components(separatedBy: group).count == 3, "the chart's group and the sentence's")
        #expect(guide.contains(group + "<div data-case=\"default\"><svg"))
        #expect(guide.contains("<p class=\"critical-summary\" data-case=\"default\"><span class=\"tag tag-critical\">关键路径</span> 申请 → 核验委托 → 受理并办结。"))
        #expect(guide.contains("<p class=\"critical-summary\" data-case=\"0\" hidden><span class=\"tag tag-critical\">关键路径</span> 按您的情形：申请 → 受理并办结。按各环节时限累计，最长需要 <span class=\"nowrap\">即办</span>（承诺办结时限 <span class=\"nowrap\">即办</span>）</p>"))
        #expect(guide.contains("<p class=\"critical-summary\" data-case=\"3\" hidden><span class=\"tag tag-critical\">关键路径</span> 按您的情形：申请 → 核验委托 → 受理并办结。按各环节时限累计，最长需要 <span class=\"nowrap\">即办</span>（承诺办结时限 <span class=\"nowrap\">3个工作日</span>）</p>"))
        // The case without an agent is drawn without 核验委托.
        let case0 = guide.components(separatedBy: "<div data-case=\"0\" hidden>")[1].components(separatedBy: "</svg>")[0]
        #expect(!case0.contains("核验委托") && case0.contains("受理并办结"))
        // Every chart defines its own ids.
        let ids = guide.matches(of: /<marker id="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count && ids.count > 4)
        // The standalone chart page shows the whole flow only.
        #expect(!flow.contains("data-case"))
    }

    /// "以下事项也需要此材料" follows its material: the same 仅当 and a number the script renumbers.
    @Test func alsoUsedByFollowsItsMaterial() throws {
        var catalog = Fixtures.scenarioBundleCatalog
        for i in catalog.items.indices {
            for j in catalog.items[i].materials.indices where catalog.items[i].materials[j].name == "授权委托书" {
                catalog.items[i].materials[j].libraryID = "weituoshu"
            }
        }
        let files = try SiteGenerator(catalog: catalog).publicFiles()
        let guide = Self.text(Self.dir + "index.html", in: files)
        #expect(guide.contains("<li data-when=\"agent=1\"><span class=\"num\">3</span>. 授权委托书：以下事项也需要此材料"))
    }

    /// The 业务手册 lists the questions for staff and labels every entry that applies only in
    /// some scenarios, as the guide does without script.
    @Test func manualLabelsEveryScenarioEntry() throws {
        let files = try SiteGenerator(catalog: Fixtures.scenarioCatalog).internalFiles()
        let manual = Self.text(Self.dir + "manual.html", in: files)
        #expect(HTMLCheck.issues(in: Array(manual.utf8)).isEmpty)
        #expect(manual.contains("<tr><th scope=\"row\">是否委托他人办理？</th><td class=\"nowrap\">agent</td><td>本人办理、委托他人办理</td></tr>"))
        #expect(manual.contains("授权委托书<div class=\"scenario-when\">仅当：是否委托他人办理？— 委托他人办理</div></th>"))
        #expect(manual.contains("<li>参加经营的家庭成员姓名一并登记。<div class=\"scenario-when\">仅当：经营形式 — 家庭经营</div></li>"))
        #expect(manual.contains("邮寄费<div class=\"scenario-when\">仅当：是否委托他人办理？— 委托他人办理</div></th>"))
        #expect(manual.contains("<tr><th scope=\"row\">办件类型</th><td>即办件<span class=\"scenario-when\">（其他情形）</span><span class=\"variant\" data-variant=\"0\">承诺件<span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span></span></td></tr>"))
        #expect(manual.contains("<span class=\"variant\" data-variant=\"0\">3个工作日<span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span></span>"))
        #expect(manual.contains("<span class=\"variant\" data-variant=\"0\">1次 <span class=\"tag tag-badge\">最多跑一次</span>"))
    }

    /// A 承诺 that differs by scenario with the same steps for everyone: the sentence of each
    /// case, with its promise, and no second chart.
    @Test func promiseOnlyCasesChangeTheSentenceNotTheChart() throws {
        var item = Fixtures.scenarioItem
        item.flow = item.flow.map { var s = $0; s.applicability = nil; return s }
        let guide = try Self.guide(of: item)
        #expect(guide.contains("<div data-case-group=\"\" data-cases=\"form=0 form=1\">"))
        #expect(guide.contains("<p class=\"critical-summary\" data-case=\"1\" hidden><span class=\"tag tag-critical\">关键路径</span> 按您的情形：申请 → 核验委托 → 受理并办结。按各环节时限累计，最长需要 <span class=\"nowrap\">即办</span>（承诺办结时限 <span class=\"nowrap\">3个工作日</span>）</p>"))
        #expect(!guide.contains("<div data-case=\"0\" hidden><svg"))
        #expect(guide.components(separatedBy: "<svg").count == 2)
    }

    /// 必须现场办理原因 stands under the scenarios that must come, never beside 0次.
    @Test func theReasonToComeIsGivenOnlyWhereOneMustCome() throws {
        var item = Fixtures.scenarioItem
        item.national.onSiteReason = "家庭经营的，家庭成员须到窗口核验身份。"
        let guide = try Self.guide(of: item)
        #expect(guide.contains("<tr><th scope=\"row\">到现场次数</th><td data-variant-group=\"\"><span class=\"variant\" data-variant=\"default\">0次 <span class=\"tag tag-badge\">零跑动</span><span class=\"scenario-when\">（其他情形）</span></span><span class=\"variant\" data-variant=\"0\">1次 <span class=\"tag tag-badge\">最多跑一次</span><span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span><span class=\"note\">必须现场办理的原因：家庭经营的，家庭成员须到窗口核验身份。</span></span></td></tr>"))
    }

    /// The window's 受理清单 and the booklet label what applies only in some scenarios, and
    /// say when 办件类型 or 办理时限 differ by scenario (they show the item's own).
    @Test func windowSheetsAndTheBookletLabelScenarios() {
        let sheet = Self.text("windows/jy-1.html")
        #expect(sheet.contains("<li>授权委托书<span class=\"meta\">收原件1份 · 仅当：是否委托他人办理？— 委托他人办理</span></li>"), "\(sheet)")
        #expect(sheet.contains("即办件 · 承诺 <span class=\"nowrap\">即办</span> · 因情形而异，见办事指南</p>"))
        let booklet = Self.text("booklet.html")
        #expect(booklet.contains("登记费：0元；邮寄费：按实收取（仅部分情形）"))
        #expect(booklet.contains("即办<div class=\"note\">因情形而异，见办事指南</div>"))
    }

    /// Without script every 情形差异 value shows; where an applicant can fit two, the later one
    /// says it gives way (the first that holds is taken).
    @Test func overlappingVariantsSayWhichIsTaken() throws {
        var item = Fixtures.scenarioItem
        item.scenarioVariants.append(ScenarioVariant(
            applicability: Fixtures.when(("agent", ["委托他人办理"])),
            timeLimits: TimeLimits(statutory: .workingDays(15), promised: .workingDays(2))))
        let guide = try Self.guide(of: item)
        #expect(guide.contains("<span class=\"variant\" data-variant=\"1\">2个工作日<span class=\"scenario-when\">（仅当：是否委托他人办理？— 委托他人办理，且不属于前面所列情形）</span></span>"))
        #expect(guide.contains("<span class=\"variant\" data-variant=\"0\">3个工作日<span class=\"scenario-when\">（仅当：经营形式 — 家庭经营）</span></span>"))
    }

    /// Past the bound on cases (here 2 × 2⁷ combinations), the whole flow's sentence still
    /// does not set its path against the item's own promise.
    @Test func pastTheBoundTheSentenceSaysThePromiseVaries() throws {
        var item = Fixtures.scenarioItem
        item.flow = item.flow.map { var s = $0; s.applicability = nil; return s }
        for k in 0..<7 {
            item.questions.append(ScenarioQuestion(id: "q\(k)", question: "问题\(k)", options: ["是", "否"]))
            item.scenarioVariants.append(ScenarioVariant(
                applicability: Fixtures.when(("q\(k)", ["是"])),
                timeLimits: TimeLimits(statutory: .workingDays(15), promised: .workingDays(k + 1))))
        }
        let guide = try Self.guide(of: item)
        #expect(!guide.contains("data-case-group"))
        #expect(guide.contains("<p class=\"critical-summary\"><span class=\"tag tag-critical\">关键路径</span> 申请 → 核验委托 → 受理并办结。按各环节时限累计，最长需要 <span class=\"nowrap\">即办</span>（环节或承诺因情形而不同，各情形的承诺办结时限见“办理时限”）</p>"))
    }
}
