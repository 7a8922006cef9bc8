import Foundation
import Glibc

/// How an output path meets a folder zhinan reads: an output that is or holds the folder
/// would replace it when published, and one inside it would write into it.
public enum PathOverlap: Equatable, Sendable {
    /// The output is the folder, or holds it.
    case holds
    /// The output is inside the folder.
    case inside

    /// How `output` (which need not exist yet) meets `folder`, or nil when they are apart.
    ///
    /// Both are compared as written (made absolute, `.` and `..` taken by name) and as the
    /// system resolves them (``resolved(_:followingLast:)``); an `output` whose last part is
    /// a link counts both as the link and as where it leads. Any overlap counts.
    public static func of(output: String, folder: String) -> PathOverlap? {
        let outputs = [written(output), resolved(output, followingLast: false), resolved(output)]
        let folders = [written(folder), resolved(folder)]
        if outputs.contains(where: { out in folders.contains { isWithin($0, out) } }) { return .holds }
        if outputs.contains(where: { out in folders.contains { isWithin(out, $0) } }) { return .inside }
        return nil
    }

    /// Whether `path` is `folder` or inside it; both absolute and normalised.
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The absolute path as written, `.` and `..` taken by name.
    static func written(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `path` as the system resolves it, whether or not it exists: made absolute, then part
    /// by part, each link replaced by where it leads (so a `..` after a link goes up from
    /// where the link leads, as the system's does) and `.` and `..` applied to the folder
    /// reached; parts from the first that does not exist are kept as written. The last part
    /// is left as it is when it is a link and `followingLast` is false: that is the path
    /// `rename` replaces.
    public static func resolved(_ path: String, followingLast: Bool = true) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let parts = absolute.split(separator: "/")
        var names: [Substring] = []
        var exists = true
        for (i, part) in parts.enumerated() {
            if part == "." { continue }
            if part == ".." {
                _ = names.popLast()
                continue
            }
            names.append(part)
            guard exists, followingLast || i < parts.count - 1 else { continue }
            let here = "/" + names.joined(separator: "/")
            var st = stat()
            guard lstat(here, &st) == 0 else {
                exists = false
                continue
            }
            if st.st_mode & S_IFMT == S_IFLNK, let target = realpath(here, nil) {
                names = String(cString: target).split(separator: "/")
                free(target)
            }
        }
        return "/" + names.joined(separator: "/")
    }
}
