import Compiler
import Diagnostics
import Foundation
import Standards
import TestSupport
import Testing
import YAMLSyntax

/// Machine-applicable fixes: which diagnostics carry one, what it replaces, and that a
/// profile's 提示别名 turns a guide's heading into a did-you-mean for the element it means.
@Suite struct FixItTests {
    /// `CODE@line:column-endColumn=replacement` of each diagnostic of items/a.yaml that has a fix.
    static func fixes(_ f: Fixture) throws -> [String] {
        try f.compile().diagnostics.compactMap { d in
            guard let fix = d.fix, d.span?.file.hasSuffix("items/a.yaml") == true else { return nil }
            let r = fix.range
            return "\(d.code)@\(r.start.line):\(r.start.column)-\(r.end.column)=\(fix.replacement)"
        }
    }

    static func messages(_ f: Fixture, _ code: String) throws -> [String] {
        try f.compile().diagnostics.filter { $0.code == code }.map(\.message.zh)
    }

    @Test func theRegistrySaysWhichCodesAreMachineFixable() {
        let codes = YAMLCodes.all + StandardsCodes.all + CompilerCodes.all
        #expect(codes.filter(\.isMachineFixable).map(\.id).sorted() == ["ZN119", "ZN302", "ZN304", "ZN305", "ZN308", "ZN834", "ZN835"])
        let text = DiagnosticRegistry([codes]).explanation(of: CompilerCodes.traditionalSpelling, in: .zh)
        #expect(text.contains("可否自动修正：可以。"))
    }

    @Test func traditionalNamesAreFixedToSimplified() throws {
        var f = Fixture()
        f.edit("审批条件:", "審批條件:")
        f.edit("    条款: 第三十三条", "    條款: 第三十三条")
        #expect(try Self.fixes(f) == ["ZN305@10:5-7=条款", "ZN305@12:1-5=审批条件"])
    }

    @Test func anUnambiguousDidYouMeanIsAFix() throws {
        var f = Fixture()
        f.edit("受理范围:", "受理范国:")
        f.edit("办件类型: 承诺件", "办件类型: 承若件")
        f.edit("  法定: 30个工作日", "  法订: 30个工作日")
        #expect(try Self.fixes(f) == ["ZN302@6:1-5=受理范围", "ZN304@11:7-10=承诺件", "ZN308@26:3-5=法定"])
    }

    @Test func anAmbiguousDidYouMeanIsNoFix() throws {
        // 即办件 and 承诺件 are both one edit from 即诺件: a hint, not a fix.
        var f = Fixture()
        f.edit("办件类型: 承诺件", "办件类型: 即诺件")
        #expect(try Self.fixes(f) == [])
        #expect(try Self.messages(f, "ZN304").count == 1)
    }

    @Test func aGuidesHeadingGetsTheElementItMeans() throws {
        var f = Fixture()
        f.edit("审批条件:", "受理条件:")
        f.edit("审批收费: 不收费", "收费标准: 不收费")
        #expect(try Self.fixes(f) == ["ZN302@12:1-5=审批条件", "ZN302@28:1-5=审批收费"])
        let messages = try Self.messages(f, "ZN302")
        #expect(messages.contains("“受理条件”在 DB44/T 1147-2013 中叫“审批条件”，请写作“审批条件”"))
        #expect(messages.contains("“收费标准”在 DB44/T 1147-2013 中叫“审批收费”，请写作“审批收费”"))
    }

    @Test func aHeadingForAFieldIsExplainedNotFixed() throws {
        var f = Fixture()
        f.edit("办理时限:", "法定办结时限: 30个工作日\n办理时限:")
        #expect(try Self.fixes(f) == [])
        #expect(try Self.messages(f, "ZN302") == ["“法定办结时限”在 DB44/T 1147-2013 中是“办理时限”的“法定”：请写在“办理时限”下的“法定”中"])
    }

    @Test func aHintIsProfileData() throws {
        // A profile of its own gives a hint of its own; no Swift code knows the names.
        let standards = try standardsCopy(["DB44-T-1147-2013.yaml": {
            $0.replacingOccurrences(of: "    提示别名: [受理条件, 申请条件]", with: "    提示别名: [准入条件]")
        }])
        var f = Fixture()
        f.edit("审批条件:", "准入条件:")
        let result = try f.compile(standards: standards)
        #expect(result.diagnostics.filter { $0.code == "ZN302" }.map(\.message.zh) == ["“准入条件”在 DB44/T 1147-2013 中叫“审批条件”，请写作“审批条件”"])
    }

    @Test func aBadHintIsReportedInTheProfile() throws {
        let standards = try standardsCopy(["DB44-T-1147-2013.yaml": {
            $0.replacingOccurrences(of: "    提示别名: [受理条件, 申请条件]", with: "    提示别名: [{名字: 受理条件}]")
        }])
        let result = try Fixture().compile(standards: standards)
        #expect(result.diagnostics.contains { $0.code == "ZN203" && $0.message.zh.contains("提示别名") }, "\(result.diagnostics.map(\.code))")
    }
}
