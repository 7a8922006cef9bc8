import Standards
import Testing

@testable import Compiler

/// The value forms, as pure functions.
@Suite struct ValueFormTests {
    @Test func calendarDates() {
        for date in ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "1582-10-10", "2023-01-31"] {
            #expect(ValueForms.dateProblem(date) == nil, "\(date)")
        }
        #expect(ValueForms.dateProblem("2023-02-29") == .day(year: 2023, month: 2, days: 28))
        #expect(ValueForms.dateProblem("2100-02-29") == .day(year: 2100, month: 2, days: 28))
        #expect(ValueForms.dateProblem("2023-06-31") == .day(year: 2023, month: 6, days: 30))
        #expect(ValueForms.dateProblem("2023-01-00") == .day(year: 2023, month: 1, days: 31))
        #expect(ValueForms.dateProblem("0000-01-01") == .year)
        #expect(ValueForms.dateProblem("2023-13-01") == .month)
        #expect(ValueForms.dateProblem("2023-00-01") == .month)
        for text in ["2023-1-01", "20230101", "2023/01/01", "２０２３-01-01", "2023-01-01 ", "-2023-01-01", "2023-01-01Z", ""] {
            #expect(ValueForms.dateProblem(text) == .form, "\(text)")
        }
    }

    /// A NUL would end the text the C library's regexec sees.
    @Test func aPatternNeverMatchesTextWithANUL() {
        let pattern = "^[0-9]{6}-[A-Z]{2}-[0-9]{5}-[0-9]{3}"
        #expect(Pattern.matches("440100-XK-00012-001/x", pattern))
        #expect(!Pattern.matches("440100-XK-00012-001\u{0}/../../evil", pattern))
    }

    @Test func lineBreaks() {
        for text in ["a\nb", "a\r", "\u{2028}", "a\u{2029}b", "a\u{85}b"] { #expect(ValueForms.hasLineBreak(text), "\(text.debugDescription)") }
        for text in ["", "特种设备使用登记", "a\tb", "\u{2027}\u{202A}", "\u{A0}"] { #expect(!ValueForms.hasLineBreak(text), "\(text.debugDescription)") }
    }

    @Test func theItemSchemaGivesDatesTheDateFormat() throws {
        let schema = ItemSchema.Builder(profile: try guideAndManual()).kind(.date, .required)
        #expect(schema == .object([
            ("type", .string("string")), ("format", .string("date")),
            ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
        ]))
    }
}
