import Foundation
import Testing

@testable import Markup

/// ``Markup/jsonInScript(_:)`` and ``Markup/cssString(_:)``: text inside `<script>` and
/// `<style>`, where character references mean nothing and only the element's end matters.
@Suite struct JSONAndCSSEscapingTests {
    /// Every hostile cluster of the HTML escaper's tests, plus the ways out of a script.
    static let hostile: [String] =
        MarkupTests.hostileClusters + [
            "</script>", "</SCRIPT >", "<!--", "-->", "<script>", "]]>", "\u{2028}", "\u{2029}", "a\u{0}b", "\u{7F}",
            "\u{202E}</script>\u{200D}", "</scr\u{301}ipt>",
        ]

    @Test func jsonInScriptLeavesNoWayOutOfTheElement() throws {
        for text in Self.hostile {
            let data = try JSONSerialization.data(withJSONObject: ["name": text], options: [.sortedKeys])
            let json = String(decoding: data, as: UTF8.self)
            let escaped = Markup.jsonInScript(json)
            #expect(!escaped.utf8.contains(0x3C), "raw < in \(escaped.debugDescription)")
            #expect(!escaped.utf8.contains(0x3E), "raw > in \(escaped.debugDescription)")
            #expect(!escaped.utf8.contains(0x26), "raw & in \(escaped.debugDescription)")
            #expect(!escaped.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" })
            // The same JSON value.
            let back = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
            #expect(back?["name"] == text)
        }
    }

    @Test func jsonInScriptEscapesExactly() {
        #expect(Markup.jsonInScript(#"{"a":"</script><!--&\u2028"}"#) == #"{"a":"\u003c/script\u003e\u003c!--\u0026\u2028"}"#)
        #expect(Markup.jsonInScript("{\"a\":\"\u{2028}\u{2029}\"}") == #"{"a":"\u2028\u2029"}"#)
        #expect(Markup.jsonInScript(#"{"食品":"许可"}"#) == #"{"食品":"许可"}"#)
    }

    @Test func cssStringKeepsTextAndEscapesTheRest() {
        #expect(Markup.cssString("广州市荔湾区民政局 · 440103") == "广州市荔湾区民政局 · 440103")
        #expect(Markup.cssString("a\"b\\c") == "a\\22 b\\5c c")
        #expect(Markup.cssString("</style>") == "\\3c \\2f style\\3e ")
        #expect(Markup.cssString("x\ny\u{0}") == "x\u{FFFD}y\u{FFFD}")
        for text in Self.hostile {
            let css = Markup.cssString(text)
            for byte in [UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x0A, 0x0D, 0x0C] {
                #expect(!css.utf8.contains(byte), "\(css.debugDescription)")
            }
            // Every backslash starts an escape: hex digits, then a space (by scalar: a mark
            // after the space is CSS's next character, not part of the escape).
            var rest = Substring.UnicodeScalarView(css.unicodeScalars)
            while let i = rest.firstIndex(of: "\\") {
                let after = rest[rest.index(after: i)...]
                let hex = after.prefix { $0.properties.isASCIIHexDigit }
                #expect(!hex.isEmpty && after.dropFirst(hex.count).first == " ")
                rest = after.dropFirst(hex.count)
            }
        }
    }
}
