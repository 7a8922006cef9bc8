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
/// that leaves the catalog folder is refused (ZN115); so is a link that leads to nothing or
/// is a loop of links (ZN115 for a `.yaml` name, ZN117 otherwise). Each folder is opened
/// relative to the one holding it, so depth costs no more than breadth; a folder or file
/// whose path is longer than the system takes is reported (ZN118) and not read.
struct FolderWalk {
    /// The catalog folder as given, and with links resolved.
    let folder: String
    let root: String
    private(set) var found: [(path: String, relative: String)] = []
    private(set) var problems: [Diagnostic] = []
    /// Each folder read, with its relative path where it was first read.
    private var read: [FolderID: String] = [:]
    /// The folders being read, outermost first: each with the subfolders still to read.
    private var chain: [Frame] = []
    /// Links to folders, followed when no real folder is left.
    private var links: [(path: String, relative: String, id: FolderID)] = []

    /// How many folders of `chain` stay open; an outer one is opened again by its path,
    /// which is shorter than PATH_MAX, when the walk comes back to it.
    static let openFolders = 32

    /// A folder being read.
    private struct Frame {
        var fd: Int32?
        let path: String
        let relative: String
        let id: FolderID
        /// Its real subfolders not read yet, the next one last.
        var pending: [(name: String, id: FolderID)]
    }

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
        enter(open(folder, Self.flags), folder, "", id: nil)
        var nextLink = 0
        while true {
            if !chain.isEmpty {
                step()
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
                    enter(open(link.path, Self.flags), link.path, link.relative, id: link.id)
                }
            } else {
                break
            }
        }
        found.sort { $0.relative < $1.relative }
    }

    private static let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC

    /// Reads the next subfolder of the innermost folder being read, or leaves that folder
    /// when none is left.
    private mutating func step() {
        let last = chain.count - 1
        guard let next = chain[last].pending.popLast() else {
            if let fd = chain[last].fd { close(fd) }
            chain.removeLast()
            return
        }
        if chain[last].fd == nil {  // closed to bound the open folders: open it again
            let fd = open(chain[last].path, Self.flags)
            var st = stat()
            guard fd >= 0, fstat(fd, &st) == 0, FolderID(st) == chain[last].id else {
                if fd >= 0 { close(fd) }
                chain[last].pending = []
                return unreadable(chain[last].path)
            }
            chain[last].fd = fd
        }
        let frame = chain[last]
        let path = frame.path.hasSuffix("/") ? frame.path + next.name : frame.path + "/" + next.name
        enter(openat(frame.fd!, next.name, Self.flags | O_NOFOLLOW), path, frame.relative.isEmpty ? next.name : frame.relative + "/" + next.name, id: next.id)
        if chain.count > Self.openFolders, let fd = chain[chain.count - 1 - Self.openFolders].fd {
            close(fd)
            chain[chain.count - 1 - Self.openFolders].fd = nil
        }
    }

    /// Reads the folder open as `fd` (which it takes), found at `path` as the folder `id`
    /// (nil: whatever it is): files are found, links checked and queued, and the folder
    /// entered with its real subfolders left to read.
    private mutating func enter(_ fd: Int32, _ dir: String, _ rel: String, id: FolderID?) {
        var st = stat()
        guard fd >= 0, fstat(fd, &st) == 0, id == nil || FolderID(st) == id,
              let entries = Self.entries(of: fd) else {
            if fd >= 0 { close(fd) }
            return unreadable(dir)
        }
        var pending: [(name: String, id: FolderID)] = []
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
                } else if path.utf8.count >= PATH_MAX {
                    reportTooLong(path, what: .folder)
                } else {
                    read[id] = relative
                    pending.append((entry.name, id))
                }
            case .link(.loop):
                report(isYAML ? YAMLCodes.unreadable : YAMLCodes.folderReadTwice, at: path, LocalizedText(
                    zh: "符号链接形成循环（最终指回自身），\(isYAML ? "未读取该文件" : "未跟随")",
                    en: "the symbolic link is a loop of links (it leads back to itself); \(isYAML ? "the file was not read" : "it was not followed")"))
            case .link(.nothing(let target)) where isYAML:
                report(YAMLCodes.unreadable, at: path, LocalizedText(
                    zh: "符号链接指向不存在的目标（“\(target)”），未读取该文件",
                    en: "the symbolic link leads to nothing (\"\(target)\" does not exist); the file was not read"))
            case .link(.nothing):
                continue
            case .link(let target):
                let folder: FolderID? = if case .folder(let id) = target { id } else { nil }
                guard path.utf8.count < PATH_MAX else {
                    if isYAML || folder != nil { reportTooLong(path, what: folder != nil ? .link : .file) }
                    continue
                }
                guard let resolved = Self.realPath(path) else {
                    if isYAML { found.append((path, relative)) }  // gone since: reading it reports why
                    continue
                }
                guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
                    report(YAMLCodes.unreadable, at: path, LocalizedText(
                        zh: "符号链接指向目录文件夹之外（\(resolved)），已拒绝读取",
                        en: "the symbolic link points outside the catalog folder (\(resolved)); it was not read"))
                    continue
                }
                if let folder {
                    links.append((path, relative, folder))
                } else if isYAML {
                    found.append((path, relative))
                }
            case .other where isYAML:
                if path.utf8.count < PATH_MAX {
                    found.append((path, relative))
                } else {
                    reportTooLong(path, what: .file)
                }
            case .other:
                continue
            }
        }
        chain.append(Frame(fd: fd, path: dir, relative: rel, id: FolderID(st), pending: pending.reversed()))
    }

    private mutating func unreadable(_ dir: String) {
        report(YAMLCodes.unreadable, at: dir, LocalizedText(
            zh: "无法读取文件夹“\(dir)”（没有权限？），其中的文件未检查",
            en: "cannot read the folder \"\(dir)\" (no permission?); its files were not checked"))
    }

    private mutating func report(_ code: DiagnosticCode, at path: String, _ message: LocalizedText) {
        problems.append(Diagnostic(code, at: SourceSpan(file: path, range: SourceRange(at: .init(line: 1, column: 1))), message: message))
    }

    /// What a path too long for the system leads to.
    enum TooLong { case file, folder, link }

    /// Reports a file, a folder or a link to a folder whose path the system refuses as too
    /// long; none of them is read.
    private mutating func reportTooLong(_ path: String, what: TooLong) {
        let length = path.utf8.count
        let (zh, en) = switch what {
        case .file: ("该文件", "the file was")
        case .folder: ("该文件夹及其中的内容", "the folder and what it holds were")
        case .link: ("这个链接指向的文件夹", "the folder the link leads to was")
        }
        report(YAMLCodes.pathTooLong, at: path, LocalizedText(
            zh: "路径长 \(length) 字节，超过系统允许的长度（\(PATH_MAX - 1)），未读取\(zh)",
            en: "the path is \(length) bytes long, longer than the system allows (\(PATH_MAX - 1)); \(en) not read"))
    }

    /// What an entry of a folder is.
    enum Kind {
        /// A folder (not a link).
        case folder(FolderID)
        /// A symbolic link, with what it leads to.
        case link(Target)
        /// A file, or anything else that is not a folder.
        case other
    }

    /// What a symbolic link leads to.
    enum Target {
        case folder(FolderID)
        /// A loop of links (ELOOP).
        case loop
        /// Nothing: the target, as the link names it, does not exist.
        case nothing(String)
        /// A file, or anything else.
        case other
    }

    /// The entries of the folder open as `fd` (which stays open), sorted by name, without
    /// names that start with `.`; nil when the folder cannot be read.
    static func entries(of fd: Int32) -> [(name: String, kind: Kind)]? {
        let copy = dup(fd)
        guard copy >= 0 else { return nil }
        guard let dir = fdopendir(copy) else {
            close(copy)
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
        return names.sorted().map { name in
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return (name, .other) }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                return (name, .folder(FolderID(st)))
            case S_IFLNK:
                var target = stat()
                guard fstatat(fd, name, &target, 0) == 0 else {
                    if errno == ELOOP { return (name, .link(.loop)) }
                    if errno == ENOENT { return (name, .link(.nothing(linkText(fd, name)))) }
                    return (name, .link(.other))
                }
                return (name, .link(target.st_mode & S_IFMT == S_IFDIR ? .folder(FolderID(target)) : .other))
            default:
                return (name, .other)
            }
        }
    }

    /// What the link `name` in the folder open as `fd` says, as it says it.
    static func linkText(_ fd: Int32, _ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        let n = readlinkat(fd, name, &buffer, buffer.count - 1)
        return n < 0 ? "" : String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The absolute path with every link resolved, or nil when that fails (a path that does
    /// not exist, too long, a loop of links).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
