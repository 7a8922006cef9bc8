import Foundation
import Testing

@testable import Compiler

/// The JSON Schema's patterns accept exactly what check's value forms accept, over texts
/// put together from the pieces those forms are made of.
@Suite struct ValueFormsTests {
    /// Every string of up to `length` pieces.
    static func texts(_ pieces: [String], length: Int) -> [String] {
        var all = [""], last = [""]
        for _ in 0..<length {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            all += last
        }
        return all
    }

    /// Whether `pattern` (anchored at both ends) matches `text` as ECMA-262 does, where
    /// `$` is the end of the text (ICU's `$` also matches before a final line break).
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: pattern)
        let whole = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: whole)?.range == whole
    }

    static func expectAgreement(_ pattern: String, _ form: (String) -> Bool, over texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let disagreements = texts.filter { matches(pattern, $0) != form($0) }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))", sourceLocation: sourceLocation)
    }

    @Test func timeLimits() {
        let texts = Self.texts(["5", "0", "1", "00000", "100000", "即办", "个工作日", "工作日", "日", "天", " ", "\u{3000}", "个", "\t"], length: 3)
            + ["100001日", "99999天", "0000100000日", "5个工作日\n"]
        Self.expectAgreement(ValueForms.Patterns.timeLimit, { FastText.timeLimit($0) != nil }, over: texts)
    }

    @Test func phoneNumbers() {
        let texts = Self.texts(["020-", "12345", "678", "13812345678", "4001234567", "转", "8001", "、", ",", "；", " ", "\u{3000}", "-", "0"], length: 3)
        Self.expectAgreement(ValueForms.Patterns.phone, ValueForms.isPhone, over: texts)
    }

    @Test func phoneNumbersYAMLReadsAsIntegers() {
        for n in [9_999, 10_000, 99_999, 999_999, 1_000_000, 3_999_999_999, 4_001_234_567, 4_010_000_000, 8_009_999_999,
                  9_999_999_999, 10_000_000_000, 13_812_345_678, 19_999_999_999, 20_000_000_000] {
            #expect(ValueForms.Patterns.phoneNumbers.contains { $0.contains(n) } == ValueForms.isPhone(String(n)), "\(n)")
        }
    }

    @Test func addresses() {
        let texts = Self.texts(["http", "HTTPS", "s", ":", "//", "/", "x.cn", " ", "\"", "<", "例", "\t"], length: 4)
        Self.expectAgreement(ValueForms.Patterns.httpURL, ValueForms.isHTTPURL, over: texts)
    }
}
