import Catalog
import Compiler
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Exports

/// Catalogs for the export tests: a small one built in Swift that sets every field of the
/// model somewhere (see `tinySetsEveryField`), and the repository's sample catalogs compiled.
enum Fixtures {
    static let sampleNames = ["guangdong-zhijian", "liwan-yichuang"]

    /// Texts that must never reach a public export.
    static let secrets = ["核对设备代码与监督检验证书", "审查申请材料的真实性", "每季度抽查", "内部复核意见"]

    /// A small catalog that uses every field, every enum case of the tagged types, and texts
    /// that need escaping (`<&>"'`, a carriage return, a tab). Its items are out of order.
    static let tiny = Catalog(
        name: "某某市市场监督管理局政务服务事项目录（测试）", region: "440100",
        standards: ["DB44/T 1147-2013", "DB44/T 1148-2013"],
        internalControlLine: Ratio(numerator: 2, denominator: 3),
        timeLimitNote: "办理时限自受理之日起计算；不计时环节的时间不计入。",
        agencies: [
            Agency(
                id: "scjgj", name: "某某市市场监督管理局", creditCode: "11440100MB2C123481",
                address: "某某市某某路1号", phone: "020-12345678", website: "https://scjgj.example.gov.cn/"),
            Agency(id: "zjj", name: "某某市住房和建设局"),
        ],
        windows: [
            ServiceWindow(
                id: "jy-1", name: "经营类综合受理窗口", category: "经营类", location: "政务服务中心二楼A区",
                hours: "周一至周五 9:00-12:00, 13:00-17:00", phone: "020-12345679"),
            ServiceWindow(id: "zh-1", name: "综合窗口", category: "综合"),
        ],
        laws: [
            Law(
                id: "tzsbaqf", name: "中华人民共和国特种设备安全法", level: "法律", documentNumber: "主席令第4号",
                effectiveDate: "2014-01-01", url: "http://www.npc.gov.cn/"),
            Law(id: "xzxkf", name: "中华人民共和国行政许可法", level: "法律"),
        ],
        sharedMaterials: [
            SharedMaterial(
                id: "yyzz", name: "营业执照", source: "政府部门核发", shareable: true, form: .copy, copies: 1,
                medium: "电子", requirement: "在有效期内"),
            SharedMaterial(id: "sfz", name: "居民身份证"),
        ],
        items: [
            Item(
                code: "440100-XK-00012-001", name: "特种设备使用登记", type: "行政许可",
                serviceObjects: ["企业法人", "事业法人"], agencyID: "scjgj",
                scope: "使用锅炉、压力容器 <含移动式> & 电梯的单位。", windowIDs: ["jy-1", "zh-1"],
                handlingForms: ["窗口", "电脑端"],
                legalBasis: [
                    LegalBasis(lawID: "tzsbaqf", article: "第三十三条", text: "使用单位应当办理使用登记。"),
                    LegalBasis(lawID: "xzxkf"),
                ],
                caseType: .promised, conditions: ["设备已经监督检验合格。", "使用单位已经明确安全管理人员。"],
                materials: [
                    MaterialRequirement(
                        name: "特种设备使用登记表", form: .original, copies: 2, medium: "纸质或电子", source: "申请人自备",
                        necessity: .required, requirement: "加盖使用单位公章。", reviewPoints: "核对设备代码与监督检验证书。"),
                    MaterialRequirement(
                        name: "营业执照", libraryID: "yyzz", form: .copy, copies: 1, source: "政府部门核发", shareable: true, exemption: .dataSharing),
                    MaterialRequirement(name: "检验报告", form: .originalAndCopy, necessity: .deferrable),
                    MaterialRequirement(name: "授权委托书", necessity: .optional, condition: "委托他人办理的"),
                ],
                timeLimits: TimeLimits(statutory: .workingDays(30), promised: .calendarDays(10)),
                fees: .charged([Fee(name: "工本费", standard: "10元/证", basis: "粤价〔2000〕1号"), Fee(name: "检验费", standard: "按次")]),
                rightsAndObligations: "申请人享有知情权。\r\n申请人应当如实提交材料，\t\"对真实性负责\"。",
                consultation: Consultation(
                    phone: "020-12345678", address: "某某市政务服务中心二楼A区", website: "https://zwfw.example.gov.cn/",
                    email: "zixun@example.gov.cn"),
                flow: [
                    FlowStep(name: "受理", role: "综合受理窗口", timeLimit: .immediate, note: "当场核对原件",
                             transitions: [
                                Transition(condition: "材料齐全", target: "审查"),
                                Transition(condition: "材料不齐全", target: "补正告知"),
                             ]),
                    FlowStep(name: "补正告知", isTimed: false, transitions: [Transition(target: "受理")]),
                    FlowStep(name: "审查", role: "审查人员", timeLimit: .workingDays(5),
                             transitions: [Transition(condition: "准予", target: "送达"), Transition(condition: "不予", target: "不予登记告知")]),
                    FlowStep(name: "送达", timeLimit: .calendarDays(2), outcome: .granted),
                    FlowStep(name: "不予登记告知", outcome: .refused),
                    FlowStep(name: "撤回", outcome: .terminated),
                ],
                remedies: Remedies(reconsideration: "六十日内申请行政复议。", litigation: "六个月内提起行政诉讼。"),
                certificate: Certificate(name: "特种设备使用登记证", validity: "长期", sample: "https://zwfw.example.gov.cn/sample.pdf"),
                staff: [
                    StaffRole(role: "审查人员", duties: "审查申请材料的真实性、完整性。", qualification: "特种设备安全监察员"),
                    StaffRole(role: "决定人员"),
                ],
                progressQuery: "凭受理回执编号查询办理进度。", supervision: "市局每季度抽查不少于百分之五。",
                additionalElements: [
                    AdditionalElement(key: "onlineDepth", title: "网办深度", isInternal: false, value: .text("全程网办")),
                    AdditionalElement(key: "reviewNotes", title: "内部复核", isInternal: true, value: .text("内部复核意见")),
                    AdditionalElement(key: "tags", title: "主题分类", isInternal: false, value: .list(["特种设备", "使用登记"])),
                ]),
            Item(
                code: "440100-QR-00001-000", name: "特种设备作业人员证补办", type: "行政确认", agencyID: "zjj",
                caseType: .immediate, timeLimits: TimeLimits(statutory: .immediate, promised: .immediate), fees: .free),
        ],
        bundles: [
            ServiceBundle(
                code: "440100-YJS-001", name: "特种设备作业一件事", mode: .mixed,
                stages: [
                    BundleStage(name: "补证", itemCodes: ["440100-QR-00001-000"]),
                    BundleStage(name: "登记", itemCodes: ["440100-XK-00012-001"]),
                ],
                leadAgencyID: "zjj", windowCategory: "综合", promised: .workingDays(10), note: "一次申请，统一出件。",
                materials: [
                    BundleMaterial(
                        name: "营业执照", libraryID: "yyzz", form: .originalAndCopy, copies: 2, medium: "纸质",
                        source: "政府部门核发", necessity: .required, condition: "首次办理的", shareable: true, exemption: .dataSharing,
                        neededBy: ["440100-QR-00001-000", "440100-XK-00012-001"]),
                ],
                figures: BundleFigures(
                    criticalPath: FlowPath(steps: ["440100-QR-00001-000", "440100-XK-00012-001"], workingDays: 10, calendarDays: 0),
                    statutoryPath: FlowPath(steps: ["440100-QR-00001-000", "440100-XK-00012-001"], workingDays: 30, calendarDays: 0),
                    oneByOne: FlowPath(steps: ["440100-QR-00001-000", "440100-XK-00012-001"], workingDays: 10, calendarDays: 2),
                    materialsBeforeMerge: 3, materialsAfterMerge: 2)),
        ],
        internalElements: [ElementKey.materialReviewPoints, ElementKey.staff, ElementKey.supervision])

    /// The sample catalogs, compiled once.
    static let samples: [String: Result<Catalog, CompileFailure>] = {
        var out: [String: Result<Catalog, CompileFailure>] = [:]
        for name in sampleNames { out[name] = compile(repositoryRoot() + "/catalogs/" + name) }
        return out
    }()

    struct CompileFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func compile(_ folder: String) -> Result<Catalog, CompileFailure> {
        let result = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: repositoryRoot() + "/standards")))
            .compile(folder: folder)
        guard let catalog = result.catalog, !result.diagnostics.hasErrors, result.unusable == nil else {
            return .failure(CompileFailure(description: "\(folder) does not compile: \(result.diagnostics.map(\.message.en))"))
        }
        return .success(catalog)
    }

    static func sample(_ name: String) throws -> Catalog {
        try samples[name]!.get()
    }

    static var golden: String { folder() + "/Golden" }

    static func temporaryFolder() throws -> String { try makeFolder([:]) }
}

extension Fixtures {
    /// The national 实施清单 elements (GB/T 39554.2-2020), every one set, as the binder makes
    /// them: on ``tiny``'s 特种设备使用登记, with the profiles' code sets.
    static let national: Catalog = {
        var c = tiny
        c.standards = ["GB/T 39554.2-2020", "DB44/T 1147-2013", "DB44/T 1148-2013"]
        c.codeSets = [
            "窗口类别": [CodeValue(name: "工程类"), CodeValue(name: "经营类"), CodeValue(name: "公民类"), CodeValue(name: "综合")],
            "行使层级": [CodeValue(name: "市级", code: "3"), CodeValue(name: "县级", code: "4")],
            "审批结果类型": [CodeValue(name: "证照", code: "10"), CodeValue(name: "批文", code: "20")],
        ]
        let i = c.items.firstIndex { $0.code == "440100-XK-00012-001" }!
        var item = c.items[i]
        item.result = ApprovalResult(
            type: "证照", name: "特种设备使用登记证", validity: "长期", sample: "samples/登记证 样本.pdf",
            delivery: ["窗口领取", "邮寄送达"])
        item.timeLimits = TimeLimits(
            promised: .workingDays(10), noStatutoryLimit: true, statutoryNote: "法律法规未规定办理时限，按本机关承诺时限办理。",
            promisedNote: "资料齐全的，10个工作日内办结。")
        item.materials[0].verifyOriginal = true
        item.materials[0].originalCopies = 1
        item.materials[0].photocopies = 2
        item.materials[0].blankForm = "forms/登记表.docx"
        item.materials[0].sampleForm = "forms/登记表样表.pdf"
        item.materials[0].fillingNotes = "用黑色签字笔填写。"
        item.materials[2].deferralLimit = .workingDays(5)
        item.materials[3].exemption = .commitment
        item.national = NationalElements(
            basicCode: "000104002000", implementationCode: "11440100MB2C1234813000104002000",
            handlingItems: [HandlingItem(code: "11440100MB2C123481300010400200001", name: "企业申请")],
            exerciseLevel: "市级", implementerNature: "法定机关", powerSource: "上级委托", entrustingAgencyID: "zjj",
            jointAgencyIDs: ["zjj"], onSiteVisits: 1, onSiteReason: "需现场核验设备铭牌。",
            onlineDepth: ["互联网咨询", "互联网收件", "互联网预审", "互联网受理"], onlineURL: "https://www.gdzwfw.gov.cn/",
            handlingArea: "全市",
            complaint: Complaint(phone: "12345", website: "https://www.gz.gov.cn/", address: "政务服务中心一楼投诉台", email: "ts@example.gov.cn"),
            specialProcedures: [
                SpecialProcedure(
                    kind: "专家评审", limit: .workingDays(15),
                    basis: LegalBasis(lawID: "xzxkf", article: "第四十五条", text: "所需时间不计算在本节规定的期限内。"),
                    note: "现场审查发现需要专家论证的。")
            ],
            quantityLimit: "无",
            faqs: [FAQ(question: "可以委托他人办理吗？", answer: "可以，需提交授权委托书。")],
            commitment: NotificationCommitment(
                pledgeMaterial: "特种设备使用登记表", replacedMaterials: ["授权委托书"], verification: "30日内现场核查。"),
            version: 3, effectiveDate: "2025-01-01", repealDate: "2030-12-31")
        c.items[i] = item
        return c
    }()
}
