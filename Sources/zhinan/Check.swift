import ArgumentParser
import Compiler
import Diagnostics
import Foundation
import Standards
import YAMLSyntax

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查目录，不写任何文件。 Validate catalogs; nothing is written.",
        discussion: """
            Exit status: 0 when no error was found, 1 when one was (or a warning, with \
            --fail-on warning), 2 for a usage error or a catalog folder that cannot be read.
            """
    )

    @Argument(help: "Catalog folders to check.")
    var catalogs: [String]

    @OptionGroup var output: OutputOptions

    @Option(help: "Largest file read, in bytes (default 10 MB).")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(help: "Files parsed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard !catalogs.isEmpty else { throw ValidationError("Give at least one catalog folder.") }
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive.") }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive.") }
    }

    @Option(help: "Folder of standard profiles (default: standards/ in or above the catalog, or $ZHINAN_STANDARDS).")
    var standards: String?

    func run() throws {
        let language = output.language
        var unusable = false
        var diagnostics: [Diagnostic] = []
        var sources = SourceTexts()
        var fileCount = 0
        let compiler = CatalogCompiler(options: CompileOptions(
            load: LoadOptions(maxFileSize: maxFileSize, jobs: jobs),
            standards: StandardsLocator(explicit: standards)))
        var seenProfiles = Set<String>()
        for folder in catalogs {
            let result = compiler.compile(folder: folder)
            if let problem = result.unusable {
                emitError("zhinan: error: \(problem[language])\n")
                unusable = true
                continue
            }
            // Profiles shared by several catalogs are reported once.
            for d in result.diagnostics {
                guard let file = d.span?.file, d.code.hasPrefix("ZN2") || file.contains("standards/") else {
                    diagnostics.append(d)
                    continue
                }
                if seenProfiles.insert("\(file):\(d.span!.range.start):\(d.code)").inserted { diagnostics.append(d) }
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
        }
        if unusable { throw Status.unusable }
        if diagnostics.hasErrors { throw Status.problems }
    }
}
