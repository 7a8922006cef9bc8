import Diagnostics
import Foundation

/// Refuses an output folder that is, or holds, what the build reads: publishing replaces
/// OUT as a whole, so `zhinan build . -o .` or `-o ..` with `--force` would delete the
/// catalog being built. No flag overrides this.
enum OutputGuard {
    static func problem(output: String, sources: [String], language: Language) -> String? {
        let out = resolved(output)
        for source in sources {
            let src = resolved(source)
            guard src == out || src.hasPrefix(out == "/" ? "/" : out + "/") else { continue }
            return language == .zh
                ? "输出文件夹“\(output)”包含“\(source)”；发布会整体替换输出文件夹，请另选一个输出文件夹"
                : "the output folder \"\(output)\" holds \"\(source)\"; publishing replaces the output folder as a whole, so choose another"
        }
        return nil
    }

    /// The absolute path with symbolic links resolved, as far as the path exists.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
