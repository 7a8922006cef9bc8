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

    /// Every national 实施清单 element lands in its column or table (all public).
    @Test func everyNationalElementLands() throws {
        let (db, _) = try export(Fixtures.national, .public)
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        let code = "440100-XK-00012-001"
        #expect(try db.rows("SELECT set_name, position, name, code FROM code_sets WHERE set_name != '窗口类别' ORDER BY set_name, position") == [
            ["审批结果类型", "0", "证照", "10"], ["审批结果类型", "1", "批文", "20"],
            ["行使层级", "0", "市级", "3"], ["行使层级", "1", "县级", "4"],
        ])
        #expect(try db.rows("SELECT name, code FROM code_sets WHERE set_name = '窗口类别' AND position = 0") == [["工程类", nil]])
        #expect(try db.rows("""
            SELECT basic_code, implementation_code, exercise_level, implementer_nature, power_source, entrusting_agency_id,
                   on_site_visits, on_site_reason, online_url, handling_area, complaint_phone, complaint_website,
                   complaint_address, complaint_email, quantity_limit, commitment_pledge, commitment_verification,
                   version, effective_date, repeal_date, result_type, result_name, result_validity, result_sample,
                   no_statutory_limit, statutory_kind, statutory_note, promised_note
            FROM items WHERE code = '\(code)'
            """) == [[
                "000104002000", "11440100MB2C1234813000104002000", "市级", "法定机关", "上级委托", "zjj",
                "1", "需现场核验设备铭牌。", "https://www.gdzwfw.gov.cn/", "全市", "12345", "https://www.gz.gov.cn/",
                "政务服务中心一楼投诉台", "ts@example.gov.cn", "无", "特种设备使用登记表", "30日内现场核查。",
                "3", "2025-01-01", "2030-12-31", "证照", "特种设备使用登记证", "长期", "samples/登记证 样本.pdf",
                "1", nil, "法律法规未规定办理时限，按本机关承诺时限办理。", "资料齐全的，10个工作日内办结。",
            ]])
        #expect(try db.rows("SELECT no_statutory_limit, on_site_visits FROM items WHERE code != '\(code)'") == [["0", nil]])
        #expect(try db.rows("SELECT position, code, name FROM handling_items") == [["0", "11440100MB2C123481300010400200001", "企业申请"]])
        #expect(try db.rows("SELECT agency_id FROM item_joint_agencies") == [["zjj"]])
        #expect(try db.rows("SELECT value FROM item_online_depths ORDER BY position") == [["互联网咨询"], ["互联网收件"], ["互联网预审"], ["互联网受理"]])
        #expect(try db.rows("SELECT kind, limit_kind, limit_days, law_id, article, text, note FROM special_procedures") == [[
            "专家评审", "workingDays", "15", "xzxkf", "第四十五条", "所需时间不计算在本节规定的期限内。", "现场审查发现需要专家论证的。",
        ]])
        #expect(try db.rows("SELECT value FROM delivery_methods ORDER BY position") == [["窗口领取"], ["邮寄送达"]])
        #expect(try db.rows("SELECT question, answer FROM faqs") == [["可以委托他人办理吗？", "可以，需提交授权委托书。"]])
        #expect(try db.rows("SELECT material_name FROM commitment_replaced_materials") == [["授权委托书"]])
        #expect(try db.rows("""
            SELECT position, exemption, verify_original, original_copies, photocopies, blank_form, sample_form, filling_notes,
                   deferral_kind, deferral_days
            FROM materials WHERE item_code = '\(code)' ORDER BY position
            """) == [
                ["0", nil, "1", "1", "2", "forms/登记表.docx", "forms/登记表样表.pdf", "用黑色签字笔填写。", nil, nil],
                ["1", "数据共享", "0", nil, nil, nil, nil, nil, nil, nil],
                ["2", nil, "0", nil, nil, nil, nil, nil, "workingDays", "5"],
                ["3", "告知承诺", "0", nil, nil, nil, nil, nil, nil, nil],
            ])
        #expect(try db.rows("SELECT exemption FROM bundle_materials") == [["数据共享"]])
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
