@testable import Compiler
import Diagnostics
import Standards
import TestSupport
import Testing

/// `# zhinan-ignore:` comments, through the compiler and as the pure function.
@Suite struct SuppressionTests {
    /// The fixture with a promise above the internal control line: ZN602 at 27:7.
    static var overControlLine: Fixture {
        var f = Fixture()
        f.edit("  承诺: 10个工作日\n", "  承诺: 25个工作日\n")
        return f
    }

    // MARK: Through the compiler

    @Test func theFindingToSilence() throws {
        try expectFindings(Self.overControlLine, ["ZN602@items/a.yaml:27:7"])
    }

    @Test func commentOnTheLineOfTheFinding() throws {
        var f = Self.overControlLine
        f.edit("  承诺: 25个工作日\n", "  承诺: 25个工作日  # zhinan-ignore: ZN602\n")
        try expectFindings(f, [])
    }

    @Test func commentOnTheLineAbove() throws {
        var f = Self.overControlLine
        f.edit("  承诺: 25个工作日\n", "  # zhinan-ignore: ZN602 -- 经审批同意\n  承诺: 25个工作日\n")
        try expectFindings(f, [])
    }

    @Test func twoLinesAboveIsTooFar() throws {
        var f = Self.overControlLine
        f.edit("  法定: 30个工作日\n", "  # zhinan-ignore: ZN602\n  法定: 30个工作日\n")
        // The comment, at 26:3, covers lines 26 and 27; the finding moved to 28.
        try expectFindings(f, ["ZN313@items/a.yaml:26:20", "ZN602@items/a.yaml:28:7"])
    }

    @Test func anotherCodeDoesNotSilence() throws {
        var f = Self.overControlLine
        f.edit("  承诺: 25个工作日\n", "  承诺: 25个工作日  # zhinan-ignore: ZN604\n")
        // "  承诺: 25个工作日  # zhinan-ignore: " is 31 characters: ZN604 starts at column 32.
        try expectFindings(f, ["ZN602@items/a.yaml:27:7", "ZN313@items/a.yaml:27:32"])
        let unused = try f.compile().diagnostics[1]
        #expect(unused.severity == .warning)
        #expect(unused.span?.range.end == SourceLocation(line: 27, column: 37))
        #expect(unused.message.en == "the suppression of ZN604 silences nothing (no ZN604 finding on this line)")
        #expect(unused.message.zh == "忽略注释中的 ZN604 没有屏蔽任何问题（本行没有 ZN604 问题）")
    }

    @Test func unusedOnACleanLine() throws {
        var f = Fixture()
        f.edit("审批收费: 不收费\n", "审批收费: 不收费 # zhinan-ignore: ZN604\n")
        try expectFindings(f, ["ZN313@items/a.yaml:28:28"])
    }

    @Test func severalCodesWithAnySeparator() throws {
        var f = Self.overControlLine
        f.edit("  承诺: 25个工作日\n", "  承诺: 25个工作日 #zhinan-ignore：zn604 ZN602，ZN410、ZN305,ZN312\n")
        // Only ZN602 silences something; every other code is reported where it is written.
        try expectFindings(f, [
            "ZN313@items/a.yaml:27:29", "ZN313@items/a.yaml:27:41", "ZN313@items/a.yaml:27:47", "ZN313@items/a.yaml:27:53",
        ])
        #expect(try f.compile().diagnostics[0].message.en.hasPrefix("the suppression of ZN604 "))
    }

    @Test func unknownCodeIsReportedWithASuggestion() throws {
        var f = Self.overControlLine
        f.edit("  承诺: 25个工作日\n", "  承诺: 25个工作日  # zhinan-ignore: ZN6O2\n")
        try expectFindings(f, ["ZN602@items/a.yaml:27:7", "ZN314@items/a.yaml:27:32"])
        let bad = try f.compile().diagnostics[1]
        #expect(bad.message.en == "\"ZN6O2\" in the suppression is not a zhinan diagnostic code; did you mean \"ZN602\"?")
        #expect(bad.span?.range.end.column == 37)
    }

    @Test func aReasonWithoutDashesIsAnUnknownCode() throws {
        var f = Self.overControlLine
        f.edit("  承诺: 25个工作日\n", "  承诺: 25个工作日  # zhinan-ignore: ZN602 经局长批准\n")
        // ZN602 is silenced all the same.
        try expectFindings(f, ["ZN314@items/a.yaml:27:38"])
        let bad = try f.compile().diagnostics[0]
        #expect(bad.message.zh == "忽略注释中的“经局长批准”不是 zhinan 的诊断代码；说明理由请写在“--”之后")
        #expect(bad.span?.range.end.column == 43)
    }

    @Test func hashInsideQuotesIsNotAComment() throws {
        var f = Self.overControlLine
        f.edit("事项名称: 特种设备使用登记\n", "事项名称: \"特种设备使用登记 # zhinan-ignore: ZN602\"\n")
        f.edit("受理范围: 在本市行政区域内使用特种设备的单位。\n", "受理范围: '在本市 # zhinan-ignore: ZN602'\n")
        try expectFindings(f, ["ZN602@items/a.yaml:27:7"])
    }

    // MARK: Errors are never silenced

    @Test func anErrorStaysAndItsSuppressionIsAnError() throws {
        var f = Fixture()
        f.edit("  承诺: 10个工作日\n", "  承诺: 40个工作日 # zhinan-ignore: ZN601\n")
        // "  承诺: 40个工作日 # zhinan-ignore: " is 30 characters: ZN601 starts at column 31.
        try expectFindings(f, ["ZN601@items/a.yaml:27:7", "ZN910@items/a.yaml:27:31"])
        let result = try f.compile()
        #expect(result.diagnostics.hasErrors)
        let refused = try #require(result.diagnostics.dropFirst().first)
        #expect(refused.severity == .error)
        #expect(refused.span?.range == SourceRange(start: .init(line: 27, column: 31), end: .init(line: 27, column: 36)))
        #expect(refused.message.zh == "ZN601（承诺时限超过法定时限）是错误，错误不能用忽略注释屏蔽：请改正问题，再从注释中删除 ZN601")
        #expect(refused.message.en == "ZN601 (Promised limit exceeds the statutory limit) is an error, and errors cannot be suppressed: fix the problem, then delete ZN601 from the comment")
    }

    @Test func anErrorCodeOnTheLineAbove() throws {
        var f = Fixture()
        f.edit("  承诺: 10个工作日\n", "  # zhinan-ignore: ZN601 -- 经审批同意\n  承诺: 40个工作日\n")
        try expectFindings(f, ["ZN910@items/a.yaml:27:20", "ZN601@items/a.yaml:28:7"])
    }

    @Test func aDuplicateItemCodeCannotBeSilenced() throws {
        var f = Fixture()
        f.items["items/b.yaml"] = Fixture.itemYAML.replacingOccurrences(
            of: "事项编码: 440100-XK-00012-001\n", with: "事项编码: 440100-XK-00012-001 # zhinan-ignore: ZN408\n")
        try expectFindings(f, ["ZN408@items/b.yaml:2:7", "ZN910@items/b.yaml:2:44"])
        let result = try f.compile()
        #expect(result.catalog?.items.count == 1)
        #expect(result.diagnostics.hasErrors)
    }

    /// Errors the review silenced: an unknown agency, an invalid code, a bad time limit, a
    /// missing required element. Each stays, and each suppression of it is ZN910.
    @Test(arguments: [
        ("实施机关: scjgj\n", "实施机关: nobody # zhinan-ignore: ZN501\n", ["ZN501@items/a.yaml:5:7", "ZN910@items/a.yaml:5:31"]),
        ("事项编码: 440100-XK-00012-001\n", "事项编码: bad-code # zhinan-ignore: ZN407\n", ["ZN407@items/a.yaml:2:7", "ZN910@items/a.yaml:2:33"]),
        ("  法定: 30个工作日\n", "  法定: 三十日 # zhinan-ignore: ZN401\n", ["ZN401@items/a.yaml:26:7", "ZN910@items/a.yaml:26:28"]),
        ("事项名称: 特种设备使用登记\n", "# zhinan-ignore: ZN301\n", ["ZN910@items/a.yaml:1:18", "ZN301@items/a.yaml:2:1"]),
    ])
    func everyKindOfErrorStays(old: String, new: String, expected: [String]) throws {
        var f = Fixture()
        f.edit(old, new)
        try expectFindings(f, expected)
    }

    @Test func aProfileThatMakesAWarningAnErrorMakesItUnsuppressible() throws {
        var f = Self.overControlLine
        f.rules = ["ZN602": "错误"]
        f.edit("  承诺: 25个工作日\n", "  承诺: 25个工作日  # zhinan-ignore: ZN602\n")
        try expectFindings(f, ["ZN602@items/a.yaml:27:7", "ZN910@items/a.yaml:27:32"])
        let refused = try #require(f.compile().diagnostics.dropFirst().first)
        #expect(refused.message.en == "ZN602 (Promised limit above the internal control line) is an error (the profiles make it one), and errors cannot be suppressed: fix the problem, then delete ZN602 from the comment")
        #expect(refused.message.zh == "ZN602（承诺时限超过内控线）是错误（标准配置把它设为错误），错误不能用忽略注释屏蔽：请改正问题，再从注释中删除 ZN602")
    }

    @Test func aProfileThatMakesAnErrorAWarningMakesItSuppressible() throws {
        var f = Fixture()
        f.rules = ["ZN601": "警告"]
        f.edit("  承诺: 10个工作日\n", "  承诺: 40个工作日 # zhinan-ignore: ZN601\n")
        try expectFindings(f, [])
    }

    @Test func oneCommentSilencesItsWarningAndRefusesItsError() {
        let files = ["a.yaml": "k: 1 # zhinan-ignore: ZN602, ZN601\n"]
        let found = [Self.finding("ZN602", "a.yaml", 1, 4), Self.finding("ZN601", "a.yaml", 1, 4, severity: .error)]
        #expect(Self.apply(found, files) == ["ZN601@a.yaml:1:4", "ZN910@a.yaml:1:30"])
    }

    @Test func theRefusalCannotBeSilencedEither() {
        #expect(Self.apply([], ["a.yaml": "k: 1 # zhinan-ignore: ZN910\n"]) == ["ZN910@a.yaml:1:23"])
    }

    /// The severity a finding was reported with decides, whatever its code's default.
    @Test func aFindingReportedAsAnErrorIsNeverSilenced() {
        let files = ["a.yaml": "k: 1 # zhinan-ignore: ZN602\n"]
        #expect(Self.apply([Self.finding("ZN602", "a.yaml", 1, 4, severity: .error)], files) == ["ZN602@a.yaml:1:4", "ZN910@a.yaml:1:23"])
        #expect(Self.apply([Self.finding("ZN602", "a.yaml", 1, 4, severity: .note)], files) == [])
    }

    @Test func whichCodesAreSuppressible() {
        #expect(Suppressions.allows(CompilerCodes.internalControlLine))
        #expect(Suppressions.allows(CompilerCodes.unusedSuppression))
        #expect(!Suppressions.allows(CompilerCodes.duplicateItemCode))
        #expect(!Suppressions.allows(CompilerCodes.suppressedError))
        #expect(!Suppressions.allows(CompilerCodes.internalControlLine, settings: ["ZN602": RuleSetting(severity: .error)]))
        #expect(Suppressions.allows(CompilerCodes.promiseExceedsStatute, settings: ["ZN601": RuleSetting(severity: .note)]))
        #expect(Suppressions.allows(CompilerCodes.internalControlLine, settings: ["ZN602": RuleSetting(isEnabled: false)]))
    }

    @Test func suppressionsInCatalogYAML() throws {
        var f = Fixture()
        f.editCatalog("  - 编号: yyzz\n", "  - 编号: yyzz # zhinan-ignore: ZN410\n")
        try expectFindings(f, ["ZN313@catalog.yaml:21:31"])
    }

    @Test func aFileThatDoesNotParseHasNoSuppressions() throws {
        var f = Fixture()
        f.items["items/b.yaml"] = "事项名称: [未闭合 # zhinan-ignore: ZN602\n"
        let found = try f.findings()
        #expect(!found.contains { $0.hasPrefix("ZN313") || $0.hasPrefix("ZN314") }, "\(found)")
        #expect(found.allSatisfy { $0.contains("items/b.yaml") }, "\(found)")
    }

    @Test func profileSettingsApplyToTheNewCodes() {
        let files = [(path: "a.yaml", text: "k: 1 # zhinan-ignore: ZN602\nj: 2 # zhinan-ignore: ZN000\n")]
        let off = Suppressions.apply([], files: files, settings: ["ZN313": RuleSetting(isEnabled: false)])
        #expect(off.map(\.code) == ["ZN314"])
        let raised = Suppressions.apply([], files: files, settings: ["ZN314": RuleSetting(severity: .error)])
        #expect(raised.map { "\($0.code) \($0.severity)" } == ["ZN314 error", "ZN313 warning"])
    }

    // MARK: The pure function

    static func finding(_ code: String, _ file: String, _ line: Int, _ column: Int = 1, severity: Severity = .warning) -> Diagnostic {
        Diagnostic(
            DiagnosticCode(code, severity, title: LocalizedText(zh: "", en: ""), explanation: LocalizedText(zh: "", en: ""), fix: LocalizedText(zh: "", en: "")),
            at: SourceSpan(file: file, range: SourceRange(at: .init(line: line, column: column))),
            message: LocalizedText(zh: code, en: code))
    }

    /// `CODE@file:line:column` of what `apply` returns.
    static func apply(_ diagnostics: [Diagnostic], _ files: [String: String]) -> [String] {
        Suppressions.apply(diagnostics, files: files.keys.sorted().map { ($0, files[$0]!) }).map {
            "\($0.code)@\($0.span!.file):\($0.span!.range.start.line):\($0.span!.range.start.column)"
        }
    }

    @Test func silencesOnlyItsFileItsLinesAndItsCodes() {
        let files = ["a.yaml": "# zhinan-ignore: ZN602\nk: 1\nj: 2\n", "b.yaml": "k: 1\nj: 2\n"]
        let out = Self.apply([
            Self.finding("ZN602", "a.yaml", 2, 4), Self.finding("ZN602", "a.yaml", 3), Self.finding("ZN601", "a.yaml", 2),
            Self.finding("ZN602", "b.yaml", 2), Self.finding("ZN602", "a.yaml", 1),
        ], files)
        #expect(out == ["ZN602@a.yaml:3:1", "ZN601@a.yaml:2:1", "ZN602@b.yaml:2:1"])
    }

    @Test func aTrailingCommentCoversOnlyItsLine() {
        let files = ["a.yaml": "k: 1 # zhinan-ignore: ZN602\nj: 2\n"]
        #expect(Self.apply([Self.finding("ZN602", "a.yaml", 2)], files) == ["ZN602@a.yaml:2:1", "ZN313@a.yaml:1:23"])
        #expect(Self.apply([Self.finding("ZN602", "a.yaml", 1, 4)], files) == [])
    }

    @Test func twoSuppressionsOfOneFindingAreBothUsed() {
        let files = ["a.yaml": "# zhinan-ignore: ZN602\nk: 1 # zhinan-ignore: ZN602\n"]
        #expect(Self.apply([Self.finding("ZN602", "a.yaml", 2, 4)], files) == [])
    }

    @Test func aCodeNamedTwiceIsReportedOnce() {
        #expect(Self.apply([], ["a.yaml": "k: 1 # zhinan-ignore: ZN602 zn602\n"]) == ["ZN313@a.yaml:1:23"])
    }

    @Test func otherFilesAreNotSilenced() {
        let out = Suppressions.apply([Self.finding("ZN602", "b.yaml", 1)], files: [("a.yaml", "# zhinan-ignore: ZN602\n")])
        #expect(out.map(\.code) == ["ZN602", "ZN313"])
    }

    @Test func malformedSuppressions() {
        #expect(Self.apply([], ["a.yaml": "k: 1 # zhinan-ignore ZN602\n"]) == ["ZN314@a.yaml:1:6"])
        #expect(Self.apply([], ["a.yaml": "k: 1 # zhinan-ignore:\n"]) == ["ZN314@a.yaml:1:6"])
        #expect(Self.apply([], ["a.yaml": "k: 1 # zhinan-ignore"]) == ["ZN314@a.yaml:1:6"])
        #expect(Self.apply([], ["a.yaml": "k: 1 # zhinan-ignore: -- 只有理由\n"]) == ["ZN314@a.yaml:1:6"])
        // Other words are not suppressions at all.
        #expect(Self.apply([], ["a.yaml": "k: 1 # zhinan-ignored: ZN602\n# zhinan-ignore-all\n# see zhinan-ignore: ZN602\n"]) == [])
        let d = Suppressions.apply([], files: [("a.yaml", "k: 1 # zhinan-ignore\n")])
        #expect(d.first?.message.en == "write a colon after \"zhinan-ignore\", then the codes it silences")
        #expect(d.first?.span?.range == SourceRange(start: .init(line: 1, column: 6), end: .init(line: 1, column: 21)))
    }

    /// `line:column` of each suppression's first code in `text`.
    static func found(_ text: String) -> [String] {
        Suppressions.find(in: "a.yaml", text: text).map {
            "\($0.line):\($0.codes[0].range.start.column)\($0.isOwnLine ? " own" : "")"
        }
    }

    @Test func onlyYAMLCommentsCount() {
        #expect(Self.found("k: x#zhinan-ignore: ZN602\n") == [])
        #expect(Self.found("k: \"x # zhinan-ignore: ZN602\"\n") == [])
        #expect(Self.found("k: 'it''s # zhinan-ignore: ZN602'\n") == [])
        #expect(Self.found("k: \"a \\\" # zhinan-ignore: ZN602\"\n") == [])
        #expect(Self.found("k: [a, 'b # zhinan-ignore: ZN602']\n") == [])
        // An apostrophe inside a plain scalar opens no quote.
        #expect(Self.found("k: it's # zhinan-ignore: ZN602\n") == ["1:26"])
        #expect(Self.found("k: \"x\" # zhinan-ignore: ZN602\n") == ["1:25"])
        #expect(Self.found("\t# zhinan-ignore: ZN602\n") == ["1:19 own"])
        #expect(Self.found("- '事项' # zhinan-ignore: ZN602\n") == ["1:25"])
    }

    @Test func quotedScalarsAcrossLines() {
        let text = "k: \"first line\n  # zhinan-ignore: ZN602\n  last\"\nj: 2 # zhinan-ignore: ZN602\n"
        #expect(Self.found(text) == ["4:23"])
    }

    @Test func blockScalarsHoldText() {
        let text = """
            k: |
              text # zhinan-ignore: ZN602
              # zhinan-ignore: ZN602

              more
            j: >-  # zhinan-ignore: ZN601
              folded # zhinan-ignore: ZN602
            # zhinan-ignore: ZN603
            l:
              - |2
                  deep # zhinan-ignore: ZN602
              - x # zhinan-ignore: ZN604
            m: a > b # zhinan-ignore: ZN605

            """
        #expect(Self.found(text) == ["6:25", "8:18 own", "12:24", "13:27"])
    }

    @Test func columnsCountCharacters() {
        #expect(Self.found("名称: 特种设备 # zhinan-ignore: ZN602\n") == ["1:27"])
        let s = Suppressions.find(in: "a.yaml", text: "名称: 特种设备 # zhinan-ignore: ZN602, ZN601\n")
        #expect(s.first?.range == SourceRange(start: .init(line: 1, column: 10), end: .init(line: 1, column: 39)))
        #expect(s.first?.codes.map(\.id) == ["ZN602", "ZN601"])
        #expect(s.first?.codes[1].range == SourceRange(start: .init(line: 1, column: 34), end: .init(line: 1, column: 39)))
        #expect(s.first?.lines == 1...1)
    }

    @Test func crlfLineBreaks() {
        #expect(Self.found("k: 1\r\n# zhinan-ignore: ZN602\r\nj: 2 # zhinan-ignore: ZN601\r\n") == ["2:18 own", "3:23"])
    }

    /// The pre-scan that decides whether a file's text is kept for suppressions.
    @Test func mayHoldFindsTheMarkerAnywhereInASlice() {
        let marker = "# zhinan-ignore: ZN602"
        for text in [marker, "k: 1 " + marker, "事项名称: 某某\n" + marker + "\n", "zhinan-ignore"] {
            #expect(Suppressions.mayHold(Array(text.utf8)[...]), "\(text)")
        }
        for text in ["", "zhinan-ignor", "k: 1 # zhinan ignore", "ZHINAN-IGNORE"] {
            #expect(!Suppressions.mayHold(Array(text.utf8)[...]), "\(text)")
        }
        // A slice that does not start at 0 and cuts the marker off.
        let bytes = Array(("xx" + marker + "yy").utf8)
        #expect(Suppressions.mayHold(bytes[2...]))
        #expect(!Suppressions.mayHold(bytes[5...]))
        #expect(!Suppressions.mayHold(bytes[..<10]))
    }
}
