#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What changed under the watched folders in one burst.
public struct FolderChanges: Sendable, Equatable {
    /// The files and folders that changed (made, written, moved, removed), as the watched
    /// folder's path joined with their path inside it, `/` between; some may be gone.
    public var paths: Set<String>
    /// False when the system may have missed some (inotify's queue overflowed, a folder was
    /// made whose files were not yet watched): treat everything as changed.
    public var isComplete: Bool

    public init(paths: Set<String>, isComplete: Bool) {
        self.paths = paths
        self.isComplete = isComplete
    }
}

/// Tells when anything under some folders changes, and what: with inotify where the system
/// has it, else (or with `polling: true`) by listing the folders' files, sizes and
/// modification times every half second. A burst of changes (an editor saving through a
/// temporary file, a `git checkout`) is reported once, after `quiet` seconds without a change.
public final class FolderWatcher: @unchecked Sendable {
    public let folders: [String]
    public let quiet: Double
    /// Whether inotify is in use (false: polling).
    public private(set) var usesInotify = false
    private var inotify: Int32 = -1
    /// Each inotify watch's folder.
    private var watched: [Int32: String] = [:]
    /// When polling: the listing taken when watching began.
    private var baseline: [String: [Int]] = [:]

    public init(folders: [String], quiet: Double = 0.05, polling: Bool = false) {
        self.folders = folders
        self.quiet = quiet
        #if os(Linux)
        if !polling {
            let fd = inotify_init1(Int32(IN_CLOEXEC))
            if fd >= 0 {
                inotify = fd
                usesInotify = true
                for folder in folders { addWatches(under: folder) }
            }
        }
        #endif
        // Watching begins here, not when `run` is called: a change in between is reported.
        if !usesInotify { baseline = snapshot() }
    }

    /// Calls `changed` after each burst of changes with what changed, forever, on the
    /// calling thread.
    public func run(_ changed: (FolderChanges) -> Void) {
        if usesInotify { runInotify(changed) } else { runPolling(changed) }
    }

    // MARK: inotify

    #if os(Linux)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    private func addWatches(under folder: String) {
        watch(folder)
        guard let walker = Self.walker(folder) else { return }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = Self.join(folder, relative)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                watch(path)
            }
        }
    }

    private func watch(_ folder: String) {
        let wd = inotify_add_watch(inotify, folder, Self.mask)
        if wd >= 0 { watched[wd] = folder }
    }
    #endif

    private func runInotify(_ changed: (FolderChanges) -> Void) {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var burst = FolderChanges(paths: [], isComplete: true)
            // Wait for a first event, then for `quiet` seconds without one.
            guard drain(&buffer, timeout: -1, into: &burst) else { continue }
            while drain(&buffer, timeout: Int32(quiet * 1000), into: &burst) {}
            // A folder made (or moved in) since: watch it and what is in it (whose files
            // may have been written before they were watched).
            if !burst.isComplete { for folder in folders { addWatches(under: folder) } }
            changed(burst)
        }
        #endif
    }

    #if os(Linux)
    /// Reads the events waiting within `timeout` ms into `burst`; true when there were any.
    private func drain(_ buffer: inout [UInt8], timeout: Int32, into burst: inout FolderChanges) -> Bool {
        var p = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, timeout)
        guard ready > 0 else { return false }
        let n = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress!, $0.count) }
        guard n > 0 else { return false }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let size = MemoryLayout<inotify_event>.size
                if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { burst.isComplete = false }
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { burst.isComplete = false }
                if let folder = watched[event.wd] {
                    // The name, NUL-padded to `len` bytes; none for the folder itself.
                    let name = raw[(offset + size)..<min(n, offset + size + Int(event.len))].prefix { $0 != 0 }
                    burst.paths.insert(name.isEmpty ? folder : Self.join(folder, String(decoding: name, as: UTF8.self)))
                } else if event.mask & UInt32(IN_IGNORED) == 0 {
                    burst.isComplete = false
                }
                offset += size + Int(event.len)
            }
        }
        return true
    }
    #endif

    // MARK: Polling

    private func runPolling(_ changed: (FolderChanges) -> Void) {
        var last = baseline
        while true {
            usleep(500_000)
            var now = snapshot()
            guard now != last else { continue }
            // Settle: wait until two listings agree.
            while true {
                usleep(UInt32(max(quiet, 0.05) * 1_000_000))
                let again = snapshot()
                if again == now { break }
                now = again
            }
            changed(Self.difference(last, now))
            last = now
        }
    }

    /// The paths whose entries differ between two snapshots (made, removed or changed).
    static func difference(_ old: [String: [Int]], _ new: [String: [Int]]) -> FolderChanges {
        var paths = Set<String>()
        for (path, entry) in new where old[path] != entry { paths.insert(path) }
        for path in old.keys where new[path] == nil { paths.insert(path) }
        return FolderChanges(paths: paths, isComplete: true)
    }

    /// What is under `folder`, as paths relative to it. A folder given through a symbolic
    /// link is listed through its target (the enumerator does not descend into a link), and
    /// its paths are still joined to `folder` as given.
    static func walker(_ folder: String) -> FileManager.DirectoryEnumerator? {
        FileManager.default.enumerator(atPath: URL(fileURLWithPath: folder).resolvingSymlinksInPath().path)
    }

    /// `name` inside `folder`, as the catalog's listing joins them.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Every file and folder under the folders, with its size and modification time.
    func snapshot() -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for folder in folders {
            guard let walker = Self.walker(folder) else { continue }
            while let relative = walker.nextObject() as? String {
                var info = stat()
                guard lstat(Self.join(folder, relative), &info) == 0 else { continue }
                out[Self.join(folder, relative)] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
            }
        }
        return out
    }
}
