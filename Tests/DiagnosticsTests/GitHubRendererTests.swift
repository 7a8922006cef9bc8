import Diagnostics
import TestSupport
import Testing

@Suite struct GitHubRendererTests {
    static let registry = SARIFRendererTests.registry

    static func renderer(_ language: Language, root: String? = nil) -> GitHubRenderer {
        GitHubRenderer(language: language, registry: registry, sourceRoot: root)
    }

    static func diagnostic(
        _ severity: Severity, file: String = "items/a.yaml", from: (Int, Int), to: (Int, Int),
        message: String = "m", notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(
            RendererTests.code, severity: severity,
            at: SourceSpan(file: file, range: SourceRange(start: .init(line: from.0, column: from.1), end: .init(line: to.0, column: to.1))),
            message: LocalizedText(zh: message, en: message), notes: notes)
    }

    @Test(arguments: [Language.zh, .en])
    func golden(language: Language) throws {
        let out = Self.renderer(language).render(RendererTests.diagnostics, fileCount: 3)
        try expectGolden(out, file: folder() + "/Golden/github-\(language.rawValue).txt")
    }

    @Test func firstLineInFull() {
        let out = Self.renderer(.zh).render(RendererTests.diagnostics[0])
        #expect(out == "::error file=items/a.yaml,line=3,col=7,endLine=3,endColumn=12,title=ZN999 测试::"
            + "承诺时限“40个工作日”超过法定时限“30个工作日”%0A注：items/a.yaml:4:7: 法定时限写在这里%0A注：没有位置的说明")
    }

    @Test func severitiesBecomeCommands() {
        let r = Self.renderer(.en)
        #expect(r.render(Self.diagnostic(.error, from: (1, 1), to: (1, 2))).hasPrefix("::error file="))
        #expect(r.render(Self.diagnostic(.warning, from: (1, 1), to: (1, 2))).hasPrefix("::warning file="))
        #expect(r.render(Self.diagnostic(.note, from: (1, 1), to: (1, 2))).hasPrefix("::notice file="))
    }

    @Test func columnsOnlyForARangeOnOneLine() {
        let r = Self.renderer(.en)
        // endColumn is the last column of the range; an empty range is its one column.
        #expect(r.render(Self.diagnostic(.error, from: (2, 5), to: (2, 9))) == "::error file=items/a.yaml,line=2,col=5,endLine=2,endColumn=8,title=ZN999 Test::m")
        #expect(r.render(Self.diagnostic(.error, from: (2, 5), to: (2, 5))) == "::error file=items/a.yaml,line=2,col=5,endLine=2,endColumn=5,title=ZN999 Test::m")
        #expect(r.render(Self.diagnostic(.error, from: (2, 5), to: (4, 1))) == "::error file=items/a.yaml,line=2,endLine=4,title=ZN999 Test::m")
    }

    @Test func noFileNoPlace() {
        let d = Diagnostic(RendererTests.code, at: nil, message: LocalizedText(zh: "没有文件", en: "no file"))
        #expect(Self.renderer(.en).render(d) == "::error title=ZN999 Test::no file")
    }

    @Test func escaping() {
        #expect(GitHubRenderer.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubRenderer.escapeProperty("100% a:b,c\nd") == "100%25 a%3Ab%2Cc%0Ad")
        // A line break the message itself holds is shown as \n: only notes start lines.
        let d = Self.diagnostic(.warning, file: "items/x,y:z%.yaml", from: (1, 1), to: (1, 3), message: "50%\nline two: a, b")
        #expect(Self.renderer(.en).render(d)
            == "::warning file=items/x%2Cy%3Az%25.yaml,line=1,col=1,endLine=1,endColumn=2,title=ZN999 Test::50%25\\nline two: a, b")
        let titled = Diagnostic(
            SARIFRendererTests.other, at: SourceSpan(file: "a.yaml", range: SourceRange(at: .init(line: 1, column: 1))),
            message: LocalizedText(zh: "x", en: "x"))
        #expect(Self.renderer(.en).render(titled).contains(",title=ZN998 Another%3A one%2C with punctuation::x"))
    }

    @Test func pathsRelativeToTheWorkspace() {
        let r = Self.renderer(.en, root: "/home/runner/work/repo")
        #expect(r.render(Self.diagnostic(.error, file: "/home/runner/work/repo/catalogs/x/items/a.yaml", from: (1, 1), to: (1, 2)))
            .hasPrefix("::error file=catalogs/x/items/a.yaml,line=1,"))
        #expect(r.render(Self.diagnostic(.error, file: "./items/a.yaml", from: (1, 1), to: (1, 2)))
            .hasPrefix("::error file=items/a.yaml,line=1,"))
        #expect(r.render(Self.diagnostic(.error, file: "/tmp/a.yaml", from: (1, 1), to: (1, 2)))
            .hasPrefix("::error file=/tmp/a.yaml,line=1,"))
    }

    @Test func endsWithTheSummary() {
        let out = Self.renderer(.en).render(RendererTests.diagnostics, fileCount: 3)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.last == "3 files checked: 2 errors, 1 warning.")
        #expect(Self.renderer(.zh).render([], fileCount: 2) == "共检查 2 个文件，未发现问题。\n")
    }
}
