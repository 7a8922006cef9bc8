import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查目录，不写任何文件。 Validate catalogs; nothing is written.",
        discussion: """
            Exit status: 0 when no error was found, 1 when one was (or a warning, with \
            --fail-on warning), 2 for a usage error or a catalog folder that cannot be read.

            A comment `# zhinan-ignore: ZN602` on a finding's line, or alone on the line \
            above it, silences that code there; a suppression that silences nothing is \
            itself a warning (ZN313). Only warnings and notes can be silenced: an error \
            stays, and a suppression naming one is itself an error (ZN910).
            """
    )

    @Argument(help: "Catalog folders to check.")
    var catalogs: [String]

    @OptionGroup var output: OutputOptions
    @OptionGroup var compile: CompileOptionGroup

    func validate() throws {
        guard !catalogs.isEmpty else { throw ValidationError("Give at least one catalog folder.") }
    }

    func run() throws {
        let report = CompileReport(folders: catalogs, options: compile, output: output)
        leaveToExit(report)
        try report.exitIfProblems()
    }
}

/// Keeps `value` alive to the end of the process: freeing a large catalog object by object
/// just before exiting costs time and gains nothing.
func leaveToExit<T>(_ value: T) {
    _ = Unmanaged.passRetained(LeftToExit(value))
}

private final class LeftToExit<V> {
    let value: V
    init(_ value: V) { self.value = value }
}
