import Foundation
import Testing
import TestSupport

/// `zhinan import` on what centres' files hold beyond the built-in headings: the standards'
/// own names of elements as headings, codes Excel keeps as zero-padded numbers, datetimes
/// in date elements; and its diagnostics as JSON, SARIF and GitHub annotations.
@Suite struct ImportHeadingsAndCellsTests {
    static let code1 = "11440000MB2C9821792440100401001", code2 = "11440000MB2C9821792440100401002"

    static func item(_ out: String, _ code: String) throws -> String {
        try String(contentsOfFile: out + "/items/\(code).yaml", encoding: .utf8)
    }

    // MARK: the profiles' names as headings

    /// 事項名稱 (繁体), 申请条件 (the national profile's 别名 of 审批条件), 审批咨询 (DB44/T
    /// 1148's name of 咨询) and 辦理依據 are no built-in headings: the profiles name them.
    @Test func headingsOnlyTheProfilesKnowLandInTheirElements() throws {
        let csv = "事項名稱,實施編碼,申请条件,审批咨询,辦理依據,办理时限\r\n甲,\(Self.code1),\"1. 具有合法主体资格\n2. 有固定场所\",电话：020-12345678,《某条例》第一条,20个工作日\r\n"
        let (result, out) = try ImportItemSheetTests.run("清单.csv", Array(csv.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(out, Self.code1)
        #expect(item.hasPrefix("# 来源：清单.csv:2\n事项名称: 甲\n"))
        #expect(item.contains("审批条件:\n  - 具有合法主体资格\n  - 有固定场所\n"))
        #expect(item.contains("咨询:\n  电话: 020-12345678\n"))
        #expect(item.contains("办理依据:\n  - 法规: fg1\n    条款: 第一条\n"))
        // 办理时限 is the whole element, which no one column fills: reported as such, not guessed.
        #expect(result.stderr.contains("  清单.csv:1 办理时限: column 6's heading 办理时限 names an element of the standards, but import reads that element from no single column (docs/import.md lists the headings it reads, such as 法定办结时限 and 承诺办结时限); the column was not imported\n"), "\(result.stderr)")
    }

    /// A Word guide's 申请条件 and 实施依据 sections, headings the national profile gives.
    @Test func aGuidesProfileHeadingsLandInTheirElements() throws {
        let body = [ImportDOCXTests.p("一、事项名称：食品经营许可"), ImportDOCXTests.p("二、实施编码：\(Self.code1)"),
                    ImportDOCXTests.p("三、申请条件"), ImportDOCXTests.p("1. 具有合法主体资格"),
                    ImportDOCXTests.p("四、申请材料目录"), ImportDOCXTests.table([["序号", "材料名称"], ["1", "申请书"]]),
                    ImportDOCXTests.p("五、監督投訴"), ImportDOCXTests.p("电话：12345")].joined()
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
        let work = try makeFolder(["指南.docx": ZIPFixture.archive([.init("[Content_Types].xml", "<Types/>"), .init("word/document.xml", document)])])
        let result = try runZhinan(["import", "docx", work + "/指南.docx", "-o", work + "/catalog", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let item = try Self.item(work + "/catalog", Self.code1)
        #expect(item.contains("审批条件:\n  - 具有合法主体资格\n"))
        #expect(item.contains("申请材料:\n  - 材料: 申请书\n"))
        #expect(item.contains("监督投诉:\n  电话: \"12345\"\n") || item.contains("监督投诉:\n  电话: 12345\n"), "\(item)")
        #expect(!item.contains("未识别"))
    }

    // MARK: cells

    /// A centre's sheet: 事项类型 kept as the number 1 in the format `00`, a phone kept as a
    /// number in `000-00000000`, 生效日期 a date and a datetime; the second row's 事项类型 is a
    /// bare number whose zero cannot be known.
    static func sheet() -> [UInt8] {
        let header: [XLSXFixture.Cell?] = ["事项名称", "实施编码", "事项类型", "咨询电话", "生效日期"].map { .text($0) }
        return XLSXFixture.workbook([XLSXFixture.Sheet("清单", [
            header,
            [.text("甲"), .text(code1), .styled("1", format: 0), .styled("2012345678", format: 1), .date("45000")],
            [.text("乙"), .text(code2), .number("1"), .text("020-87654321"), .date("45000.375")],
        ])], numberFormats: ["00", "000-00000000"])
    }

    @Test func zeroPaddedFormatsKeepLeadingZerosAndDatetimesLoseTheirTime() throws {
        let (result, out) = try ImportItemSheetTests.run("清单.xlsx", Self.sheet())
        #expect(result.status == 0, "\(result.stderr)")
        let first = try Self.item(out, Self.code1)
        #expect(first.contains("事项类型: 行政许可\n"))
        #expect(first.contains("咨询:\n  电话: 020-12345678\n"))
        #expect(first.contains("生效日期: 2023-03-15\n"))
        let second = try Self.item(out, Self.code2)
        #expect(second.contains("# 待补充：事项类型\n"))
        #expect(second.contains("生效日期: 2023-03-15\n"))
        #expect(result.stderr.hasSuffix("""
            values and rows left out:
              清单.xlsx[清单]:3 事项类型: "1" is not a code or value of the code set 事项类型; left as a placeholder
              清单.xlsx[清单]:3 生效日期: "2023-03-15 09:00:00" has a time of day, and 生效日期 holds a date only: written as 2023-03-15, the time 09:00:00 was dropped

            """), "\(result.stderr)")
        let (zh, _) = try ImportItemSheetTests.run("清单.xlsx", Self.sheet(), extra: ["--lang", "zh"])
        #expect(zh.stderr.contains("  清单.xlsx[清单]:3 生效日期: “2023-03-15 09:00:00”有时刻，而生效日期只写日期：写为 2023-03-15，时刻 09:00:00 未导入\n"), "\(zh.stderr)")
    }

    /// Text dates with a time (a CSV saved from Excel): midnight is the date alone; another
    /// time is dropped with a warning at its row and column.
    @Test func aCSVDatetimeAtMidnightIsTheDateAndAnotherTimeIsDropped() throws {
        let csv = "事项名称,实施编码,生效日期\r\n甲,\(Self.code1),2023-03-15 00:00:00\r\n乙,\(Self.code2),2023/3/5 14:30\r\n"
        let (result, out) = try ImportItemSheetTests.run("清单.csv", Array(csv.utf8), extra: ["--diagnostics-format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.item(out, Self.code1).contains("生效日期: 2023-03-15\n"))
        #expect(try Self.item(out, Self.code2).contains("生效日期: 2023-03-05\n"))
        #expect(result.stdout == """
            {"version":1,"diagnostics":[
            {"code":"ZN961","severity":"warning","file":"\((out as NSString).deletingLastPathComponent)/清单.csv","line":3,"column":3,"endLine":3,"endColumn":3,"message":"生效日期: \\"2023/3/5 14:30\\" has a time of day, and 生效日期 holds a date only: written as 2023-03-05, the time 14:30 was dropped","notes":[]}
            ]}

            """)
        // The warnings are the JSON's: the summary on standard error counts, it does not list them.
        #expect(result.stderr.hasPrefix("imported 2 items, "))
        #expect(!result.stderr.contains("left out"))
    }

    // MARK: diagnostics formats

    static func formulaWorkbook() -> [UInt8] {
        XLSXFixture.workbook([XLSXFixture.Sheet("task_general_basic", [
            [.text("task_name"), .text("task_code"), .text("dept_name")],
            [.text("甲"), .text(code1), .formula("VLOOKUP(A2,部门!A:B,2,0)", cached: nil)],
        ])])
    }

    static let formulaMessage = "a formula without a saved result: zhinan reads the value Excel saved and never evaluates formulas; open the workbook in Excel, recalculate and save it"

    @Test func anImportErrorAsJSON() throws {
        let work = try makeFolder(["book.xlsx": Self.formulaWorkbook()])
        let result = try runZhinan(["import", "xlsx", "book.xlsx", "-o", "catalog", "--lang", "en", "--diagnostics-format", "json"], in: work)
        #expect(result.status == 1)
        #expect(result.stdout == """
            {"version":1,"diagnostics":[
            {"code":"ZN959","severity":"error","file":"book.xlsx[task_general_basic]","line":2,"column":3,"endLine":2,"endColumn":3,"message":"\(Self.formulaMessage)","notes":[]}
            ]}

            """)
        #expect(result.stderr == "nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: work + "/catalog"))
    }

    @Test func anImportErrorAsSARIFAndGitHubAnnotations() throws {
        let work = try makeFolder(["book.xlsx": Self.formulaWorkbook()])
        let result = try runZhinan(["import", "xlsx", "book.xlsx", "-o", "catalog", "--lang", "en", "--diagnostics-format", "sarif"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr == "nothing was written\n")
        // The rules are every code zhinan has (ZN959's index moves as codes are added); the
        // result, its place and its fingerprint are exact.
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let index = try #require(rules.firstIndex { $0["id"] as? String == "ZN959" })
        let results = try #require(result.stdout.range(of: "      \"results\": [").map { String(result.stdout[$0.lowerBound...]) })
        #expect(results == """
                  "results": [
                    {
                      "ruleId": "ZN959",
                      "ruleIndex": \(index),
                      "level": "error",
                      "message": {
                        "text": "\(Self.formulaMessage)"
                      },
                      "partialFingerprints": {
                        "zhinanResultHash/v1": "56ceb2588e9353fa:1"
                      },
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "book.xlsx%5Btask_general_basic%5D",
                              "uriBaseId": "%SRCROOT%"
                            },
                            "region": {
                              "startLine": 2,
                              "startColumn": 3,
                              "endLine": 2,
                              "endColumn": 3
                            }
                          }
                        }
                      ]
                    }
                  ]
                }
              ]
            }

            """)
        let github = try runZhinan(["import", "xlsx", "book.xlsx", "-o", "catalog", "--lang", "en", "--diagnostics-format", "github"], in: work)
        #expect(github.stdout.hasPrefix("::error file=book.xlsx[task_general_basic],line=2,col=3,endLine=2,endColumn=3,title=ZN959 Cell value unreadable::a formula without a saved result"), "\(github.stdout)")
        if pythonHasJSONSchema {
            try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: work + "/import.sarif"))
            let v = try runPython([repositoryRoot() + "/Scripts/validate-sarif.py", work + "/import.sarif"])
            #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
            #expect(v.stdout.contains(" rules, 1 results") && v.stdout.contains(", 0 failed\n"), "\(v.stdout)")
        }
    }

    /// `export --diagnostics-format sarif` (the renderer import shares) prints a log.
    @Test func exportsSARIFDiagnosticsArePrinted() throws {
        let work = try makeFolder([:])
        let result = try runZhinan(["export", repositoryRoot() + "/catalogs/liwan-yichuang", "--format", "json", "-o", work + "/x.json", "--diagnostics-format", "sarif"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"version\": \"2.1.0\""))
    }
}
