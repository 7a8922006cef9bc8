import ArgumentParser
import Catalog
import Compiler
import Diagnostics
import Foundation

/// Options of the commands that compile catalogs.
struct CompileOptionGroup: ParsableArguments {
    @Option(help: "Folder of standard profiles (default: standards/ in or above the catalog, or $ZHINAN_STANDARDS).")
    var standards: String?

    @Option(help: "Largest file read, in bytes.")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(help: ArgumentHelp("Files worked on at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    /// `--jobs`, else the number of cores. (No default value in the declaration: the
    /// parser would print it after the help, which already says it.)
    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: "What makes the run fail (exit 1; build then writes nothing): error, or warning for any warning too.")
    var failOn: FailLevel = .error

    @Option(help: "Most diagnostics printed, the first in output order; 0 prints all. Those left out still count: the exit status is the same, and the summary says how many were not shown. A file reports at most 100 of one code, then how many more.")
    var maxDiagnostics: Int = 1000

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive.") }
        guard workers > 0 else { throw ValidationError("--jobs must be positive.") }
        guard maxDiagnostics >= 0 else { throw ValidationError("--max-diagnostics must be 0 (all) or more.") }
    }

    var compiler: CatalogCompiler {
        CatalogCompiler(options: CompileOptions(
            load: LoadOptions(maxFileSize: maxFileSize, jobs: workers),
            standards: StandardsLocator(explicit: standards), maxDiagnostics: maxDiagnostics))
    }
}

/// Compiles catalogs, prints the diagnostics of all of them in one sorted report (the
/// first `--max-diagnostics`), and says how the run should exit.
struct CompileReport {
    var catalogs: [Catalog?] = []
    /// The diagnostics printed, in output order.
    var diagnostics: [Diagnostic] = []
    /// Those found and not printed, counted: they decide the exit status all the same.
    var omitted = DiagnosticTally()
    var unusable = false
    var failOn: FailLevel = .error

    init(
        folders: [String], options: CompileOptionGroup, output: OutputOptions,
        compile: ((String) -> CompilationResult)? = nil, toStandardError: Bool = false
    ) {
        let language = output.language
        failOn = options.failOn
        var sources = SourceTexts()
        var fileCount = 0
        var seenProfiles = Set<String>()
        var selection = DiagnosticSelection(limit: options.maxDiagnostics)
        for folder in folders {
            let result = compile?(folder) ?? options.compiler.compile(folder: folder)
            if let problem = result.unusable {
                emitError("zhinan: error: \(VisibleText.escaped(problem[language]))\n")
                unusable = true
                catalogs.append(nil)
                continue
            }
            // A folder without catalog.yaml is not a catalog: a folder that cannot be used
            // (exit 2, as README and DESIGN.md say), reported as ZN309 all the same.
            if result.diagnostics.contains(where: { $0.code == CompilerCodes.catalogFileMissing.id }) { unusable = true }
            catalogs.append(result.catalog)
            // Problems of profiles shared by several catalogs are reported once.
            for d in result.diagnostics {
                guard let span = d.span, d.code.hasPrefix("ZN2") || span.file.contains("standards/") else {
                    selection.add(d)
                    continue
                }
                if seenProfiles.insert("\(span.file):\(span.range.start):\(d.code)").inserted { selection.add(d) }
            }
            selection.add(omitted: result.omitted)
            sources.merge(result.sources)
            fileCount += result.fileCount
        }
        diagnostics = selection.shown
        omitted = selection.omitted
        writeDiagnostics(diagnostics, sources: sources, fileCount: fileCount, omitted: omitted, output: output, toStandardError: toStandardError)
    }

    /// Throws the exit status the run ends with when it is not 0. Diagnostics left out of
    /// the report count as those printed do.
    func exitIfProblems() throws {
        if unusable { throw Status.unusable }
        let found = DiagnosticTally(diagnostics) + omitted
        if found.errors > 0 { throw Status.problems }
        if failOn == .warning, found.warnings > 0 { throw Status.problems }
    }
}

/// Prints `shown` in the format `output` names (text, json, sarif, github), with the same
/// renderers for every command (check, build, export, import); `omitted` counts those left
/// out, `fileCount` the files read, `sources` their texts (for the text format's excerpts).
func writeDiagnostics(
    _ shown: [Diagnostic], sources: SourceTexts, fileCount: Int, omitted: DiagnosticTally, output: OutputOptions, toStandardError: Bool
) {
    let language = output.language
    emitInPieces(toStandardError: toStandardError) { write in
        switch output.format {
        case .text:
            let color = isatty(toStandardError ? STDERR_FILENO : STDOUT_FILENO) == 1
                && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            TextRenderer(language: language, useColor: color)
                .write(shown, sources: sources, fileCount: fileCount, omitted: omitted, to: write)
        case .json:
            JSONRenderer(language: language).write(shown, omitted: omitted, to: write)
        case .sarif:
            let here = FileManager.default.currentDirectoryPath
            SARIFRenderer(
                language: language, registry: .zhinan, toolVersion: Zhinan.configuration.version,
                sourceRoot: output.sarifRootFolder(workingDirectory: here), workingDirectory: here
            ).write(shown, omitted: omitted, to: write)
        case .github:
            GitHubRenderer(language: language, registry: .zhinan, sourceRoot: FileManager.default.currentDirectoryPath)
                .write(shown, fileCount: fileCount, omitted: omitted, to: write)
        }
    }
}
