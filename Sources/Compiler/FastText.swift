import Catalog
import Glibc
import Standards

// Fast paths for the string work binding does on every node.
//
// Swift compares and hashes non-ASCII strings by canonical equivalence, normalizing as it
// goes, which costs far more than comparing bytes; a catalog is almost all Chinese text.
// Each helper here answers from the bytes only when the bytes settle the question (equal
// bytes are canonically equal), and otherwise asks the original, slower question, so every
// answer is the one the plain `==`, `hasPrefix` or dictionary lookup would give.
enum FastText {
    /// True when `a` and `b` have the same UTF-8 bytes (which makes them equal strings).
    @inline(__always)
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        identical(a, b) || (a.utf8.count == b.utf8.count && equalBytes(a, b))
    }

    /// True when two strings have the very same representation: the same small-string
    /// bytes, or the same storage. Such strings are equal; strings that are not identical
    /// may still be equal.
    @inline(__always)
    static func identical(_ a: String, _ b: String) -> Bool {
        unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }

    /// Compares the bytes of two strings of the same length.
    @inline(__always)
    private static func equalBytes(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        if n == 0 { return true }
        if let r = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in memcmp(x.baseAddress!, y.baseAddress!, n) == 0 }
        }), let r { return r }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// The index of the field spelt exactly `name`, byte for byte; nil when none is (the
    /// caller then asks the canonical question).
    @inline(__always)
    static func index(of name: String, in specs: [FieldSpec]) -> Int? {
        for i in specs.indices where identical(specs[i].name, name) { return i }
        let n = name.utf8.count
        for i in specs.indices where specs[i].name.utf8.count == n && equalBytes(specs[i].name, name) {
            return i
        }
        return nil
    }

    /// `list.contains(value)`, deciding from the bytes when a value matches.
    static func contains(_ list: [String], _ value: String) -> Bool {
        for v in list where identical(v, value) { return true }
        for v in list where sameBytes(v, value) { return true }
        return list.contains(value)
    }

    /// `E(rawValue: value)`, matching the cases' raw values by bytes first.
    @inline(__always)
    static func enumCase<E: RawRepresentable & CaseIterable>(_ value: String, as type: E.Type) -> E? where E.RawValue == String {
        for c in E.allCases where sameBytes(c.rawValue, value) { return c }
        return E(rawValue: value)
    }

    /// `text.hasPrefix("【待填写】")`. Nothing but U+3010 itself is canonically equivalent
    /// to 【, so text that does not start with its bytes cannot have the prefix.
    @inline(__always)
    static func hasPlaceholderPrefix(_ text: String) -> Bool {
        var it = text.utf8.makeIterator()
        guard it.next() == 0xE3, it.next() == 0x80, it.next() == 0x90 else { return false }
        return text.hasPrefix("【待填写】")
    }

    /// The text of a block scalar without its trailing line breaks: what
    /// `String(text.reversed().drop { $0 == "\n" }.reversed())` gives. A "\n" character is
    /// an LF not preceded by CR (CR LF is one character), and never joins what follows.
    static func droppingTrailingNewlines(_ text: String) -> String {
        let u = text.utf8
        guard u.last == 0x0A else { return text }
        var end = u.endIndex
        while end > u.startIndex {
            let before = u.index(before: end)
            guard u[before] == 0x0A else { break }
            if before > u.startIndex, u[u.index(before: before)] == 0x0D { break }
            end = before
        }
        return String(Substring(u[u.startIndex..<end]))
    }

    /// `TimeLimit(text:)` for the forms officers write (`即办`, digits then 个工作日, 工作日,
    /// 日 or 天), read from the bytes; anything else goes to `TimeLimit(text:)` itself.
    static func timeLimit(_ text: String) -> TimeLimit? {
        if let fast = plainTimeLimit(text.utf8) { return fast }
        return TimeLimit(text: text)
    }

    private static let immediate = Array("即办".utf8)
    private static let suffixes: [(bytes: [UInt8], working: Bool)] = [
        (Array("个工作日".utf8), true), (Array("工作日".utf8), true),
        (Array("日".utf8), false), (Array("天".utf8), false),
    ]

    private static func plainTimeLimit(_ u: String.UTF8View) -> TimeLimit? {
        if u.count == immediate.count && u.elementsEqual(immediate) { return .immediate }
        var digits = 0, value = 0
        for b in u {
            guard b >= 0x30 && b <= 0x39 else { break }
            digits += 1
            if digits > 6 { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        guard digits > 0, value > 0, value <= 100_000 else { return nil }
        let rest = u.dropFirst(digits)
        // The suffixes in TimeLimit's order; the first that ends the text decides.
        for (suffix, working) in suffixes where rest.count >= suffix.count && rest.suffix(suffix.count).elementsEqual(suffix) {
            guard rest.count == suffix.count else { return nil }
            return working ? .workingDays(value) : .calendarDays(value)
        }
        return nil
    }
}

/// What binding every item of one catalog shares, prepared once: the effective profile, the
/// header, code sets and element names laid out for byte lookups, the item-code pattern
/// compiled.
struct BindingTables: @unchecked Sendable {
    let codeSets: [String: [String]]
    private let codeSetList: [(name: String, values: [String])]
    /// Element names (canonical, synonyms, traditional) by their UTF-8 length.
    private let elementNames: [Int: [(name: String, index: Int, spelling: EffectiveProfile.Spelling)]]
    let itemCodePattern: CompiledPattern?
    /// Element names (and field aliases) of the profiles the catalog does not follow → the
    /// id of the profile that defines each, for messages about an unknown element.
    let elsewhere: [String: String]
    /// The code sets whose values are numbers (到现场次数): written unquoted, as YAML reads them.
    let numericSets: Set<String>

    init(codeSets: [String: [String]], profile: EffectiveProfile? = nil, elsewhere: [String: String] = [:]) {
        let merged = codeSets
        self.elsewhere = elsewhere
        numericSets = Set(codeSets.filter { !$0.value.isEmpty && $0.value.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil } }.keys)
        self.codeSets = merged
        codeSetList = merged.keys.sorted().map { ($0, merged[$0]!) }
        var names: [Int: [(String, Int, EffectiveProfile.Spelling)]] = [:]
        if let profile {
            var seen = Set<String>()
            for spec in profile.elements {
                for name in [spec.name] + spec.synonyms + spec.traditional where seen.insert(name).inserted {
                    // The profile's own lookup decides what each spelling means.
                    guard let (found, spelling) = profile.element(named: name),
                          let index = profile.elements.firstIndex(where: { $0.key == found.key })
                    else { continue }
                    names[name.utf8.count, default: []].append((name, index, spelling))
                }
            }
        }
        elementNames = names
        itemCodePattern = profile?.parameters["事项编码格式"].map(CompiledPattern.init)
    }

    /// The values of a code set: `codeSets[name]`.
    func codeSet(_ name: String) -> [String]? {
        for entry in codeSetList where FastText.identical(entry.name, name) { return entry.values }
        for entry in codeSetList where FastText.sameBytes(entry.name, name) { return entry.values }
        return codeSets[name]
    }

    /// The element spelt exactly `name`, byte for byte, as `EffectiveProfile.element(named:)`
    /// gives it; nil when no name has these bytes.
    func element(named name: String) -> (index: Int, spelling: EffectiveProfile.Spelling)? {
        guard let bucket = elementNames[name.utf8.count] else { return nil }
        for entry in bucket where FastText.identical(entry.name, name) { return (entry.index, entry.spelling) }
        for entry in bucket where FastText.sameBytes(entry.name, name) { return (entry.index, entry.spelling) }
        return nil
    }
}

/// A POSIX extended regular expression compiled once and shared by the workers (glibc's
/// `regexec` is thread-safe); `matches` answers as `Pattern.matches` does.
final class CompiledPattern: @unchecked Sendable {
    let pattern: String
    private let regex: UnsafeMutablePointer<regex_t>
    private let compiled: Bool

    init(_ pattern: String) {
        self.pattern = pattern
        regex = .allocate(capacity: 1)
        regex.initialize(to: regex_t())
        compiled = regcomp(regex, pattern, REG_EXTENDED | REG_NOSUB) == 0
    }

    deinit {
        if compiled { regfree(regex) }
        regex.deallocate()
    }

    func matches(_ text: String) -> Bool {
        guard compiled else { return true }
        return regexec(regex, text, 0, nil, 0) == 0
    }
}
