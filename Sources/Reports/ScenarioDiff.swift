import Catalog

/// `diff` for 情形 (FORMAT.md "情形: scenario-based guides"): questions matched by 编号 (a
/// question added or removed with its options; a changed 问题; each option added or
/// removed); 审批条件 matched by text with their 适用情形; 情形差异 matched by their 适用情形;
/// and, in ``CatalogDiff``'s comparison of materials, fees and steps, each one's 适用情形 as a
/// field `applicability`. A 适用情形 is shown as written in the source:
/// `{agent: 委托他人办理, form: [个人经营, 家庭经营]}`.
enum ScenarioKeys {
    /// The `element` keys, as in the catalog's JSON.
    static let questions = "questions"
    static let variants = "scenarioVariants"

    static let labels: [String: (String, String)] = [
        questions: ("情形", "Scenario questions"), variants: ("情形差异", "Scenario variants"),
    ]
    static let fields: [String: (String, String)] = [
        "applicability": ("适用情形", "applies when"), "question": ("问题", "question"), "options": ("选项", "option"),
        "caseType": ("办件类型", "case type"), "onSiteVisits": ("到现场次数", "on-site visits"),
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

    func questions(_ a: [ScenarioQuestion], _ b: [ScenarioQuestion]) -> [Change] {
        let key = ScenarioKeys.questions
        let pairs = match(a, b, by: [{ $0.id }])
        var out: [Change] = []
        for i in pairs.added {
            out.append(Change(element: key, kind: .added, subject: b[i].question, id: b[i].id, new: b[i].options.joined(separator: "、")))
        }
        for i in pairs.removed {
            out.append(Change(element: key, kind: .removed, subject: a[i].question, id: a[i].id, old: a[i].options.joined(separator: "、")))
        }
        for (i, j) in pairs.matched {
            let (o, n) = (a[i], b[j])
            out += field(key, subject: n.question, id: n.id, "question", o.question, n.question)
            let (added, removed) = multisetDifference(o.options, n.options)
            out += added.map { Change(element: key, kind: .added, subject: n.question, id: n.id, field: "options", new: $0) }
            out += removed.map { Change(element: key, kind: .removed, subject: n.question, id: n.id, field: "options", old: $0) }
        }
        return out
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
    /// removed is a line; one in both, value by value.
    func variants(_ a: [ScenarioVariant], _ b: [ScenarioVariant]) -> [Change] {
        let key = ScenarioKeys.variants
        let pairs = match(a, b, by: [{ Self.text($0.applicability) }])
        func values(_ x: ScenarioVariant?, _ y: ScenarioVariant?, subject: String) -> [Change] {
            var out = field(key, subject: subject, id: nil, "caseType", x?.caseType?.rawValue, y?.caseType?.rawValue)
            out += timeLimits(key, subject: subject, x?.timeLimits, y?.timeLimits)
            out += field(key, subject: subject, id: nil, "onSiteVisits", x?.onSiteVisits.map(String.init), y?.onSiteVisits.map(String.init))
            return out
        }
        var out: [Change] = []
        for i in pairs.added {
            let subject = Self.text(b[i].applicability)
            out.append(Change(element: key, kind: .added, subject: subject))
            out += values(nil, b[i], subject: subject)
        }
        for i in pairs.removed { out.append(Change(element: key, kind: .removed, subject: Self.text(a[i].applicability))) }
        for (i, j) in pairs.matched { out += values(a[i], b[j], subject: Self.text(b[j].applicability)) }
        return out
    }
}
