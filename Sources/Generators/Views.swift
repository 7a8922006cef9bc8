import Catalog

// The values templates render. swift-mustache reads them by reflection, so they are plain
// structs of stored properties.
//
// Two rules keep them safe to render:
// - Every string is plain text, escaped by the template's `{{…}}`. The only fields a
//   template inserts raw (`{{{…}}}`) end in `HTML` and are built here from escaped parts
//   (the flowchart's SVG, which escapes its own text).
// - A name that is nil in a nested value is looked up again in the values around it
//   (Mustache's context stack). So optional fields of nested values have names no page
//   value uses, and values meant for generic partials (links) have no optionals at all.

/// What every page's layout needs.
struct Chrome {
    /// The relative path from the page to the site's root, `""` or `"../../"`.
    var root: String
    var catalogName: String
    /// The page's 行政区划: the catalog's on its index pages, an item's own on the item's pages
    /// (``Item/region(agency:)``), `nil` when it cannot be known.
    var region: String?
    /// Staff-only output: the layout marks it 内部资料.
    var isInternal: Bool
    /// The CSS of the printed page's running header (issuing authority, catalog, item code),
    /// built with ``Markup/cssString(_:)`` for a `<style>` element.
    var printStyleHTML: String = ""
}

/// A text that is a link only when its URL is http(s) (see ``HTML/linkableURL(_:)``).
struct LinkView {
    var text: String
    var href: String
    var isLink: Bool

    init(text: String, url: String?) {
        self.text = text
        if let url, let ok = HTML.linkableURL(url) {
            href = ok
            isLink = true
        } else {
            href = ""
            isLink = false
        }
    }

    /// A telephone number, as a `tel:` link when it has one (its first run of digits, `-`,
    /// `+` and spaces with at least 7 digits, spaces and `-` dropped); text otherwise.
    init(phone: String) {
        text = phone
        var number = "", digits = 0, started = false
        for c in phone {
            if c.isASCII && (c.isNumber || c == "+" || (started && (c == "-" || c == " "))) {
                started = true
                if c.isNumber { digits += 1 }
                if c != "-" && c != " " { number.append(c) }
            } else if started {
                break
            }
        }
        isLink = digits >= 7 && !number.dropFirst().contains("+")
        href = isLink ? "tel:" + number : ""
    }

    /// A link to a page of this site, made from a path built here.
    init(text: String, sitePath: String) {
        self.text = text
        self.href = sitePath
        self.isLink = true
    }
}

/// Text that may run over several lines, shown as paragraphs.
struct Prose {
    var paragraphs: [String]
    init?(_ text: String?) {
        guard let text else { return nil }
        let p = HTML.paragraphs(text)
        if p.isEmpty { return nil }
        paragraphs = p
    }
}

/// A list that is shown only when it has entries.
struct ListView<Entry> {
    var entries: [Entry]
    var count: Int
    init?(_ entries: [Entry]) {
        if entries.isEmpty { return nil }
        self.entries = entries
        self.count = entries.count
    }
}

struct AgencyView {
    var agencyName: String
    var agencyAddress: String?
    var agencyPhone: LinkView?
    var agencyWebsite: LinkView?
}

struct WindowView {
    var windowName: String
    var category: String
    var location: String?
    var hours: String?
    var windowPhone: LinkView?
}

/// One row of 申请材料, for every page that lists materials.
struct MaterialRow {
    var number: Int
    var materialName: String
    var form: String?
    var copies: String?
    var medium: String?
    var source: String?
    var necessity: String
    var isRequired: Bool
    var isOptional: Bool
    var isDeferrable: Bool
    /// 免提交 (``MaterialRequirement/isExempt``), whatever the reason.
    var isShareable: Bool
    /// Why it is 免提交, for the checklist.
    var exemptNote: String
    var materialCondition: String?
    var requirement: String?
    /// What the clerk collects: 收原件1份, 原件核验后退回，收复印件1份 ….
    var collect: String
    /// 审查要点: filled only for the manual.
    var reviewPoints: String?
    /// Other items that ask for the same 材料库 material (the first few).
    var alsoUsedBy: ListView<LinkView>?
    /// When there are more than shown: how many other items there are, and a link to the
    /// material on the site index.
    var alsoUsedByTotal: Int?
    var alsoUsedByIndex: String?
    /// National elements of the material: 核验原件, 容缺后补期限, 告知承诺书, 填报须知.
    var extraNotes: [String]
    /// 空表 and 样表, published at `attachments/`.
    var formLinks: [LinkView]
    /// 适用情形: when it is needed (ScenarioViews.swift).
    var scenario: ScenarioTag? = nil
}

struct StepView {
    var number: Int
    var stepName: String
    var role: String?
    var limit: String?
    var isTimed: Bool
    var timedText: String
    var isCritical: Bool
    var next: [TransitionView]
    var outcome: String?
    var stepNote: String?
    /// 适用情形: a step only some applicants go through.
    var scenario: ScenarioTag? = nil
}

struct TransitionView {
    var target: String
    var when: String?
}

struct FlowView {
    var svgHTML: String
    var steps: [StepView]
    /// 关键路径, e.g. 申请 → 受理 → … → 送达.
    var criticalPath: String?
    /// Its time, e.g. 10个工作日.
    var criticalDuration: String?
    /// Some step has 适用情形 (the chart draws it dotted, with its 仅当 tag).
    var hasScenarioSteps: Bool = false
    /// The flow as each group of applicants goes through it, where 情形 change its steps;
    /// nil when they do not (or when there are too many cases to draw).
    var flowCases: ListView<FlowCaseView>? = nil
    /// Each case's ``ScenarioTag/whenData`` (alternatives joined by `|`), in order,
    /// separated by spaces: the script shows the first case all of whose questions are
    /// answered and hold, and the whole flow until one does.
    var caseData: String = ""
    /// The cases change the steps, so each has its own chart.
    var hasCaseCharts: Bool = false
    /// Steps or the 承诺 differ by scenario (with or without ``flowCases``): the whole
    /// flow's path is then not set against the item's own promise.
    var variesByScenario: Bool = false
}

struct TimeLimitsView {
    var statutory: String?
    var promised: String?
    /// e.g. 压缩67%.
    var compression: String?
    /// The limits 情形差异 sets for some scenarios, besides these.
    var promisedVariants: ListView<VariantView>? = nil
    var statutoryVariants: ListView<VariantView>? = nil
}

struct FeesView {
    var isFree: Bool
    var feeRows: [FeeRow]
}

struct FeeRow {
    var feeName: String
    var standard: String
    var feeBasis: String?
    /// 适用情形: a fee only some applicants pay.
    var scenario: ScenarioTag? = nil
}

struct BasisView {
    var law: LinkView
    var level: String?
    var documentNumber: String?
    var article: String?
    var clause: Prose?
}

struct ConsultationView {
    var consultPhone: LinkView?
    var consultAddress: String?
    var consultWebsite: LinkView?
    var email: String?
}

struct CertificateView {
    var certificateName: String
    var validity: String?
    var sample: LinkView?
}

struct RemediesView {
    var reconsideration: Prose?
    var litigation: Prose?
}

struct StaffView {
    var staffRole: String
    var duties: String?
    var qualification: String?
}

struct AdditionalView {
    var title: String
    var isInternalElement: Bool
    var textValue: Prose?
    var listValue: ListView<String>?
}

/// The links between one item's pages, relative to the item's folder.
struct ItemLinks {
    var guide = "index.html"
    var checklist = "checklist.html"
    var flow = "flow.html"
    /// The flowchart alone, as an SVG file.
    var flowSVG = "flow.svg"
    var manual = "manual.html"
    var home = "../../index.html"
}

/// The fields every item page shows at the top.
struct ItemHead {
    var name: String
    var code: String
    var type: String
    var caseType: String?
    var isImmediate: Bool
}

struct GuidePage {
    var site: Chrome
    var links: ItemLinks
    var item: ItemHead
    var serviceObjects: String?
    var agency: AgencyView?
    var scope: Prose?
    var handlingForms: String?
    var conditions: ListView<String>?
    var flow: FlowView?
    var materials: ListView<MaterialRow>?
    /// Whether any material is 免提交 / 容缺后补, to explain those marks once.
    var anyShareable: Bool
    /// What 免提交 means here, in the words of the reasons present.
    var exemptLead: String
    var anyDeferrable: Bool
    var windows: ListView<WindowView>?
    var timeLimits: TimeLimitsView?
    /// The catalog's 时限说明, printed under 办理时限 only when the catalog has one.
    var timeLimitNote: String?
    var fees: FeesView?
    var legalBasis: ListView<BasisView>?
    var rights: Prose?
    var consultation: ConsultationView?
    var certificate: CertificateView?
    var progressQuery: Prose?
    var remedies: RemediesView?
    var additional: [AdditionalView]
    /// The 一件事 bundles the item is a member of.
    var memberOf: ListView<LinkView>?
    /// schema.org JSON-LD (`GovernmentService`), escaped with ``Markup/jsonInScript(_:)``.
    var jsonLDHTML: String = ""
    /// 办理须知 (NationalViews.swift): only for an item with national elements.
    var notice: ListView<FactRow>?
    /// 特别程序, 审批结果, 监督投诉, 常见问题, 数量限制, 版本 (NationalViews.swift).
    var national: NationalSections
    /// 情形: the questions, and what depends on them (ScenarioViews.swift). For an item with
    /// conditions that depend on them, ``scenarioConditions`` stands in for ``conditions``.
    var questionnaire: QuestionnaireView? = nil
    var scenarioConditions: ListView<ConditionRow>? = nil
    var caseTypeVariants: ListView<VariantView>? = nil
}

struct ChecklistPage {
    var site: Chrome
    var links: ItemLinks
    var item: ItemHead
    /// The issuing authority, named at the top of the notice.
    var agency: AgencyView?
    var windows: ListView<WindowView>?
    var timeLimits: TimeLimitsView?
    var fees: FeesView?
    var materials: ListView<MaterialRow>?
    /// The materials an applicant can be missing (not 免提交), numbered as in the checklist.
    var noticeMaterials: ListView<MaterialRow>?
    /// The legal ground of the notice.
    var legalWording: String
    var noticeWindow: String?
    var noticePhone: LinkView?
    /// 到现场次数 and 告知承诺.
    var checklistFacts: ListView<FactRow>?
    /// 情形: the questions the clerk ticks the applicant's case in, and 办件类型 by scenario.
    var questionnaire: QuestionnaireView? = nil
    var caseTypeVariants: ListView<VariantView>? = nil
}

struct ManualPage {
    var site: Chrome
    var links: ItemLinks
    var item: ItemHead
    var serviceObjects: String?
    var agency: AgencyView?
    var scope: Prose?
    var windows: ListView<WindowView>?
    var handlingForms: String?
    var conditions: ListView<String>?
    var flow: FlowView?
    var materials: ListView<MaterialRow>?
    var timeLimits: TimeLimitsView?
    var fees: FeesView?
    var legalBasis: ListView<BasisView>?
    var rights: Prose?
    var consultation: ConsultationView?
    var certificate: CertificateView?
    var progressQuery: Prose?
    var remedies: RemediesView?
    var staff: ListView<StaffView>?
    var supervision: Prose?
    var additional: [AdditionalView]
    /// 实施清单要素.
    var nationalFacts: ListView<FactRow>?
    /// 特别程序, 审批结果, 监督投诉, 常见问题, 数量限制, 版本 (NationalViews.swift).
    var national: NationalSections
    /// 情形: the questions, listed for staff (no script: every entry shows with its 仅当).
    var questionnaire: QuestionnaireView? = nil
    var scenarioConditions: ListView<ConditionRow>? = nil
    var caseTypeVariants: ListView<VariantView>? = nil
}

struct FlowPage {
    var site: Chrome
    var links: ItemLinks
    var item: ItemHead
    var flow: FlowView?
}

struct IndexEntry {
    var entryName: String
    var entryCode: String
    var href: String
    var entryCaseType: String?
    var promisedLimit: String?
}

struct IndexGroup {
    var title: String
    var count: Int
    var entries: [IndexEntry]
    var anchor: String
}

struct SharedGroup {
    var sharedAnchor: String
    var materialName: String
    var isShareableMaterial: Bool
    var count: Int
    var entries: [IndexEntry]
}

struct IndexPage {
    var site: Chrome
    var itemCount: Int
    var byCategory: [IndexGroup]
    var byAgency: [IndexGroup]
    var shared: ListView<SharedGroup>?
    /// 一件事 bundles.
    var bundles: ListView<BundleEntry>?
    /// The 窗口受理清单 pages, one per window.
    var windowLists: ListView<LinkView>?
}

struct ManualIndexPage {
    var site: Chrome
    var itemCount: Int
    var byAgency: [IndexGroup]
    /// The 窗口受理清单 pages, one per window.
    var windowLists: ListView<LinkView>?
    /// The exporters' pages for staff (``SiteExporter/indexLinks(for:)``): the stats dashboard.
    var reports: ListView<LinkView>? = nil
}
