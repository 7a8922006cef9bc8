import CSystem
import Foundation

/// A new output being written beside the destination, file by file and from any thread,
/// then swapped in whole by ``commit()``: the streaming form of ``SitePublisher/publish(_:)``,
/// for sites too large to hold in memory. Files of the output it replaces can be carried
/// over unchanged (``reuse(_:)``, a hard link, no copy). Until `commit`, the destination is
/// untouched; ``discard()`` (or a killed build, cleaned up by the next) leaves it as it was.
public final class SiteStaging: @unchecked Sendable {
    public let destination: String
    /// The staging folder, and the destination, as paths.
    private let stagingPath: String
    private let destinationPath: String
    private let parent: URL
    private let name: String

    /// What the output is; its marker says so.
    let kind: OutputKind
    /// The shared lock on the parent folder (see ``SitePublisher/lockParent(_:name:)``),
    /// held while this output is written; -1 for none.
    private let parentLock: Int32

    init(destination dest: URL, parent: URL, name: String, staging: URL, kind: OutputKind, parentLock: Int32) {
        self.kind = kind
        self.parentLock = parentLock
        destination = dest.path
        destinationPath = dest.path
        stagingPath = staging.path
        self.parent = parent
        self.name = name
    }

    deinit {
        if parentLock >= 0 { close(parentLock) }
    }

    /// Writes `contents` at `path` (relative, `/`-separated) in the new output, making its
    /// folders as needed. Plain writes, without a sync per file: the swap is what makes the
    /// new output visible, whole or not at all.
    public func write(_ path: String, _ contents: [UInt8]) throws {
        guard SitePublisher.isSafe(path) else { throw PublishError.unsafePath(path) }
        let full = stagingPath + "/" + path
        if Self.writeNewFile(full, contents) { return }
        guard errno == ENOENT else { throw Self.failure(path) }
        try makeFolders(upTo: full)
        guard Self.writeNewFile(full, contents) else { throw Self.failure(path) }
    }

    /// Writes `contents` into a new file at `full`, without a sync. A file already there is
    /// removed first, never written through: it may be a link to another output's file.
    /// False when it cannot be made or written; `errno` is ENOENT when its folder is missing.
    public static func writeNewFile(_ full: String, _ contents: [UInt8]) -> Bool {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        var fd = open(full, flags, 0o666)
        if fd < 0 && errno == EEXIST {
            unlink(full)
            fd = open(full, flags, 0o666)
        }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var done = 0
        while done < contents.count {
            let n = contents.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }

    /// The bytes of the regular file at `source` (an absolute path the caller has checked),
    /// to write into the new output; nil for a link or anything but a regular file (refused,
/// not followed), when it cannot be read, or when it holds more than `limit` bytes.
    public static func readRegularFile(_ source: String, limit: Int = Int.max) -> [UInt8]? {
        let fd = open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            // A file grown past the limit since it was checked is not read on.
            if bytes.count + n > limit { return nil }
            bytes += buffer[..<n]
        }
        return bytes
    }

    /// Carries the file at `path` of the output being replaced into the new one, by a hard
    /// link; false when there is no such file (or it cannot be linked), and the caller
    /// writes it instead.
    public func reuse(_ path: String) -> Bool {
        guard SitePublisher.isSafe(path) else { return false }
        let old = destinationPath + "/" + path, new = stagingPath + "/" + path
        var st = stat()
        guard lstat(old, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        if link(old, new) == 0 { return true }
        if errno == ENOENT, (try? makeFolders(upTo: new)) != nil, link(old, new) == 0 { return true }
        return false
    }

    /// The bytes of the file at `path` in the output being replaced, if there is one.
    public func previousFile(_ path: String) -> [UInt8]? {
        guard SitePublisher.isSafe(path) else { return nil }
        return FileManager.default.contents(atPath: destinationPath + "/" + path).map { [UInt8]($0) }
    }

    /// Marks the new output as zhinan's and swaps it in for the destination in one step.
    public func commit() throws {
        let fm = FileManager.default
        let staging = URL(fileURLWithPath: stagingPath)
        do {
            try Data(kind.marker.utf8).write(to: staging.appendingPathComponent(SitePublisher.markerName))
        } catch {
            discard()
            throw PublishError.io(zh: "写入新的输出失败：\(error.localizedDescription)", en: "writing the new output failed: \(error.localizedDescription)")
        }
        if fm.fileExists(atPath: destinationPath) {
            if zn_exchange_paths(stagingPath, destinationPath) == 0 {
                discard()  // now holds the previous output
                return
            }
            let old = parent.appendingPathComponent(".\(name).zhinan-old-\(getpid())")
            guard rename(destinationPath, old.path) == 0 else {
                discard()
                throw PublishError.io(zh: "无法把原来的输出移开：\(String(cString: strerror(errno)))", en: "cannot move the previous output aside: \(String(cString: strerror(errno)))")
            }
            guard rename(stagingPath, destinationPath) == 0 else {
                _ = rename(old.path, destinationPath)
                discard()
                throw PublishError.io(zh: "无法把新的输出移到位：\(String(cString: strerror(errno)))", en: "cannot move the new output into place: \(String(cString: strerror(errno)))")
            }
            try? fm.removeItem(at: old)
        } else if rename(stagingPath, destinationPath) != 0 {
            discard()
            throw PublishError.io(zh: "无法把新的输出移到位：\(String(cString: strerror(errno)))", en: "cannot move the new output into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the staging folder; the destination is left as it is.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    private func makeFolders(upTo file: String) throws {
        var folders: [String] = []
        var dir = String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)])
        while dir.count > stagingPath.count {
            if mkdir(dir, 0o777) == 0 || errno == EEXIST { break }
            guard errno == ENOENT else { throw Self.failure(dir) }
            folders.append(dir)
            dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.endIndex)])
        }
        for folder in folders.reversed() where mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw Self.failure(folder)
        }
    }

    private static func failure(_ path: String) -> PublishError {
        PublishError.io(zh: "写入新的输出失败：\(path)：\(String(cString: strerror(errno)))", en: "writing the new output failed: \(path): \(String(cString: strerror(errno)))")
    }
}

extension SitePublisher {
    /// Starts a new output beside the destination, after the same checks as
    /// ``publish(_:)`` (a file, or a folder zhinan did not write, is refused unless forced).
    public func stage() throws -> SiteStaging {
        let fm = FileManager.default
        let dest = URL(fileURLWithPath: PathOverlap.resolved(destination, followingLast: false))
        let parent = dest.deletingLastPathComponent()
        let name = dest.lastPathComponent
        try checkDestination(dest)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PublishError.io(zh: "无法创建“\(parent.path)”：\(error.localizedDescription)", en: "cannot create \(parent.path): \(error.localizedDescription)")
        }
        let lock = lockParent(parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).zhinan-staging-\(getpid())")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            if lock >= 0 { close(lock) }
            throw PublishError.io(zh: "写入新的输出失败：\(error.localizedDescription)", en: "writing the new output failed: \(error.localizedDescription)")
        }
        return SiteStaging(destination: dest, parent: parent, name: name, staging: staging, kind: kind, parentLock: lock)
    }
}
