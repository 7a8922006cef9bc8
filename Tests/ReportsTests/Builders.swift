import Catalog
import TestSupport

/// Small catalogs built in Swift, so each test changes one thing and says what it expects.
enum Sample {
    /// A catalog with one item that has something in every element the diff looks at.
    static func catalog(items: [Item] = [item()]) -> Catalog {
        Catalog(
            name: "测试目录", region: "440100", standards: ["DB44/T 1147-2013", "DB44/T 1148-2013"],
            internalControlLine: Ratio(numerator: 2, denominator: 3),
            agencies: [
                Agency(id: "scjgj", name: "某某市市场监督管理局", phone: "020-12345678"),
                Agency(id: "zjj", name: "某某市住房和建设局"),
            ],
            windows: [
                ServiceWindow(id: "jy-1", name: "经营类综合受理窗口", category: "经营类", location: "二楼A区"),
                ServiceWindow(id: "zh-1", name: "综合受理窗口", category: "综合"),
            ],
            laws: [Law(id: "tzsbaqf", name: "中华人民共和国特种设备安全法", level: "法律", effectiveDate: "2014-01-01")],
            sharedMaterials: [SharedMaterial(id: "yyzz", name: "营业执照", source: "政府部门核发", shareable: true)],
            items: items,
            internalElements: ["materials.reviewPoints", "staff", "supervision"])
    }

    static func item(code: String = "440100-XK-00012-001", name: String = "特种设备使用登记") -> Item {
        Item(
            code: code, name: name, type: "行政许可", serviceObjects: ["企业法人"], agencyID: "scjgj",
            scope: "在本市使用特种设备的单位。", windowIDs: ["jy-1"], handlingForms: ["窗口"],
            legalBasis: [LegalBasis(lawID: "tzsbaqf", article: "第三十三条", text: "应当办理使用登记。")],
            caseType: .promised, conditions: ["设备已经监督检验合格。"],
            materials: [
                MaterialRequirement(
                    name: "特种设备使用登记表", form: .original, copies: 2, source: "申请人自备",
                    reviewPoints: "设备代码一致。"),
                MaterialRequirement(name: "营业执照", libraryID: "yyzz", form: .copy, copies: 1, shareable: true),
            ],
            timeLimits: TimeLimits(statutory: .workingDays(30), promised: .workingDays(10)),
            fees: .free, rightsAndObligations: "依法享有知情权。", consultation: Consultation(phone: "020-12345678"),
            flow: [
                FlowStep(name: "受理", role: "综合受理窗口", timeLimit: .immediate, transitions: [Transition(target: "审查")]),
                FlowStep(name: "审查", role: "审查人员", timeLimit: .workingDays(5), transitions: [Transition(target: "送达")]),
                FlowStep(name: "送达", outcome: .granted),
            ],
            remedies: Remedies(reconsideration: "六十日内。"), certificate: Certificate(name: "使用登记证"),
            staff: [StaffRole(role: "审查人员")], progressQuery: "凭回执查询。", supervision: "每季度抽查。")
    }
}

extension Catalog {
    /// The catalog with its only item changed by `change`.
    func editingItem(_ change: (inout Item) -> Void) -> Catalog {
        var copy = self
        change(&copy.items[0])
        return copy
    }
}

/// The golden file `name` in `Golden/` next to these tests.
func golden(_ name: String, _ filePath: String = #filePath) -> String {
    folder(of: filePath) + "/Golden/" + name
}
