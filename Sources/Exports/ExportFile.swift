import Foundation

/// Writes export files atomically: into a temporary file beside the destination, flushed to
/// disk, then renamed over it, so a reader sees the old file or the new one, never half of one.
public enum ExportFile {
    /// Writes `bytes` to `path` atomically. Throws ``ExportError/io(path:message:)`` when the
    /// folder does not exist or cannot be written, or `path` is a folder.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try replace(path) { temporary in
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw ioError(path, errno) }
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ioError(path, errno)
                }
                offset += n
            }
            guard fsync(fd) == 0 else { throw ioError(path, errno) }
        }
    }

    /// Runs `body` with the path of a fresh temporary file beside `path` (not yet created),
    /// then renames that file over `path`. The temporary file is removed when anything fails.
    public static func replace(_ path: String, _ body: (String) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ioError(path, EISDIR)
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).zhinan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        do {
            try body(temporary)
            guard rename(temporary, path) == 0 else { throw ioError(path, errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    static func ioError(_ path: String, _ code: Int32) -> ExportError {
        .io(path: path, message: String(cString: strerror(code)))
    }
}
