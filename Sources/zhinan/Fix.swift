import ArgumentParser
import Compiler
import Diagnostics
import Exports
import Foundation

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "按诊断给出的确定改法修改目录文件。 Apply the fixes diagnostics know, in place.",
        discussion: """
            Applies every machine-applicable fix (zhinan explain says which codes have one): \
            traditional element and field names to simplified ones, a heading a profile's \
            提示别名 names to the element's name, a full-width colon after a key to ": ", \
            an unambiguous did-you-mean for element names, field names and code values. Only \
            the text at each diagnostic's place changes, so comments, order and layout stay; \
            each file is written beside itself and renamed over it. Files outside the catalog \
            folder (a link leading out, the standards) are never written. Fixing one thing can \
            reveal the next (a file with a full-width colon is read only once it is fixed), so \
            zhinan fix checks again and repeats, at most \(Fix.maxRounds) times; then prints \
            what is left as check does.
            --dry-run changes nothing and prints the fixes of the first round as a unified diff.
            Exit status as check's, for the files as they are at the end: 0 when no error is \
            left, 1 when one is, 2 for a usage error, a catalog folder that cannot be used or \
            a file that cannot be written.
            """
    )

    static let maxRounds = 5

    @Argument(help: "The catalog folder.")
    var catalog: String

    @Flag(help: "Change nothing; print the fixes as a unified diff.")
    var dryRun = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var compile: CompileOptionGroup

    func run() throws {
        let language = output.language
        if let problem = SourceLoader.folderProblem(catalog) {
            emitError("zhinan: error: \(problem[language])\n")
            throw Status.unusable
        }
        let root = URL(fileURLWithPath: catalog).resolvingSymlinksInPath().path
        var total = 0, files = Set<String>()
        // The last round's check, while it still describes the files as they are (no file
        // written since): the report at the end uses it rather than checking again.
        var latest: CompilationResult? = nil
        for _ in 0..<(dryRun ? 1 : Self.maxRounds) {
            let result = compile.compiler.compile(folder: catalog)
            latest = result
            if result.unusable != nil { break }
            let edits = Self.edits(in: result.diagnostics, catalogRoot: root)
            if edits.isEmpty { break }
            var applied = 0
            for (path, fixes) in edits.sorted(by: { $0.key < $1.key }) {
                guard let data = FileManager.default.contents(atPath: path),
                      let old = String(data: data, encoding: .utf8) else { continue }
                let (new, done) = SourceEdits.apply(fixes, to: old)
                guard !done.isEmpty, new != old else { continue }
                if dryRun {
                    emit(UnifiedDiff.render(old: old, new: new, path: path))
                } else {
                    do {
                        try Self.write(new, over: path)
                    } catch {
                        emitError(language == .zh
                            ? "zhinan: error: 无法写入“\(path)”：\(error)\n"
                            : "zhinan: error: cannot write \"\(path)\": \(error)\n")
                        throw Status.unusable
                    }
                }
                applied += done.count
                files.insert(path)
            }
            total += applied
            if applied == 0 { break }
            if !dryRun { latest = nil }
        }
        emitError(language == .zh
            ? "\(dryRun ? "可以修正" : "已修正") \(total) 处，涉及 \(files.count) 个文件\n"
            : "\(dryRun ? "would fix" : "fixed") \(total) \(total == 1 ? "problem" : "problems") in \(files.count) \(files.count == 1 ? "file" : "files")\n")
        if dryRun {
            // The diff is the output; the status is check's for the files as they are.
            let result = latest ?? compile.compiler.compile(folder: catalog)
            if result.unusable != nil || result.diagnostics.contains(where: { $0.code == CompilerCodes.catalogFileMissing.id }) {
                throw Status.unusable
            }
            if result.diagnostics.hasErrors || (compile.failOn == .warning && !result.diagnostics.isEmpty) { throw Status.problems }
            return
        }
        let report = CompileReport(folders: [catalog], options: compile, output: output, compile: latest.map { result in { _ in result } })
        try report.exitIfProblems()
    }

    /// The fixes of `diagnostics`, by the path of the file they edit: only regular files
    /// inside the catalog folder (its real path `catalogRoot`), never through a link.
    static func edits(in diagnostics: [Diagnostic], catalogRoot: String) -> [String: [DiagnosticFix]] {
        var out: [String: [DiagnosticFix]] = [:]
        var allowed: [String: Bool] = [:]
        for d in diagnostics {
            guard let fix = d.fix, let file = d.span?.file else { continue }
            let ok = allowed[file] ?? isCatalogFile(file, root: catalogRoot)
            allowed[file] = ok
            if ok { out[file, default: []].append(fix) }
        }
        return out
    }

    /// True when `path` is a regular file (not a link) whose real path is inside `root`.
    static func isCatalogFile(_ path: String, root: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Writes `text` over `path` atomically, keeping its permissions.
    static func write(_ text: String, over path: String) throws {
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber
        try ExportFile.write(Array(text.utf8), to: path)
        if let mode { chmod(path, mode_t(mode.uint16Value)) }
    }
}
