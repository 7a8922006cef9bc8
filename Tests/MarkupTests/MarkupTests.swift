import Testing

@testable import Markup

/// The one escaper finds `& < > " '` by scalar, whatever cluster they are in.
@Suite struct MarkupTests {
    /// Each special character joined into one grapheme cluster with a mark of every kind
    /// that can join it: prepend marks before it; combining marks, ZWJ, ZWNJ, emoji
    /// modifiers, variation selectors and spacing marks after it.
    static let hostileClusters: [String] = {
        let before: [Unicode.Scalar] = ["\u{600}", "\u{601}", "\u{602}", "\u{603}", "\u{604}", "\u{605}", "\u{6DD}", "\u{110BD}"]
        let after: [Unicode.Scalar] = [
            "\u{301}", "\u{338}", "\u{36F}", "\u{200D}", "\u{200C}", "\u{1F3FB}", "\u{1F3FF}", "\u{FE0F}", "\u{E0100}",
            "\u{903}",
        ]
        var out: [String] = []
        for special in ["<", ">", "&", "\"", "'"] {
            for mark in before { out.append(String(mark) + special) }
            for mark in after { out.append(special + String(mark)) }
        }
        return out
    }()

    static func reference(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "<": "&lt;"
        case ">": "&gt;"
        case "&": "&amp;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: String(scalar)
        }
    }

    /// Whether `html` holds a byte a browser reads as markup.
    static func hasRawSpecial(_ html: String) -> Bool {
        // A character reference's own "&" is the escaper's; anything else is raw.
        var bytes = Array(html.utf8)[...]
        while let i = bytes.firstIndex(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) {
            guard bytes[i] == 0x26, let ref = ["&lt;", "&gt;", "&amp;", "&quot;", "&#39;"].first(where: { bytes[i...].starts(with: $0.utf8) })
            else { return true }
            bytes = bytes[(i + ref.utf8.count)...]
        }
        return false
    }

    @Test func everyHostileClusterIsOneCharacter() {
        for text in Self.hostileClusters { #expect(text.count == 1, "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
    }

    @Test func escapesTheSpecialInsideEveryCluster() {
        for text in Self.hostileClusters {
            let expected = text.unicodeScalars.map(Self.reference).joined()
            let escaped = Markup.escape(text)
            #expect(escaped.utf8.elementsEqual(expected.utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(!Self.hasRawSpecial(escaped))
            var bytes: [UInt8] = []
            Markup.append(escaping: text, to: &bytes)
            #expect(bytes == Array(expected.utf8))
            // In SVG too, where controls are replaced as well.
            #expect(Markup.escape(text, controls: .replace).utf8.elementsEqual(expected.utf8))
        }
    }

    /// The check above catches the escaper this replaced: comparing whole `Character`s (as
    /// swift-mustache 2.1.1's `htmlEscape()` and the fast renderer's copy of it did) leaves
    /// the special byte of every hostile cluster raw.
    @Test func theCharacterBasedEscaperFailsIt() {
        func characterEscape(_ text: String) -> String {
            var out = ""
            for c in text {
                switch c {
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(c)
                }
            }
            return out
        }
        for text in Self.hostileClusters {
            #expect(Self.hasRawSpecial(characterEscape(text)), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(characterEscape("<a href=\"x\">'&'</a>") == Markup.escape("<a href=\"x\">'&'</a>"))
    }

    @Test func plainTextAndEveryReference() {
        #expect(Markup.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(Markup.escape("结婚登记\u{600}<img src=x onerror=alert(1)>") == "结婚登记\u{600}&lt;img src=x onerror=alert(1)&gt;")
        #expect(Markup.escape("办事指南 e\u{301}") == "办事指南 e\u{301}")
        #expect(Markup.escape("") == "")
        // Controls stay in HTML text unless asked.
        #expect(Markup.escape("a\u{1}b") == "a\u{1}b")
    }

    @Test func controlsBecomeReplacementCharactersForSVG() {
        let kept = "\t\n\r", replaced = ["\u{0}", "\u{1}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{FFFE}", "\u{FFFF}"]
        #expect(Markup.escape(kept, controls: .replace) == kept)
        for c in replaced {
            #expect(Markup.escape("a" + c + "<", controls: .replace) == "a\u{FFFD}&lt;", "\(c.unicodeScalars.first!.value)")
        }
        // Neighbours of the replaced ranges stay.
        for c in ["\u{A0}", "\u{FFFD}", "\u{FFEF}", "\u{10FFFF}", "\u{C0}"] {
            #expect(Markup.escape(c, controls: .replace) == c)
        }
    }
}
