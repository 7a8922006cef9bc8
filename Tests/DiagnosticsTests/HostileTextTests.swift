@testable import Diagnostics
import Testing

/// Catalog text that would act on a terminal or mislead its reader: line breaks, escape
/// sequences (clear the screen, retitle the window), C1 controls and bidirectional
/// overrides, in messages, notes, file names and quoted source lines.
@Suite struct HostileTextTests {
    /// A file name with an escape sequence and a line break, as Linux allows.
    static let file = "items/a\u{1B}[2J\nb.yaml"
    static let value = "许可\n\u{1B}[2J\u{1B}]0;pwned\u{07}\r\u{9B}31m\u{202E}cba\u{2066}\u{2028}\t\u{7F}"

    static var sources: SourceTexts {
        var s = SourceTexts()
        s.add(file: file, text: "事项类型: \"许可\\n\"\n事项名称: 名\u{1B}[2J称\u{202E}ab\tc\n")
        return s
    }

    static let diagnostics = [
        Diagnostic(
            RendererTests.code, at: SourceSpan(file: file, range: SourceRange(start: .init(line: 2, column: 7), end: .init(line: 2, column: 18))),
            message: LocalizedText(zh: "“\(value)”不是事项类型", en: "\"\(value)\" is not a type"),
            notes: [DiagnosticNote(LocalizedText(zh: "见“\(value)”", en: "see \"\(value)\""),
                                   at: SourceSpan(file: file, range: SourceRange(at: .init(line: 1, column: 7))))]),
    ]

    @Test func visibleEscapes() {
        #expect(VisibleText.escaped("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(VisibleText.escaped("\u{0}\u{1B}\u{7F}\u{85}\u{9B}") == "\\u{0}\\u{1B}\\u{7F}\\u{85}\\u{9B}")
        #expect(VisibleText.escaped("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}") == "\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{202E}")
        #expect(VisibleText.escaped("\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{61C}") == "\\u{2066}\\u{2067}\\u{2068}\\u{2069}\\u{200E}\\u{200F}\\u{61C}")
        #expect(VisibleText.escaped("\u{2028}\u{2029}") == "\\u{2028}\\u{2029}")
        // Everything else is left as it is: Chinese, a backslash, combining marks, emoji.
        let plain = "结婚登记 \\ é \u{0301} 👍🏽 “”"
        #expect(VisibleText.escaped(plain) == plain)
    }

    @Test func textIsOneLinePerDiagnosticAndNoteWithEscapesShown() {
        let out = TextRenderer(language: .en).render(Self.diagnostics, sources: Self.sources, fileCount: 1)
        #expect(out == #"""
            items/a\u{1B}[2J\nb.yaml:2:7: error: "许可\n\u{1B}[2J\u{1B}]0;pwned\u{7}\r\u{9B}31m\u{202E}cba\u{2066}\u{2028}\t\u{7F}" is not a type [ZN999]
               2 | 事项名称: 名\u{1B}[2J称\u{202E}ab c
                 |           ^~~~~~~~~~~~~~~~~~~~~~~~~
            items/a\u{1B}[2J\nb.yaml:1:7: note: see "许可\n\u{1B}[2J\u{1B}]0;pwned\u{7}\r\u{9B}31m\u{202E}cba\u{2066}\u{2028}\t\u{7F}"
               1 | 事项类型: "许可\n"
                 |           ^
            1 file checked: 1 error, 0 warnings.

            """#)
    }

    @Test func noRendererWritesAControlCharacterOfTheCatalog() {
        let text = TextRenderer(language: .zh, useColor: true).render(Self.diagnostics, sources: Self.sources, fileCount: 1)
        let github = GitHubRenderer(language: .zh, registry: SARIFRendererTests.registry).render(Self.diagnostics, fileCount: 1)
        let json = JSONRenderer(language: .zh).render(Self.diagnostics)
        let sarif = SARIFRenderer(language: .zh, registry: SARIFRendererTests.registry, toolVersion: "1").render(Self.diagnostics)
        for (name, out) in [("text", text), ("github", github), ("json", json), ("sarif", sarif)] {
            // Line breaks end lines; the only escapes are the renderer's own colours.
            let withoutColour = out.replacing(/\x1B\[[0-9;]*m/, with: "")
            let bad = withoutColour.unicodeScalars.filter { $0 != "\n" && VisibleText.escape(for: $0) != nil }
            #expect(bad.isEmpty, "\(name): \(bad.map { String($0.value, radix: 16) })")
        }
        #expect(text.split(separator: "\n").count == 7)
        #expect(github.split(separator: "\n").count == 2)
    }

    @Test func githubShowsTheEscapesAndBreaksOnlyBetweenNotes() {
        let out = GitHubRenderer(language: .en, registry: SARIFRendererTests.registry).render(Self.diagnostics[0])
        #expect(out == #"::error file=items/a\u{1B}[2J\nb.yaml,line=2,col=7,endLine=2,endColumn=17,title=ZN999 Test::"#
            + #""许可\n\u{1B}[2J\u{1B}]0;pwned\u{7}\r\u{9B}31m\u{202E}cba\u{2066}\u{2028}\t\u{7F}" is not a type"#
            + #"%0Anote: items/a\u{1B}[2J\nb.yaml:1:7: see "许可\n\u{1B}[2J\u{1B}]0;pwned\u{7}\r\u{9B}31m\u{202E}cba\u{2066}\u{2028}\t\u{7F}""#)
    }

    @Test func jsonEscapesEveryControlCharacter() {
        #expect(json("\u{0}\u{1F}\u{1B}\n\r\t\u{7F}\u{80}\u{9B}\u{9F}\u{2028}\u{2029}\u{202E}")
            == #""\u0000\u001f\u001b\n\r\t\u007f\u0080\u009b\u009f\u2028\u2029\u202e""#)
        #expect(json("许可 \"a\" \\ é") == #""许可 \"a\" \\ é""#)
    }
}
