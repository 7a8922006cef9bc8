import Foundation
import TestSupport
import Catalog
import Compiler
import Diagnostics
import Testing

/// One failing fixture per rule: the code, the file, the line and the column.
@Suite struct RuleTests {
    @Test func theFixtureIsClean() throws {
        let result = try Fixture().compile()
        #expect(result.diagnostics.map(\.code) == [])
        #expect(result.catalog?.items.count == 1)
    }

    // MARK: Elements

    @Test func missingRequiredElement() throws {
        var f = Fixture()
        f.edit("受理范围: 在本市行政区域内使用特种设备的单位。\n", "")
        try expectFindings(f, ["ZN301@items/a.yaml:1:1"])
        let message = try f.compile().diagnostics.first!.message.zh
        #expect(message.contains("受理范围") && message.contains("DB44/T 1147-2013"))
    }

    @Test func unknownElementWithDidYouMean() throws {
        var f = Fixture()
        f.edit("审批进程查询:", "审批进度查询:")
        let d = try f.compile().diagnostics
        #expect(d.map(\.code) == ["ZN301", "ZN302"])
        #expect(try f.findings()[1] == "ZN302@items/a.yaml:70:1")
        #expect(d[1].message.zh.contains("是否想写“审批进程查询”"))
    }

    @Test func wrongType() throws {
        var f = Fixture()
        f.edit("审批条件:\n  - 设备已经监督检验合格。", "审批条件:\n  条件一: 设备合格")
        try expectFindings(f, ["ZN303@items/a.yaml:13:3"])
    }

    @Test func valueNotInCodeSet() throws {
        var f = Fixture()
        f.edit("办件类型: 承诺件", "办件类型: 承诺")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN304@items/a.yaml:11:7"])
        #expect(d.first!.message.zh.contains("是否想写“承诺件”"))
    }

    @Test func traditionalSpellingIsAWarning() throws {
        var f = Fixture()
        f.edit("办理时限:", "辦理時限:")
        let r = try f.compile()
        try expectFindings(f, ["ZN305@items/a.yaml:25:1"])
        #expect(r.diagnostics.first!.severity == .warning)
        #expect(r.diagnostics.first!.message.zh.contains("请写作“办理时限”"))
    }

    @Test func synonymFromTheManualIsAcceptedButNotTwice() throws {
        var f = Fixture()
        f.edit("办理时限:", "审批时间:")
        try expectFindings(f, [])
        f.edit("审批收费: 不收费", "审批收费: 不收费\n办理时限:\n  法定: 1个工作日\n  承诺: 1个工作日")
        try expectFindings(f, ["ZN306@items/a.yaml:29:1"])
    }

    @Test func missingAndUnknownFields() throws {
        var f = Fixture()
        f.edit("  承诺: 10个工作日\n", "  承偌: 10个工作日\n")
        try expectFindings(f, ["ZN307@items/a.yaml:26:3", "ZN308@items/a.yaml:27:3"])
    }

    @Test func placeholders() throws {
        var f = Fixture()
        f.edit("受理范围: 在本市行政区域内使用特种设备的单位。", "受理范围: 【待填写】谁可以申请")
        try expectFindings(f, ["ZN309@items/a.yaml:6:7"])
    }

    @Test func numberWhereTextBelongs() throws {
        var f = Fixture()
        f.edit("事项名称: 特种设备使用登记", "事项名称: 12345")
        try expectFindings(f, ["ZN411@items/a.yaml:1:7"])
        f.edit("事项名称: 12345", "事项名称: \"12345\"")
        try expectFindings(f, [])
    }

    // MARK: Values

    @Test func malformedTimeLimit() throws {
        var f = Fixture()
        f.edit("法定: 30个工作日", "法定: 三十个工作日")
        try expectFindings(f, ["ZN401@items/a.yaml:26:7"])
    }

    @Test func copiesMustBePositive() throws {
        var f = Fixture()
        f.edit("份数: 2", "份数: 0")
        try expectFindings(f, ["ZN402@items/a.yaml:17:9"])
    }

    @Test func creditCodeCheckCharacter() throws {
        var f = Fixture()
        f.editCatalog("11440100MB2C123481", "11440100MB2C12348Y")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN403@catalog.yaml:8:15"])
        #expect(d.first!.message.zh.contains("校验码应为“1”"))
    }

    @Test func regionCode() throws {
        var f = Fixture()
        f.editCatalog("行政区划: \"440100\"", "行政区划: \"4401\"")
        #expect(try f.findings().first == "ZN404@catalog.yaml:2:7")
    }

    @Test func phoneForms() throws {
        var f = Fixture()
        f.edit("  电话: 020-12345678", "  电话: 12-34")
        try expectFindings(f, ["ZN405@items/a.yaml:31:7"])
        f.edit("  电话: 12-34", "  电话: 12345")
        try expectFindings(f, [])
        f.edit("  电话: 12345", "  电话: 13912345678、020-87654321转123")
        try expectFindings(f, [])
    }

    @Test func urlsMustBeHTTP() throws {
        var f = Fixture()
        f.edit("  电话: 020-12345678", "  网址: javascript:alert(1)")
        try expectFindings(f, ["ZN406@items/a.yaml:31:7"])
    }

    @Test func itemCodePatternAndRegion() throws {
        var f = Fixture()
        f.edit("事项编码: 440100-XK-00012-001", "事项编码: XK-12")
        try expectFindings(f, ["ZN407@items/a.yaml:2:7"])
        f.edit("事项编码: XK-12", "事项编码: 440300-XK-00012-001")
        try expectFindings(f, ["ZN410@items/a.yaml:2:7"])
    }

    @Test func duplicateItemCodeAcrossFiles() throws {
        var f = Fixture()
        f.items["items/sub/b.yaml"] = Fixture.itemYAML
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN408@sub/b.yaml:2:7"])
        #expect(d.first!.notes.first?.span?.file.hasSuffix("items/a.yaml") == true)
        #expect(d.first!.notes.first?.span?.range.start == SourceLocation(line: 2, column: 7))
    }

    /// 时限说明 is the catalog's note on counting time limits; an empty one says nothing.
    @Test func timeLimitNote() throws {
        var f = Fixture()
        #expect(try f.compile().catalog?.timeLimitNote == nil)
        f.editCatalog("内控线: 2/3\n", "内控线: 2/3\n时限说明: 自受理之日起计算。\n")
        #expect(try f.compile().catalog?.timeLimitNote == "自受理之日起计算。")
        f.editCatalog("时限说明: 自受理之日起计算。", "時限說明: 自受理之日起计算。")
        #expect(try f.compile().catalog?.timeLimitNote == "自受理之日起计算。")
        f.editCatalog("時限說明: 自受理之日起计算。", "时限说明: \"  \"")
        try expectFindings(f, [])
        #expect(try f.compile().catalog?.timeLimitNote == nil)
    }

    @Test func internalControlLineRatio() throws {
        var f = Fixture()
        f.editCatalog("内控线: 2/3", "内控线: 3/2")
        try expectFindings(f, ["ZN409@catalog.yaml:4:6"])
    }

    @Test func badDate() throws {
        var f = Fixture()
        f.editCatalog("施行日期: 2014-01-01", "施行日期: 2014年1月1日")
        try expectFindings(f, ["ZN412@catalog.yaml:19:11"])
    }

    // MARK: References

    @Test func unknownReferencesWithDidYouMean() throws {
        var f = Fixture()
        f.edit("实施机关: scjgj", "实施机关: scjg")
        f.edit("受理地点: [jy-1]", "受理地点: [jy-2]")
        f.edit("  - 法规: tzsbaqf", "  - 法规: tzsb")
        f.edit("  - 材料库: yyzz", "  - 材料库: yyz")
        let d = try f.compile().diagnostics
        try expectFindings(f, [
            "ZN501@items/a.yaml:5:7", "ZN501@items/a.yaml:7:8", "ZN501@items/a.yaml:9:9", "ZN501@items/a.yaml:22:10",
        ])
        #expect(d.first!.message.zh.contains("是否想写“scjgj”"))
        #expect(d[3].message.en.contains("did you mean \"yyzz\""))
    }

    @Test func duplicateRegistryID() throws {
        var f = Fixture()
        f.editCatalog("  - 编号: jy-1\n    名称: 经营类综合受理窗口", "  - 编号: jy-1\n    名称: 经营类综合受理窗口\n    类别: 经营类\n  - 编号: jy-1\n    名称: 另一个窗口")
        try expectFindings(f, ["ZN502@catalog.yaml:14:9"])
    }

    @Test func unknownStepTarget() throws {
        var f = Fixture()
        f.edit("    下一步: 决定\n", "    下一步: 决策\n")
        let d = try f.compile().diagnostics
        #expect(d.map(\.code).contains("ZN503"))
        #expect(try f.findings().contains("ZN503@items/a.yaml:50:10"))
        #expect(d.first { $0.code == "ZN503" }?.message.zh.contains("是否想写“决定”") == true)
    }

    @Test func materialNeedsANameOrALibraryID() throws {
        var f = Fixture()
        f.edit("  - 材料: 特种设备使用登记表\n", "  - 形式: 原件\n")
        #expect(try f.findings().contains("ZN504@items/a.yaml:15:5"))
    }

    @Test func unknownStandard() throws {
        var f = Fixture()
        f.editCatalog("DB44/T 1148-2013]", "DB44/T 1184-2013]")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN205@catalog.yaml:3:24"])
        #expect(d.first!.message.zh.contains("是否想写“DB44/T 1148-2013”"))
    }

    // MARK: Time limits

    @Test func promiseLongerThanStatute() throws {
        var f = Fixture()
        f.edit("承诺: 10个工作日", "承诺: 40个工作日")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN601@items/a.yaml:27:7"])
        #expect(d.first!.notes.first?.span?.range.start == SourceLocation(line: 26, column: 7))
    }

    @Test func internalControlLine() throws {
        var f = Fixture()
        f.edit("承诺: 10个工作日", "承诺: 25个工作日")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN602@items/a.yaml:27:7"])
        #expect(d.first!.severity == .warning)
    }

    @Test func immediateCaseAndPromiseAgree() throws {
        var f = Fixture()
        f.edit("办件类型: 承诺件", "办件类型: 即办件")
        try expectFindings(f, ["ZN603@items/a.yaml:27:7"])
        var g = Fixture()
        g.edit("承诺: 10个工作日", "承诺: 即办")
        g.edit("    时限: 5个工作日\n", "")
        g.edit("    时限: 3个工作日\n", "")
        try expectFindings(g, ["ZN603@items/a.yaml:11:7"])
    }

    @Test func workingAndCalendarDaysUndecided() throws {
        var f = Fixture()
        f.edit("法定: 30个工作日", "法定: 20日")
        f.edit("承诺: 10个工作日", "承诺: 15个工作日")
        let d = try f.compile().diagnostics
        #expect(d.map(\.code) == ["ZN604"])
        #expect(d.first!.severity == .warning)
    }

    @Test func criticalPathLongerThanPromise() throws {
        var f = Fixture()
        f.edit("    时限: 5个工作日\n", "    时限: 8个工作日\n")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN605@items/a.yaml:27:7"])
        #expect(d.first!.notes[0].message.zh == "关键路径：申请 → 受理 → 审查（8个工作日） → 决定（3个工作日） → 送达")
    }

    // MARK: Flow

    @Test func duplicateStep() throws {
        var f = Fixture()
        f.edit("  - 环节: 不予告知\n    结束: 不予", "  - 环节: 不予告知\n    结束: 不予\n  - 环节: 送达\n    结束: 准予")
        try expectFindings(f, ["ZN701@items/a.yaml:63:9"])
    }

    @Test func unreachableStep() throws {
        var f = Fixture()
        f.edit("  - 环节: 不予告知\n    结束: 不予", "  - 环节: 不予告知\n    结束: 不予\n  - 环节: 归档\n    结束: 终止")
        try expectFindings(f, ["ZN702@items/a.yaml:63:9"])
    }

    @Test func deadEndAndEndWithNext() throws {
        var f = Fixture()
        f.edit("  - 环节: 不予告知\n    结束: 不予", "  - 环节: 不予告知")
        f.edit("  - 环节: 送达\n    结束: 准予", "  - 环节: 送达\n    结束: 准予\n    下一步: 不予告知")
        try expectFindings(f, ["ZN704@items/a.yaml:59:9", "ZN703@items/a.yaml:62:9"])
    }

    @Test func timedCycle() throws {
        var f = Fixture()
        f.edit("  - 环节: 补正告知\n    计时: 否\n", "  - 环节: 补正告知\n")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN705@items/a.yaml:36:9"])
        #expect(d.first!.message.zh.contains("受理 → 补正告知 → 受理"))
    }

    @Test func noGrantedEnd() throws {
        var f = Fixture()
        f.edit("    结束: 准予", "    结束: 终止")
        try expectFindings(f, ["ZN706@items/a.yaml:32:1"])
    }

    @Test func loopWithNoWayOut() throws {
        var f = Fixture()
        f.edit("      - 条件: 材料齐全\n        转到: 审查\n", "")
        let found = try f.findings()
        #expect(found.contains("ZN707@items/a.yaml:36:9"))
        #expect(found.contains("ZN707@items/a.yaml:42:9"))
        #expect(found.contains("ZN702@items/a.yaml:45:9"), "审查 can no longer be reached")
    }

    // MARK: Consistency

    @Test func roleMissingFromStaff() throws {
        var f = Fixture()
        f.edit("  - 岗位: 决定人员\n", "")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN801@items/a.yaml:52:9"])
        #expect(d.first!.notes.first?.span?.range.start.line == 66)
    }

    @Test func roleRuleOnlyUnderTheManualsStandard() throws {
        var f = Fixture()
        f.edit("  - 岗位: 决定人员\n", "")
        f.editCatalog("标准: [DB44/T 1147-2013, DB44/T 1148-2013]", "标准: [DB44/T 1147-2013]")
        f.edit("审批人员:", "")  // the guide's standard has no 审批人员; its entries now fail as unknown
        let codes = try f.compile().diagnostics.map(\.code)
        #expect(!codes.contains("ZN801"))
    }

    @Test func ruleSettingsInAProfileTurnARuleOffOrChangeSeverity() throws {
        var f = Fixture()
        f.edit("承诺: 10个工作日", "承诺: 25个工作日")
        let standards = repositoryRoot() + "/standards"
        let local = try makeFolder([:])
        for name in try FileManager.default.contentsOfDirectory(atPath: standards) {
            try FileManager.default.copyItem(atPath: standards + "/" + name, toPath: local + "/" + name)
        }
        let path = local + "/DB44-T-1148-2013.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8) + "规则:\n  ZN602: 错误\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var files = f.items
        files["catalog.yaml"] = f.catalog
        let dir = try makeFolder(.text(files))
        let result = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: local))).compile(folder: dir)
        #expect(result.diagnostics.map(\.code) == ["ZN602"])
        #expect(result.diagnostics.first?.severity == .error)
    }

    @Test func everyErrorOfEveryFileInOneRun() throws {
        var f = Fixture()
        f.edit("承诺: 10个工作日", "承诺: 40个工作日")
        f.items["items/b.yaml"] = Fixture.itemYAML.replacingOccurrences(of: "材料库: yyzz", with: "材料库: yyy")
            .replacingOccurrences(of: "00012", with: "00013")
        f.items["items/c.yaml"] = Fixture.itemYAML
        try expectFindings(f, ["ZN601@items/a.yaml:27:7", "ZN501@items/b.yaml:22:10", "ZN408@items/c.yaml:2:7"])
    }
}
