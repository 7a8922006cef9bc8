import Diagnostics
import Dispatch
import Foundation
import Glibc
import YAMLSyntax

/// One YAML file of a catalog, read and parsed.
public struct SourceFile: Sendable {
    /// The path as shown in diagnostics: the catalog folder as the user gave it, joined
    /// with the file's path inside it.
    public var path: String
    /// The path inside the catalog folder, `/`-separated (`items/a.yaml`).
    public var relativePath: String
    /// The file's text, for quoting in diagnostics; empty when it could not be decoded.
    public var text: String
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
}

/// Settings of the loader.
public struct LoadOptions: Sendable {
    /// The largest file read, in bytes.
    public var maxFileSize: Int
    public var yamlLimits: YAMLLimits
    /// How many files are parsed at once.
    public var jobs: Int

    public init(
        maxFileSize: Int = 10 * 1024 * 1024, yamlLimits: YAMLLimits = YAMLLimits(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.maxFileSize = maxFileSize
        self.yamlLimits = yamlLimits
        self.jobs = max(1, jobs)
    }
}

/// Finds and parses the YAML files of a catalog folder.
public struct SourceLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// The problem that stops a whole folder from being read, if any (it does not exist
    /// or is not a folder).
    public static func folderProblem(_ folder: String) -> LocalizedText? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            return LocalizedText(zh: "找不到目录文件夹“\(folder)”", en: "no catalog folder at \"\(folder)\"")
        }
        guard isDirectory.boolValue else {
            return LocalizedText(zh: "“\(folder)”不是文件夹；请给出目录文件夹（含 catalog.yaml）", en: "\"\(folder)\" is not a folder; give a catalog folder (the one holding catalog.yaml)")
        }
        guard FileManager.default.isReadableFile(atPath: folder) else {
            return LocalizedText(zh: "没有读取文件夹“\(folder)”的权限", en: "no permission to read the folder \"\(folder)\"")
        }
        return nil
    }

    /// Every `.yaml` and `.yml` file under `folder`, in path order, parsed in parallel;
    /// plus diagnostics for what could not be listed (a folder without permission, a link
    /// leaving the folder), which do not stop the other files.
    public func load(folder: String) -> (files: [SourceFile], problems: [Diagnostic]) {
        let (found, problems) = list(folder: folder)
        let results = ParallelMap(count: found.count, jobs: options.jobs) { i in
            self.read(path: found[i].path, relativePath: found[i].relative)
        }.run()
        return (results, problems)
    }

    /// Every `.yaml` and `.yml` file under `folder`, in path order, without reading them;
    /// plus diagnostics for what could not be listed.
    func list(folder: String) -> (found: [(path: String, relative: String)], problems: [Diagnostic]) {
        var walk = FolderWalk(folder: folder)
        walk.run()
        return (walk.found, walk.problems)
    }

    /// Reads and parses one file.
    public func read(path: String, relativePath: String) -> SourceFile {
        guard let bytes = Self.readRegularFile(path, limit: options.maxFileSize) else {
            return readThroughFoundation(path: path, relativePath: relativePath)
        }
        var file = parse(bytes[...], path: path, relativePath: relativePath)
        if let text = Self.quotableText(bytes[...], diagnostics: file.diagnostics) { file.text = text }
        return file
    }

    /// Parses `bytes`, the contents of the file at `path`; leaves ``SourceFile/text`` empty
    /// (see ``quotableText(_:diagnostics:)``).
    func parse(_ bytes: ArraySlice<UInt8>, path: String, relativePath: String, scratch: YAMLScratch? = nil) -> SourceFile {
        let result = YAMLParser(limits: options.yamlLimits).parse(bytes, file: path, scratch: scratch)
        return SourceFile(path: path, relativePath: relativePath, text: "", root: result.root, diagnostics: result.diagnostics)
    }

    /// The text diagnostics quote, or nil when the file is in another encoding, which would
    /// quote as noise; invalid UTF-8 quotes with replacement characters where the bad bytes
    /// are, which shows the officer where.
    static func quotableText(_ bytes: ArraySlice<UInt8>, diagnostics: [Diagnostic]) -> String? {
        let foreign = [YAMLCodes.legacyEncoding.id, YAMLCodes.utf16.id]
        if diagnostics.contains(where: { foreign.contains($0.code) }) { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The bytes of a regular file no larger than `limit`, read with plain system calls;
    /// nil for anything else (missing, unreadable, not a regular file, too large, a read
    /// error), which ``readThroughFoundation(path:relativePath:)`` then reports as before.
    static func readRegularFile(_ path: String, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        guard let count = readRegularFile(path, limit: limit, into: &bytes) else { return nil }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Reads as ``readRegularFile(_:limit:)`` does into the start of `buffer`, which grows
    /// as needed and is kept for the next file; returns how many bytes were read.
    static func readRegularFile(_ path: String, limit: Int, into buffer: inout [UInt8]) -> Int? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)  // a FIFO must not block the open
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= limit else { return nil }
        // Read to the end, not just st_size bytes: the file may grow while it is read.
        if buffer.count < Int(st.st_size) + 1 {
            buffer.append(contentsOf: repeatElement(0, count: Int(st.st_size) + 1 - buffer.count))
        }
        var count = 0
        while true {
            if count == buffer.count {
                guard count <= limit else { return nil }
                buffer.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = buffer.withUnsafeMutableBytes { b in
                Glibc.read(fd, b.baseAddress! + count, b.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { return nil }
        return count
    }

    /// The original reading path, through FileHandle, for the files the fast path declines:
    /// it gives the diagnostics their wording.
    func readThroughFoundation(path: String, relativePath: String) -> SourceFile {
        var file = SourceFile(path: path, relativePath: relativePath, text: "", root: nil, diagnostics: [])
        let start = SourceSpan(file: path, range: SourceRange(at: SourceLocation(line: 1, column: 1)))
        // Without blocking, and only a regular file: opening a FIFO named x.yaml would wait
        // for a writer forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            file.diagnostics.append(Diagnostic(
                YAMLCodes.unreadable, at: start,
                message: LocalizedText(zh: "无法读取文件（没有权限或文件不存在）", en: "cannot read the file (no permission, or it is gone)")))
            return file
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? handle.close() }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            file.diagnostics.append(Diagnostic(
                YAMLCodes.unreadable, at: start,
                message: LocalizedText(zh: "不是普通文件（而是管道、套接字或设备），未读取", en: "not a regular file (a pipe, a socket or a device); it was not read")))
            return file
        }
        let data: Data
        do {
            data = try handle.read(upToCount: options.maxFileSize + 1) ?? Data()
        } catch {
            file.diagnostics.append(Diagnostic(
                YAMLCodes.unreadable, at: start,
                message: LocalizedText(zh: "读取文件失败：\(error.localizedDescription)", en: "reading the file failed: \(error.localizedDescription)")))
            return file
        }
        if data.count > options.maxFileSize {
            file.diagnostics.append(Diagnostic(
                YAMLCodes.fileTooLarge, at: start,
                message: LocalizedText(
                    zh: "文件超过 \(Self.describe(bytes: options.maxFileSize)) 的上限，未读取（可用 --max-file-size 调整）",
                    en: "the file is larger than the \(Self.describe(bytes: options.maxFileSize)) limit and was not read (--max-file-size sets it)")))
            return file
        }
        let bytes = [UInt8](data)
        let result = YAMLParser(limits: options.yamlLimits).parse(bytes, file: path)
        file.root = result.root
        file.diagnostics += result.diagnostics
        // Text in another encoding would quote as noise; invalid UTF-8 quotes with
        // replacement characters where the bad bytes are, which shows the officer where.
        let foreign = [YAMLCodes.legacyEncoding.id, YAMLCodes.utf16.id]
        if !result.diagnostics.contains(where: { foreign.contains($0.code) }) {
            var text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            file.text = text
        }
        return file
    }

    static func describe(bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) 字节/bytes"
    }
}

/// Maps `0..<count` through `transform` on up to `jobs` threads, keeping index order; each
/// thread has a `State` of its own (buffers it reuses), made by `makeState`.
func parallelMap<State, T: Sendable>(
    count: Int, jobs: Int, makeState: @Sendable () -> State, _ transform: @Sendable (Int, inout State) -> T
) -> [T] {
    guard count > 0 else { return [] }
    let slots = Slots<T>(count: count)
    let chunks = min(jobs, count)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        var state = makeState()
        var i = chunk
        while i < count {
            slots.set(i, transform(i, &state))
            i += chunks
        }
    }
    return slots.values()
}

/// Maps `0..<count` through `transform` on up to `jobs` threads, keeping index order.
struct ParallelMap<T: Sendable>: Sendable {
    let count: Int
    let jobs: Int
    let transform: @Sendable (Int) -> T

    func run() -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        let chunks = min(jobs, count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var i = chunk
            while i < count {
                slots.set(i, transform(i))
                i += chunks
            }
        }
        return slots.values()
    }
}

/// Storage each worker writes distinct indices of; read only after all have finished.
/// A raw buffer rather than an array, so concurrent writes to distinct indices do not
/// trip Swift's exclusivity checks.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ i: Int, _ value: T) { storage[i] = value }
    func values() -> [T] { (0..<count).map { storage[$0]! } }
}
