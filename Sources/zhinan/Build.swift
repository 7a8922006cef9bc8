import ArgumentParser
import Catalog
import Diagnostics
import Foundation
import Reports
@_spi(Benchmarks) import Generators
import Publishing

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查目录并生成办事指南网站和业务手册。 Validate a catalog, then write OUT/public and OUT/internal.",
        discussion: """
            Nothing is written when the catalog has an error. The new output replaces OUT \
            in one step, so a failed or killed build leaves the previous output whole. OUT \
            must be empty, absent, or an earlier zhinan output, unless --force; it is never \
            the catalog, theme or standards folder, nor holds one or lies inside one. \
            OUT/.zhinan-cache records what the output was made from: when nothing has \
            changed, build prints what the last build printed and leaves OUT as it is; \
            after a change, items whose inputs are unchanged keep their pages.
            """
    )

    @Argument(help: "The catalog folder.")
    var catalog: String

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String

    @Option(help: "Folder of templates and assets that replace the built-in ones by file name.")
    var theme: String?

    @Flag(help: "Replace OUT even when it holds files zhinan did not write.")
    var force = false

    @OptionGroup var report: OutputOptions
    @OptionGroup var compile: CompileOptionGroup

    func run() throws {
        let language = report.language
        let sources = OutputGuard.sources(catalog: catalog, standards: compile.standards, theme: self.theme)
        if let problem = OutputGuard.problem(output: output, sources: sources, language: language) {
            emitError("zhinan: error: \(problem)\n")
            throw Status.unusable
        }
        let theme = try loadTheme(language: language)
        let buildDate = try sourceDateEpoch(language: language)
        // Unchanged inputs: say again what the last build said, and leave OUT as it is.
        let cache = BuildCache(catalog: catalog, output: output, theme: theme, buildDate: buildDate, options: compile)
        if let (unchanged, summary) = cache.unchanged() {
            let result = CompileReport(folders: [catalog], options: compile, output: report, compile: { _ in unchanged })
            try result.exitIfProblems()
            SitePublisher(destination: output, force: force).clearLeftovers()
            emitError(wrote(items: summary.items, bundles: summary.bundles, pages: summary.pages, language))
            return
        }
        let result = CompileReport(folders: [catalog], options: compile, output: report, compile: cache.compile)
        try result.exitIfProblems()
        guard let compiled = result.catalogs.first ?? nil else { throw Status.problems }
        // What compiling freed goes back to the system before the pages are made.
        _ = malloc_trim(0)

        // Pages are written as they are made, items spread over --jobs threads.
        let pages: Int
        do {
            // ZHINAN_RENDERER=swift-mustache: every page through swift-mustache (Benchmarks/renderers.sh).
            let fast = ProcessInfo.processInfo.environment["ZHINAN_RENDERER"] != "swift-mustache"
            var generator = try SiteGenerator(
                catalog: compiled, theme: theme, exporters: [CatalogFilesExporter(), StatsPageExporter(language: ReportLanguage(language), buildDate: buildDate)],
                fastRendering: fast)
            generator.buildDate = buildDate
            pages = try cache.publish(generator, force: force, jobs: compile.workers)
        } catch let error as PublishError {
            emitError("zhinan: error: \(error.message(language))\n")
            throw Status.unusable
        } catch {
            emitError(language == .zh ? "zhinan: error: 生成页面失败：\(error)\n" : "zhinan: error: generating the pages failed: \(error)\n")
            throw Status.problems
        }
        leaveToExit(compiled)
        emitError(wrote(items: compiled.items.count, bundles: compiled.bundles.count, pages: pages, language))
    }

    private func wrote(items: Int, bundles: Int, pages: Int, _ language: Language) -> String {
        language == .zh
            ? "已生成 \(items) 个事项" + (bundles > 0 ? "和 \(bundles) 件“一件事”" : "") + "的 \(pages) 个页面：\(output)/public（公开）和 \(output)/internal（内部）\n"
            : "wrote \(pages) pages for \(items) items" + (bundles > 0 ? " and \(bundles) bundles" : "") + ": \(output)/public (public) and \(output)/internal (staff only)\n"
    }

    private func loadTheme(language: Language) throws -> Theme {
        switch ThemeFolder.load(theme) {
        case .success(let loaded): return loaded
        case .failure(let problem):
            emitError("zhinan: error: \(problem.text[language])\n")
            throw Status.unusable
        }
    }
}

/// glibc's malloc_trim, which Glibc's module does not expose.
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32

extension PublishError {
    /// What went wrong, for the command line.
    func message(_ language: Language) -> String {
        switch (self, language) {
        case (.foreignFolder(let path, let examples), .zh):
            return "输出文件夹“\(path)”中有不是 zhinan 生成的文件（如 \(examples.joined(separator: "、"))），未写入；确认可以整体替换时加 --force"
        case (.foreignFolder(let path, let examples), .en):
            return "the output folder \"\(path)\" holds files zhinan did not write (\(examples.joined(separator: ", "))); nothing was written; add --force to replace it all the same"
        case (.notAFolder(let path), .zh): return "“\(path)”已存在且不是文件夹"
        case (.notAFolder(let path), .en): return "\"\(path)\" exists and is not a folder"
        case (.io(let zh, _), .zh): return zh
        case (.io(_, let en), .en): return en
        case (.unsafePath(let path), _): return "unsafe output path \(path)"
        case (.otherKind(let path, let found, _), .zh):
            return "输出文件夹“\(path)”中是 zhinan 的\(found == .site ? "网站（zhinan build 生成）" : "国家交换表（zhinan export --format national 生成）")，不能用作这里的输出，未写入；请换一个文件夹，确认可以整体替换时加 --force"
        case (.otherKind(let path, let found, _), .en):
            return "the output folder \"\(path)\" holds zhinan's \(found == .site ? "site (made by zhinan build)" : "national exchange tables (made by zhinan export --format national)"), not this output; nothing was written; choose another folder, or add --force to replace it all the same"
        }
    }
}

/// A theme folder (`--theme`) read and checked.
enum ThemeFolder {
    struct Problem: Error {
        var text: LocalizedText
    }

    /// The built-in theme when `path` is nil, else the folder's files over it.
    static func load(_ path: String?) -> Result<Theme, Problem> {
        guard let path else { return .success(.standard) }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? fm.contentsOfDirectory(atPath: path)
        else {
            return .failure(Problem(text: LocalizedText(zh: "找不到主题文件夹“\(path)”", en: "no theme folder at \"\(path)\"")))
        }
        var overrides: [String: [UInt8]] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let data = fm.contents(atPath: path + "/" + name) else { continue }
            overrides[name] = [UInt8](data)
        }
        let loaded = Theme(overrides: overrides)
        do {
            try loaded.check()
        } catch let error as GeneratorError {
            return .failure(Problem(text: LocalizedText(zh: error.message(chinese: true), en: error.message(chinese: false))))
        } catch {
            return .failure(Problem(text: LocalizedText(zh: "\(error)", en: "\(error)")))
        }
        return .success(loaded)
    }
}

/// The day printed pages are dated, from SOURCE_DATE_EPOCH; none when it is unset or
/// empty (never the clock: the output stays byte-identical). A value that is not a
/// number of seconds is a usage error, as reproducible-builds.org asks.
func sourceDateEpoch(language: Language) throws -> BuildDate? {
    guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
    if let date = BuildDate(sourceDateEpoch: text) { return date }
    let shown = VisibleText.escaped(text)
    emitError(language == .zh
        ? "zhinan: error: 环境变量 SOURCE_DATE_EPOCH 的值“\(shown)”不是自 1970-01-01 起的秒数；请设为非负整数（如 git log -1 --format=%ct 的输出），或不设\n"
        : "zhinan: error: SOURCE_DATE_EPOCH \"\(shown)\" is not a number of seconds since 1970-01-01; set it to a non-negative integer (e.g. the output of git log -1 --format=%ct) or leave it unset\n")
    throw Status.unusable
}
