import Catalog
import Diagnostics

/// The checks of a bundle whose members ask 情形 questions (ZN911–ZN914).
struct BundleScenarioRules {
    let items: [String: Item]
    /// Each member as written, once, with where its entry is; in stage order.
    let members: [(item: Item, range: SourceRange)]

    /// The most combinations of options ``promiseByScenario`` goes through.
    static let combinationLimit = 4096

    /// ZN911 (one id, other options), ZN912 (one id and options, other words), ZN913 (one
    /// question under two ids), each at the later member's entry with a note at the first's.
    func checkQuestions(reporter: inout Reporter) {
        var first: [String: (question: ScenarioQuestion, item: Item, range: SourceRange)] = [:]
        var byOptions: [Set<String>: [(question: ScenarioQuestion, item: Item, range: SourceRange)]] = [:]
        for (item, range) in members {
            for q in item.questions {
                if let f = first[q.id] {
                    let note = reporter.note(f.range, zh: "“\(f.item.name)”的问题“\(f.question.question)”：\(Self.list(f.question.options))",
                                             en: "\(f.item.name) asks \"\(f.question.question)\": \(Self.list(f.question.options))")
                    if Set(q.options) != Set(f.question.options) {
                        reporter.report(CompilerCodes.bundleQuestionConflict, at: range,
                            zh: "成员事项“\(item.name)”的情形问题“\(q.id)”的选项是\(Self.list(q.options))，与“\(f.item.name)”的\(Self.list(f.question.options))不同，一件事无法只问一次",
                            en: "the member \(item.name) gives the 情形 question \(q.id) the options \(Self.list(q.options)), unlike \(f.item.name)'s \(Self.list(f.question.options)); the bundle cannot ask it once",
                            notes: [note])
                    } else if q.options != f.question.options || q.question != f.question.question {
                        let what = q.question != f.question.question ? ("问题文字“\(q.question)”", "words it \"\(q.question)\"") : ("选项顺序\(Self.list(q.options))", "orders its options \(Self.list(q.options))")
                        reporter.report(CompilerCodes.bundleQuestionWording, at: range,
                            zh: "成员事项“\(item.name)”的情形问题“\(q.id)”\(what.0)与“\(f.item.name)”不同；一件事按“\(f.item.name)”的写法问一次",
                            en: "the member \(item.name) \(what.1) for the 情形 question \(q.id), unlike \(f.item.name); the bundle asks it once as \(f.item.name) does",
                            notes: [note])
                    }
                    continue
                }
                first[q.id] = (q, item, range)
                let options = Set(q.options)
                let yesNo = options == ["是", "否"]
                if let other = byOptions[options]?.first(where: { !yesNo || $0.question.question == q.question }) {
                    reporter.report(CompilerCodes.bundleQuestionTwice, at: range,
                        zh: "成员事项“\(item.name)”的情形问题“\(q.id)”与“\(other.item.name)”的“\(other.question.id)”选项相同，申请人会被问两次；请用同一个编号",
                        en: "the member \(item.name)'s 情形 question \(q.id) has the options of \(other.item.name)'s \(other.question.id), so applicants are asked twice; use one id",
                        notes: [reporter.note(other.range, zh: "“\(other.item.name)”的问题“\(other.question.question)”（编号 \(other.question.id)）",
                                              en: "\(other.item.name) asks \"\(other.question.question)\" (id \(other.question.id))")])
                }
                byOptions[options, default: []].append((q, item, range))
            }
        }
    }

    /// ZN914: in some scenario a member's 情形差异 makes the members' promises add up to more
    /// than the bundle's promise (when their own promises fit it: else ZN904 says so). Goes
    /// through the combinations of the options of the questions the members' 情形差异 name,
    /// at most ``combinationLimit`` of them; it reports the scenario with the longest chain.
    func checkPromise(_ bundle: ServiceBundle, promised: TimeLimit, at range: SourceRange, reporter: inout Reporter) {
        var named: [ScenarioQuestion] = []
        for (item, _) in members {
            for v in item.scenarioVariants where v.timeLimits?.promised != nil {
                for c in v.applicability.clauses where !named.contains(where: { $0.id == c.questionID }) {
                    if let q = bundle.questions.first(where: { $0.id == c.questionID }) { named.append(q) }
                }
            }
        }
        guard !named.isEmpty, let choices = ScenarioChoice.all(of: named, limit: Self.combinationLimit) else { return }
        var worst: (choice: ScenarioChoice, path: FlowPath)? = nil
        for choice in choices {
            guard let path = bundle.criticalPath(for: choice, items: items), path.compare(to: promised) == .longer else { continue }
            if worst.map({ path.isLonger(than: $0.path) }) ?? true { worst = (choice, path) }
        }
        guard let worst else { return }
        let scenario = named.map { q in (q.question, worst.choice.options[q.id] ?? "") }
        let words = ScenarioWords(named.map { q in (q, [worst.choice.options[q.id] ?? ""]) })
        reporter.report(CompilerCodes.bundleScenarioPromiseTooShort, at: range,
            zh: words.zh + "按\(bundle.mode.rawValue)办理，成员事项的承诺时限合计 \(worst.path.text)，长于一件事的承诺时限“\(promised.text)”",
            en: "in the scenario \(scenario.map { "\($0.0) \($0.1)" }.joined(separator: "; ")), handled \(bundle.mode.rawValue), the members' promises add up to \(worst.path.text), longer than the bundle's promise \(promised.text)",
            notes: [DiagnosticNote(LocalizedText(zh: "最长的成员链：\(worst.path.steps.joined(separator: " → "))", en: "longest chain of members: \(worst.path.steps.joined(separator: " → "))"))])
    }

    static func list(_ options: [String]) -> String { "[" + options.joined(separator: "、") + "]" }
}
