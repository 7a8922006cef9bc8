import ArgumentParser
import Diagnostics
import Foundation
import Generators
import Reports

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "统计服务中心报送的目录数据。 The figures a service centre reports about a catalog.",
        discussion: """
            Items by 事项类型 and 窗口类别, compression of 承诺 against 法定, the share of 即办件, \
            materials per item (必要, 条件, 容缺后补, 非必要, all) and the share that is 可共享, \
            items over the 内控线, 一件事 savings; then 当场办结, compression per 事项类型, items with \
            法定: 无 (counted apart, left out of compression), 特别程序 per item, 容缺后补, 免提交 by \
            reason, 告知承诺, and (GB/T 39554.2-2020) 到现场次数 with the 最多跑一次 and 零跑动 shares \
            over the items that declare it, 网上可办 (depth reaches 互联网受理) and 全程网办 (互联网办理 \
            and 0 visits) over the items that declare 到现场次数 or 网上办理深度; a share over no \
            item is n/a; with 情形, per item and overall the number of scenarios, the full \
            material list and the average (every scenario weighing the same) and largest personal \
            list ("精准告知 reduces the list from N to M on average"). Text for people; JSON and CSV for machines \
            (the JSON's keys are documented in the Reports library, CatalogStats.json()); HTML \
            for people too: one self-contained page with SVG bar charts (no JavaScript), each \
            chart's figures also in a table (zhinan build writes the same page as \
            internal/stats.html). Printed, the page carries its title and page numbers, and \
            the UTC day of SOURCE_DATE_EPOCH when it is set ("生成于 2026-12-02"; never the clock).

            CSV is one long table with a header row, section,subject,measure,value, and one \
            figure a row: catalog,,name|items; items_by_type,<事项类型>,items; \
            items_by_window_category,<窗口类别>,items (and ,,in_several ,,without_window); \
            compression,,items|mean and compression,working_days|calendar_days,\
            items|statutory|promised|compression; immediate,,items|share; \
            materials,required|conditional|deferrable|optional|all,total|mean|max (and \
            ,,shareable ,,shareable_share); internal_control_line,,line|items_over; \
            over_internal_control_line,<事项编码>,name|statutory|promised|share; \
            bundles,,count|materials_saved; bundle,<编码>,name|mode|members|materials_before|\
            materials_after|materials_saved|promised|one_by_one|days_saved; on_the_spot,,items|share; \
            compression_by_type,<事项类型>,items|mean; no_statutory_limit,,items; \
            special_procedures,,items|procedures; special_procedure,<事项编码>,name|procedures|kinds; \
            deferrable,,materials|items|with_limit; exempt,,materials|share and \
            exempt,<免提交 reason>,materials; commitment,,items|share|replaced_materials; \
            visits,,declared, visits,0|1|2|3,items and visits,,at_most_once|at_most_once_share|\
            zero|zero_share; online,,declared|accepted|accepted_share|wholly|wholly_share; and, only when \
            an item has 情形, scenarios,,items|scenarios|full_list_mean|personal_list_mean|reduction|\
            largest_list|largest_exact and scenario_item,<事项编码>,name|questions|scenarios|full_list|\
            personal_list_mean|largest_list|largest_exact. A value that cannot \
            be computed is empty. Catalog text a spreadsheet would take for a formula \
            (=, +, -, @, tab, CR first) is written with ' in front.

            Exit status: 0 when the catalog compiles without error; 1 when it has an error (its \
            diagnostics are printed as zhinan check prints them, JSON with --format json); 2 for \
            a usage error or a catalog folder that cannot be read.
            """
    )

    @Argument(help: "The catalog folder.")
    var catalog: String

    @Option(help: "Report format: text, json, csv or html.")
    var format: StatsFormat = .text

    @Option(help: "Report language: zh or en (default: from LANG, else zh).")
    var lang: Language?

    @OptionGroup var compile: CompileOptionGroup

    func run() throws {
        let language = try OutputOptions.parse(lang.map { ["--lang", $0.rawValue] } ?? []).language
        // The page's print footer is dated from SOURCE_DATE_EPOCH, as build's pages are.
        let buildDate = format == .html ? try sourceDateEpoch(language: language) : nil
        let compiled = try ReportInput.compile(
            [ReportInput(folder: catalog, standards: compile.standards)], options: compile,
            language: language, json: format == .json)
        let stats = CatalogStats.compute(compiled[0])
        switch format {
        case .text: emit(stats.text(language: ReportLanguage(language)))
        case .json: emit(stats.json())
        case .csv: emit(stats.csv())
        case .html:
            emit(StatsDashboard(stats: stats, catalog: compiled[0], language: ReportLanguage(language), buildDate: buildDate?.description).html())
        }
    }
}

enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, html
}
