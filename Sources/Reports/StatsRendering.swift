import Diagnostics
import Catalog

// MARK: - Text

extension CatalogStats {
    /// A readable report: percentages and means with one decimal, breakdowns in the order of
    /// ``itemsByType`` and ``itemsByWindowCategory``, a figure that cannot be computed shown
    /// as such rather than as 0. Catalog text is written behind the report's own words, on
    /// one line (``VisibleText.escaped(_:)``), so it never starts a line.
    public func text(language: ReportLanguage = .zh) -> String {
        (language == .zh ? chinese() : english()) + bundleText(language)
    }

    /// The 一件事 section: a bundle per line with the materials and days it saves.
    private func bundleText(_ language: ReportLanguage) -> String {
        guard !bundles.isEmpty else { return "" }
        let zh = language == .zh
        var out = zh ? "\n六、一件事\n  一件事：\(bundles.count) 个\n" : "\n6. Bundles (一件事)\n  Bundles: \(bundles.count)\n"
        for b in bundles {
            out += "  \(VisibleText.escaped(b.code)) \(VisibleText.escaped(b.name))"
            out += zh ? "（\(b.mode.rawValue)，\(b.members) 个事项）：" : " (\(b.mode.rawValue), \(b.members == 1 ? "1 item" : "\(b.members) items")): "
            out += zh ? "材料 \(b.materialsBefore) 项合并为 \(b.materialsAfter) 项，少交 \(b.materialsSaved) 项"
                      : "materials \(b.materialsBefore) merged into \(b.materialsAfter), \(b.materialsSaved) fewer"
            if let o = b.oneByOne, let p = b.promised {
                out += zh ? "；逐项办理 \(o.text)，一件事承诺 \(p.text)" : "; one by one \(o.text(.en)), promised \(p.text(.en))"
                if let saved = b.saved { out += zh ? "，节省 \(saved.text)" : ", \(saved.text(.en)) saved" }
            }
            out += "\n"
        }
        return out
    }

    private func chinese() -> String {
        var out = "《\(VisibleText.escaped(catalogName))》统计\n事项总数：\(itemCount) 项\n"
        out += "\n一、按事项类型\n"
        for c in itemsByType { out += "  \(VisibleText.escaped(c.key))：\(c.count) 项\n" }
        if itemsByType.isEmpty { out += "  无\n" }
        out += "\n二、按窗口类别\n"
        for c in itemsByWindowCategory { out += "  \(c.key)：\(c.count) 项\n" }
        out += "  注：在多个类别的窗口受理的事项，在每个类别各计一次（本目录有 \(itemsInSeveralCategories) 项）；"
        out += "未指定受理地点的事项 \(itemsWithoutWindow) 项。\n"

        out += "\n三、办理时限\n"
        if let m = meanCompression {
            out += "  承诺时限较法定时限平均压缩 \(percent(m))（按 \(compressionItems) 个可比较的事项计算）\n"
        } else {
            out += "  承诺时限较法定时限平均压缩：无可比较的事项\n"
        }
        for (name, totals, working) in [("工作日", workingDays, true), ("自然日", calendarDays, false)] {
            if let c = totals.compression {
                out += "  \(name)：法定合计 \(days(totals.statutory, workingDays: working, .zh))，"
                out += "承诺合计 \(days(totals.promised, workingDays: working, .zh))，压缩 \(percent(c))（\(totals.items) 个事项）\n"
            } else {
                out += "  \(name)：无按\(name)计算时限的事项\n"
            }
        }
        out += "  即办件：\(immediateItems) 项" + (immediateShare.map { "，占 \(percent($0))" } ?? "") + "\n"

        out += "\n四、申请材料\n"
        if itemCount > 0 {
            for f in materialsByClass + [allMaterials] {
                out += "  \(Self.label(f.materialClass, .zh))：平均每个事项 \(decimal(f.mean ?? 0, places: 1, fixed: true)) 项，"
                out += "最多 \(f.max) 项，共 \(f.total) 项\n"
            }
        } else {
            out += "  无事项\n"
        }
        if let s = shareableShare {
            out += "  可共享材料：\(shareableMaterials) 项，占全部 \(allMaterials.total) 项材料的 \(percent(s))\n"
        } else {
            out += "  可共享材料：无材料\n"
        }

        out += "\n五、内控线\n"
        guard let line = internalControlLine else { return out + "  目录未设定内控线\n" }
        out += "  内控线：承诺时限不超过法定时限的 \(line.numerator)/\(line.denominator)\n"
        out += "  超过内控线的事项：" + (itemsOverInternalControlLine.isEmpty ? "无\n" : "\(itemsOverInternalControlLine.count) 项\n")
        for o in itemsOverInternalControlLine {
            out += "    \(VisibleText.escaped(o.code)) \(VisibleText.escaped(o.name))：法定 \(o.statutory.text)，承诺 \(o.promised.text)（\(percent(o.share))）\n"
        }
        return out
    }

    /// What a class of materials (`nil`: all of them) is called in the report.
    static func label(_ c: MaterialClass?, _ language: ReportLanguage) -> String {
        let pair = switch c {
        case .required?: ("必要材料", "Required (必要)")
        case .conditional?: ("条件材料（仅在特定情形下需要）", "Conditional (条件: only in some cases)")
        case .deferrable?: ("容缺后补材料", "Deferrable (容缺后补)")
        case .optional?: ("非必要材料", "Optional (非必要)")
        case nil: ("全部材料", "All")
        }
        return language == .zh ? pair.0 : pair.1
    }

    private func english() -> String {
        func items(_ n: Int) -> String { n == 1 ? "1 item" : "\(n) items" }
        var out = "Statistics: \(VisibleText.escaped(catalogName))\nItems: \(itemCount)\n"
        out += "\n1. Items by type (事项类型)\n"
        for c in itemsByType { out += "  \(VisibleText.escaped(c.key)): \(c.count)\n" }
        if itemsByType.isEmpty { out += "  none\n" }
        out += "\n2. Items by window category (窗口类别)\n"
        for c in itemsByWindowCategory { out += "  \(c.key): \(c.count)\n" }
        out += "  Note: an item accepted at windows of several categories counts once in each "
        out += "(\(items(itemsInSeveralCategories)) here); \(items(itemsWithoutWindow)) without a window.\n"

        out += "\n3. Time limits\n"
        if let m = meanCompression {
            out += "  Mean compression of promised against statutory limits: \(percent(m)) (over \(items(compressionItems)) where it can be computed)\n"
        } else {
            out += "  Mean compression of promised against statutory limits: no item to compare\n"
        }
        for (name, totals, working) in [("Working days", workingDays, true), ("Calendar days", calendarDays, false)] {
            if let c = totals.compression {
                out += "  \(name): statutory \(days(totals.statutory, workingDays: working, .en)) in all, "
                out += "promised \(days(totals.promised, workingDays: working, .en)), compressed by \(percent(c)) (\(items(totals.items)))\n"
            } else {
                out += "  \(name): no item counts its limits in \(name.lowercased())\n"
            }
        }
        out += "  Decided on the spot (即办件): \(items(immediateItems))" + (immediateShare.map { ", \(percent($0))" } ?? "") + "\n"

        out += "\n4. Materials\n"
        if itemCount > 0 {
            for f in materialsByClass + [allMaterials] {
                out += "  \(Self.label(f.materialClass, .en)): \(decimal(f.mean ?? 0, places: 1, fixed: true)) per item on average, "
                out += "at most \(f.max), \(f.total) in all\n"
            }
        } else {
            out += "  no items\n"
        }
        if let s = shareableShare {
            out += "  Shareable (可共享): \(shareableMaterials) of \(allMaterials.total) materials, \(percent(s))\n"
        } else {
            out += "  Shareable (可共享): no materials\n"
        }

        out += "\n5. Internal control line (内控线)\n"
        guard let line = internalControlLine else { return out + "  The catalog sets no internal control line\n" }
        out += "  Line: a promise of at most \(line.numerator)/\(line.denominator) of the statutory limit\n"
        out += "  Items over the line: " + (itemsOverInternalControlLine.isEmpty ? "none\n" : "\(itemsOverInternalControlLine.count)\n")
        for o in itemsOverInternalControlLine {
            out += "    \(VisibleText.escaped(o.code)) \(VisibleText.escaped(o.name)): statutory \(o.statutory.text(.en)), promised \(o.promised.text(.en)) (\(percent(o.share)))\n"
        }
        return out
    }
}

// MARK: - JSON

extension CatalogStats {
    /// The figures for machines (version 2), keys always in this order. Ratios are numbers
    /// between 0 and 1 and means are numbers, both with at most four decimals; a figure that
    /// cannot be computed is `null`.
    ///
    ///     {
    ///       "version": 2,
    ///       "catalog": String,
    ///       "items": Int,
    ///       "itemsByType": {"行政许可": Int, …},
    ///       "itemsByWindowCategory": {"工程类": Int, "经营类": Int, "公民类": Int, "综合": Int},
    ///       "itemsInSeveralWindowCategories": Int,
    ///       "itemsWithoutWindow": Int,
    ///       "compression": {"items": Int, "mean": Ratio,
    ///                       "workingDays":  {"items": Int, "statutory": Int, "promised": Int, "compression": Ratio},
    ///                       "calendarDays": {"items": Int, "statutory": Int, "promised": Int, "compression": Ratio}},
    ///       "immediate": {"items": Int, "share": Ratio},
    ///       "materials": {"required": Figures, "conditional": Figures, "deferrable": Figures,
    ///                     "optional": Figures, "all": Figures,
    ///                     "shareable": Int, "shareableShare": Ratio},
    ///       "internalControlLine": "2/3" | null,
    ///       "overInternalControlLine": [{"code": String, "name": String, "statutory": "10个工作日",
    ///                                    "promised": "8个工作日", "share": Ratio}],
    ///       "bundles": [{"code": String, "name": String, "mode": "并联", "members": Int,
    ///                    "materialsBefore": Int, "materialsAfter": Int, "materialsSaved": Int,
    ///                    "promised": "10个工作日" | null, "oneByOne": "15个工作日" | null,
    ///                    "daysSaved": Int | null}]
    ///     }
    ///
    /// where Figures is `{"total": Int, "mean": Number, "max": Int}`: the entries of that class
    /// in all items, the mean per item and the most in one item (``MaterialClass``). Version 2:
    /// version 1 had `requiredMean` and `requiredMax` counting conditional materials as 必要.
    public func json() -> String {
        func totals(_ t: DayTotals) -> JSON {
            .object([
                ("items", .int(t.items)), ("statutory", .int(t.statutory)), ("promised", .int(t.promised)),
                ("compression", ratioJSON(t.compression)),
            ])
        }
        return JSON.object([
            ("version", .int(2)),
            ("catalog", .string(catalogName)),
            ("items", .int(itemCount)),
            ("itemsByType", .object(itemsByType.map { ($0.key, .int($0.count)) })),
            ("itemsByWindowCategory", .object(itemsByWindowCategory.map { ($0.key, .int($0.count)) })),
            ("itemsInSeveralWindowCategories", .int(itemsInSeveralCategories)),
            ("itemsWithoutWindow", .int(itemsWithoutWindow)),
            ("compression", .object([
                ("items", .int(compressionItems)), ("mean", ratioJSON(meanCompression)),
                ("workingDays", totals(workingDays)), ("calendarDays", totals(calendarDays)),
            ])),
            ("immediate", .object([("items", .int(immediateItems)), ("share", ratioJSON(immediateShare))])),
            ("materials", .object(
                (materialsByClass + [allMaterials]).map { f in
                    (f.materialClass?.rawValue ?? "all", .object([
                        ("total", .int(f.total)), ("mean", ratioJSON(f.mean)), ("max", .int(f.max)),
                    ]))
                } + [("shareable", .int(shareableMaterials)), ("shareableShare", ratioJSON(shareableShare))])),
            ("internalControlLine", internalControlLine.map { .string("\($0.numerator)/\($0.denominator)") } ?? .null),
            ("overInternalControlLine", .array(itemsOverInternalControlLine.map { o in
                .object([
                    ("code", .string(o.code)), ("name", .string(o.name)), ("statutory", .string(o.statutory.text)),
                    ("promised", .string(o.promised.text)), ("share", ratioJSON(o.share)),
                ])
            })),
            ("bundles", .array(bundles.map { b in
                .object([
                    ("code", .string(b.code)), ("name", .string(b.name)), ("mode", .string(b.mode.rawValue)),
                    ("members", .int(b.members)), ("materialsBefore", .int(b.materialsBefore)),
                    ("materialsAfter", .int(b.materialsAfter)), ("materialsSaved", .int(b.materialsSaved)),
                    ("promised", b.promised.map { .string($0.text) } ?? .null),
                    ("oneByOne", b.oneByOne.map { .string($0.text) } ?? .null),
                    ("daysSaved", b.daysSaved.map { .int($0) } ?? .null),
                ])
            })),
        ]).rendered()
    }
}

// MARK: - CSV

extension CatalogStats {
    /// The figures as one long table, a figure per row, for spreadsheets and scripts:
    ///
    ///     section,subject,measure,value
    ///     catalog,,name,某某目录
    ///     items_by_type,行政许可,items,6
    ///     compression,working_days,statutory,50
    ///     materials,conditional,mean,0.1429
    ///     over_internal_control_line,440100-XK-00002-001,promised,12个工作日
    ///
    /// A header row, then four cells on every row: `section` (the part of the report),
    /// `subject` (what in it: a 事项类型, a 窗口类别, a unit, a material class, an item's or a
    /// bundle's code; empty for the section as a whole), `measure` and `value`. Numbers as in
    /// ``json()``; a figure that cannot be computed has an empty value. Rows, in order:
    ///
    /// - `catalog,,name` · `catalog,,items`
    /// - `items_by_type,<事项类型>,items`
    /// - `items_by_window_category,<窗口类别>,items`, then `items_by_window_category,,in_several`
    ///   and `items_by_window_category,,without_window`
    /// - `compression,,items` · `compression,,mean` · `compression,working_days|calendar_days,`
    ///   `items|statutory|promised|compression`
    /// - `immediate,,items` · `immediate,,share`
    /// - `materials,required|conditional|deferrable|optional|all,total|mean|max` ·
    ///   `materials,,shareable` · `materials,,shareable_share`
    /// - `internal_control_line,,line` · `internal_control_line,,items_over`
    /// - `over_internal_control_line,<事项编码>,name|statutory|promised|share`, per item
    /// - `bundles,,count` · `bundles,,materials_saved`
    /// - `bundle,<编码>,name|mode|members|materials_before|materials_after|materials_saved|`
    ///   `promised|one_by_one|days_saved`, per bundle
    ///
    /// RFC 4180: CRLF line ends, a cell holding a comma, a double quote, CR or LF is quoted
    /// with its quotes doubled. A text cell a spreadsheet would take for a formula (starting
    /// with `=`, `+`, `-`, `@`, tab or CR) gets a `'` in front and is quoted, as OWASP's
    /// guidance on CSV injection says; numbers are written as they are.
    public func csv() -> String {
        var rows: [[CSVCell]] = [["section", "subject", "measure", "value"].map(CSVCell.text)]
        func row(_ section: String, _ subject: String?, _ measure: String, _ value: CSVCell) {
            rows.append([.text(section), .text(subject ?? ""), .text(measure), value])
        }
        func number(_ x: Double?) -> CSVCell { .number(x.map { decimal($0, places: 4) } ?? "") }
        func int(_ n: Int) -> CSVCell { .number(String(n)) }
        func limit(_ t: TimeLimit?) -> CSVCell { .text(t?.text ?? "") }

        row("catalog", nil, "name", .text(catalogName))
        row("catalog", nil, "items", int(itemCount))
        for c in itemsByType { row("items_by_type", c.key, "items", int(c.count)) }
        for c in itemsByWindowCategory { row("items_by_window_category", c.key, "items", int(c.count)) }
        row("items_by_window_category", nil, "in_several", int(itemsInSeveralCategories))
        row("items_by_window_category", nil, "without_window", int(itemsWithoutWindow))
        row("compression", nil, "items", int(compressionItems))
        row("compression", nil, "mean", number(meanCompression))
        for (unit, t) in [("working_days", workingDays), ("calendar_days", calendarDays)] {
            row("compression", unit, "items", int(t.items))
            row("compression", unit, "statutory", int(t.statutory))
            row("compression", unit, "promised", int(t.promised))
            row("compression", unit, "compression", number(t.compression))
        }
        row("immediate", nil, "items", int(immediateItems))
        row("immediate", nil, "share", number(immediateShare))
        for f in materialsByClass + [allMaterials] {
            let subject = f.materialClass?.rawValue ?? "all"
            row("materials", subject, "total", int(f.total))
            row("materials", subject, "mean", number(f.mean))
            row("materials", subject, "max", int(f.max))
        }
        row("materials", nil, "shareable", int(shareableMaterials))
        row("materials", nil, "shareable_share", number(shareableShare))
        row("internal_control_line", nil, "line", .text(internalControlLine.map { "\($0.numerator)/\($0.denominator)" } ?? ""))
        row("internal_control_line", nil, "items_over", int(itemsOverInternalControlLine.count))
        for o in itemsOverInternalControlLine {
            row("over_internal_control_line", o.code, "name", .text(o.name))
            row("over_internal_control_line", o.code, "statutory", limit(o.statutory))
            row("over_internal_control_line", o.code, "promised", limit(o.promised))
            row("over_internal_control_line", o.code, "share", number(o.share))
        }
        row("bundles", nil, "count", int(bundles.count))
        row("bundles", nil, "materials_saved", int(bundles.reduce(0) { $0 + $1.materialsSaved }))
        for b in bundles {
            row("bundle", b.code, "name", .text(b.name))
            row("bundle", b.code, "mode", .text(b.mode.rawValue))
            row("bundle", b.code, "members", int(b.members))
            row("bundle", b.code, "materials_before", int(b.materialsBefore))
            row("bundle", b.code, "materials_after", int(b.materialsAfter))
            row("bundle", b.code, "materials_saved", int(b.materialsSaved))
            row("bundle", b.code, "promised", limit(b.promised))
            row("bundle", b.code, "one_by_one", limit(b.oneByOne))
            row("bundle", b.code, "days_saved", .number(b.daysSaved.map(String.init) ?? ""))
        }
        return rows.map { $0.map(\.field).joined(separator: ",") + "\r\n" }.joined()
    }
}

/// One cell of a CSV report: a number the report formatted, or text (catalog text above all).
enum CSVCell {
    case number(String)
    case text(String)

    /// The cell as written: text a spreadsheet would run as a formula gets a `'` in front
    /// (OWASP); a cell holding a comma, a double quote, CR or LF, or so neutralised, is quoted
    /// with its quotes doubled (RFC 4180).
    var field: String {
        switch self {
        case .number(let n): return n
        case .text(let s):
            let formula = s.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
            let value = formula ? "'" + s : s
            guard formula || s.unicodeScalars.contains(where: { "\",\r\n".unicodeScalars.contains($0) }) else { return value }
            var out = "\""
            for c in value.unicodeScalars {
                if c == "\"" { out += "\"" }
                out.unicodeScalars.append(c)
            }
            return out + "\""
        }
    }
}
