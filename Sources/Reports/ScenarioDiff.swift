import Catalog

/// `diff` for 情形 (FORMAT.md "情形: scenario-based guides"): questions matched by 编号 (a
/// question added or removed with its options; a changed 问题; each option added or
/// removed), then by 问题 and options (a changed 编号); 审批条件 matched by text with their
/// 适用情形; 情形差异 matched by their 适用情形, with their values as written and their order
/// where it decides;
/// and, in ``CatalogDiff``'s comparison of materials, fees and steps, each one's 适用情形 as a
/// field `applicability`. A 适用情形 is shown as written in the source:
/// `{agent: 委托他人办理, form: [个人经营, 家庭经营]}`.
enum ScenarioKeys {
    /// The `element` keys, as in the catalog's JSON.
    static let questions = "questions"
    static let variants = "scenarioVariants"
    /// What applies under a scenario that the order of 情形差异 now gives to another entry.
    static let order = "scenarioOrder"

    static let labels: [String: (String, String)] = [
        questions: ("情形", "Scenario questions"), variants: ("情形差异", "Scenario variants"),
        order: ("情形（因情形差异顺序改变）", "Scenario (variant order changed)"),
    ]
    static let fields: [String: (String, String)] = [
        "applicability": ("适用情形", "applies when"), "question": ("问题", "question"), "options": ("选项", "option"),
        "caseType": ("办件类型", "case type"), "onSiteVisits": ("到现场次数", "on-site visits"), "id": ("编号", "id"),
        "order": ("顺序（同时符合几条的，按最先一条办理）", "order (where several hold, the first applies)"),
    ]
}

extension CatalogDiff.Context {
    typealias Change = CatalogDiff.Change

    /// 适用情形 in the source's words: `{agent: 委托他人办理, form: [个人经营, 家庭经营]}`.
    static func text(_ a: Applicability) -> String {
        "{" + a.clauses.map { c in
            c.questionID + ": " + (c.options.count == 1 ? c.options[0] : "[" + c.options.joined(separator: ", ") + "]")
        }.joined(separator: ", ") + "}"
    }

    /// Questions by 编号; a question removed and one added with the same 问题 and the same
    /// options (in any order) is one question whose 编号 changed (`field: "id"`), returned in
    /// `renamed` (old id → new id) so the rest of the comparison reads the old 适用情形 in the
    /// new ids.
    func questions(_ a: [ScenarioQuestion], _ b: [ScenarioQuestion]) -> (changes: [Change], renamed: [String: String]) {
        let key = ScenarioKeys.questions
        let pairs = match(a, b, by: [{ $0.id }])
        let same = match(pairs.removed.map { a[$0] }, pairs.added.map { b[$0] }, by: [{
            $0.question + "\u{1F}" + $0.options.sorted().joined(separator: "\u{1F}")
        }])
        let renamedPairs = same.matched.map { (pairs.removed[$0.0], pairs.added[$0.1]) }
        var out: [Change] = []
        for k in same.added {
            let i = pairs.added[k]
            out.append(Change(element: key, kind: .added, subject: b[i].question, id: b[i].id, new: b[i].options.joined(separator: "、")))
        }
        for k in same.removed {
            let i = pairs.removed[k]
            out.append(Change(element: key, kind: .removed, subject: a[i].question, id: a[i].id, old: a[i].options.joined(separator: "、")))
        }
        for (i, j) in renamedPairs {
            out += field(key, subject: b[j].question, id: b[j].id, "id", a[i].id, b[j].id)
        }
        for (i, j) in pairs.matched {
            let (o, n) = (a[i], b[j])
            out += field(key, subject: n.question, id: n.id, "question", o.question, n.question)
            let (added, removed) = multisetDifference(o.options, n.options)
            out += added.map { Change(element: key, kind: .added, subject: n.question, id: n.id, field: "options", new: $0) }
            out += removed.map { Change(element: key, kind: .removed, subject: n.question, id: n.id, field: "options", old: $0) }
        }
        return (out, Dictionary(renamedPairs.map { (a[$0.0].id, b[$0.1].id) }, uniquingKeysWith: { first, _ in first }))
    }

    /// 审批条件 by text, as before; an added or removed one carries its 适用情形 as its value,
    /// one in both compares it.
    func conditions(_ o: Item, _ n: Item) -> [Change] {
        let key = ElementKey.conditions
        let pairs = match(o.conditions, n.conditions, by: [{ $0 }])
        var out: [Change] = []
        for j in pairs.added {
            out.append(Change(element: key, kind: .added, subject: n.conditions[j], new: n.applicability(ofCondition: j).map(Self.text)))
        }
        for i in pairs.removed {
            out.append(Change(element: key, kind: .removed, subject: o.conditions[i], old: o.applicability(ofCondition: i).map(Self.text)))
        }
        for (i, j) in pairs.matched {
            out += field(key, subject: n.conditions[j], id: nil, "applicability",
                         o.applicability(ofCondition: i).map(Self.text), n.applicability(ofCondition: j).map(Self.text))
        }
        return out
    }

    /// 办理时限 (the item's, or a 情形差异's under `subject`) field by field.
    func timeLimits(_ element: String, subject: String?, _ a: TimeLimits?, _ b: TimeLimits?) -> [Change] {
        let ot = a ?? TimeLimits(), nt = b ?? TimeLimits()
        var out = time(element, subject: subject, field: "statutory", ot.statutory, nt.statutory)
        out += time(element, subject: subject, field: "promised", ot.promised, nt.promised)
        out += field(element, subject: subject, id: nil, "noStatutoryLimit",
                     ot.noStatutoryLimit ? "法律法规未规定" : nil, nt.noStatutoryLimit ? "法律法规未规定" : nil)
        out += field(element, subject: subject, id: nil, "statutoryNote", ot.statutoryNote, nt.statutoryNote)
        out += field(element, subject: subject, id: nil, "promisedNote", ot.promisedNote, nt.promisedNote)
        return out
    }

    /// 情形差异 matched by 适用情形: one added is a line and then each value it sets; one
    /// removed is a line; one in both, value by value. A value is compared as the entry
    /// writes it (``own(_:_:)``), not as the binder filled it in from the item. Then the
    /// order (``order(_:_:_:)``), since the first entry that holds applies.
    func variants(_ o: Item, _ n: Item) -> [Change] {
        let key = ScenarioKeys.variants
        let (a, b) = (o.scenarioVariants, n.scenarioVariants)
        let pairs = match(a, b, by: [{ Self.text($0.applicability) }])
        var out: [Change] = []
        for i in pairs.added {
            let subject = Self.text(b[i].applicability)
            out.append(Change(element: key, kind: .added, subject: subject))
            out += variantValues(own(nil, (b[i], n)), subject: subject)
        }
        for i in pairs.removed { out.append(Change(element: key, kind: .removed, subject: Self.text(a[i].applicability))) }
        for (i, j) in pairs.matched {
            out += variantValues(own((a[i], o), (b[j], n)), subject: Self.text(b[j].applicability))
        }
        return out + order(o, n, pairs)
    }

    /// 办件类型, 办理时限 and 到现场次数 of a 情形差异 (or of a scenario, under `key`).
    func variantValues(_ v: (ScenarioVariant?, ScenarioVariant?), subject: String, key: String = ScenarioKeys.variants) -> [Change] {
        let (x, y) = v
        var out = field(key, subject: subject, id: nil, "caseType", x?.caseType?.rawValue, y?.caseType?.rawValue)
        out += timeLimits(key, subject: subject, x?.timeLimits, y?.timeLimits)
        out += field(key, subject: subject, id: nil, "onSiteVisits", x?.onSiteVisits.map(String.init), y?.onSiteVisits.map(String.init))
        return out
    }

    /// A 情形差异 in two versions (nil where it is not there) as written: its ``ScenarioVariant/timeLimits``
    /// is the whole limit, the fields it leaves out filled in with its item's, so a field
    /// equal to the item's counts as not written (nil) — and is no change when it is so on
    /// both sides or the same value on both (what applies under the scenario is unchanged).
    func own(_ x: (ScenarioVariant, Item)?, _ y: (ScenarioVariant, Item)?) -> (ScenarioVariant?, ScenarioVariant?) {
        typealias Side<T> = (written: T?, item: T?)?
        func pick<T: Equatable>(_ f: (TimeLimits) -> T?) -> (T?, T?) {
            let a: Side<T> = x.map { ($0.0.timeLimits.flatMap(f), $0.1.timeLimits.flatMap(f)) }
            let b: Side<T> = y.map { ($0.0.timeLimits.flatMap(f), $0.1.timeLimits.flatMap(f)) }
            if let a, let b, a.written == b.written { return (nil, nil) }
            func mine(_ s: Side<T>) -> T? { s.flatMap { $0.written == $0.item ? nil : $0.written } }
            return (mine(a), mine(b))
        }
        let statutory = pick(\.statutory), promised = pick(\.promised)
        let none = pick { $0.noStatutoryLimit ? true : nil }
        let statutoryNote = pick(\.statutoryNote), promisedNote = pick(\.promisedNote)
        var a = x?.0, b = y?.0
        a?.timeLimits = TimeLimits(statutory: statutory.0, promised: promised.0, noStatutoryLimit: none.0 ?? false,
                                   statutoryNote: statutoryNote.0, promisedNote: promisedNote.0)
        b?.timeLimits = TimeLimits(statutory: statutory.1, promised: promised.1, noStatutoryLimit: none.1 ?? false,
                                   statutoryNote: statutoryNote.1, promisedNote: promisedNote.1)
        return (a, b)
    }

    /// The order of 情形差异 in both versions, where it matters: the first entry that holds
    /// for an applicant applies, so two entries that can hold together (their 适用情形
    /// overlap) and changed places change what applies to those who fit both. Reported as a
    /// change of `order` (the entries in both versions, in their order) and, for each
    /// scenario then under another entry, what now applies there (element `scenarioOrder`,
    /// the subject being what both entries ask). The scenarios are counted over the questions
    /// the entries name, up to ``orderScenarioLimit`` of them; beyond that only the order is
    /// reported.
    func order(_ o: Item, _ n: Item, _ pairs: Matching) -> [Change] {
        let (a, b) = (o.scenarioVariants, n.scenarioVariants)
        // Pairs of entries, first in the new order, that were the other way round.
        let m = pairs.matched
        let swapped = m.indices.contains { p in
            m[..<p].contains { x in x.0 > m[p].0 && Self.overlap(b[x.1].applicability, b[m[p].1].applicability) }
        }
        guard swapped else { return [] }
        let inOld = pairs.matched.sorted { $0.0 < $1.0 }.map { Self.text(a[$0.0].applicability) }
        let inNew = pairs.matched.map { Self.text(b[$0.1].applicability) }
        var out = [Change(element: ScenarioKeys.variants, kind: .changed, field: "order",
                          old: inOld.joined(separator: "；"), new: inNew.joined(separator: "；"))]
        let named = Set(b.flatMap { $0.applicability.clauses.map(\.questionID) })
        guard let choices = ScenarioChoice.all(of: n.questions.filter { named.contains($0.id) }, limit: Self.orderScenarioLimit)
        else { return out }
        let newOf = Dictionary(uniqueKeysWithValues: pairs.matched.map { ($0.0, $0.1) })
        let matchedNew = Set(pairs.matched.map(\.1))
        var seen = Set<String>()
        for choice in choices {
            guard let i = o.variantIndex(for: choice), let j = n.variantIndex(for: choice),
                  let k = newOf[i], k != j, matchedNew.contains(j) else { continue }
            let both = Self.text(Self.intersection(b[k].applicability, b[j].applicability, in: n.questions))
            guard seen.insert(both).inserted else { continue }
            out += variantValues((Self.applying(a[i], in: o), Self.applying(b[j], in: n)), subject: both, key: ScenarioKeys.order)
        }
        return out
    }

    /// Scenarios counted for ``order(_:_:_:)`` at most.
    static let orderScenarioLimit = 4096

    /// What applies under a 情形差异: its values, the item's where it leaves one out.
    static func applying(_ v: ScenarioVariant, in item: Item) -> ScenarioVariant {
        ScenarioVariant(applicability: v.applicability, caseType: v.caseType ?? item.caseType,
                        timeLimits: v.timeLimits ?? item.timeLimits, onSiteVisits: v.onSiteVisits ?? item.national.onSiteVisits)
    }

    /// Whether some choice satisfies both: on each question both name, an option in common.
    static func overlap(_ x: Applicability, _ y: Applicability) -> Bool {
        x.clauses.allSatisfy { cx in
            y.clauses.allSatisfy { cy in cx.questionID != cy.questionID || cx.options.contains(where: cy.options.contains) }
        }
    }

    /// The 适用情形 of those both `x` and `y` hold for, in `questions`' order.
    static func intersection(_ x: Applicability, _ y: Applicability, in questions: [ScenarioQuestion]) -> Applicability {
        Applicability(clauses: questions.compactMap { q in
            let cx = x.clauses.first { $0.questionID == q.id }, cy = y.clauses.first { $0.questionID == q.id }
            guard cx != nil || cy != nil else { return nil }
            return ScenarioClause(questionID: q.id, options: q.options.filter {
                (cx?.options.contains($0) ?? true) && (cy?.options.contains($0) ?? true)
            })
        })
    }
}

extension Item {
    /// The item with every 适用情形 read in `questions`' words: question ids renamed by
    /// `renamed` (old → new), clauses in `questions`' order and options in each question's
    /// order, so that an old version compares with a new one whose questions were renamed
    /// or reordered.
    func reading(_ renamed: [String: String], as questions: [ScenarioQuestion]) -> Item {
        guard hasScenarios else { return self }
        let position = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func read(_ a: Applicability) -> Applicability {
            let clauses = a.clauses.map { c in
                let id = renamed[c.questionID] ?? c.questionID
                let order = questions.first { $0.id == id }?.options ?? []
                return ScenarioClause(questionID: id, options: ordered(c.options) { order.firstIndex(of: $0) })
            }
            return Applicability(clauses: ordered(clauses) { position[$0.questionID] })
        }
        var item = self
        item.questions = item.questions.map { q in
            var q = q
            q.id = renamed[q.id] ?? q.id
            return q
        }
        for i in item.materials.indices { item.materials[i].applicability = item.materials[i].applicability.map(read) }
        for i in item.conditionApplicability.indices {
            item.conditionApplicability[i].applicability = read(item.conditionApplicability[i].applicability)
        }
        if case .charged(var list) = item.fees {
            for i in list.indices { list[i].applicability = list[i].applicability.map(read) }
            item.fees = .charged(list)
        }
        for i in item.flow.indices { item.flow[i].applicability = item.flow[i].applicability.map(read) }
        for i in item.scenarioVariants.indices {
            item.scenarioVariants[i].applicability = read(item.scenarioVariants[i].applicability)
        }
        return item
    }
}

/// `xs` by `rank`, those without one last, the written order kept among equals.
private func ordered<T>(_ xs: [T], by rank: (T) -> Int?) -> [T] {
    xs.enumerated().sorted { (rank($0.element) ?? Int.max, $0.offset) < (rank($1.element) ?? Int.max, $1.offset) }.map(\.element)
}
