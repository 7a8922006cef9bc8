import Foundation
import Testing
import TestSupport

/// `zhinan import` on the inputs an outside tester attacked it with (issue 17's attack
/// report): each test pins the behaviour the fix chose, end to end through the binary.
@Suite struct ImportAttackTests {
    static let code = "11440000MB2C9821792440100401001"

    static func item(_ out: String) throws -> String {
        try String(contentsOfFile: out + "/items/\(code).yaml", encoding: .utf8)
    }

    /// Expects the import `run` to have succeeded and its item file to hold each of `parts`;
    /// returns the file's text.
    @discardableResult
    static func expectItem(
        _ run: (RunResult, String), holding parts: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let (result, out) = run
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        let item = try Self.item(out)
        for part in parts { #expect(item.contains(part), "\(item)", sourceLocation: sourceLocation) }
        return item
    }

    static func csv(_ text: String, extra: [String] = []) throws -> (RunResult, String) {
        try ImportItemSheetTests.run("清单.csv", Array(text.utf8), extra: extra)
    }

    static func guide(_ body: [String]) throws -> (RunResult, String) {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body.joined())</w:body></w:document>"
        let work = try makeFolder(["指南.docx": ZIPFixture.archive([.init("[Content_Types].xml", "<Types/>"), .init("word/document.xml", document)])])
        return (try runZhinan(["import", "docx", work + "/指南.docx", "-o", work + "/catalog", "--lang", "en"]), work + "/catalog")
    }

    // MARK: F1 two columns or sections for one element

    /// Two columns of a list's elements (受理条件 and 申请条件, 设定依据 and 办理依据, 申请材料
    /// twice) are kept together in column order; a single value given twice alike is one value.
    @Test func twoColumnsOfAListAreKeptTogether() throws {
        let csv = "事项名称,实施编码,受理条件,申请条件,设定依据,办理依据,申请材料,申请材料,事项名称\r\n甲,\(Self.code),条件A,条件B,《甲条例》第一条,《乙条例》第二条,申请书,\"身份证\n营业执照\",甲\r\n"
        try Self.expectItem(try Self.csv(csv), holding: [
            "审批条件:\n  - 条件A\n  - 条件B\n",
            "办理依据:\n  - 法规: fg1\n    条款: 第一条\n  - 法规: fg2\n    条款: 第二条\n",
            "申请材料:\n  - 材料: 申请书\n  - 材料: 身份证\n  - 材料: 营业执照\n",
        ])
    }

    /// A single-valued element given twice with different values (事项名称 and 事項名稱, 咨询电话
    /// and 审批咨询) is refused at the second column, naming the first; nothing is written.
    @Test func aSingleElementGivenTwiceDifferentlyIsRefused() throws {
        let (result, out) = try Self.csv("事项名称,实施编码,事項名稱\r\n简体,\(Self.code),繁體\r\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            清单.csv:2:3: error: column 3 "事項名稱" and column 1 "事项名称" are both 事项名称, with different values ("繁體" and "简体"): an item has one 事项名称; delete one column, or map one to another element with --map [ZN953]
            nothing was written

            """, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let (phone, _) = try Self.csv("事项名称,实施编码,咨询电话,审批咨询\r\n甲,\(Self.code),020-12345678,见网站\r\n")
        #expect(phone.status == 1)
        #expect(phone.stderr.hasPrefix("清单.csv:2:4: error: column 4 \"审批咨询\" and column 3 \"咨询电话\" are both 咨询,"), "\(phone.stderr)")
    }

    /// A Word guide's second section for one element (受理条件 then 申请条件; 咨询方式 twice)
    /// continues the first: its text is appended, never dropped.
    @Test func aGuidesSecondSectionForAnElementIsAppended() throws {
        func p(_ t: String, _ s: String?) -> String { ImportDOCXTests.p(t, style: s) }
        let (result, out) = try Self.guide([p("一、事项名称：甲", nil), p("二、实施编码：\(Self.code)", nil), p("三、受理条件", nil), p("条件A", nil),
                                            p("四、设定依据", nil), p("《甲条例》第一条", nil), p("五、申请条件", nil), p("条件B", nil),
                                            p("六、办理依据", nil), p("《乙条例》第二条", nil)])
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(out)
        #expect(item.contains("审批条件:\n  - 条件A\n  - 条件B\n"), "\(item)")
        #expect(item.contains("办理依据:\n  - 法规: fg1\n    条款: 第一条\n  - 法规: fg2\n    条款: 第二条\n"), "\(item)")
    }
}

extension ImportAttackTests {
    // MARK: F3 是否收费, and a 审批结果 column holding a type

    /// 是否收费 (the national profile's 别名 of 审批收费): 否 is 不收费, as the national is_fee 0;
    /// 是 a placeholder fee with a located warning; other text a placeholder with the text in a comment.
    @Test func isThereAFeeIsReadAsYesOrNo() throws {
        let code2 = "11440000MB2C9821792440100401002", code3 = "11440000MB2C9821792440100401003"
        let csv = "事项名称,实施编码,是否收费\r\n甲,\(Self.code),否\r\n乙,\(code2),是\r\n丙,\(code3),按规定\r\n"
        let (result, out) = try Self.csv(csv)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out).contains("\n审批收费: 不收费\n"))
        let yes = try String(contentsOfFile: out + "/items/\(code2).yaml", encoding: .utf8)
        #expect(yes.contains("# 待补充：审批收费\n") && !yes.contains("标准: 是"), "\(yes)")
        let other = try String(contentsOfFile: out + "/items/\(code3).yaml", encoding: .utf8)
        #expect(other.contains("# 待补充：审批收费\n#   源数据（是否收费：按规定）\n"), "\(other)")
        #expect(result.stderr.hasSuffix("""
            values and rows left out:
              清单.csv:3 是否收费: "是" says there is a fee but not which: 审批收费 is left as a placeholder; write its 项目, 标准 and 依据
              清单.csv:4 是否收费: "按规定" is neither yes (是) nor no (否) under 是否收费: 审批收费 is left as a placeholder, the text kept in a comment

            """), "\(result.stderr)")
        let (json, _) = try Self.csv(csv, extra: ["--diagnostics-format", "json"])
        #expect(json.stdout.contains("清单.csv\",\"line\":3,\"column\":3,"), "\(json.stdout)")
    }

    /// A 审批结果 column holding 证照 is the result's 类型, not its 名称.
    @Test func aResultColumnHoldingATypeIsTheType() throws {
        let (result, out) = try Self.csv("事项名称,实施编码,审批结果\r\n甲,\(Self.code),证照\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(out)
        #expect(item.contains("审批结果:\n  类型: 证照\n  # 待补充：审批结果.名称\n"), "\(item)")
        #expect(result.stderr.contains("  清单.csv:2 审批结果: \"证照\" is a type of 审批结果, not its name: written as 审批结果.类型, the 名称 left as a placeholder\n"), "\(result.stderr)")
    }
}

extension ImportAttackTests {
    // MARK: F2 what a Word guide's heading is

    /// A short line 咨询 inside 温馨提示 and a step `4. 办理结果` of 办理流程 are no headings: they
    /// stay where they are (the 未识别 notes); `咨询电话：…` under 五、咨询方式 is its value.
    @Test func aGuidesStepsAndShortLinesAreNoHeadings() throws {
        func p(_ t: String) -> String { ImportDOCXTests.p(t) }
        let (result, out) = try Self.guide([
            p("一、事项名称"), p("个体工商户设立登记"), p("二、实施编码"), p(Self.code), p("三、受理条件"), p("1. 年满18周岁"),
            p("四、办理流程"), p("1. 申请"), p("2. 受理"), p("3. 审查"), p("4. 办理结果"), p("申请人可在窗口领取营业执照。"),
            p("五、咨询方式"), p("咨询电话：020-12345678"),
            p("六、温馨提示"), p("请携带原件。"), p("咨询"), p("工作日可到窗口咨询。"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(out)
        #expect(item.contains("审批条件:\n  - 年满18周岁\n"), "\(item)")
        #expect(item.contains("咨询:\n  电话: 020-12345678\n"), "\(item)")
        #expect(!item.contains("审批结果:"), "\(item)")
        #expect(item.hasSuffix("""
            # 未导入的源数据（请核对后处理）：
            #   未识别：四、办理流程
            #   未识别：1. 申请
            #   未识别：2. 受理
            #   未识别：3. 审查
            #   未识别：4. 办理结果
            #   未识别：申请人可在窗口领取营业执照。
            #   未识别：六、温馨提示
            #   未识别：请携带原件。
            #   未识别：咨询
            #   未识别：工作日可到窗口咨询。

            """), "\(item)")
    }

    /// Numbering decides: `第一条` and `1.` top levels, and a sub-level `（一）` heading.
    @Test func numberingKindsOfAGuide() throws {
        func p(_ t: String) -> String { ImportDOCXTests.p(t) }
        let (result, out) = try Self.guide([
            p("1. 事项名称"), p("甲"), p("2. 实施编码"), p(Self.code), p("3. 办理时限"), p("（一）法定办结时限"), p("20个工作日"),
            p("（二）承诺办结时限"), p("10个工作日"), p("4. 受理条件"), p("条件A"), p("1. 受理条件"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(out)
        #expect(item.contains("事项名称: 甲\n"), "\(item)")
        #expect(item.contains("办理时限:\n  法定: 20个工作日\n  承诺: 10个工作日\n"), "\(item)")
        // `1. 受理条件` after `4.` is no new top-level heading: text of the section it is in.
        #expect(item.contains("审批条件:\n  - 条件A\n  - 1. 受理条件\n"), "\(item)")
        #expect(item.contains("#   未识别：3. 办理时限\n"), "\(item)")
    }
}

extension ImportAttackTests {
    // MARK: F5–F7 dates in a workbook

    static func xlsx(_ sheets: [XLSXFixture.Sheet], date1904: Bool = false, extra: [String] = []) throws -> (RunResult, String) {
        var parts = XLSXFixture.parts(sheets)
        if date1904, let i = parts.firstIndex(where: { $0.0 == "xl/workbook.xml" }) {
            parts[i].1 = parts[i].1.replacingOccurrences(of: "<sheets>", with: "<workbookPr date1904=\"1\"/><sheets>")
        }
        return try ImportItemSheetTests.run("清单.xlsx", ZIPFixture.archive(parts.map { ZIPFixture.Entry($0.0, $0.1) }), extra: extra)
    }

    static func header(_ names: [String]) -> [XLSXFixture.Cell?] { names.map { .text($0) } }

    /// A datetime of 23:59:59.5 in 生效日期 stays on its day, its time dropped with ZN961.
    @Test func theLastHalfSecondOfADayStaysOnIt() throws {
        let (result, out) = try Self.xlsx([XLSXFixture.Sheet("清单", [Self.header(["事项名称", "实施编码", "生效日期"]),
                                                                   [.text("甲"), .text(Self.code), .date("45000.9999999")]])])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out).contains("生效日期: 2023-03-15\n"))
        #expect(result.stderr.contains("  清单.xlsx[清单]:2 生效日期: \"2023-03-15 23:59:59\" has a time of day, and 生效日期 holds a date only: written as 2023-03-15, the time 23:59:59 was dropped\n"), "\(result.stderr)")
    }

    /// A time of day alone (or 0) in a date format is read only where it is imported: in a
    /// sheet not imported, or under a heading not known, it is no error; in 生效日期 it is one, at
    /// its cell — in a 1904 workbook too.
    @Test func aTimeOnlyCellIsAnErrorOnlyInADateElement() throws {
        let notes = XLSXFixture.Sheet("说明", [[.text("更新时间"), .date("0.5")]])
        let fine = XLSXFixture.Sheet("清单", [Self.header(["事项名称", "实施编码", "备注时间"]), [.text("甲"), .text(Self.code), .date("0")]])
        let (ok, _) = try Self.xlsx([notes, fine])
        #expect(ok.status == 0, "\(ok.stderr)")
        for date1904 in [false, true] {
            let bad = XLSXFixture.Sheet("清单", [Self.header(["事项名称", "实施编码", "生效日期"]), [.text("甲"), .text(Self.code), .date("0.5")]])
            let (result, out) = try Self.xlsx([notes, bad], date1904: date1904)
            #expect(result.status == 1)
            #expect(result.stderr == """
                清单.xlsx[清单]:2:3: error: the value 12:00:00 under 生效日期 is a time of day without a date: write the date in Excel (such as 2023-03-15) [ZN959]
                nothing was written

                """, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let zero = XLSXFixture.Sheet("清单", [Self.header(["事项名称", "实施编码", "生效日期"]), [.text("甲"), .text(Self.code), .date("0")]])
        let (result, _) = try Self.xlsx([zero])
        #expect(result.stderr.hasPrefix("清单.xlsx[清单]:2:3: error: the value 00:00:00 under 生效日期 is not a date between 1900 and 9999 [ZN959]\n"), "\(result.stderr)")
    }

    /// A heading mapped to 生效日期 reads a serial number as a date, as 生效日期 itself does.
    @Test func aMappedDateColumnReadsSerials() throws {
        let work = try makeFolder(["map.yaml": Array("启用日期: 生效日期\n".utf8)])
        let (result, out) = try Self.xlsx([XLSXFixture.Sheet("清单", [Self.header(["事项名称", "实施编码", "启用日期"]),
                                                                   [.text("甲"), .text(Self.code), .number("45000")]])],
                                          extra: ["--map", work + "/map.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out).contains("生效日期: 2023-03-15\n"))
    }
}

extension ImportAttackTests {
    // MARK: F8 a column without a heading, F9 office hours without a place

    /// A CSV value under an empty heading is refused, as in a workbook; so is a map from "".
    @Test func aValueUnderAnEmptyHeadingIsRefused() throws {
        let (result, _) = try Self.csv("事项名称,实施编码,\r\n甲,\(Self.code),身份证\r\n")
        #expect(result.status == 1)
        #expect(result.stderr == "清单.csv:2:3: error: column 3 holds a value but has no name in the header (line 1) [ZN953]\nnothing was written\n", "\(result.stderr)")
        let work = try makeFolder(["map.yaml": Array("\"\": 申请材料\n".utf8)])
        let (mapped, _) = try Self.csv("事项名称,实施编码\r\n甲,\(Self.code)\r\n", extra: ["--map", work + "/map.yaml"])
        #expect(mapped.status == 2)
        #expect(mapped.stderr == "map.yaml:1:1: error: a mapped heading is empty: give the column a heading in the sheet first [ZN953]\nnothing was written\n", "\(mapped.stderr)")
    }

    /// 办理时间 without 办理地点: 受理地点 is a placeholder with the hours under it, and a warning.
    @Test func officeHoursWithoutAPlaceAreKept() throws {
        let (result, out) = try Self.csv("事项名称,实施编码,办理时间\r\n甲,\(Self.code),周一至周五 9:00-17:00\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out).contains("# 待补充：受理地点\n#   源数据（transact_time，没有受理地点）：周一至周五 9:00-17:00\n"))
        #expect(result.stderr.contains("  清单.csv:2 办理时间: office hours without a place (办理地点): 受理地点 is left as a placeholder, the hours kept in a comment\n"), "\(result.stderr)")
    }
}

extension ImportAttackTests {
    // MARK: F10 a code too long for a file name

    /// An 实施编码 longer than a file name allows is ZN954 at its own column, with the limit,
    /// before anything is written.
    @Test func aCodeTooLongForAFileNameIsRefusedAtItsColumn() throws {
        let long = String(repeating: "1", count: 251)
        let (result, out) = try Self.csv("事项名称,事项类型,实施编码\r\n甲,行政许可,\(long)\r\n")
        #expect(result.status == 1)
        #expect(result.stderr == "清单.csv:2:3: error: the 实施编码 has 251 characters, more than 250: it names the item's file (250 characters and .yaml are a file name's limit of 255 bytes) [ZN954]\nnothing was written\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let (bad, _) = try Self.csv("事项名称,事项类型,实施编码\r\n甲,行政许可,11-22\r\n")
        #expect(bad.stderr.hasPrefix("清单.csv:2:3: error: 实施编码 \"11-22\" may hold only digits and capital letters [ZN954]\n"), "\(bad.stderr)")
    }
}

extension ImportAttackTests {
    // MARK: F11 every refusal in the diagnostics format

    /// With --diagnostics-format, a CATALOG that exists is a ZN962 diagnostic on standard
    /// output, as every import error is; as text it stays the `zhinan: error:` line.
    @Test func anExistingCatalogIsADiagnosticInTheFormatAsked() throws {
        let work = try makeFolder(["清单.csv": Array("事项名称,实施编码\r\n甲,\(Self.code)\r\n".utf8), "out/keep": Array("x".utf8)])
        let json = try runZhinan(["import", "xlsx", "清单.csv", "-o", "out", "--lang", "en", "--diagnostics-format", "json"], in: work)
        #expect(json.status == 2)
        #expect(json.stdout == """
            {"version":1,"diagnostics":[
            {"code":"ZN962","severity":"error","file":"out","line":1,"column":1,"endLine":1,"endColumn":1,"message":"\\"out\\" already exists and was left alone; add --force to replace it","notes":[]}
            ]}

            """, "\(json.stdout)")
        #expect(json.stderr == "nothing was written\n")
        let github = try runZhinan(["import", "xlsx", "清单.csv", "-o", "out", "--lang", "en", "--diagnostics-format", "github"], in: work)
        #expect(github.stdout.hasPrefix("::error file=out,line=1,col=1,endLine=1,endColumn=1,title=ZN962 Catalog cannot be written::\"out\" already exists"), "\(github.stdout)")
        let text = try runZhinan(["import", "xlsx", "清单.csv", "-o", "out", "--lang", "en"], in: work)
        #expect(text.stdout == "")
        #expect(text.stderr == "zhinan: error: \"out\" already exists and was left alone; add --force to replace it\n")
    }
}

extension ImportAttackTests {
    // MARK: F12 files located by the path as given

    /// json, sarif and github name a source file by the path given on the command line (as
    /// `check` does), so a CI tool finds it from the working folder; the text keeps the name.
    @Test func diagnosticsNameTheSourceByThePathGiven() throws {
        let work = try makeFolder(["data/book.xlsx": ImportHeadingsAndCellsTests.formulaWorkbook(),
                                   "nat1/task_general_basic.csv": Array("task_name,task_code\n甲,1-2\n".utf8)])
        let github = try runZhinan(["import", "xlsx", "data/book.xlsx", "-o", "catalog", "--lang", "en", "--diagnostics-format", "github"], in: work)
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=data/book.xlsx[task_general_basic],line=2,col=3,endLine=2,endColumn=3,title=ZN959 "), "\(github.stdout)")
        let text = try runZhinan(["import", "xlsx", "data/book.xlsx", "-o", "catalog", "--lang", "en"], in: work)
        #expect(text.stderr.hasPrefix("book.xlsx[task_general_basic]:2:3: error: "), "\(text.stderr)")
        let national = try runZhinan(["import", "national", "nat1", "-o", "catalog", "--lang", "en", "--diagnostics-format", "github"], in: work)
        #expect(national.status == 1)
        #expect(national.stdout.hasPrefix("::error file=nat1/task_general_basic.csv,line=2,col=2,endLine=2,endColumn=2,title=ZN954 "), "\(national.stdout)")
    }
}

extension ImportAttackTests {
    // MARK: F15 headings that are element names

    /// A heading the standards name (申请材料目录) is a --map target as it is a heading; a
    /// heading no column fills (辦理時限) is told apart from one zhinan does not know.
    @Test func aMapMayNameTheStandardsHeadings() throws {
        let work = try makeFolder(["map.yaml": Array("所需材料: 申请材料目录\n".utf8)])
        let (result, out) = try Self.csv("事项名称,实施编码,所需材料,辦理時限,备注\r\n甲,\(Self.code),申请书,20个工作日,无\r\n", extra: ["--map", work + "/map.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out).contains("申请材料:\n  - 材料: 申请书\n"))
        #expect(result.stderr.hasSuffix("""
            values and rows left out:
              清单.csv:1 辦理時限: column 4's heading 辦理時限 names an element of the standards, but import reads that element from no single column (docs/import.md lists the headings it reads, such as 法定办结时限 and 承诺办结时限); the column was not imported
              清单.csv:1 备注: column 5's heading is not a known element name; the column was not imported

            """), "\(result.stderr)")
    }
}

extension ImportAttackTests {
    // MARK: F14 dates in text

    /// A date or time that is none (2023-13-45, 24:00) is written as it is, for `check` to
    /// judge, not cut to a "date"; the time-dropped warning names the column by its heading.
    @Test func aDateThatIsNoneIsLeftAsWritten() throws {
        let code2 = "11440000MB2C9821792440100401002", code3 = "11440000MB2C9821792440100401003"
        let (result, out) = try Self.csv("事项名称,实施编码,生效日期\r\n甲,\(Self.code),2023-13-45 10:00\r\n乙,\(code2),2023-03-15 24:00\r\n丙,\(code3),2023-03-15 10:00\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out).contains("生效日期: 2023-13-45 10:00\n"))
        #expect(try String(contentsOfFile: out + "/items/\(code2).yaml", encoding: .utf8).contains("生效日期: 2023-03-15 24:00\n"))
        #expect(result.stderr.hasSuffix("""
            values and rows left out:
              清单.csv:4 生效日期: "2023-03-15 10:00" has a time of day, and 生效日期 holds a date only: written as 2023-03-15, the time 10:00 was dropped

            """), "\(result.stderr)")
    }
}

/// What the second attack round found (2026-12-03), each case as found.
extension ImportAttackTests {
    /// A date with a time written in full-width or other non-ASCII digits used to stop the
    /// import with a crash (`\d` takes them, `Int` does not read them): left as written.
    @Test func aDateInOtherDigitsIsLeftAsWritten() throws {
        let code2 = "11440000MB2C9821792440100401002"
        let (result, out) = try Self.csv("事项名称,实施编码,生效日期\r\n甲,\(Self.code),２０２３-０３-１５ 10:00\r\n乙,\(code2),٢٠٢٣-03-15 10:00\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out).contains("生效日期: ２０２３-０３-１５ 10:00\n"))
        #expect(try String(contentsOfFile: out + "/items/\(code2).yaml", encoding: .utf8).contains("生效日期: ٢٠٢٣-03-15 10:00\n"))
    }

    /// Under 收费标准 (or 审批收费), the words that say there is no fee are read as such in
    /// any common form; a short word naming no amount never becomes a fee's 标准.
    @Test func feeWordsAreNeverAStandard() throws {
        let words = ["否。", "否 （免费）", "０", "N", "免收", "不收取", "無", "不收費", "无需收费", "—", "1", "每件10元"]
        let codes = words.indices.map { String(format: "11440000MB2C9821792440100401%03d", $0 + 1) }
        let rows = zip(words, codes).map { "甲,\($1),\($0)\r\n" }.joined()
        let (result, out) = try Self.csv("事项名称,实施编码,收费标准\r\n" + rows)
        #expect(result.status == 0, "\(result.stderr)")
        func fee(_ k: Int) throws -> String {
            let text = try String(contentsOfFile: out + "/items/\(codes[k]).yaml", encoding: .utf8)
            return text.split(separator: "\n").drop { !$0.contains("审批收费") }.prefix(2).joined(separator: "\n")
        }
        for k in 0..<9 {
            let found = try fee(k)
            #expect(found.hasPrefix("审批收费: 不收费"), "\(words[k]): \(found)")
        }
        #expect(try fee(9) == "# 待补充：审批收费\n#   源数据（收费标准：—）")
        #expect(try fee(10).hasPrefix("# 待补充：审批收费\n"))
        #expect(try fee(11) == "审批收费:\n  - 标准: 每件10元")
    }

    /// An empty CATALOG (`-o "$OUT"` with OUT unset) would be the working folder: refused,
    /// even with --force, and nothing in the working folder touched.
    @Test func anEmptyCatalogPathIsRefused() throws {
        let work = try makeFolder(["清单.csv": Array("事项名称,实施编码\r\n甲,\(Self.code)\r\n".utf8), "notes.txt": Array("keep".utf8)])
        let result = try runZhinan(["import", "xlsx", "清单.csv", "-o", "", "--force", "--lang", "en", "--standards", repositoryRoot() + "/standards"], in: work)
        #expect(result.status == 2)
        #expect(result.stderr.contains("the output path is empty (a variable left unset in a script?)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["notes.txt", "清单.csv"])
    }

    /// Two condition columns each numbered from 1 are four conditions, not three with the
    /// second column's text run into the first's last; the same condition twice is one.
    @Test func conditionColumnsNumberedEachFromOneAreKeptApart() throws {
        try Self.expectItem(try Self.csv("事项名称,实施编码,受理条件,申请条件\r\n甲,\(Self.code),\"1. 甲条件\n2. 乙条件\",\"1. 丙条件\n2. 甲条件\n3. 丁条件\"\r\n"), holding: ["审批条件:\n  - 甲条件\n  - 乙条件\n  - 丙条件\n  - 丁条件\n"])
    }
}

extension ImportAttackTests {
    /// 是否收费 and 收费标准 side by side, as centres keep them, say one fee: 是 with 每件10元
    /// is that standard, 否 with 不收费 no fee; 否 with an amount does not agree (ZN953 at
    /// the later column). A phone under 咨询电话 and the same as 电话：… under 咨询方式 are one.
    @Test func aYesOrNoColumnAndAStandardColumnSayOneFee() throws {
        let code2 = "11440000MB2C9821792440100401002"
        let (result, out) = try Self.csv(
            "事项名称,实施编码,是否收费,收费标准,咨询电话,咨询方式\r\n甲,\(Self.code),是,每件10元,020-1,电话：020-1\r\n乙,\(code2),否,不收费,,\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(out)
        #expect(item.contains("审批收费:\n  - 标准: 每件10元\n"), "\(item)")
        #expect(item.contains("咨询:\n  电话: 020-1\n"), "\(item)")
        #expect(try String(contentsOfFile: out + "/items/\(code2).yaml", encoding: .utf8).contains("\n审批收费: 不收费\n"))
        // 否 beside a dash in 收费标准 is no fee too, as an officer means it.
        try Self.expectItem(try Self.csv("事项名称,实施编码,是否收费,收费标准\r\n甲,\(Self.code),否,—\r\n"), holding: ["\n审批收费: 不收费\n"])
        let (refused, _) = try Self.csv("事项名称,实施编码,是否收费,收费标准\r\n甲,\(Self.code),否,每件10元\r\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(
            "清单.csv:2:4: error: column 4 \"收费标准\" and column 3 \"是否收费\" both speak of 审批收费 and do not agree (\"每件10元\" and \"否\"): correct one of them [ZN953]"),
            "\(refused.stderr)")
    }
}

extension ImportAttackTests {
    /// A guide that opens with a typed table of contents (一、 … 四、) and then numbers its
    /// body from 一、 again: the body fills the sections the contents named; the guide used to
    /// be written nowhere, with exit 0.
    @Test func aBodyAfterATypedTableOfContentsFillsItsSections() throws {
        func p(_ t: String) -> String { ImportDOCXTests.p(t) }
        let run = try Self.guide([
            p("一、事项名称"), p("二、实施编码"), p("三、受理条件"), p("四、咨询方式"),
            p("一、事项名称"), p("个体工商户设立登记"), p("二、实施编码"), p(Self.code), p("三、受理条件"), p("年满18周岁"),
            p("四、咨询方式"), p("咨询电话：020-12345678"),
        ])
        try Self.expectItem(run, holding: ["事项名称: 个体工商户设立登记\n", "审批条件:\n  - 年满18周岁\n", "咨询:\n  电话: 020-12345678\n"])
    }

    /// A guide whose 实施编码 is empty would be written nowhere (its file is named by the
    /// code): it is refused whole, saying which headings were found, and nothing is written.
    @Test func aGuideWithoutACodeIsRefusedNotDropped() throws {
        func p(_ t: String) -> String { ImportDOCXTests.p(t) }
        let (result, out) = try Self.guide([p("一、事项名称"), p("个体工商户设立登记"), p("二、实施编码"), p("三、受理条件"), p("年满18周岁")])
        #expect(result.status == 1)
        #expect(result.stderr == """
            指南.docx: error: no value of 实施编码 was found in the guide (under a heading 实施编码, or a line 实施编码：…), so no item file can be written for it; headings recognised: 事项名称, 实施编码, 受理条件 [ZN954]
            nothing was written

            """, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// An empty output path (`-o "$OUT"` with OUT unset) is refused by every command that
/// writes, with exit 2, and nothing is written: `new catalog ""` used to write catalog.yaml
/// and items/ at the root of the file system.
@Suite struct EmptyOutputPathTests {
    @Test(arguments: [
        // A space, not "": were the check gone, "" would write at the root of the file system.
        ["new", "catalog", " "], ["new", "item", " ", "--code", "440100-XK-00001-002"], ["schema", "-o", ""],
        ["build", "CATALOG", "-o", "", "--force"], ["export", "CATALOG", "--format", "json", "-o", " "],
    ])
    func isRefused(arguments: [String]) throws {
        let work = try makeFolder(["notes.txt": Array("keep".utf8)])
        let sample = repositoryRoot() + "/catalogs/guangdong-zhijian"
        let args = arguments.map { $0 == "CATALOG" ? sample : $0 } + ["--lang", "en", "--standards", repositoryRoot() + "/standards"]
        let result = try runZhinan(args, in: work)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("the output path is empty (a variable left unset in a script?)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == ["notes.txt"])
    }
}
