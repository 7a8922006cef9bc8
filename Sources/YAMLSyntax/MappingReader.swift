import Diagnostics

/// Reads a mapping's entries by name, remembering which were read, so what is left over
/// can be reported as unknown. Lookups accept a list of names (the canonical one first).
public struct MappingReader {
    public let pairs: [YAMLPair]
    public private(set) var used: Set<Int> = []

    public init(_ pairs: [YAMLPair]) {
        self.pairs = pairs
    }

    /// The first entry whose key is one of `names`, marked as read.
    public mutating func take(_ names: [String]) -> YAMLPair? {
        for (i, p) in pairs.enumerated() where !used.contains(i) && names.contains(p.key.text) {
            used.insert(i)
            return p
        }
        return nil
    }

    public mutating func take(_ name: String) -> YAMLPair? { take([name]) }

    /// The entries no lookup has read, in file order.
    public var unread: [YAMLPair] {
        pairs.enumerated().filter { !used.contains($0.offset) }.map(\.element)
    }
}

extension YAMLNode {
    /// The node's text when it is a non-null scalar.
    public var text: String? {
        guard let s = scalar, !s.isNull else { return nil }
        return s.text
    }
}
