import ArgumentParser
import Catalog
import Compiler
import Diagnostics
import Foundation
import Reports

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "比较目录的两个版本，逐项列出变更。 What changed between two catalogs, item by item.",
        usage: """
            zhinan diff OLD NEW [--format text|json] [--lang zh|en] [--internal]
            zhinan diff CATALOG --git REV1 REV2 [--format text|json] [--lang zh|en] [--internal]
            """,
        discussion: """
            Prints a change notice (新增事项 / 取消事项 / 变更事项, items in 事项编码 order), or \
            with --format json the same for machines. Only public elements are compared, so \
            the notice can be published as it is; --internal adds the internal ones (审查要点, \
            审批人员, 监督检查 …) for staff.

            With --git, the catalog folder is taken from two revisions of the git repository \
            it is in (git archive); the standards/ folder is taken from the same revisions \
            when it is in that repository, else the one in use now is used for both.

            Exit status: 0 whether or not anything changed; 1 when a catalog has an error \
            (its diagnostics are printed as zhinan check prints them, nothing else); 2 for a \
            usage error, a catalog folder that cannot be read, a folder outside a git \
            repository or a revision that does not exist.
            """
    )

    @Argument(help: "OLD and NEW catalog folders; or one catalog folder with --git.")
    var catalogs: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two git revisions of the catalog folder.", valueName: "REV1 REV2"))
    var git: [String] = []

    @Flag(name: .customLong("internal"), help: "Compare internal elements too (not for publishing).")
    var includeInternal = false

    @Option(help: "Output format: text (a change notice) or json.")
    var format: ReportFormat = .text

    @Option(help: "Message language: zh or en (default: from LANG, else zh).")
    var lang: Language?

    @OptionGroup var compile: CompileOptionGroup

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if git.isEmpty {
            guard catalogs.count == 2 else {
                throw ValidationError("Give two catalog folders, OLD and NEW, or one folder with --git REV1 REV2.")
            }
        } else {
            guard git.count == 2, catalogs.count == 1 else {
                throw ValidationError("--git takes two revisions after one catalog folder: zhinan diff CATALOG --git REV1 REV2.")
            }
        }
    }

    func run() throws {
        let language = Language.chosen(lang)
        let inputs: [ReportInput]
        var snapshot: GitSnapshot? = nil
        if git.isEmpty {
            inputs = catalogs.map { ReportInput(folder: $0, standards: compile.standards) }
        } else {
            do {
                snapshot = try GitSnapshot(catalog: catalogs[0], revisions: git, standards: compile.standards)
            } catch let error as GitSnapshot.Problem {
                emitError("zhinan: error: \(error.message[language])\n")
                throw Status.unusable
            }
            inputs = snapshot!.inputs
        }
        defer { snapshot?.remove() }

        let compiled = try ReportInput.compile(
            inputs, options: compile, language: language, json: format == .json)
        var (old, new) = (compiled[0], compiled[1])
        if !includeInternal {
            old = old.publicView()
            new = new.publicView()
        }
        let diff = CatalogDiff.compare(old, new)
        switch format {
        case .json: emit(diff.json())
        case .text: emit(diff.text(language: ReportLanguage(language)))
        }
    }
}

extension ReportLanguage {
    init(_ language: Language) {
        self = language == .en ? .en : .zh
    }
}

/// A catalog folder a report reads, with what to call it in diagnostics.
struct ReportInput {
    var folder: String
    /// `--standards`, or the folder chosen for a git revision.
    var standards: String?
    /// A prefix of the files' paths to show differently: the temporary folder a revision
    /// was extracted to is shown as `REV:`.
    var relabel: (from: String, to: String)? = nil

    /// Compiles the folders. When all compile without error, returns their catalogs and
    /// prints nothing: warnings are `zhinan check`'s business. Otherwise prints every
    /// diagnostic of all of them, as `check` does, and exits 1; an unreadable folder exits 2.
    static func compile(
        _ inputs: [ReportInput], options: CompileOptionGroup, language: Language, json: Bool
    ) throws -> [Catalog] {
        var catalogs: [Catalog] = []
        var diagnostics: [Diagnostic] = []
        var omitted = DiagnosticTally()
        var sources = SourceTexts()
        var fileCount = 0
        var unusable = false
        var seenProfiles = Set<String>()
        for input in inputs {
            let compiler = CatalogCompiler(options: CompileOptions(
                load: LoadOptions(maxFileSize: options.maxFileSize, jobs: options.workers),
                standards: StandardsLocator(explicit: input.standards), maxDiagnostics: options.maxDiagnostics))
            let result = compiler.compile(folder: input.folder)
            if let problem = result.unusable {
                emitError("zhinan: error: \(problem[language])\n")
                unusable = true
                continue
            }
            // Problems of profiles both catalogs share are reported once.
            for d in result.diagnostics {
                if let span = d.span, d.code.hasPrefix("ZN2") || span.file.contains("standards/") {
                    guard seenProfiles.insert("\(span.file):\(span.range.start):\(d.code)").inserted else { continue }
                }
                diagnostics.append(d)
            }
            omitted = omitted + result.omitted
            sources.merge(result.sources)
            fileCount += result.fileCount
            if let catalog = result.catalog { catalogs.append(catalog) }
        }
        if unusable { throw Status.unusable }
        guard diagnostics.hasErrors || omitted.errors > 0 || catalogs.count < inputs.count else { return catalogs }

        diagnostics = diagnostics.sortedForOutput()
        var report: String
        if json {
            report = JSONRenderer(language: language).render(diagnostics, omitted: omitted)
        } else {
            let color = isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            report = TextRenderer(language: language, useColor: color)
                .render(diagnostics, sources: sources, fileCount: fileCount, omitted: omitted)
        }
        for input in inputs {
            if let r = input.relabel { report = report.replacingOccurrences(of: r.from, with: r.to) }
        }
        emit(report)
        throw Status.problems
    }
}

/// Two revisions of a catalog folder, extracted with `git archive` into a temporary folder
/// that mirrors the repository's layout, so a `standards/` folder above the catalog is
/// found as it would be in a checkout.
struct GitSnapshot {
    struct Problem: Error {
        var message: LocalizedText
    }

    let root: URL
    let inputs: [ReportInput]

    init(catalog: String, revisions: [String], standards explicit: String?) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: catalog, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Problem(message: LocalizedText(zh: "找不到目录文件夹“\(catalog)”", en: "no catalog folder at \"\(catalog)\""))
        }
        let top = try Self.git(["rev-parse", "--show-toplevel"], in: catalog, else: LocalizedText(
            zh: "“\(catalog)”不在 git 仓库中，不能使用 --git；请改为给出两个目录文件夹",
            en: "\"\(catalog)\" is not in a git repository, so --git cannot be used; give two catalog folders instead"))
        let prefix = try Self.git(["rev-parse", "--show-prefix"], in: catalog, else: LocalizedText(
            zh: "无法确定“\(catalog)”在 git 仓库中的位置", en: "cannot tell where \"\(catalog)\" is in its git repository"))
        let catalogPath = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix

        // The standards: as given, else the folder the locator finds now; taken from each
        // revision when it lies inside the repository and exists there.
        let given = explicit ?? ProcessInfo.processInfo.environment["ZHINAN_STANDARDS"].flatMap { $0.isEmpty ? nil : $0 }
        let current = given ?? StandardsLocator().folder(for: catalog)
        var standardsInRepository: String? = nil
        if given == nil, let current {
            let absolute = URL(fileURLWithPath: current).resolvingSymlinksInPath().path
            let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
            if absolute.hasPrefix(topPath + "/") { standardsInRepository = String(absolute.dropFirst(topPath.count + 1)) }
        }
        let currentAbsolute = current.map { URL(fileURLWithPath: $0).standardizedFileURL.path }

        root = FileManager.default.temporaryDirectory.appendingPathComponent("zhinan-diff-\(UUID().uuidString)")
        var inputs: [ReportInput] = []
        do {
            for (index, revision) in revisions.enumerated() {
                _ = try Self.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top, else: LocalizedText(
                    zh: "git 仓库中没有修订“\(revision)”", en: "the git repository has no revision \"\(revision)\""))
                _ = try Self.git(["cat-file", "-e", "\(revision):\(catalogPath)"], in: top, else: LocalizedText(
                    zh: "修订 \(revision) 中没有目录文件夹“\(catalogPath.isEmpty ? "." : catalogPath)”",
                    en: "revision \(revision) has no catalog folder \"\(catalogPath.isEmpty ? "." : catalogPath)\""))
                var paths = catalogPath.isEmpty ? [] : [catalogPath]
                var standards = currentAbsolute
                if let s = standardsInRepository,
                   (try? Self.git(["cat-file", "-e", "\(revision):\(s)"], in: top, else: LocalizedText(zh: "", en: ""))) != nil {
                    if !paths.isEmpty { paths.append(s) }  // an empty list takes the whole tree
                    standards = root.appendingPathComponent("\(index + 1)/\(s)").path
                }
                let folder = root.appendingPathComponent("\(index + 1)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let tar = root.appendingPathComponent("\(index + 1).tar").path
                _ = try Self.git(["archive", "--format=tar", "-o", tar, revision, "--"] + paths, in: top, else: LocalizedText(
                    zh: "无法从修订 \(revision) 取出“\(catalogPath)”", en: "cannot extract \"\(catalogPath)\" from revision \(revision)"))
                _ = try Self.run("/usr/bin/env", ["tar", "-xf", tar, "-C", folder.path], in: nil, else: LocalizedText(
                    zh: "无法解开修订 \(revision) 的文件", en: "cannot unpack the files of revision \(revision)"))
                let catalogFolder = catalogPath.isEmpty ? folder.path : folder.appendingPathComponent(catalogPath).path
                inputs.append(ReportInput(
                    folder: catalogFolder, standards: standards, relabel: (from: folder.path + "/", to: revision + ":")))
            }
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw error
        }
        self.inputs = inputs
    }

    /// Deletes the extracted files.
    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs git in `folder`, returning its output without the final newline.
    private static func git(_ arguments: [String], in folder: String, else problem: LocalizedText) throws -> String {
        try run("/usr/bin/env", ["git", "-C", folder] + arguments, in: nil, else: problem)
    }

    private static func run(_ executable: String, _ arguments: [String], in folder: String?, else problem: LocalizedText) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Problem(message: problem) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Problem(message: problem) }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
