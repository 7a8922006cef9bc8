import Glibc

/// Finds a flow's steps by name, as a `[String: Int]` of first occurrences would, without
/// hashing: Swift hashes and compares non-ASCII strings by canonical equivalence, which
/// costs more than the whole flow analysis. For the usual flow (a dozen steps whose names
/// are in normal form) names are compared by their bytes; anything else goes through the
/// dictionary.
package struct StepIndex {
    private let names: [String]
    /// Set when names cannot be compared by bytes (too many, or not plainly normalized).
    private let dictionary: [String: Int]?

    package init(_ steps: [FlowStep]) {
        let names = steps.map(\.name)
        self.names = names
        if names.count <= 64 && names.allSatisfy(isPlainNFC) {
            dictionary = nil
        } else {
            var d: [String: Int] = [:]
            for (i, name) in names.enumerated() where d[name] == nil { d[name] = i }
            dictionary = d
        }
    }

    /// The index of the first step named `name`.
    package func first(_ name: String) -> Int? {
        if let dictionary { return dictionary[name] }
        for (i, n) in names.enumerated() where sameBytes(n, name) { return i }
        // Bytes differ from every name; a name in normal form can then only equal `name`
        // if `name` is not in normal form itself.
        if isPlainNFC(name) { return nil }
        return names.firstIndex(of: name)
    }
}

/// True when two strings have the same UTF-8 bytes (and so are equal).
@inline(__always)
package func sameBytes(_ a: String, _ b: String) -> Bool {
    if unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) { return true }
    let n = a.utf8.count
    guard n == b.utf8.count else { return false }
    if n == 0 { return true }
    if let r = a.utf8.withContiguousStorageIfAvailable({ x in
        b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress!, y.baseAddress!, n) == 0 }
    }), let r { return r }
    return a.utf8.elementsEqual(b.utf8)
}

/// True when every character of `text` is one that is its own normal form and never
/// combines with its neighbours: ASCII, CJK ideographs, CJK punctuation, fullwidth forms
/// and general punctuation. Two such strings are equal exactly when their bytes are.
package func isPlainNFC(_ text: String) -> Bool {
    if let plain = text.utf8.withContiguousStorageIfAvailable(isPlainNFC) { return plain }
    var it = text.utf8.makeIterator()
    while let b = it.next() {
        if b < 0x80 { continue }
        guard b >= 0xE0 && b < 0xF0, let b1 = it.next(), let b2 = it.next() else { return false }
        let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
        let plain = (scalar >= 0x4E00 && scalar <= 0x9FFF) || (scalar >= 0x3400 && scalar <= 0x4DBF)
            || (scalar >= 0x3000 && scalar <= 0x3029) || (scalar >= 0x3030 && scalar <= 0x303F)
            || (scalar >= 0xFF01 && scalar <= 0xFFEF) || (scalar >= 0x2010 && scalar <= 0x2027)
        if !plain { return false }
    }
    return true
}

/// ``isPlainNFC(_:)`` over UTF-8 bytes.
private func isPlainNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 {
            i += 1
            continue
        }
        guard b >= 0xE0 && b < 0xF0, i + 2 < n else { return false }
        let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
        let plain = (scalar >= 0x4E00 && scalar <= 0x9FFF) || (scalar >= 0x3400 && scalar <= 0x4DBF)
            || (scalar >= 0x3000 && scalar <= 0x3029) || (scalar >= 0x3030 && scalar <= 0x303F)
            || (scalar >= 0xFF01 && scalar <= 0xFFEF) || (scalar >= 0x2010 && scalar <= 0x2027)
        if !plain { return false }
        i += 3
    }
    return true
}
