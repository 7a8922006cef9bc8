import Testing

@testable import Catalog

@Suite struct BundleMergingTests {
    static func item(_ code: String, promised: TimeLimit, statutory: TimeLimit, materials: [MaterialRequirement]) -> Item {
        Item(code: code, name: code, type: "行政许可", agencyID: "a", materials: materials,
             timeLimits: TimeLimits(statutory: statutory, promised: promised))
    }

    static let items: [String: Item] = [
        "A": item("A", promised: .workingDays(3), statutory: .workingDays(10), materials: [
            MaterialRequirement(name: "营业执照", libraryID: "yyzz", form: .copy, copies: 1, shareable: true),
            MaterialRequirement(name: "申请书", form: .original, copies: 1, source: "申请人自备"),
            MaterialRequirement(name: "授权委托书", form: .original, copies: 1, condition: "委托他人办理的"),
        ]),
        "B": item("B", promised: .workingDays(5), statutory: .workingDays(20), materials: [
            MaterialRequirement(name: "营业执照", libraryID: "yyzz", form: .original, copies: 2, shareable: true),
            MaterialRequirement(name: "申请书", form: .copy, copies: 1, source: "申请人自备", necessity: .deferrable),
            MaterialRequirement(name: "申请书", form: .original, copies: 1, source: "中介机构出具"),
            MaterialRequirement(name: "授权委托书", form: .original, copies: 1, condition: "代理人办理的"),
        ]),
        "C": item("C", promised: .calendarDays(7), statutory: .calendarDays(30), materials: [
            MaterialRequirement(name: "授权委托书", form: .original, copies: 1),
        ]),
    ]

    @Test func materialsMergeBySharedIdOrByNameAndSourceKeepingTheStrictest() {
        let bundle = ServiceBundle(code: "Y", name: "Y", mode: .parallel, stages: [BundleStage(itemCodes: ["A", "B"])],
                                   leadAgencyID: "a", windowCategory: "综合").merged(with: Self.items)
        #expect(bundle.materials.map(\.name) == ["营业执照", "申请书", "授权委托书", "申请书"])
        let licence = bundle.materials[0]
        #expect(licence.form == .originalAndCopy)  // 复印件 for A, 原件 for B
        #expect(licence.copies == 2)
        #expect(licence.neededBy == ["A", "B"])
        #expect(licence.shareable)
        #expect(bundle.materials[1].necessity == .required)  // 必要 beats 容缺后补
        #expect(bundle.materials[1].neededBy == ["A", "B"])
        #expect(bundle.materials[3].source == "中介机构出具")  // another source: another material
        #expect(bundle.materials[2].condition == "委托他人办理的；代理人办理的")
        #expect(bundle.figures.materialsBeforeMerge == 7)
        #expect(bundle.figures.materialsAfterMerge == 4)
        #expect(bundle.figures.materialsSaved == 3)
    }

    @Test func anUnconditionalNeedDropsTheCondition() {
        let bundle = ServiceBundle(code: "Y", name: "Y", mode: .parallel, stages: [BundleStage(itemCodes: ["A", "C"])],
                                   leadAgencyID: "a", windowCategory: "综合").merged(with: Self.items)
        #expect(bundle.materials.first { $0.name == "授权委托书" }?.condition == nil)
    }

    @Test func parallelTakesTheLongest() {
        let b = ServiceBundle(code: "Y", name: "Y", mode: .parallel, stages: [BundleStage(itemCodes: ["A", "B"])],
                              leadAgencyID: "a", windowCategory: "综合").merged(with: Self.items)
        #expect(b.figures.criticalPath == FlowPath(steps: ["B"], workingDays: 5, calendarDays: 0))
        #expect(b.figures.statutoryPath?.duration == .workingDays(20))
        #expect(b.figures.oneByOne?.duration == .workingDays(8))
    }

    /// A member no law sets a limit for (法定: 无, GB/T 39554.2-2020) leaves no statutory sum
    /// to check the bundle's promise against; its promise still counts.
    @Test func aMemberWithoutAStatutoryLimitLeavesNoStatutoryPath() {
        var items = Self.items
        items["A"]!.timeLimits = TimeLimits(promised: .workingDays(3), noStatutoryLimit: true, statutoryNote: "法律法规未规定。")
        let b = ServiceBundle(code: "Y", name: "Y", mode: .serial, stages: [BundleStage(itemCodes: ["A"]), BundleStage(itemCodes: ["B"])],
                              leadAgencyID: "a", windowCategory: "综合").merged(with: items)
        #expect(b.figures.statutoryPath == nil)
        #expect(b.figures.criticalPath?.duration == .workingDays(8))
    }

    @Test func serialAddsUp() {
        let b = ServiceBundle(code: "Y", name: "Y", mode: .serial, stages: [BundleStage(itemCodes: ["A"]), BundleStage(itemCodes: ["B"])],
                              leadAgencyID: "a", windowCategory: "综合").merged(with: Self.items)
        #expect(b.figures.criticalPath == FlowPath(steps: ["A", "B"], workingDays: 8, calendarDays: 0))
    }

    @Test func stagesAddTheirLongest() {
        let b = ServiceBundle(code: "Y", name: "Y", mode: .mixed,
                              stages: [BundleStage(name: "一", itemCodes: ["A"]), BundleStage(name: "二", itemCodes: ["B", "C"])],
                              leadAgencyID: "a", windowCategory: "综合").merged(with: Self.items)
        // Stage 二: 5 working days span at most 5 + 4 + 8 = 17 calendar days, more than C's 7.
        #expect(b.figures.criticalPath == FlowPath(steps: ["A", "B"], workingDays: 8, calendarDays: 0))
        #expect(b.figures.oneByOne == FlowPath(steps: ["A", "B", "C"], workingDays: 8, calendarDays: 7))
    }
}
