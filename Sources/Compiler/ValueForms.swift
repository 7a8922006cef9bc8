/// The forms of typed values the format (docs/) fixes. Pure functions.
enum ValueForms {
    /// The same forms as regular expressions for the JSON Schema (`zhinan schema`), in the
    /// part of ECMA-262 that every validator reads alike: each matches exactly the text its
    /// function accepts (ValueFormsTests hold the two together).
    enum Patterns {
        /// A 情形 question's 编号: ASCII letters, digits and '-'.
        static let questionID = "^[A-Za-z0-9-]+$"

        /// `timeLimit`: N个工作日, N工作日, N日, N天 (0 < N ≤ 100,000) or 即办, between spaces.
        static let timeLimit = "^[ \t\u{3000}]*(即办|0*(100000|[1-9][0-9]{0,4})(个工作日|工作日|日|天))[ \t\u{3000}]*$"

        /// One number of `isPhone`, with an optional 转 extension.
        private static let onePhone = "(0[0-9]{2,3}-[0-9]{7,8}|1[0-9]{10}|[0-9]{5,6}|(400|800)[0-9]{7})(转[0-9]+)?"
        private static let separators = "[、，,;；/]", spaces = "[ \u{3000}]*"

        /// `isPhone`: numbers separated by 、，,;；/, each between spaces.
        static let phone = "^\(separators)*\(spaces)\(onePhone)\(spaces)(\(separators)+\(spaces)\(onePhone)\(spaces))*\(separators)*$"

        /// `isPhone` of a number YAML reads as an integer (`12345`, `13812345678`), as
        /// inclusive ranges: service numbers, 400 and 800 numbers, mobile numbers.
        static let phoneNumbers: [ClosedRange<Int>] = [
            10_000...999_999, 4_000_000_000...4_009_999_999, 8_000_000_000...8_009_999_999, 10_000_000_000...19_999_999_999,
        ]

        /// `isHTTPURL` of one line: http:// or https:// in any case, then at least one
        /// character and no space, quote or angle bracket.
        static let httpURL = "^[Hh][Tt][Tt][Pp][Ss]?://[^ \n\r\"<>]+$"
    }

    /// GB 32100-2015: 18 characters of `0-9A-HJ-NPQRTUWXY`; the last is the check character.
    static func isValidCreditCode(_ code: String) -> Bool {
        guard let expected = expectedCheckCharacter(code) else { return false }
        return code.last == expected
    }

    /// The check character a credit code's first 17 characters call for; `nil` when the
    /// code is not 18 characters of the standard's set.
    static func expectedCheckCharacter(_ code: String) -> Character? {
        let charset = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let chars = Array(code)
        guard chars.count == 18, charset.contains(chars[17]) else { return nil }
        var sum = 0
        for i in 0..<17 {
            guard let v = charset.firstIndex(of: chars[i]) else { return nil }
            sum += v * weights[i]
        }
        return charset[(31 - sum % 31) % 31]
    }

    /// A 情形 question's 编号: ASCII letters, digits and '-', at least one.
    static func isQuestionID(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { s in
            s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-")
        }
    }

    static func isRegionCode(_ text: String) -> Bool {
        text.count == 6 && text.allSatisfy { $0.isASCII && $0.isNumber } && !text.hasPrefix("0")
    }

    /// 区号-号码 (with an optional 转 extension), an 11-digit mobile, or a 5–6 digit service
    /// number; several separated by 、，, or ;.
    static func isPhone(_ text: String) -> Bool {
        // Digits and hyphens only (020-12345678): no separator, nothing to trim, one part.
        if !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) { return isPlainPhone(text.utf8) }
        let parts = text.split { "、，,;；/".contains($0) }.map { $0.trimmingCharacters(in: " ") }
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy(isSinglePhone)
    }

    private static func isSinglePhone(_ raw: String) -> Bool {
        var t = Substring(raw)
        if let r = t.range(of: "转") {  // extension
            let ext = t[r.upperBound...]
            guard !ext.isEmpty, ext.allSatisfy(isDigit) else { return false }
            t = t[..<r.lowerBound]
        }
        if t.allSatisfy(isDigit) {
            if t.count == 11 && t.hasPrefix("1") { return true }  // mobile
            if (5...6).contains(t.count) { return true }  // 12345, 96xxx
            return t.count == 10 && (t.hasPrefix("400") || t.hasPrefix("800"))
        }
        let pieces = t.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return false }
        return (3...4).contains(pieces[0].count) && pieces[0].hasPrefix("0") && (7...8).contains(pieces[1].count)
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// `isSinglePhone` for text of ASCII digits and hyphens, read from its bytes (one byte a
    /// character, and no 转).
    private static func isPlainPhone(_ t: String.UTF8View) -> Bool {
        let hyphens = t.lazy.filter { $0 == 0x2D }.count
        let n = t.count
        if hyphens == 0 {
            if n == 11 && t.first == UInt8(ascii: "1") { return true }
            if n == 5 || n == 6 { return true }
            return n == 10 && (t.starts(with: "400".utf8) || t.starts(with: "800".utf8))
        }
        guard hyphens == 1, let dash = t.firstIndex(of: 0x2D) else { return false }
        let area = t.distance(from: t.startIndex, to: dash), number = n - area - 1
        return (3...4).contains(area) && t.first == UInt8(ascii: "0") && (7...8).contains(number)
    }

    /// Whether `text` holds a line break: LF, CR, NEL, or Unicode's line or paragraph
    /// separator.
    static func hasLineBreak(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in text.utf8 {
            if b == 0x0A || b == 0x0D { return true }
            if previous == 0xC2 && b == 0x85 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (b == 0xA8 || b == 0xA9) { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    static func isHTTPURL(_ text: String) -> Bool {
        // Printable ASCII: lowercasing and character tests can be done on bytes.
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            let u = Array(text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            guard u.starts(with: "http://".utf8) || u.starts(with: "https://".utf8) else { return false }
            // After the scheme's "//": `drop { $0 != "/" }.dropFirst(2)` must leave something.
            guard let slash = u.firstIndex(of: UInt8(ascii: "/")), slash + 2 < u.count else { return false }
            return !u.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        let rest = lower.drop { $0 != "/" }.dropFirst(2)
        return !rest.isEmpty && !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    /// What keeps a text from being a date.
    enum DateProblem: Equatable {
        /// Not `YYYY-MM-DD` in ASCII digits.
        case form
        /// The year 0000.
        case year
        /// A month outside 01–12.
        case month
        /// A day outside 01 to the month's `days`.
        case day(year: Int, month: Int, days: Int)
    }

    /// Why `text` is not a date, or nil when it is one: `YYYY-MM-DD`, a day of the proleptic
    /// Gregorian calendar (ISO 8601's, and xs:date's, extended before 1582) in the years
    /// 0001 to 9999 (four digits, and xs:date has no year 0000).
    static func dateProblem(_ text: String) -> DateProblem? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return .form }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for b in u[r] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return .form }
        guard year >= 1 else { return .year }
        guard (1...12).contains(month) else { return .month }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
        guard (1...days).contains(day) else { return .day(year: year, month: month, days: days) }
        return nil
    }

    /// `2/3`, or a decimal such as `0.6`; strictly between 0 and 1. The denominator is at
    /// most 10⁹ (nine decimals), so the rules can multiply it by a day count without overflow.
    static func ratio(_ text: String) -> (Int, Int)? {
        let t = text.trimmingCharacters(in: " ")
        let parts = t.split(separator: "/")
        if parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), n > 0, d > 0, n < d, d <= 1_000_000_000 { return (n, d) }
        if parts.count == 1, t.hasPrefix("0."), t.count <= 11, let f = Int(t.dropFirst(2)), f > 0 {
            var d = 1
            for _ in 0..<(t.count - 2) { d *= 10 }
            return (f, d)
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, set.contains(l) || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}
