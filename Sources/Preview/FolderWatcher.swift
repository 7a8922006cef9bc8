#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Tells when anything under some folders changes: with inotify where the system has it,
/// else (or with `polling: true`) by listing the folders' files, sizes and modification
/// times every half second. A burst of changes (an editor saving through a temporary file,
/// a `git checkout`) is reported once, after `quiet` seconds without a change.
public final class FolderWatcher: @unchecked Sendable {
    public let folders: [String]
    public let quiet: Double
    /// Whether inotify is in use (false: polling).
    public private(set) var usesInotify = false
    private var inotify: Int32 = -1

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
    }

    /// Calls `changed` after each burst of changes, forever, on the calling thread.
    public func run(_ changed: () -> Void) {
        if usesInotify { runInotify(changed) } else { runPolling(changed) }
    }

    // MARK: inotify

    #if os(Linux)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    private func addWatches(under folder: String) {
        _ = inotify_add_watch(inotify, folder, Self.mask)
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                _ = inotify_add_watch(inotify, path, Self.mask)
            }
        }
    }
    #endif

    private func runInotify(_ changed: () -> Void) {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var newFolder = false
            // Wait for a first event, then for `quiet` seconds without one.
            guard drain(&buffer, timeout: -1, newFolder: &newFolder) else { continue }
            while drain(&buffer, timeout: Int32(quiet * 1000), newFolder: &newFolder) {}
            // A folder made (or moved in) since: watch it and what is in it.
            if newFolder { for folder in folders { addWatches(under: folder) } }
            changed()
        }
        #endif
    }

    #if os(Linux)
    /// Reads the events waiting within `timeout` ms; true when there were any.
    private func drain(_ buffer: inout [UInt8], timeout: Int32, newFolder: inout Bool) -> Bool {
        var p = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, timeout)
        guard ready > 0 else { return false }
        let n = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress!, $0.count) }
        guard n > 0 else { return false }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolder = true }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
        }
        return true
    }
    #endif

    // MARK: Polling

    private func runPolling(_ changed: () -> Void) {
        var last = snapshot()
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
            last = now
            changed()
        }
    }

    /// Every file and folder under the folders, with its size and modification time.
    func snapshot() -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                var info = stat()
                guard lstat(folder + "/" + relative, &info) == 0 else { continue }
                out[folder + "/" + relative] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
            }
        }
        return out
    }
}
