import ArgumentParser
import Catalog
import Compiler
import Diagnostics
import Foundation

/// Options of the commands that compile catalogs.
struct CompileOptionGroup: ParsableArguments {
    @Option(help: "Folder of standard profiles (default: standards/ in or above the catalog, or $ZHINAN_STANDARDS).")
    var standards: String?

    @Option(help: "Largest file read, in bytes (default 10 MB).")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(help: "Files worked on at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "What makes the run fail (exit 1; build then writes nothing): error (the default), or warning for any warning too.")
    var failOn: FailLevel = .error

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive.") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive.") }
    }

    var compiler: CatalogCompiler {
        CatalogCompiler(options: CompileOptions(
            load: LoadOptions(maxFileSize: maxFileSize, jobs: jobs),
            standards: StandardsLocator(explicit: standards)))
    }
}

/// Compiles catalogs, prints every diagnostic of all of them in one sorted report, and
/// says how the run should exit.
struct CompileReport {
    var catalogs: [Catalog?] = []
    var diagnostics: [Diagnostic] = []
    var unusable = false
    var failOn: FailLevel = .error

    init(
        folders: [String], options: CompileOptionGroup, output: OutputOptions,
        compile: ((String) -> CompilationResult)? = nil
    ) {
        let language = output.language
        failOn = options.failOn
        var sources = SourceTexts()
        var fileCount = 0
        var seenProfiles = Set<String>()
        for folder in folders {
            let result = compile?(folder) ?? options.compiler.compile(folder: folder)
            if let problem = result.unusable {
                emitError("zhinan: error: \(VisibleText.escaped(problem[language]))\n")
                unusable = true
                catalogs.append(nil)
                continue
            }
            catalogs.append(result.catalog)
            // Problems of profiles shared by several catalogs are reported once.
            for d in result.diagnostics {
                guard let span = d.span, d.code.hasPrefix("ZN2") || span.file.contains("standards/") else {
                    diagnostics.append(d)
                    continue
                }
                if seenProfiles.insert("\(span.file):\(span.range.start):\(d.code)").inserted { diagnostics.append(d) }
            }
            sources.merge(result.sources)
            fileCount += result.fileCount
        }
        diagnostics = diagnostics.sortedForOutput()
        switch output.format {
        case .text:
            let color = isatty(STDOUT_FILENO) == 1
                && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            emit(TextRenderer(language: language, useColor: color)
                .render(diagnostics, sources: sources, fileCount: fileCount))
        case .json:
            emit(JSONRenderer(language: language).render(diagnostics))
        case .sarif:
            emit(SARIFRenderer(
                language: language, registry: .zhinan, toolVersion: Zhinan.configuration.version,
                sourceRoot: FileManager.default.currentDirectoryPath).render(diagnostics))
        case .github:
            emit(GitHubRenderer(language: language, registry: .zhinan, sourceRoot: FileManager.default.currentDirectoryPath)
                .render(diagnostics, fileCount: fileCount))
        }
    }

    /// Throws the exit status the run ends with when it is not 0.
    func exitIfProblems() throws {
        if unusable { throw Status.unusable }
        if diagnostics.hasErrors { throw Status.problems }
        if failOn == .warning, diagnostics.contains(where: { $0.severity >= .warning }) { throw Status.problems }
    }
}
