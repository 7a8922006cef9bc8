import Catalog
import TestSupport
import Compiler
import Testing

/// 情形 in a bundle (ZN911–ZN914): the fixture's two members, each asking one question
/// (appended at the end of its file) that decides an 授权委托书.
@Suite struct BundleScenarioTests {
    /// `yaml` asking `question` (id, words, options) with an 授权委托书 for its last option.
    static func asking(_ yaml: String, id: String = "agent", question: String = "是否委托他人办理？",
                       options: [String] = ["本人办理", "委托他人办理"], variant: String = "") -> String {
        yaml.replacingOccurrences(of: "  - 材料库: yyzz\n    形式: 复印件\n    份数: 1\n", with: """
              - 材料库: yyzz
                形式: 复印件
                份数: 1
              - 材料: 授权委托书
                形式: 原件
                份数: 1
                介质: 纸质
                来源: 申请人自备
                必要性: 必要
                适用情形: {\(id): \(options.last!)}

            """)
            + "情形:\n  - 编号: \(id)\n    问题: \(question)\n    选项: [\(options.joined(separator: ", "))]\n" + variant
    }

    /// The bundle fixture with both members asking; `b` changes how the second asks.
    static func fixture(a: String? = nil, b: (String) -> String = { asking($0) }) -> Fixture {
        var f = BundleTests.fixture()
        f.items["items/a.yaml"] = a ?? asking(f.items["items/a.yaml"]!)
        f.items["items/b.yaml"] = b(f.items["items/b.yaml"]!)
        return f
    }

    @Test func aSharedQuestionIsAskedOnceAndItsMaterialMergedWithItsScenario() throws {
        let f = Self.fixture()
        try expectFindings(f, [])
        let bundle = try #require(try f.compile().catalog?.bundles.first)
        #expect(bundle.questions == [ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"])])
        let letter = try #require(bundle.materials.first { $0.name == "授权委托书" })
        #expect(letter.neededBy == ["440100-XK-00012-001", "440100-XK-00013-001"])
        #expect(letter.applicability == [Applicability(clauses: [ScenarioClause(questionID: "agent", options: ["委托他人办理"])])])
        #expect(bundle.materials(for: ScenarioChoice(["agent": "本人办理"])).map(\.name) == ["特种设备使用登记表", "营业执照"])
        #expect(bundle.materials(for: ScenarioChoice(["agent": "委托他人办理"])).count == 3)
    }

    @Test func oneIdWithOtherOptionsIsAnErrorAtTheLaterMember() throws {
        let f = Self.fixture { Self.asking($0, options: ["本人", "代理人"]) }
        try expectFindings(f, ["ZN911@bundles/kaiban.yaml:4:27"])
        let d = try #require(try f.compile().diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.message.zh == "成员事项“特种设备使用登记”的情形问题“agent”的选项是[本人、代理人]，与“特种设备使用登记”的[本人办理、委托他人办理]不同，一件事无法只问一次")
        #expect(d.notes.first?.span?.range.start.column == 6)  // the first member's entry
    }

    /// The options agree, so the merged list is right: a warning, not an error.
    @Test func otherWordsOrOrderAreAWarning() throws {
        let words = Self.fixture { Self.asking($0, question: "由谁办理？") }
        try expectFindings(words, ["ZN912@bundles/kaiban.yaml:4:27"])
        #expect(try words.compile().diagnostics.first?.severity == .warning)
        #expect(try words.compile().catalog?.bundles.first?.questions.first?.question == "是否委托他人办理？")
        let order = Self.fixture { Self.asking($0, options: ["委托他人办理", "本人办理"]).replacingOccurrences(of: "{agent: 本人办理}", with: "{agent: 委托他人办理}") }
        try expectFindings(order, ["ZN912@bundles/kaiban.yaml:4:27"])
    }

    @Test func oneQuestionUnderTwoIdsIsAskedTwice() throws {
        try expectFindings(Self.fixture { Self.asking($0, id: "weituo") }, ["ZN913@bundles/kaiban.yaml:4:27"])
        // 是/否 alone is not the same question unless the words are too.
        let yesNo = Self.fixture(a: Self.asking(BundleTests.fixture().items["items/a.yaml"]!, id: "x", question: "是否涉及外资？", options: ["否", "是"])) {
            Self.asking($0, id: "y", question: "是否委托他人办理？", options: ["否", "是"])
        }
        try expectFindings(yesNo, [])
    }

    /// The members' own promises fit (10 working days); under 委托他人办理 the second's 情形差异
    /// promises 12.
    @Test func aScenarioThatOutrunsTheBundlesPromise() throws {
        let f = Self.fixture { Self.asking($0, variant: "情形差异:\n  - 适用情形: {agent: 委托他人办理}\n    办理时限: {承诺: 12个工作日}\n") }
        try expectFindings(f, ["ZN914@bundles/kaiban.yaml:7:5"])
        let d = try #require(try f.compile().diagnostics.first)
        #expect(d.message.zh == "在情形“是否委托他人办理？— 委托他人办理”下，按并联办理，成员事项的承诺时限合计 12个工作日，长于一件事的承诺时限“10个工作日”")
    }
}

/// The sample's 开办餐饮店一件事: its three members all ask `agent`.
@Suite struct SampleBundleScenarioTests {
    @Test func theSampleBundleAsksTheSharedQuestionOnce() throws {
        let result = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: repositoryRoot() + "/standards")))
            .compile(folder: repositoryRoot() + "/catalogs/liwan-yichuang")
        #expect(result.diagnostics.map(\.code) == [])
        let bundle = try #require(result.catalog?.bundles.first { $0.code == "440103-YJS-001" })
        #expect(bundle.questions.map(\.id) == ["agent", "form", "acceptance"])
        let letter = try #require(bundle.materials.first { $0.name == "授权委托书" })
        #expect(letter.neededBy == ["440103-XK-00101-001", "440103-XK-00102-001", "440103-XK-00301-001"])
        #expect(letter.applicability == [Applicability(clauses: [ScenarioClause(questionID: "agent", options: ["委托他人办理"])])])
        let everyone = bundle.materials.count
        let alone = bundle.materials(for: ScenarioChoice(["agent": "本人办理", "form": "个人经营", "acceptance": "否"])).count
        #expect(alone == everyone - 3)  // no 授权委托书, 户口簿 or 消防验收意见书
    }
}
