import Compiler
import Diagnostics
import Foundation
import Publishing

/// Refuses an output that would replace or write into a folder zhinan reads: publishing
/// replaces OUT as a whole, so `zhinan build . -o .` or `-o ..` with `--force` would delete
/// the catalog being built, and `-o CATALOG/items` would replace its items. No flag
/// overrides this. Paths are compared as written and with links resolved
/// (``PathOverlap/of(output:folder:)``).
enum OutputGuard {
    /// A folder a command reads, and what to call it.
    struct Source {
        var path: String
        var role: LocalizedText

        static func catalog(_ path: String) -> Source { Source(path: path, role: LocalizedText(zh: "目录文件夹", en: "catalog folder")) }
        static func theme(_ path: String) -> Source { Source(path: path, role: LocalizedText(zh: "主题文件夹", en: "theme folder")) }
        static func standards(_ path: String) -> Source { Source(path: path, role: LocalizedText(zh: "标准文件夹", en: "standards folder")) }
        static func workbook(_ path: String) -> Source { Source(path: path, role: LocalizedText(zh: "工作簿", en: "workbook")) }
    }

    /// The folders a build or export of `catalog` reads: the catalog, its standards folder
    /// (as the compiler will find it) and the theme, if any.
    static func sources(catalog: String, standards: String?, theme: String? = nil) -> [Source] {
        [.catalog(catalog)]
            + (StandardsLocator(explicit: standards).folder(for: catalog).map { [.standards($0)] } ?? [])
            + (theme.map { [.theme($0)] } ?? [])
    }

    /// Why the output folder of a build cannot be `output`, if it cannot.
    static func problem(output: String, sources: [Source], language: Language) -> String? {
        if let empty = emptyPath(output, language) { return empty }
        for source in sources {
            switch PathOverlap.of(output: output, folder: source.path) {
            case .holds:
                return language == .zh
                    ? "输出文件夹“\(output)”包含\(source.role.zh)“\(source.path)”；发布会整体替换输出文件夹，请另选一个输出文件夹"
                    : "the output folder \"\(output)\" holds the \(source.role.en) \"\(source.path)\"; publishing replaces the output folder as a whole, so choose another"
            case .inside:
                return language == .zh
                    ? "输出文件夹“\(output)”位于\(source.role.zh)“\(source.path)”之内；zhinan 不向它读取的文件夹写入，请另选一个输出文件夹"
                    : "the output folder \"\(output)\" is inside the \(source.role.en) \"\(source.path)\"; zhinan does not write into the folders it reads, so choose another"
            case nil:
                continue
            }
        }
        return nil
    }

    /// Why an export cannot be written to `file`, if it cannot: a file inside a folder the
    /// export reads would replace a source there, or be read as one next time. (A `file`
    /// that is a folder is refused when it is written.)
    static func problem(exportFile file: String, sources: [Source], language: Language) -> String? {
        if let empty = emptyPath(file, language) { return empty }
        for source in sources where PathOverlap.of(output: file, folder: source.path) == .inside {
            return language == .zh
                ? "导出文件“\(file)”位于\(source.role.zh)“\(source.path)”之内；zhinan 不向它读取的文件夹写入，请另选路径"
                : "the export file \"\(file)\" is inside the \(source.role.en) \"\(source.path)\"; zhinan does not write into the folders it reads, so choose another path"
        }
        return nil
    }

    /// An output path that is empty or only spaces (an unset variable in a script, `-o "$OUT"`)
    /// would mean the working folder: refused.
    static func emptyPath(_ path: String, _ language: Language) -> String? {
        guard path.allSatisfy(\.isWhitespace) else { return nil }
        return language == .zh
            ? "输出路径为空（脚本中的变量未设置？）；空路径会指向当前文件夹，请写出输出路径"
            : "the output path is empty (a variable left unset in a script?); it would mean the working folder, so name the output"
    }
}
