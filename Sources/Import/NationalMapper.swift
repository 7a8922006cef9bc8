import Diagnostics

/// Maps the national tables' rows to imported items and catalog.yaml's 实施机关, 窗口 and
/// 法规. Each column's reading is the reverse of `export --format national`
/// (docs/national-export.md), so that exporting the imported catalog gives the tables back.
struct NationalMapper {
    let source: NationalSource
    let profile: ImportProfile

    /// catalog.yaml's lists, filled as items refer to them (ids in first-seen order).
    private var agencies: [(id: String, name: String, credit: String?)] = []
    private var windows: [(id: String, name: String, location: String?, hours: String?, unknownHours: String?)] = []
    /// Each window's (name and location's) office hours where some row tells them without
    /// doubt (as many hours as windows, or one for all), for rows that do not.
    private var knownHours: [String: Set<String>] = [:]
    private var laws: [(id: String, name: String, number: String?)] = []
    private var skipped: [SkippedRow] = []

    /// The longest 实施编码: the item's file name, `<code>.yaml`, fits 255 bytes.
    static let maxCodeLength = 250

    init(source: NationalSource, profile: ImportProfile) {
        self.source = source
        self.profile = profile
    }

    mutating func catalog() throws -> ImportedCatalog {
        var items: [ImportedItem] = []
        var codes: [String: SourceRow] = [:]
        var byCode: [String: (extend: SourceRow?, material: [SourceRow], fee: [SourceRow], questions: [SourceRow])] = [:]
        for row in source.basic {
            guard let code = row["task_code"] else {
                note(row, "task_code", zh: "实施编码为空，跳过该行", en: "实施编码 is empty; the row was skipped")
                continue
            }
            let column = row.columns["task_code"] ?? 0
            guard code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) else {
                throw ImportError(code: .badCode, file: row.file, line: row.line, column: column, zh: "实施编码“\(code)”只能由数字和大写字母组成", en: "实施编码 \"\(code)\" may hold only digits and capital letters")
            }
            guard code.count <= Self.maxCodeLength else {
                throw ImportError(code: .badCode, file: row.file, line: row.line, column: column,
                                  zh: "实施编码有 \(code.count) 个字符，超过 \(Self.maxCodeLength) 个：它是事项文件的名称（\(Self.maxCodeLength) 个字符加 .yaml 是文件名的上限 255 字节）",
                                  en: "the 实施编码 has \(code.count) characters, more than \(Self.maxCodeLength): it names the item's file (\(Self.maxCodeLength) characters and .yaml are a file name's limit of 255 bytes)")
            }
            if let first = codes[code.uppercased()] {
                throw ImportError(code: .badCode, file: row.file, line: row.line, column: column,
                                  zh: "实施编码 \(code) 重复：\(first.file) 第 \(first.line) 行已有这个编码",
                                  en: "the 实施编码 \(code) is repeated: \(first.file) line \(first.line) has it already")
            }
            codes[code.uppercased()] = row
            byCode[code] = (nil, [], [], [])
        }
        for (rows, kind) in [(source.extend, 0), (source.material, 1), (source.fee, 2), (source.questions, 3)] {
            for row in rows {
                guard let code = row["task_code"], byCode[code] != nil else {
                    note(row, "task_code", zh: "实施编码“\(row["task_code"] ?? "")”不在基本信息表中，跳过该行",
                         en: "the 实施编码 \"\(row["task_code"] ?? "")\" is not in the basic table; the row was skipped")
                    continue
                }
                switch kind {
                case 0:
                    if byCode[code]!.extend != nil {
                        throw ImportError(code: .badCode, file: row.file, line: row.line, column: row.columns["task_code"] ?? 0, zh: "实施编码 \(code) 在扩展信息表中出现了两次", en: "the 实施编码 \(code) has two rows in the extend table")
                    }
                    byCode[code]!.extend = row
                case 1: byCode[code]!.material.append(row)
                case 2: byCode[code]!.fee.append(row)
                default: byCode[code]!.questions.append(row)
                }
            }
        }
        // Hours rows give without doubt, learnt until no row adds any (each pass can settle
        // rows the last one left open).
        for _ in 0..<4 {
            var learnt = knownHours
            for row in source.basic {
                let (places, pieces) = Self.windows(row)
                for (place, h) in zip(places, hours(of: places, pieces)) {
                    if let h, knownHours[Self.windowKey(place)] == nil { learnt[Self.windowKey(place), default: []].insert(h) }
                }
            }
            if learnt == knownHours { break }
            knownHours = learnt
        }
        for row in source.basic {
            guard let code = row["task_code"], let rest = byCode[code] else { continue }
            items.append(item(row, code: code, extend: rest.extend, materials: rest.material, fees: rest.fee, questions: rest.questions))
        }
        return ImportedCatalog(header: header(), items: items, skipped: skipped)
    }

    // MARK: catalog.yaml

    private func header() -> [ImportedEntry] {
        var entries: [ImportedEntry] = [
            ImportedEntry("目录名称", .placeholder("目录名称", note: nil)),
            ImportedEntry("行政区划", .placeholder("行政区划", note: nil)),
            ImportedEntry("标准", .list(profile.standards.map(ImportedValue.text))),
        ]
        if !agencies.isEmpty {
            entries.append(ImportedEntry("实施机关", .list(agencies.map { a in
                .map([ImportedEntry("编号", .text(a.id)), ImportedEntry("名称", .text(a.name))]
                    + (a.credit.map { [ImportedEntry("统一社会信用代码", .text($0))] } ?? []))
            })))
        }
        if !windows.isEmpty {
            entries.append(ImportedEntry("窗口", .list(windows.map { w in
                .map([ImportedEntry("编号", .text(w.id)), ImportedEntry("名称", .text(w.name)), ImportedEntry("类别", .placeholder("窗口.类别"))]
                    + (w.location.map { [ImportedEntry("地点", .text($0))] } ?? [])
                    + (w.hours.map { [ImportedEntry("办公时间", .text($0))] }
                        ?? w.unknownHours.map { [ImportedEntry("办公时间", .placeholder("窗口.办公时间", note: "源数据（transact_time）：" + $0))] } ?? []))
            })))
        }
        if !laws.isEmpty {
            entries.append(ImportedEntry("法规", .list(laws.map { l in
                .map([ImportedEntry("编号", .text(l.id)), ImportedEntry("名称", .text(l.name)), ImportedEntry("层级", .placeholder("法规.层级"))]
                    + (l.number.map { [ImportedEntry("文号", .text($0))] } ?? []))
            })))
        }
        return entries
    }

    private mutating func agency(name: String, credit: String?) -> String {
        if let a = agencies.first(where: { $0.name == name && (credit == nil || $0.credit == credit) }) { return a.id }
        let id = "jg\(agencies.count + 1)"
        agencies.append((id, name, credit))
        return id
    }

    private mutating func window(name: String, location: String?, hours: String?, unknownHours: String? = nil) -> String {
        if let w = windows.first(where: { $0.name == name && $0.location == location && $0.hours == hours }) { return w.id }
        let id = "ck\(windows.count + 1)"
        windows.append((id, name, location, hours, hours == nil ? unknownHours : nil))
        return id
    }

    /// A row's windows (`transact_addr`, split at `；`) and office hours (`transact_time`).
    static func windows(_ row: SourceRow) -> (places: [String], hours: [String]) {
        let places = (row["transact_addr"] ?? "").components(separatedBy: "；").filter { !$0.isEmpty }
        let hours = row["transact_time"].map { $0.components(separatedBy: "；") } ?? []
        return (places, hours)
    }

    static func windowKey(_ place: String) -> String {
        let (name, location) = nameAndParenthesis(place)
        return name + "\u{0}" + (location ?? "")
    }

    /// The office hours of each of a row's windows, nil where they are not known.
    ///
    /// `export --format national` writes each window's hours once, in the windows' order,
    /// joined by `；` — and hours may hold a `；` themselves (`周一至周五 …；周六 …`). So the
    /// pieces are read as every way of cutting them into one run per distinct hours and
    /// giving each window one of them in order ( ``HoursReading`` ); a reading that repeats a
    /// piece within one window's hours is dropped, and so is one that contradicts hours
    /// another row gives a window without doubt. A window keeps hours only when every
    /// reading left gives it the same; else it stays unknown, never guessed.
    private func hours(of places: [String], _ pieces: [String]) -> [String?] {
        if pieces.isEmpty { return places.map { _ in nil } }
        let keys = places.map(Self.windowKey)
        let readings = HoursReading.all(windows: places.count, pieces: pieces).filter { reading in
            reading.indices.allSatisfy { i in knownHours[keys[i]].map { $0.contains(reading[i]) } ?? true }
        }
        guard let first = readings.first else { return places.map { _ in nil } }
        return places.indices.map { i in readings.allSatisfy { $0[i] == first[i] } ? first[i] : nil }
    }

    private mutating func law(name: String, number: String?) -> String {
        if let l = laws.first(where: { $0.name == name && $0.number == number }) { return l.id }
        let id = "fg\(laws.count + 1)"
        laws.append((id, name, number))
        return id
    }

    // MARK: items

    /// Notes a value of `row`'s `column` left out (or, with `code`, changed) in the summary.
    private mutating func note(_ row: SourceRow, _ column: String, code: DiagnosticCode = ImportCodes.leftOut, zh: String, en: String) {
        skipped.append(SkippedRow(file: row.file, line: row.line, column: row.headings[column] ?? column, columnNumber: row.columns[column] ?? 0, code: code, zh: zh, en: en))
    }

    /// A date element's value (生效日期, 废止日期): a date with a time of day (a datetime
    /// cell, `2023-03-15 00:00:00`) is written as the date; a time other than midnight is
    /// dropped with a note (ZN961). Any other text is written as it is, for `check` to judge.
    private mutating func date(_ row: SourceRow, _ column: String, element: String) -> ImportedValue? {
        guard let raw = row[column] else { return nil }
        let text = raw.trimmed
        // ASCII digits only: `\d` would also take ２ or ٢, which `Int` does not read.
        guard let m = text.wholeMatch(of: /([0-9]{4})[-\/]([0-9]{1,2})[-\/]([0-9]{1,2})(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?Z?)?/),
              let time = m.output.4 else { return .text(raw) }
        func two(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
        // A date or a time that is none (2023-13-45, 24:00, 10:99) is left as written, for `check` to judge.
        func number(_ s: Substring?) -> Int { s.flatMap { Int($0) } ?? 0 }
        let (year, month, day) = (number(m.output.1), number(m.output.2), number(m.output.3))
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...days[month - 1]).contains(day), number(time) < 24, number(m.output.5) < 60,
              number(m.output.6) < 60 else { return .text(raw) }
        let date = "\(m.output.1)-\(two(m.output.2))-\(two(m.output.3))"
        let clock = String(text[time.startIndex...])
        let midnight = [time, m.output.5 ?? "", m.output.6 ?? "", m.output.7 ?? ""].allSatisfy { $0.allSatisfy { $0 == "0" } }
        if !midnight {
            note(row, column, code: ImportCodes.timeDropped,
                 zh: "“\(text)”有时刻，而\(element)只写日期：写为 \(date)，时刻 \(clock) 未导入",
                 en: "\"\(text)\" has a time of day, and \(element) holds a date only: written as \(date), the time \(clock) was dropped")
        }
        return .text(date)
    }

    /// A coded value as the profile's value; nil (and a skipped-value note) when the code is unknown.
    private mutating func coded(_ row: SourceRow, _ column: String, _ set: String) -> ImportedValue? {
        guard let raw = row[column] else { return nil }
        if let v = profile.value(raw.trimmed, in: set) { return .text(v) }
        note(row, column, zh: "“\(raw)”不是代码集“\(set)”的代码或名称，留作待补充",
             en: "\"\(raw)\" is not a code or value of the code set \(set); left as a placeholder")
        return nil
    }

    /// A comma list of coded values.
    private mutating func codedList(_ row: SourceRow, _ column: String, _ set: String) -> ImportedValue? {
        guard let raw = row[column] else { return nil }
        var out: [ImportedValue] = []
        for part in raw.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
            guard let v = profile.value(String(part).trimmed, in: set) else {
                note(row, column, zh: "“\(part)”不是代码集“\(set)”的代码或名称，留作待补充",
                     en: "\"\(part)\" is not a code or value of the code set \(set); left as a placeholder")
                return nil
            }
            out.append(.text(v))
        }
        return out.isEmpty ? nil : .list(out)
    }

    private mutating func integer(_ row: SourceRow, _ column: String) -> ImportedValue? {
        guard let raw = row[column] else { return nil }
        guard let n = Int(raw.trimmed) else {
            note(row, column, zh: "“\(raw)”不是整数，留作待补充", en: "\"\(raw)\" is not an integer; left as a placeholder")
            return nil
        }
        return .integer(n)
    }

    /// `N个工作日`, `N日` or `即办` from a day count and unit (1 工作日, 2 自然日).
    private func limit(day: String?, unit: String?) -> String? {
        guard let day, let n = Int(day.trimmed) else { return nil }
        if unit == "2" { return "\(n)日" }
        return n == 0 ? "即办" : "\(n)个工作日"
    }

    private mutating func item(_ b: SourceRow, code: String, extend e: SourceRow?, materials: [SourceRow], fees: [SourceRow],
                               questions: [SourceRow]) -> ImportedItem {
        var el: [String: ImportedValue] = [:]
        var notes: [String] = []
        el["事项名称"] = b["task_name"].map(ImportedValue.text)
        el["事项类型"] = coded(b, "task_type", "事项类型")
        el["服务对象"] = codedList(b, "server_type", "服务对象")
        el["办理形式"] = codedList(b, "handle_type", "办理形式")
        el["基本编码"] = b["catalog_code"].map(ImportedValue.text)
        el["实施编码"] = .text(code)
        if let handling = b["task_handle_item"] {
            el["业务办理项"] = .list(handling.split(separator: ",").map {
                .map([ImportedEntry("编码", .text(String($0).trimmed)), ImportedEntry("名称", .placeholder("业务办理项.名称"))])
            })
        }
        el["版本"] = integer(b, "task_version")
        el["生效日期"] = date(b, "plan_effective_date", element: "生效日期")
        el["废止日期"] = date(b, "plan_cancel_date", element: "废止日期")
        if let name = b["dept_name"] { el["实施机关"] = .text(agency(name: name, credit: b["dept_code"])) }
        el["实施主体性质"] = coded(b, "dept_type", "实施主体性质")
        if let name = b["entrust_name"] { el["委托部门"] = .text(agency(name: name, credit: nil)) }
        el["行使层级"] = coded(b, "use_level", "行使层级")
        el["权力来源"] = coded(b, "power_source", "权力来源")
        el["办件类型"] = coded(b, "project_type", "办件类型")
        el["到现场次数"] = coded(b, "limit_scene_num", "到现场次数")

        // 办理时限
        var limits: [ImportedEntry] = []
        if let t = limit(day: b["anticipate_day"], unit: b["anticipate_type"]) { limits.append(ImportedEntry("法定", .text(t))) }
        else if b["anticipate_explain"] != nil { limits.append(ImportedEntry("法定", .text("无"))) }
        else { limits.append(ImportedEntry("法定", .placeholder("办理时限.法定"))) }
        if let t = limit(day: b["promise_day"], unit: b["promise_type"]) { limits.append(ImportedEntry("承诺", .text(t))) }
        else { limits.append(ImportedEntry("承诺", .placeholder("办理时限.承诺"))) }
        if let s = b["anticipate_explain"] { limits.append(ImportedEntry("法定说明", .text(s))) }
        if let s = b["promise_explain"] { limits.append(ImportedEntry("承诺说明", .text(s))) }
        el["办理时限"] = .map(limits)

        if let text = b["accept_condition"] {
            el["审批条件"] = .list(Self.numbered(text).map(ImportedValue.text))
        }
        if let text = b["by_law"] {
            el["办理依据"] = .list(Self.joined(Self.lines(text), startsEntry: { $0.hasPrefix("《") }).map { .map(basis($0)) })
        }
        if let text = b["handle_flow"] { el["办理流程"] = flow(Self.lines(text)) }
        if let text = b["special_procedure"] {
            el["特别程序"] = .list(Self.lines(text).map { .map(special($0)) })
        }
        // 审批收费
        switch b["is_fee"] {
        case "0"?: el["审批收费"] = .text("不收费")
        case "1"?:
            el["审批收费"] = fees.isEmpty ? .placeholder("审批收费", note: "源数据 is_fee 为 1（收费），但收费项目表中没有本事项的收费项目")
                : .list(fees.map { f in
                    .map([ImportedEntry("项目", f["fee_name"].map(ImportedValue.text) ?? .placeholder("审批收费.项目")),
                          ImportedEntry("标准", f["fee_stand"].map(ImportedValue.text) ?? .placeholder("审批收费.标准"))]
                        + (f["by_law"].map { [ImportedEntry("依据", .text($0))] } ?? []))
                })
        default:
            // An item sheet's 是否收费 that says neither yes nor no: kept under the placeholder.
            if let text = b["fee_unread"] { el["审批收费"] = .placeholder("审批收费", note: "源数据（\(text)）") }
        }
        // 受理地点: windows from transact_addr / transact_time.
        if b["transact_addr"] != nil {
            let (places, allHours) = Self.windows(b)
            let hours = hours(of: places, allHours)
            if hours.contains(nil), b["transact_time"] != nil {
                note(b, "transact_time", zh: "办公时间可以有不止一种方式分给这 \(places.count) 个受理地点（每个窗口的办公时间只写一次，办公时间本身也可含“；”）：不能确定的窗口的办公时间留作待补充",
                     en: "the office hours can be shared out among these \(places.count) places in more than one way (each window's hours are written once, and hours may hold a ；): the windows left open are placeholders")
            }
            el["受理地点"] = .list(places.enumerated().map { i, part in
                let (name, location) = Self.nameAndParenthesis(part)
                return .text(window(name: name, location: location, hours: hours[i], unknownHours: b["transact_time"]))
            })
        }
        if b["transact_addr"] == nil, let hours = b["transact_time"] {
            // Office hours without a place: kept under the placeholder, never dropped.
            el["受理地点"] = .placeholder("受理地点", note: "源数据（transact_time，没有受理地点）：\(hours)")
            note(b, "transact_time", zh: "有办公时间而没有受理地点（办理地点）：受理地点留作待补充，办公时间写在注释里",
                 en: "office hours without a place (办理地点): 受理地点 is left as a placeholder, the hours kept in a comment")
        }
        el["咨询"] = labelled(b, "link_way", element: "咨询", order: ["电话", "地址", "网址", "邮箱"])
        el["监督投诉"] = labelled(b, "supervise_way", element: "监督投诉", order: ["电话", "网址", "地址", "邮箱"])

        if let e {
            el["网上办理深度"] = codedList(e, "online_handle_depth", "网上办理深度")
            el["网办地址"] = e["online_handle_url"].map(ImportedValue.text)
            el["必须现场办理原因"] = e["limit_scene_explain"].map(ImportedValue.text)
            if let other = e["other_dept"] {
                el["联办机构"] = .list(other.split(separator: ",").map { .text(agency(name: String($0).trimmed, credit: nil)) })
            }
            var result: [ImportedEntry] = []
            var resultPlaceholder: ImportedValue?
            if let type = coded(e, "result_type", "审批结果类型") { result.append(ImportedEntry("类型", type)) }
            if let name = e["result_name"] {
                if let set = profile.codeSets["审批结果类型"], set.contains(name.trimmed) {
                    // A 审批结果 column holding a type (证照, 批文): the type, not the name.
                    if result.isEmpty {
                        result += [ImportedEntry("类型", .text(name.trimmed)), ImportedEntry("名称", .placeholder("审批结果.名称"))]
                        note(e, "result_name", code: ImportCodes.leftOut, zh: "“\(name)”是审批结果的类型，不是名称：写为 审批结果.类型，名称留作待补充",
                             en: "\"\(name)\" is a type of 审批结果, not its name: written as 审批结果.类型, the 名称 left as a placeholder")
                    }
                } else if profile.codeSets["审批结果类型"] == nil, ["证照", "批文", "其他", "无"].contains(name.trimmed) {
                    resultPlaceholder = .placeholder("审批结果", note: "源数据（result_name）：\(name)")
                    note(e, "result_name", zh: "“\(name)”是审批结果的类型，不是名称，而标准没有审批结果类型：审批结果留作待补充",
                         en: "\"\(name)\" is a type of 审批结果, not its name, and the standard has no type of 审批结果: left as a placeholder")
                } else {
                    result.append(ImportedEntry("名称", .text(name)))
                }
            }
            if let sample = e["result_guid"] { notes.append("审批结果样本（源数据，文件不在导入数据中）：\(sample)") }
            // is_express: results are mailed, unless 快递 is already a 办理形式.
            let forms: [String] = if case .list(let f)? = el["办理形式"] { f.compactMap { if case .text(let s) = $0 { s } else { nil } } } else { [] }
            if e["is_express"] == "1" && !forms.contains(where: { profile.nationalCodes["办理形式"]?[$0] == "4" || $0.hasPrefix("快递") }) {
                result.append(ImportedEntry("送达方式", .list([.text("邮寄送达")])))
            }
            if !result.isEmpty { el["审批结果"] = .map(result) } else if let resultPlaceholder { el["审批结果"] = resultPlaceholder }
            el["数量限制"] = e["limit_explain"].map(ImportedValue.text)
            if let area = e["handle_area"] { el["通办范围"] = .text(profile.value(area, in: "通办范围") ?? area) }
        }
        let ordered = materials.enumerated().sorted { a, b in
            (Int(a.element["order_num"] ?? "") ?? Int.max, a.offset) < (Int(b.element["order_num"] ?? "") ?? Int.max, b.offset)
        }.map(\.element)
        if !materials.isEmpty { el["申请材料"] = .list(ordered.map { material($0, notes: &notes) }) }
        if !questions.isEmpty {
            el["常见问题"] = .list(questions.map { q in
                .map([ImportedEntry("问", q["question"].map(ImportedValue.text) ?? .placeholder("常见问题.问")),
                      ImportedEntry("答", q["answer"].map(ImportedValue.text) ?? .placeholder("常见问题.答"))])
            })
        }
        let place = b.line > 0 ? "\(b.file):\(b.line)" : b.file
        return ImportedItem(fileName: code + ".yaml", source: place, elements: el.compactMapValues { $0 }, notes: notes)
    }

    private mutating func material(_ m: SourceRow, notes: inout [String]) -> ImportedValue {
        var entries: [ImportedEntry] = [ImportedEntry("材料", m["material_name"].map(ImportedValue.text) ?? .placeholder("申请材料.材料"))]
        if let v = coded(m, "material_type", "材料形式") { entries.append(ImportedEntry("形式", v)) }
        let both = entries.contains { $0.key == "形式" && { if case .text(let f) = $0.value { f == "原件和复印件" } else { false } }($0) }
        if both, let pages = m["page_num"] {
            // The tables hold the sum of 原件份数 and 复印件份数, not each.
            entries.append(ImportedEntry("原件份数", .placeholder("申请材料.原件份数", note: "源数据 page_num（纸质份数合计）：\(pages)")))
            entries.append(ImportedEntry("复印件份数", .placeholder("申请材料.复印件份数")))
        } else if let v = integer(m, "page_num") { entries.append(ImportedEntry("份数", v)) }
        if let v = coded(m, "material_format", "材料介质") { entries.append(ImportedEntry("介质", v)) }
        if let v = coded(m, "source_type", "材料来源") { entries.append(ImportedEntry("来源", v)) }
        if let v = coded(m, "is_need", "必要性") { entries.append(ImportedEntry("必要性", v)) }
        if let v = m["accept_stand"] { entries.append(ImportedEntry("要求", .text(v))) }
        if let v = m["fill_explain"] { entries.append(ImportedEntry("填报须知", .text(v))) }
        if let v = m["source_explain"] {
            if v.hasPrefix("免提交：") { entries.append(ImportedEntry("免提交", .text(String(v.dropFirst(4))))) }
            else { notes.append("\(m["material_name"] ?? "")：来源说明（源数据）：\(v)") }
        }
        for (column, label) in [("form_guid", "空表"), ("example_guid", "样表"), ("by_law", "材料依据")] {
            if let v = m[column] { notes.append("\(m["material_name"] ?? "")：\(label)（源数据，未导入）：\(v)") }
        }
        return .map(entries)
    }

    /// `电话：…；地址：…` into the element's fields; an unlabelled value that looks like a
    /// phone number is the 电话, other text is kept as a note with a placeholder.
    private mutating func labelled(_ row: SourceRow, _ column: String, element: String, order: [String]) -> ImportedValue? {
        guard let text = row[column] else { return nil }
        var fields: [(String, String)] = []
        for part in text.components(separatedBy: "；") {
            if let label = order.first(where: { part.hasPrefix($0 + "：") }) {
                fields.append((label, String(part.dropFirst(label.count + 1))))
            } else if !fields.isEmpty {
                fields[fields.count - 1].1 += "；" + part
            } else if !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " ") }) {
                fields.append(("电话", part))
            } else {
                return .placeholder(element, note: "源数据（\(column)）：\(text.replacingOccurrences(of: "\n", with: " "))")
            }
        }
        return .map(order.compactMap { label in fields.first { $0.0 == label }.map { ImportedEntry(label, .text($0.1)) } })
    }

    /// `《名称》（文号）条款：内容` into {法规, 条款, 内容}, adding the law.
    private mutating func basis(_ line: String) -> [ImportedEntry] {
        guard line.hasPrefix("《"), let close = line.range(of: "》") else {
            return [ImportedEntry("法规", .placeholder("办理依据.法规")), ImportedEntry("内容", .text(line))]
        }
        let name = String(line[line.index(after: line.startIndex)..<close.lowerBound])
        var rest = Substring(line[close.upperBound...])
        var number: String? = nil
        if rest.hasPrefix("（"), let end = Self.matchingClose(rest) {
            number = String(rest[rest.index(after: rest.startIndex)..<end])
            rest = rest[rest.index(after: end)...]
        }
        var entries = [ImportedEntry("法规", .text(law(name: name, number: number)))]
        let article: Substring, content: Substring?
        if let colon = rest.firstIndex(of: "：") { (article, content) = (rest[..<colon], rest[rest.index(after: colon)...]) }
        else { (article, content) = (rest, nil) }
        if !article.isEmpty { entries.append(ImportedEntry("条款", .text(String(article)))) }
        if let content { entries.append(ImportedEntry("内容", .text(String(content)))) }
        return entries
    }

    /// `种类（时限）：说明。依据：…` into a 特别程序 entry.
    private mutating func special(_ line: String) -> [ImportedEntry] {
        var text = Substring(line)
        var basisText: String? = nil
        if let r = text.range(of: "依据：", options: .backwards), text[..<r.lowerBound].hasSuffix("。") || r.lowerBound == text.startIndex {
            basisText = String(text[r.upperBound...])
            text = text[..<r.lowerBound]
        }
        let kindEnd = text.firstIndex { $0 == "（" || $0 == "：" || $0 == "。" } ?? text.endIndex
        var entries = [ImportedEntry("种类", .text(String(text[..<kindEnd])))]
        text = text[kindEnd...]
        if text.hasPrefix("（"), let end = Self.matchingClose(text) {
            entries.append(ImportedEntry("时限", .text(String(text[text.index(after: text.startIndex)..<end]))))
            text = text[text.index(after: end)...]
        }
        if text.hasPrefix("：") { entries.append(ImportedEntry("说明", .text(String(text.dropFirst())))) }
        entries.append(ImportedEntry("依据", basisText.map { .map(basis($0)) } ?? .placeholder("特别程序.依据")))
        return entries
    }

    /// 办理流程: the tables hold only the steps in order (`1. 环节（岗位，时限）`), not where
    /// each leads or which ends the flow, so it is left as a placeholder with the steps
    /// quoted under it for the officer.
    private func flow(_ lines: [String]) -> ImportedValue {
        .placeholder("办理流程", note: (["源数据的办理流程（只有环节顺序，没有下一步和结束；请据此写出办理流程）："] + lines.map { "  " + $0 }).joined(separator: "\n"))
    }

    // MARK: text helpers

    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    /// Lines into entries: a line that does not start an entry continues the one before
    /// (an entry whose text holds a line break), joined with LF.
    static func joined(_ lines: [String], startsEntry: (String) -> Bool) -> [String] {
        var out: [String] = []
        for line in lines {
            if !out.isEmpty && !startsEntry(line) { out[out.count - 1] += "\n" + line } else { out.append(line) }
        }
        return out
    }

    /// `1. 甲`, `2. 乙` lines into 甲, 乙 (a line not numbered next continues the entry
    /// before it); text that is not numbered from 1 is one line an entry.
    static func numbered(_ text: String) -> [String] {
        let lines = Self.lines(text)
        guard let first = lines.first, first.hasPrefix("1. ") else { return lines }
        var out: [String] = []
        for line in lines {
            let prefix = "\(out.count + 1). "
            if line.hasPrefix(prefix) { out.append(String(line.dropFirst(prefix.count))) }
            else if out.isEmpty { out.append(line) } else { out[out.count - 1] += "\n" + line }
        }
        return out
    }

    /// `名称（内容）` → (名称, 内容), the parenthesis being the one that closes the text; else (text, nil).
    static func nameAndParenthesis(_ text: String) -> (String, String?) {
        guard text.hasSuffix("）") else { return (text, nil) }
        var depth = 0
        var i = text.endIndex
        while i > text.startIndex {
            i = text.index(before: i)
            if text[i] == "）" { depth += 1 }
            if text[i] == "（" {
                depth -= 1
                if depth == 0 {
                    let name = String(text[..<i])
                    guard !name.isEmpty else { return (text, nil) }
                    return (name, String(text[text.index(after: i)..<text.index(before: text.endIndex)]))
                }
            }
        }
        return (text, nil)
    }

    /// The index of the `）` closing the `（` that `text` starts with.
    static func matchingClose(_ text: Substring) -> Substring.Index? {
        var depth = 0
        for i in text.indices {
            if text[i] == "（" { depth += 1 }
            if text[i] == "）" { depth -= 1; if depth == 0 { return i } }
        }
        return nil
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}

/// The readings of a row's office-hours pieces: each a list of hours, one per window, such
/// that joining the distinct hours in the order they first appear, by `；`, gives the pieces
/// back. Bounded: more than 12 windows or pieces, or 256 readings, give none (unknown).
enum HoursReading {
    static func all(windows: Int, pieces: [String]) -> [[String]] {
        guard windows > 0, windows <= 12, pieces.count <= 12 else { return [] }
        var out: [[String]] = []
        var current: [String] = [], groups: [String] = []
        func walk(_ window: Int, _ at: Int) -> Bool {
            if out.count > 256 { return false }
            if window == windows {
                if at == pieces.count { out.append(current) }
                return true
            }
            for g in groups {
                current.append(g)
                guard walk(window + 1, at) else { return false }
                current.removeLast()
            }
            if at < pieces.count {
                for end in (at + 1)...pieces.count {
                    let run = pieces[at..<end]
                    guard Set(run).count == run.count else { break }  // one window's hours never repeat a piece
                    let hours = run.joined(separator: "；")
                    guard !groups.contains(hours) else { continue }
                    groups.append(hours); current.append(hours)
                    guard walk(window + 1, end) else { return false }
                    groups.removeLast(); current.removeLast()
                }
            }
            return true
        }
        return walk(0, 0) && out.count <= 256 ? out : []
    }
}
