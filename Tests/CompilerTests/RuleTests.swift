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

    @Test func aRequiredElementWithNothingInItIsMissingOnce() throws {
        for (old, new) in [
            ("受理地点: [jy-1]", "受理地点: []"), ("受理地点: [jy-1]", "受理地点: \"  \""),
            ("审批收费: 不收费", "审批收费: []"), ("咨询:\n  电话: 020-12345678", "咨询: {}"),
        ] {
            var f = Fixture()
            f.edit(old, new)
            let key = old.prefix { $0 != ":" } + ":"
            let line = try #require(Fixture.itemYAML.components(separatedBy: "\n").firstIndex { $0.hasPrefix(key) }) + 1
            try expectFindings(f, ["ZN301@items/a.yaml:\(line):1"])
            #expect(try f.compile().diagnostics.first?.message.zh.hasSuffix("没有填写内容") == true)
        }
    }

    @Test func anOptionalElementWithNothingAfterItIsNotGiven() throws {
        var f = Fixture()
        f.edit("服务对象: [企业法人, 事业法人]", "服务对象:")
        try expectFindings(f, [])
        f.edit("监督检查: 每季度抽查。\n", "监督检查: 每季度抽查。\n审批证件:\n")
        try expectFindings(f, [])
        #expect(try f.compile().catalog?.items.first?.certificate == nil)
    }

    @Test func anEmptyEntryOfAList() throws {
        var f = Fixture()
        f.edit("审批条件:\n  - 设备已经监督检验合格。", "审批条件:\n  -\n  - 设备已经监督检验合格。")
        try expectFindings(f, ["ZN303@items/a.yaml:13:4"])
        #expect(try f.compile().diagnostics.first?.message.zh == "审批条件第1项是空的；请填写内容，或删除这一项")
        var g = Fixture()
        g.edit("服务对象: [企业法人, 事业法人]", "服务对象:\n  - 企业法人\n  -")
        try expectFindings(g, ["ZN303@items/a.yaml:6:4"])
    }

    @Test func aOneLineValueWrittenAsABlock() throws {
        var f = Fixture()
        f.edit("事项类型: 行政许可", "事项类型: |\n  行政许可")
        try expectFindings(f, ["ZN421@items/a.yaml:3:7"])
        #expect(try f.compile().diagnostics.first?.message.zh == "事项类型只能写一行，这里有换行；请把它写在一行（不要用 | 或 > 写成多行文字）")
        // Folded onto one line with >-, it is one line.
        var g = Fixture()
        g.edit("事项编码: 440100-XK-00012-001", "事项编码: >-\n  440100-XK-00012-001")
        try expectFindings(g, [])
        g.edit("  法定: 30个工作日", "  法定: \"30个工作日\\n\"")
        try expectFindings(g, ["ZN421@items/a.yaml:27:7"])
    }

    @Test func anItemCodeIsText() throws {
        var f = Fixture()
        f.edit("事项编码: 440100-XK-00012-001", "事项编码: 4401000001200")
        try expectFindings(f, ["ZN411@items/a.yaml:2:7"])
    }

    @Test func aMaterialFromAnEmptyLibraryIdHasNoName() throws {
        var f = Fixture()
        f.edit("  - 材料库: yyzz\n", "  - 材料库:\n")
        try expectFindings(f, ["ZN504@items/a.yaml:22:5"])
        var g = Fixture()
        g.edit("  - 材料: 特种设备使用登记表\n", "  - 材料: \" \"\n")
        try expectFindings(g, ["ZN504@items/a.yaml:15:5"])
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

    /// Dates of the proleptic Gregorian calendar, years 0001 to 9999 (as xs:date and ISO 8601
    /// without expansion have them); anything else is ZN412 at the value, saying why.
    @Test(arguments: [
        ("2023-02-30", "（2023 年 2 月的日为 01 至 28）", "(the days of February 2023 run from 01 to 28)"),
        ("2023-02-29", "（2023 年 2 月的日为 01 至 28）", "(the days of February 2023 run from 01 to 28)"),
        ("1900-02-29", "（1900 年 2 月的日为 01 至 28）", "(the days of February 1900 run from 01 to 28)"),
        ("2023-04-31", "（2023 年 4 月的日为 01 至 30）", "(the days of April 2023 run from 01 to 30)"),
        ("2023-01-00", "（2023 年 1 月的日为 01 至 31）", "(the days of January 2023 run from 01 to 31)"),
        ("0000-01-01", "（年份为 0001 至 9999）", "(years run from 0001 to 9999)"),
        ("2023-13-01", "（月份为 01 至 12）", "(months run from 01 to 12)"),
        ("2023-00-10", "（月份为 01 至 12）", "(months run from 01 to 12)"),
    ])
    func impossibleDates(date: String, zh: String, en: String) throws {
        var f = Fixture()
        f.editCatalog("施行日期: 2014-01-01", "施行日期: \(date)")
        try expectFindings(f, ["ZN412@catalog.yaml:19:11"])
        let message = try #require(f.compile().diagnostics.first).message
        #expect(message.zh == "施行日期“\(date)”不是日历上的日期" + zh)
        #expect(message.en == "施行日期 \"\(date)\" is not a calendar date " + en)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2023-04-30", "2023-12-31"])
    func realDates(date: String) throws {
        var f = Fixture()
        f.editCatalog("施行日期: 2014-01-01", "施行日期: \(date)")
        try expectFindings(f, [])
    }

    // MARK: Characters

    /// Escapes are decoded before any check: a NUL cannot end the 事项编码 its pattern sees.
    @Test func aControlCharacterEscapedInTheItemCode() throws {
        var f = Fixture()
        f.edit("事项编码: 440100-XK-00012-001\n", "事项编码: \"440100-XK-00012-001\\0/../../evil\"\n")
        try expectFindings(f, ["ZN420@items/a.yaml:2:27"])
        #expect(try f.compile().catalog?.items.isEmpty == true)
    }

    @Test func escapedControlsAnywhereInTheCatalog() throws {
        var f = Fixture()
        f.editCatalog("    名称: 营业执照\n", "    名称: \"营业\\x1b[2J执照\"\n")
        f.edit("  - 设备已经监督检验合格。\n", "  - \"设备已经监督检验合格。\\b\"\n")
        // catalog.yaml cannot be used, so the items are not bound; the item's own YAML is read.
        try expectFindings(f, ["ZN420@catalog.yaml:22:12", "ZN420@items/a.yaml:13:17"])
    }

    /// Names, codes and ids are one line; text elements may have several.
    @Test func lineBreaksInOneLineValues() throws {
        var f = Fixture()
        f.editCatalog("目录名称: 测试目录\n", "目录名称: \"测试\\n目录\"\n")
        f.edit("事项名称: 特种设备使用登记\n", "事项名称: |\n  特种设备\n  使用登记\n")
        f.edit("    岗位: 决定人员\n", "    岗位: \"决定\\r人员\"\n")
        f.edit("受理范围: 在本市行政区域内使用特种设备的单位。\n", "受理范围: \"在本市行政区域内\\n使用特种设备的单位。\"\n")
        f.edit("  - 设备已经监督检验合格。\n", "  - |\n    设备已经\n    监督检验合格。\n")
        try expectFindings(f, ["ZN421@catalog.yaml:1:7", "ZN421@items/a.yaml:1:7", "ZN421@items/a.yaml:56:9"])
        let d = try #require(f.compile().diagnostics.dropFirst().first)
        #expect(d.message.zh == "事项名称只能写一行，这里有换行；请把它写在一行（不要用 | 或 > 写成多行文字）")
        #expect(d.message.en == "事项名称 is written on one line, but this value holds a line break; write it on one line (not as a block with | or >)")
    }

    @Test(arguments: ["\\u2028", "\\u2029", "\\r\\n"])
    func everyLineBreakCounts(escape: String) throws {
        var f = Fixture()
        f.edit("事项名称: 特种设备使用登记\n", "事项名称: \"特种设备\(escape)使用登记\"\n")
        try expectFindings(f, ["ZN421@items/a.yaml:1:7"])
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

    @Test func aTimedStepWithoutALimitWarnsAtItsName() throws {
        var f = Fixture()
        f.edit("    岗位: 审查人员\n    时限: 5个工作日\n", "    岗位: 审查人员\n")
        let d = try f.compile().diagnostics
        try expectFindings(f, ["ZN606@items/a.yaml:47:9"])
        #expect(d.first?.severity == .warning)
        #expect(d.first?.message.zh == "环节“审查”没有写时限，关键路径把它算作不花时间，与承诺时限“10个工作日”的比较因此不可靠；请写“时限”（N个工作日、N日 或 即办），时间不计入办理时限的环节写“计时: 否”")
        #expect(d.first?.message.en == "the step \"审查\" has no 时限, so the critical path counts it as taking no time and its comparison with the promised 10个工作日 cannot be trusted; give its 时限 (N个工作日, N日 or 即办), or 计时: 否 if its time does not count")
        #expect(d.first?.notes.first?.span?.range.start.line == 27, "the promise is pointed at")
        // The step's time does not count: nothing to say.
        f.edit("    岗位: 审查人员\n", "    岗位: 审查人员\n    计时: 否\n")
        try expectFindings(f, [])
    }

    @Test func stepsOffTheWayToAGrantAndTheApplicantsStepsAndEndsNeedNoLimit() throws {
        // The fixture's 申请 (the applicant's), 送达 and 不予告知 (ends) have no 时限.
        try expectFindings(Fixture(), [])
        // A step that leads only to 不予 is not on any critical path.
        var f = Fixture()
        f.edit("        转到: 不予告知\n", "        转到: 复核\n")
        f.edit("  - 环节: 不予告知\n", "  - 环节: 复核\n    岗位: 决定人员\n    下一步: 不予告知\n  - 环节: 不予告知\n")
        try expectFindings(f, [])
        // The applicant's step inside the flow is the applicant's time, not the centre's.
        var g = Fixture()
        g.edit("        转到: 送达\n", "        转到: 缴费\n")
        g.edit("  - 环节: 送达\n", "  - 环节: 缴费\n    岗位: 申请人\n    下一步: 送达\n  - 环节: 送达\n")
        try expectFindings(g, [])
    }

    @Test func aProfileMayMakeAMissingStepLimitAnError() throws {
        var f = Fixture()
        f.edit("    岗位: 审查人员\n    时限: 5个工作日\n", "    岗位: 审查人员\n")
        let local = try standardsCopy(appending: "规则:\n  ZN606: 错误\n", to: "DB44-T-1147-2013.yaml")
        let result = try f.compile(standards: local)
        #expect(result.diagnostics.map(\.code) == ["ZN606"])
        #expect(result.diagnostics.first?.severity == .error)
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
        // 补正告知 is now timed, without a 时限: the same fix (计时: 否) answers both.
        try expectFindings(f, ["ZN705@items/a.yaml:36:9", "ZN606@items/a.yaml:44:9"])
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
        let local = try standardsCopy(appending: "规则:\n  ZN602: 错误\n", to: "DB44-T-1148-2013.yaml")
        let result = try f.compile(standards: local)
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
