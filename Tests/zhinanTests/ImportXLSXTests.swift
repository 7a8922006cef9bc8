import Foundation
import Import
import Testing
import TestSupport

/// `zhinan import xlsx`, end to end with the built binary, on workbooks the tests build.
@Suite(.serialized) struct ImportXLSXTests {
    static let tables = ["task_general_basic", "task_general_extend", "task_general_material", "task_general_fee_project", "task_general_questions"]

    /// A cell as Excel would keep a typed value: a whole number that reads back the same as a
    /// number, a `yyyy-MM-dd` as a date serial, the rest as shared (or, every third, inline) text.
    static func cell(_ text: String, _ i: Int) -> XLSXFixture.Cell? {
        if text.isEmpty { return nil }
        if let n = Int(text), String(n) == text, text.count < 15 { return .number(text) }
        if text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd"
            if let date = f.date(from: text) {
                return .date(String(Int(date.timeIntervalSince1970 / 86_400) + 25_569))
            }
        }
        return i % 3 == 0 ? .inline(text) : .text(text)
    }

    /// The tables in `folder` as the sheets of one workbook.
    static func workbook(of folder: String) throws -> [UInt8] {
        var sheets: [XLSXFixture.Sheet] = []
        for table in tables {
            let path = folder + "/" + table + ".csv"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let csv = try CSVTable.parse([UInt8](data), file: table + ".csv")
            let head: [XLSXFixture.Cell?] = csv.header.map { .text($0) }
            let body: [[XLSXFixture.Cell?]] = csv.rows.map { row in row.cells.enumerated().map { i, text in cell(text, i) } }
            sheets.append(XLSXFixture.Sheet(table, [head] + body))
        }
        return XLSXFixture.workbook(sheets)
    }

    /// Every file under `folder`, by relative path, without the `# 来源：` line (the source's
    /// name and line differ between a CSV file and a sheet).
    static func files(_ folder: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: folder)!.compactMap({ $0 as? String }) where path.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            out[path] = text.components(separatedBy: "\n").filter { !$0.hasPrefix("# 来源：") }.joined(separator: "\n")
        }
        return out
    }

    /// The samples' national export, written as one workbook (numbers as numbers, dates as
    /// serials), imports to the same catalog as the CSV tables do.
    @Test(arguments: ["guangdong-zhijian", "liwan-yichuang"])
    func theSamplesExportAsAWorkbookImportsLikeTheCSV(sample: String) throws {
        let (work, export, imported, run) = try ImportNationalTests.exportAndImport(sample)
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(run.status == 0, "\(run.stderr)")
        let book = work + "/清单.xlsx"
        #expect(FileManager.default.createFile(atPath: book, contents: Data(try Self.workbook(of: export))))
        let out = work + "/from-xlsx"
        let result = try runZhinan(["import", "xlsx", book, "-o", out, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == out + "\n")
        #expect(result.stderr == run.stderr)
        let a = try Self.files(imported), b = try Self.files(out)
        #expect(a.count > 10)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, text) in a where b[path] != text {
            let diff = zip(text.components(separatedBy: "\n"), (b[path] ?? "").components(separatedBy: "\n")).first { $0 != $1 }
            Issue.record("\(path) differs: \(String(describing: diff))")
        }
        let item = try #require(FileManager.default.enumerator(atPath: out + "/items")?.compactMap { $0 as? String }.first { $0.hasSuffix(".yaml") })
        #expect(try String(contentsOfFile: out + "/items/" + item, encoding: .utf8).hasPrefix("# 来源：清单.xlsx[task_general_basic]:"))
    }

    static let header: [XLSXFixture.Cell?] = ["task_name", "task_type", "task_code", "dept_name", "dept_code", "use_level", "accept_condition",
                                              "plan_effective_date", "transact_addr", "transact_time", "link_way", "supervise_way"].map { .text($0) }

    /// Runs `import xlsx` on `sheets`; returns the result, the catalog's path and whether it exists.
    static func run(_ bytes: [UInt8], extra: [String] = []) throws -> (RunResult, String, Bool) {
        let work = try makeFolder(["book.xlsx": bytes])
        let out = work + "/catalog"
        let result = try runZhinan(["import", "xlsx", work + "/book.xlsx", "-o", out, "--lang", "en"] + extra)
        return (result, out, FileManager.default.fileExists(atPath: out))
    }

    /// A centre's own workbook: a header row above the table, two items of one department
    /// (its name and code merged over both rows), a date cell, conditions one per line in a
    /// cell, and a material sheet.
    @Test func aCentresWorkbookImportsWithMergedCellsDatesAndLines() throws {
        let basic = XLSXFixture.Sheet("task_general_basic", [
            Self.header,
            [.text("甲许可"), .text("01"), .text("11440000MB2C9821792440100401001"), .text("某市市场监督管理局"), .text("11440000MB2C982179"),
             .number("2"), .text("1. 申请人具有法人资格\n2. 有固定的经营场所"), .date("45000"), .text("综合窗口（一楼1号）"), .text("周一至周五"),
             .text("电话：020-12345678"), .text("电话：12345")],
            [.inline("乙确认"), .text("行政确认"), .text("11440000MB2C9821792440100701001"), nil, nil,
             .text("省级"), nil, .date("45000", custom: true), .text("综合窗口（一楼1号）"), .text("周一至周五"),
             .formula("\"电话：\"&\"020-87654321\"", cached: "电话：020-87654321"), .text("电话：12345")],
        ], merges: ["D2:D3", "E2:E3"], firstRow: 1)
        let material = XLSXFixture.Sheet("task_general_material", [
            [.text("task_code"), .text("material_name")],
            [.text("11440000MB2C9821792440100401001"), .text("营业执照")],
        ])
        let (result, out, exists) = try Self.run(XLSXFixture.workbook([XLSXFixture.Sheet("说明", text: [["本表由中心维护"]]), basic, material]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(exists)
        #expect(result.stderr.hasPrefix("imported 2 items, "))
        let first = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100401001.yaml", encoding: .utf8)
        #expect(first.hasPrefix("# 来源：book.xlsx[task_general_basic]:2\n事项名称: 甲许可\n# 待补充：事项编码\n事项类型: 行政许可\n"))
        #expect(first.contains("生效日期: 2023-03-15\n") || first.contains("生效日期: \"2023-03-15\"\n"))
        #expect(first.contains("审批条件:\n  - 申请人具有法人资格\n  - 有固定的经营场所\n"))
        #expect(first.contains("申请材料:\n  - 材料: 营业执照\n"))
        let second = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100701001.yaml", encoding: .utf8)
        #expect(second.contains("事项类型: 行政确认\n"))
        #expect(second.contains("咨询:\n  电话: 020-87654321\n"))
        // Both items name the one agency of the merged cells.
        let catalog = try String(contentsOfFile: out + "/catalog.yaml", encoding: .utf8)
        #expect(catalog.contains("实施机关:\n  - 编号: jg1\n    名称: 某市市场监督管理局\n    统一社会信用代码: 11440000MB2C982179\n"))
        #expect(catalog.components(separatedBy: "编号: jg").count == 2)
        #expect(first.contains("实施机关: jg1\n") && second.contains("实施机关: jg1\n"))
    }

    @Test func notAWorkbookExitsTwoAndWritesNothing() throws {
        let (result, _, exists) = try Self.run(Array("task_name,task_code\n".utf8))
        #expect(result.status == 2)
        #expect(result.stderr == "book.xlsx: error: not an Excel workbook (.xlsx): the file is not a ZIP archive. Save an old .xls as .xlsx in Excel or WPS [ZN955]\nnothing was written\n")
        #expect(!exists)
    }

    @Test func aWorkbookWithoutTheBasicSheetNamesItsSheets() throws {
        let (result, _, exists) = try Self.run(XLSXFixture.workbook([XLSXFixture.Sheet("Sheet1", text: [["事项名称"], ["甲"]])]))
        #expect(result.status == 2)
        #expect(result.stderr == "book.xlsx: error: the workbook has neither a sheet named task_general_basic (the national exchange tables) nor a sheet of items with 事项名称 in its header; its sheets: “Sheet1” [ZN953]\nnothing was written\n")
        #expect(!exists)
    }

    @Test func aFormulaWithoutAResultIsLocatedAtItsCell() throws {
        let basic = XLSXFixture.Sheet("task_general_basic", [
            [.text("task_name"), .text("task_code"), .text("dept_name")],
            [.text("甲"), .text("11440000MB2C9821792440100401001"), .formula("VLOOKUP(A2,部门!A:B,2,0)", cached: nil)],
        ])
        let (result, _, exists) = try Self.run(XLSXFixture.workbook([basic]))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("book.xlsx[task_general_basic]:2:3: error: a formula without a saved result: zhinan reads the value Excel saved and never evaluates formulas;"))
        #expect(result.stderr.hasSuffix("[ZN959]\nnothing was written\n"))
        #expect(!exists)
    }

    @Test func aValueUnderNoHeadingIsLocated() throws {
        let basic = XLSXFixture.Sheet("task_general_basic", [
            [.text("task_name"), .text("task_code")],
            [.text("甲"), .text("11440000MB2C9821792440100401001"), .text("多余")],
        ])
        let (result, _, _) = try Self.run(XLSXFixture.workbook([basic]))
        #expect(result.status == 1)
        #expect(result.stderr == "book.xlsx[task_general_basic]:2:3: error: column C holds a value but has no name in the header (row 1) [ZN953]\nnothing was written\n")
    }

    @Test func repeatedCodesAcrossRowsAreLocatedAtTheirRows() throws {
        let row: [XLSXFixture.Cell?] = [.text("甲"), .text("11440000MB2C9821792440100401001")]
        let basic = XLSXFixture.Sheet("task_general_basic", [[.text("task_name"), .text("task_code")], row, row])
        let (result, _, _) = try Self.run(XLSXFixture.workbook([basic]))
        #expect(result.status == 1)
        #expect(result.stderr == "book.xlsx[task_general_basic]:3:2: error: the 实施编码 11440000MB2C9821792440100401001 is repeated: book.xlsx[task_general_basic] line 2 has it already [ZN954]\nnothing was written\n")
    }

    @Test func anEncryptedWorkbookIsRefused() throws {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("task_general_basic", text: [["task_name", "task_code"]])]).map { ZIPFixture.Entry($0.0, $0.1) }
        for i in parts.indices { parts[i].flags |= 1 }
        let (result, _, exists) = try Self.run(ZIPFixture.archive(parts))
        #expect(result.status == 1)
        #expect(result.stderr.contains("is encrypted: remove the password in Excel, save, and import again [ZN956]\nnothing was written\n"))
        #expect(!exists)
    }

    /// `-o` the folder the workbook is in, with --force, would delete the workbook: refused.
    @Test func theOutputCannotHoldTheWorkbook() throws {
        let work = try makeFolder(["in/book.xlsx": XLSXFixture.workbook([XLSXFixture.Sheet("task_general_basic", text: [["task_name", "task_code"]])])])
        let result = try runZhinan(["import", "xlsx", work + "/in/book.xlsx", "-o", work + "/in", "--force", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("holds the workbook"))
        #expect(FileManager.default.fileExists(atPath: work + "/in/book.xlsx"))
    }

    @Test func theExplanationOfAnImportCodeIsThere() throws {
        let result = try runZhinan(["explain", "ZN957", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Workbook over a safety limit"))
    }
}

/// `zhinan import xlsx` on a centre's own sheet: one row per item under Chinese headings.
@Suite struct ImportItemSheetTests {
    static let headings = ["事项名称", "实施编码", "事项类型", "实施主体", "实施主体编码", "法定办结时限", "承诺办结时限",
                           "办件类型", "受理条件", "申请材料", "收费标准", "咨询电话", "监督投诉电话", "办理地点", "办理时间", "生效日期", "备注"]
    static let rows: [[String]] = [
        ["食品经营许可", "11440000MB2C9821792440100401001", "行政许可", "某区市场监督管理局", "11440000MB2C982179", "二十个工作日", "10个工作日",
         "承诺件", "1. 具有合法主体资格\n2. 有与经营相适应的场所", "1. 食品经营许可申请书\n2、营业执照复印件\n（3）法定代表人身份证明", "不收费",
         "020-12345678", "12345", "综合窗口（一楼1号）", "周一至周五", "2023-03-15", "旧表"],
        ["食品经营许可变更", "11440000MB2C9821792440100401002", "行政许可", "", "", "20天", "即办",
         "即办件", "", "变更申请书", "不收费", "020-12345678", "12345", "综合窗口（一楼1号）", "周一至周五", "", ""],
    ]

    static func workbook() -> [UInt8] {
        var sheetRows: [[XLSXFixture.Cell?]] = [[.text("某区政务服务事项实施清单")], Self.headings.map { .text($0) }]
        for row in rows {
            sheetRows.append(row.enumerated().map { i, v in
                v.isEmpty ? nil : (Self.headings[i] == "生效日期" ? .date("45000") : .text(v))
            })
        }
        // The title merged across the header; 实施主体 and its code merged over both items.
        return XLSXFixture.workbook([XLSXFixture.Sheet("实施清单", sheetRows, merges: ["A1:Q1", "D3:D4", "E3:E4"])])
    }

    static func csv() -> String {
        func quote(_ s: String) -> String { s.contains(where: { ",\"\n".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        var rows = Self.rows
        rows[1][3] = rows[0][3]; rows[1][4] = rows[0][4]  // no merged cells in a CSV
        return ([headings] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func run(_ name: String, _ bytes: [UInt8], extra: [String] = []) throws -> (RunResult, String) {
        let work = try makeFolder([name: bytes])
        let out = work + "/catalog"
        return (try runZhinan(["import", "xlsx", work + "/" + name, "-o", out, "--lang", "en"] + extra), out)
    }

    @Test func aCentresSheetImportsItsItems() throws {
        let (result, out) = try Self.run("清单.xlsx", Self.workbook())
        #expect(result.status == 0, "\(result.stderr)")
        let first = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100401001.yaml", encoding: .utf8)
        #expect(first.hasPrefix("# 来源：清单.xlsx[实施清单]:3\n事项名称: 食品经营许可\n"))
        #expect(first.contains("生效日期: 2023-03-15\n") || first.contains("生效日期: \"2023-03-15\"\n"))
        #expect(first.contains("审批条件:\n  - 具有合法主体资格\n  - 有与经营相适应的场所\n"))
        #expect(first.contains("申请材料:\n  - 材料: 食品经营许可申请书\n  - 材料: 营业执照复印件\n  - 材料: 法定代表人身份证明\n"))
        #expect(first.contains("办理时限:\n  法定: 20个工作日\n  承诺: 10个工作日\n"))
        #expect(first.contains("审批收费: 不收费\n"))
        #expect(first.contains("咨询:\n  电话: 020-12345678\n"))
        #expect(first.contains("实施机关: jg1\n"))
        let second = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100401002.yaml", encoding: .utf8)
        #expect(second.contains("办理时限:\n  法定: 20日\n  承诺: 即办\n"))
        #expect(second.contains("实施机关: jg1\n"))  // from the merged cell
        #expect(second.contains("申请材料:\n  - 材料: 变更申请书\n"))
        // The heading no element has is reported, not guessed.
        #expect(result.stderr.contains("  清单.xlsx[实施清单]:2 备注: column 17's heading is not a known element name; the column was not imported\n"))
    }

    /// The same sheet saved as CSV imports to the same items; saved in GB18030 it is named.
    @Test func itsCSVTwinImportsAlikeAndAGB18030OneIsNamed() throws {
        let (book, fromBook) = try Self.run("清单.xlsx", Self.workbook())
        let (csv, fromCSV) = try Self.run("清单.csv", Array(Self.csv().utf8))
        #expect(book.status == 0 && csv.status == 0, "\(csv.stderr)")
        for name in ["11440000MB2C9821792440100401001", "11440000MB2C9821792440100401002"] {
            func body(_ folder: String) throws -> String {
                try String(contentsOfFile: folder + "/items/\(name).yaml", encoding: .utf8).components(separatedBy: "\n").dropFirst().joined(separator: "\n")
            }
            #expect(try body(fromBook) == body(fromCSV))
        }
        // The CSV in GB18030, by iconv (glibc's, on every Linux).
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", fromCSV + "/../清单.csv"]
        let pipe = Pipe()
        iconv.standardOutput = pipe
        try iconv.run()
        let gb = pipe.fileHandleForReading.readDataToEndOfFile()
        iconv.waitUntilExit()
        #expect(iconv.terminationStatus == 0 && gb.count > 100)
        let (refused, out) = try Self.run("清单.csv", [UInt8](gb))
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("清单.csv:1:1: error: the file looks encoded as GB18030/GBK, not UTF-8"))
        #expect(refused.stderr.hasSuffix("[ZN952]\nnothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// `--map`: a centre's own headings (所需材料, 备注 mapped to nothing known) read as the
    /// elements they stand for; a heading mapped to no element is refused at its line.
    @Test func aMapNamesTheCentresOwnHeadings() throws {
        let csv = Self.csv().replacingOccurrences(of: "申请材料,", with: "所需材料,").replacingOccurrences(of: "咨询电话,", with: "联系电话,")
        let work = try makeFolder(["清单.csv": Array(csv.utf8), "map.yaml": Array("所需材料: 申请材料\n联系电话: 咨询电话\n".utf8),
                                   "bad.yaml": Array("所需材料: 材料清单\n".utf8)])
        let plain = try runZhinan(["import", "xlsx", work + "/清单.csv", "-o", work + "/plain", "--lang", "en"])
        #expect(plain.status == 0 && plain.stderr.contains("所需材料: column 10's heading is not a known element name"), "\(plain.stderr)")
        let mapped = try runZhinan(["import", "xlsx", work + "/清单.csv", "--map", work + "/map.yaml", "-o", work + "/mapped", "--lang", "en"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let item = try String(contentsOfFile: work + "/mapped/items/11440000MB2C9821792440100401001.yaml", encoding: .utf8)
        #expect(item.contains("申请材料:\n  - 材料: 食品经营许可申请书\n"))
        #expect(item.contains("咨询:\n  电话: 020-12345678\n"))
        let bad = try runZhinan(["import", "xlsx", work + "/清单.csv", "--map", work + "/bad.yaml", "-o", work + "/bad", "--lang", "en"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("bad.yaml:1:7: error: the column \"所需材料\" is mapped to \"材料清单\", which is no element name zhinan imports; known: "), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work + "/bad"))
    }

    @Test func aNamedSheetWithoutAHeaderIsRefused() throws {
        let (result, _) = try Self.run("清单.xlsx", Self.workbook(), extra: ["--sheet", "其他"])
        #expect(result.status == 2)
        #expect(result.stderr == "清单.xlsx: error: the workbook has no sheet \"其他\"; its sheets: “实施清单” [ZN953]\nnothing was written\n")
    }
}

/// `zhinan import docx`: a Word guide with the headings real guides use.
@Suite struct ImportDOCXTests {
    static func p(_ text: String, style: String? = nil) -> String {
        let props = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        let runs = text.components(separatedBy: "\n").map { "<w:r><w:t xml:space=\"preserve\">\(XLSXFixtureEscape.escape($0))</w:t></w:r>" }
            .joined(separator: "<w:r><w:br/></w:r>")
        return "<w:p>\(props)\(runs)</w:p>"
    }

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl>" + rows.map { "<w:tr>" + $0.map { "<w:tc>\(p($0))</w:tc>" }.joined() + "</w:tr>" }.joined() + "</w:tbl>"
    }

    static func guide() -> [UInt8] {
        let body = [
            p("食品经营许可办事指南", style: "Title"),
            p("一、事项名称", style: "Heading1"), p("食品经营许可"),
            p("二、实施编码：11440000MB2C9821792440100401001", style: "Heading1"),
            p("三、事项类型", style: "Heading1"), p("行政许可"),
            p("四、实施主体", style: "2"), p("某区市场监督管理局"),
            p("五、受理条件", style: "Heading1"), p("1. 具有合法主体资格"), p("2. 有与经营相适应的场所"),
            p("六、申请材料", style: "Heading1"),
            table([["序号", "材料名称", "份数"], ["1", "食品经营许可申请书", "1"], ["2", "营业执照复印件", "1"]]),
            p("七、法定办结时限", style: "Heading1"), p("二十个工作日"),
            p("八、承诺办结时限：10个工作日"),
            p("九、收费标准"), p("不收费"),
            p("十、咨询电话"), p("020-12345678"),
            p("十一、办理地点"), p("综合窗口（一楼1号）"),
            p("十二、温馨提示"), p("请携带原件。\n周末不办理。"),
        ].joined()
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
        return ZIPFixture.archive([.init("[Content_Types].xml", "<Types/>"), .init("word/document.xml", document)])
    }

    @Test func aGuidesSectionsLandInTheirElements() throws {
        let work = try makeFolder(["指南.docx": Self.guide()])
        let out = work + "/catalog"
        let result = try runZhinan(["import", "docx", work + "/指南.docx", "-o", out, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let item = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100401001.yaml", encoding: .utf8)
        #expect(item.hasPrefix("# 来源：指南.docx:1\n事项名称: 食品经营许可\n# 待补充：事项编码\n事项类型: 行政许可\n"))
        #expect(item.contains("审批条件:\n  - 具有合法主体资格\n  - 有与经营相适应的场所\n"))
        #expect(item.contains("申请材料:\n  - 材料: 食品经营许可申请书\n  - 材料: 营业执照复印件\n"))
        #expect(item.contains("办理时限:\n  法定: 20个工作日\n  承诺: 10个工作日\n"))
        #expect(item.contains("审批收费: 不收费\n"))
        #expect(item.contains("咨询:\n  电话: 020-12345678\n"))
        #expect(item.contains("受理地点:\n  - ck1\n"))
        #expect(item.contains("实施机关: jg1\n"))
        // What has no element is kept as a comment, never dropped.
        #expect(item.contains("#   未识别：食品经营许可办事指南\n#   未识别：十二、温馨提示\n#   未识别：请携带原件。 周末不办理。\n"))
    }

    @Test func notADocxIsRefused() throws {
        let work = try makeFolder(["指南.docx": Array("一、事项名称".utf8)])
        let result = try runZhinan(["import", "docx", work + "/指南.docx", "-o", work + "/catalog", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr == "指南.docx: error: not a Word document (.docx): the file is not a ZIP archive. Save an old .doc as .docx in Word or WPS [ZN955]\nnothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: work + "/catalog"))
    }
}
