import Diagnostics
import Foundation
import YAMLSyntax

/// A 128-bit digest of bytes (MurmurHash3 x64-128): fast, well mixed, for telling whether
/// inputs changed. Not a defence against someone forging collisions.
public struct ContentHash: Sendable {
    private var h1: UInt64
    private var h2: UInt64
    private var length: Int = 0
    private var tail: [UInt8] = []

    public init(seed: UInt64 = 0x7A68_696E_616E) {
        h1 = seed
        h2 = seed
    }

    private static let c1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let c2: UInt64 = 0x4CF5_AD43_2745_937F

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func fmix(_ k: UInt64) -> UInt64 {
        var k = k
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    @inline(__always) private mutating func block(_ k1: UInt64, _ k2: UInt64) {
        var k1 = k1, k2 = k2
        k1 &*= Self.c1; k1 = Self.rotl(k1, 31); k1 &*= Self.c2; h1 ^= k1
        h1 = Self.rotl(h1, 27); h1 &+= h2; h1 = h1 &* 5 &+ 0x52DC_E729
        k2 &*= Self.c2; k2 = Self.rotl(k2, 33); k2 &*= Self.c1; h2 ^= k2
        h2 = Self.rotl(h2, 31); h2 &+= h1; h2 = h2 &* 5 &+ 0x3849_5AB5
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        var i = 0
        if !tail.isEmpty {
            while tail.count < 16 && i < bytes.count {
                tail.append(bytes[i])
                i += 1
            }
            guard tail.count == 16 else { return }
            let (a, b) = tail.withUnsafeBytes { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
            block(UInt64(littleEndian: a), UInt64(littleEndian: b))
            tail.removeAll(keepingCapacity: true)
        }
        while i + 16 <= bytes.count {
            block(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)),
                  UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
            i += 16
        }
        if i < bytes.count { tail.append(contentsOf: bytes[i...]) }
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        Array(bytes).withUnsafeBytes { update($0) }
    }

    /// A string, with its length, so that consecutive strings cannot run together.
    public mutating func update(string: String) {
        var n = UInt64(string.utf8.count).littleEndian
        withUnsafeBytes(of: &n) { update($0) }
        update(Array(string.utf8))
    }

    /// The digest, as 32 hex digits.
    public func finalize() -> String {
        var k1: UInt64 = 0, k2: UInt64 = 0
        for (i, b) in tail.enumerated() {
            if i < 8 { k1 |= UInt64(b) << UInt64(8 * i) } else { k2 |= UInt64(b) << UInt64(8 * (i - 8)) }
        }
        var h1 = h1, h2 = h2
        if tail.count > 8 { k2 &*= Self.c2; k2 = Self.rotl(k2, 33); k2 &*= Self.c1; h2 ^= k2 }
        if !tail.isEmpty { k1 &*= Self.c1; k1 = Self.rotl(k1, 31); k1 &*= Self.c2; h1 ^= k1 }
        h1 ^= UInt64(length); h2 ^= UInt64(length)
        h1 &+= h2; h2 &+= h1
        h1 = Self.fmix(h1); h2 = Self.fmix(h2)
        h1 &+= h2; h2 &+= h1
        return Self.hex(h1) + Self.hex(h2)
    }

    private static func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The digest of one byte sequence.
    public static func digest(_ bytes: some Collection<UInt8>) -> String {
        var h = ContentHash()
        h.update(bytes)
        return h.finalize()
    }
}

/// What a compilation reads, reduced to digests: enough to tell, without compiling, that a
/// catalog, its profiles and the settings that affect the result are all as they were.
public struct InputFingerprint: Sendable {
    /// Everything together.
    public var digest: String
    /// Everything but the item files (catalog.yaml, other files, the profiles, the settings).
    public var commonDigest: String
    /// Each file read, by the path diagnostics use for it, and its contents' digest.
    public var files: [String: String]
}

extension CatalogCompiler {
    /// The fingerprint of what ``compile(folder:)`` would read for `folder`, with `extra`
    /// (what else the caller's result depends on) folded in; nil when something cannot be
    /// listed or read, which only a compilation can report properly.
    public func fingerprint(folder: String, extra: [UInt8] = []) -> InputFingerprint? {
        guard SourceLoader.folderProblem(folder) == nil,
              let standardsFolder = options.standards.folder(for: folder)
        else { return nil }
        let loader = SourceLoader(options: options.load)
        let (profiles, profileProblems) = loader.list(folder: standardsFolder)
        let (found, problems) = loader.list(folder: folder)
        guard profileProblems.isEmpty, problems.isEmpty else { return nil }

        let all = profiles + found
        let limit = options.load.maxFileSize
        let digests = parallelMap(count: all.count, jobs: options.load.jobs, makeState: { [UInt8]() }) { i, buffer -> String? in
            guard let n = SourceLoader.readRegularFile(all[i].path, limit: limit, into: &buffer) else { return nil }
            return ContentHash.digest(buffer[..<n])
        }
        var files: [String: String] = [:]
        for (f, d) in zip(all, digests) {
            guard let d else { return nil }
            files[f.path] = d
        }

        var common = ContentHash()
        common.update(string: "zhinan inputs 1")
        common.update(string: folder)
        common.update(string: standardsFolder)
        common.update(string: String(limit))
        common.update(string: "\(options.load.yamlLimits.maxDepth) \(options.load.yamlLimits.maxExpandedNodes)")
        common.update(extra)
        for f in profiles {
            common.update(string: f.path)
            common.update(string: f.relative)
            common.update(string: files[f.path]!)
        }
        for f in found where !f.relative.hasPrefix("items/") {
            common.update(string: f.path)
            common.update(string: f.relative)
            common.update(string: files[f.path]!)
        }
        let commonDigest = common.finalize()
        var whole = ContentHash()
        whole.update(string: commonDigest)
        for f in found where f.relative.hasPrefix("items/") {
            whole.update(string: f.path)
            whole.update(string: f.relative)
            whole.update(string: files[f.path]!)
        }
        return InputFingerprint(digest: whole.finalize(), commonDigest: commonDigest, files: files)
    }

    /// The texts that quoting `diagnostics` needs, read again from the files (among
    /// `files`, the inputs) they point into, as a compilation would have kept them.
    public static func quotedSources(for diagnostics: [Diagnostic], files: Set<String>, maxFileSize: Int) -> SourceTexts {
        var wanted: Set<String> = []
        for d in diagnostics {
            if let f = d.span?.file { wanted.insert(f) }
            for n in d.notes { if let f = n.span?.file { wanted.insert(f) } }
        }
        var sources = SourceTexts()
        for file in wanted.sorted() where files.contains(file) {
            guard let bytes = SourceLoader.readRegularFile(file, limit: maxFileSize) else { continue }
            let own = diagnostics.filter { $0.span?.file == file }
            sources.add(file: file, text: SourceLoader.quotableText(bytes[...], diagnostics: own) ?? "")
        }
        return sources
    }
}

extension CompilationResult {
    /// A result made from parts kept from an earlier compilation of unchanged inputs.
    public init(diagnostics: [Diagnostic], sources: SourceTexts, fileCount: Int) {
        self.init(catalog: nil, diagnostics: diagnostics, sources: sources, fileCount: fileCount)
    }
}
