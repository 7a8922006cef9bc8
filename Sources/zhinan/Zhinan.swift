import ArgumentParser
import Diagnostics
import Foundation

/// The `zhinan` command: compiles service guides and business manuals.
@main
struct Zhinan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhinan",
        abstract: "编译、检查并发布政务服务事项的办事指南与业务手册。 Compile, check and publish service guides and business manuals.",
        version: "0.1.0",
        subcommands: [
            Check.self, Build.self, Export.self, Explain.self, Schema.self, New.self, Fix.self, Diff.self, Stats.self,
            Serve.self, ImportCommand.self,
        ]
    )

    /// Runs the command with DESIGN.md's exit statuses: a usage error exits 2, not
    /// argument-parser's 64.
    ///
    /// A file-size limit (`ulimit -f`) would kill the process with SIGXFSZ halfway through a
    /// write, leaving a partial staging folder or temporary file; ignored, the write fails
    /// with EFBIG and is reported like a full disk (exit 2, nothing left behind).
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                FileHandle.standardError.write(Data("用法见 zhinan --help / see zhinan --help\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension Language {
    /// The language to speak: `flag` (`--lang`) when given, else English when `LC_ALL` (or,
    /// when it is unset or empty, `LANG`) starts with `en`, else Chinese.
    static func chosen(_ flag: Language?) -> Language {
        if let flag { return flag }
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        return locale.hasPrefix("en") ? .en : .zh
    }
}

/// Options every command that prints diagnostics shares.
struct OutputOptions: ParsableArguments {
    @Option(help: "Diagnostics format: text, json, sarif (SARIF 2.1.0, for code scanning) or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    @Option(help: "Message language: zh or en (default: from LANG, else zh).")
    var lang: Language?

    @Option(help: ArgumentHelp("With --format sarif: the folder file URIs are relative to (%SRCROOT%; default: the git top level of the current folder, else the current folder).", valueName: "dir"))
    var sarifRoot: String?

    func validate() throws {
        var isFolder: ObjCBool = false
        if let sarifRoot, !(FileManager.default.fileExists(atPath: sarifRoot, isDirectory: &isFolder) && isFolder.boolValue) {
            throw ValidationError("--sarif-root: no folder at \(sarifRoot).")
        }
    }

    /// The language to speak: `--lang`, else `LANG`, else Chinese.
    var language: Language { Language.chosen(lang) }

    /// The absolute folder SARIF URIs are relative to: `--sarif-root`, else the nearest
    /// folder at or above `workingDirectory` that holds `.git` (a folder, or the file of a
    /// worktree), else `workingDirectory`.
    func sarifRootFolder(workingDirectory: String) -> String {
        if let sarifRoot { return sarifRoot.hasPrefix("/") ? sarifRoot : workingDirectory + "/" + sarifRoot }
        var folder = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return workingDirectory }
            folder = parent
        }
    }
}

extension OutputOptions {
    /// The options of a command that takes only a diagnostics format and a language
    /// (export, import), every option set, as one not parsed must be before it is read. (Set
    /// outside an initializer: there an assignment would make a new, unparsed wrapper.)
    static func given(format: DiagnosticFormat, lang: Language?) -> OutputOptions {
        var options = OutputOptions()
        options.format = format
        options.lang = lang
        options.sarifRoot = nil
        return options
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

/// The least severity that makes `check` and `build` fail (exit 1; `build` then writes nothing).
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning
}

extension Language: ExpressibleByArgument {}

/// Exit statuses of DESIGN.md.
enum Status {
    static let problems = ExitCode(1)
    static let unusable = ExitCode(2)
}

/// Writes to standard output without buffering surprises.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Hands `body` a writer that sends what it is given to standard output in pieces of
/// about 64 KB, so a long report is never held whole.
func emitInPieces(toStandardError: Bool = false, _ body: ((String) -> Void) -> Void) {
    let send = toStandardError ? emitError : emit
    var buffer = ""
    body { piece in
        buffer += piece
        if buffer.utf8.count >= 1 << 16 {
            send(buffer)
            buffer = ""
        }
    }
    send(buffer)
}

/// Writes to standard error.
func emitError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
