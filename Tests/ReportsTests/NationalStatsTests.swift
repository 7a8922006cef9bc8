import Catalog
import Reports
import TestSupport
import Testing

/// The figures of issue 13 (到现场次数, 网办, 当场办结, compression per 事项类型, 法定: 无,
/// 特别程序, 容缺, 免提交, 告知承诺), checked against a catalog of six items worked out by hand.
@Suite struct NationalStatsTests {
    /// 窗口类别 from the profile: 综窗, 专窗 (a locality's own, in the profile's order).
    ///
    /// | item | 类型 | 法定 → 承诺 | compression | 办件类型 | 到现场 | 网上办理深度 reaches | materials |
    /// |---|---|---|---|---|---|---|---|
    /// | A XK-00001 | 行政许可 | 20个工作日 → 5个工作日 | 0.75 | 承诺件 | 1 | 互联网受理 | 免提交 数据共享 (可共享); 容缺后补 with 5个工作日; 核验原件 |
    /// | B XK-00002 | 行政许可 | 无 → 3个工作日 | — (法定: 无) | 承诺件 | 0 | 互联网办理 | 免提交 电子证照; 免提交 告知承诺; 承诺书 |
    /// | C QR-00003 | 行政确认 | 10个工作日 → 即办 | 1.0 | 即办件 | 0 | 咨询 + 结果反馈: no step | 必要 |
    /// | D QR-00004 | 行政确认 | 30日 → 10日 | 2/3 | 承诺件 | 3 (多次) | — | 容缺后补 with 条件, no deadline; 非必要 |
    /// | E GG-00005 | 公共服务 | 即办 → 即办 | — | 即办件 | — | 互联网收件 | — |
    /// | F GG-00006 | 公共服务 | — | — | — | — | — | 免提交 数据共享 (可共享) |
    ///
    /// 特别程序: A 专家评审 15个工作日 and 检验 (no 时限); D 公示 5个工作日. 告知承诺: B, its
    /// 承诺书 replacing one material.
    static let catalog: Catalog = {
        let items = [
            Item(
                code: "440100-XK-00001-001", name: "甲", type: "行政许可", agencyID: "a", windowIDs: ["zc"], caseType: .promised,
                materials: [
                    MaterialRequirement(name: "营业执照", shareable: true, exemption: .dataSharing),
                    MaterialRequirement(name: "场地证明", necessity: .deferrable, deferralLimit: .workingDays(5)),
                    MaterialRequirement(name: "身份证", verifyOriginal: true),
                ],
                timeLimits: TimeLimits(statutory: .workingDays(20), promised: .workingDays(5)),
                national: NationalElements(
                    onSiteVisits: 1, onlineDepth: ["互联网咨询", "互联网收件", "互联网预审", "互联网受理"],
                    specialProcedures: [
                        SpecialProcedure(kind: "专家评审", limit: .workingDays(15)), SpecialProcedure(kind: "检验"),
                    ])),
            Item(
                code: "440100-XK-00002-001", name: "乙", type: "行政许可", agencyID: "a", windowIDs: ["zc"], caseType: .promised,
                materials: [
                    MaterialRequirement(name: "电子营业执照", exemption: .electronicLicence),
                    MaterialRequirement(name: "经营场所使用证明", exemption: .commitment),
                    MaterialRequirement(name: "告知承诺书"),
                ],
                timeLimits: TimeLimits(promised: .workingDays(3), noStatutoryLimit: true, statutoryNote: "法律法规未规定办理时限。"),
                national: NationalElements(
                    onSiteVisits: 0, onlineDepth: ["互联网咨询", "互联网收件", "互联网预审", "互联网受理", "互联网办理"],
                    commitment: NotificationCommitment(pledgeMaterial: "告知承诺书", replacedMaterials: ["经营场所使用证明"]))),
            Item(
                code: "440100-QR-00003-001", name: "丙", type: "行政确认", agencyID: "a", windowIDs: ["zhuan"], caseType: .immediate,
                materials: [MaterialRequirement(name: "申请表")],
                timeLimits: TimeLimits(statutory: .workingDays(10), promised: .immediate),
                national: NationalElements(onSiteVisits: 0, onlineDepth: ["互联网咨询", "互联网办理结果信息反馈"])),
            Item(
                code: "440100-QR-00004-001", name: "丁", type: "行政确认", agencyID: "a", windowIDs: ["zc", "zhuan"], caseType: .promised,
                materials: [
                    MaterialRequirement(name: "授权委托书", necessity: .deferrable, condition: "委托他人办理的"),
                    MaterialRequirement(name: "其他材料", necessity: .optional),
                ],
                timeLimits: TimeLimits(statutory: .calendarDays(30), promised: .calendarDays(10)),
                national: NationalElements(onSiteVisits: 3, specialProcedures: [SpecialProcedure(kind: "公示", limit: .workingDays(5))])),
            Item(
                code: "440100-GG-00005-001", name: "戊", type: "公共服务", agencyID: "a", caseType: .immediate,
                timeLimits: TimeLimits(statutory: .immediate, promised: .immediate),
                national: NationalElements(onlineDepth: ["互联网咨询", "互联网收件"])),
            Item(
                code: "440100-GG-00006-001", name: "己", type: "公共服务", agencyID: "a", windowIDs: ["zc"],
                materials: [MaterialRequirement(name: "户口簿", shareable: true, exemption: .dataSharing)]),
        ]
        return Catalog(
            name: "实施清单测试目录", region: "440100", standards: ["GB/T 39554.2-2020"],
            windows: [
                ServiceWindow(id: "zc", name: "综合窗口", category: "综窗"),
                ServiceWindow(id: "zhuan", name: "专业窗口", category: "专窗"),
            ],
            items: items,
            codeSets: ["窗口类别": [CodeValue(name: "综窗"), CodeValue(name: "专窗")]])
    }()

    let stats = CatalogStats.compute(NationalStatsTests.catalog)

    @Test func windowCategoriesComeFromTheProfile() {
        // 综窗: A, B, D, F; 专窗: C, D. The profile's order, not the built-in one.
        #expect(stats.itemsByWindowCategory == [.init("综窗", 4), .init("专窗", 2)])
        #expect(stats.itemsInSeveralCategories == 1 && stats.itemsWithoutWindow == 1)
    }

    @Test func timeLimits() {
        // 当场办结 (承诺 即办): C, E; 2 / 6.
        #expect(stats.onTheSpotItems == 2 && stats.onTheSpotShare == 2.0 / 6)
        // Compression: A 15/20 = 0.75, C 1.0, D 20/30; B has no 法定, E's is 即办, F has none.
        #expect(stats.compressionItems == 3)
        #expect(abs(stats.meanCompression! - (0.75 + 1 + 2.0 / 3) / 3) < 1e-12)
        #expect(stats.compressionByType.map(\.type) == ["行政许可", "行政确认", "公共服务"])
        #expect(stats.compressionByType.map(\.items) == [1, 2, 0])
        #expect(stats.compressionByType[0].mean == 0.75)
        #expect(abs(stats.compressionByType[1].mean! - (1 + 2.0 / 3) / 2) < 1e-12)
        #expect(stats.compressionByType[2].mean == nil)
        // B (法定: 无) is counted apart and is in no total: working days are A and C only.
        #expect(stats.noStatutoryLimitItems == 1)
        #expect(stats.workingDays == CatalogStats.DayTotals(items: 2, statutory: 30, promised: 5))
        #expect(stats.calendarDays == CatalogStats.DayTotals(items: 1, statutory: 30, promised: 10))
        // 特别程序: A's two, D's one.
        #expect(stats.specialProcedures.map(\.code) == ["440100-XK-00001-001", "440100-QR-00004-001"].sorted())
        #expect(stats.specialProcedureCount == 3)
    }

    @Test func materials() {
        // 容缺后补: A's 场地证明 (with 5个工作日) and D's conditional 授权委托书.
        #expect(stats.deferrableMaterials == 2 && stats.itemsWithDeferrable == 2 && stats.deferrableWithLimit == 1)
        // 免提交: A and F 数据共享, B 电子证照 and 告知承诺: 4 of 3 + 3 + 1 + 2 + 0 + 1 = 10.
        // A's 身份证 (核验原件) is shown and returned, not 免提交.
        #expect(stats.exemptByReason == [.init("数据共享", 2), .init("电子证照", 1), .init("告知承诺", 1)])
        #expect(stats.exemptMaterials == 4 && stats.exemptShare == 0.4)
        // 告知承诺: B, one material replaced; 1 / 6.
        #expect(stats.commitmentItems == 1 && stats.commitmentShare == 1.0 / 6 && stats.commitmentReplacedMaterials == 1)
    }

    @Test func visitsAndOnline() {
        // 到现场次数 declared by A 1, B 0, C 0, D 3.
        #expect(stats.visitsDeclared == 4)
        #expect(stats.itemsByVisits == [.init("0", 2), .init("1", 1), .init("2", 0), .init("3", 1)])
        #expect(stats.atMostOnceItems == 3 && stats.atMostOnceShare == 0.75)   // A, B, C
        #expect(stats.zeroVisitItems == 2 && stats.zeroVisitShare == 0.5)      // B, C
        // 到现场次数 or 网上办理深度: A, B, C, D and E (depth only).
        #expect(stats.onlineDeclared == 5)
        // 网上可办: A (互联网受理), B (互联网办理); C's 结果信息反馈 is no step of applying.
        #expect(stats.acceptedOnlineItems == 2 && stats.acceptedOnlineShare == 0.4)
        // 全程网办: B only (C has 0 visits but no 互联网办理).
        #expect(stats.fullyOnlineItems == 1 && stats.fullyOnlineShare == 0.2)
    }

    /// A catalog without the national elements: the shares are n/a, not 0%.
    @Test func noItemDeclaresVisits() {
        let old = CatalogStats.compute(CatalogStatsTests.catalog)
        #expect(old.visitsDeclared == 0 && old.atMostOnceShare == nil && old.acceptedOnlineShare == nil)
        #expect(old.text().contains("  最多跑一次（到现场次数 ≤ 1）：n/a\n"))
        #expect(old.text(language: .en).contains("  Wholly online (全程网办: depth reaches 互联网办理, 0 visits): n/a\n"))
        #expect(old.csv().contains("\r\nvisits,,at_most_once_share,\r\n"))
        #expect(old.json().contains("\"zero\": {\n      \"items\": 0,\n      \"share\": null\n    }"))
    }

    @Test func text() throws {
        try expectGolden(stats.text(), file: golden("stats-national.txt"))
        try expectGolden(stats.text(language: .en), file: golden("stats-national.en.txt"))
    }

    @Test func json() throws {
        try expectGolden(stats.json(), file: golden("stats-national.json"))
    }

    @Test func csv() throws {
        try expectGolden(stats.csv(), file: golden("stats-national.csv"))
    }

    @Test func depthLadder() {
        #expect(OnlineDepth.reaches(["互联网办理"], "互联网受理"))
        #expect(!OnlineDepth.reaches(["互联网预审", "互联网电子证照反馈"], "互联网受理"))
        #expect(!OnlineDepth.reaches([], "互联网咨询"))
        #expect(OnlineDepth.reaches(["其他"], "其他"))
    }
}
