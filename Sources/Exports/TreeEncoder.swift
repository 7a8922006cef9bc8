/// Encodes an `Encodable` value straight into a ``JSONValue`` tree: the same tree
/// `JSONEncoder` would write and a parse would read back, without the text in between (the
/// XML writer walks it; 10,000 items are 90 MB of JSON).
///
/// Like `JSONEncoder`, `encodeIfPresent(nil)` leaves the key out and `encodeNil` writes null.
struct TreeEncoder {
    func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }
}

/// A value being built; containers fill it in place, nested ones through their own nodes.
private final class Node {
    enum Kind { case empty, scalar, object, array }
    var kind = Kind.empty
    var scalar = JSONValue.null
    var members: [(String, Node)] = []
    var elements: [Node] = []

    var value: JSONValue {
        switch kind {
        case .empty: .object([:])  // a value that encoded nothing, as JSONEncoder writes it
        case .scalar: scalar
        case .object: .object(Dictionary(members.lazy.map { ($0.0, $0.1.value) }, uniquingKeysWith: { _, last in last }))
        case .array: .array(elements.map(\.value))
        }
    }

    func set(_ value: JSONValue) {
        kind = .scalar
        scalar = value
    }

    func becomeObject() { if kind != .object { kind = .object; members = [] } }
    func becomeArray() { if kind != .array { kind = .array; elements = [] } }

    func member(_ key: String) -> Node {
        becomeObject()
        let child = Node()
        members.append((key, child))
        return child
    }

    func appended() -> Node {
        becomeArray()
        let child = Node()
        elements.append(child)
        return child
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, codingPath: codingPath)
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// Scalars as ``JSONValue``; anything else through its own `encode(to:)`.
private func encodeValue<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    switch value {
    case let s as String: node.set(.string(s))
    case let b as Bool: node.set(.boolean(b))
    case let i as Int: node.set(.integer(i))
    case let i as Int64: node.set(.integer(Int(i)))
    case let i as Int32: node.set(.integer(Int(i)))
    case is Double, is Float, is UInt, is UInt64:
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "the catalog's JSON has no such number type"))
    default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: node.member(key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.member(key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.becomeArray()
        return Unkeyed(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.member("super"), codingPath: codingPath)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.elements.count }

    mutating func encodeNil() throws { node.appended().set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(count)
        try encodeValue(value, into: node.appended(), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = IndexKey(count)
        let child = node.appended()
        child.becomeObject()
        return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = IndexKey(count)
        let child = node.appended()
        child.becomeArray()
        return Unkeyed(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appended(), codingPath: codingPath)
    }
}

private struct Single: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node, codingPath: codingPath)
    }
}
