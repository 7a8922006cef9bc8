import Catalog
import Mustache

@testable import Generators

/// Catalogs built in Swift for the generator tests; generators never see YAML.
enum Fixtures {
    /// FORMAT.md's example item.
    static let exampleCode = "440100-XK-00012-001"

    static let exampleFlow: [FlowStep] = [
        FlowStep(name: "申请", role: "申请人", transitions: [Transition(target: "受理")]),
        FlowStep(
            name: "受理", role: "综合受理窗口", timeLimit: .immediate,
            transitions: [
                Transition(condition: "材料齐全、符合法定形式", target: "审查"),
                Transition(condition: "材料不齐全", target: "补正告知"),
            ]),
        FlowStep(name: "补正告知", isTimed: false, transitions: [Transition(target: "受理")]),
        FlowStep(
            name: "审查", role: "审查人员", timeLimit: .workingDays(5),
            transitions: [Transition(target: "决定")]),
        FlowStep(
            name: "决定", role: "决定人员", timeLimit: .workingDays(3),
            transitions: [
                Transition(condition: "准予登记", target: "制证"),
                Transition(condition: "不予登记", target: "不予登记告知"),
            ]),
        FlowStep(name: "制证", timeLimit: .workingDays(2), transitions: [Transition(target: "送达")]),
        FlowStep(name: "送达", outcome: .granted),
        FlowStep(name: "不予登记告知", outcome: .refused),
    ]

    static let example = Item(
        code: exampleCode, name: "特种设备使用登记", type: "行政许可",
        serviceObjects: ["企业法人", "事业法人"], agencyID: "scjgj",
        scope: "在本市行政区域内使用锅炉、压力容器、电梯等特种设备的单位。", windowIDs: ["jy-1"],
        handlingForms: ["窗口", "电脑端"],
        legalBasis: [
            LegalBasis(
                lawID: "tzsbaqf", article: "第三十三条",
                text: "特种设备使用单位应当在特种设备投入使用前或者投入使用后三十日内，向负责特种设备安全监督管理的部门办理使用登记，取得使用登记证书。")
        ],
        caseType: .promised,
        conditions: ["设备已经监督检验合格。", "使用单位已经明确安全管理人员。"],
        materials: [
            MaterialRequirement(
                name: "特种设备使用登记表", form: .original, copies: 2, medium: "纸质或电子",
                source: "申请人自备", necessity: .required, requirement: "加盖使用单位公章。",
                reviewPoints: "设备代码与监督检验证书一致。"),
            MaterialRequirement(
                name: "营业执照", libraryID: "yyzz", form: .copy, copies: 1, source: "政府部门核发",
                shareable: true, exemption: .dataSharing),
            MaterialRequirement(
                name: "特种设备监督检验证明", form: .originalAndCopy, copies: 1, medium: "纸质",
                source: "中介机构出具", necessity: .deferrable, reviewPoints: "检验结论为合格，且在有效期内。"),
            MaterialRequirement(
                name: "授权委托书", form: .original, copies: 1, source: "申请人自备",
                condition: "委托他人办理的", reviewPoints: "委托事项与权限明确。"),
        ],
        timeLimits: TimeLimits(statutory: .workingDays(30), promised: .workingDays(10)),
        fees: .free,
        rightsAndObligations:
            "申请人依法享有知情权、陈述权、申辩权，对行政机关作出的决定不服的，有权依法申请行政复议或者提起行政诉讼。\n申请人应当如实提交有关材料和反映真实情况，并对申请材料实质内容的真实性负责。",
        consultation: Consultation(
            phone: "020-12345678", address: "某某市政务服务中心二楼A区",
            website: "https://www.example.gov.cn/zwfw"),
        flow: exampleFlow,
        remedies: Remedies(
            reconsideration: "自知道该具体行政行为之日起六十日内，向某某市人民政府申请行政复议。",
            litigation: "自知道或者应当知道作出行政行为之日起六个月内，向人民法院提起行政诉讼。"),
        certificate: Certificate(name: "特种设备使用登记证", validity: "长期"),
        staff: [
            StaffRole(role: "审查人员", duties: "审查申请材料的真实性、完整性。", qualification: "取得特种设备安全监察员资格。"),
            StaffRole(role: "决定人员", duties: "作出准予或者不予登记的决定。"),
        ],
        progressQuery: "凭受理回执编号在政务服务网查询办理进度。",
        supervision: "市局对登记情况每季度抽查不少于百分之五。",
        additionalElements: [
            AdditionalElement(
                key: "deliveryMethods", title: "送达方式", isInternal: false,
                value: .list(["窗口领取", "邮政寄递（免费）"])),
            AdditionalElement(
                key: "riskNotes", title: "廉政风险点", isInternal: true,
                value: .text("审查环节不得要求申请人提交清单以外的材料。")),
        ])

    /// Shares 材料库 `yyzz` with the example; in two window categories.
    static let foodLicence = Item(
        code: "440100-XK-00031-000", name: "食品经营许可（新办）", type: "行政许可",
        serviceObjects: ["企业法人", "其他组织"], agencyID: "scjgj", scope: "在本市从事食品销售和餐饮服务活动的经营者。",
        windowIDs: ["jy-1", "zh-1"], handlingForms: ["窗口", "电脑端", "移动端"],
        legalBasis: [LegalBasis(lawID: "spaqf", article: "第三十五条")], caseType: .promised,
        conditions: ["具有与经营的食品品种、数量相适应的经营场所。"],
        materials: [
            MaterialRequirement(name: "食品经营许可申请书", form: .original, copies: 1, source: "申请人自备"),
            MaterialRequirement(
                name: "营业执照", libraryID: "yyzz", form: .copy, copies: 1, source: "政府部门核发",
                shareable: true, exemption: .dataSharing),
            MaterialRequirement(
                name: "与食品经营相适应的主要设备设施布局图", form: .copy, copies: 1, source: "申请人自备",
                necessity: .optional),
        ],
        timeLimits: TimeLimits(statutory: .workingDays(20), promised: .workingDays(5)),
        fees: .charged([Fee(name: "工本费", standard: "0元", basis: "省物价局有关文件")]),
        flow: [
            FlowStep(name: "受理", timeLimit: .immediate, transitions: [Transition(target: "审核")]),
            FlowStep(name: "审核", timeLimit: .workingDays(4), transitions: [Transition(target: "发证")]),
            FlowStep(name: "发证", timeLimit: .workingDays(1), outcome: .granted),
        ],
        certificate: Certificate(name: "食品经营许可证", validity: "5年", sample: "https://www.example.gov.cn/samples/spjy.pdf"))

    /// A 即办件 at a citizens' window, from another agency.
    static let immediate = Item(
        code: "440100-GG-00007-000", name: "社会保障卡补领", type: "公共服务", serviceObjects: ["自然人"],
        agencyID: "rsj", windowIDs: ["gm-1"], handlingForms: ["窗口"], caseType: .immediate,
        materials: [
            MaterialRequirement(name: "居民身份证", form: .originalAndCopy, copies: 1, source: "政府部门核发")
        ],
        timeLimits: TimeLimits(statutory: .workingDays(5), promised: .immediate), fees: .free,
        consultation: Consultation(phone: "12333"),
        flow: [
            FlowStep(name: "受理并办结", role: "综合受理窗口", timeLimit: .immediate, outcome: .granted)
        ])

    /// 一件事 of the two 市场监管 items, handled at once (并联) at the 经营类 window.
    static let bundleCode = "440100-YJS-001"

    static let bundle = ServiceBundle(
        code: bundleCode, name: "开办餐饮企业一件事", mode: .parallel,
        stages: [BundleStage(itemCodes: [foodLicence.code, example.code])], leadAgencyID: "scjgj",
        windowCategory: "经营类", promised: .workingDays(10),
        note: "在经营类综合受理窗口一次提交食品经营许可和特种设备使用登记的全部材料，两个事项同时审批，统一出件。"
    ).merged(with: [foodLicence.code: foodLicence, example.code: example])

    /// A 混合 bundle of all three items in two stages (not in ``catalog``): the 即办件 first,
    /// then the two 市场监管 items at once.
    static let mixedBundle = ServiceBundle(
        code: "440100-YJS-002", name: "分阶段一件事", mode: .mixed,
        stages: [
            BundleStage(name: "先行办理", itemCodes: [immediate.code]),
            BundleStage(name: "并联审批", itemCodes: [foodLicence.code, example.code]),
        ],
        leadAgencyID: "scjgj", windowCategory: "经营类", promised: .workingDays(10)
    ).merged(with: [immediate.code: immediate, foodLicence.code: foodLicence, example.code: example])

    static var catalogWithMixedBundle: Catalog {
        var c = catalog
        c.bundles.append(mixedBundle)
        return c
    }

    static let catalog = Catalog(
        name: "某某市政务服务事项目录", region: "440100",
        standards: ["DB44/T 1147-2013", "DB44/T 1148-2013"],
        internalControlLine: Ratio(numerator: 2, denominator: 3),
        timeLimitNote: "办理时限自受理之日起计算，以工作日计算的不含法定节假日；办理流程中不计时的环节所需时间不计入办理时限。",
        agencies: [
            Agency(
                id: "scjgj", name: "某某市市场监督管理局", creditCode: "11440100MB2C123481",
                address: "某某市某某路1号", phone: "020-12345678", website: "https://scjgj.example.gov.cn"),
            Agency(id: "rsj", name: "某某市人力资源和社会保障局", phone: "12333"),
        ],
        windows: [
            ServiceWindow(
                id: "jy-1", name: "经营类综合受理窗口", category: "经营类", location: "某某市政务服务中心二楼A区",
                hours: "周一至周五 9:00-12:00, 13:00-17:00", phone: "020-12345600"),
            ServiceWindow(
                id: "zh-1", name: "综合咨询窗口", category: "综合", location: "某某市政务服务中心一楼大厅",
                hours: "周一至周六 9:00-17:00"),
            ServiceWindow(
                id: "gm-1", name: "公民类综合受理窗口", category: "公民类", location: "某某市政务服务中心一楼C区",
                hours: "周一至周五 9:00-17:00"),
        ],
        laws: [
            Law(
                id: "tzsbaqf", name: "中华人民共和国特种设备安全法", level: "法律", documentNumber: "主席令第4号",
                effectiveDate: "2014-01-01", url: "https://www.example.gov.cn/laws/tzsbaqf"),
            Law(id: "spaqf", name: "中华人民共和国食品安全法", level: "法律", effectiveDate: "2015-10-01"),
        ],
        sharedMaterials: [
            SharedMaterial(id: "yyzz", name: "营业执照", source: "政府部门核发", shareable: true)
        ],
        items: [immediate, foodLicence, example].sorted { $0.code < $1.code },
        bundles: [bundle],
        internalElements: [
            ElementKey.staff, ElementKey.supervision, ElementKey.materialReviewPoints,
        ])
}

/// Every page's view of `catalog`: the index, the manual index, each item's guide,
/// checklist, manual and flow page, the booklet, each window's list (public and internal), and (unless `bundles` is false) each bundle's guide and
/// checklist.
func pageViews(of catalog: Catalog, bundles: Bool = true) -> [Any] {
    let b = ViewBuilder(catalog: catalog)
    var roots: [Any] = [b.index(), b.manualIndex()]
    for item in catalog.items {
        roots += [b.guide(item), b.checklist(item), b.manual(item), b.flowPage(item)]
    }
    roots.append(b.booklet())
    for w in catalog.windows { roots += [b.windowList(w, isInternal: false), b.windowList(w, isInternal: true)] }
    if bundles { for bundle in catalog.bundles { roots += [b.bundleGuide(bundle), b.bundleChecklist(bundle)] } }
    return roots
}

/// Calls `body` with every view struct reachable from `roots` (through optionals and
/// collections), as a template sees it, and its mirror; a struct before what it holds.
func forEachView(in roots: [Any], _ body: (_ value: Any, _ parent: MustacheParent, _ mirror: Mirror) -> Void) {
    func visit(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection:
            for child in mirror.children { visit(child.value) }
        case .struct:
            guard let parent = value as? MustacheParent else { return }
            body(value, parent, mirror)
            for child in mirror.children where child.label != nil { visit(child.value) }
        default:
            return
        }
    }
    for root in roots { visit(root) }
}

extension Fixtures {
    /// A 食品经营许可 under GB/T 39554.2-2020 carrying every national 实施清单 element.
    static let nationalCode = "440100-XK-00040-000"

    static let nationalItem: Item = {
        var item = foodLicence
        item.code = nationalCode
        item.name = "食品经营许可（告知承诺）"
        item.certificate = nil
        item.result = ApprovalResult(
            type: "证照", name: "食品经营许可证", validity: "五年", sample: "samples/食品经营许可证 样本.pdf",
            delivery: ["窗口领取", "邮寄送达", "电子送达"])
        item.timeLimits = TimeLimits(
            promised: .workingDays(5), noStatutoryLimit: true,
            statutoryNote: "法律法规未规定办理时限，按本机关承诺时限办理。", promisedNote: "材料齐全的，当场作出决定。")
        item.materials = [
            MaterialRequirement(
                name: "食品经营许可申请书", form: .original, source: "申请人自备", originalCopies: 1,
                blankForm: "forms/申请书.docx", sampleForm: "forms/申请书样表.pdf", fillingNotes: "用黑色签字笔填写，不得涂改。"),
            MaterialRequirement(
                name: "经营者身份证件", form: .originalAndCopy, source: "政府部门核发", verifyOriginal: true, photocopies: 1),
            MaterialRequirement(
                name: "营业执照", libraryID: "yyzz", form: .copy, copies: 1, source: "政府部门核发", shareable: true,
                exemption: .electronicLicence),
            MaterialRequirement(name: "经营场所使用证明", form: .copy, copies: 1, source: "申请人自备", exemption: .commitment),
            MaterialRequirement(
                name: "食品安全管理制度", form: .original, copies: 1, source: "申请人自备", necessity: .deferrable,
                deferralLimit: .workingDays(5)),
            MaterialRequirement(name: "告知承诺书", form: .original, source: "申请人自备", originalCopies: 1),
        ]
        item.national = NationalElements(
            basicCode: "000104002000", implementationCode: "11440100MB2C1234813000104002000",
            handlingItems: [HandlingItem(code: "11440100MB2C123481300010400200001", name: "企业申请")],
            exerciseLevel: "市级", implementerNature: "法定机关", powerSource: "上级委托", entrustingAgencyID: "rsj",
            jointAgencyIDs: ["rsj"], onSiteVisits: 1, onSiteReason: "需现场核验经营者身份并签署承诺。",
            onlineDepth: ["互联网咨询", "互联网收件", "互联网预审", "互联网受理", "互联网办理"],
            onlineURL: "https://www.gdzwfw.gov.cn/", handlingArea: "全市",
            complaint: Complaint(
                phone: "12345", website: "https://www.gz.gov.cn/", address: "政务服务中心一楼投诉台", email: "ts@example.gov.cn"),
            specialProcedures: [
                SpecialProcedure(
                    kind: "专家评审", limit: .workingDays(15),
                    basis: LegalBasis(lawID: "spaqf", article: "第三十五条"), note: "现场审查发现需要专家论证的。"),
                SpecialProcedure(kind: "公示", limit: .calendarDays(7)),
            ],
            quantityLimit: "无",
            faqs: [
                FAQ(question: "可以委托他人办理吗？", answer: "可以，需提交授权委托书和受托人身份证件。"),
                FAQ(question: "承诺不实怎么办？", answer: "依法撤销许可。\n三年内不得再适用告知承诺。"),
            ],
            commitment: NotificationCommitment(
                pledgeMaterial: "告知承诺书", replacedMaterials: ["经营场所使用证明"],
                verification: "作出决定之日起30日内现场核查。"),
            version: 3, effectiveDate: "2025-01-01")
        return item
    }()

    /// ``catalog`` following GB/T 39554.2-2020, with ``nationalItem`` and the code sets.
    static let nationalCatalog: Catalog = {
        var c = catalog
        c.standards = ["GB/T 39554.2-2020"] + c.standards
        c.items.append(nationalItem)
        c.items.sort { $0.code < $1.code }
        c.codeSets = [
            "行使层级": [CodeValue(name: "市级", code: "3"), CodeValue(name: "县级", code: "4")],
            "实施主体性质": [CodeValue(name: "法定机关", code: "1")],
            "权力来源": [CodeValue(name: "法定本级行使", code: "1"), CodeValue(name: "上级委托", code: "5")],
            "网上办理深度": ["互联网咨询", "互联网收件", "互联网预审", "互联网受理", "互联网办理"].enumerated().map {
                CodeValue(name: $1, code: String($0 + 1))
            },
            "审批结果类型": [CodeValue(name: "证照", code: "10")],
        ]
        return c
    }()
}
