import Catalog
@testable import Compiler
import Diagnostics
import Foundation
import TestSupport
import Testing

/// 情形 (FORMAT.md "情形: scenario-based guides"): binding 情形, 适用情形 and 情形差异, and
/// the checks ZN830–ZN842 and the time rules per 情形.
@Suite struct ScenarioTests {
    /// The fixture with two questions, a conditional condition and two conditional
    /// materials: clean. 情形 starts on line 12, 申请材料 on line 23.
    static func scenarios() -> Fixture {
        var f = Fixture()
        f.edit("审批条件:\n  - 设备已经监督检验合格。\n", """
            情形:
              - 编号: agent
                问题: 是否委托他人办理？
                选项: [本人办理, 委托他人办理]
              - 编号: form
                问题: 经营形式
                选项: [个人经营, 家庭经营]
            审批条件:
              - 设备已经监督检验合格。
              - 条件: 参加经营的家庭成员一并登记。
                适用情形: {form: 家庭经营}

            """)
        f.edit("  - 材料库: yyzz\n", """
              - 材料: 授权委托书
                适用情形: {agent: 委托他人办理}
              - 材料: 家庭成员关系证明
                适用情形: {form: [家庭经营]}
              - 材料库: yyzz

            """)
        return f
    }

    static func item(_ f: Fixture) throws -> Item {
        try #require(try f.compile().catalog?.items.first)
    }

    /// The diagnostics of `code`: where, and the message in both languages.
    static func messages(_ f: Fixture, _ code: String) throws -> [(line: Int, column: Int, zh: String, en: String)] {
        try f.compile().diagnostics.filter { $0.code == code }.map {
            ($0.span?.range.start.line ?? 0, $0.span?.range.start.column ?? 0, $0.message.zh, $0.message.en)
        }
    }

    @Test func theScenarioFixtureIsCleanAndBinds() throws {
        let f = Self.scenarios()
        try expectFindings(f, [])
        let item = try Self.item(f)
        #expect(item.questions == [
            ScenarioQuestion(id: "agent", question: "是否委托他人办理？", options: ["本人办理", "委托他人办理"]),
            ScenarioQuestion(id: "form", question: "经营形式", options: ["个人经营", "家庭经营"]),
        ])
        #expect(item.conditions == ["设备已经监督检验合格。", "参加经营的家庭成员一并登记。"])
        #expect(item.conditionApplicability == [
            ConditionApplicability(index: 1, applicability: Applicability(clauses: [ScenarioClause(questionID: "form", options: ["家庭经营"])])),
        ])
        #expect(item.materials.map(\.name) == ["特种设备使用登记表", "授权委托书", "家庭成员关系证明", "营业执照"])
        #expect(item.materials[1].applicability == Applicability(clauses: [ScenarioClause(questionID: "agent", options: ["委托他人办理"])]))
        #expect(item.materials[0].applicability == nil && item.materials[3].applicability == nil)
        // The views of one applicant's answers.
        #expect(item.materials(for: ScenarioChoice(["agent": "本人办理", "form": "个人经营"])).map(\.name) == ["特种设备使用登记表", "营业执照"])
        #expect(item.conditions(for: ScenarioChoice(["form": "家庭经营"])).count == 2)
    }

    /// Questions and options an applicant cannot read as written: blank, or holding
    /// zero-width or bidirectional characters (ZN843); one refused is not named again.
    @Test func blankAndInvisibleTextIsRefused() throws {
        var f = Self.scenarios()
        f.edit("    选项: [本人办理, 委托他人办理]\n", "    选项: [本人办理, \"委托\\u200B他人\\u200D办理\", 委托他人办理, \"  \"]\n")
        f.edit("    问题: 经营形式\n", "    问题: \"经营\\u202E形式\"\n")
        try expectFindings(f, ["ZN843@items/a.yaml:15:16", "ZN843@items/a.yaml:15:46", "ZN843@items/a.yaml:17:9"])
        let m = try Self.messages(f, "ZN843")
        #expect(m.map(\.zh) == [
            "问题“是否委托他人办理？”的选项第2项含有看不见的字符 U+200B、U+200D（第一个在“委托”之后）；请删除它们",
            "问题“是否委托他人办理？”的选项第4项是空白的；请填写申请人能看懂的文字，或删除这一项",
            "情形第2项的问题含有看不见的字符 U+202E（第一个在“经营”之后）；请删除它",
        ])
        #expect(m[0].en == "option 2 of the question \"是否委托他人办理？\" holds the invisible characters U+200B, U+200D (the first after \"委托\"); delete them")

        // Options that look like others: a trailing (full-width) space, a blank braille
        // pattern, a variation selector.
        var alike = Self.scenarios()
        alike.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [\"个人经营\\u3000\", 家庭经营, \"\\u2800\", \"合伙经营\\uFE0F\"]\n")
        let found = try Self.messages(alike, "ZN843")
        #expect(found.map(\.zh) == [
            "问题“经营形式”的选项第1项“个人经营”首尾有空白（含全角空格）；页面上看不出，却使它与不带空白的写法不同，请删除",
            "问题“经营形式”的选项第3项含有看不见的字符 U+2800（第一个在开头）；请删除它",
            "问题“经营形式”的选项第4项含有看不见的字符 U+FE0F（第一个在“合伙经营”之后）；请删除它",
        ])

        // The refused option stands as it reads for what names it: one mistake, one error
        // (not also "one option only" here, nor "no such option" at the 适用情形 naming it).
        var named = Self.scenarios()
        named.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, \"家庭\\u200D经营\"]\n")
        try expectFindings(named, ["ZN843@items/a.yaml:18:16"])

        // An empty 适用情形, and a mapping where an option goes.
        var g = Self.scenarios()
        g.edit("    适用情形: {agent: 委托他人办理}\n", "    适用情形: {}\n")
        g.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, {家庭: 经营}, 家庭经营]\n")
        // (agent is named by no other 适用情形 now, but ZN836 waits while one is unusable.)
        try expectFindings(g, ["ZN303@items/a.yaml:18:16", "ZN303@items/a.yaml:32:11"])
        let wrong = try g.compile().diagnostics.filter { $0.code == "ZN303" }.map(\.message.zh)
        #expect(wrong == [
            "问题“经营形式”的选项第2项应当是一段文字，这里是映射；选项写成列表：[本人办理, 委托他人办理]",
            "申请材料“授权委托书”的适用情形是空的；请写明在哪个问题选哪个选项时适用（{问题编号: 选项}），对所有申请人都适用时删除这一行",
        ])
    }

    /// One mistake, one diagnostic: a misspelt id is not also "a question that changes
    /// nothing"; an unreadable 问题 does not hide its options' mistakes; an empty or mistyped
    /// 情形 is not also "the item has no 情形" at every 适用情形.
    @Test func oneMistakeOneDiagnostic() throws {
        var typo = Self.scenarios()
        typo.edit("    适用情形: {agent: 委托他人办理}\n", "    适用情形: {agnet: 委托他人办理}\n")
        try expectFindings(typo, ["ZN834@items/a.yaml:32:12"])

        var both = Self.scenarios()
        both.edit("    问题: 经营形式\n", "    问题: \"经营\\u200B形式\"\n")
        both.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, 家庭经营, 个人经营]\n")
        try expectFindings(both, ["ZN843@items/a.yaml:17:9", "ZN833@items/a.yaml:18:22"])

        // (情形: ~ is as not written, as for every optional element: each 适用情形 says so.)
        for written in ["[]", "abc"] {
            var empty = Self.scenarios()
            let start = empty.items["items/a.yaml"]!.range(of: "情形:\n  - 编号: agent")!
            let end = empty.items["items/a.yaml"]!.range(of: "审批条件:\n")!
            empty.items["items/a.yaml"]!.replaceSubrange(start.lowerBound..<end.lowerBound, with: "情形: \(written)\n")
            let codes = try empty.compile().diagnostics.map(\.code)
            #expect(codes == ["ZN303"], "\(written): \(codes)")
        }
    }

    @Test func clausesFollowTheQuestionOrderAndOptionsTheirOrder() throws {
        var f = Self.scenarios()
        f.edit("    适用情形: {agent: 委托他人办理}\n", "    适用情形: {form: [家庭经营, 个人经营], agent: 委托他人办理}\n")
        let item = try Self.item(f)
        #expect(item.materials[1].applicability == Applicability(clauses: [
            ScenarioClause(questionID: "agent", options: ["委托他人办理"]),
            ScenarioClause(questionID: "form", options: ["个人经营", "家庭经营"]),
        ]))
    }

    @Test func feesStepsAndVariantsBind() throws {
        var f = Self.scenarios()
        f.edit("审批收费: 不收费\n", "审批收费:\n  - 项目: 工本费\n    标准: 10元\n    适用情形: {agent: 委托他人办理}\n")
        f.edit("  - 环节: 补正告知\n    计时: 否\n", "  - 环节: 补正告知\n    计时: 否\n    适用情形: {agent: [本人办理, 委托他人办理]}\n")
        f.items["items/a.yaml"]! += "情形差异:\n  - 适用情形: {form: 家庭经营}\n    办理时限: {承诺: 8个工作日}\n"
        try expectFindings(f, [])
        let item = try Self.item(f)
        guard case .charged(let fees) = item.fees else { Issue.record("no fees"); return }
        #expect(fees[0].applicability?.clauses == [ScenarioClause(questionID: "agent", options: ["委托他人办理"])])
        #expect(item.flow[2].applicability?.clauses == [ScenarioClause(questionID: "agent", options: ["本人办理", "委托他人办理"])])
        // The variant's limits are whole: 法定 is the item's own.
        #expect(item.scenarioVariants == [ScenarioVariant(
            applicability: Applicability(clauses: [ScenarioClause(questionID: "form", options: ["家庭经营"])]),
            timeLimits: TimeLimits(statutory: .workingDays(30), promised: .workingDays(8)))])
    }

    // MARK: ZN830–ZN833: the questions

    @Test func badAndDuplicateIDs() throws {
        var f = Self.scenarios()
        f.edit("  - 编号: form\n", "  - 编号: 形式\n")
        f.edit("{form: 家庭经营}", "{形式: 家庭经营}")
        f.edit("{form: [家庭经营]}", "{形式: [家庭经营]}")
        try expectFindings(f, ["ZN830@items/a.yaml:16:9"])
        let m = try Self.messages(f, "ZN830")[0]
        #expect(m.zh == "情形的编号“形式”只能由英文字母、数字和“-”组成（如 agent、form-1）；它会写进网页地址（?agent=…）")
        #expect(m.en == "the 情形 编号 \"形式\" may hold only ASCII letters, digits and '-' (agent, form-1, say); it goes into the page address (?agent=…)")

        var twice = Self.scenarios()
        twice.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, 家庭经营]\n  - 编号: agent\n    问题: 又问一次\n    选项: [是, 否]\n")
        try expectFindings(twice, ["ZN831@items/a.yaml:19:9"])
        let d = try #require(try twice.compile().diagnostics.first)
        #expect(d.message.zh == "情形的编号“agent”已经用过；一个事项中每个问题的编号唯一，请改用另一个编号")
        #expect(d.notes.first?.span?.range.start.line == 13)
    }

    /// A question refused for its own mistake (here a misspelt 问题) is not reported again
    /// where 适用情形 names it, and never "corrected" to a similar id: `zhinan fix` once
    /// renamed `agent` to another question `agen`, and the file then checked clean
    /// (outside tester).
    @Test func aRefusedQuestionIsNotReportedAgainNorCorrectedToAnother() throws {
        var f = Self.scenarios()
        f.edit("    问题: 是否委托他人办理？\n", "    问 题: 是否委托他人办理？\n")
        f.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, 家庭经营]\n  - 编号: agen\n    问题: 另一个问题？\n    选项: [本人办理, 委托他人办理]\n")
        let diagnostics = try f.compile().diagnostics
        #expect(!diagnostics.contains { $0.code == "ZN834" }, "\(diagnostics.map(\.code))")
        #expect(diagnostics.contains { $0.code == "ZN307" || $0.code == "ZN308" })
        #expect(!diagnostics.contains { $0.fix != nil && $0.message.zh.contains("agen") })

        // Never suggest a question the same 适用情形 already names.
        var both = Self.scenarios()
        both.edit("{agent: 委托他人办理}", "{agnt: 委托他人办理, agent: 委托他人办理}")
        let d = try #require(try both.compile().diagnostics.first { $0.code == "ZN834" })
        #expect(d.fix == nil && !d.message.zh.contains("是否想写"), "\(d.message.zh)")
    }

    @Test func tooFewAndRepeatedOptions() throws {
        var f = Self.scenarios()
        f.edit("    选项: [本人办理, 委托他人办理]\n", "    选项: [委托他人办理]\n")
        // agent has one option: ZN832; 委托他人办理 holds every option, but a one-option question is ZN832's alone.
        try expectFindings(f, ["ZN832@items/a.yaml:15:5"])
        let m = try Self.messages(f, "ZN832")[0]
        #expect(m.zh == "问题“是否委托他人办理？”只有 1 个选项；一个问题至少要有两个不同的选项，否则不必问")
        #expect(m.en == "the question \"是否委托他人办理？\" has 1 option; a question needs at least two different options, or it need not be asked")

        var repeated = Self.scenarios()
        repeated.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, 家庭经营, 个人经营]\n")
        try expectFindings(repeated, ["ZN833@items/a.yaml:18:22"])
        let r = try Self.messages(repeated, "ZN833")[0]
        #expect(r.zh == "问题“经营形式”的选项“个人经营”写了两次；请删除重复的一个")
        #expect(r.en == "the option \"个人经营\" of the question \"经营形式\" is given twice; delete one")
    }

    // MARK: ZN834, ZN835: 适用情形 naming what is not there

    @Test func unknownQuestionWithDidYouMeanAndFix() throws {
        var f = Self.scenarios()
        f.edit("{agent: 委托他人办理}", "{agnet: 委托他人办理}")
        // agent is named nowhere else now, but ZN836 waits while a 适用情形 names an unknown
        // question (it may mean agent, as here).
        try expectFindings(f, ["ZN834@items/a.yaml:32:12"])
        let d = try #require(try f.compile().diagnostics.first { $0.code == "ZN834" })
        #expect(d.message.zh == "适用情形中的“agnet”不是本事项情形的编号，是否想写“agent”？")
        #expect(d.message.en == "\"agnet\" in 适用情形 is not the 编号 of a question of this item; did you mean \"agent\"?")
        #expect(d.fix?.replacement == "agent")

        // Without 情形 the message says to add it.
        var none = Fixture()
        none.edit("  - 材料库: yyzz\n", "  - 材料: 授权委托书\n    适用情形: {agent: 委托他人办理}\n  - 材料库: yyzz\n")
        try expectFindings(none, ["ZN834@items/a.yaml:23:12"])
        #expect(try Self.messages(none, "ZN834")[0].zh
            == "适用情形中的“agent”不是本事项的情形：事项没有写“情形”；请先在“情形”中写出这个问题（编号: agent、问题、选项）")
    }

    @Test func unknownOptionWithDidYouMeanAndFix() throws {
        var f = Self.scenarios()
        f.edit("{agent: 委托他人办理}", "{agent: 委托他人办里}")
        // (ZN836 waits while a 适用情形 names an option the question does not have.)
        try expectFindings(f, ["ZN835@items/a.yaml:32:19"])
        let d = try #require(try f.compile().diagnostics.first { $0.code == "ZN835" })
        #expect(d.message.zh == "问题“是否委托他人办理？”（agent）没有选项“委托他人办里”，是否想写“委托他人办理”？")
        #expect(d.message.en == "the question \"是否委托他人办理？\" (agent) has no option \"委托他人办里\"; did you mean \"委托他人办理\"?")
        #expect(d.fix?.replacement == "委托他人办理")
        // A shortened option is found by what it holds.
        var short = Self.scenarios()
        short.edit("{agent: 委托他人办理}", "{agent: 委托办理}")
        #expect(try Self.messages(short, "ZN835")[0].zh == "问题“是否委托他人办理？”（agent）没有选项“委托办理”，是否想写“委托他人办理”？")
        // No close option: the options are listed.
        var far = Self.scenarios()
        far.edit("{agent: 委托他人办理}", "{agent: 邮寄}")
        #expect(try Self.messages(far, "ZN835")[0].en == "the question \"是否委托他人办理？\" (agent) has no option \"邮寄\"; its options: 本人办理, 委托他人办理")
    }

    // MARK: ZN836, ZN837: options that change nothing

    @Test func aQuestionThatChangesNothing() throws {
        var f = Self.scenarios()
        f.edit("{form: [家庭经营]}", "{form: [个人经营, 家庭经营]}")
        f.edit("    适用情形: {form: 家庭经营}\n", "")
        try expectFindings(f, ["ZN836@items/a.yaml:16:9"])
        let m = try Self.messages(f, "ZN836")[0]
        #expect(m.zh.hasPrefix("问题“经营形式”（form）的任何选项都不改变申请人看到的材料、条件、收费、环节或时限"))
        #expect(m.en.hasPrefix("no answer to the question \"经营形式\" (form) changes the materials"))
    }

    @Test func twoOptionsThatLeadToTheSame() throws {
        var f = Self.scenarios()
        f.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, 家庭经营, 合伙经营]\n")
        try expectFindings(f, ["ZN837@items/a.yaml:18:22"])
        let d = try #require(try f.compile().diagnostics.first)
        #expect(d.message.zh == "问题“经营形式”选“合伙经营”与选“个人经营”，申请人看到的内容完全相同：写了 form 的适用情形都同时包含或同时不含这两个选项；请给只属于其中一个的内容写上适用情形，或合并这两个选项")
        #expect(d.notes.first?.span?.range.start == SourceLocation(line: 18, column: 10))
        // A variant tells them apart.
        var told = f
        told.items["items/a.yaml"]! += "情形差异:\n  - 适用情形: {form: 合伙经营}\n    办理时限: {承诺: 8个工作日}\n"
        try expectFindings(told, [])
        // Options alike are one warning a group, at its second option, naming the rest.
        var many = Self.scenarios()
        many.edit("    选项: [个人经营, 家庭经营]\n", "    选项: [个人经营, 家庭经营, 合伙经营, 其他]\n")
        try expectFindings(many, ["ZN837@items/a.yaml:18:22"])
        let group = try #require(try many.compile().diagnostics.first)
        #expect(group.message.zh == "问题“经营形式”选“合伙经营”、“其他”与选“个人经营”，申请人看到的内容完全相同：写了 form 的适用情形都同时包含或同时不含这些选项；请给只属于其中一个的内容写上适用情形，或合并这些选项")
    }

    // MARK: ZN838: a combination with no material

    @Test func aCombinationLeftWithNoMaterial() throws {
        var f = Self.scenarios()
        f.edit("    介质: 纸质或电子\n", "    介质: 纸质或电子\n    适用情形: {form: 家庭经营}\n")
        f.edit("  - 材料库: yyzz\n", "  - 材料库: yyzz\n    适用情形: {agent: 委托他人办理, form: 家庭经营}\n")
        try expectFindings(f, ["ZN838@items/a.yaml:23:1"])
        let d = try #require(try f.compile().diagnostics.first)
        #expect(d.message.zh == "选择“是否委托他人办理？— 本人办理；经营形式 — 个人经营”的申请人不需要任何申请材料：每项材料的适用情形都不成立；请为该情形补上材料，或放宽某项材料的适用情形")
        #expect(d.message.en == "an applicant who answers \"是否委托他人办理？: 本人办理; 经营形式: 个人经营\" needs no material at all: no material's 适用情形 holds; add a material for that case, or widen a material's 适用情形")
        #expect(d.notes.map { $0.span?.range.start.line } == [13, 16])
    }

    @Test func theEmptyCombinationSearchIsExact() throws {
        // Every material names two questions: no single question decides, the search does.
        func item(_ materials: [[(String, [String])]]) -> Item {
            var i = Item(code: "x", name: "x", type: "行政许可", agencyID: "a")
            i.questions = ["a", "b", "c"].map { ScenarioQuestion(id: $0, question: $0, options: ["1", "2"]) }
            i.materials = materials.enumerated().map { k, clauses in
                MaterialRequirement(name: "m\(k)", applicability: Applicability(clauses: clauses.map { ScenarioClause(questionID: $0.0, options: $0.1) }))
            }
            return i
        }
        // a=1 or b=1 always keeps m0 or m1 … : (a,b) ∈ {1,2}²: m0 {a:1}, m1 {a:2, b:1}, m2 {a:2, b:2} cover all.
        #expect(ScenarioRules.emptyCombination(item([[("a", ["1"])], [("a", ["2"]), ("b", ["1"])], [("a", ["2"]), ("b", ["2"])]])) == .none)
        // Leave out (a=2, b=2, c=2): m2 needs c=1 too.
        let found = ScenarioRules.emptyCombination(item([[("a", ["1"])], [("a", ["2"]), ("b", ["1"])], [("a", ["2"]), ("b", ["2"]), ("c", ["1"])]]))
        #expect(found == .found([.init(question: 0, option: 1), .init(question: 1, option: 1), .init(question: 2, option: 1)]))
    }

    /// An item of 30 questions (3 options each; 3^30 combinations): the checks reason per
    /// question and finish, reporting exactly what is wrong.
    @Test func thirtyQuestionsStillCheck() throws {
        func item(pairs: Bool, sameOptions: Bool) -> Fixture {
            var f = Self.scenarios()
            var questions = "", materials = ""
            for k in 0..<30 {
                questions += "  - 编号: q\(k)\n    问题: 问题\(k)\n    选项: [甲\(k), 乙\(k), 丙\(k)]\n"
                materials += "  - 材料: 材料\(k)甲\n    适用情形: {q\(k): 甲\(k)}\n"
                materials += "  - 材料: 材料\(k)乙\n    适用情形: {q\(k): [乙\(k)\(k == 29 && sameOptions ? ", 丙\(k)" : "")]}\n"
                // Materials naming two questions.
                if pairs && k > 0 && k < 29 { materials += "  - 材料: 材料\(k)联\n    适用情形: {q\(k - 1): 丙\(k - 1), q\(k): 丙\(k)}\n" }
            }
            f.edit("  - 编号: agent\n", questions + "  - 编号: agent\n")
            // Every material is conditional.
            f.edit("  - 材料: 特种设备使用登记表\n", materials + "  - 材料: 特种设备使用登记表\n    适用情形: {agent: 委托他人办理}\n")
            f.edit("  - 材料库: yyzz\n", "  - 材料库: yyzz\n    适用情形: {agent: 委托他人办理}\n")
            return f
        }
        // q29's 丙 does what its 乙 does (ZN837 at 丙29, line 102); every combination keeps a
        // material (q29 has no answer that leaves all of its materials out).
        try expectFindings(item(pairs: true, sameOptions: true), ["ZN837@items/a.yaml:102:20"])
        // Without the pairs and with 丙29 its own: all 丙, 本人办理, 个人经营 leaves nothing.
        let empty = item(pairs: false, sameOptions: false)
        let found = try empty.compile().diagnostics
        #expect(found.map(\.code) == ["ZN838"])
        let words = (0..<30).map { "问题\($0) — 丙\($0)" }.joined(separator: "；") + "；是否委托他人办理？— 本人办理；经营形式 — 个人经营"
        #expect(found.first?.message.zh.hasPrefix("选择“\(words)”的申请人不需要任何申请材料") == true)
        // With the pairs the search keeps a material (材料k联 holds under all 丙).
        try expectFindings(item(pairs: true, sameOptions: false), [])
    }

    // MARK: ZN839: free-text 条件

    @Test func freeTextConditionSuggestsApplicability() throws {
        var f = Self.scenarios()
        f.edit("    适用情形: {agent: 委托他人办理}\n", "    条件: 委托他人办理的\n")
        try expectFindings(f, ["ZN836@items/a.yaml:13:9", "ZN839@items/a.yaml:32:5"])
        let m = try Self.messages(f, "ZN839")[0]
        #expect(m.zh == "材料“授权委托书”的条件“委托他人办理的”只是文字，问卷无法按它筛选；本事项有情形，请写“适用情形: {agent: 委托他人办理}”")
        #expect(m.en == "the 条件 of \"授权委托书\" (委托他人办理的) is free text the questionnaire cannot filter by; the item asks 情形: write 适用情形: {agent: 委托他人办理}")
        // With 适用情形 beside it, 条件 is an explanation.
        var both = Self.scenarios()
        both.edit("    适用情形: {agent: 委托他人办理}\n", "    条件: 委托他人办理的\n    适用情形: {agent: 委托他人办理}\n")
        try expectFindings(both, [])
        // Without 情形, no warning.
        var plain = Fixture()
        plain.edit("  - 材料库: yyzz\n", "  - 材料: 授权委托书\n    条件: 委托他人办理的\n  - 材料库: yyzz\n")
        try expectFindings(plain, [])
    }

    // MARK: 情形差异

    @Test func variantsAreCheckedLikeTheItem() throws {
        var f = Self.scenarios()
        f.items["items/a.yaml"]! += """
            情形差异:
              - 适用情形: {form: 家庭经营}
                办件类型: 即办件
              - 适用情形: {agent: 委托他人办理}
                办理时限: {承诺: 40个工作日}
              - 适用情形: {agent: 委托他人办理, form: 家庭经营}
                办理时限: {承诺: 20个工作日}

            """
        try expectFindings(f, ["ZN603@items/a.yaml:87:11", "ZN601@items/a.yaml:89:16", "ZN842@items/a.yaml:90:11"])
        let found = try f.compile().diagnostics
        #expect(found[0].message.zh == "在情形“经营形式 — 家庭经营”下，即办件的承诺时限应为“即办”，这里是“10个工作日”")
        #expect(found[1].message.zh == "在情形“是否委托他人办理？— 委托他人办理”下，承诺时限“40个工作日”超过法定时限“30个工作日”")
        #expect(found[1].message.en == "under the scenario \"是否委托他人办理？: 委托他人办理\", the promised limit 40个工作日 exceeds the statutory limit 30个工作日")
        #expect(found[2].message.zh.hasPrefix("情形差异第3项永远不会生效：它成立时，第1项也成立"))
    }

    /// An entry no single earlier one takes, but two together do: every 经营形式 is taken by
    /// entries 1 and 2 before entry 3 is reached.
    @Test func variantTakenByEarlierEntriesTogether() throws {
        var f = Self.scenarios()
        f.items["items/a.yaml"]! += """
            情形差异:
              - 适用情形: {form: 个人经营}
                办理时限: {承诺: 12个工作日}
              - 适用情形: {form: 家庭经营}
                办理时限: {承诺: 15个工作日}
              - 适用情形: {agent: 委托他人办理}
                办理时限: {承诺: 20个工作日}

            """
        try expectFindings(f, ["ZN842@items/a.yaml:90:11"])
        let d = try f.compile().diagnostics[0]
        #expect(d.message.zh == "情形差异第3项永远不会生效：它成立时，第1项、第2项中总有一项也成立，而情形差异取第一个成立的一项；请把这一项写在它们前面，或删去它")
        #expect(d.message.en == "entry 3 of 情形差异 never applies: whenever it holds, one of entries 1, 2 holds too, and the first entry that holds is taken; put it before them, or delete it")
        #expect(d.notes.map { $0.span?.range.start } == [SourceLocation(line: 86, column: 11), SourceLocation(line: 88, column: 11)])

        // 家庭经营 with an agent is left to entry 3 when entry 2 asks for 本人办理 too.
        var open = f
        open.edit("  - 适用情形: {form: 家庭经营}\n", "  - 适用情形: {form: 家庭经营, agent: 本人办理}\n")
        try expectFindings(open, [])
    }

    // MARK: ZN840, ZN605: the flow per 情形

    /// A step 核验委托 (3个工作日) that only agents go through, between 受理 and 审查.
    static func agentStep(_ f: Fixture = scenarios(), bypass: Bool) -> Fixture {
        var f = f
        f.edit("      - 条件: 材料齐全\n        转到: 审查\n",
               "      - 条件: 材料齐全\n        转到: 核验委托\n" + (bypass ? "      - 条件: 材料齐全（本人办理）\n        转到: 审查\n" : ""))
        f.edit("  - 环节: 审查\n", "  - 环节: 核验委托\n    岗位: 审查人员\n    时限: 3个工作日\n    适用情形: {agent: 委托他人办理}\n    下一步: 审查\n  - 环节: 审查\n")
        return f
    }

    @Test func aScenarioWhoseStepsBreakTheFlow() throws {
        let f = Self.agentStep(bypass: false)
        // Agents go through 核验委托 and take 11 days, over the promised 10 (ZN605, at 承诺).
        try expectFindings(f, ["ZN605@items/a.yaml:40:7", "ZN840@items/a.yaml:49:9"])
        let m = try Self.messages(f, "ZN840")[0]
        #expect(m.zh == "在情形“是否委托他人办理？— 本人办理”下，从环节“受理”出发走不到任何结束：它的下一步“核验委托”不适用于该情形；请在下一步中加上该情形下的去向")
        #expect(m.en == "under the scenario \"是否委托他人办理？: 本人办理\", no path from the step \"受理\" reaches an end: its next step 核验委托 does not apply then; add a 下一步 for that scenario")
        // The first step is everyone's.
        var first = Self.scenarios()
        first.edit("    岗位: 申请人\n", "    岗位: 申请人\n    适用情形: {agent: 本人办理}\n")
        try expectFindings(first, ["ZN840@items/a.yaml:46:9"])
    }

    /// A scenario that can end only in 不予 is reported at the 准予 step it leaves out.
    @Test func aScenarioThatCannotBeGranted() throws {
        var f = Self.scenarios()
        f.edit("  - 环节: 送达\n    结束: 准予\n", "  - 环节: 送达\n    适用情形: {agent: 委托他人办理}\n    结束: 准予\n")
        try expectFindings(f, ["ZN840@items/a.yaml:72:9"])
        let m = try Self.messages(f, "ZN840")[0]
        #expect(m.zh == "在情形“是否委托他人办理？— 本人办理”下，从第一个环节出发走不到任何“结束: 准予”的环节，该情形的申请永远无法被批准：环节“送达”不适用于该情形；请让该情形也有一条到“结束: 准予”的路")
    }

    @Test func theCriticalPathPerScenario() throws {
        // 受理 → 核验委托 (3) → 审查 (5) → 决定 (3): 11 days for agents, over the promised 10.
        let f = Self.agentStep(bypass: true)
        try expectFindings(f, ["ZN605@items/a.yaml:40:7"])
        let m = try Self.messages(f, "ZN605")[0]
        #expect(m.zh == "在情形“是否委托他人办理？— 委托他人办理”下，按办理流程，关键路径需要 11个工作日，超过承诺时限“10个工作日”")
        // A 情形差异 promising 12 days to agents fits; the item's 10 holds for the others.
        var fits = f
        fits.items["items/a.yaml"]! += "情形差异:\n  - 适用情形: {agent: 委托他人办理}\n    办理时限: {承诺: 12个工作日}\n"
        try expectFindings(fits, [])
        // Promising agents 9 days reports at the 情形差异's 承诺.
        var variant = f
        variant.items["items/a.yaml"]! += "情形差异:\n  - 适用情形: {agent: 委托他人办理}\n    办理时限: {承诺: 9个工作日}\n"
        try expectFindings(variant, ["ZN605@items/a.yaml:94:16"])
    }

    @Test func tooManyScenariosForTheFlowIsANote() throws {
        var f = Self.scenarios()
        var questions = "", steps = ""
        for k in 0..<9 {
            questions += "  - 编号: s\(k)\n    问题: 问题\(k)\n    选项: [是, 否]\n"
            steps += "  - 环节: 可选\(k)\n    时限: 即办\n    适用情形: {s\(k): 是}\n    下一步: 审查\n"
        }
        f.edit("  - 编号: agent\n", questions + "  - 编号: agent\n")
        f.edit("  - 环节: 审查\n", steps + "  - 环节: 审查\n")
        let found = try f.compile().diagnostics.filter { $0.code == "ZN841" }
        #expect(found.count == 1 && found[0].severity == .note)
        #expect(found[0].message.zh.hasSuffix("组合超过 256 种，未逐一检查每种情形下的办理流程和关键路径"))
    }

    @Test func everyScenarioCodeIsExplained() {
        let registry = DiagnosticRegistry([CompilerCodes.all])
        for id in (830...842).map({ "ZN\($0)" }) {
            let code = registry.code(id)
            #expect(code != nil, "\(id)")
            #expect(code?.example != nil || id == "ZN841", "\(id)")
        }
    }
}
