import Diagnostics
import Foundation
import Glibc
import YAMLSyntax

/// The `.yaml` and `.yml` files under a catalog folder, found by reading each folder once.
///
/// Folders are told apart by device and inode, so a link that leads back to a folder
/// already read (a loop such as `items/a -> ..`, or a second way to a folder) is reported at
/// the link (ZN117) and skipped, and the walk ends after reading each folder once. Real
/// folders are read before links are followed, so the report is always at a link. A link
/// that leaves the catalog folder is refused (ZN115); a file whose path is longer than the
/// system takes is reported (ZN118), and the folders holding it are still read.
struct FolderWalk {
    /// The catalog folder as given, and with links resolved.
    let folder: String
    let root: String
    private(set) var found: [(path: String, relative: String)] = []
    private(set) var problems: [Diagnostic] = []
    /// Each folder read, with its relative path where it was first read.
    private var read: [FolderID: String] = [:]
    /// Real folders still to read; links to folders, followed when no real folder is left.
    private var folders: [(path: String, relative: String)] = []
    private var links: [(path: String, relative: String, id: FolderID)] = []

    /// A folder's identity: its device and inode.
    struct FolderID: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    init(folder: String) {
        self.folder = folder
        root = Self.realPath(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
    }

    /// Walks the folder; the files are in `found` (sorted by relative path) and what could
    /// not be read in `problems`.
    mutating func run() {
        var st = stat()
        if stat(folder, &st) == 0 { read[FolderID(st)] = "" }
        folders = [(folder, "")]
        var nextLink = 0
        while true {
            if let (path, relative) = folders.popLast() {
                list(path, relative)
            } else if nextLink < links.count {
                let link = links[nextLink]
                nextLink += 1
                if let first = read[link.id] {
                    let (zh, en) = first.isEmpty ? ("目录文件夹本身", "the catalog folder") : (first, first)
                    report(YAMLCodes.folderReadTwice, at: link.path, LocalizedText(
                        zh: "符号链接指向已读过的文件夹（\(zh)），未再跟随",
                        en: "the symbolic link leads to a folder already read (\(en)); it was not followed"))
                } else {
                    read[link.id] = link.relative
                    folders.append((link.path, link.relative))
                }
            } else {
                break
            }
        }
        found.sort { $0.relative < $1.relative }
    }

    /// Reads one folder: files are found, real folders queued, links checked and queued.
    private mutating func list(_ dir: String, _ rel: String) {
        guard let entries = Self.entries(of: dir) else {
            report(YAMLCodes.unreadable, at: dir, LocalizedText(
                zh: "无法读取文件夹“\(dir)”（没有权限？），其中的文件未检查",
                en: "cannot read the folder \"\(dir)\" (no permission?); its files were not checked"))
            return
        }
        for entry in entries {
            let path = dir.hasSuffix("/") ? dir + entry.name : dir + "/" + entry.name
            let relative = rel.isEmpty ? entry.name : rel + "/" + entry.name
            let isYAML = entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml")
            switch entry.kind {
            case .folder(let id):
                if let first = read[id] {  // a folder mounted inside itself, or twice
                    report(YAMLCodes.folderReadTwice, at: path, LocalizedText(
                        zh: "这个文件夹与已读过的文件夹（\(first.isEmpty ? "目录文件夹本身" : first)）是同一个，未再读取",
                        en: "this folder is one already read (\(first.isEmpty ? "the catalog folder" : first)); it was not read again"))
                } else {
                    read[id] = relative
                    folders.append((path, relative))
                }
            case .link(let target):
                guard path.utf8.count < PATH_MAX else {
                    if isYAML || target != nil { reportTooLong(path, folder: target != nil) }
                    continue
                }
                guard let resolved = Self.realPath(path) else {
                    if isYAML { found.append((path, relative)) }  // gone, or a loop of links: reading it reports why
                    continue
                }
                guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
                    report(YAMLCodes.unreadable, at: path, LocalizedText(
                        zh: "符号链接指向目录文件夹之外（\(resolved)），已拒绝读取",
                        en: "the symbolic link points outside the catalog folder (\(resolved)); it was not read"))
                    continue
                }
                if let target {
                    links.append((path, relative, target))
                } else if isYAML {
                    found.append((path, relative))
                }
            case .other where isYAML:
                if path.utf8.count < PATH_MAX {
                    found.append((path, relative))
                } else {
                    reportTooLong(path)
                }
            case .other:
                continue
            }
        }
    }

    private mutating func report(_ code: DiagnosticCode, at path: String, _ message: LocalizedText) {
        problems.append(Diagnostic(code, at: SourceSpan(file: path, range: SourceRange(at: .init(line: 1, column: 1))), message: message))
    }

    /// Reports a file, or a link to a folder, whose path the system refuses as too long.
    private mutating func reportTooLong(_ path: String, folder: Bool = false) {
        let length = path.utf8.count
        report(YAMLCodes.pathTooLong, at: path, LocalizedText(
            zh: "路径长 \(length) 字节，超过系统允许的长度（\(PATH_MAX - 1)），未读取\(folder ? "这个链接指向的文件夹" : "该文件")",
            en: "the path is \(length) bytes long, longer than the system allows (\(PATH_MAX - 1)); \(folder ? "the folder the link leads to" : "the file") was not read"))
    }

    /// What an entry of a folder is.
    enum Kind {
        /// A folder (not a link).
        case folder(FolderID)
        /// A symbolic link, with the folder it leads to if it leads to one.
        case link(folder: FolderID?)
        /// A file, or anything else that is not a folder.
        case other
    }

    /// The entries of the folder at `path`, sorted by name, without names that start with
    /// `.`; nil when the folder cannot be read.
    static func entries(of path: String) -> [(name: String, kind: Kind)]? {
        let fd = openFolder(path)
        guard fd >= 0 else { return nil }
        guard let dir = fdopendir(fd) else {
            close(fd)
            return nil
        }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return nil }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        let dfd = dirfd(dir)
        return names.sorted().map { name in
            var st = stat()
            guard fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return (name, .other) }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                return (name, .folder(FolderID(st)))
            case S_IFLNK:
                var target = stat()
                let isFolder = fstatat(dfd, name, &target, 0) == 0 && target.st_mode & S_IFMT == S_IFDIR
                return (name, .link(folder: isFolder ? FolderID(target) : nil))
            default:
                return (name, .other)
            }
        }
    }

    /// Opens the folder at `path`, however long the path: one the system refuses as too
    /// long is opened a part at a time, each part relative to the folder before it.
    static func openFolder(_ path: String) -> Int32 {
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
        guard path.utf8.count >= PATH_MAX else { return open(path, flags) }
        var parts: [String] = []
        var part = path.hasPrefix("/") ? "/" : ""
        for name in path.split(separator: "/") {
            let longer = part.isEmpty || part == "/" ? part + name : part + "/" + name
            if longer.utf8.count < PATH_MAX {
                part = longer
            } else {
                parts.append(part)
                part = String(name)
            }
        }
        parts.append(part)
        var fd = AT_FDCWD
        for part in parts {
            let next = openat(fd, part, flags)
            if fd != AT_FDCWD { close(fd) }
            guard next >= 0 else { return -1 }
            fd = next
        }
        return fd
    }

    /// The absolute path with every link resolved, or nil when that fails (a path that does
    /// not exist, too long, a loop of links).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
