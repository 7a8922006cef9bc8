import ArgumentParser
import Catalog
import Diagnostics
import Exports
import Foundation
import Generators
import Publishing
import Reports

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查目录并导出为 JSON、XML、SQLite 或国家交换表。 Validate a catalog, then export it as JSON, XML, SQLite or the national exchange tables.",
        discussion: """
            Exports the public view (no 审批人员, 审查要点, 监督检查 or other internal element) \
            unless --internal. Diagnostics are printed as by check; when the catalog has an \
            error nothing is written and the exit status is 1. The file is written beside FILE \
            and renamed over it, so readers never see half of it. Exit status 2 when FILE \
            cannot be written, or lies inside the catalog or standards folder. The JSON is described by catalog.schema.json and the XML by \
            catalog.xsd, both written by zhinan build.

            --format national writes a folder (-o DIR): the national exchange tables \
            task_general_basic.csv, task_general_extend.csv, task_general_material.csv, \
            task_general_fee_project.csv and task_general_questions.csv (UTF-8 with a BOM, CRLF, \
            RFC 4180, national codes) and items/<实施编码>.json per item; always the public view. \
            The catalog must follow GB/T 39554.2-2020: without it, or when an item lacks a field \
            the tables require or a value has no national code, every problem is named, nothing \
            is written and the exit status is 1. DIR is replaced in one step, like build's OUT: \
            it must be empty, absent or an earlier zhinan output, unless --force. The columns' \
            sources: docs/national-export.md.
            """
    )

    @Argument(help: "The catalog folder.")
    var catalog: String

    @Option(help: "Export format: json, xml, sqlite or national.")
    var format: ExportFormat

    @Option(name: .shortAndLong, help: "The file to write; - writes to standard output (json and xml); a folder for --format national.")
    var output: String

    @Flag(help: "Export the full catalog, internal elements included: for staff systems only (not with national).")
    var `internal` = false

    @Flag(help: "With --format national: replace DIR even when it holds files zhinan did not write.")
    var force = false

    @Option(name: .customLong("diagnostics-format"), help: "Diagnostics format: text, json, sarif or github, as check's --format.")
    var diagnosticsFormat: DiagnosticFormat = .text

    @Option(help: "Message language: zh or en (default: from LANG, else zh).")
    var lang: Language?

    @OptionGroup var compile: CompileOptionGroup

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case json, xml, sqlite, national
    }

    func validate() throws {
        if format == .national && `internal` {
            throw ValidationError("--internal cannot be used with --format national: the national tables hold public data only")
        }
        if format != .national && force {
            throw ValidationError("--force is for --format national, which replaces a folder")
        }
    }

    func run() throws {
        let report = OutputOptions.given(format: diagnosticsFormat, lang: lang)
        let language = report.language
        let toStandardOutput = output == "-"
        if toStandardOutput && (format == .sqlite || format == .national) {
            emitError(language == .zh
                ? (format == .sqlite ? "zhinan: error: SQLite 数据库不能写到标准输出；请用 -o 给出文件名\n"
                    : "zhinan: error: 全国交换表是一个文件夹，不能写到标准输出；请用 -o 给出文件夹\n")
                : (format == .sqlite ? "zhinan: error: an SQLite database cannot be written to standard output; give a file with -o\n"
                    : "zhinan: error: the national exchange tables are a folder and cannot be written to standard output; give a folder with -o\n"))
            throw Status.unusable
        }
        let sources = OutputGuard.sources(catalog: catalog, standards: compile.standards)
        let problem = toStandardOutput ? nil : format == .national
            ? OutputGuard.problem(output: output, sources: sources, language: language)
            : OutputGuard.problem(exportFile: output, sources: sources, language: language)
        if let problem {
            emitError("zhinan: error: \(problem)\n")
            throw Status.unusable
        }
        // With -o -, standard output is the export's: diagnostics go to standard error.
        let result = CompileReport(folders: [catalog], options: compile, output: report, toStandardError: toStandardOutput)
        try result.exitIfProblems()
        guard let compiled = result.catalogs.first ?? nil else { throw Status.problems }

        if format == .national { return try exportNational(compiled, language: language) }
        let variant: ExportVariant = `internal` ? .internal : .public
        do {
            switch format {
            case .json, .xml:
                let bytes = try format == .json
                    ? CatalogJSON.encode(compiled, variant: variant) : CatalogXML.encode(compiled, variant: variant)
                if toStandardOutput {
                    // Encoded whole first: standard output gets all of the export or nothing.
                    FileHandle.standardOutput.write(Data(bytes))
                    return
                }
                try ExportFile.write(bytes, to: output)
            case .sqlite: try CatalogSQLite.write(compiled, variant: variant, to: output)
            case .national: break
            }
        } catch ExportError.io(let path, let message) {
            emitError(language == .zh
                ? "zhinan: error: 无法写入“\(path)”：\(message)；未导出\n"
                : "zhinan: error: cannot write \"\(path)\": \(message); nothing was exported\n")
            throw Status.unusable
        } catch {
            emitError(language == .zh
                ? "zhinan: error: 导出失败，未写入任何文件（这是 zhinan 的缺陷，请报告）：\(error)\n"
                : "zhinan: error: the export failed and nothing was written (a bug in zhinan; please report it): \(error)\n")
            throw Status.problems
        }
        let count = compiled.items.count
        emitError(language == .zh
            ? "已导出 \(count) 个事项（\(`internal` ? "含内部要素" : "公开版")）：\(output)\n"
            : "exported \(count) items (\(`internal` ? "internal elements included" : "public view")): \(output)\n")
    }
}

extension Export {
    /// `--format national`: the five tables and a JSON document per item, published into
    /// the folder `output` in one step (``SitePublisher``).
    private func exportNational(_ compiled: Catalog, language: Language) throws {
        let files: [NationalExport.File]
        do {
            files = try NationalExport.files(compiled)
        } catch let error as NationalExportError {
            emitError((language == .zh
                ? "zhinan: error: 目录不能导出为国家交换表，未写入任何文件：\n"
                : "zhinan: error: the catalog cannot be exported to the national exchange tables; nothing was written:\n")
                + error.message(chinese: language == .zh).split(separator: "\n").map { "  " + $0 + "\n" }.joined())
            throw Status.problems
        }
        do {
            try SitePublisher(destination: output, force: force, kind: .nationalTables).publish(files.map { PublishedFile(path: $0.path, contents: $0.contents) })
        } catch let error as PublishError {
            emitError("zhinan: error: \(error.message(language))\n")
            throw Status.unusable
        }
        let count = compiled.items.count
        emitError(language == .zh
            ? "已导出 \(count) 个事项到国家交换表（公开版）：\(output)\n"
            : "exported \(count) items to the national exchange tables (public view): \(output)\n")
        // The tables have no field for 情形: say what they carry instead.
        let withScenarios = compiled.items.filter(\.hasScenarios).map(\.code)
        if !withScenarios.isEmpty {
            let listed = withScenarios.prefix(5).joined(separator: language == .zh ? "、" : ", ") + (withScenarios.count > 5 ? "…" : "")
            emitError(language == .zh
                ? "注意：\(withScenarios.count) 个事项有情形（\(listed)），交换表没有情形的字段：只在部分情形需要的材料按其必要性导出，只在部分情形收取的费用与其他费用一同导出，时限、办件类型和到现场次数取事项本身的值（情形差异不导出）\n"
                : "note: \(withScenarios.count) items ask 情形 (\(listed)); the tables have no field for them: materials needed in some scenarios only are exported with their 必要性, fees some pay with the others, and limits, 办件类型 and 到现场次数 are the item's own (情形差异 are not exported)\n")
        }
    }
}

/// The catalog files `zhinan build` adds to its output: `public/catalog.json`,
/// `catalog.schema.json`, `catalog.xml` and `catalog.xsd` from the public view, and
/// `internal/catalog.json` from the full catalog. Made one at a time, so that only one of
/// the large ones is in memory at once (the public JSON and XML, made
/// together from one tree per item, are the two).
struct CatalogFilesExporter: SiteExporter {
    func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile] {
        var files: [OutputFile] = []
        try export(for: catalog, audience: audience) { files.append($0) }
        return files
    }

    func export(for catalog: Catalog, audience: Audience, into write: (OutputFile) throws -> Void) throws {
        switch audience {
        case .public:
            let (json, xml) = try CatalogJSONAndXML.encode(catalog, variant: .public)
            try write(OutputFile(path: "catalog.json", contents: json))
            try write(OutputFile(path: "catalog.schema.json", contents: CatalogJSON.schema()))
            try write(OutputFile(path: "catalog.xml", contents: xml))
            try write(OutputFile(path: "catalog.xsd", contents: CatalogXML.schema()))
        case .internal:
            try write(OutputFile(path: "catalog.json", contents: try CatalogJSON.encode(catalog, variant: .internal)))
        }
    }
}

/// `internal/stats.html`: the stats dashboard (`zhinan stats --format html`), for staff only;
/// the internal index links to it.
struct StatsPageExporter: SiteExporter {
    var language: ReportLanguage
    /// The day the printed page is dated; none without SOURCE_DATE_EPOCH.
    var buildDate: BuildDate? = nil

    func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile] {
        guard audience == .internal else { return [] }
        let html = StatsDashboard(
            stats: CatalogStats.compute(catalog), catalog: catalog, language: language, buildDate: buildDate?.description
        ).html()
        return [OutputFile(path: "stats.html", text: html)]
    }

    func indexLinks(for audience: Audience) -> [IndexLink] {
        audience == .internal ? [IndexLink(path: "stats.html", title: language == .zh ? "目录统计" : "Catalog figures")] : []
    }
}
