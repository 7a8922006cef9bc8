/// 适用情形 joined by or, for a bundle's material that several members ask for under
/// different scenarios (``BundleMaterial/applicability``).
///
/// One ``Applicability`` is an and of clauses (each an or of one question's options), so an or
/// across questions — `{agent: 委托他人办理}` or `{form: 家庭经营}` — needs a list of
/// alternatives. The list is exact (it holds for a choice iff some member's 适用情形 does) and
/// kept short by three rewrites that do not change its meaning:
///
/// - a clause naming every option of its question is dropped (it holds for any answer), and an
///   alternative left with no clause makes the whole nil: everyone;
/// - an alternative that implies another is dropped (`{a: x, b: y}` or `{a: x}` is `{a: x}`);
/// - two alternatives on the same questions, differing in one question's options, are joined
///   (`{a: x, b: y}` or `{a: x, b: z}` is `{a: x, b: [y, z]}`).
///
/// Clauses follow the bundle's question order and options each question's order; ids or
/// options the questions do not have (a bundle the compiler refuses) are kept, after them.
enum ApplicabilityUnion {
    /// `a` or `b`, where nil is everyone.
    static func either(_ a: [Applicability]?, _ b: [Applicability]?, questions: [ScenarioQuestion]) -> [Applicability]? {
        guard let a, let b else { return nil }
        return normalized(a + b, questions: questions)
    }

    /// The alternatives rewritten as above; nil when together they hold for everyone.
    static func normalized(_ alternatives: [Applicability], questions: [ScenarioQuestion]) -> [Applicability]? {
        var list: [Applicability] = []
        for a in alternatives {
            let c = canonical(a, questions: questions)
            if c.clauses.isEmpty { return nil }
            list.append(c)
        }
        while true {
            if let j = list.indices.first(where: { j in
                list.indices.contains { i in i != j && list[j].implies(list[i]) && (i < j || !list[i].implies(list[j])) }
            }) {
                list.remove(at: j)
                continue
            }
            guard let (i, j, joined) = firstJoin(list) else { break }
            let c = canonical(joined, questions: questions)
            if c.clauses.isEmpty { return nil }
            list[i] = c
            list.remove(at: j)
        }
        return list
    }

    /// Clauses in question order, options in each question's order, whole-question clauses dropped.
    static func canonical(_ a: Applicability, questions: [ScenarioQuestion]) -> Applicability {
        func rank(_ id: String) -> Int { questions.firstIndex { $0.id == id } ?? questions.count }
        var clauses: [ScenarioClause] = []
        for clause in a.clauses.enumerated().sorted(by: { (rank($0.element.questionID), $0.offset) < (rank($1.element.questionID), $1.offset) }).map(\.element) {
            let all = questions.first { $0.id == clause.questionID }?.options
            var options = (all ?? []).filter(clause.options.contains)
            options += clause.options.filter { !options.contains($0) }
            if let all, Set(all).isSubset(of: options) { continue }
            clauses.append(ScenarioClause(questionID: clause.questionID, options: options))
        }
        return Applicability(clauses: clauses)
    }

    /// The first two alternatives on the same questions that differ in one question's options, joined.
    static func firstJoin(_ list: [Applicability]) -> (Int, Int, Applicability)? {
        for i in list.indices {
            for j in list.indices where j > i {
                let a = list[i].clauses, b = list[j].clauses
                guard a.map(\.questionID) == b.map(\.questionID) else { continue }
                let differing = a.indices.filter { Set(a[$0].options) != Set(b[$0].options) }
                guard differing.count == 1, let k = differing.first else { continue }
                var joined = a
                joined[k].options += b[k].options.filter { !a[k].options.contains($0) }
                return (i, j, Applicability(clauses: joined))
            }
        }
        return nil
    }
}
