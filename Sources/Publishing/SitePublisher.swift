import CSystem
import Foundation

/// A file of a generated site: its path inside the output folder and its bytes.
public struct PublishedFile: Sendable, Equatable {
    /// Relative, `/`-separated, e.g. `public/items/x/index.html`.
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }
}

/// Why a publication did not happen. Nothing in the output folder changed.
public enum PublishError: Error, Equatable {
    /// The folder holds files zhinan did not write; `--force` replaces it all the same.
    case foreignFolder(path: String, examples: [String])
    /// The destination exists and is not a folder.
    case notAFolder(String)
    /// A file system call failed: what was being done, in Chinese and English, and the
    /// system's reason (the same in both: it is strerror's).
    case io(zh: String, en: String)
    /// A file's path would leave the output folder.
    case unsafePath(String)
    /// The folder is zhinan's, but another kind of output (a site where national tables are
    /// to go, or the reverse); `--force` replaces it all the same.
    case otherKind(path: String, found: OutputKind, wanted: OutputKind)
}

/// What an output folder holds; its marker names it, so one command does not replace what
/// another wrote.
public enum OutputKind: String, Sendable, Equatable {
    /// `zhinan build`: public/ and internal/.
    case site
    /// `zhinan export --format national`: the exchange tables.
    case nationalTables = "national-tables"

    /// The marker's text.
    var marker: String { "zhinan \(rawValue)\n" }

    /// The kind a marker names; a marker of before kinds were named (`zhinan`) is read from
    /// what the folder holds: a site has public/.
    static func of(marker: String, folder: URL) -> OutputKind {
        if let kind = marker.hasPrefix("zhinan ") ? OutputKind(rawValue: marker.dropFirst(7).trimmingCharacters(in: .whitespacesAndNewlines)) : nil {
            return kind
        }
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path) ? .site : .nationalTables
    }
}

/// Writes a whole site into an output folder so that readers only ever see the previous
/// site or the new one: everything is written into a staging folder beside it, then the
/// two are swapped in one `renameat2(RENAME_EXCHANGE)` (two renames where the file system
/// cannot exchange). A build killed at any point leaves the previous output whole; its
/// staging folder is removed by the next build.
public struct SitePublisher: Sendable {
    /// The marker zhinan leaves in every folder it writes, so it knows the folder is its own.
    public static let markerName = ".zhinan-output"

    public var destination: String
    public var force: Bool
    /// What is published; a folder holding another kind is refused without `force`.
    public var kind: OutputKind

    public init(destination: String, force: Bool = false, kind: OutputKind = .site) {
        self.destination = destination
        self.force = force
        self.kind = kind
    }

    public func publish(_ files: [PublishedFile]) throws {
        let staging = try stage()
        do {
            for file in files { try staging.write(file.path, file.contents) }
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Removes what killed builds left beside the destination (their staging and old
    /// folders), as a publication would; for a build that finds nothing to publish.
    public func clearLeftovers() {
        let dest = URL(fileURLWithPath: PathOverlap.resolved(destination, followingLast: false))
        let lock = lockParent(dest.deletingLastPathComponent(), name: dest.lastPathComponent)
        if lock >= 0 { close(lock) }
    }

    /// Takes a shared lock on the folder `parent` for a build about to write beside the
    /// destination `name` in it, and returns its descriptor, to be kept open until the build
    /// ends (a killed build's is closed by the system). When no other build holds one, what
    /// killed builds left beside the destination is removed first, under an exclusive lock:
    /// every staging or old folder is then a leftover, whatever its process id has become.
    /// Without a descriptor (-1), folders whose process is gone are removed.
    func lockParent(_ parent: URL, name: String) -> Int32 {
        let fd = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            removeLeftovers(in: parent, name: name, alone: false)
            return -1
        }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { removeLeftovers(in: parent, name: name, alone: true) }
        // From exclusive to shared, or waiting while another build clears leftovers.
        while flock(fd, LOCK_SH) != 0 && errno == EINTR {}
        return fd
    }

    /// Refuses a destination that is a file, or a non-empty folder without zhinan's marker.
    func checkDestination(_ dest: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: dest.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw PublishError.notAFolder(dest.path) }
        if force { return }
        let contents = ((try? fm.contentsOfDirectory(atPath: dest.path)) ?? []).sorted()
        if contents.isEmpty { return }
        guard contents.contains(Self.markerName) else {
            throw PublishError.foreignFolder(path: dest.path, examples: Array(contents.prefix(3)))
        }
        let marker = (try? String(contentsOf: dest.appendingPathComponent(Self.markerName), encoding: .utf8)) ?? ""
        let found = OutputKind.of(marker: marker, folder: dest)
        if found != kind { throw PublishError.otherKind(path: dest.path, found: found, wanted: kind) }
    }

    /// Staging and old folders of builds that were killed before they finished. A folder
    /// whose build is still running is another build into the same OUT at work: removing
    /// it would make that build fail, or publish what was left of it. `alone`: no other
    /// build holds the parent's lock, so every such folder is a leftover; otherwise only
    /// those whose process is gone (a process id may have been taken again since).
    func removeLeftovers(in parent: URL, name: String, alone: Bool) {
        let fm = FileManager.default
        let prefixes = [".\(name).zhinan-staging-", ".\(name).zhinan-old-"]
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for prefix in prefixes where entry.hasPrefix(prefix) {
                let pid = entry.dropFirst(prefix.count)
                if !pid.isEmpty && pid.allSatisfy({ $0.isASCII && $0.isNumber }),
                    let n = pid_t(pid), n > 0, alone || (kill(n, 0) != 0 && errno == ESRCH)
                {
                    try? fm.removeItem(at: parent.appendingPathComponent(entry))
                }
            }
        }
    }

    /// A relative path with no `..`, no empty and no absolute parts.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}
