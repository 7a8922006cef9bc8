import Foundation
import TestSupport
import Testing

/// 情形 end to end through the built binary: a hold-out catalog written from FORMAT.md alone
/// (Golden/scenario-holdout: 个体工商户设立登记 with 本人/委托 and 个人/家庭经营, a conditional
/// condition, a step only agents go through, a 情形差异) checks clean; each planted fault is
/// reported at its line and column, in both languages.
@Suite struct ScenarioHoldoutTests {
    static let root = folder() + "/Golden/scenario-holdout"
    static let item = "items/getihu.yaml"

    /// A copy of the hold-out with `old` (its first occurrence in the item) replaced by `new`.
    static func copy(_ edits: [(old: String, new: String)] = []) throws -> String {
        var text = try String(contentsOfFile: root + "/" + item, encoding: .utf8)
        for (old, new) in edits {
            let range = try #require(text.range(of: old), "the hold-out has no \(old)")
            text.replaceSubrange(range, with: new)
        }
        return try makeFolder(.text([
            "catalog.yaml": try String(contentsOfFile: root + "/catalog.yaml", encoding: .utf8),
            item: text,
        ]))
    }

    /// The `path:line:column: severity:` … `[code]` lines of a text report, without the message.
    static func located(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("./"), let code = line.split(separator: " ").last, code.hasPrefix("[ZN") else { return nil }
            let parts = line.split(separator: " ", maxSplits: 2)
            return "\(parts[0]) \(parts[1]) \(code)"
        }
    }

    @Test func theHoldOutChecksClean() throws {
        let dir = try Self.copy()
        for lang in ["zh", "en"] {
            let r = try runZhinan(["check", ".", "--standards", repositoryRoot() + "/standards", "--lang", lang], in: dir)
            #expect(r.status == 0, "\(r.stdout)")
            #expect(Self.located(r.stdout).isEmpty, "\(r.stdout)")
        }
    }

    @Test(arguments: [
        // An unknown question id, with its did-you-mean.
        ("{agent: 委托他人办理}", "{agnet: 委托他人办理}", "./items/getihu.yaml:33:12: error: [ZN834]",
         "是否想写“agent”？", "did you mean \"agent\"?"),
        // An unknown option, with its did-you-mean.
        ("{form: 家庭经营}", "{form: 家廷经营}", "./items/getihu.yaml:22:18: error: [ZN835]",
         "没有选项“家廷经营”，是否想写“家庭经营”？", "has no option \"家廷经营\"; did you mean \"家庭经营\"?"),
        // An option that changes nothing: 合伙经营 leads where 个人经营 does.
        ("选项: [个人经营, 家庭经营]", "选项: [个人经营, 家庭经营, 合伙经营]", "./items/getihu.yaml:18:22: warning: [ZN837]",
         "选“合伙经营”与选“个人经营”，申请人看到的内容完全相同", "answering \"合伙经营\" or \"个人经营\""),
        // A combination left with no material: the two papers everyone gave are for agents only.
        ("  - 材料库: sfz\n", "  - 材料库: sfz\n    适用情形: {agent: 委托他人办理}\n", "./items/getihu.yaml:23:1: error: [ZN838]",
         "选择“是否委托他人办理？— 本人办理；经营形式 — 个人经营”的申请人不需要任何申请材料",
         "an applicant who answers \"是否委托他人办理？: 本人办理; 经营形式: 个人经营\" needs no material at all"),
    ])
    func eachPlantedFaultIsReportedWhereItIs(old: String, new: String, at: String, zh: String, en: String) throws {
        var edits = [(old, new)]
        if at.contains("ZN838") {
            edits.append(("  - 材料: 个体工商户登记申请书\n", "  - 材料: 个体工商户登记申请书\n    适用情形: {agent: 委托他人办理}\n"))
        }
        let dir = try Self.copy(edits)
        for (lang, text) in [("zh", zh), ("en", en)] {
            let r = try runZhinan(["check", ".", "--standards", repositoryRoot() + "/standards", "--lang", lang], in: dir)
            #expect(Self.located(r.stdout) == [at], "\(r.stdout)")
            #expect(r.stdout.contains(text), "\(r.stdout)")
            #expect(r.status == (at.contains("error") ? 1 : 0))
        }
    }

    @Test func explainTellsOfEveryScenarioCode() throws {
        for code in (830...842).map({ "ZN\($0)" }) {
            let r = try runZhinan(["explain", code])
            #expect(r.status == 0 && r.stdout.contains(code), "\(code): \(r.stderr)")
        }
    }
}
