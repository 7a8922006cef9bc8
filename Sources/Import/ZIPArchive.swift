import CZlib

/// The bounds a ZIP archive read for import must keep. Each guards against a hostile file:
/// a zip bomb (inflated size, ratio), a directory of millions of entries, a ZIP64 or
/// multi-disk archive no spreadsheet needs.
public struct ZIPLimits: Sendable, Equatable {
    /// Most entries in the central directory.
    public var maxEntries = 10_000
    /// Most bytes one entry may inflate to, and all entries read together.
    public var maxEntryBytes = 256 * 1024 * 1024
    public var maxTotalBytes = 512 * 1024 * 1024
    /// Most inflated bytes per compressed byte, for entries inflating past `ratioFloor` bytes
    /// (a sheet's XML compresses 5–30 times; a bomb thousands of times).
    public var maxRatio = 200
    public var ratioFloor = 1024 * 1024

    public init() {}
}

/// Why an archive cannot be read; the caller names the file.
enum ZIPProblem: Error, Equatable {
    case notZIP
    case truncated
    case zip64
    case spanned
    case encrypted(String)
    case unsafeName(String)
    case method(String, Int)
    case tooManyEntries(Int)
    case tooLarge(String)
    case ratio(String)
    case corrupt(String)
}

/// A ZIP archive in memory, read through its central directory (the way every ZIP reader
/// finds its entries; a local header is only checked, never trusted for sizes). Stored and
/// deflated entries only, inflated by zlib with the ``ZIPLimits`` enforced while inflating,
/// not only on the sizes the directory declares. Entry names are checked for path traversal
/// even though the import never writes an entry to disk.
struct ZIPArchive {
    struct Entry {
        var name: String
        var method: Int
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localOffset: Int
    }

    let bytes: [UInt8]
    let limits: ZIPLimits
    private(set) var entries: [String: Entry] = [:]
    /// Inflated bytes handed out so far (against ``ZIPLimits/maxTotalBytes``).
    private var inflatedTotal = 0

    init(_ bytes: [UInt8], limits: ZIPLimits = ZIPLimits()) throws(ZIPProblem) {
        self.bytes = bytes
        self.limits = limits
        guard bytes.count >= 22, u32(0) == 0x0403_4B50 || u32(0) == 0x0605_4B50 else { throw .notZIP }
        // The end of central directory record: within the last 64 KiB + 22 bytes.
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if u32(i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw .notZIP }
        let disk = u16(eocd + 4), cdDisk = u16(eocd + 6)
        let onDisk = u16(eocd + 8), count = u16(eocd + 10)
        let cdSize = Int(u32(eocd + 12)), cdOffset = Int(u32(eocd + 16))
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF { throw .zip64 }
        guard disk == 0, cdDisk == 0, onDisk == count else { throw .spanned }
        guard count <= limits.maxEntries else { throw .tooManyEntries(count) }
        guard cdOffset + cdSize <= eocd else { throw .truncated }
        var p = cdOffset
        for _ in 0..<count {
            guard p + 46 <= eocd, u32(p) == 0x0201_4B50 else { throw .truncated }
            let flags = u16(p + 8), method = u16(p + 10)
            let crc = u32(p + 16)
            let csize = Int(u32(p + 20)), usize = Int(u32(p + 24))
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            let offset = Int(u32(p + 42))
            guard p + 46 + nameLength + extraLength + commentLength <= eocd else { throw .truncated }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            if csize == 0xFFFF_FFFF || usize == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .zip64 }
            guard Self.isSafe(name) else { throw .unsafeName(name) }
            if flags & 0x1 != 0 || flags & 0x40 != 0 { throw .encrypted(name) }
            entries[name] = Entry(name: name, method: method, crc: crc, compressedSize: csize, size: usize, localOffset: offset)
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    /// A relative path of plain segments: no `..`, no leading `/` or drive, no backslash, no
    /// control character (what a traversal or a name spoofing attack would use).
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"),
              !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
              !(name.count >= 2 && name.dropFirst().first == ":")
        else { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." }
    }

    /// The inflated bytes of entry `name`, nil when the archive has no such entry.
    mutating func read(_ name: String) throws(ZIPProblem) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard entry.size <= limits.maxEntryBytes, inflatedTotal + entry.size <= limits.maxTotalBytes else { throw .tooLarge(name) }
        if entry.size > limits.ratioFloor && entry.size / max(entry.compressedSize, 1) > limits.maxRatio { throw .ratio(name) }
        let p = entry.localOffset
        guard p + 30 <= bytes.count, u32(p) == 0x0403_4B50 else { throw .corrupt(name) }
        let start = p + 30 + u16(p + 26) + u16(p + 28)
        guard start + entry.compressedSize <= bytes.count else { throw .truncated }
        let data = bytes[start..<(start + entry.compressedSize)]
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw .corrupt(name) }
            out = Array(data)
        case 8:
            out = try inflate(data, expected: entry.size, name: name)
        default:
            throw .method(name, entry.method)
        }
        let crc = out.withUnsafeBufferPointer { b in UInt32(crc32(0, b.baseAddress, uInt(b.count))) }
        guard crc == entry.crc else { throw .corrupt(name) }
        inflatedTotal += out.count
        return out
    }

    /// Raw deflate into at most `expected` bytes: a stream that would inflate past the size
    /// the directory declares is refused as soon as it does, so a lying header cannot make
    /// it allocate more.
    private func inflate(_ data: ArraySlice<UInt8>, expected: Int, name: String) throws(ZIPProblem) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .corrupt(name) }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: expected + 1)
        var input = Array(data)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == expected else {
            if Int(stream.total_out) > expected { throw .tooLarge(name) }
            throw .corrupt(name)
        }
        out.removeLast()
        return out
    }

    private func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    private func u32(_ i: Int) -> UInt32 {
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
}
