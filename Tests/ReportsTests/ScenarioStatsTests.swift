import Catalog
import Reports
import TestSupport
import Testing

/// `stats` for 情形: scenarios, the full list, the average and the largest personal list.
@Suite struct ScenarioStatsTests {
    static func when(_ clauses: (String, [String])...) -> Applicability {
        Applicability(clauses: clauses.map { ScenarioClause(questionID: $0.0, options: $0.1) })
    }

    /// 2 questions × 2 options, 5 materials: two for everyone (one 免提交), one for 委托, one
    /// for 家庭经营, one for both. The four scenarios get 2, 3, 3 and 5 materials: the mean
    /// is 13/4 = 3.25 (1 + 1 + ½ + ½ + ¼), the largest 5.
    static let individual: Item = {
        var item = Sample.item(code: "440100-DJ-00001-001", name: "个体工商户登记")
        item.questions = [
            ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"]),
            ScenarioQuestion(id: "form", question: "经营形式", options: ["个人经营", "家庭经营"]),
        ]
        item.materials = [
            MaterialRequirement(name: "个体工商户登记申请书"),
            MaterialRequirement(name: "营业执照", libraryID: "yyzz", shareable: true, exemption: .dataSharing),
            MaterialRequirement(name: "授权委托书", applicability: when(("agent", ["委托他人办理"]))),
            MaterialRequirement(name: "家庭成员关系证明", applicability: when(("form", ["家庭经营"]))),
            MaterialRequirement(name: "受托人代家庭成员签署的声明", applicability: when(("agent", ["委托他人办理"]), ("form", ["家庭经营"]))),
        ]
        return item
    }()

    /// 3 × 2 options in two independent groups: mean 1 + ⅔ + ⅓ + ½ = 2.5, largest 1 + 1 + 1 = 3.
    static let food: Item = {
        var item = Sample.item(code: "440100-XK-00030-001", name: "食品经营许可")
        item.questions = [
            ScenarioQuestion(id: "kind", question: "申请类型", options: ["新办", "延续", "变更"]),
            ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"]),
        ]
        item.materials = [
            MaterialRequirement(name: "食品经营许可申请书"),
            MaterialRequirement(name: "场所平面图", applicability: when(("kind", ["新办", "变更"]))),
            MaterialRequirement(name: "原食品经营许可证", applicability: when(("kind", ["延续"]))),
            MaterialRequirement(name: "授权委托书", applicability: when(("agent", ["委托他人办理"]))),
        ]
        return item
    }()

    static let catalog = Sample.catalog(items: [individual, food, Sample.item()])

    @Test func figuresOfAHandComputedItem() throws {
        let f = try #require(ScenarioFigures(Self.individual))
        #expect(f.questions == 2 && f.scenarios.description == "4" && f.fullList == 5)
        #expect(f.meanList == 3.25)
        #expect(f.largestList == 5 && f.largestIsExact)
        // The mean is the mean over the enumerated scenarios.
        var counts: [Int] = []
        for a in ["本人办理", "委托他人办理"] {
            for b in ["个人经营", "家庭经营"] {
                counts.append(Self.individual.materials(for: ScenarioChoice(["agent": a, "form": b])).count)
            }
        }
        #expect(counts == [2, 3, 3, 5])
        let g = try #require(ScenarioFigures(Self.food))
        #expect(g.scenarios.description == "6" && g.meanList == 2.5 && g.largestList == 3 && g.largestIsExact)
        #expect(ScenarioFigures(Sample.item()) == nil)
    }

    @Test func overallFigures() {
        let stats = CatalogStats.compute(Self.catalog)
        #expect(stats.scenarioItems.map(\.code) == ["440100-DJ-00001-001", "440100-XK-00030-001"])
        #expect(stats.scenarioCount.description == "10")
        #expect(stats.meanFullList == 4.5)
        #expect(stats.meanPersonalList == 2.875)
        #expect(stats.listReduction.map { ($0 * 1e9).rounded() } == ((1 - 5.75 / 9) * 1e9).rounded())
        #expect(stats.largestPersonalList == (5, true))
        // A material with 适用情形 is a conditional one.
        #expect(stats.materials(.conditional).total == 6)
    }

    /// 13 questions tied together by two materials that exclude each other: 8192 combinations,
    /// more than are enumerated, so the largest list is a bound (2; exactly it is 1).
    @Test func aLargeGroupGivesABound() throws {
        var item = Sample.item()
        item.questions = (1...13).map { ScenarioQuestion(id: "q\($0)", question: "问题\($0)", options: ["是", "否"]) }
        item.materials = [
            MaterialRequirement(name: "甲", applicability: Applicability(clauses: (1...13).map { ScenarioClause(questionID: "q\($0)", options: ["是"]) })),
            MaterialRequirement(name: "乙", applicability: Self.when(("q1", ["否"]), ("q2", ["是"]))),
        ]
        let f = try #require(ScenarioFigures(item))
        #expect(f.scenarios.description == "8192")
        #expect(f.largestList == 2 && !f.largestIsExact)
        #expect(f.meanList == 1.0 / 8192 + 0.25)
        let text = CatalogStats.compute(Sample.catalog(items: [item])).text()
        #expect(text.contains("最多 不超过 2 项") || text.contains("最多不超过 2 项"), "\(text)")
    }

    /// Many questions: the count is exact past 2⁶⁴, and independent questions are not enumerated.
    @Test func manyQuestionsAreExactAndFast() throws {
        var item = Sample.item()
        item.questions = (1...70).map { ScenarioQuestion(id: "q\($0)", question: "问题\($0)", options: ["是", "否"]) }
        item.materials = (1...70).map { MaterialRequirement(name: "材料\($0)", applicability: Self.when(("q\($0)", ["是"]))) }
        let f = try #require(ScenarioFigures(item))
        #expect(f.scenarios.description == "1180591620717411303424")
        #expect(f.meanList == 35 && f.largestList == 70 && f.largestIsExact)
        #expect(ScenarioCount(999_999_999).multiplied(by: 1_000_000_001).adding(ScenarioCount(1)).description == "1000000000000000000")
    }

    @Test func reports() throws {
        let stats = CatalogStats.compute(Self.catalog)
        try expectGolden(stats.text(), file: golden("stats-scenarios.txt"))
        try expectGolden(stats.text(language: .en), file: golden("stats-scenarios.en.txt"))
        try expectGolden(stats.json(), file: golden("stats-scenarios.json"))
        try expectGolden(stats.csv(), file: golden("stats-scenarios.csv"))
        let html = StatsDashboard(stats: stats, catalog: Self.catalog).html()
        // The page is the one of stats.html with one more section: its golden is that section.
        let start = try #require(html.range(of: "<section aria-labelledby=\"scenarios\">"))
        let end = try #require(html.range(of: "</section>\n", range: start.upperBound..<html.endIndex))
        try expectGolden(String(html[start.lowerBound..<end.upperBound]), file: golden("stats-scenarios.section.html"))
        #expect(html.contains("<h2 id=\"scenarios\">情形（精准告知）</h2>"))
        #expect(html.contains("精准告知使申请材料从平均 4.5 项减少到平均 2.9 项（减少 36.1%）；个人清单最多 5 项。"))
        let en = StatsDashboard(stats: stats, catalog: Self.catalog, language: .en).html()
        #expect(en.contains("精准告知 reduces the list from 4.5 to 2.9 materials on average (36.1% fewer)"))
    }

    /// Without 情形 nothing is added: no section, no JSON member, no CSV row.
    @Test func withoutScenariosNothingIsAdded() {
        let stats = CatalogStats.compute(Sample.catalog())
        #expect(stats.scenarioItems.isEmpty)
        #expect(!stats.text().contains("精准告知") && !stats.text(language: .en).contains("精准告知"))
        #expect(!stats.json().contains("\"scenarios\"") && !stats.csv().contains("scenario"))
        #expect(!StatsDashboard(stats: stats, catalog: Sample.catalog()).html().contains("id=\"scenarios\""))
    }
}
