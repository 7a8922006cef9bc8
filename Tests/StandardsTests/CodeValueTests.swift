import Diagnostics
import Foundation
import Standards
import TestSupport
import Testing
import YAMLSyntax

/// 代码集 entries with their national codes, 扩展 of inherited sets, and 别名.
@Suite struct CodeValueTests {
    func library(_ texts: [String]) throws -> ProfileLibrary {
        var library = ProfileLibrary()
        for text in texts {
            let (profile, found) = loadProfile(text)
            #expect(found == [])
            #expect(library.add(try #require(profile)) == nil)
        }
        return library
    }

    @Test func plainAndCodedValuesMix() throws {
        let (profile, found) = loadProfile("""
            编号: X
            名称: 测试
            要素: []
            代码集:
              行使层级:
                - {名称: 省级, 代码: "2"}
                - 市级
                - 名称: 县级
                  代码: 4
            """)
        #expect(found == [])
        let p = try #require(profile)
        #expect(p.codeSets["行使层级"] == ["省级", "市级", "县级"])
        #expect(p.nationalCodes["行使层级"] == ["省级": "2", "县级": "4"])
    }

    @Test func badEntriesAreLocated() {
        let (_, found) = loadProfile("""
            编号: X
            名称: 测试
            要素: []
            代码集:
              甲:
                - {名称: 一, 代码: "1", 说明: 多余}
                - {代码: "2"}
                - [三]
                - 一
                - {名称: 四, 代码: [4]}
              乙: {扩展: 五, 替换: [六]}
              丙: 七
            """)
        #expect(found == ["ZN202@6:24", "ZN201@7:7", "ZN215@8:7", "ZN215@9:7", "ZN215@10:19", "ZN215@11:11", "ZN202@11:14", "ZN215@12:6"])
    }

    @Test func aChildExtendsOrReplacesAnInheritedSet() throws {
        let lib = try library([
            """
            编号: base
            名称: base
            要素: []
            代码集:
              窗口类别: [工程类, 经营类]
              办理形式: [{名称: 窗口, 代码: "1"}]
            """,
            """
            编号: local
            名称: local
            继承: base
            代码集:
              窗口类别:
                扩展: [综窗, 专窗, 经营类]
              办理形式: [{名称: 窗口办理, 代码: "1"}]
            """,
        ])
        let effective = try lib.resolve(["local"]).get()
        #expect(effective.codeSets["窗口类别"] == ["工程类", "经营类", "综窗", "专窗"])
        #expect(effective.codeSets["办理形式"] == ["窗口办理"])
        #expect(effective.nationalCodes["办理形式"] == ["窗口办理": "1"])
        #expect(effective.codeValues("办理形式").map { $0.code } == ["1"])
        let base = try lib.resolve(["base"]).get()
        #expect(base.codeSets["窗口类别"] == ["工程类", "经营类"])
    }

    @Test func aliasesNameElementsAndFieldsOfElements() throws {
        let lib = try library([
            """
            编号: base
            名称: base
            要素:
              - {名称: 办理时限, 键: timeLimits, 类型: 时限}
              - {名称: 办理依据, 键: legalBasis, 类型: 依据列表}
            """,
            """
            编号: national
            名称: national
            继承: base
            别名:
              设定依据: 办理依据
              法定办结时限: 办理时限.法定
              收费标准: 审批收费
            """,
        ])
        let effective = try lib.resolve(["national"]).get()
        #expect(effective.element(named: "设定依据")?.0.key == "legalBasis")
        #expect(effective.element(named: "设定依据")?.1 == .synonym)
        #expect(effective.element(key: "legalBasis")?.synonyms == ["设定依据"])
        #expect(effective.fieldAlias(named: "法定办结时限") == FieldAlias(name: "法定办结时限", elementKey: "timeLimits", field: "法定"))
        // No profile followed defines 审批收费: the alias waits for one that does.
        #expect(effective.element(named: "收费标准") == nil)
    }

    @Test func badAliasesAreLocated() {
        let (_, found) = loadProfile("""
            编号: X
            名称: 测试
            要素: []
            别名:
              甲: 乙.
              丙: [丁]
              戊: 戊
              己: 办理时限.法定.天
            """)
        #expect(found == ["ZN216@5:3", "ZN216@6:3", "ZN216@7:3", "ZN216@8:3"])
    }

    @Test func theShippedProfilesGiveNationalCodes() throws {
        let folder = repositoryRoot() + "/standards"
        var library = ProfileLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".yaml") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let (profile, _) = ProfileLoader().load(try #require(YAMLParser().parse(bytes, file: name).root), file: name)
            _ = library.add(try #require(profile))
        }
        let local = try library.resolve(["DB44/T 1147-2013", "DB44/T 1148-2013"]).get()
        #expect(local.codeSets["办理形式"] == ["窗口", "电脑端", "移动端", "快递"])
        #expect(local.codeSets["服务对象"]?.contains("非法人企业") == false)
        #expect(local.codeSets["窗口类别"] == ["工程类", "经营类", "公民类", "综合"])
        #expect(local.codeSets["办理结果"] == ["准予", "不予", "终止"])
        #expect(local.codeSets["办理方式"] == ["并联", "串联", "混合"])
        #expect(local.nationalCodes["事项类型"]?["行政许可"] == "01")
        #expect(local.nationalCodes["事项类型"]?["公共服务"] == "20")
        #expect(local.nationalCodes["办件类型"] == ["即办件": "1", "承诺件": "2", "联办件": "9", "上报件": "9"])
        #expect(local.element(named: "设定依据") == nil)
        #expect(local.element(key: "basicCode") == nil)

        let national = try library.resolve(["GB/T 39554.2-2020", "DB44/T 1147-2013", "DB44/T 1148-2013"]).get()
        #expect(national.codeSets["办理形式"] == ["窗口", "电脑端", "移动端", "快递", "窗口办理", "电脑端网上办理", "移动端网上申请", "快递申请", "其他"])
        #expect(national.nationalCodes["办理形式"]?["快递申请"] == "4")
        #expect(national.nationalCodes["服务对象"]?["非法人企业"] == "5")
        #expect(national.nationalCodes["行使层级"]?["县级"] == "4")
        #expect(national.codeSets["到现场次数"] == ["0", "1", "2", "3"])
        for (alias, element) in [("设定依据", "legalBasis"), ("实施依据", "legalBasis"), ("受理条件", "conditions"), ("申请条件", "conditions"),
                                 ("收费标准", "fees"), ("是否收费", "fees"), ("咨询方式", "consultation"), ("监督投诉方式", "complaint"),
                                 ("办理地点", "windows"), ("申请材料目录", "materials")] {
            #expect(national.element(named: alias)?.0.key == element, "\(alias)")
        }
        #expect(national.fieldAlias(named: "承诺办结时限")?.field == "承诺")
        #expect(national.elements.map(\.key).starts(with: ["name", "code", "type", "serviceObjects", "handlingForms", "basicCode", "implementationCode"]))
    }
}
