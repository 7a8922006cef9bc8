import Catalog
import Diagnostics
import Standards
import YAMLSyntax

/// The fields of one mapping, read against a field table: unknown fields, traditional
/// spellings and missing required fields are reported as the fields are read.
struct Record {
    var range: SourceRange
    /// The field table the mapping was read against.
    let specs: [FieldSpec]
    /// The mapping's pairs; `slots` says which one is bound to each field.
    private let pairs: [YAMLPair]
    private var slots: Slots

    init(range: SourceRange, specs: [FieldSpec], pairs: [YAMLPair]) {
        self.range = range
        self.specs = specs
        self.pairs = pairs
        slots = Slots(fields: specs.count, pairs: pairs.count)
    }

    /// The pair bound to field `i`.
    subscript(field i: Int) -> YAMLPair? {
        get { slots[i].map { pairs[$0] } }
    }

    /// Binds field `i` to pair `p` of the mapping.
    mutating func bind(field i: Int, toPair p: Int) { slots[i] = p }

    /// Reads field `i` as not written.
    mutating func unbind(field i: Int) { slots[i] = nil }

    /// The pairs bound, by field name.
    var fields: [String: YAMLPair] {
        var out: [String: YAMLPair] = [:]
        for (i, spec) in specs.enumerated() { if let value = self[field: i] { out[spec.name] = value } }
        return out
    }

    var isEmpty: Bool { !specs.indices.contains { slots[$0] != nil } }

    subscript(_ name: String) -> YAMLPair? {
        if let i = FastText.index(of: name, in: specs) { return self[field: i] }
        return fields[name]
    }

    /// Which pair each field is bound to: inline for the usual small tables, so reading a
    /// mapping allocates nothing.
    private struct Slots {
        // Eight bits a field, 0 for none, else the pair's index + 1.
        private var low: UInt64 = 0, high: UInt64 = 0
        private var overflow: [Int]?

        init(fields: Int, pairs: Int) {
            if fields > 16 || pairs >= 255 { overflow = Array(repeating: -1, count: fields) }
        }

        subscript(_ i: Int) -> Int? {
            get {
                if let overflow { return overflow[i] < 0 ? nil : overflow[i] }
                let word = i < 8 ? low : high
                let v = Int((word >> UInt64((i % 8) * 8)) & 0xFF)
                return v == 0 ? nil : v - 1
            }
            set {
                let p = newValue ?? -1
                if overflow != nil { overflow![i] = p; return }
                let shift = UInt64((i % 8) * 8)
                let v = UInt64(p + 1) << shift, mask = ~(UInt64(0xFF) << shift)
                if i < 8 { low = (low & mask) | v } else { high = (high & mask) | v }
            }
        }
    }
}

/// Reads values of the kinds the format (docs/) fixes, reporting every problem at its place.
struct FieldBinder {
    var reporter: Reporter
    let tables: BindingTables
    var codeSets: [String: [String]] { tables.codeSets }

    init(reporter: Reporter, codeSets: [String: [String]]) {
        self.init(reporter: reporter, tables: BindingTables(codeSets: codeSets))
    }

    init(reporter: Reporter, tables: BindingTables) {
        self.reporter = reporter
        self.tables = tables
    }

    // MARK: Records

    /// Reads `node` as a mapping with `fields`; `what` names it in messages (申请材料第2项).
    mutating func record(
        _ node: YAMLNode, fields: [FieldSpec], what: @autoclosure () -> String, whatEN: @autoclosure () -> String
    ) -> Record? {
        guard let pairs = node.mapping else {
            reporter.report(
                CompilerCodes.wrongType, at: node.range,
                zh: "\(what())应当是映射（字段: 值），这里是\(node.kindName.zh)",
                en: "\(whatEN()) must be a mapping (field: value), not \(node.kindName.en)")
            return nil
        }
        var record = Record(range: node.range, specs: fields, pairs: pairs)
        for (p, pair) in pairs.enumerated() {
            let name = pair.key.text
            var index = FastText.index(of: name, in: fields) ?? fields.firstIndex { $0.name == name }
            if index == nil, let t = fields.firstIndex(where: { $0.traditional.contains(name) }) {
                index = t
                reporter.report(
                    CompilerCodes.traditionalSpelling, at: pair.keyRange,
                    zh: "“\(name)”是繁体写法，请写作“\(fields[t].name)”", en: "\"\(name)\" is a traditional spelling; write \"\(fields[t].name)\"",
                    fix: Reporter.fix(pair.keyRange, to: fields[t].name))
            }
            guard let index else {
                let hint = reporter.didYouMean(name, in: fields.map(\.name), at: pair.keyRange)
                reporter.report(
                    CompilerCodes.unknownField, at: pair.keyRange,
                    zh: "\(what())中没有“\(name)”这个字段\(hint.text.zh)",
                    en: "\(whatEN()) has no field \"\(name)\"\(hint.text.en)", fix: hint.fix)
                continue
            }
            if let first = record[field: index]?.keyRange {
                if pairs.contains(where: { $0.keyRange == first && $0.key.text == name }) { continue }
                let spec = fields[index]
                reporter.report(
                    CompilerCodes.duplicateElement, at: pair.keyRange,
                    zh: "\(what())中“\(spec.name)”写了两次", en: "\(whatEN()) gives \"\(spec.name)\" twice",
                    notes: [reporter.note(first, zh: "第一次写在这里", en: "first given here")])
                continue
            }
            record.bind(field: index, toPair: p)
        }
        for (i, spec) in fields.enumerated() where spec.isRequired && record[field: i] == nil {
            reporter.report(
                CompilerCodes.missingField, at: SourceRange(at: node.range.start),
                zh: "\(what())缺少“\(spec.name)”", en: "\(whatEN()) lacks \(spec.name)")
        }
        // A required field written with nothing after it (or only spaces) is as missing as
        // one not written, and is read as absent.
        for (i, spec) in fields.enumerated() where spec.isRequired {
            if let pair = record[field: i], let s = pair.value.scalar, s.isNull || s.text.allSatisfy(\.isWhitespace) {
                reporter.report(
                    CompilerCodes.missingField, at: pair.keyRange,
                    zh: "\(what())的“\(spec.name)”没有填写内容", en: "\(spec.name) of \(whatEN()) is empty")
                record.unbind(field: i)
            }
        }
        return record
    }

    /// Reads `node` as a list, each entry through `entry`. A single mapping where a list
    /// belongs is reported, not guessed at.
    mutating func list<T>(
        _ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String,
        _ entry: (inout FieldBinder, YAMLNode, Int) -> T?
    ) -> [T] {
        guard let items = node.sequence else {
            if node.text == nil && node.scalar != nil { return [] }  // empty: the required check speaks
            reporter.report(
                CompilerCodes.wrongType, at: node.range,
                zh: "\(what())应当是列表（每项以“- ”开头），这里是\(node.kindName.zh)",
                en: "\(whatEN()) must be a list (entries start with \"- \"), not \(node.kindName.en)")
            return []
        }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let v = entry(&self, item, i) { out.append(v) }
        }
        return out
    }

    // MARK: Scalars

    /// `node`'s scalar; a mapping or list where a scalar belongs is reported (wrong type),
    /// saying what was expected (`zh`, `en`: e.g. 正整数, a positive whole number).
    private mutating func scalar(
        _ node: YAMLNode, expected zh: String, _ en: String,
        what: @autoclosure () -> String, whatEN: @autoclosure () -> String
    ) -> YAMLScalar? {
        if let scalar = node.scalar { return scalar }
        reporter.report(
            CompilerCodes.wrongType, at: node.range,
            zh: "\(what())应当是\(zh)，这里是\(node.kindName.zh)", en: "\(whatEN()) must be \(en), not \(node.kindName.en)")
        return nil
    }

    /// Text. Numbers and booleans are refused unless `numbersAllowed` (ids, phone numbers,
    /// article numbers), since YAML reads them as something else; a line break is refused
    /// when `oneLine` (names, codes, ids).
    mutating func text(
        _ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String, numbersAllowed: Bool = false,
        oneLine: Bool = false
    ) -> String? {
        guard let scalar = scalar(node, expected: "文字", "text", what: what(), whatEN: whatEN()) else { return nil }
        if scalar.isNull { return nil }
        if !numbersAllowed && node.tag != .str && (scalar.isNumber || scalar.bool != nil) {
            reporter.report(
                CompilerCodes.numberAsText, at: node.range,
                zh: "\(what())应当是文字，YAML 却把“\(scalar.text)”读成了\(scalar.bool != nil ? "真假值" : "数字")；如确是文字，请加引号",
                en: "\(whatEN()) must be text, but YAML reads \"\(scalar.text)\" as a \(scalar.bool != nil ? "boolean" : "number"); quote it if it really is text")
            return nil
        }
        let text = scalar.style == .literal || scalar.style == .folded
            ? FastText.droppingTrailingNewlines(scalar.text) : scalar.text
        if FastText.hasPlaceholderPrefix(text) {
            reporter.report(
                CompilerCodes.placeholder, at: node.range,
                zh: "\(what())还是模板的占位文字，请填写实际内容", en: "\(whatEN()) is still a template placeholder; fill in the real content")
            return nil
        }
        if oneLine && ValueForms.hasLineBreak(scalar.text) {
            reporter.report(
                CompilerCodes.lineBreakInOneLineValue, at: node.range,
                zh: "\(what())只能写一行，这里有换行；请把它写在一行（不要用 | 或 > 写成多行文字）",
                en: "\(whatEN()) is written on one line, but this value holds a line break; write it on one line (not as a block with | or >)")
            return nil
        }
        return text
    }

    mutating func textList(_ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> [String] {
        list(node, what: what(), whatEN: whatEN()) { b, item, i in
            let w = "\(what())第\(i + 1)项", we = "entry \(i + 1) of \(whatEN())"
            return b.filled(item, what: w, whatEN: we) ? b.text(item, what: w, whatEN: we) : nil
        }
    }

    /// False, and reported, for an entry of a list with nothing after its `- `.
    mutating func filled(_ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> Bool {
        guard node.scalar?.isNull == true else { return true }
        reporter.report(
            CompilerCodes.wrongType, at: node.range,
            zh: "\(what())是空的；请填写内容，或删除这一项", en: "\(whatEN()) is empty; fill it in or delete the entry")
        return false
    }

    /// Text that must be one line: a code, a time limit, a phone number, an address. A line
    /// break (a block written with `|` or `>`, a `\n`, U+2028/U+2029) is ZN421: YAML keeps it
    /// in the value, so every other reader of the file would see a value zhinan does not.
    mutating func line(
        _ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String, numbersAllowed: Bool = false
    ) -> String? {
        text(node, what: what(), whatEN: whatEN(), numbersAllowed: numbersAllowed, oneLine: true)
    }

    /// A value of a code set, with did-you-mean.
    mutating func code(_ node: YAMLNode, set: String, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> String? {
        let allowed = tables.codeSet(set)
        // A set of numbers (到现场次数) takes them as YAML reads them, unquoted.
        guard let value = line(node, what: what(), whatEN: whatEN(), numbersAllowed: tables.numericSets.contains(set)) else { return nil }
        // No such set: the profiles could not be resolved, which is reported on its own.
        guard let allowed else { return value }
        guard FastText.contains(allowed, value) else {
            let hint = reporter.didYouMean(value, in: allowed, at: node.range)
            reporter.report(
                CompilerCodes.notInCodeSet, at: node.range,
                zh: "\(what())“\(value)”不在代码集“\(set)”中\(hint.text.zh)；可选：\(allowed.joined(separator: "、"))",
                en: "\(whatEN()) \"\(value)\" is not in the code set \(set)\(hint.text.en); allowed: \(allowed.joined(separator: ", "))",
                fix: hint.fix)
            return nil
        }
        return value
    }

    /// The 电话, 地址, 网址 and 邮箱 of a contact record (咨询, 监督投诉), each read as its kind;
    /// `kind` (咨询, 投诉) names the phone number and the address in messages.
    mutating func contact(_ r: Record, of kind: String) -> (phone: String?, address: String?, website: String?, email: String?) {
        (r["电话"].flatMap { phone($0.value, what: "\(kind)电话", whatEN: "the phone number") },
         r["地址"].flatMap { text($0.value, what: "\(kind)地址", whatEN: "the address") },
         r["网址"].flatMap { url($0.value, what: "网址", whatEN: "the website") },
         r["邮箱"].flatMap { text($0.value, what: "邮箱", whatEN: "the email", oneLine: true) })
    }

    mutating func timeLimit(_ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> TimeLimit? {
        guard let t = line(node, what: what(), whatEN: whatEN(), numbersAllowed: true) else { return nil }
        guard let limit = FastText.timeLimit(t) else {
            let suggestion = t.allSatisfy({ $0.isASCII && $0.isNumber }) ? "（是否想写“\(t)个工作日”？）" : ""
            reporter.report(
                CompilerCodes.badTimeLimit, at: node.range,
                zh: "\(what())“\(t)”不是有效的时限；应写成“N个工作日”“N日”或“即办”\(suggestion)",
                en: "\(whatEN()) \"\(t)\" is not a time limit; write N个工作日, N日 or 即办")
            return nil
        }
        return limit
    }

    /// A positive whole number; one that is not is reported with `code` (份数's ZN402 unless told).
    mutating func positiveInteger(
        _ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String,
        code: DiagnosticCode = CompilerCodes.badCount
    ) -> Int? {
        guard let s = scalar(node, expected: "正整数", "a positive whole number", what: what(), whatEN: whatEN()) else {
            return nil
        }
        guard !s.isNull else { return nil }
        guard let n = s.int, n > 0, n <= 1_000_000 else {
            reporter.report(
                code, at: node.range,
                zh: "\(what())应当是正整数，这里是“\(s.text)”", en: "\(whatEN()) must be a positive whole number, not \"\(s.text)\"")
            return nil
        }
        return n
    }

    mutating func yesNo(_ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> Bool? {
        guard let s = scalar(node, expected: "“是”或“否”", "是 or 否", what: what(), whatEN: whatEN()) else { return nil }
        guard !s.isNull else { return nil }
        if let b = s.bool { return b }
        if FastText.sameBytes(s.text, "是") { return true }
        if FastText.sameBytes(s.text, "否") { return false }
        switch s.text {
        case "是": return true
        case "否": return false
        default:
            reporter.report(
                CompilerCodes.wrongType, at: node.range,
                zh: "\(what())应当是“是”或“否”，这里是“\(s.text)”", en: "\(whatEN()) must be 是 or 否, not \"\(s.text)\"")
            return nil
        }
    }

    mutating func url(_ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> String? {
        guard let t = line(node, what: what(), whatEN: whatEN()) else { return nil }
        guard ValueForms.isHTTPURL(t) else {
            reporter.report(
                CompilerCodes.badURL, at: node.range,
                zh: "\(what())“\(t)”不是 http:// 或 https:// 开头的网址", en: "\(whatEN()) \"\(t)\" is not an http:// or https:// address")
            return nil
        }
        return t
    }

    mutating func phone(_ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> String? {
        guard let t = line(node, what: what(), whatEN: whatEN(), numbersAllowed: true) else { return nil }
        guard ValueForms.isPhone(t) else {
            reporter.report(
                CompilerCodes.badPhone, at: node.range,
                zh: "\(what())“\(t)”不是有效的电话号码；应写成“区号-号码”（如 020-12345678）、手机号或 12345 等服务号码",
                en: "\(whatEN()) \"\(t)\" is not a phone number; write 区号-号码 (020-12345678), a mobile number, or a service number such as 12345")
            return nil
        }
        return t
    }

    mutating func date(_ node: YAMLNode, what: @autoclosure () -> String, whatEN: @autoclosure () -> String) -> String? {
        guard let t = text(node, what: what(), whatEN: whatEN(), numbersAllowed: true) else { return nil }
        guard let problem = ValueForms.dateProblem(t) else { return t }
        let why: (zh: String, en: String)
        switch problem {
        case .form:
            reporter.report(
                CompilerCodes.badDate, at: node.range,
                zh: "\(what())“\(t)”不是 YYYY-MM-DD 格式的日期", en: "\(whatEN()) \"\(t)\" is not a date of the form YYYY-MM-DD")
            return nil
        case .year: why = ("（年份为 0001 至 9999）", "(years run from 0001 to 9999)")
        case .month: why = ("（月份为 01 至 12）", "(months run from 01 to 12)")
        case .day(let year, let month, let days):
            why = ("（\(year) 年 \(month) 月的日为 01 至 \(days)）", "(the days of \(Self.monthNames[month - 1]) \(year) run from 01 to \(days))")
        }
        reporter.report(
            CompilerCodes.badDate, at: node.range,
            zh: "\(what())“\(t)”不是日历上的日期" + why.zh, en: "\(whatEN()) \"\(t)\" is not a calendar date " + why.en)
        return nil
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
