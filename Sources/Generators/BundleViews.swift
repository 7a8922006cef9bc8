// The values the 一件事 (bundle) pages render. The rules at the top of Views.swift hold here
// too: plain text only (escaped by the templates), `…HTML` fields built from escaped parts,
// and optional fields named so that no page value around them answers to the same name.

/// The links between a bundle's pages, relative to the bundle's folder.
struct BundleLinks {
    var bundleGuide = "index.html"
    var bundleChecklist = "checklist.html"
    var home = "../../index.html"
}

/// The fields every bundle page shows at the top.
struct BundleHead {
    var bundleName: String
    var bundleCode: String
    /// 并联, 串联 or 混合.
    var mode: String
    /// What the mode means for the applicant, in a sentence.
    var modeText: String
    var memberCount: Int
    /// 窗口类别 of the window that accepts the bundle.
    var windowCategory: String
}

/// A member item of a bundle.
struct BundleMemberView {
    /// ①, ② …: how the materials tables refer to the member.
    var mark: String
    /// The member's name, linked to its guide when it is in the catalog.
    var member: LinkView
    var memberCode: String
    var memberAgency: String?
    var memberPromised: String?
    var memberStatutory: String?
    /// On the bundle's critical path: its 承诺 sets the bundle's time.
    var isCritical: Bool
    /// Set on the first member of each stage, when the bundle has stages to show.
    var stageCell: BundleStageCell?
    /// The member's stage (第一阶段 …), on every member when the bundle has stages: shown
    /// in the member's own card on phones, where the shared cell cannot span rows.
    var memberStage: String? = nil
}

/// The first member of a stage carries the stage's cell in the members table.
struct BundleStageCell {
    /// 第一阶段, 第二步 ….
    var stageTitle: String
    /// The stage's own name (阶段 名称), if it has one.
    var stageName: String?
    /// Rows the cell spans: the stage's members.
    var span: Int
    /// More than one member: they are handled at the same time.
    var isConcurrent: Bool
}

/// One merged material of a bundle.
struct BundleMaterialRow {
    var number: Int
    var materialName: String
    var bundleForm: String?
    var bundleCopies: String?
    var bundleMedium: String?
    var bundleSource: String?
    var necessity: String
    var isRequired: Bool
    var isOptional: Bool
    var isDeferrable: Bool
    var isShareable: Bool
    var bundleCondition: String?
    /// What the clerk collects, worded as on the item checklist.
    var collect: String
    /// The members that ask for it, by their marks: ①③.
    var neededByMarks: String
    /// Every member asks for it.
    var isNeededByAll: Bool
    /// 适用情形 merged from the members' (ScenarioViews.swift).
    var scenario: ScenarioTag? = nil
}

/// The bundle's flowchart: its members as steps.
struct BundleFlowView {
    var svgHTML: String
    /// The members on the critical path, e.g. 个体工商户设立登记 → 食品经营许可（新办）.
    var criticalMembers: String?
    /// Their 承诺 added up.
    var criticalTotal: String?
    /// The critical path under each group of scenarios, where members' 情形差异 change
    /// their promises; shown by assets/scenario.js for the case answered.
    var criticalCases: [BundleCaseView] = []
    /// Each case's `data-case` answers, as ``FlowView/caseData``.
    var caseData: String = ""
}

/// The bundle's critical path for one group of scenarios.
struct BundleCaseView {
    var caseKey: String
    var caseMembers: String
    var caseTotal: String
}

/// The bundle's time limits and what it saves.
struct BundleTimesView {
    /// 承诺: the bundle's promise.
    var bundlePromised: String?
    /// The members' 承诺 one after another.
    var oneByOne: String?
    /// The members' 法定 along the critical path.
    var statutoryTotal: String?
    /// 可压缩10个工作日, when 承诺 and the one-by-one total count days alike.
    var timeSaved: String?
    /// The comparison spelled out, e.g. 逐项办理以上3个事项，承诺时限合计15个工作日；….
    var timeSummary: String?
}

/// Materials before and after merging.
struct BundleMaterialFigures {
    var materialsBefore: Int
    var materialsAfter: Int
    /// nil when merging saves nothing.
    var materialsSaved: Int?
    /// nil when none is 免提交.
    var shareableCount: Int?
}

struct BundleGuidePage {
    var site: Chrome
    var bundleLinks: BundleLinks
    var bundle: BundleHead
    var bundleNote: Prose?
    var leadAgency: AgencyView?
    /// 串联 and 混合: the members table has a 阶段 column.
    var hasStages: Bool
    var members: [BundleMemberView]
    var bundleFlow: BundleFlowView?
    var bundleMaterials: ListView<BundleMaterialRow>?
    var materialFigures: BundleMaterialFigures
    var anyShareable: Bool
    var anyDeferrable: Bool
    var bundleWindows: ListView<WindowView>?
    var times: BundleTimesView
    /// The catalog's 时限说明, printed under the times only when the catalog has one.
    var timeLimitNote: String?
    /// The members' questions, merged (``ServiceBundle/questions``).
    var questionnaire: QuestionnaireView? = nil
}

struct BundleChecklistPage {
    var site: Chrome
    var bundleLinks: BundleLinks
    var bundle: BundleHead
    var leadAgency: AgencyView?
    var members: [BundleMemberView]
    var bundleWindows: ListView<WindowView>?
    var times: BundleTimesView
    var bundleMaterials: ListView<BundleMaterialRow>?
    var materialFigures: BundleMaterialFigures
    /// The materials an applicant can be missing (not 免提交), numbered again.
    var noticeMaterials: ListView<BundleMaterialRow>?
    /// The members' marks and names joined, for the notice's opening sentence:
    /// ①个体工商户设立登记、②….
    var memberNames: String
    var legalWording: String
    var noticeWindow: String?
    var noticePhone: LinkView?
    /// The members' questions, merged (``ServiceBundle/questions``).
    var questionnaire: QuestionnaireView? = nil
}

/// A bundle on the site index.
struct BundleEntry {
    var bundleEntryName: String
    var bundleEntryCode: String
    var bundleHref: String
    var bundleMode: String
    var bundleMemberCount: Int
    var bundleEntryPromised: String?
    /// The members' names, so an applicant sees what the event covers.
    var bundleMemberNames: String
}
