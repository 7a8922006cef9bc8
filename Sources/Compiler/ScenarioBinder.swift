import Catalog
import Diagnostics
import Standards
import YAMLSyntax

/// Where an item's 情形, its 适用情形 and its 情形差异 are written, for ScenarioRules.
struct ScenarioSpans: Sendable {
    /// The key 情形, and the key 申请材料.
    var key: SourceRange?
    var materialsKey: SourceRange?
    /// Per question of ``Item/questions``: its 编号's value, and each option's.
    var questionIDs: [SourceRange] = []
    var options: [[SourceRange]] = []
    /// Where each material's 适用情形 and 条件 are written (nil: not written), by index.
    var materialApplicability: [SourceRange?] = []
    var materialConditions: [SourceRange?] = []
    /// Where each step's 适用情形 is written, by index of ``Item/flow``.
    var stepApplicability: [SourceRange?] = []
    /// Per entry of ``Item/scenarioVariants``.
    var variants: [VariantSpans] = []
    /// A 适用情形 cannot be read (an unknown question or option, ZN834/ZN835, or the wrong
    /// shape, ZN303): what changes what cannot be told while it stands, so ZN836 waits.
    var namesUnknownQuestion = false
}

/// Where the parts of one 情形差异 entry are written.
struct VariantSpans: Sendable {
    var start: SourceRange
    var applicability: SourceRange
    var caseType: SourceRange?
    var statutory: SourceRange?
    var promised: SourceRange?
    var onSiteVisits: SourceRange?
}

/// What a 适用情形 is written on, by index; resolved once the item's 情形 are known (情形 may
/// come after the parts that name it).
enum ApplicabilityTarget: Sendable {
    case material(Int), condition(Int), fee(Int), step(Int), variant(Int)
}

/// A 适用情形 read, not yet resolved against 情形.
struct PendingApplicability: Sendable {
    var target: ApplicabilityTarget
    var node: YAMLNode
    /// Names what carries it, for messages: 申请材料第2项, step 3 of 办理流程.
    var what: String
    var whatEN: String
}

/// A 情形差异 entry as read, before its 适用情形 is resolved and its 办理时限 filled in.
struct BoundVariant: Sendable {
    var variant: ScenarioVariant
    var spans: VariantSpans
    /// The 办理时限 fields written: the rest are the item's own.
    var written: WrittenLimits?
}

/// 办理时限 as read: the limits, where 法定 and 承诺 are, and which fields were written.
struct WrittenLimits: Sendable {
    var limits = TimeLimits()
    var statutory: SourceRange?
    var promised: SourceRange?
    var hasStatutory = false, hasPromised = false, hasStatutoryNote = false, hasPromisedNote = false

    /// These fields over `base`: what applies when only the fields written differ.
    func over(_ base: TimeLimits?) -> TimeLimits {
        var merged = base ?? TimeLimits()
        if hasStatutory { (merged.statutory, merged.noStatutoryLimit) = (limits.statutory, limits.noStatutoryLimit) }
        if hasPromised { merged.promised = limits.promised }
        if hasStatutoryNote { merged.statutoryNote = limits.statutoryNote }
        if hasPromisedNote { merged.promisedNote = limits.promisedNote }
        return merged
    }
}

extension ItemBinder {
    // MARK: 情形

    /// 情形: each question with a valid, unique 编号 and at least two unique options (ZN830–ZN833).
    mutating func bindQuestions(_ node: YAMLNode, key: SourceRange, into item: inout Item, spans: inout ItemSpans) {
        spans.scenarios.key = key
        scenariosWritten = true
        if node.sequence?.isEmpty == true || (node.scalar != nil && node.text == nil) {
            b.reporter.report(CompilerCodes.wrongType, at: node.sequence != nil ? node.range : key,
                zh: "情形是空的；请写出问题（编号、问题、选项），或删除“情形”这一行",
                en: "情形 is empty; write its questions (编号, 问题, 选项), or delete the 情形 line")
        }
        var firstID: [String: SourceRange] = [:]
        var refused: Set<String> = []
        defer { refusedQuestionIDs.formUnion(refused.subtracting(item.questions.map(\.id))) }
        _ = b.list(node, what: "情形", whatEN: "情形") { b, entry, i -> Void? in
            let what = "情形第\(i + 1)项", en = "entry \(i + 1) of 情形"
            let writtenID = entry.mapping?.first(where: { $0.key.text == "编号" })?.value.scalar?.text
            var bound = false
            defer { if !bound, let writtenID { refused.insert(writtenID) } }
            guard let r = b.record(entry, fields: Fields.question, what: what, whatEN: en),
                  let idPair = r["编号"], let id = b.line(idPair.value, what: "\(what)的编号", whatEN: "the 编号 of \(en)", numbersAllowed: true),
                  let question = r["问题"].flatMap({ b.text($0.value, what: "\(what)的问题", whatEN: "the 问题 of \(en)", numbersAllowed: true, oneLine: true) })
            else { return nil }
            // A question that cannot be read as written is refused, after its options are
            // checked too, so that one round of fixes suffices.
            let readable = Self.visible(question, at: r["问题"]!.value.range, what: ("\(what)的问题", "the 问题 of \(en)"), &b.reporter)
            if !ValueForms.isQuestionID(id) {
                b.reporter.report(CompilerCodes.badQuestionID, at: idPair.value.range,
                    zh: "情形的编号“\(id)”只能由英文字母、数字和“-”组成（如 agent、form-1）；它会写进网页地址（?agent=…）",
                    en: "the 情形 编号 \"\(id)\" may hold only ASCII letters, digits and '-' (agent, form-1, say); it goes into the page address (?agent=…)")
            }
            if let first = firstID[id] {
                b.reporter.report(CompilerCodes.duplicateQuestionID, at: idPair.value.range,
                    zh: "情形的编号“\(id)”已经用过；一个事项中每个问题的编号唯一，请改用另一个编号",
                    en: "the 情形 编号 \"\(id)\" is already used; each question of an item has its own 编号: choose another",
                    notes: [b.reporter.note(first, zh: "第一次用在这里", en: "first used here")])
                return nil
            }
            firstID[id] = idPair.value.range
            var options: [String] = [], ranges: [SourceRange] = [], cleaned: Set<String> = []
            if let p = r["选项"] {
                let nodes = p.value.sequence ?? (p.value.scalar != nil ? [p.value] : [])
                if nodes.isEmpty && p.value.scalar == nil { _ = b.textList(p.value, what: "选项", whatEN: "选项") }
                for (j, n) in nodes.enumerated() where b.filled(n, what: "选项第\(j + 1)项", whatEN: "option \(j + 1)") {
                    if n.mapping != nil {
                        b.reporter.report(CompilerCodes.wrongType, at: n.range,
                            zh: "问题“\(question)”的选项第\(j + 1)项应当是一段文字，这里是映射；选项写成列表：[本人办理, 委托他人办理]",
                            en: "option \(j + 1) of the question \"\(question)\" must be text, not a mapping; write the options as a list: [本人办理, 委托他人办理]")
                        continue
                    }
                    guard var option = b.line(n, what: "选项", whatEN: "the option", numbersAllowed: true) else { continue }
                    if !Self.visible(option, at: n.range, what: ("问题“\(question)”的选项第\(j + 1)项", "option \(j + 1) of the question \"\(question)\""), &b.reporter) {
                        // Reported (ZN843); the option as it reads stands in for it, so the
                        // question and what names it are not also reported for the one mistake.
                        option = Self.readable(option)
                        if option.isEmpty || options.contains(option) { continue }
                        cleaned.insert(option)
                    }
                    if let k = options.firstIndex(of: option) {
                        // The same words written again plainly after a refused spelling: the
                        // one mistake is reported already.
                        if cleaned.remove(option) != nil {
                            ranges[k] = n.range
                            continue
                        }
                        b.reporter.report(CompilerCodes.duplicateOption, at: n.range,
                            zh: "问题“\(question)”的选项“\(option)”写了两次；请删除重复的一个",
                            en: "the option \"\(option)\" of the question \"\(question)\" is given twice; delete one",
                            notes: [b.reporter.note(ranges[k], zh: "第一次写在这里", en: "first given here")])
                        continue
                    }
                    options.append(option)
                    ranges.append(n.range)
                }
                if options.count < 2 {
                    b.reporter.report(CompilerCodes.tooFewOptions, at: p.keyRange,
                        zh: "问题“\(question)”只有 \(options.count) 个选项；一个问题至少要有两个不同的选项，否则不必问",
                        en: "the question \"\(question)\" has \(options.count) option\(options.count == 1 ? "" : "s"); a question needs at least two different options, or it need not be asked")
                }
            }
            guard readable else { return nil }
            bound = true
            item.questions.append(ScenarioQuestion(id: id, question: question, options: options))
            spans.scenarios.questionIDs.append(idPair.value.range)
            spans.scenarios.options.append(ranges)
            return ()
        }
    }

    /// 审批条件: text entries, and `{条件, 适用情形}` for a condition that holds only under some 情形.
    mutating func bindConditions(_ node: YAMLNode, into item: inout Item) {
        let what = "审批条件"
        let nodes = node.sequence ?? [node]
        if node.mapping != nil { _ = b.textList(node, what: what, whatEN: what); return }
        for (i, entry) in nodes.enumerated() {
            let w = "\(what)第\(i + 1)项", we = "entry \(i + 1) of \(what)"
            if entry.mapping != nil {
                guard let r = b.record(entry, fields: Fields.condition, what: w, whatEN: we),
                      let text = r["条件"].flatMap({ b.text($0.value, what: w, whatEN: we) })
                else { continue }
                if let p = r["适用情形"] {
                    pendingApplicability.append(PendingApplicability(target: .condition(item.conditions.count), node: p.value, what: w, whatEN: we))
                }
                item.conditions.append(text)
            } else if node.sequence == nil || b.filled(entry, what: w, whatEN: we), let text = b.text(entry, what: node.sequence == nil ? what : w, whatEN: node.sequence == nil ? what : we) {
                item.conditions.append(text)
            }
        }
    }

    /// 情形差异: each entry's 适用情形 (resolved later), 办件类型, 办理时限 and 到现场次数.
    mutating func bindVariants(_ node: YAMLNode) {
        let fields = Fields.fields(Fields.scenarioVariant, following: profile.follows)
        let limitFields = Fields.fields(Fields.variantTimeLimits, following: profile.follows)
        let national = national, first = boundVariants.count
        var variants: [BoundVariant] = [], pending: [PendingApplicability] = []
        _ = b.list(node, what: "情形差异", whatEN: "情形差异") { b, entry, i -> Void? in
            let what = "情形差异第\(i + 1)项", en = "entry \(i + 1) of 情形差异"
            guard let r = b.record(entry, fields: fields, what: what, whatEN: en), let applies = r["适用情形"] else { return nil }
            var bound = BoundVariant(
                variant: ScenarioVariant(applicability: Applicability(clauses: [])),
                spans: VariantSpans(start: SourceRange(at: entry.range.start), applicability: applies.value.range))
            if let p = r["办件类型"], let v = b.code(p.value, set: "办件类型", what: "\(what)的办件类型", whatEN: "the 办件类型 of \(en)") {
                bound.variant.caseType = FastText.enumCase(v, as: CaseType.self)
                bound.spans.caseType = p.value.range
            }
            if let p = r["办理时限"] {
                bound.written = Self.timeLimits(p.value, fields: limitFields, what: "\(what)的办理时限", whatEN: "the 办理时限 of \(en)", national: national, binder: &b)
                bound.spans.statutory = bound.written?.statutory
                bound.spans.promised = bound.written?.promised
            }
            if let p = r["到现场次数"], let v = b.code(p.value, set: "到现场次数", what: "\(what)的到现场次数", whatEN: "the 到现场次数 of \(en)") {
                bound.variant.onSiteVisits = Int(v)
                bound.spans.onSiteVisits = p.value.range
            }
            variants.append(bound)
            pending.append(PendingApplicability(target: .variant(first + variants.count - 1), node: applies.value, what: what, whatEN: en))
            return ()
        }
        boundVariants += variants
        pendingApplicability += pending
    }

    /// 办理时限 (of the item, or of a 情形差异 entry) read against `fields`.
    static func timeLimits(
        _ node: YAMLNode, fields: [FieldSpec], what: String, whatEN: String, national: Bool, binder b: inout FieldBinder
    ) -> WrittenLimits? {
        guard let r = b.record(node, fields: fields, what: what, whatEN: whatEN) else { return nil }
        var w = WrittenLimits()
        if let p = r["法定"] {
            w.hasStatutory = true
            if national, p.value.scalar?.text == Fields.noStatutoryLimit {
                // 法定: 无: nothing is compared with it (the rules read only `statutory`).
                w.limits.noStatutoryLimit = true
                if r["法定说明"] == nil {
                    b.reporter.report(CompilerCodes.noStatutoryNote, at: p.value.range,
                        zh: "法定时限写了“无”，却没有写“法定说明”；请在办理时限中加上“法定说明: ……”，写明法律法规未规定办理时限的情况",
                        en: "法定 is 无 but 办理时限 gives no 法定说明; add 法定说明 saying that no law sets a limit")
                }
            } else {
                w.limits.statutory = b.timeLimit(p.value, what: "法定时限", whatEN: "the statutory limit")
                w.statutory = p.value.range
            }
        }
        if let p = r["法定说明"] {
            w.hasStatutoryNote = true
            w.limits.statutoryNote = b.text(p.value, what: "法定说明", whatEN: "法定说明")
        }
        if let p = r["承诺说明"] {
            w.hasPromisedNote = true
            w.limits.promisedNote = b.text(p.value, what: "承诺说明", whatEN: "承诺说明")
        }
        if let p = r["承诺"] {
            w.hasPromised = true
            w.limits.promised = b.timeLimit(p.value, what: "承诺时限", whatEN: "the promised limit")
            w.promised = p.value.range
        }
        return w
    }

    // MARK: 适用情形

    /// Resolves every 适用情形 read against the item's 情形 (ZN834, ZN835 with did-you-mean),
    /// and fills each 情形差异's 办理时限 from the item's own.
    mutating func resolveScenarios(_ item: inout Item, spans: inout ItemSpans) {
        var variantApplies = [Applicability?](repeating: nil, count: boundVariants.count)
        spans.scenarios.materialApplicability = Array(repeating: nil, count: item.materials.count)
        spans.scenarios.stepApplicability = Array(repeating: nil, count: item.flow.count)
        for pending in pendingApplicability {
            let reported = b.reporter.diagnostics.count
            let resolved = applicability(pending.node, questions: item.questions, what: pending.what, whatEN: pending.whatEN)
            let unusable = [CompilerCodes.unknownQuestion.id, CompilerCodes.unknownOption.id, CompilerCodes.wrongType.id]
            if b.reporter.diagnostics[reported...].contains(where: { unusable.contains($0.code) }) {
                spans.scenarios.namesUnknownQuestion = true
            }
            switch pending.target {
            case .material(let i):
                item.materials[i].applicability = resolved
                spans.scenarios.materialApplicability[i] = pending.node.range
            case .condition(let i):
                if let resolved { item.conditionApplicability.append(ConditionApplicability(index: i, applicability: resolved)) }
            case .fee(let i):
                if case .charged(var fees) = item.fees {
                    fees[i].applicability = resolved
                    item.fees = .charged(fees)
                }
            case .step(let i):
                item.flow[i].applicability = resolved
                spans.scenarios.stepApplicability[i] = pending.node.range
            case .variant(let i):
                variantApplies[i] = resolved
            }
        }
        for (i, bound) in boundVariants.enumerated() {
            // A variant whose 适用情形 named nothing known would apply to everyone: it is left
            // out (what was wrong is reported).
            guard let applies = variantApplies[i] else { continue }
            var v = bound.variant
            v.applicability = applies
            v.timeLimits = bound.written.map { $0.over(item.timeLimits) }
            item.scenarioVariants.append(v)
            spans.scenarios.variants.append(bound.spans)
        }
    }

    /// Did-you-mean for an option: the closest by spelling, else the one option that holds
    /// the text written or is held in it (委托办理 for 委托他人办理).
    static func closestOption(
        _ option: String, in options: [String], at range: SourceRange, _ reporter: inout Reporter
    ) -> (text: (zh: String, en: String), fix: DiagnosticFix?) {
        let hint = reporter.didYouMean(option, in: options, at: range)
        if !hint.text.zh.isEmpty { return hint }
        let chars = Set(option)
        let near = options.filter { o in o.contains(option) || option.contains(o) || (chars.count >= 2 && chars.isSubset(of: Set(o))) }
        guard near.count == 1 else { return hint }
        return (("，是否想写“\(near[0])”？", "; did you mean \"\(near[0])\"?"), Reporter.fix(range, to: near[0]))
    }

    /// Whether `text`, a question or an option, is neither blank, nor starts or ends with a
    /// space, nor holds a character that shows as nothing (ZN843): a format character
    /// (zero-width spaces and joiners, the bidirectional marks and overrides, U+FEFF, the soft
    /// hyphen …), a variation selector, a Hangul filler or the blank braille pattern.
    static func visible(_ text: String, at range: SourceRange, what: (zh: String, en: String), _ reporter: inout Reporter) -> Bool {
        if text.allSatisfy(\.isWhitespace) {
            reporter.report(CompilerCodes.invisibleScenarioText, at: range,
                zh: "\(what.zh)是空白的；请填写申请人能看懂的文字，或删除这一项",
                en: "\(what.en) is blank; write words an applicant can read, or delete it")
            return false
        }
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true {
            reporter.report(CompilerCodes.invisibleScenarioText, at: range,
                zh: "\(what.zh)“\(text.trimmingCharacters(in: .whitespaces))”首尾有空白（含全角空格）；页面上看不出，却使它与不带空白的写法不同，请删除",
                en: "\(what.en) \"\(text.trimmingCharacters(in: .whitespaces))\" starts or ends with a space (full-width ones too); the page does not show it, yet it makes the text differ from the same words without it: delete it")
            return false
        }
        let scalars = Array(text.unicodeScalars)
        guard let i = scalars.firstIndex(where: Self.isInvisible) else { return true }
        let hidden = scalars.filter(Self.isInvisible).map { Self.scalarName($0) }
        let unique = hidden.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let before = String(String.UnicodeScalarView(scalars[..<i].filter { !Self.isInvisible($0) }))
        let place = before.isEmpty ? ("开头", "at the start") : ("“\(before)”之后", "after \"\(before)\"")
        reporter.report(CompilerCodes.invisibleScenarioText, at: range,
            zh: "\(what.zh)含有看不见的字符 \(unique.joined(separator: "、"))（第一个在\(place.0)）；请删除它\(hidden.count > 1 ? "们" : "")",
            en: "\(what.en) holds the invisible character\(unique.count > 1 ? "s" : "") \(unique.joined(separator: ", ")) (the first \(place.1)); delete \(hidden.count > 1 ? "them" : "it")")
        return false
    }

    /// `text` as a reader sees it: invisible characters and surrounding spaces dropped.
    static func readable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isInvisible($0) })).trimmingCharacters(in: .whitespaces)
    }

    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .format || [0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x180E, 0x2800].contains(s.value)
            || (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value)
    }

    /// `U+200B`.
    static func scalarName(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// One 适用情形: `{编号: 选项}` or `{编号: [选项, …]}`, as clauses in the item's question
    /// order with options in the question's order; nil when it names nothing known.
    mutating func applicability(_ node: YAMLNode, questions: [ScenarioQuestion], what: String, whatEN: String) -> Applicability? {
        guard let pairs = node.mapping else {
            b.reporter.report(CompilerCodes.wrongType, at: node.range,
                zh: "\(what)的适用情形应当是映射：{问题编号: 选项}，这里是\(node.kindName.zh)",
                en: "the 适用情形 of \(whatEN) must be a mapping {question id: option}, not \(node.kindName.en)")
            return nil
        }
        if pairs.isEmpty {
            b.reporter.report(CompilerCodes.wrongType, at: node.range,
                zh: "\(what)的适用情形是空的；请写明在哪个问题选哪个选项时适用（{问题编号: 选项}），对所有申请人都适用时删除这一行",
                en: "the 适用情形 of \(whatEN) is empty; say under which option of which question it applies ({question id: option}), or delete the line when it applies to everyone")
            return nil
        }
        var chosen: [String: [String]] = [:]
        let ids = questions.map(\.id)
        for pair in pairs {
            let id = pair.key.text
            guard let q = questions.first(where: { $0.id == id }) else {
                // Its question was refused and reported; naming it is not a second mistake.
                if refusedQuestionIDs.contains(id) { continue }
                // 情形 is written but none of its questions could be read: reported there.
                if questions.isEmpty && scenariosWritten { continue }
                if questions.isEmpty {
                    b.reporter.report(CompilerCodes.unknownQuestion, at: pair.keyRange,
                        zh: "适用情形中的“\(id)”不是本事项的情形：事项没有写“情形”；请先在“情形”中写出这个问题（编号: \(id)、问题、选项）",
                        en: "\"\(id)\" in 适用情形 is not a question of this item, which gives no 情形; add the question under 情形 (编号: \(id), 问题, 选项)")
                } else {
                    // Never suggest a question this 适用情形 already names (the fix would write it twice).
                    let named = Set(pairs.map(\.key.text))
                    let hint = b.reporter.didYouMean(id, in: ids.filter { !named.contains($0) }, at: pair.keyRange)
                    let known = hint.fix == nil && hint.text.zh.isEmpty
                    b.reporter.report(CompilerCodes.unknownQuestion, at: pair.keyRange,
                        zh: "适用情形中的“\(id)”不是本事项情形的编号\(hint.text.zh)" + (known ? "；本事项的编号：\(ids.joined(separator: "、"))" : ""),
                        en: "\"\(id)\" in 适用情形 is not the 编号 of a question of this item\(hint.text.en)" + (known ? "; its questions: \(ids.joined(separator: ", "))" : ""),
                        fix: hint.fix)
                }
                continue
            }
            if pair.value.mapping != nil || pair.value.sequence?.isEmpty == true || pair.value.scalar?.isNull == true {
                b.reporter.report(CompilerCodes.wrongType, at: pair.value.range,
                    zh: "适用情形中“\(id)”后应写一个选项或选项的列表（\(q.options.joined(separator: "、"))）",
                    en: "\(id) in 适用情形 takes an option or a list of options (\(q.options.joined(separator: ", ")))")
                continue
            }
            var picked: [String] = []
            for n in pair.value.sequence ?? [pair.value] {
                guard b.filled(n, what: "适用情形的选项", whatEN: "an option of 适用情形"),
                      let option = b.line(n, what: "适用情形的选项", whatEN: "an option of 适用情形", numbersAllowed: true) else { continue }
                guard q.options.contains(option) else {
                    let hint = Self.closestOption(option, in: q.options, at: n.range, &b.reporter)
                    let list = hint.text.zh.isEmpty
                    b.reporter.report(CompilerCodes.unknownOption, at: n.range,
                        zh: "问题“\(q.question)”（\(id)）没有选项“\(option)”\(hint.text.zh)" + (list ? "；它的选项：\(q.options.joined(separator: "、"))" : ""),
                        en: "the question \"\(q.question)\" (\(id)) has no option \"\(option)\"\(hint.text.en)" + (list ? "; its options: \(q.options.joined(separator: ", "))" : ""),
                        fix: hint.fix)
                    continue
                }
                if picked.contains(option) {
                    b.reporter.report(CompilerCodes.duplicateOption, at: n.range,
                        zh: "适用情形中“\(id)”的选项“\(option)”写了两次；请删除重复的一个",
                        en: "the option \"\(option)\" of \(id) is given twice in 适用情形; delete one")
                    continue
                }
                picked.append(option)
            }
            if !picked.isEmpty { chosen[id] = picked }
        }
        let clauses = questions.compactMap { q in
            chosen[q.id].map { picked in ScenarioClause(questionID: q.id, options: q.options.filter(picked.contains)) }
        }
        return clauses.isEmpty ? nil : Applicability(clauses: clauses)
    }
}
