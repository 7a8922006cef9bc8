import Catalog
import Markup

/// The figures of ``CatalogStats`` as one self-contained HTML page with SVG bar charts
/// (`zhinan stats --format html`, and `internal/stats.html` from `zhinan build`). No
/// JavaScript; every chart has a `<title>`/`<desc>` and its figures in a table; all text
/// goes through the one escaper (Markup).
///
/// Each figure group is one small function returning a ``DashboardSection``; ``sections``
/// lists them in order, so a new figure of CatalogStats is one more function and one more
/// line there.
public struct StatsDashboard {
    public var stats: CatalogStats
    public var catalog: Catalog
    public var language: ReportLanguage
    /// The day the page is dated in print ("生成于 2026-12-02"), from `SOURCE_DATE_EPOCH`;
    /// nil prints no date (never the clock's).
    public var buildDate: String?

    public init(stats: CatalogStats, catalog: Catalog, language: ReportLanguage = .zh, buildDate: String? = nil) {
        self.stats = stats
        self.catalog = catalog
        self.language = language
        self.buildDate = buildDate
    }

    /// The page, ending with a newline.
    public func html() -> String {
        let title = w("《\(stats.catalogName)》统计", "Figures: \(stats.catalogName)")
        var out = "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light\">\n"
        out += "<title>\(esc(title))</title>\n<style>\n\(Self.css)</style>\n<style media=\"print\">\(printStyle(title))</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(esc(title))</h1>\n"
        out += "<p class=\"lead\">\(esc(w("事项总数：\(stats.itemCount) 项", "Items: \(stats.itemCount)")))</p>\n"
        for section in sections { out += section.html() }
        return out + "</main>\n</body>\n</html>\n"
    }

    /// The figure groups, in order.
    var sections: [DashboardSection] {
        [byType(), byWindowCategory(), limitsPerItem(), compression(), compressionByType(), immediate(), visitsAndOnline(),
         materialClasses(), materialsPerItem(), bundles(), scenarios()].compactMap { $0 }
    }

    /// The running header and footer of the printed page (`@page` margin boxes, in place of
    /// the browser's URL line): the title top left, the page number bottom right, and the
    /// ``buildDate`` bottom left when there is one.
    func printStyle(_ title: String) -> String {
        var css = "@page { @top-left { content: \"\(Markup.cssString(title))\"; font-size: 8pt; color: #333; }"
        css += " @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #333; }"
        if let buildDate {
            css += " @bottom-left { content: \"\(Markup.cssString(w("生成于 \(buildDate)", "Made on \(buildDate)")))\"; font-size: 8pt; color: #333; }"
        }
        return css + " }"
    }

    // MARK: Figure groups

    func byType() -> DashboardSection {
        countSection(id: "by-type", title: w("按事项类型", "Items by type (事项类型)"), counts: stats.itemsByType, color: .blue)
    }

    func byWindowCategory() -> DashboardSection {
        var s = countSection(
            id: "by-window", title: w("按窗口类别", "Items by window category (窗口类别)"),
            counts: stats.itemsByWindowCategory, color: .blue)
        s.notes.append(w(
            "在多个类别的窗口受理的事项，在每个类别各计一次（本目录有 \(stats.itemsInSeveralCategories) 项）；未指定受理地点的事项 \(stats.itemsWithoutWindow) 项。",
            "An item accepted at windows of several categories counts in each (\(stats.itemsInSeveralCategories) here); items without a window: \(stats.itemsWithoutWindow)."))
        return s
    }

    /// 法定 against 承诺 for each item whose limits compare, per unit, longest 法定 first;
    /// the others listed apart.
    func limitsPerItem() -> DashboardSection {
        var s = DashboardSection(id: "limits", title: w("各事项法定时限与承诺时限", "Statutory and promised limits per item"))
        var working: [(Item, Int, Int)] = [], calendar: [(Item, Int, Int)] = [], apart: [[String]] = []
        for item in catalog.items {
            let l = item.timeLimits
            if let days = CatalogStats.comparableDays(l) {
                if days.workingDays {
                    working.append((item, days.statutory, days.promised))
                } else {
                    calendar.append((item, days.statutory, days.promised))
                }
            } else {
                apart.append([item.code, item.name, l?.statutory.map(limit) ?? w("未填写", "none"), l?.promised.map(limit) ?? w("未填写", "none")])
            }
        }
        let statutoryWord = w("法定", "statutory"), promisedWord = w("承诺", "promised")
        for (rows, unitName, isWorking) in [(working, w("工作日", "working days"), true), (calendar, w("自然日", "calendar days"), false)] where !rows.isEmpty {
            let sorted = rows.sorted { ($0.1, $1.0.code) > ($1.1, $0.0.code) }
            s.figures.append(DashboardFigure(
                chart: BarChart(
                    title: w("法定与承诺时限（\(unitName)）", "Statutory and promised limits (\(unitName))"),
                    description: w("每个事项两条横条：上为法定时限，下为承诺时限，按法定时限从长到短排列。",
                                   "Two bars per item: statutory above, promised below, longest statutory limit first."),
                    rows: sorted.map { item, a, p in
                        BarChart.Row(label: "\(item.name) \(item.code)", bars: [
                            .init(Double(a), .gray, text: "\(statutoryWord) \(days(a, workingDays: isWorking, language))"),
                            .init(Double(p), .blue, text: "\(promisedWord) " + (p == 0 ? limit(.immediate) : days(p, workingDays: isWorking, language))),
                        ])
                    }),
                legend: [(.gray, statutoryWord), (.blue, promisedWord)]))
            s.tables.append(DataTable(
                caption: w("法定与承诺时限（\(unitName)）", "Statutory and promised limits (\(unitName))"),
                header: [w("事项编码", "Code"), w("事项名称", "Item"), statutoryWord, promisedWord, w("压缩", "Compression")],
                rows: sorted.map { item, a, p in
                    [item.code, item.name, days(a, workingDays: isWorking, language),
                     p == 0 ? limit(.immediate) : days(p, workingDays: isWorking, language), percent(Double(a - p) / Double(a))]
                }))
        }
        if !apart.isEmpty {
            s.tables.append(DataTable(
                caption: w("时限无法比较的事项（缺少时限、法定即办，或一个按工作日一个按自然日）",
                           "Items whose limits do not compare (missing, statutory 即办, or working against calendar days)"),
                header: [w("事项编码", "Code"), w("事项名称", "Item"), statutoryWord, promisedWord], rows: apart, open: true))
        }
        if s.tables.isEmpty { s.notes.append(w("无事项。", "No items.")) }
        return s
    }

    func compression() -> DashboardSection {
        var s = DashboardSection(id: "compression", title: w("时限压缩", "Compression of time limits"))
        var rows: [BarChart.Row] = [], table: [[String]] = []
        func add(_ label: String, _ value: Double?, _ basis: String) {
            table.append([label, value.map(percent) ?? w("无法计算", "n/a"), basis])
            guard let value else { return }
            rows.append(BarChart.Row(label: label, bars: [.init(max(0, value) * 100, .blue, text: percent(value))]))
        }
        add(w("平均压缩", "Mean compression"), stats.meanCompression, w("\(stats.compressionItems) 个可比较的事项", "\(stats.compressionItems) comparable items"))
        for (name, totals, working) in [(w("工作日合计", "Working days, totals"), stats.workingDays, true),
                                         (w("自然日合计", "Calendar days, totals"), stats.calendarDays, false)] {
            let (st, pr) = (days(totals.statutory, workingDays: working, language), days(totals.promised, workingDays: working, language))
            add(name, totals.compression, w("法定 \(st)，承诺 \(pr)（\(totals.items) 个事项）", "statutory \(st), promised \(pr) (\(totals.items) items)"))
        }
        if !rows.isEmpty {
            s.figures.append(DashboardFigure(chart: BarChart(
                title: w("承诺时限较法定时限的压缩", "Compression of promised against statutory limits"),
                description: w("横条长度为压缩比例，满格为 100%。", "Bar length is the compression; a full bar is 100%."),
                rows: rows, scale: 100)))
        }
        s.tables.append(DataTable(caption: w("时限压缩", "Compression"), header: [w("指标", "Figure"), w("压缩", "Compression"), w("依据", "Basis")], rows: table))
        return s
    }

    /// The mean compression of each 事项类型 (``CatalogStats/compressionByType``); a type
    /// with no comparable item has no bar and says so in the table.
    func compressionByType() -> DashboardSection? {
        guard !stats.compressionByType.isEmpty else { return nil }
        var s = DashboardSection(id: "compression-by-type", title: w("按事项类型的时限压缩", "Compression by type (事项类型)"))
        let none = w("无可比较的事项", "no comparable item")
        let rows = stats.compressionByType.compactMap { c in
            c.mean.map { BarChart.Row(label: c.type, bars: [.init(max(0, $0) * 100, .blue, text: percent($0))]) }
        }
        if !rows.isEmpty {
            s.figures.append(DashboardFigure(chart: BarChart(
                title: w("各事项类型的平均压缩", "Mean compression per type"),
                description: w("每个事项类型一条横条，长度为其可比较事项的平均压缩比例（承诺较法定），满格为 100%；",
                               "One bar per type: the mean compression (promised against statutory) of its comparable items; a full bar is 100%; ")
                    + stats.compressionByType.map { c in "\(c.type) \(c.mean.map(percent) ?? none)" }.joined(separator: w("；", "; ")),
                rows: rows, scale: 100)))
        }
        s.tables.append(DataTable(
            caption: w("按事项类型的时限压缩", "Compression by type"),
            header: [w("事项类型", "Type"), w("可比较的事项", "Comparable items"), w("平均压缩", "Mean compression")],
            rows: stats.compressionByType.map { [$0.type, String($0.items), $0.mean.map(percent) ?? none] },
            open: rows.isEmpty))
        return s
    }

    /// 最多跑一次, 零跑动, 网上可办 and 全程网办 (GB/T 39554.2-2020), each over the items that
    /// declare what it needs; none when no item declares 到现场次数 or 网上办理深度.
    func visitsAndOnline() -> DashboardSection? {
        guard stats.visitsDeclared > 0 || stats.onlineDeclared > 0 else { return nil }
        var s = DashboardSection(id: "visits", title: w("跑动与网办", "Visits and online service"))
        let na = w("无法计算", "n/a")
        let figures: [(String, Int, Int, Double?)] = [
            (w("最多跑一次（到现场次数 ≤ 1）", "At most one visit (最多跑一次)"), stats.atMostOnceItems, stats.visitsDeclared, stats.atMostOnceShare),
            (w("零跑动（到现场次数为 0）", "No visit (零跑动)"), stats.zeroVisitItems, stats.visitsDeclared, stats.zeroVisitShare),
            (w("网上可办（达到互联网受理）", "Accepted online (网上可办)"), stats.acceptedOnlineItems, stats.onlineDeclared, stats.acceptedOnlineShare),
            (w("全程网办（达到互联网办理且零跑动）", "Wholly online (全程网办)"), stats.fullyOnlineItems, stats.onlineDeclared, stats.fullyOnlineShare),
        ]
        let rows = figures.compactMap { label, part, whole, share in
            share.map { BarChart.Row(label: label, bars: [.init(
                [.init(value: $0 * 100, color: .green), .init(value: 100 - $0 * 100, color: .gray)],
                text: w("\(part)/\(whole) 项 \(percent($0))", "\(part)/\(whole) \(percent($0))"))]) }
        }
        if !rows.isEmpty {
            s.figures.append(DashboardFigure(
                chart: BarChart(
                    title: w("跑动与网办的占比", "Shares of visits and online service"),
                    description: w("每项指标一条横条，绿色为达到的事项所占比例，满格为 100%；",
                                   "One bar per figure, green for the share of items that reach it, a full bar is 100%; ")
                        + figures.map { "\($0.0) \($0.3.map(percent) ?? na)" }.joined(separator: w("；", "; ")),
                    rows: rows, scale: 100),
                legend: [(.green, w("达到", "reached")), (.gray, w("未达到", "not reached"))]))
        }
        s.notes.append(w(
            "最多跑一次、零跑动按申报到现场次数的 \(stats.visitsDeclared) 项计算；网上可办、全程网办按申报到现场次数或网上办理深度的 \(stats.onlineDeclared) 项计算；未填网上办理深度的事项不算网上可办。",
            "最多跑一次 and 零跑动 are over the \(stats.visitsDeclared) items declaring 到现场次数; 网上可办 and 全程网办 over the \(stats.onlineDeclared) declaring 到现场次数 or 网上办理深度; an item without 网上办理深度 is not online."))
        s.tables.append(DataTable(
            caption: w("跑动与网办", "Visits and online service"),
            header: [w("指标", "Figure"), w("事项", "Items"), w("基数", "Out of"), w("占比", "Share")],
            rows: figures.map { [$0.0, String($0.1), String($0.2), $0.3.map(percent) ?? na] }))
        let visitNames = w("0 次,1 次,2 次,多次", "0,1,2,3 or more").split(separator: ",").map(String.init)
        s.tables.append(DataTable(
            caption: w("按到现场次数", "Items by visits to the window (到现场次数)"),
            header: [w("到现场次数", "Visits"), w("项", "items")],
            rows: zip(visitNames, stats.itemsByVisits).map { [$0, String($1.count)] }))
        return s
    }

    func immediate() -> DashboardSection {
        var s = DashboardSection(id: "immediate", title: w("即办件", "Decided on the spot (即办件)"))
        let other = stats.itemCount - stats.immediateItems
        let share = stats.immediateShare.map(percent) ?? w("无法计算", "n/a")
        if stats.itemCount > 0 {
            s.figures.append(DashboardFigure(
                chart: BarChart(
                    title: w("即办件占比", "Share of 即办件"),
                    description: w("即办件 \(stats.immediateItems) 项，其他 \(other) 项，即办件占 \(share)。",
                                   "\(stats.immediateItems) 即办件, \(other) others: \(share)."),
                    rows: [BarChart.Row(label: w("全部事项", "All items"), bars: [.init([
                        .init(value: Double(stats.immediateItems), color: .green), .init(value: Double(other), color: .gray),
                    ], text: share)])]),
                legend: [(.green, w("即办件", "即办件")), (.gray, w("其他", "Others"))]))
        }
        s.tables.append(DataTable(caption: w("即办件", "即办件"), header: [w("即办件", "即办件"), w("其他", "Others"), w("占比", "Share")],
                                  rows: [[String(stats.immediateItems), String(other), share]]))
        return s
    }

    func materialClasses() -> DashboardSection {
        var s = DashboardSection(id: "materials", title: w("申请材料", "Materials"))
        let all = stats.materialsByClass + [stats.allMaterials]
        if stats.itemCount > 0 {
            s.figures.append(DashboardFigure(chart: BarChart(
                title: w("平均每个事项的材料数", "Materials per item, mean"),
                description: w("按材料类别，平均每个事项的材料项数。", "The mean number of material entries per item, by class."),
                rows: all.map { f in
                    BarChart.Row(label: CatalogStats.label(f.materialClass, language), bars: [
                        .init(f.mean ?? 0, Self.color(f.materialClass), text: decimal(f.mean ?? 0, places: 1, fixed: true)),
                    ])
                })))
        }
        s.tables.append(DataTable(
            caption: w("申请材料", "Materials"), header: [w("类别", "Class"), w("平均每个事项", "Mean per item"), w("最多", "Most"), w("合计", "Total")],
            rows: all.map { [CatalogStats.label($0.materialClass, language), decimal($0.mean ?? 0, places: 1, fixed: true), String($0.max), String($0.total)] }))
        s.notes.append(stats.shareableShare.map {
            w("可共享材料：\(stats.shareableMaterials) 项，占全部 \(stats.allMaterials.total) 项材料的 \(percent($0))。",
              "Shareable (可共享): \(stats.shareableMaterials) of \(stats.allMaterials.total) entries, \(percent($0)).")
        } ?? w("可共享材料：无材料。", "Shareable (可共享): no materials."))
        return s
    }

    /// Each item's materials by class, most first.
    func materialsPerItem() -> DashboardSection? {
        guard !catalog.items.isEmpty else { return nil }
        var s = DashboardSection(id: "materials-per-item", title: w("各事项的申请材料", "Materials per item"))
        let classes = CatalogStats.MaterialClass.allCases
        let counts = catalog.items.map { item in (item, classes.map { c in item.materials.count { CatalogStats.MaterialClass($0) == c } }) }
            .sorted { ($0.1.reduce(0, +), $1.0.code) > ($1.1.reduce(0, +), $0.0.code) }
        let names = classes.map { CatalogStats.shortLabel($0, language) }
        s.figures.append(DashboardFigure(
            chart: BarChart(
                title: w("各事项的申请材料（按类别）", "Materials per item, by class"),
                description: w("每个事项一条横条，按类别分段：\(names.joined(separator: "、"))；材料最多的事项在前。",
                               "One bar per item in segments by class: \(names.joined(separator: ", ")); most materials first."),
                rows: counts.map { item, n in
                    BarChart.Row(label: "\(item.name) \(item.code)", bars: [.init(
                        zip(classes, n).map { .init(value: Double($1), color: Self.color($0)) },
                        text: zip(names, n).filter { $1 > 0 }.map { "\($0) \($1)" }.joined(separator: " ").ifEmpty(w("无材料", "none")))])
                }),
            legend: zip(classes, names).map { (Self.color($0), $1) }))
        s.tables.append(DataTable(
            caption: w("各事项的申请材料", "Materials per item"),
            header: [w("事项编码", "Code"), w("事项名称", "Item")] + names + [w("合计", "Total")],
            rows: counts.map { item, n in [item.code, item.name] + n.map(String.init) + [String(n.reduce(0, +))] }))
        return s
    }

    func bundles() -> DashboardSection? {
        guard !stats.bundles.isEmpty else { return nil }
        var s = DashboardSection(id: "bundles", title: w("一件事", "Bundles (一件事)"))
        let before = w("逐项办理", "one by one"), after = w("一件事", "as a bundle")
        s.figures.append(pairs(
            title: w("一件事：合并前后的材料", "Bundles: materials before and after merging"),
            description: w("每件一件事两条横条：上为逐项办理要交的材料数，下为合并后的材料数。",
                           "Two bars per bundle: materials one by one above, after merging below."),
            rows: stats.bundles.map { b in
                ("\(b.name) \(b.code)",
                 (Double(b.materialsBefore), w("\(before) \(b.materialsBefore) 项", "\(before): \(b.materialsBefore)")),
                 (Double(b.materialsAfter), w("\(after) \(b.materialsAfter) 项", "\(after): \(b.materialsAfter)")))
            },
            legend: (before, after)))
        let timed = stats.bundles.filter { $0.daysSaved != nil }
        if !timed.isEmpty {
            s.figures.append(pairs(
                title: w("一件事：逐项办理与一件事承诺的时限", "Bundles: time one by one and promised"),
                description: w("每件一件事两条横条：上为逐项办理的时限之和，下为一件事的承诺时限。",
                               "Two bars per bundle: the members' limits one after another above, the bundle's promise below."),
                rows: timed.map { b in
                    ("\(b.name) \(b.code)", (Double(b.oneByOne!.days), "\(before) \(limit(b.oneByOne!))"),
                     (Double(b.promised!.days), "\(after) \(limit(b.promised!))"))
                },
                legend: (before, after)))
        }
        s.tables.append(DataTable(
            caption: w("一件事", "Bundles"),
            header: [w("编码", "Code"), w("名称", "Name"), w("方式", "Mode"), w("事项数", "Items"), w("材料（逐项）", "Materials one by one"),
                     w("材料（合并后）", "Materials merged"), w("逐项办理时限", "Time one by one"), w("承诺时限", "Promised"), w("节省", "Saved")],
            rows: stats.bundles.map { b in
                [b.code, b.name, b.mode.rawValue, String(b.members), String(b.materialsBefore), String(b.materialsAfter),
                 b.oneByOne.map(limit) ?? "—", b.promised.map(limit) ?? "—", b.saved.map(limit) ?? "—"]
            }))
        return s
    }

    /// 情形 (精准告知): each item's full list against its average personal list; none
    /// without 情形.
    func scenarios() -> DashboardSection? {
        guard !stats.scenarioItems.isEmpty, let full = stats.meanFullList, let personal = stats.meanPersonalList else { return nil }
        var s = DashboardSection(id: "scenarios", title: w("情形（精准告知）", "Scenarios (情形, 精准告知)"))
        func one(_ x: Double) -> String { decimal(x, places: 1, fixed: true) }
        let fullWord = w("全部材料", "full list"), meanWord = w("个人清单平均", "personal list, mean")
        s.figures.append(pairs(
            title: w("全部材料与个人清单平均", "Full list and average personal list"),
            description: w("每个使用情形的事项两条横条：上为全部材料项数，下为按情形只列适用材料时的平均项数。",
                           "Two bars per item with 情形: all its materials above, the average personal list below."),
            rows: stats.scenarioItems.map { f in
                ("\(f.name) \(f.code)", (Double(f.fullList), w("\(fullWord) \(f.fullList) 项", "\(fullWord): \(f.fullList)")),
                 (f.meanList, w("\(meanWord) \(one(f.meanList)) 项", "\(meanWord): \(one(f.meanList))")))
            },
            legend: (fullWord, meanWord)))
        let (largest, exact) = stats.largestPersonalList
        let reduction = stats.listReduction.map(percent) ?? w("无法计算", "n/a")
        s.notes.append(w(
            "使用情形的事项 \(stats.scenarioItems.count) 项，共 \(stats.scenarioCount) 种情形。精准告知使申请材料从平均 \(one(full)) 项减少到平均 \(one(personal)) 项（减少 \(reduction)）；个人清单最多 \(exact ? "" : "不超过 ")\(largest) 项。",
            "Items with 情形: \(stats.scenarioItems.count), \(stats.scenarioCount) scenarios. 精准告知 reduces the list from \(one(full)) to \(one(personal)) materials on average (\(reduction) fewer); a personal list has at most \(largest)\(exact ? "" : " (a bound)")."))
        s.notes.append(w(
            "情形为各问题选项的组合；平均值按每种情形同等权重计算；免提交材料计入；组合超过 \(ScenarioFigures.enumerationLimit) 种的一组问题不逐一计算，“最多”为上界。",
            "A scenario is a combination of options; the average weighs every scenario the same; 免提交 materials count; a group of questions with more than \(ScenarioFigures.enumerationLimit) combinations is not enumerated and its \"at most\" is a bound."))
        s.tables.append(DataTable(
            caption: w("各事项的情形与个人清单", "Scenarios and personal lists per item"),
            header: [w("事项编码", "Code"), w("事项名称", "Item"), w("问题", "Questions"), w("情形", "Scenarios"), fullWord,
                     meanWord, w("个人清单最多", "personal list, most")],
            rows: stats.scenarioItems.map { f in
                [f.code, f.name, String(f.questions), f.scenarios.description, String(f.fullList), one(f.meanList),
                 (f.largestIsExact ? "" : "≤ ") + String(f.largestList)]
            }))
        return s
    }

    // MARK: Helpers

    /// Two bars a row, gray (before, full) above and blue (after, less) below, with the legend.
    private func pairs(
        title: String, description: String, rows: [(String, (Double, String), (Double, String))], legend: (String, String)
    ) -> DashboardFigure {
        DashboardFigure(
            chart: BarChart(title: title, description: description, rows: rows.map { label, gray, blue in
                BarChart.Row(label: label, bars: [.init(gray.0, .gray, text: gray.1), .init(blue.0, .blue, text: blue.1)])
            }),
            legend: [(.gray, legend.0), (.blue, legend.1)])
    }

    /// Items per key as bars, with the table.
    private func countSection(id: String, title: String, counts: [CatalogStats.Count], color: BarColor) -> DashboardSection {
        var s = DashboardSection(id: id, title: title)
        let unit = w("项", "items")
        if !counts.isEmpty {
            s.figures.append(DashboardFigure(chart: BarChart(
                title: title, description: counts.map { "\($0.key) \($0.count)" }.joined(separator: w("；", "; ")),
                rows: counts.map { BarChart.Row(label: $0.key, bars: [.init(Double($0.count), color, text: w("\($0.count) 项", "\($0.count)"))]) })))
        } else {
            s.notes.append(w("无事项。", "No items."))
        }
        s.tables.append(DataTable(caption: title, header: [w("类别", "Category"), unit], rows: counts.map { [$0.key, String($0.count)] }))
        return s
    }

    static func color(_ c: CatalogStats.MaterialClass?) -> BarColor {
        switch c {
        case .required?: .blue
        case .conditional?: .orange
        case .deferrable?: .green
        case .optional?: .purple
        case nil: .gray
        }
    }

    private func limit(_ l: TimeLimit) -> String { l.text(language) }

    private func w(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// Print on A4 and phones: charts shrink with the page, never split; a heading stays
    /// with what follows it.
    static let css = """
        body { margin: 0; font: 16px/1.6 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 0.75rem 3rem; }
        h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.5rem 0; }
        h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1f5fa8; break-after: avoid; page-break-after: avoid; }
        section { break-before: auto; }
        figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: 600; margin-bottom: 0.25rem; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        .legend { list-style: none; padding: 0; margin: 0.25rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        .swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -0.15em; margin-right: 0.35em; border: 1px solid #1a1a1a; }
        .swatch svg { display: block; }
        details { margin: 0.5rem 0 1rem; }
        summary { cursor: pointer; color: #1f5fa8; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.95rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        td.n, td.k { white-space: nowrap; overflow-wrap: normal; }
        @media screen and (max-width: 640px) {
          table.cards, table.cards tbody, table.cards tr, table.cards td, table.cards caption { display: block; }
          table.cards thead { display: none; }
          table.cards tr { border: 1px solid #767676; margin: 0 0 0.5rem; }
          table.cards td { border: none; border-top: 1px solid #d0d0d0; text-align: left; white-space: normal; }
          table.cards tr > td:first-child { border-top: none; }
          table.cards td.k { overflow-wrap: normal; }
          table.cards td::before { content: attr(data-label) "："; color: #404040; }
        }
        p.note { color: #404040; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { font-size: 12pt; }
          main { max-width: none; padding: 0; }
          details > summary { display: none; }
          details:not([open]) { display: none; }
          .table-wrap { overflow: visible; }
          caption, thead { break-after: avoid; page-break-after: avoid; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          * { -webkit-print-color-adjust: exact; }
        }

        """
}

/// One figure group: a heading, its charts, its tables and notes.
struct DashboardSection {
    var id: String
    var title: String
    var figures: [DashboardFigure] = []
    var tables: [DataTable] = []
    var notes: [String] = []

    func html() -> String {
        var out = "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(esc(title))</h2>\n"
        for (i, f) in figures.enumerated() { out += f.html(id: "\(id)-c\(i + 1)") }
        for n in notes { out += "<p class=\"note\">\(esc(n))</p>\n" }
        for t in tables { out += t.html() }
        return out + "</section>\n"
    }
}

/// A chart (in as many parts as printing needs) and its legend.
struct DashboardFigure {
    var chart: BarChart
    var legend: [(BarColor, String)] = []

    func html(id: String) -> String {
        var legendHTML = ""
        if !legend.isEmpty {
            legendHTML = "<ul class=\"legend\">" + legend.map { color, text in
                "<li><span class=\"swatch\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"\(color.rawValue)\"/></svg></span>\(esc(text))</li>"
            }.joined() + "</ul>\n"
        }
        let parts = chart.svg(id: id)
        return parts.enumerated().map { i, svg in
            let part = parts.count == 1 ? "" : "（\(i + 1)/\(parts.count)）"
            return "<figure>\n<figcaption>\(esc(chart.title + part))</figcaption>\n\(svg)\n\(legendHTML)</figure>\n"
        }.joined()
    }
}

/// The figures of a chart as a table, in a `<details>` (open for a table that is the only
/// telling of its figures).
///
/// Numbers, codes and short values (即办, 未填写, 10个工作日) never break across lines
/// (class `n` or `k`); a table of four or more columns (class `cards`) shows each row as a
/// card of "label：value" lines on a phone, so its names keep the width they need.
struct DataTable {
    var caption: String
    var header: [String]
    var rows: [[String]]
    var open = false

    func html() -> String {
        let cards = header.count >= 4
        var out = "<details\(open ? " open" : "")>\n<summary>\(esc(caption))</summary>\n<div class=\"table-wrap\"><table\(cards ? " class=\"cards\"" : "")>\n"
        out += "<caption>\(esc(caption))</caption>\n<thead><tr>" + header.map { "<th scope=\"col\">\(esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { i, cell in
                let label = cards && i < header.count ? " data-label=\"\(esc(header[i]))\"" : ""
                return "<td\(Self.cellClass(cell).map { " class=\"\($0)\"" } ?? "")\(label)>\(esc(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</details>\n"
    }

    /// `n` for a number (right-aligned), `k` for a code or a short value, kept on one line.
    static func cellClass(_ cell: String) -> String? {
        if !cell.isEmpty && cell.allSatisfy({ "0123456789.%-".contains($0) }) { return "n" }
        let code = cell.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " }
        return !cell.isEmpty && (code || cell.count <= 8) ? "k" : nil
    }
}

extension CatalogStats {
    /// The class's short name for legends and table headers.
    static func shortLabel(_ c: MaterialClass, _ language: ReportLanguage) -> String {
        switch (c, language) {
        case (.required, .zh): "必要"
        case (.conditional, .zh): "条件"
        case (.deferrable, .zh): "容缺"
        case (.optional, .zh): "非必要"
        case (.required, .en): "required"
        case (.conditional, .en): "conditional"
        case (.deferrable, .en): "deferrable"
        case (.optional, .en): "optional"
        }
    }
}

extension String {
    fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
