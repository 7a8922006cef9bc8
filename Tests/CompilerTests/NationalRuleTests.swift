import Catalog
import Compiler
import Diagnostics
import Foundation
import TestSupport
import Testing

/// The national identification and handling elements (GB/T 39554.2-2020): binding, the
/// heading aliases, and one failing fixture per rule with its code, line and column.
@Suite struct NationalRuleTests {
    /// The fixture following GB/T 39554.2-2020, its national elements at the top (lines 1–21).
    static func national() -> Fixture {
        var f = Fixture()
        f.editCatalog("标准: [DB44/T 1147-2013, DB44/T 1148-2013]", "标准: [GB/T 39554.2-2020, DB44/T 1147-2013, DB44/T 1148-2013]")
        f.editCatalog("窗口:", """
              - 编号: sjj
                名称: 某某省市场监督管理局
                统一社会信用代码: 11440000MB2D0164XH
            窗口:
            """)
        f.items["items/a.yaml"] = """
            基本编码: "000104002000"
            实施编码: 11440100MB2C1234813000104002000
            业务办理项:
              - 编码: "11440100MB2C123481300010400200001"
                名称: 企业申请
            行使层级: 市级
            实施主体性质: 法定机关
            权力来源: 法定本级行使
            到现场次数: 1
            必须现场办理原因: 需现场核验设备。
            网上办理深度: [互联网咨询, 互联网收件, 互联网预审]
            网办地址: https://www.gdzwfw.gov.cn/
            通办范围: 全市
            监督投诉:
              电话: "12345"
              网址: https://www.gz.gov.cn/
            办理形式: [窗口办理, 电脑端网上办理]
            服务对象: [非法人企业]




            """ + Fixture.itemYAML.replacingOccurrences(of: "服务对象: [企业法人, 事业法人]\n", with: "")
            + "审批结果:\n  类型: 证照\n  名称: 特种设备使用登记证\n"
        // 可共享 is a note under the profile until 免提交 decides it (ZN822).
        f.edit("  - 材料库: yyzz\n    形式: 复印件\n    份数: 1\n", "  - 材料库: yyzz\n    形式: 复印件\n    份数: 1\n    免提交: 数据共享\n")
        return f
    }

    @Test func theNationalFixtureIsCleanAndBound() throws {
        let result = try Self.national().compile()
        #expect(result.diagnostics.map { "\($0.code) \($0.message.en)" } == [])
        let item = try #require(result.catalog?.items.first)
        let n = item.national
        #expect(n.basicCode == "000104002000")
        #expect(n.implementationCode == "11440100MB2C1234813000104002000")
        #expect(n.handlingItems == [HandlingItem(code: "11440100MB2C123481300010400200001", name: "企业申请")])
        #expect(n.exerciseLevel == "市级" && n.implementerNature == "法定机关" && n.powerSource == "法定本级行使")
        #expect(n.onSiteVisits == 1 && n.onSiteReason == "需现场核验设备。")
        #expect(n.onlineDepth == ["互联网咨询", "互联网收件", "互联网预审"])
        #expect(n.onlineURL == "https://www.gdzwfw.gov.cn/" && n.handlingArea == "全市")
        #expect(n.complaint == Complaint(phone: "12345", website: "https://www.gz.gov.cn/"))
        #expect(item.handlingForms == ["窗口办理", "电脑端网上办理"])
        #expect(item.serviceObjects == ["非法人企业"])
        // Catalog.codeSets: every set of the effective profile, in order, with codes.
        let sets = try #require(result.catalog?.codeSets)
        #expect(sets["行使层级"]?.first == CodeValue(name: "国家级", code: "1"))
        #expect(result.catalog?.nationalCode(of: "市级", in: "行使层级") == "3")
        #expect(result.catalog?.nationalCode(of: "行政许可", in: "事项类型") == "01")
        #expect(result.catalog?.nationalCode(of: "电脑端网上办理", in: "办理形式") == "2")
        #expect(sets["窗口类别"] == ["工程类", "经营类", "公民类", "综合"].map { CodeValue(name: $0) })
        #expect(sets["办理结果"]?.map(\.name) == ["准予", "不予", "终止"])
    }

    @Test func codeSetsAreFilledWithoutTheNationalProfileToo() throws {
        let result = try Fixture().compile()
        #expect(result.catalog?.nationalCode(of: "承诺件", in: "办件类型") == "2")
        #expect(result.catalog?.codeSets["行使层级"] == nil)
        #expect(result.catalog?.codeSets["办理形式"]?.map(\.name) == ["窗口", "电脑端", "移动端", "快递"])
    }

    @Test func basicCodeShapeAndTypeDigits() throws {
        var f = Self.national()
        f.edit("基本编码: \"000104002000\"", "基本编码: \"00010400200\"")
        try expectFindings(f, ["ZN440@items/a.yaml:1:7"])
        f = Self.national()
        f.edit("事项类型: 行政许可", "事项类型: 行政确认")
        try expectFindings(f, ["ZN810@items/a.yaml:1:7"])
        let message = try f.compile().diagnostics[0].message.zh
        #expect(message.contains("“01”") && message.contains("“07”"))
    }

    @Test func implementationCodePartsEachDisagreeAtTheValue() throws {
        var f = Self.national()
        // The province's credit code, not the agency's.
        f.edit("实施编码: 11440100MB2C1234813000104002000", "实施编码: 11440000MB2D0164XH3000104002000")
        f.edit("\"11440100MB2C123481300010400200001\"", "\"11440000MB2D0164XH300010400200001\"")
        try expectFindings(f, ["ZN811@items/a.yaml:2:7"])
        #expect(try f.compile().diagnostics[0].message.zh.contains("统一社会信用代码“11440100MB2C123481”"))
        f = Self.national()
        f.edit("行使层级: 市级", "行使层级: 县级")
        let level = try f.compile().diagnostics
        #expect(level.map(\.code) == ["ZN811", "ZN813"])
        #expect(level[0].message.en.contains("character 19"))
        f = Self.national()
        f.edit("实施编码: 11440100MB2C1234813000104002000", "实施编码: 11440100MB2C1234813000104003000")
        f.edit("\"11440100MB2C123481300010400200001\"", "\"11440100MB2C123481300010400300001\"")
        try expectFindings(f, ["ZN811@items/a.yaml:2:7"])
        f = Self.national()
        f.edit("实施编码: 11440100MB2C1234813000104002000", "实施编码: 11440100MB2C123481300010400200")
        try expectFindings(f, ["ZN441@items/a.yaml:2:7"])
    }

    @Test func handlingItemCodes() throws {
        var f = Self.national()
        f.edit("    名称: 企业申请\n", "    名称: 企业申请\n  - 编码: \"11440100MB2C123481300010400200001\"\n    名称: 个人申请\n  - 编码: \"11440100MB2C123481300010400300002\"\n    名称: 其他\n  - 编码: \"1144\"\n    名称: 短\n")
        try expectFindings(f, ["ZN443@items/a.yaml:6:9", "ZN812@items/a.yaml:8:9", "ZN442@items/a.yaml:10:9"])
    }

    @Test func exerciseLevelAgainstTheRegion() throws {
        var f = Self.national()
        f.editCatalog("行政区划: \"440100\"", "行政区划: \"440103\"")
        f.edit("事项编码: 440100-XK-00012-001", "事项编码: 440103-XK-00012-001")
        try expectFindings(f, ["ZN813@items/a.yaml:6:7"])
        #expect(try f.compile().diagnostics[0].severity == .warning)
    }

    @Test func onSiteVisits() throws {
        var f = Self.national()
        f.edit("必须现场办理原因: 需现场核验设备。\n", "")
        try expectFindings(f, ["ZN814@items/a.yaml:9:8"])
        f = Self.national()
        f.edit("到现场次数: 1", "到现场次数: 0")
        f.edit("办理形式: [窗口办理, 电脑端网上办理]", "办理形式: [窗口, 窗口办理]")
        try expectFindings(f, ["ZN815@items/a.yaml:9:8"])
        f = Self.national()
        f.edit("到现场次数: 1", "到现场次数: 4")
        try expectFindings(f, ["ZN304@items/a.yaml:9:8"])
    }

    /// 情形差异 may set 到现场次数 for a scenario: it is held to the item's 必须现场办理原因
    /// and 办理形式, at the entry's own value.
    @Test func onSiteVisitsByScenario() throws {
        var f = Self.national()
        f.edit("到现场次数: 1", "到现场次数: 0")
        f.edit("必须现场办理原因: 需现场核验设备。\n", "")
        let lines = f.items["items/a.yaml"]!.split(separator: "\n", omittingEmptySubsequences: false).count
        f.items["items/a.yaml"]! += "情形:\n  - 编号: agent\n    问题: 是否委托他人办理？\n    选项: [本人办理, 委托他人办理]\n"
            + "情形差异:\n  - 适用情形: {agent: 委托他人办理}\n    到现场次数: 1\n"
        try expectFindings(f, ["ZN814@items/a.yaml:\(lines + 6):12"])
        #expect(try f.compile().diagnostics[0].message.zh == "情形差异第1项的到现场次数为 1，但事项没有写“必须现场办理原因”；请在事项中写明该情形为什么必须到现场")
        // With the reason written, the entry is fine.
        f.edit("到现场次数: 0\n", "到现场次数: 0\n必须现场办理原因: 委托办理的，受托人须到现场核验身份。\n")
        try expectFindings(f, [])
    }

    @Test func onlineDepthOrderGapsAndAddress() throws {
        var f = Self.national()
        f.edit("[互联网咨询, 互联网收件, 互联网预审]", "[互联网咨询, 互联网预审, 互联网收件]")
        try expectFindings(f, ["ZN444@items/a.yaml:11:24"])
        f = Self.national()
        f.edit("[互联网咨询, 互联网收件, 互联网预审]", "[互联网咨询, 互联网预审]")
        try expectFindings(f, ["ZN444@items/a.yaml:11:9"])
        f = Self.national()
        f.edit("网办地址: https://www.gdzwfw.gov.cn/\n", "")
        try expectFindings(f, ["ZN816@items/a.yaml:11:17"])
    }

    @Test func entrustedAndJointItemsNameTheirAgencies() throws {
        var f = Self.national()
        f.edit("权力来源: 法定本级行使", "权力来源: 上级委托")
        try expectFindings(f, ["ZN817@items/a.yaml:8:7"])
        f.edit("权力来源: 上级委托", "权力来源: 上级委托\n委托部门: sjj")
        try expectFindings(f, [])
        f = Self.national()
        f.edit("办件类型: 承诺件", "办件类型: 联办件")
        let joint = try f.findings()
        #expect(joint.count == 1 && joint[0].hasPrefix("ZN818@items/a.yaml:"))
        f.edit("办件类型: 联办件", "办件类型: 联办件\n联办机构: [sjj, scjgj]")
        try expectFindings(f, [])
        f.edit("联办机构: [sjj, scjgj]", "联办机构: [sjj, sjjj]")
        #expect(try f.findings().first?.hasPrefix("ZN501@") == true)
    }

    @Test func complaintIsRequired() throws {
        var f = Self.national()
        f.edit("监督投诉:\n  电话: \"12345\"\n  网址: https://www.gz.gov.cn/\n", "")
        try expectFindings(f, ["ZN301@items/a.yaml:1:1"])
    }

    @Test func headingsOfPublishedGuidesAreAliases() throws {
        var f = Self.national()
        f.edit("办理依据:", "设定依据:")
        f.edit("审批条件:", "受理条件:")
        f.edit("咨询:\n", "咨询方式:\n")
        f.edit("监督投诉:", "监督投诉方式:")
        f.edit("审批收费: 不收费", "收费标准: 不收费")
        f.edit("办理时限:\n  法定: 30个工作日\n  承诺: 10个工作日\n", "法定办结时限: 30个工作日\n承诺办结时限: 10个工作日\n")
        let result = try f.compile()
        #expect(result.diagnostics.map { "\($0.code) \($0.message.en)" } == [])
        let item = try #require(result.catalog?.items.first)
        #expect(item.timeLimits?.statutory == .workingDays(30) && item.timeLimits?.promised == .workingDays(10))
        #expect(item.legalBasis.count == 1 && item.fees == .free && item.national.complaint?.phone == "12345")
    }

    @Test func aFieldAliasBesideItsElementIsAnError() throws {
        var f = Self.national()
        f.edit("审批收费: 不收费", "法定办结时限: 20个工作日\n审批收费: 不收费")
        let found = try f.findings()
        #expect(found.count == 1 && found[0].hasPrefix("ZN306@items/a.yaml:"))
        // Only one of the pair: the other field is missing, at the alias.
        f = Self.national()
        f.edit("办理时限:\n  法定: 30个工作日\n  承诺: 10个工作日\n", "法定办结时限: 30个工作日\n")
        let missing = try f.findings()
        #expect(missing.count == 1 && missing[0].hasPrefix("ZN307@items/a.yaml:"))
    }

    /// A locality's profile extends 窗口类别 (Jiangsu's 综窗 and 专窗); the compiled catalog
    /// lists the extended set in order, and outputs order window categories by it.
    @Test func aLocalProfileExtendsTheWindowCategories() throws {
        let standards = try standardsCopy(["JS.yaml": { _ in """
            编号: 苏政务 2025
            名称: 综窗改革
            继承: DB44/T 1147-2013
            代码集:
              窗口类别:
                扩展: [综窗, 专窗]
            """ }])
        var f = Fixture()
        f.editCatalog("标准: [DB44/T 1147-2013, DB44/T 1148-2013]", "标准: [苏政务 2025, DB44/T 1148-2013]")
        f.editCatalog("类别: 经营类", "类别: 综窗")
        let result = try f.compile(standards: standards)
        #expect(result.diagnostics.map(\.code) == [])
        #expect(result.catalog?.windows.first?.category == "综窗")
        #expect(result.catalog?.windowCategoryOrder(extra: []) == ["工程类", "经营类", "公民类", "综合", "综窗", "专窗"])
        // Without the extension 综窗 is not a 窗口类别.
        var plain = Fixture()
        plain.editCatalog("类别: 经营类", "类别: 综窗")
        #expect(try plain.compile().diagnostics.map(\.code) == ["ZN304"])
    }
}
