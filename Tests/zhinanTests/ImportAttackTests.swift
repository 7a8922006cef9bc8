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
        let (result, out) = try Self.csv(csv)
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(out)
        #expect(item.contains("审批条件:\n  - 条件A\n  - 条件B\n"), "\(item)")
        #expect(item.contains("办理依据:\n  - 法规: fg1\n    条款: 第一条\n  - 法规: fg2\n    条款: 第二条\n"), "\(item)")
        #expect(item.contains("申请材料:\n  - 材料: 申请书\n  - 材料: 身份证\n  - 材料: 营业执照\n"), "\(item)")
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
