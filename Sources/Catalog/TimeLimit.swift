/// A time limit as the standards write it: `N个工作日`, `N日` (calendar days) or `即办`.
public enum TimeLimit: Sendable, Hashable {
    /// 即办: done on the spot.
    case immediate
    case workingDays(Int)
    case calendarDays(Int)

    /// The limit as an officer writes it.
    public var text: String {
        switch self {
        case .immediate: "即办"
        case .workingDays(let n): "\(n)个工作日"
        case .calendarDays(let n): "\(n)日"
        }
    }

    /// Parses `30个工作日`, `30日`, `30天`, `即办`. Returns nil for anything else.
    public init?(text: String) {
        let t = Substring(text).trimmingSpaces()
        if t == "即办" { self = .immediate; return }
        for (suffix, make) in [
            ("个工作日", TimeLimit.workingDays), ("工作日", TimeLimit.workingDays),
            ("日", TimeLimit.calendarDays), ("天", TimeLimit.calendarDays),
        ] as [(String, (Int) -> TimeLimit)] where t.hasSuffix(suffix) {
            let digits = t.dropLast(suffix.count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let n = Int(digits), n > 0, n <= 100_000
            else { return nil }
            self = make(n)
            return
        }
        return nil
    }

    /// The outcome of comparing two limits that may count days differently.
    public enum Comparison: Sendable, Equatable {
        case shorter, equal, longer
        /// Working days and calendar days cannot be ordered for sure: `N` working days
        /// span between `N` and about `N * 7 / 5 + 11` calendar days (weekends and the
        /// longest public holiday).
        case undecided
    }

    /// Compares conservatively: a working-day and a calendar-day limit are ordered only
    /// when every calendar placement of the working days agrees.
    public func compare(to other: TimeLimit) -> Comparison {
        func order(_ a: Int, _ b: Int) -> Comparison { a < b ? .shorter : a == b ? .equal : .longer }
        switch (self, other) {
        case (.workingDays(let a), .workingDays(let b)), (.calendarDays(let a), .calendarDays(let b)):
            return order(a, b)
        case (.immediate, .immediate): return .equal
        case (.immediate, _): return .shorter
        case (_, .immediate): return .longer
        default:
            let (a, b) = (bounds, other.bounds)
            if a.upper < b.lower { return .shorter }
            if a.lower > b.upper { return .longer }
            return .undecided
        }
    }

    /// The span of calendar days this limit may cover.
    public var bounds: (lower: Int, upper: Int) {
        switch self {
        case .immediate: return (0, 0)
        case .calendarDays(let n): return (n, n)
        case .workingDays(let n):
            // Weekends, plus up to the 8 extra days of the longest public holiday (国庆)
            // that one span can contain, and one more for a weekend-adjacent start.
            return (n, n + (n + 4) / 5 * 2 + 8)
        }
    }

    /// Days counted in this limit's own unit; 0 for 即办.
    public var days: Int {
        switch self {
        case .immediate: 0
        case .workingDays(let n), .calendarDays(let n): n
        }
    }
}

extension TimeLimit: Codable {
    private enum CodingKeys: String, CodingKey { case kind, days }
    private enum Kind: String, Codable { case immediate, workingDays, calendarDays }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .immediate: self = .immediate
        case .workingDays: self = .workingDays(try c.decode(Int.self, forKey: .days))
        case .calendarDays: self = .calendarDays(try c.decode(Int.self, forKey: .days))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .immediate: try c.encode(Kind.immediate, forKey: .kind)
        case .workingDays(let n):
            try c.encode(Kind.workingDays, forKey: .kind)
            try c.encode(n, forKey: .days)
        case .calendarDays(let n):
            try c.encode(Kind.calendarDays, forKey: .kind)
            try c.encode(n, forKey: .days)
        }
    }
}

/// 办理时限: the statutory limit (法定) and the centre's promise (承诺).
public struct TimeLimits: Codable, Sendable, Equatable {
    public var statutory: TimeLimit?
    public var promised: TimeLimit?
    /// `法定: 无` (GB/T 39554.2-2020): no law sets a limit; ``statutory`` is nil, nothing is
    /// compared with it, and stats leave the item out of compression figures.
    public var noStatutoryLimit: Bool
    /// 法定说明: why there is no statutory limit, or how it is counted.
    public var statutoryNote: String?
    /// 承诺说明, e.g. 半小时办结.
    public var promisedNote: String?
    public init(
        statutory: TimeLimit? = nil, promised: TimeLimit? = nil, noStatutoryLimit: Bool = false,
        statutoryNote: String? = nil, promisedNote: String? = nil
    ) {
        self.statutory = statutory
        self.promised = promised
        self.noStatutoryLimit = noStatutoryLimit
        self.statutoryNote = statutoryNote
        self.promisedNote = promisedNote
    }

    /// The share of the statutory limit saved by the promise (0.4 for "压缩40%"), when
    /// both count days the same way.
    public var compression: Double? {
        guard let s = statutory, let p = promised else { return nil }
        switch (s, p) {
        case (.immediate, _): return nil
        case (.workingDays(let a), .workingDays(let b)), (.calendarDays(let a), .calendarDays(let b)):
            return Double(a - b) / Double(a)
        case (_, .immediate): return 1
        default: return nil
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and ideographic spaces.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return self[first...last]
    }
}
