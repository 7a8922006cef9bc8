import Foundation
import TestSupport
import Testing

/// `zhinan diff` on 情形 through the built binary, on versions of the hold-out item
/// (``ScenarioHoldoutTests``): the order of 情形差异, values a 情形差异 inherits from its
/// item, and a question whose 编号 changed.
@Suite struct ScenarioDiffCommandTests {
    static let variants = "情形差异:\n  - 适用情形: {form: 家庭经营}\n    办理时限: {承诺: 5个工作日}"

    /// The notice for the hold-out with `old` edits against it with `new` edits.
    static func diff(_ old: [(old: String, new: String)], _ new: [(old: String, new: String)], lang: String = "zh") throws -> String {
        let (a, b) = (try ScenarioHoldoutTests.copy(old), try ScenarioHoldoutTests.copy(new))
        let r = try runZhinan(["diff", a, b, "--standards", repositoryRoot() + "/standards", "--lang", lang])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        return r.stdout
    }

    /// The change lines of the one changed item.
    static func lines(_ notice: String) -> [String] {
        notice.split(separator: "\n").filter { $0.hasPrefix("    - ") }.map { String($0.dropFirst(6)) }
    }

    /// Two 情形差异 that both hold for a family business run by an agent changed places: the
    /// first that holds applies, so that applicant's promise changed and is reported.
    @Test func aReorderThatChangesWhatAppliesIsReported() throws {
        let both = [
            (Self.variants, Self.variants + "\n  - 适用情形: {agent: 委托他人办理}\n    办理时限: {承诺: 4个工作日}"),
        ]
        let reordered = [
            (Self.variants, "情形差异:\n  - 适用情形: {agent: 委托他人办理}\n    办理时限: {承诺: 4个工作日}\n"
                + "  - 适用情形: {form: 家庭经营}\n    办理时限: {承诺: 5个工作日}"),
        ]
        #expect(Self.lines(try Self.diff(both, reordered)) == [
            "情形差异：顺序（同时符合几条的，按最先一条办理）由“{form: 家庭经营}；{agent: 委托他人办理}”改为“{agent: 委托他人办理}；{form: 家庭经营}”",
            "情形（因情形差异顺序改变）“{agent: 委托他人办理, form: 家庭经营}”：承诺 由 5个工作日 缩短为 4个工作日（-1个工作日）",
        ])
        #expect(Self.lines(try Self.diff(both, reordered, lang: "en")) == [
            "Scenario variants: order (where several hold, the first applies) changed from \"{form: 家庭经营}；{agent: 委托他人办理}\" to \"{agent: 委托他人办理}；{form: 家庭经营}\"",
            "Scenario (variant order changed) \"{agent: 委托他人办理, form: 家庭经营}\": promised shortened from 5 working days to 4 working days (-1 working day)",
        ])
        // Entries that cannot hold together may change places: nothing changes for anyone.
        let apart = [(Self.variants, Self.variants + "\n  - 适用情形: {form: 个人经营}\n    办理时限: {承诺: 4个工作日}")]
        let apartReordered = [
            (Self.variants, "情形差异:\n  - 适用情形: {form: 个人经营}\n    办理时限: {承诺: 4个工作日}\n"
                + "  - 适用情形: {form: 家庭经营}\n    办理时限: {承诺: 5个工作日}"),
        ]
        #expect(try Self.diff(apart, apartReordered).hasSuffix("两个版本之间没有变更。\n"))
    }

    /// A 情形差异 that writes only 承诺 inherits 法定 from its item: a change of the item's 法定
    /// is the item's change alone, and an entry added shows only what it writes.
    @Test func inheritedValuesAreNotTheEntrysChanges() throws {
        let new = [
            ("  法定: 15个工作日", "  法定: 20个工作日"),
            (Self.variants, Self.variants + "\n  - 适用情形: {agent: 委托他人办理}\n    办理时限: {承诺: 4个工作日, 法定: 20个工作日}"),
        ]
        #expect(Self.lines(try Self.diff([], new)) == [
            "办理时限：法定 由 15个工作日 延长为 20个工作日（+5个工作日）",
            "情形差异：新增“{agent: 委托他人办理}”",
            "情形差异“{agent: 委托他人办理}”：增加承诺 4个工作日",
        ])
    }

    /// A question whose 编号 changed (same 问题 and options) is one change, with a word that
    /// shared links with the old 编号 stop working; 适用情形 naming it are read in the new 编号.
    @Test func aRenamedQuestionIDIsOneChange() throws {
        let renamed = [
            ("编号: agent", "编号: who"), ("选项: [本人办理, 委托他人办理]", "选项: [委托他人办理, 本人办理]"),
            ("{agent: 委托他人办理}", "{who: 委托他人办理}"), ("{agent: 委托他人办理}", "{who: 委托他人办理}"),
            ("{agent: 委托他人办理}", "{who: 委托他人办理}"),
        ]
        #expect(Self.lines(try Self.diff([], renamed)) == [
            "情形“是否委托他人办理？”：编号由“agent”改为“who”；按旧编号分享或收藏的链接（?agent=…）不再有效",
        ])
        #expect(Self.lines(try Self.diff([], renamed, lang: "en")) == [
            "Scenario questions \"是否委托他人办理？\": id changed from \"agent\" to \"who\"; links shared with the old id (?agent=…) no longer work",
        ])
    }
}
