import Catalog
import Foundation
import TestSupport
import Testing

@testable import Exports

@Suite struct SQLiteExportTests {
    /// Writes `catalog` and opens the result for queries.
    func export(_ catalog: Catalog, _ variant: ExportVariant) throws -> (Database, String) {
        let path = try Fixtures.temporaryFolder() + "/catalog.sqlite"
        try CatalogSQLite.write(catalog, variant: variant, to: path)
        return (try Database(path: path), path)
    }

    func value(_ db: Database, _ sql: String) throws -> String? {
        try #require(try db.rows(sql).first).first ?? nil
    }

    @Test(arguments: Fixtures.sampleNames, ExportVariant.allCases)
    func samplesExportWithIntactKeys(name: String, variant: ExportVariant) throws {
        let catalog = variant.view(of: try Fixtures.sample(name))
        let (db, _) = try export(catalog, variant)
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.rows("PRAGMA integrity_check") == [["ok"]])
        #expect(try value(db, "SELECT count(*) FROM items") == String(catalog.items.count))
        #expect(try value(db, "SELECT count(*) FROM steps") == String(catalog.items.map(\.flow.count).reduce(0, +)))
        #expect(try value(db, "SELECT count(*) FROM transitions")
            == String(catalog.items.flatMap(\.flow).map(\.transitions.count).reduce(0, +)))
        #expect(try value(db, "SELECT value FROM meta WHERE key = 'region'") == catalog.region)
        #expect(try value(db, "SELECT value FROM meta WHERE key = 'variant'") == variant.rawValue)
        #expect(try value(db, "PRAGMA user_version") == "1")

        // One item's materials, in order.
        let item = try #require(catalog.items.first { $0.materials.count > 2 })
        let materials = try db.rows("SELECT name, necessity FROM materials WHERE item_code = '\(item.code)' ORDER BY position")
        #expect(materials == item.materials.map { [$0.name, $0.necessity.rawValue] })

        // Items joined to their agencies.
        let joined = try db.rows("SELECT items.code, agencies.name FROM items JOIN agencies ON agencies.id = items.agency_id ORDER BY items.position")
        let names = Dictionary(uniqueKeysWithValues: catalog.agencies.map { ($0.id, $0.name) })
        #expect(joined == catalog.items.map { [$0.code, names[$0.agencyID]] })

        // Internal elements only in the internal variant.
        let staff = try value(db, "SELECT count(*) FROM staff_roles")
        let reviewPoints = try value(db, "SELECT count(*) FROM materials WHERE review_points IS NOT NULL")
        let supervision = try value(db, "SELECT count(*) FROM items WHERE supervision IS NOT NULL")
        if variant == .public {
            #expect(staff == "0" && reviewPoints == "0" && supervision == "0")
        } else {
            #expect(staff != "0" && reviewPoints != "0" && supervision != "0")
        }
    }

    @Test func everyFieldOfTheTinyCatalogLands() throws {
        let (db, _) = try export(Fixtures.tiny, .internal)
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.rows("SELECT code, position, fees_kind, statutory_kind, statutory_days, promised_kind, promised_days FROM items ORDER BY position") == [
            ["440100-QR-00001-000", "0", "free", "immediate", "0", "immediate", "0"],
            ["440100-XK-00012-001", "1", "charged", "workingDays", "30", "calendarDays", "10"],
        ])
        #expect(try db.rows("SELECT name, standard, basis FROM fees ORDER BY position") == [
            ["工本费", "10元/证", "粤价〔2000〕1号"], ["检验费", "按次", nil],
        ])
        #expect(try db.rows("SELECT m.name, s.name, m.shareable FROM materials m JOIN shared_materials s ON s.id = m.shared_material_id") == [
            ["营业执照", "营业执照", "1"],
        ])
        #expect(try db.rows("SELECT from_step, condition, to_step FROM transitions WHERE from_step = '受理' ORDER BY position") == [
            ["受理", "材料齐全", "审查"], ["受理", "材料不齐全", "补正告知"],
        ])
        #expect(try db.rows("SELECT name, is_timed, outcome FROM steps WHERE outcome IS NOT NULL OR is_timed = 0 ORDER BY position") == [
            ["补正告知", "0", nil], ["送达", "1", "准予"], ["不予登记告知", "1", "不予"], ["撤回", "1", "终止"],
        ])
        #expect(try db.rows("SELECT i.item_code, w.category FROM item_windows i JOIN windows w ON w.id = i.window_id ORDER BY i.position") == [
            ["440100-XK-00012-001", "经营类"], ["440100-XK-00012-001", "综合"],
        ])
        #expect(try db.rows("SELECT e.key, e.kind, e.text, x.text FROM additional_elements e LEFT JOIN additional_element_entries x ON x.item_code = e.item_code AND x.element_position = e.position ORDER BY e.position, x.position") == [
            ["onlineDepth", "text", "全程网办", nil], ["reviewNotes", "text", "内部复核意见", nil],
            ["tags", "list", nil, "特种设备"], ["tags", "list", nil, "使用登记"],
        ])
        #expect(try db.rows("SELECT key FROM internal_elements ORDER BY key") == [["materials.reviewPoints"], ["staff"], ["supervision"]])
        #expect(try db.rows("SELECT b.name, b.mode, b.promised_days, b.materials_before_merge, b.materials_after_merge, b.critical_working_days, b.one_by_one_calendar_days FROM bundles b") == [
            ["特种设备作业一件事", "混合", "10", "3", "2", "10", "2"],
        ])
        #expect(try db.rows("SELECT m.stage, m.stage_name, i.name FROM bundle_members m JOIN items i ON i.code = m.item_code ORDER BY m.position") == [
            ["0", "补证", "特种设备作业人员证补办"], ["1", "登记", "特种设备使用登记"],
        ])
        #expect(try db.rows("SELECT name, form, copies, needed_by FROM bundle_materials") == [
            ["营业执照", "原件和复印件", "2", "440100-QR-00001-000,440100-XK-00012-001"],
        ])
        #expect(try value(db, "SELECT rights_and_obligations FROM items WHERE fees_kind = 'charged'") == Fixtures.tiny.items[0].rightsAndObligations)
    }

    @Test func foreignKeysAreEnforcedWhileWriting() throws {
        var broken = Fixtures.tiny
        broken.items[0].agencyID = "nope"
        let dir = try Fixtures.temporaryFolder()
        #expect(throws: ExportError.sqlite("INSERT INTO items: FOREIGN KEY constraint failed")) {
            try CatalogSQLite.write(broken, variant: .internal, to: dir + "/c.sqlite")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [], "no file, no temporary left behind")
    }

    @Test func anExistingFileIsReplacedWhole() throws {
        let dir = try Fixtures.temporaryFolder()
        let path = dir + "/c.sqlite"
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: path))
        try CatalogSQLite.write(Fixtures.tiny, to: path)
        #expect(try value(try Database(path: path), "SELECT count(*) FROM items") == "2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["c.sqlite"])
    }

    @Test func anUnwritablePathIsAnIOError() throws {
        #expect {
            try CatalogSQLite.write(Fixtures.tiny, to: "/nonexistent-zhinan-folder/c.sqlite")
        } throws: { error in
            if case ExportError.io(let path, let message) = error {
                return path == "/nonexistent-zhinan-folder/c.sqlite" && message == "No such file or directory"
            }
            return false
        }
    }
}
