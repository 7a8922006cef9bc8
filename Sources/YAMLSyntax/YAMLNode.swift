import Diagnostics

/// A node of a positioned YAML tree: a scalar, a mapping that keeps key order, or a
/// sequence, with the range it spans in its file.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var value: Value
    public var range: SourceRange
    /// The core-schema tag written on the node (`str`, `int` …, from `!!str`), if any.
    public var tag: CoreTag?

    public init(_ value: Value, range: SourceRange, tag: CoreTag? = nil) {
        self.value = value
        self.range = range
        self.tag = tag
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = value { return s }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let m) = value { return m }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let s) = value { return s }
        return nil
    }

    /// The node's kind in words, for messages: 文本/text, 映射/mapping, 列表/list.
    public var kindName: LocalizedText {
        switch value {
        case .scalar(let s) where s.isNull: LocalizedText(zh: "空值", en: "an empty value")
        case .scalar: LocalizedText(zh: "文本", en: "text")
        case .mapping: LocalizedText(zh: "映射（键: 值）", en: "a mapping (key: value)")
        case .sequence: LocalizedText(zh: "列表", en: "a list")
        }
    }
}

/// One `key: value` entry of a mapping. Keys are always scalars.
public struct YAMLPair: Sendable {
    public var key: YAMLScalar
    public var keyRange: SourceRange
    public var value: YAMLNode

    public init(key: YAMLScalar, keyRange: SourceRange, value: YAMLNode) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Equatable {
    public var text: String
    public var style: Style

    public enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A plain scalar that the YAML 1.2 core schema reads as null (`~`, `null`, or nothing).
    public var isNull: Bool {
        // The length first: comparing longer (and non-ASCII) text with these would cost more.
        style == .plain && text.utf8.count <= 4
            && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// The boolean a plain scalar means in the core schema (`true`, `false` and their
    /// capitalised forms); `nil` for anything else. `是`/`否` are the binder's business.
    public var bool: Bool? {
        guard style == .plain, text.utf8.count <= 5, let first = text.utf8.first,
              first == UInt8(ascii: "t") || first == UInt8(ascii: "T") || first == UInt8(ascii: "f") || first == UInt8(ascii: "F")
        else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer a plain scalar means in the core schema (decimal, `0o`, `0x`).
    public var int: Int? {
        guard style == .plain, !text.isEmpty else { return nil }
        // Every form starts with a digit or a sign; the first byte rules the rest out cheaply.
        guard let first = text.utf8.first, (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D else { return nil }
        // Plain decimal digits, short enough not to overflow: the value from the bytes.
        if text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return text.utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// True for a plain scalar the core schema reads as a number (int or float).
    public var isNumber: Bool {
        guard style == .plain else { return false }
        // Every number starts with a digit, a sign or a point.
        guard let first = text.utf8.first,
              (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D || first == 0x2E
        else { return false }
        if int != nil { return true }
        let t = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(t) { return true }
        var sawDigit = false, sawDot = false, sawExp = false
        var previous: Character = " "
        for c in t {
            if c.isASCII && c.isNumber { sawDigit = true }
            else if c == "." && !sawDot && !sawExp { sawDot = true }
            else if (c == "e" || c == "E") && sawDigit && !sawExp { sawExp = true }
            else if (c == "+" || c == "-") && (previous == "e" || previous == "E") {}
            else { return false }
            previous = c
        }
        return sawDigit
    }
}

/// The YAML 1.2 core schema's tags, the only ones zhinan accepts.
public enum CoreTag: String, Sendable, CaseIterable {
    case str, int, float, bool, null, map, seq
}
