import Standards
import Testing

@testable import Compiler

/// The value forms, as pure functions.
@Suite struct ValueFormTests {
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
}
