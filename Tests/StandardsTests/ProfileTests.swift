import Diagnostics
import Foundation
import Standards
import TestSupport
import Testing
import YAMLSyntax

func loadProfile(_ text: String) -> (Profile?, [String]) {
    let root = YAMLParser().parse(Array(text.utf8), file: "p.yaml").root!
    let (profile, diagnostics) = ProfileLoader().load(root, file: "p.yaml")
    return (profile, diagnostics.map { "\($0.code)@\($0.span!.range.start.line):\($0.span!.range.start.column)" })
}

@Suite struct ProfileLoaderTests {
    @Test func theShippedProfilesLoadCleanly() throws {
        let folder = repositoryRoot() + "/standards"
        var library = ProfileLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".yaml") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let parsed = YAMLParser().parse(bytes, file: name)
            #expect(parsed.diagnostics.isEmpty)
            let (profile, diagnostics) = ProfileLoader().load(try #require(parsed.root), file: name)
            #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.message.en))")
            #expect(library.add(try #require(profile)) == nil)
        }
        let effective = try library.resolve(["DB44/T 1147-2013", "DB44/T 1148-2013"]).get()
        // Every element FORMAT.md lists, once, keyed (情形 and 情形差异, FORMAT.md core, before 申请材料).
        #expect(effective.elements.map(\.name) == [
            "事项名称", "事项编码", "事项类型", "服务对象", "办理形式", "受理范围", "受理地点", "办理依据", "实施机关",
            "办件类型", "审批条件", "情形", "情形差异", "申请材料", "办理时限", "审批收费", "申请人权利和义务", "咨询", "办理流程", "法律救济",
            "审批证件", "审批人员", "审批进程查询", "监督检查",
        ])
        #expect(effective.element(named: "审批时间")?.0.key == "timeLimits")
        #expect(effective.element(named: "审批时间")?.1 == .synonym)
        #expect(effective.element(named: "辦理時限")?.1 == .traditional)
        #expect(effective.element(key: "staff")?.isPublic == false)
        #expect(effective.element(key: "supervision")?.isPublic == false)
        #expect(effective.element(key: "scope")?.isPublic == true)
        #expect(effective.codeSets["事项类型"]?.count == 11)
        #expect(effective.parameters["事项编码格式"] != nil)
        // The guide alone has no 审批人员.
        let guide = try library.resolve(["DB44/T 1147-2013"]).get()
        #expect(guide.element(key: "staff") == nil)
    }

    /// A code format that is no regular expression would accept every code; an example that
    /// does not fit its format would mislead every message that shows it.
    @Test func codeFormatsMustCompileAndTheirExamplesFit() {
        let (_, found) = loadProfile("""
            编号: X
            名称: 测试
            要素: []
            参数:
              事项编码格式: '^[0-9]{6'
              一件事编码格式: '^[0-9]{6}-YJS-[0-9]{3}$'
              一件事编码示例: 440103-YJS-01
            """)
        #expect(found == ["ZN203@5:11", "ZN203@7:12"])
        let (_, clean) = loadProfile("""
            编号: X
            名称: 测试
            要素: []
            参数:
              一件事编码格式: '^[0-9]{6}-YJS-[0-9]{3}$'
              一件事编码示例: 440103-YJS-001
            """)
        #expect(clean == [])
    }

    @Test func problemsAreReportedWithPositions() {
        let (profile, found) = loadProfile("""
            编号: X
            名称: 测试
            要素:
              - 名称: 甲
                键: a
                类型: 文字
              - 名称: 乙
                键: materials2
                类型: 材料列表
              - 名称: 丙
                键: c
                类型: 文本
                必填: 也许
                可见度: 内部
              - 键: d
                类型: 文本
            规则:
              ZN602: 严重
            要数: []
            """)
        #expect(profile != nil)
        #expect(found == ["ZN203@6:9", "ZN204@9:9", "ZN203@13:9", "ZN202@14:5", "ZN201@15:5", "ZN203@18:10", "ZN202@19:1"])
    }

    @Test func aProfileWithoutIdIsRefused() {
        let (profile, found) = loadProfile("名称: 测试\n要素: []\n")
        #expect(profile == nil)
        #expect(found == ["ZN201@1:1"])
    }
}

@Suite struct InheritanceTests {
    static let base = Profile(
        id: "base", title: "base",
        elements: [ElementSpec(name: "事项名称", key: "name", type: .text, isRequired: true)],
        codeSets: ["事项类型": ["行政许可", "公共服务"]], parameters: ["事项编码格式": "^A$"])

    @Test func childrenExtendAndOverride() throws {
        let child = Profile(
            id: "child", title: "child", parents: ["base"],
            elements: [
                ElementSpec(name: "办理时限", key: "timeLimits", type: .timeLimits, isRequired: true),
                ElementSpec(name: "特色要素", key: "localNote", type: .text, isPublic: false),
            ],
            codeSets: ["事项类型": ["行政许可"]], rules: ["ZN602": RuleSetting(isEnabled: false)],
            parameters: ["事项编码格式": "^B$"])
        let effective = try ProfileLibrary([Self.base, child]).resolve(["child"]).get()
        #expect(effective.profiles.map(\.id) == ["base", "child"])
        #expect(effective.elements.map(\.key) == ["name", "timeLimits", "localNote", "questions", "scenarioVariants"])
        #expect(effective.codeSets["事项类型"] == ["行政许可"])
        #expect(effective.parameters["事项编码格式"] == "^B$")
        #expect(effective.rules["ZN602"]?.isEnabled == false)
    }

    @Test func siblingsMergeVisibilityAndRequirement() throws {
        let a = Profile(id: "a", title: "a", parents: ["base"],
            elements: [ElementSpec(name: "咨询", key: "consultation", type: .consultation, isRequired: false, isPublic: true)])
        let b = Profile(id: "b", title: "b", parents: ["base"],
            elements: [ElementSpec(name: "咨询", key: "consultation", type: .consultation, isRequired: true, isPublic: false, synonyms: ["审批咨询"])])
        let effective = try ProfileLibrary([Self.base, a, b]).resolve(["a", "b"]).get()
        let spec = try #require(effective.element(key: "consultation"))
        #expect(spec.isRequired && spec.isPublic)
        #expect(effective.element(named: "审批咨询")?.0.key == "consultation")
        #expect(effective.profiles.map(\.id) == ["base", "a", "b"])
    }

    @Test func unknownParentsCyclesAndConflicts() {
        let orphan = Profile(id: "o", title: "o", parents: ["missing"])
        #expect(ProfileLibrary([orphan]).resolve(["o"]) == .failure(.unknown("missing", suggestion: nil, from: "o")))
        let x = Profile(id: "x", title: "x", parents: ["y"]), y = Profile(id: "y", title: "y", parents: ["x"])
        #expect(ProfileLibrary([x, y]).resolve(["x"]) == .failure(.cycle(["x", "y", "x"])))
        let p = Profile(id: "p", title: "p", elements: [ElementSpec(name: "甲", key: "k", type: .text)])
        let q = Profile(id: "q", title: "q", elements: [ElementSpec(name: "甲", key: "k", type: .textList)])
        #expect(ProfileLibrary([p, q]).resolve(["p", "q"]) == .failure(.conflict(key: "k", first: "p", second: "q")))
        #expect(ProfileLibrary([p]).resolve(["P"]) == .failure(.unknown("P", suggestion: "p", from: nil)))
    }
}

extension Result: @retroactive Equatable where Success == EffectiveProfile, Failure == ProfileLibrary.ResolveError {
    public static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.failure(let x), .failure(let y)): x == y
        default: false
        }
    }
}
