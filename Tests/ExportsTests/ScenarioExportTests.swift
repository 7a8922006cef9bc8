import Catalog
import Foundation
import TestSupport
import Testing

@testable import Exports

/// 情形 in the exports: JSON and XML carry the questions and every 适用情形, the SQLite
/// database has them as rows, and a catalog without 情形 exports as before.
@Suite struct ScenarioExportTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func jsonMatchesItsGoldenAndRoundTrips() throws {
        for variant in ExportVariant.allCases {
            let json = try CatalogJSON.encode(Fixtures.scenarios, variant: variant)
            if variant == .public { try expectGolden(text(json), file: Fixtures.golden + "/scenarios.public.json") }
            let decoded = try CatalogJSON.decode(json)
            #expect(decoded == variant.view(of: Fixtures.scenarios))
            #expect(try CatalogJSON.encode(decoded, variant: variant) == json)
        }
    }

    @Test func xmlMatchesItsGoldenAndValidates() throws {
        let xml = try CatalogXML.encode(Fixtures.scenarios, variant: .public)  // validates, or throws
        try expectGolden(text(xml), file: Fixtures.golden + "/scenarios.public.xml")
        let s = text(xml)
        #expect(s.contains("""
                  <questions>
                    <question>
                      <id>agent</id>
                      <question>是否委托他人办理？</question>
                      <options>
                        <option>本人办理</option>
                        <option>委托他人办理</option>
                      </options>
                    </question>
            """))
        #expect(s.contains("<conditionApplicability>\n        <condition>\n          <index>1</index>"))
    }

    /// The XSD checks the new elements: a question id with a space, a clause without
    /// options' wrapper, a negative condition index.
    @Test(arguments: [
        ("<id>agent</id>", "<id>a b</id>", "id"),
        ("<index>1</index>", "<index>-1</index>", "index"),
        ("<questionID>agent</questionID>", "<questionID>agent</questionID><extra/>", "extra"),
    ])
    func corruptedScenarioElementsFailValidation(original: String, replacement: String, mentioned: String) throws {
        let xml = text(try CatalogXML.encode(Fixtures.scenarios, variant: .public))
        var corrupted = xml
        corrupted.replaceSubrange(try #require(corrupted.range(of: original)), with: replacement)
        do {
            try CatalogXML.validate(Array(corrupted.utf8))
            Issue.record("a corrupted document validated")
        } catch ExportError.invalidXML(let problems) {
            #expect(problems.contains { $0.contains(mentioned) }, "\(problems)")
        }
    }

    /// The variant's own 办理时限 leaves out `noStatutoryLimit: false`, as the item's does.
    @Test func aVariantsTimeLimitsLeaveOutTheFalseFlag() throws {
        let s = text(try CatalogJSON.encode(Fixtures.scenarios, variant: .internal))
        #expect(!s.contains("\"noStatutoryLimit\""))
        #expect(s.contains("\"promisedNote\" : \"当场办结\""))
    }

    /// A catalog without 情形 has none of the new keys, so its exports are as before (the
    /// tiny and national goldens are unchanged).
    @Test func noScenarioNoNewKeys() throws {
        for variant in ExportVariant.allCases {
            let s = text(try CatalogJSON.encode(Fixtures.tiny, variant: variant))
            for key in ["questions", "conditionApplicability", "scenarioVariants", "applicability"] {
                #expect(!s.contains("\"\(key)\""), "\(key)")
            }
            let x = text(try CatalogXML.encode(Fixtures.tiny, variant: variant))
            #expect(!x.contains("<questions>") && !x.contains("<applicability>"))
        }
    }

    /// Internal 办件类型, 办理时限, 到现场次数 or 审批条件 stay out of the public 情形差异 too.
    @Test func hiddenElementsLeaveTheVariantsToo() throws {
        var c = Fixtures.scenarios
        c.internalElements += [ElementKey.caseType, ElementKey.timeLimits, ElementKey.onSiteVisits, ElementKey.conditions]
        let item = try #require(c.publicView().items.first { $0.hasScenarios })
        #expect(item.scenarioVariants.allSatisfy { $0.caseType == nil && $0.timeLimits == nil && $0.onSiteVisits == nil })
        #expect(item.conditionApplicability.isEmpty)
        let path = try Fixtures.temporaryFolder() + "/c.sqlite"
        try CatalogSQLite.write(c, variant: .public, to: path)
        #expect(try Database(path: path).rows("SELECT count(*) FROM applicability WHERE subject = 'condition'") == [["0"]])
    }

    @Test func sqliteHasQuestionsOptionsVariantsAndApplicability() throws {
        let path = try Fixtures.temporaryFolder() + "/c.sqlite"
        try CatalogSQLite.write(Fixtures.scenarios, variant: .public, to: path)
        let db = try Database(path: path)
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.rows("SELECT item_code, position, id, question FROM scenario_questions ORDER BY position") == [
            ["440100-XK-00012-001", "0", "agent", "是否委托他人办理？"],
            ["440100-XK-00012-001", "1", "by-unit", "登记方式"],
        ])
        #expect(try db.rows("SELECT question_id, position, option FROM scenario_options ORDER BY question_id, position") == [
            ["agent", "0", "本人办理"], ["agent", "1", "委托他人办理"], ["by-unit", "0", "按台（套）"], ["by-unit", "1", "按单位"],
        ])
        #expect(try db.rows("""
            SELECT position, case_type, statutory_kind, statutory_days, promised_kind, promised_days, no_statutory_limit,
                   statutory_note, promised_note, on_site_visits
            FROM scenario_variants ORDER BY position
            """) == [
                ["0", "即办件", "workingDays", "30", "immediate", "0", "0", nil, "当场办结", "0"],
                ["1", nil, nil, nil, nil, nil, nil, nil, nil, "1"],
            ])
        // In the order a reader rebuilds the clauses: questions' order, then options' order.
        #expect(try db.rows("""
            SELECT a.subject, a.subject_position, a.question_id, a.option
            FROM applicability a
            JOIN scenario_questions q ON q.item_code = a.item_code AND q.id = a.question_id
            JOIN scenario_options o ON o.item_code = a.item_code AND o.question_id = a.question_id AND o.option = a.option
            ORDER BY a.subject, a.subject_position, q.position, o.position
            """) == [
                ["condition", "1", "by-unit", "按单位"],
                ["fee", "1", "by-unit", "按台（套）"],
                ["material", "2", "by-unit", "按台（套）"],
                ["material", "3", "agent", "委托他人办理"],
                ["step", "1", "agent", "本人办理"],
                ["step", "1", "agent", "委托他人办理"],
                ["variant", "0", "agent", "本人办理"],
                ["variant", "0", "by-unit", "按单位"],
                ["variant", "1", "by-unit", "按台（套）"],
            ])
        // The personal list of 本人办理 + 按单位: the materials with no row against the choice.
        #expect(try db.rows("""
            SELECT m.name FROM materials m
            WHERE NOT EXISTS (
              SELECT 1 FROM applicability a WHERE a.item_code = m.item_code AND a.subject = 'material'
                AND a.subject_position = m.position
                AND a.question_id IN ('agent', 'by-unit')
                AND NOT EXISTS (SELECT 1 FROM applicability b WHERE b.item_code = a.item_code AND b.subject = a.subject
                  AND b.subject_position = a.subject_position AND b.question_id = a.question_id
                  AND b.option IN ('本人办理', '按单位')))
            ORDER BY m.item_code, m.position
            """).map { $0[0] } == ["特种设备使用登记表", "营业执照"])
    }

    /// A 一件事's merged questions and the alternatives under which a merged material applies.
    @Test func sqliteHasTheBundlesQuestionsAndApplicability() throws {
        let path = try Fixtures.temporaryFolder() + "/c.sqlite"
        try CatalogSQLite.write(Fixtures.scenarios, variant: .public, to: path)
        let db = try Database(path: path)
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.rows("SELECT bundle_code, position, id, question FROM bundle_questions ORDER BY position") == [
            ["440100-YJS-001", "0", "agent", "是否委托他人办理？"],
            ["440100-YJS-001", "1", "by-unit", "登记方式"],
        ])
        #expect(try db.rows("SELECT question_id, position, option FROM bundle_options ORDER BY question_id, position") == [
            ["agent", "0", "本人办理"], ["agent", "1", "委托他人办理"], ["by-unit", "0", "按台（套）"], ["by-unit", "1", "按单位"],
        ])
        #expect(try db.rows("""
            SELECT a.material_position, m.name, a.alternative, a.question_id, a.option
            FROM bundle_applicability a JOIN bundle_materials m ON m.bundle_code = a.bundle_code AND m.position = a.material_position
            ORDER BY a.material_position, a.alternative
            """) == [
                ["0", try db.rows("SELECT name FROM bundle_materials WHERE position = 0")[0][0], "0", "agent", "委托他人办理"],
                ["0", try db.rows("SELECT name FROM bundle_materials WHERE position = 0")[0][0], "1", "by-unit", "按单位"],
            ])
    }

    @Test func sqliteWithoutScenariosHasEmptyTables() throws {
        let path = try Fixtures.temporaryFolder() + "/c.sqlite"
        try CatalogSQLite.write(Fixtures.tiny, variant: .internal, to: path)
        let db = try Database(path: path)
        for table in ["scenario_questions", "scenario_options", "scenario_variants", "applicability",
                      "bundle_questions", "bundle_options", "bundle_applicability"] {
            #expect(try db.rows("SELECT count(*) FROM \(table)") == [["0"]], "\(table)")
        }
    }

    /// An option no question has, or a 适用情形 on a condition that is not there, is refused
    /// whole (the binder never makes one): no file is left.
    @Test func danglingApplicabilityIsRefused() throws {
        var c = Fixtures.scenarios
        let i = c.items.firstIndex(where: \.hasScenarios)!
        c.items[i].materials[3].applicability = Applicability(clauses: [ScenarioClause(questionID: "agent", options: ["代理"])])
        let dir = try Fixtures.temporaryFolder()
        #expect(throws: ExportError.sqlite("INSERT INTO applicability: FOREIGN KEY constraint failed")) {
            try CatalogSQLite.write(c, to: dir + "/c.sqlite")
        }
        c = Fixtures.scenarios
        c.items[i].conditionApplicability[0].index = 7
        #expect(throws: ExportError.sqlite("applicability of a missing subject: 440100-XK-00012-001 condition 7")) {
            try CatalogSQLite.write(c, to: dir + "/c.sqlite")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }
}
