import Diagnostics
import TestSupport
import Testing

@Suite struct RendererTests {
    static let code = DiagnosticCode(
        "ZN999", .error, title: LocalizedText(zh: "测试", en: "Test"),
        explanation: LocalizedText(zh: "说明。", en: "Explanation."),
        fix: LocalizedText(zh: "改正。", en: "Fix it."), example: "键: 值")

    static var sources: SourceTexts {
        var s = SourceTexts()
        s.add(file: "items/a.yaml", text: "事项名称: 特种设备使用登记\r\n办理时限:\n  承诺: 40个工作日\n  法定: 30个工作日\n")
        return s
    }

    static let diagnostics: [Diagnostic] = [
        Diagnostic(
            code, at: SourceSpan(file: "items/a.yaml", range: SourceRange(start: .init(line: 3, column: 7), end: .init(line: 3, column: 13))),
            message: LocalizedText(zh: "承诺时限“40个工作日”超过法定时限“30个工作日”", en: "the promised limit \"40个工作日\" exceeds the statutory \"30个工作日\""),
            notes: [DiagnosticNote(
                LocalizedText(zh: "法定时限写在这里", en: "the statutory limit is here"),
                at: SourceSpan(file: "items/a.yaml", range: SourceRange(start: .init(line: 4, column: 7), end: .init(line: 4, column: 13)))),
                DiagnosticNote(LocalizedText(zh: "没有位置的说明", en: "a note with no place"))]),
        Diagnostic(
            code, severity: .warning,
            at: SourceSpan(file: "items/a.yaml", range: SourceRange(start: .init(line: 1, column: 7), end: .init(line: 1, column: 15))),
            message: LocalizedText(zh: "含\"引号\"和\\反斜杠\t制表符", en: "has \"quotes\", \\ and a\ttab")),
        Diagnostic(code, at: nil, message: LocalizedText(zh: "没有文件", en: "no file")),
    ]

    @Test(arguments: [Language.zh, .en])
    func textRenderer(language: Language) throws {
        let out = TextRenderer(language: language).render(Self.diagnostics, sources: Self.sources, fileCount: 3)
        try expectGolden(out, file: folder() + "/Golden/text-\(language.rawValue).txt")
    }

    @Test func textRendererInColour() throws {
        let out = TextRenderer(language: .en, useColor: true).render(Self.diagnostics, sources: Self.sources, fileCount: 3)
        try expectGolden(out, file: folder() + "/Golden/text-colour.txt")
        #expect(out.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    @Test func noColourUnlessAsked() {
        let out = TextRenderer(language: .en).render(Self.diagnostics, sources: Self.sources, fileCount: 3)
        #expect(!out.contains("\u{1B}"))
    }

    @Test func caretUnderWideCharactersLinesUp() {
        let out = TextRenderer(language: .en).render(Self.diagnostics[1], sources: Self.sources)
        let lines = out.split(separator: "\n")
        // "事项名称: " is 4 wide characters + ": " = 10 cells; the value is 8 wide characters.
        #expect(lines[2] == "     | " + String(repeating: " ", count: 10) + "^" + String(repeating: "~", count: 15))
    }

    @Test(arguments: [Language.zh, .en])
    func jsonRenderer(language: Language) throws {
        let out = JSONRenderer(language: language).render(Self.diagnostics)
        try expectGolden(out, file: folder() + "/Golden/json-\(language.rawValue).json")
    }

    @Test func emptyJSON() {
        #expect(JSONRenderer(language: .en).render([]) == "{\"version\":1,\"diagnostics\":[]}\n")
    }

    @Test func summaries() {
        let zh = TextRenderer(language: .zh), en = TextRenderer(language: .en)
        #expect(zh.summary([], fileCount: 2) == "共检查 2 个文件，未发现问题。")
        #expect(en.summary([], fileCount: 1) == "1 file checked, no problems found.")
        #expect(en.summary(Self.diagnostics, fileCount: 2) == "2 files checked: 2 errors, 1 warning.")
    }

    @Test func sortingIsByFileLineColumn() {
        let a = Diagnostic(Self.code, at: SourceSpan(file: "b.yaml", range: SourceRange(at: .init(line: 1, column: 1))), message: LocalizedText(zh: "", en: ""))
        let b = Diagnostic(Self.code, at: SourceSpan(file: "a.yaml", range: SourceRange(at: .init(line: 9, column: 1))), message: LocalizedText(zh: "", en: ""))
        let c = Diagnostic(Self.code, at: SourceSpan(file: "a.yaml", range: SourceRange(at: .init(line: 2, column: 5))), message: LocalizedText(zh: "", en: ""))
        #expect([a, b, c].sortedForOutput().map { $0.span!.file + ":\($0.span!.range.start.line)" } == ["a.yaml:2", "a.yaml:9", "b.yaml:1"])
    }

    @Test func registryExplainsAndRejectsDuplicates() {
        let registry = DiagnosticRegistry([[Self.code]])
        #expect(registry.code("zn999")?.id == "ZN999")
        #expect(registry.code("ZN000") == nil)
        let text = registry.explanation(of: Self.code, in: .en)
        #expect(text == "ZN999: Test\n\nExplanation.\n\nHow to fix: Fix it.\n\nExample:\n    键: 值\n\nDefault severity: error\nMachine-fixable: no; fix it by hand.\n")
    }
}
