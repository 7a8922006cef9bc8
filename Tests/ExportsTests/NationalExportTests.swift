import Catalog
import Foundation
import TestSupport
import Testing

@testable import Exports

/// `export --format national`: the five exchange tables and a JSON document per item, from a
/// catalog following GB/T 39554.2-2020 built in Swift, its code sets filled by hand from
/// NATIONAL.md (as the compiler fills them from the profiles).
@Suite struct NationalExportTests {
    static let credit = "11450721MB15580811"

    static let codeSets: [String: [CodeValue]] = {
        func set(_ pairs: [(String, String?)]) -> [CodeValue] { pairs.map { CodeValue(name: $0.0, code: $0.1) } }
        return [
            "事项类型": set([
                ("行政许可", "01"), ("行政处罚", "02"), ("行政强制", "03"), ("行政征收", "04"), ("行政给付", "05"),
                ("行政检查", "06"), ("行政确认", "07"), ("行政奖励", "08"), ("行政裁决", "09"), ("其他行政权力", "10"),
                ("公共服务", "20"),
            ]),
            "行使层级": set([("国家级", "1"), ("省级", "2"), ("市级", "3"), ("县级", "4"), ("镇级", "5"), ("村级", "6"), ("分级管理", "7")]),
            "实施主体性质": set([("法定机关", "1"), ("授权组织", "2"), ("受委托组织", "3"), ("其他", "9")]),
            "权力来源": set([("法定本级行使", "1"), ("上级下放", "2"), ("上级授权", "3"), ("同级授权", "4"), ("上级委托", "5"), ("同级委托", "6")]),
            "服务对象": set([
                ("自然人", "1"), ("企业法人", "2"), ("事业法人", "3"), ("社会组织法人", "4"), ("非法人企业", "5"),
                ("行政机关", "6"), ("其他组织", "9"),
            ]),
            "办件类型": set([("即办件", "1"), ("承诺件", "2"), ("联办件", "9"), ("上报件", "9")]),
            "办理形式": set([
                ("窗口办理", "1"), ("电脑端网上办理", "2"), ("移动端网上申请", "3"), ("快递申请", "4"), ("其他", "9"),
                ("窗口", "1"), ("电脑端", "2"), ("移动端", "3"), ("快递", "4"),
            ]),
            "网上办理深度": set([
                ("互联网咨询", "1"), ("互联网收件", "2"), ("互联网预审", "3"), ("互联网受理", "4"), ("互联网办理", "5"),
                ("互联网办理结果信息反馈", "6"), ("互联网电子证照反馈", "7"), ("其他", "8"),
            ]),
            "审批结果类型": set([("证照", "10"), ("批文", "20"), ("其他", "30"), ("无", "99")]),
            "通办范围": set([("全国", nil), ("跨省", nil), ("全省", nil), ("全市", nil), ("全县", nil), ("全镇", nil), ("全村", nil)]),
            "材料形式": set([("原件", "1"), ("复印件", "2"), ("原件和复印件", "3")]),
            "材料介质": set([("纸质", "1"), ("电子", "2"), ("纸质或电子", "3")]),
            "材料来源": set([("申请人自备", "10"), ("政府部门核发", "20"), ("中介机构出具", "30"), ("其他", "99")]),
            "必要性": set([("必要", "1"), ("非必要", "2"), ("容缺后补", "3")]),
        ]
    }()

    /// Two items: the 灵山县 record of NATIONAL.md (行政许可, 批文, a 特别程序, a FAQ) and a
    /// 公共服务 item with `法定: 无`, fees, two 业务办理项 and a 证照.
    static let catalog: Catalog = {
        let permit = Item(
            code: "450721-XK-00001-001", name: "固定资产投资项目节能审查", type: "行政许可",
            serviceObjects: ["企业法人", "事业法人"], agencyID: "spj", scope: "本县行政区域内的固定资产投资项目。",
            windowIDs: ["zh-1"], handlingForms: ["窗口办理", "电脑端网上办理"],
            legalBasis: [LegalBasis(lawID: "jnf", article: "第十五条", text: "国家实行固定资产投资项目节能评估和审查制度。")],
            caseType: .promised, conditions: ["项目符合节能有关法律法规。", "节能报告内容完整。"],
            materials: [
                MaterialRequirement(
                    name: "节能报告", form: .originalAndCopy, medium: "纸质或电子", source: "中介机构出具",
                    requirement: "加盖公章，\"原件\"一份。", reviewPoints: "内部审查要点：核对能耗数据", originalCopies: 1, photocopies: 2,
                    blankForm: "forms/节能报告.docx", sampleForm: "forms/节能报告样表.pdf", fillingNotes: "按附录A填写。"),
                MaterialRequirement(
                    name: "营业执照", libraryID: "yyzz", form: .copy, copies: 1, source: "政府部门核发", shareable: true,
                    exemption: .dataSharing),
            ],
            timeLimits: TimeLimits(statutory: .workingDays(20), promised: .workingDays(5)),
            fees: .free, consultation: Consultation(phone: "0777-6512345", address: "灵山县政务服务中心"),
            flow: [
                FlowStep(name: "受理", role: "综合受理窗口", timeLimit: .immediate, transitions: [Transition(target: "决定")]),
                FlowStep(name: "决定", role: "审批股", timeLimit: .workingDays(5), transitions: [Transition(target: "办结")]),
                FlowStep(name: "办结", outcome: .granted),
            ],
            staff: [StaffRole(role: "审批股", duties: "内部职责：审查节能报告")], supervision: "内部监督：每月抽查",
            result: ApprovalResult(type: "批文", name: "关于某项目节能报告的批复", sample: "samples/批复样本.pdf", delivery: ["窗口领取", "邮寄送达"]),
            national: NationalElements(
                basicCode: "000104002000", implementationCode: credit + "4" + "000104002000", exerciseLevel: "县级",
                implementerNature: "法定机关", powerSource: "法定本级行使", onSiteVisits: 1, onSiteReason: "需现场提交纸质节能报告。",
                onlineDepth: ["互联网咨询", "互联网收件", "互联网预审"], onlineURL: "https://zwfw.gxzf.gov.cn/",
                handlingArea: "全县", complaint: Complaint(phone: "12345", address: "灵山县政务服务中心投诉台"),
                specialProcedures: [SpecialProcedure(
                    kind: "专家评审", limit: .workingDays(15), basis: LegalBasis(lawID: "jnf", article: "第十五条"), note: "需组织专家评审的。")],
                quantityLimit: "无", faqs: [FAQ(question: "可以委托他人办理吗？", answer: "可以，需提交授权委托书。")],
                version: 13, effectiveDate: "2020-01-01"))
        let service = Item(
            code: "450721-GG-00002-001", name: "=测试,公共服务", type: "公共服务", serviceObjects: ["自然人"], agencyID: "spj",
            windowIDs: ["zh-1"], handlingForms: ["窗口", "快递"], caseType: .immediate,
            materials: [MaterialRequirement(name: "身份证", form: .original, verifyOriginal: true)],
            timeLimits: TimeLimits(promised: .immediate, noStatutoryLimit: true, statutoryNote: "法律法规未规定办理时限。", promisedNote: "半小时办结"),
            fees: .charged([Fee(name: "工本费", standard: "每本10元", basis: "桂价费〔2019〕1号")]),
            consultation: Consultation(phone: "0777-6512345"),
            certificate: Certificate(name: "证明书"),
            national: NationalElements(
                basicCode: "452004020000", implementationCode: credit + "4" + "452004020000",
                handlingItems: [
                    HandlingItem(code: credit + "4" + "452004020000" + "01", name: "本人申请"),
                    HandlingItem(code: credit + "4" + "452004020000" + "02", name: "委托申请"),
                ],
                exerciseLevel: "县级", implementerNature: "法定机关", powerSource: "法定本级行使", onSiteVisits: 0,
                onlineDepth: ["互联网咨询", "互联网收件", "互联网预审", "互联网受理", "互联网办理"],
                onlineURL: "https://zwfw.gxzf.gov.cn/", complaint: Complaint(phone: "12345"), version: 2))
        return Catalog(
            name: "灵山县行政审批局实施清单", region: "450721", standards: ["GB/T 39554.2-2020", "DB44/T 1147-2013"],
            agencies: [Agency(id: "spj", name: "灵山县行政审批局", creditCode: credit)],
            windows: [ServiceWindow(id: "zh-1", name: "综合受理窗口", category: "综合", location: "灵山县政务服务中心一楼", hours: "周一至周五 8:00-12:00")],
            laws: [Law(id: "jnf", name: "中华人民共和国节约能源法", level: "法律", documentNumber: "主席令第十六号")],
            sharedMaterials: [SharedMaterial(id: "yyzz", name: "营业执照", shareable: true)],
            items: [permit, service],
            internalElements: ["materials.reviewPoints", "staff", "supervision"],
            codeSets: codeSets)
    }()

    /// Every NOT NULL column (NATIONAL.md's *, and catalog_code and task_code, NOT NULL in
    /// the published table definitions) holds a value on every row.
    @Test func everyRequiredFieldIsFilled() throws {
        let tables = try NationalTables(Self.catalog)
        for table in tables.all {
            #expect(!table.rows.isEmpty, "\(table.name)")
            for row in table.rows {
                for (column, cell) in zip(table.columns, row) where column.required {
                    guard case .text(let s) = cell, !s.isEmpty else {
                        Issue.record("\(table.name).\(column.name) is empty")
                        continue
                    }
                }
            }
        }
        let required = Set(tables.basic.columns.filter(\.required).map(\.name))
        #expect(required == [
            "task_name", "task_type", "catalog_code", "task_code", "task_version", "task_state", "dept_name", "dept_code",
            "dept_type", "use_level", "power_source", "server_type", "project_type", "limit_scene_num", "is_fee",
            "transact_addr", "transact_time", "link_way", "supervise_way",
        ])
        #expect(Set(tables.extend.columns.filter(\.required).map(\.name))
            == ["task_code", "is_online", "result_type", "is_entry_center", "is_express", "is_pay_online"])
    }

    /// task_code = dept_code + use_level + catalog_code, and catalog_code's characters 3–4
    /// are task_type.
    @Test func codesDecompose() throws {
        let tables = try NationalTables(Self.catalog)
        let index = Dictionary(uniqueKeysWithValues: tables.basic.columns.enumerated().map { ($1.name, $0) })
        for row in tables.basic.rows {
            func v(_ name: String) -> String { if case .text(let s) = row[index[name]!] { s } else { "" } }
            #expect(v("task_code") == v("dept_code") + v("use_level") + v("catalog_code"))
            #expect(String(v("catalog_code").dropFirst(2).prefix(2)) == v("task_type"))
            #expect(v("task_code").count == 31 && v("catalog_code").count == 12 && v("dept_code").count == 18)
        }
        #expect(tables.itemKeys == Self.catalog.items.reversed().map { $0.national.implementationCode! })  // 事项编码 order
    }

    @Test func files() throws {
        let files = try NationalExport.files(Self.catalog)
        // The tables, then the items in 事项编码 order (GG-00002 before XK-00001).
        #expect(files.map(\.path) == [
            "task_general_basic.csv", "task_general_extend.csv", "task_general_material.csv",
            "task_general_fee_project.csv", "task_general_questions.csv",
            "items/\(Self.credit)4452004020000.json", "items/\(Self.credit)4000104002000.json",
        ])
        for file in files {
            try expectGolden(file.contents, file: folder() + "/Golden/national/" + file.path)
        }
    }

    /// 审查要点, 审批人员 and 监督检查 are in no file.
    @Test func onlyPublicData() throws {
        let all = try NationalExport.files(Self.catalog).map { String(decoding: $0.contents, as: UTF8.self) }.joined()
        for secret in ["内部审查要点", "内部职责", "内部监督"] { #expect(!all.contains(secret), "\(secret)") }
    }

    /// Python's csv module reads each table: a BOM, a header, the same number of cells on
    /// every row, and the catalog's text back (a formula-like one with its `'`).
    @Test func tablesParseAsCSV() throws {
        let files = try NationalExport.files(Self.catalog).filter { $0.path.hasSuffix(".csv") }
        let folder = try makeFolder(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }))
        let r = try runPython(["-c", """
            import csv, glob, json, os, sys
            for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.csv'))):
                raw = open(path, 'rb').read()
                assert raw.startswith(b'\\xef\\xbb\\xbf'), path
                rows = list(csv.reader(open(path, newline='', encoding='utf-8-sig')))
                print(os.path.basename(path), len(rows) - 1, sorted(set(len(r) for r in rows)) == [len(rows[0])])
            rows = list(csv.DictReader(open(os.path.join(sys.argv[1], 'task_general_basic.csv'), newline='', encoding='utf-8-sig')))
            print(json.dumps([r['task_name'] for r in rows], ensure_ascii=False))
            print(json.dumps([r['server_type'] for r in rows]))
            """, folder])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            task_general_basic.csv 2 True
            task_general_extend.csv 2 True
            task_general_fee_project.csv 1 True
            task_general_material.csv 3 True
            task_general_questions.csv 1 True
            ["'=测试,公共服务", "固定资产投资项目节能审查"]
            ["1", "2,3"]

            """)
    }

    /// Scripts/validate-national.py (run in CI on the samples) passes the golden export and
    /// finds a task_code that does not decompose and an empty NOT NULL field.
    @Test func ciScriptChecksTheTables() throws {
        let script = repositoryRoot() + "/Scripts/validate-national.py"
        let files = try NationalExport.files(Self.catalog)
        let good = try makeFolder(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }))
        let ok = try runPython([script, good])
        #expect(ok.status == 0 && ok.stdout == "national: 1 passed, 0 failed\n", "\(ok.stdout)\(ok.stderr)")
        var broken = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        broken["task_general_basic.csv"] = broken["task_general_basic.csv"]!
            .replacingOccurrences(of: ",000104002000,", with: ",000104002001,")
            .replacingOccurrences(of: ",电话：12345\r\n", with: ",\r\n")
        let bad = try makeFolder(.text(broken))
        let r = try runPython([script, bad])
        #expect(r.status == 1)
        #expect(r.stdout.contains("task_general_basic.csv:2: supervise_way is empty (NOT NULL)"), "\(r.stdout)")
        #expect(r.stdout.contains("task_code 11450721MB155808114000104002000 is not dept_code + use_level + catalog_code"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("national: 0 passed, 1 failed\n"))
    }

    @Test func refusesACatalogWithoutTheProfile() {
        var old = Self.catalog
        old.standards = ["DB44/T 1147-2013"]
        #expect(throws: NationalExportError.self) { try NationalExport.files(old) }
        do {
            _ = try NationalExport.files(old)
        } catch let error as NationalExportError {
            #expect(error.message(chinese: true).hasPrefix("目录未遵循 GB/T 39554.2-2020"))
            #expect(error.message(chinese: false).hasPrefix("the catalog does not follow GB/T 39554.2-2020"))
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Every missing NOT NULL element, uncoded value and wrong 实施编码 is named with its item.
    @Test func namesWhatIsMissing() {
        var broken = Self.catalog
        broken.items[0].national.complaint = nil
        broken.items[0].national.onSiteVisits = nil
        broken.items[0].serviceObjects = ["个体工商户"]
        broken.items[1].national.implementationCode = "91450721MA5K00000X4452004020000"
        broken.items[1].fees = nil
        do {
            _ = try NationalExport.files(broken)
            Issue.record("exported a broken catalog")
        } catch let error as NationalExportError {
            #expect(error.message(chinese: false) == """
                450721-GG-00002-001 =测试,公共服务: 审批收费 is missing (task_general_basic.is_fee may not be empty)
                450721-GG-00002-001 =测试,公共服务: 实施编码 91450721MA5K00000X4452004020000 is not the agency's 统一社会信用代码 11450721MB15580811 + the 行使层级 code 4 + 基本编码 452004020000
                450721-XK-00001-001 固定资产投资项目节能审查: 服务对象 "个体工商户" has no national code in the code set 服务对象 (task_general_basic.server_type); give it one in the profile
                450721-XK-00001-001 固定资产投资项目节能审查: 到现场次数 is missing (task_general_basic.limit_scene_num may not be empty)
                450721-XK-00001-001 固定资产投资项目节能审查: 监督投诉 is missing (task_general_basic.supervise_way may not be empty)
                """)
            #expect(error.message(chinese: true).contains("固定资产投资项目节能审查：缺少监督投诉（task_general_basic.supervise_way 不能为空）"))
        } catch {
            Issue.record("\(error)")
        }
    }

    /// End to end: a sample catalog that does not follow the profile (the Liwan sample as it
    /// was before issue 13, kept for UnchangedCatalogTests) is refused with exit status 1 and
    /// nothing written; --internal is a usage error.
    @Test func commandRefusesAndWritesNothing() throws {
        let dir = try Fixtures.temporaryFolder() + "/national"
        let old = "Tests/zhinanTests/Golden/unchanged/catalogs/liwan-yichuang"
        let r = try runZhinan(["export", old, "--format", "national", "-o", dir, "--lang", "en"], in: repositoryRoot())
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("the catalog cannot be exported to the national exchange tables; nothing was written:\n  the catalog does not follow GB/T 39554.2-2020"))
        #expect(!FileManager.default.fileExists(atPath: dir))
        let internalRun = try runZhinan(["export", old, "--format", "national", "-o", dir, "--internal"], in: repositoryRoot())
        #expect(internalRun.status == 2, "\(internalRun.stderr)")
        #expect(internalRun.stderr.contains("--internal cannot be used with --format national"))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }
}
