/// A centre's own sheet of items: one row per item under a header row of the headings
/// centres use (事项名称, 实施编码, 实施主体, 法定办结时限, 申请材料 …). The headings are
/// translated to the national tables' fields, so the one ``NationalMapper`` writes the items;
/// a 申请材料 cell listing materials one per line becomes material rows, a time limit in
/// words (`20个工作日`, `二十个工作日`, `即办`, `20天`) a day count and unit.
enum ItemSheet {
    /// Heading → national field. A heading not listed is reported in the summary, never guessed.
    static let headings: [String: String] = [
        "事项名称": "task_name", "实施清单名称": "task_name", "实施编码": "task_code", "事项实施编码": "task_code",
        "基本编码": "catalog_code", "事项类型": "task_type", "实施主体": "dept_name", "实施机关": "dept_name",
        "实施部门": "dept_name", "实施主体编码": "dept_code", "实施主体统一社会信用代码": "dept_code",
        "行使层级": "use_level", "权力来源": "power_source", "服务对象": "server_type", "办件类型": "project_type",
        "办理形式": "handle_type", "到现场次数": "limit_scene_num", "受理条件": "accept_condition",
        "审批条件": "accept_condition", "设定依据": "by_law", "办理依据": "by_law", "咨询电话": "link_way",
        "咨询方式": "link_way", "监督投诉电话": "supervise_way", "监督投诉方式": "supervise_way",
        "办理地点": "transact_addr", "受理地点": "transact_addr", "办理时间": "transact_time",
        "法定办结时限": "anticipate", "承诺办结时限": "promise", "申请材料": "materials", "收费标准": "fee",
        "结果名称": "result_name", "审批结果名称": "result_name", "网办地址": "online_handle_url",
        "生效日期": "plan_effective_date",
    ]
    static let extendFields: Set<String> = ["result_name", "online_handle_url"]
    /// A fee cell saying there is none (as the national is_fee 0), or that there is one
    /// without saying which (a placeholder fee, with a warning).
    /// Read after ``feeWords(_:)``.
    static let noFee: Set<String> = [
        "不收费", "无", "免费", "0", "否", "免收", "免收费", "不收取", "无需收费", "无收费", "零", "0元", "N", "NO", "FALSE",
        "否（免费）", "否(免费)", "无（免费）", "无(免费)",
    ]
    static let yesFee: Set<String> = ["是", "收费", "1", "Y", "YES", "TRUE"]

    /// A fee cell as the yes/no sets read it: compatibility forms folded (０ → 0, Ｎ → N),
    /// spaces and closing punctuation dropped, the traditional 無 and 費 simplified, Latin
    /// letters upper-cased.
    static func feeWords(_ value: String) -> String {
        var text = value.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
        while let last = text.last, "。.！!；;，,".contains(last) { text.removeLast() }
        return String(text.map { $0 == "無" ? "无" : $0 == "費" ? "费" : $0 }).uppercased()
    }

    /// Whether a fee column asks yes or no (是否收费, or a heading `--map` maps to it).
    static func asksYesOrNo(_ heading: String, _ map: HeadingMap) -> Bool {
        heading.hasPrefix("是否") || map.builtIn(heading).hasPrefix("是否")
    }

    /// The one fee cell a row's fee columns come to. A yes/no column (是否收费) and a
    /// 收费标准 column say different things of one fee: 是 with a standard is the standard, 否
    /// with a standard that names no amount (不收费, —, /) is no fee. Anything else (否 with an amount, 是
    /// with 不收费, an answer that is neither beside a standard), and columns of one kind that
    /// differ (the same text is one value), is ZN953 at the later column, naming the earlier.
    static func fee(
        of cells: [(value: String, column: Int, heading: String)], file: String, line: Int, map: HeadingMap
    ) throws -> (value: String, column: Int, heading: String)? {
        func refuse(_ a: (value: String, column: Int, heading: String), _ b: (value: String, column: Int, heading: String)) -> ImportError {
            let (first, later) = a.column < b.column ? (a, b) : (b, a)
            return ImportError(code: .badHeader, file: file, line: line, column: later.column,
                zh: "第 \(later.column) 列“\(later.heading)”和第 \(first.column) 列“\(first.heading)”都说审批收费，而说法不一致（“\(later.value)”和“\(first.value)”）：请改正其中一列",
                en: "column \(later.column) \"\(later.heading)\" and column \(first.column) \"\(first.heading)\" both speak of 审批收费 and do not agree (\"\(later.value)\" and \"\(first.value)\"): correct one of them")
        }
        var answer: (value: String, column: Int, heading: String)?, standard: (value: String, column: Int, heading: String)?
        for cell in cells {
            let isAnswer = asksYesOrNo(cell.heading, map)
            if let seen = isAnswer ? answer : standard {
                guard feeWords(seen.value) == feeWords(cell.value) else { throw refuse(seen, cell) }
                continue
            }
            if isAnswer { answer = cell } else { standard = cell }
        }
        guard let standard else { return answer }
        guard let answer else { return standard }
        let (said, stated) = (feeWords(answer.value), feeWords(standard.value))
        // 否 beside a standard naming no amount (不收费, —, /) is no fee; 是 beside one naming an
        // amount is that standard. 否 with an amount, 是 with 不收费, or an answer that is
        // neither, does not agree.
        if noFee.contains(said) && (noFee.contains(stated) || !looksLikeStandard(stated)) { return answer }
        guard yesFee.contains(said) && !noFee.contains(stated) else { throw refuse(answer, standard) }
        return standard
    }

    /// Whether a fee cell names an amount or a way to reckon one (a digit, 元, 按…), so it can
    /// stand as a 标准; a short word that does not ("否。", "—", "免收") never becomes a fee.
    static func looksLikeStandard(_ words: String) -> Bool {
        words.contains { $0.isNumber } || words.contains("元") || words.hasPrefix("按") || words.count > 12
    }
    /// Fields whose element is a list: two columns of one (受理条件 and 申请条件) are kept
    /// together, in column order; any other field given by two columns must agree.
    static let listFields: Set<String> = ["accept_condition", "by_law", "materials"]
    /// The element (in the standards' words) each single-valued field fills, for messages.
    static let elementNames: [String: String] = [
        "task_name": "事项名称", "task_code": "实施编码", "catalog_code": "基本编码", "task_type": "事项类型",
        "dept_name": "实施机关", "dept_code": "实施机关的编码", "use_level": "行使层级", "power_source": "权力来源",
        "server_type": "服务对象", "project_type": "办件类型", "handle_type": "办理形式", "limit_scene_num": "到现场次数",
        "link_way": "咨询", "supervise_way": "监督投诉", "transact_addr": "受理地点", "transact_time": "受理地点的办公时间",
        "anticipate": "办理时限.法定", "promise": "办理时限.承诺", "fee": "审批收费", "result_name": "审批结果",
        "online_handle_url": "网办地址", "plan_effective_date": "生效日期",
    ]
    /// Headings whose bare value is a phone number, written back with its label.
    static let phoneHeadings: Set<String> = ["咨询电话", "监督投诉电话"]

    /// The index (in `rows`) of the header: the first of the first ten rows naming 事项名称
    /// and at least one more known heading.
    static func headerRow(_ rows: [[String]], map: HeadingMap = HeadingMap()) -> Int? {
        rows.prefix(10).firstIndex { row in
            let known = row.map(\.trimmed).filter { map.field($0) != nil }
            return known.contains { map.field($0) == "task_name" } && known.count >= 2
        }
    }

    /// The table's rows as the national tables, and notes on what was left out.
    static func source(_ table: CSVTable, map: HeadingMap = HeadingMap()) throws -> (NationalSource, [SkippedRow]) {
        var skipped: [SkippedRow] = []
        guard table.header.contains(where: { map.field($0) == "task_code" }) else {
            throw ImportError(code: .badHeader, file: table.file, line: table.headerLine, column: 1,
                              zh: "表头没有“实施编码”列：每个事项以实施编码命名文件，请加上这一列",
                              en: "the header has no 实施编码 column: each item's file is named by its 实施编码, so add the column")
        }
        for (i, h) in table.header.enumerated() where !h.isEmpty && map.field(h) == nil {
            if map.unimportable.contains(h) {
                skipped.append(SkippedRow(file: table.file, line: table.headerLine, column: h, columnNumber: i + 1,
                                          zh: "第 \(i + 1) 列的列名“\(h)”是标准的要素名称，但导入不从一列读取这个要素（可读的列名见 docs/import.md，如 法定办结时限、承诺办结时限），这一列未导入",
                                          en: "column \(i + 1)'s heading \(h) names an element of the standards, but import reads that element from no single column (docs/import.md lists the headings it reads, such as 法定办结时限 and 承诺办结时限); the column was not imported"))
                continue
            }
            skipped.append(SkippedRow(file: table.file, line: table.headerLine, column: h, columnNumber: i + 1,
                                      zh: "第 \(i + 1) 列的列名不是已知的要素名称，这一列未导入", en: "column \(i + 1)'s heading is not a known element name; the column was not imported"))
        }
        var source = NationalSource()
        var columns: [String: Int] = [:], headings: [String: String] = [:]
        for (i, heading) in table.header.enumerated() {
            if let field = map.field(heading), columns[field] == nil { columns[field] = i + 1; headings[field] = heading }
        }
        for row in table.rows {
            var basic: [String: String] = [:], extend: [String: String] = [:]
            var materials: [String] = []
            /// 审批条件 of every column naming it, each column's own entries (numbered or a
            /// line each) one after another.
            var conditions: [String] = []
            var fees: [(value: String, column: Int, heading: String)] = []
            var given: [String: (column: Int, heading: String, value: String)] = [:]
            for (i, heading) in table.header.enumerated() {
                if heading.isEmpty, i < row.cells.count, !row.cells[i].trimmed.isEmpty {
                    throw ImportError(code: .badHeader, file: table.file, line: row.line, column: i + 1,
                                      zh: "第 \(i + 1) 列有值，但表头（第 \(table.headerLine) 行）中这一列没有列名",
                                      en: "column \(i + 1) holds a value but has no name in the header (line \(table.headerLine))")
                }
                guard let field = map.field(heading), i < row.cells.count else { continue }
                let cell = row.cells[i].trimmed
                guard !cell.isEmpty else { continue }
                // A phone number under a phone heading is the 电话 of 咨询方式 (监督投诉方式).
                let value = ["link_way", "supervise_way"].contains(field) && phoneHeadings.contains(map.builtIn(heading)) && !cell.contains("：")
                    ? "电话：" + cell : cell
                if listFields.contains(field) {
                    // Two columns of a list's elements: kept together, in column order.
                    switch field {
                    case "materials": materials += lines(value)
                    case "accept_condition": conditions += NationalMapper.numbered(value).filter { !conditions.contains($0) }
                    default: basic[field] = basic[field].map { $0 + "\n" + value } ?? value
                    }
                    continue
                }
                if field == "fee" {
                    // 是否收费 and 收费标准 say different things of one fee: read together below.
                    fees.append((value, i + 1, heading))
                    continue
                }
                if let first = given[field] {
                    guard first.value == value else {
                        let element = elementNames[field] ?? map.builtIn(heading)
                        throw ImportError(code: .badHeader, file: table.file, line: row.line, column: i + 1,
                                          zh: "第 \(i + 1) 列“\(heading)”和第 \(first.column) 列“\(first.heading)”都是\(element)，而值不同（“\(value)”和“\(first.value)”）：一个事项只有一个\(element)，请删去一列，或用 --map 把其中一列映射到别的要素",
                                          en: "column \(i + 1) \"\(heading)\" and column \(first.column) \"\(first.heading)\" are both \(element), with different values (\"\(value)\" and \"\(first.value)\"): an item has one \(element); delete one column, or map one to another element with --map")
                    }
                    continue
                }
                given[field] = (i + 1, heading, value)
                switch field {
                case "anticipate", "promise":
                    if let (days, unit) = TimeLimitWords.parse(value) {
                        basic[field + "_day"] = String(days)
                        basic[field + "_type"] = unit
                    } else {
                        skipped.append(SkippedRow(file: table.file, line: row.line, column: heading, columnNumber: i + 1,
                                                  zh: "“\(value)”不是可识别的时限（如 20个工作日、二十个工作日、20天、即办），留作待补充",
                                                  en: "\"\(value)\" is not a time limit zhinan reads (such as 20个工作日, 二十个工作日, 20天, 即办); left as a placeholder"))
                    }
                default:
                    if extendFields.contains(field) { extend[field] = value } else { basic[field] = value }
                }
            }
            if !conditions.isEmpty {
                // Numbered afresh, so the columns' own numbers (each from 1) do not run into each other.
                basic["accept_condition"] = conditions.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            }
            let fee = try Self.fee(of: fees, file: table.file, line: row.line, map: map)
            var feeStandard: String?
            if let fee {
                let warn = { (zh: String, en: String) in
                    skipped.append(SkippedRow(file: table.file, line: row.line, column: fee.heading, columnNumber: fee.column, zh: zh, en: en))
                }
                let words = feeWords(fee.value)
                let asksYesOrNo = Self.asksYesOrNo(fee.heading, map)
                if noFee.contains(words) {
                    basic["is_fee"] = "0"
                } else if yesFee.contains(words) {
                    basic["is_fee"] = "1"
                    warn("“\(fee.value)”说明收费，但没有收费项目和标准：审批收费留作待补充，请写出项目、标准和依据",
                         "\"\(fee.value)\" says there is a fee but not which: 审批收费 is left as a placeholder; write its 项目, 标准 and 依据")
                } else if asksYesOrNo {
                    basic["fee_unread"] = "\(fee.heading)：\(fee.value)"
                    warn("“\(fee.value)”既不是“是”也不是“否”（“\(fee.heading)”列）：审批收费留作待补充，原文写在注释里",
                         "\"\(fee.value)\" is neither yes (是) nor no (否) under \(fee.heading): 审批收费 is left as a placeholder, the text kept in a comment")
                } else if !looksLikeStandard(words) {
                    basic["fee_unread"] = "\(fee.heading)：\(fee.value)"
                    warn("“\(fee.value)”不像收费标准（没有金额或计算方法），也不是“不收费”：审批收费留作待补充，原文写在注释里",
                         "\"\(fee.value)\" names no amount or way to reckon one, nor says there is no fee: 审批收费 is left as a placeholder, the text kept in a comment")
                } else {
                    basic["is_fee"] = "1"
                    feeStandard = fee.value
                }
            }
            guard !basic.isEmpty else { continue }
            let code = basic["task_code"] ?? ""
            source.basic.append(SourceRow(file: table.file, line: row.line, values: basic, columns: columns, headings: headings))
            if !extend.isEmpty { source.extend.append(SourceRow(file: table.file, line: row.line, values: extend.merging(["task_code": code]) { a, _ in a }, columns: columns, headings: headings)) }
            for m in materials {
                source.material.append(SourceRow(file: table.file, line: row.line, values: ["task_code": code, "material_name": m]))
            }
            if let feeStandard {
                source.fee.append(SourceRow(file: table.file, line: row.line, values: ["task_code": code, "fee_stand": feeStandard]))
            }
        }
        return (source, skipped)
    }

    /// A cell listing things one per line, without the numbering (`1.`, `1、`, `（1）`, `①`).
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { line in
            var s = Substring(String(line).trimmed)
            if let first = s.unicodeScalars.first, (0x2460...0x2473).contains(first.value) { s = s.dropFirst() }
            if s.hasPrefix("（") || s.hasPrefix("(") {
                let digits = s.dropFirst().prefix { $0.isASCII && $0.isNumber }
                let rest = s.dropFirst(1 + digits.count)
                if !digits.isEmpty, rest.hasPrefix("）") || rest.hasPrefix(")") { s = rest.dropFirst() }
            } else {
                let digits = s.prefix { $0.isASCII && $0.isNumber }
                let rest = s.dropFirst(digits.count)
                if !digits.isEmpty, let mark = rest.first, ".、．)）".contains(mark) { s = rest.dropFirst() }
            }
            return String(s).trimmed
        }.filter { !$0.isEmpty }
    }
}

/// Time limits as centres write them: `20个工作日`, `二十个工作日`, `20天`, `20日`,
/// `20个自然日`, `即办`, `当场办结`, `即时办结`. Day count and the national unit code (1
/// working days, 2 calendar days); nil for any other wording.
enum TimeLimitWords {
    static func parse(_ text: String) -> (Int, String)? {
        let t = text.trimmed.replacingOccurrences(of: " ", with: "")
        if ["即办", "当场办结", "即时办结", "当场办理", "即来即办", "0个工作日"].contains(t) { return (0, "1") }
        for (suffix, unit) in [("个工作日", "1"), ("工作日", "1"), ("个自然日", "2"), ("自然日", "2"), ("天", "2"), ("日", "2")] where t.hasSuffix(suffix) {
            let number = String(t.dropLast(suffix.count))
            if let n = Int(number) ?? chinese(number), n >= 0, n < 10_000 { return (n, unit) }
            return nil
        }
        return nil
    }

    /// 一 … 九千九百九十九 (also 两, 〇/零, 十 alone as 10).
    static func chinese(_ text: String) -> Int? {
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
        guard !text.isEmpty else { return nil }
        var total = 0, digit: Int? = nil
        for c in text {
            if let d = digits[c] { digit = d } else if let u = units[c] { total += (digit ?? 1) * u; digit = nil } else { return nil }
        }
        return total + (digit ?? 0)
    }
}
