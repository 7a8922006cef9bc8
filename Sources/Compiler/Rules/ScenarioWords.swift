import Catalog

/// A 情形 in words, put before a message: 在情形“是否委托他人办理？— 委托他人办理”下，… The
/// item's own limits have none.
struct ScenarioWords {
    var zh: String
    var en: String

    static let item = ScenarioWords(zh: "", en: "")

    /// The answers as 问题 — 选项, in the item's question order, as the pages write them (no
    /// space after a full-width mark: 是否委托他人办理？— 委托他人办理).
    init(_ answers: [(question: ScenarioQuestion, options: [String])]) {
        let zhParts = answers.map { a -> String in
            let gap = a.question.question.last.map { "？：。，；）".contains($0) } == true ? "— " : " — "
            return a.question.question + gap + a.options.joined(separator: "或")
        }
        let enParts = answers.map { "\($0.question.question): \($0.options.joined(separator: " or "))" }
        zh = "在情形“\(zhParts.joined(separator: "；"))”下，"
        en = "under the scenario \"\(enParts.joined(separator: "; "))\", "
    }

    init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// A 适用情形's clauses in words.
    init(_ applicability: Applicability, in item: Item) {
        self.init(applicability.clauses.compactMap { c in item.question(c.questionID).map { ($0, c.options) } })
    }

    /// The words alone, without 在…下: 是否委托他人办理？— 委托他人办理.
    var bareZH: String { String(zh.dropFirst(4).dropLast(3)) }
    var bareEN: String { String(en.dropFirst("under the scenario \"".count).dropLast(3)) }
}
