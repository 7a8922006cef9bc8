import ArgumentParser
import Compiler
import Diagnostics
import Foundation
import Standards
import YAMLSyntax

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "输出事项文件格式的 JSON Schema，供编辑器使用。 Print the JSON Schema of the item format, for editors.",
        discussion: """
            By default the schema covers every profile in the standards folder; a catalog \
            folder limits it to the standards its catalog.yaml follows (标准), --standard to \
            the ones named. For the YAML language server, write the schema to a file and put \
            `# yaml-language-server: $schema=<path or URL of the file>` at the top of an item \
            file, or map it to items/**/*.yaml in the editor's yaml.schemas setting.
            With --markdown, the same choice of profiles gives the generated format reference \
            (docs/reference.md in the repository is `zhinan schema --markdown`).
            Exit status: 0 when the schema was written, 1 when the profiles or catalog.yaml \
            have errors, 2 for a usage error or a folder that cannot be read.
            """
    )

    @Argument(help: "A catalog folder whose catalog.yaml names the standards to follow.")
    var catalog: String?

    @Option(name: .customLong("standard"), help: ArgumentHelp("A standard's id, e.g. \"DB44/T 1147-2013\" (repeatable).", valueName: "ID"))
    var standardIDs: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the schema to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Print the format reference of docs/reference.md instead (Markdown: the field tables and every profile's elements).")
    var markdown = false

    @OptionGroup var profiles: ProfileOptions

    func validate() throws {
        if catalog != nil && !standardIDs.isEmpty {
            throw ValidationError("Give a catalog folder or --standard, not both.")
        }
    }

    func run() throws {
        let language = profiles.language
        let (profile, _) = try profiles.load(catalog: catalog, ids: standardIDs)
        let json = markdown ? ReferenceMarkdown.render(profiles: profile.profiles) : ItemSchema.json(for: profile)
        guard let output else {
            emit(json)
            return
        }
        if let empty = OutputGuard.emptyPath(output, language) {
            emitError("zhinan: error: \(empty)\n")
            throw Status.unusable
        }
        do {
            try Data(json.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            emitError(language == .zh
                ? "zhinan: error: 无法写入“\(output)”：\(error.localizedDescription)\n"
                : "zhinan: error: cannot write \"\(output)\": \(error.localizedDescription)\n")
            throw Status.problems
        }
    }
}

/// Choosing the profiles: where the standards folder is, which of its profiles, and the
/// language to speak. Shared by `schema` and `new item`.
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("standards"), help: ArgumentHelp(
        "The standards folder (default: $ZHINAN_STANDARDS, else a standards/ folder above the catalog or the executable).",
        valueName: "DIR"))
    var standardsFolder: String?

    @Option(help: "Message language: zh or en (default: from LANG, else zh).")
    var lang: Language?

    /// The language to speak: `--lang`, else `LANG`, else Chinese.
    var language: Language { Language.chosen(lang) }

    private func fail(_ text: LocalizedText, _ status: ExitCode) -> ExitCode {
        emitError("zhinan: error: \(text[language])\n")
        return status
    }

    private func report(_ diagnostics: [Diagnostic], files: [(String, String)]) {
        var sources = SourceTexts()
        for (path, text) in files { sources.add(file: path, text: text) }
        let renderer = TextRenderer(language: language)
        emitError(diagnostics.sortedForOutput().map { renderer.render($0, sources: sources) }.joined())
    }

    /// The effective profile of `catalog`'s 标准 when a catalog is given, else of `ids`,
    /// else of every profile found; and what catalog.yaml says, when it was read. Reports
    /// and throws the exit status on failure.
    func load(catalog: String?, ids: [String], from start: String? = nil) throws -> (EffectiveProfile, CatalogOutline?) {
        var header: CatalogOutline? = nil
        if let catalog {
            if let problem = SourceLoader.folderProblem(catalog) { throw fail(problem, Status.unusable) }
            let path = catalog.hasSuffix("/") ? catalog + "catalog.yaml" : catalog + "/catalog.yaml"
            let file = SourceLoader().read(path: path, relativePath: "catalog.yaml")
            if !FileManager.default.fileExists(atPath: path) {
                throw fail(LocalizedText(zh: "“\(catalog)”中没有 catalog.yaml", en: "there is no catalog.yaml in \"\(catalog)\""),
                           Status.unusable)
            }
            if file.diagnostics.hasErrors || file.root == nil {
                report(file.diagnostics, files: [(file.path, file.text)])
                throw Status.problems
            }
            header = CatalogOutline(root: file.root!)
            guard let standards = header?.standards, !standards.isEmpty else {
                throw fail(LocalizedText(zh: "\(path) 没有写“标准”（遵循的标准编号）",
                                         en: "\(path) does not say which standards it follows (标准)"), Status.problems)
            }
        }
        let locator = StandardsLocator(explicit: standardsFolder)
        guard let folder = locator.folder(for: catalog ?? start ?? FileManager.default.currentDirectoryPath) else {
            throw fail(LocalizedText(zh: "找不到 standards/ 文件夹；用 --standards 指定", en: "no standards/ folder found; give one with --standards"),
                       Status.unusable)
        }
        if let problem = SourceLoader.folderProblem(folder) {
            throw fail(LocalizedText(zh: "标准文件夹不可用：\(problem.zh)", en: "the standards folder is unusable: \(problem.en)"), Status.unusable)
        }
        let (library, files, diagnostics) = StandardsLocator.load(folder: folder, loader: SourceLoader())
        if diagnostics.hasErrors {
            report(diagnostics, files: files.map { ($0.path, $0.text) })
            throw Status.problems
        }
        let chosen = header?.standards ?? (ids.isEmpty ? library.profiles.keys.sorted() : ids)
        if chosen.isEmpty {
            throw fail(LocalizedText(zh: "\(folder) 中没有标准配置", en: "\(folder) holds no profiles"), Status.unusable)
        }
        switch library.resolve(chosen) {
        case .success(let profile):
            return (profile, header)
        case .failure(let error):
            // An id given on the command line is a usage error; one in catalog.yaml is an
            // error in the catalog.
            let status = header == nil ? Status.unusable : Status.problems
            switch error {
            case .unknown(let id, let suggestion, let from):
                let known = library.profiles.keys.sorted().joined(separator: ", ")
                let hintZh = suggestion.map { "，是否想写“\($0)”？" } ?? "；可用的标准：\(known)"
                let hintEn = suggestion.map { "; did you mean \"\($0)\"?" } ?? "; the standards are: \(known)"
                let whereZh = from.map { "（由 \($0) 继承）" } ?? ""
                let whereEn = from.map { " (inherited by \($0))" } ?? ""
                throw fail(LocalizedText(zh: "\(folder) 中没有标准“\(id)”\(whereZh)\(hintZh)",
                                         en: "there is no standard \"\(id)\" in \(folder)\(whereEn)\(hintEn)"), status)
            case .cycle(let chain):
                throw fail(LocalizedText(zh: "标准的继承成环：\(chain.joined(separator: " → "))",
                                         en: "the standards inherit in a cycle: \(chain.joined(separator: " → "))"), Status.problems)
            case .conflict(let key, let first, let second):
                throw fail(LocalizedText(zh: "标准 \(first) 与 \(second) 给要素“\(key)”规定了不同的类型",
                                         en: "the standards \(first) and \(second) give the element \"\(key)\" different types"), Status.problems)
            }
        }
    }
}
