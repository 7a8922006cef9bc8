/// The day a build is dated, in UTC: what printed pages say after "生成于". It comes from
/// `SOURCE_DATE_EPOCH` (reproducible-builds.org), never from the clock, so the same inputs
/// and the same `SOURCE_DATE_EPOCH` give a byte-identical site.
public struct BuildDate: Sendable, Equatable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The UTC day of `text`, a whole number of seconds since 1970-01-01 00:00 UTC written
    /// in ASCII digits; nil for anything else, or for a day after 9999-12-31.
    public init?(sourceDateEpoch text: String) {
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let seconds = Int(text), seconds <= 253_402_300_799
        else { return nil }
        // Days since 1970-01-01 to the civil date (H. Hinnant's days_from_civil, inverted).
        let z = seconds / 86_400 + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `2026-12-02`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }
}
