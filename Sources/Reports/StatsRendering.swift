import Diagnostics
import Catalog

// MARK: - Text

extension CatalogStats {
    /// A readable report: percentages and means with one decimal, breakdowns in the order of
    /// ``itemsByType`` and ``itemsByWindowCategory``, a figure that cannot be computed shown
    /// as such rather than as 0. Catalog text is written behind the report's own words, on
    /// one line (``VisibleText.escaped(_:)``), so it never starts a line.
    public func text(language: ReportLanguage = .zh) -> String {
        (language == .zh ? chinese() : english()) + bundleText(language) + visitsText(language)
            + scenarioText(language)
    }

    /// `n 项，占 x%` over `whole`, or `n/a` when nothing is in the denominator.
    private func shareText(_ part: Int, _ ratio: Double?, _ language: ReportLanguage) -> String {
        guard let ratio else { return "n/a" }
        return language == .zh ? "\(part) 项，占 \(percent(ratio))" : "\(englishItems(part)), \(percent(ratio))"
    }

    /// The section of 到现场次数 and 网办 (GB/T 39554.2-2020), numbered after 一件事 when the
    /// catalog has bundles. Shares are over the items that declare the element, n/a without.
    private func visitsText(_ language: ReportLanguage) -> String {
        let zh = language == .zh
        let number = bundles.isEmpty ? (zh ? "六" : "6") : (zh ? "七" : "7")
        func count(_ n: Int) -> String { zh ? "\(n) 项" : englishItems(n) }
        var out = zh ? "\n\(number)、跑动与网办（实施清单要素）\n" : "\n\(number). Visits and online service (national 实施清单 elements)\n"
        out += zh ? "  申报到现场次数的事项：\(count(visitsDeclared))\n" : "  Items declaring 到现场次数 (visits to the window): \(visitsDeclared)\n"
        if visitsDeclared > 0 {
            let names = zh ? ["0 次", "1 次", "2 次", "多次"] : ["0 visits:", "1 visit:", "2 visits:", "3 or more:"]
            out += zh ? "  到现场次数：" : "  Visits: "
            out += zip(names, itemsByVisits).map { zh ? "\($0) \($1.count) 项" : "\($0) \($1.count)" }.joined(separator: zh ? "，" : ", ") + "\n"
        }
        out += (zh ? "  最多跑一次（到现场次数 ≤ 1）：" : "  At most one visit (最多跑一次, ≤ 1): ") + shareText(atMostOnceItems, atMostOnceShare, language) + "\n"
        out += (zh ? "  零跑动（到现场次数为 0）：" : "  No visit (零跑动, 0): ") + shareText(zeroVisitItems, zeroVisitShare, language) + "\n"
        out += zh ? "  申报到现场次数或网上办理深度的事项：\(count(onlineDeclared))\n"
                  : "  Items declaring 到现场次数 or 网上办理深度 (online depth): \(onlineDeclared)\n"
        out += (zh ? "  网上可办（网上办理深度达到互联网受理）：" : "  Accepted online (网上可办: depth reaches 互联网受理): ")
            + shareText(acceptedOnlineItems, acceptedOnlineShare, language) + "\n"
        out += (zh ? "  全程网办（网上办理深度达到互联网办理且到现场次数为 0）：" : "  Wholly online (全程网办: depth reaches 互联网办理, 0 visits): ")
            + shareText(fullyOnlineItems, fullyOnlineShare, language) + "\n"
        return out
    }

    /// The lines 三、办理时限 adds after 即办件: 当场办结, compression per 事项类型, 法定: 无 and
    /// 特别程序.
    private func timeLimitExtras(_ language: ReportLanguage) -> String {
        let zh = language == .zh
        var out = (zh ? "  当场办结（承诺时限为即办）：" : "  Done on the spot (当场办结: promised 即办): ") + shareText(onTheSpotItems, onTheSpotShare, language) + "\n"
        out += zh ? "  按事项类型的平均压缩：\n" : "  Mean compression by type:\n"
        for c in compressionByType {
            out += "    \(VisibleText.escaped(c.type))" + (zh ? "：" : ": ")
            if let m = c.mean {
                out += zh ? "\(percent(m))（\(c.items) 个可比较的事项）\n" : "\(percent(m)) (over \(englishItems(c.items)))\n"
            } else {
                out += zh ? "无可比较的事项\n" : "no item to compare\n"
            }
        }
        if compressionByType.isEmpty { out += zh ? "    无\n" : "    none\n" }
        out += zh ? "  未规定法定时限（法定：无）：\(noStatutoryLimitItems) 项，不计入压缩\n"
                  : "  No statutory limit (法定: 无): \(englishItems(noStatutoryLimitItems)), left out of compression\n"
        out += zh ? "  特别程序（时间不计入办理时限）：\(specialProcedures.count) 个事项共 \(specialProcedureCount) 项\n"
                  : "  Special procedures (特别程序, outside the time limit): \(specialProcedureCount) in \(englishItems(specialProcedures.count))\n"
        for p in specialProcedures {
            out += "    \(VisibleText.escaped(p.code)) \(VisibleText.escaped(p.name))" + (zh ? "：" : ": ") + VisibleText.escaped(p.summary(language)) + "\n"
        }
        return out
    }

    /// The lines 四、申请材料 adds after 可共享: 容缺后补, 免提交 by reason, 告知承诺.
    private func materialExtras(_ language: ReportLanguage) -> String {
        let zh = language == .zh
        var out = zh
            ? "  容缺后补（含条件材料）：\(deferrableMaterials) 项材料，涉及 \(itemsWithDeferrable) 个事项，其中 \(deferrableWithLimit) 项写明后补期限\n"
            : "  Deferrable (容缺后补, conditional ones included): \(deferrableMaterials) materials in \(englishItems(itemsWithDeferrable)), \(deferrableWithLimit) with a deadline\n"
        let reasons = exemptByReason.map { zh ? "\($0.key) \($0.count) 项" : "\($0.key) \($0.count)" }.joined(separator: zh ? "，" : ", ")
        if let s = exemptShare {
            out += zh ? "  免提交材料：\(exemptMaterials) 项，占全部 \(allMaterials.total) 项材料的 \(percent(s))（\(reasons)）\n"
                      : "  Not handed in (免提交): \(exemptMaterials) of \(allMaterials.total) materials, \(percent(s)) (\(reasons))\n"
        } else {
            out += zh ? "  免提交材料：无材料\n" : "  Not handed in (免提交): no materials\n"
        }
        out += (zh ? "  告知承诺事项：" : "  Items with a promise (告知承诺): ") + shareText(commitmentItems, commitmentShare, language)
        out += zh ? "，承诺替代材料 \(commitmentReplacedMaterials) 项\n" : ", \(commitmentReplacedMaterials == 1 ? "1 material" : "\(commitmentReplacedMaterials) materials") replaced\n"
        return out
    }

    /// The 一件事 section: a bundle per line with the materials and days it saves.
    private func bundleText(_ language: ReportLanguage) -> String {
        guard !bundles.isEmpty else { return "" }
        let zh = language == .zh
        var out = zh ? "\n六、一件事\n  一件事：\(bundles.count) 个\n" : "\n6. Bundles (一件事)\n  Bundles: \(bundles.count)\n"
        for b in bundles {
            out += "  \(VisibleText.escaped(b.code)) \(VisibleText.escaped(b.name))"
            out += zh ? "（\(b.mode.rawValue)，\(b.members) 个事项）：" : " (\(b.mode.rawValue), \(englishItems(b.members))): "
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
        out += timeLimitExtras(.zh)

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
        out += materialExtras(.zh)

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
        var out = "Statistics: \(VisibleText.escaped(catalogName))\nItems: \(itemCount)\n"
        out += "\n1. Items by type (事项类型)\n"
        for c in itemsByType { out += "  \(VisibleText.escaped(c.key)): \(c.count)\n" }
        if itemsByType.isEmpty { out += "  none\n" }
        out += "\n2. Items by window category (窗口类别)\n"
        for c in itemsByWindowCategory { out += "  \(c.key): \(c.count)\n" }
        out += "  Note: an item accepted at windows of several categories counts once in each "
        out += "(\(englishItems(itemsInSeveralCategories)) here); \(englishItems(itemsWithoutWindow)) without a window.\n"

        out += "\n3. Time limits\n"
        if let m = meanCompression {
            out += "  Mean compression of promised against statutory limits: \(percent(m)) (over \(englishItems(compressionItems)) where it can be computed)\n"
        } else {
            out += "  Mean compression of promised against statutory limits: no item to compare\n"
        }
        for (name, totals, working) in [("Working days", workingDays, true), ("Calendar days", calendarDays, false)] {
            if let c = totals.compression {
                out += "  \(name): statutory \(days(totals.statutory, workingDays: working, .en)) in all, "
                out += "promised \(days(totals.promised, workingDays: working, .en)), compressed by \(percent(c)) (\(englishItems(totals.items)))\n"
            } else {
                out += "  \(name): no item counts its limits in \(name.lowercased())\n"
            }
        }
        out += "  Decided on the spot (即办件): \(englishItems(immediateItems))" + (immediateShare.map { ", \(percent($0))" } ?? "") + "\n"
        out += timeLimitExtras(.en)

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
        out += materialExtras(.en)

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
    ///                    "daysSaved": Int | null}],
    ///       "onTheSpot": {"items": Int, "share": Ratio},
    ///       "compressionByType": {"行政许可": {"items": Int, "mean": Ratio}, …},
    ///       "noStatutoryLimit": Int,
    ///       "specialProcedures": {"items": Int, "procedures": Int,
    ///                             "byItem": [{"code": String, "name": String,
    ///                                         "procedures": [{"kind": "专家评审", "limit": "15个工作日" | null}]}]},
    ///       "deferrable": {"materials": Int, "items": Int, "withLimit": Int},
    ///       "exempt": {"materials": Int, "share": Ratio, "byReason": {"数据共享": Int, "电子证照": Int, "告知承诺": Int}},
    ///       "commitment": {"items": Int, "share": Ratio, "replacedMaterials": Int},
    ///       "visits": {"declared": Int, "byCount": {"0": Int, "1": Int, "2": Int, "3": Int},
    ///                  "atMostOnce": {"items": Int, "share": Ratio}, "zero": {"items": Int, "share": Ratio}},
    ///       "online": {"declared": Int, "accepted": {"items": Int, "share": Ratio},
    ///                  "wholly": {"items": Int, "share": Ratio}},
    ///       "scenarios": {…}    // only when an item has 情形: see scenarioJSON()
    ///     }
    ///
    /// where Figures is `{"total": Int, "mean": Number, "max": Int}`: the entries of that class
    /// in all items, the mean per item and the most in one item (``MaterialClass``). Version 2:
    /// version 1 had `requiredMean` and `requiredMax` counting conditional materials as 必要.
    /// The members from `onTheSpot` on were added within version 2 (no member changed its
    /// meaning); their definitions are ``CatalogStats``'s. A share over nothing (no item
    /// declares 到现场次数 …) is `null`.
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
        ] + nationalJSON() + scenarioJSON()).rendered()
    }
}

extension CatalogStats {
    /// The members ``json()`` adds after `bundles`.
    private func nationalJSON() -> [(String, JSON)] {
        func part(_ n: Int, _ r: Double?) -> JSON { .object([("items", .int(n)), ("share", ratioJSON(r))]) }
        return [
            ("onTheSpot", part(onTheSpotItems, onTheSpotShare)),
            ("compressionByType", .object(compressionByType.map { c in
                (c.type, .object([("items", .int(c.items)), ("mean", ratioJSON(c.mean))]))
            })),
            ("noStatutoryLimit", .int(noStatutoryLimitItems)),
            ("specialProcedures", .object([
                ("items", .int(specialProcedures.count)), ("procedures", .int(specialProcedureCount)),
                ("byItem", .array(specialProcedures.map { p in
                    .object([
                        ("code", .string(p.code)), ("name", .string(p.name)),
                        ("procedures", .array(p.procedures.map { .object([("kind", .string($0.kind)), ("limit", $0.limit.map { .string($0.text) } ?? .null)]) })),
                    ])
                })),
            ])),
            ("deferrable", .object([
                ("materials", .int(deferrableMaterials)), ("items", .int(itemsWithDeferrable)), ("withLimit", .int(deferrableWithLimit)),
            ])),
            ("exempt", .object([
                ("materials", .int(exemptMaterials)), ("share", ratioJSON(exemptShare)),
                ("byReason", .object(exemptByReason.map { ($0.key, .int($0.count)) })),
            ])),
            ("commitment", .object([
                ("items", .int(commitmentItems)), ("share", ratioJSON(commitmentShare)),
                ("replacedMaterials", .int(commitmentReplacedMaterials)),
            ])),
            ("visits", .object([
                ("declared", .int(visitsDeclared)), ("byCount", .object(itemsByVisits.map { ($0.key, .int($0.count)) })),
                ("atMostOnce", part(atMostOnceItems, atMostOnceShare)), ("zero", part(zeroVisitItems, zeroVisitShare)),
            ])),
            ("online", .object([
                ("declared", .int(onlineDeclared)), ("accepted", part(acceptedOnlineItems, acceptedOnlineShare)),
                ("wholly", part(fullyOnlineItems, fullyOnlineShare)),
            ])),
        ]
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
    /// - `on_the_spot,,items|share`
    /// - `compression_by_type,<事项类型>,items|mean`
    /// - `no_statutory_limit,,items`
    /// - `special_procedures,,items|procedures` ·
    ///   `special_procedure,<事项编码>,name|procedures|kinds`, per item (kinds: `专家评审 15个工作日；检验`)
    /// - `deferrable,,materials|items|with_limit`
    /// - `exempt,,materials|share` · `exempt,<数据共享|电子证照|告知承诺>,materials`
    /// - `commitment,,items|share|replaced_materials`
    /// - `visits,,declared` · `visits,0|1|2|3,items` · `visits,,at_most_once|at_most_once_share|zero|zero_share`
    /// - `online,,declared|accepted|accepted_share|wholly|wholly_share`
    /// - only when an item has 情形: `scenarios,,…` and `scenario_item,<事项编码>,…` (``scenarioRows()``)
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
        row("on_the_spot", nil, "items", int(onTheSpotItems))
        row("on_the_spot", nil, "share", number(onTheSpotShare))
        for c in compressionByType {
            row("compression_by_type", c.type, "items", int(c.items))
            row("compression_by_type", c.type, "mean", number(c.mean))
        }
        row("no_statutory_limit", nil, "items", int(noStatutoryLimitItems))
        row("special_procedures", nil, "items", int(specialProcedures.count))
        row("special_procedures", nil, "procedures", int(specialProcedureCount))
        for p in specialProcedures {
            row("special_procedure", p.code, "name", .text(p.name))
            row("special_procedure", p.code, "procedures", int(p.procedures.count))
            row("special_procedure", p.code, "kinds", .text(p.summary(.zh)))
        }
        row("deferrable", nil, "materials", int(deferrableMaterials))
        row("deferrable", nil, "items", int(itemsWithDeferrable))
        row("deferrable", nil, "with_limit", int(deferrableWithLimit))
        row("exempt", nil, "materials", int(exemptMaterials))
        row("exempt", nil, "share", number(exemptShare))
        for r in exemptByReason { row("exempt", r.key, "materials", int(r.count)) }
        row("commitment", nil, "items", int(commitmentItems))
        row("commitment", nil, "share", number(commitmentShare))
        row("commitment", nil, "replaced_materials", int(commitmentReplacedMaterials))
        row("visits", nil, "declared", int(visitsDeclared))
        for v in itemsByVisits { row("visits", v.key, "items", int(v.count)) }
        row("visits", nil, "at_most_once", int(atMostOnceItems))
        row("visits", nil, "at_most_once_share", number(atMostOnceShare))
        row("visits", nil, "zero", int(zeroVisitItems))
        row("visits", nil, "zero_share", number(zeroVisitShare))
        row("online", nil, "declared", int(onlineDeclared))
        row("online", nil, "accepted", int(acceptedOnlineItems))
        row("online", nil, "accepted_share", number(acceptedOnlineShare))
        row("online", nil, "wholly", int(fullyOnlineItems))
        row("online", nil, "wholly_share", number(fullyOnlineShare))
        for (section, subject, measure, value) in scenarioRows() { row(section, subject, measure, value) }
        return rows.map { $0.map(\.field).joined(separator: ",") + "\r\n" }.joined()
    }
}
