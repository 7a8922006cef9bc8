import Foundation
import Testing
import TestSupport

/// `zhinan import national` on bad input: one located error, the right exit status, nothing written.
@Suite struct ImportNationalInputTests {
    static let header = "task_name,task_type,catalog_code,task_code,dept_name,dept_code,use_level,is_fee,transact_addr,transact_time,link_way,supervise_way\r\n"
    static let row1 = "甲许可,01,440100401001,11440000MB2C9821792440100401001,某局,11440000MB2C982179,2,0,受理窗口（一楼1号）,周一至周五,电话：020-12345678,12345\r\n"
    static let row2 = "乙许可,行政确认,440100701001,11440000MB2C9821792440100701001,某局,11440000MB2C982179,省级,1,受理窗口（一楼1号）,周一至周五,咨询热线,电话：12345\r\n"

    /// Runs the import of `files` into a fresh CATALOG; returns the result and whether CATALOG exists.
    static func run(_ files: [String: [UInt8]], extra: [String] = [], precreate: Bool = false) throws -> (RunResult, Bool, String) {
        let tables = try makeFolder(files)
        let out = try makeFolder([:]) + "/catalog"
        if precreate { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        let result = try runZhinan(["import", "national", tables, "-o", out, "--lang", "en"] + extra)
        let exists = FileManager.default.fileExists(atPath: out + "/catalog.yaml")
        return (result, exists, out)
    }

    @Test func aSmallPlatformTableImportsWithCodesOrNames() throws {
        let (result, exists, out) = try Self.run(.text(["task_general_basic.csv": Self.header + Self.row1 + Self.row2]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(exists)
        let item = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100701001.yaml", encoding: .utf8)
        #expect(item.contains("事项类型: 行政确认\n"))
        #expect(item.contains("行使层级: 省级\n"))
        // An unlabelled text is not guessed at: a placeholder with the source quoted under it.
        #expect(item.contains("# 待补充：咨询\n#   源数据（link_way）：咨询热线\n"))
        #expect(item.contains("监督投诉:\n  电话: \"12345\"\n"))
        #expect(item.contains("# 待补充：审批收费\n#   源数据 is_fee 为 1"))
        let first = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100401001.yaml", encoding: .utf8)
        #expect(first.hasPrefix("# 来源：task_general_basic.csv:2\n事项名称: 甲许可\n# 待补充：事项编码\n事项类型: 行政许可\n"))
        let catalog = try String(contentsOfFile: out + "/catalog.yaml", encoding: .utf8)
        #expect(catalog.contains("窗口:\n  - 编号: ck1\n    名称: 受理窗口\n    地点: 一楼1号\n    办公时间: 周一至周五\n    # 待补充：窗口.类别\n"))
    }

    /// The export writes each window's hours once, and hours may hold a `；`: pieces that
    /// can be shared out among the windows in more than one way are settled by what other
    /// rows say without doubt; what stays open is a placeholder with the source quoted, and
    /// listed — never a guess.
    @Test func officeHoursAreSharedOutOnlyWithoutDoubt() throws {
        func row(_ name: String, _ n: Int, _ addr: String, _ time: String) -> String {
            "\(name),01,440100401001,11440000MB2C979244010040100\(n),某局,11440000MB2C982179,2,0,\(addr),\(time),电话：020-12345678,电话：12345\r\n"
        }
        let rows = row("甲", 1, "甲窗（一楼）", "周一至周五")
            + row("乙", 2, "甲窗（一楼）；乙窗（二楼）", "周一至周五；周六 9:00-12:00")
            + row("丙", 3, "丙窗（三楼）；丁窗（四楼）", "周一至周五；全天")
            + row("丁", 4, "戊窗（五楼）", "周一至周五 9:00-17:00；周六 9:00-12:00")
        let (result, exists, out) = try Self.run(.text(["task_general_basic.csv": Self.header + rows]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(exists)
        let catalog = try String(contentsOfFile: out + "/catalog.yaml", encoding: .utf8)
        let windows = String(catalog[catalog.range(of: "窗口:\n")!.lowerBound...])
        #expect(windows == """
            窗口:
              - 编号: ck1
                名称: 甲窗
                地点: 一楼
                办公时间: 周一至周五
                # 待补充：窗口.类别
              - 编号: ck2
                名称: 乙窗
                地点: 二楼
                办公时间: 周六 9:00-12:00
                # 待补充：窗口.类别
              - 编号: ck3
                名称: 丙窗
                地点: 三楼
                # 待补充：窗口.类别
                # 待补充：窗口.办公时间
                #   源数据（transact_time）：周一至周五；全天
              - 编号: ck4
                名称: 丁窗
                地点: 四楼
                # 待补充：窗口.类别
                # 待补充：窗口.办公时间
                #   源数据（transact_time）：周一至周五；全天
              - 编号: ck5
                名称: 戊窗
                地点: 五楼
                办公时间: 周一至周五 9:00-17:00；周六 9:00-12:00
                # 待补充：窗口.类别

            """)
        #expect(result.stderr.contains("  task_general_basic.csv:4 transact_time: the office hours can be shared out among these 2 places in more than one way (each window's hours are written once, and hours may hold a ；): the windows left open are placeholders\n"))
        #expect(!result.stderr.contains("task_general_basic.csv:3 transact_time"))
        let second = try String(contentsOfFile: out + "/items/11440000MB2C9792440100401002.yaml", encoding: .utf8)
        #expect(second.contains("受理地点:\n  - ck1\n  - ck2\n"))
    }

    @Test func aCodeOutsideItsSetIsLeftOutAndReportedAtItsPlace() throws {
        let bad = Self.row1.replacingOccurrences(of: ",01,", with: ",77,")
        let (result, _, out) = try Self.run(.text(["task_general_basic.csv": Self.header + bad]))
        #expect(result.status == 0)
        #expect(result.stderr.contains("values and rows left out:\n  task_general_basic.csv:2 task_type: \"77\" is not a code or value of the code set 事项类型; left as a placeholder\n"))
        let item = try String(contentsOfFile: out + "/items/11440000MB2C9821792440100401001.yaml", encoding: .utf8)
        #expect(item.contains("# 待补充：事项类型\n"))
    }

    @Test(arguments: [
        ("task_general_basic.csv", header + row1 + row1, "task_general_basic.csv:3:4: error: the 实施编码 11440000MB2C9821792440100401001 is repeated: task_general_basic.csv line 2 has it already [ZN954]"),
        ("task_general_basic.csv", header + "甲,\"01,x\r\n", "task_general_basic.csv:2:1: error: an unclosed quote: the cell starting on this line has no closing quote before the end of the file [ZN952]"),
        ("task_general_basic.csv", header + "甲,0\"1\r\n", "task_general_basic.csv:2:4: error: a quote in the middle of a cell: a quote inside a cell is written twice (\"\") and the whole cell quoted (RFC 4180) [ZN952]"),
        ("task_general_basic.csv", header + "\"甲\"x,01\r\n", "task_general_basic.csv:2:4: error: text after a closing quote: a quoted cell ends with a comma or a line break after its closing quote [ZN952]"),
        ("task_general_basic.csv", "名称,编码\r\n甲,1\r\n", "task_general_basic.csv:1:1: error: the header has no task_name column: this is not the national exchange table task_general_basic (the header holds the field names export --format national writes) [ZN953]"),
        ("task_general_basic.csv", header + "甲,01\r\n", "task_general_basic.csv:2:1: error: this row has 2 cells; the header has 12 columns [ZN952]"),
        ("task_general_basic.csv", "", "task_general_basic.csv:1:1: error: the file is empty: it has no header row [ZN953]"),
    ])
    func badTablesAreRefusedAtTheirPlace(file: String, text: String, message: String) throws {
        let (result, exists, _) = try Self.run(.text([file: text]))
        #expect(result.status == 1)
        #expect(result.stderr == "\(message)\nnothing was written\n")
        #expect(!exists)
    }

    @Test func aGB18030TableIsNamed() throws {
        // 甲许可 in GB18030.
        var bytes = Array(Self.header.utf8)
        bytes += [0xBC, 0xD7, 0xD0, 0xED, 0xBF, 0xC9] + Array(",01,440100401001,11440000MB2C9821792440100401001,x,11440000MB2C982179,2,0,a,b,c,d\r\n".utf8)
        let (result, exists, _) = try Self.run(["task_general_basic.csv": bytes])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("task_general_basic.csv:2:1: error: the file looks encoded as GB18030/GBK, not UTF-8; convert it: iconv -f GB18030 -t UTF-8"))
        #expect(!exists)
    }

    @Test func noTablesAndAnExistingCatalogExitTwo() throws {
        let (none, noneExists, _) = try Self.run(.text(["readme.txt": "x"]))
        #expect(none.status == 2)
        #expect(none.stderr.contains("no national exchange tables here"))
        #expect(none.stderr.contains("[ZN950]\nnothing was written\n"))
        #expect(!noneExists)
        let files: [String: [UInt8]] = .text(["task_general_basic.csv": Self.header + Self.row1])
        let (existing, _, _) = try Self.run(files, precreate: true)
        #expect(existing.status == 2)
        #expect(existing.stderr.hasSuffix("already exists and was left alone; add --force to replace it\n"))
        let (forced, forcedExists, out) = try Self.run(files, extra: ["--force"], precreate: true)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forcedExists)
        // No staging folder is left beside CATALOG.
        let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["catalog"])
    }

    @Test func aLinkedTableIsNotFollowed() throws {
        let target = try makeFolder(.text(["t.csv": Self.header + Self.row1]))
        let tables = try makeFolder([:])
        try FileManager.default.createSymbolicLink(atPath: tables + "/task_general_basic.csv", withDestinationPath: target + "/t.csv")
        let out = try makeFolder([:]) + "/catalog"
        let result = try runZhinan(["import", "national", tables, "-o", out, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("task_general_basic.csv: error: not a regular file (a link or a folder): import does not follow links [ZN951]"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func thePerItemJSONImportsLikeTheTables() throws {
        let work = try makeFolder([:])
        let export = work + "/tables"
        #expect(try runZhinan(["export", repositoryRoot() + "/catalogs/guangdong-zhijian", "--format", "national", "-o", export]).status == 0)
        for table in ["basic", "extend", "material", "fee_project", "questions"] {
            try FileManager.default.removeItem(atPath: export + "/task_general_\(table).csv")
        }
        let result = try runZhinan(["import", "national", export, "-o", work + "/imported", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("imported 14 items, "))
        let item = try String(contentsOfFile: work + "/imported/items/11440000MB2C9821792440100401001.yaml", encoding: .utf8)
        #expect(item.hasPrefix("# 来源：items/11440000MB2C9821792440100401001.json\n事项名称: 工业产品生产许可证核发（省级发证产品）\n"))
    }

    @Test func theHelpIsInBothLanguages() throws {
        let help = try runZhinan(["import", "--help"]).stdout
        #expect(help.contains("把已有的实施清单导入为目录。 Bring existing 实施清单 data into a new catalog."))
        let oneLine = help.replacingOccurrences(of: "\n", with: " ")
        #expect(oneLine.contains("zhinan import docx GUIDE.docx 按标题拆分一份 Word 办事指南（尽力而为）。"))
        #expect(oneLine.contains("import xlsx the same tables as the sheets of an Excel workbook (or a sheet of one row per item)."))
        #expect(help.contains("xlsx") && help.contains("national"))
        let national = try runZhinan(["import", "national", "--help"]).stdout
        #expect(national.contains("导入国家交换表（实施清单）。 Import the national exchange tables (实施清单)."))
        #expect(national.contains("--force"))
    }
}
