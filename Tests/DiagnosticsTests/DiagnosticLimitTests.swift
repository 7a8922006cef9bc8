@testable import Diagnostics
import Foundation
import TestSupport
import Testing

/// The per-file cap on one code, the run's cap (`--max-diagnostics`), and what the
/// renderers say about what was left out.
@Suite struct DiagnosticLimitTests {
    static let warning = DiagnosticCode(
        "ZN997", .warning, title: LocalizedText(zh: "警告", en: "Warning"),
        explanation: LocalizedText(zh: "", en: ""), fix: LocalizedText(zh: "", en: ""))

    static func at(_ file: String, _ line: Int, _ code: DiagnosticCode = RendererTests.code, _ message: String = "m") -> Diagnostic {
        Diagnostic(code, at: SourceSpan(file: file, range: SourceRange(at: .init(line: line, column: 1))),
                   message: LocalizedText(zh: message, en: message))
    }

    static func describe(_ d: Diagnostic) -> String {
        "\(d.code)@\(d.span?.file ?? "-"):\(d.span?.range.start.line ?? 0) \(d.message.en)" + (d.more > 0 ? " +\(d.more)" : "")
    }

    // MARK: One code in one file

    @Test func aFileKeepsAHundredOfACodeAndCountsTheRest() {
        var list = FileDiagnostics()
        for line in 1...250 { list.append(Self.at("a.yaml", line)) }
        for line in 1...3 { list.append(Self.at("a.yaml", 1000 + line, Self.warning)) }
        let all = list.all
        #expect(all.count == 100 + 3 + 1)
        #expect(all.prefix(100).map { $0.span!.range.start.line } == Array(1...100))
        let summary = all.last!
        #expect(summary.code == "ZN999" && summary.severity == .error && summary.more == 150)
        #expect(summary.span == SourceSpan(file: "a.yaml", range: SourceRange(at: .init(line: 101, column: 1))))
        #expect(summary.message == LocalizedText(zh: "……本文件另有 150 处 ZN999", en: "… and 150 more ZN999 in this file"))
        #expect(DiagnosticTally(all) == DiagnosticTally(errors: 250, warnings: 3))
    }

    @Test func aSummaryAddedToAnotherListAddsUp() {
        var first = FileDiagnostics()
        for line in 1...150 { first.append(Self.at("a.yaml", line)) }
        var second = FileDiagnostics()
        second.append(contentsOf: first.all)
        second.append(Self.at("a.yaml", 200))
        #expect(second.all.count == 101)
        #expect(second.all.last?.more == 51)
    }

    // MARK: The run's cap

    static let many: [Diagnostic] = {
        var out: [Diagnostic] = []
        for file in ["c.yaml", "a.yaml", "b.yaml"] {
            for line in [9, 1, 5] { out.append(at(file, line, line == 5 ? warning : RendererTests.code, "\(file) \(line)")) }
        }
        out.append(at("a.yaml", 1, RendererTests.code, "a.yaml 1 again"))
        return out
    }()

    @Test func theFirstInOutputOrderAreKeptWhateverTheOrderAdded() {
        var orders = [Self.many, Self.many.reversed()]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 { orders.append(Self.many.shuffled(using: &generator)) }
        for order in orders {
            var selection = DiagnosticSelection(limit: 4)
            selection.add(contentsOf: order)
            #expect(selection.shown.map(Self.describe) == [
                "ZN999@a.yaml:1 a.yaml 1", "ZN999@a.yaml:1 a.yaml 1 again", "ZN997@a.yaml:5 a.yaml 5", "ZN999@a.yaml:9 a.yaml 9",
            ])
            #expect(selection.omitted == DiagnosticTally(errors: 4, warnings: 2))
        }
    }

    @Test func noLimitKeepsAllInOrder() {
        var selection = DiagnosticSelection(limit: 0)
        selection.add(contentsOf: Self.many.reversed())
        #expect(selection.shown == Self.many.sorted(by: Diagnostic.precedes))
        #expect(selection.shown.count == 10 && selection.omitted.total == 0)
    }

    @Test func aLineStandingForOthersCountsAsThem() {
        var d = Self.at("a.yaml", 1)
        d.more = 599_900
        var selection = DiagnosticSelection(limit: 1)
        selection.add(Self.at("a.yaml", 0))
        selection.add(d)
        #expect(selection.omitted == DiagnosticTally(errors: 599_900))
    }

    // MARK: Rendering what was left out

    static let omitted = DiagnosticTally(errors: 599_018, warnings: 2, notes: 1)

    @Test func theSummarySaysHowManyWereNotShown() {
        let shown = [Self.at("a.yaml", 1)]
        #expect(TextRenderer(language: .en).summary(shown, fileCount: 5, omitted: Self.omitted)
            == "5 files checked: 599019 errors, 2 warnings (599021 not shown; --max-diagnostics 0 lifts this limit).")
        #expect(TextRenderer(language: .zh).summary(shown, fileCount: 5, omitted: Self.omitted)
            == "共检查 5 个文件：599019 个错误，2 个警告（599021 条未显示；--max-diagnostics 0 可取消此上限）。")
        #expect(TextRenderer(language: .en).summary([], fileCount: 1, omitted: DiagnosticTally(notes: 1))
            == "1 file checked: 0 errors, 0 warnings (1 not shown; --max-diagnostics 0 lifts this limit).")
        // A line standing for others counts as them.
        var summary = Self.at("a.yaml", 2, Self.warning, "… and 40 more ZN997 in this file")
        summary.more = 40
        #expect(TextRenderer(language: .en).summary(shown + [summary], fileCount: 1) == "1 file checked: 1 error, 40 warnings.")
        #expect(GitHubRenderer(language: .en, registry: SARIFRendererTests.registry).render([], fileCount: 5, omitted: Self.omitted)
            == "5 files checked: 599018 errors, 2 warnings (599021 not shown; --max-diagnostics 0 lifts this limit).\n")
    }

    @Test func jsonCarriesMoreAndOmitted() {
        var summary = Self.at("a.yaml", 2, Self.warning, "… and 40 more ZN997 in this file")
        summary.more = 40
        #expect(JSONRenderer(language: .en).render([summary], omitted: Self.omitted) == """
            {"version":1,"diagnostics":[
            {"code":"ZN997","severity":"warning","file":"a.yaml","line":2,"column":1,"endLine":2,"endColumn":1,"message":"… and 40 more ZN997 in this file","notes":[],"more":40}
            ],"omitted":{"errors":599018,"warnings":2,"notes":1}}

            """)
        #expect(JSONRenderer(language: .en).render([], omitted: Self.omitted)
            == "{\"version\":1,\"diagnostics\":[],\"omitted\":{\"errors\":599018,\"warnings\":2,\"notes\":1}}\n")
    }

    @Test func sarifCarriesOmittedInTheRunsPropertyBag() throws {
        let out = SARIFRenderer(language: .en, registry: SARIFRendererTests.registry, toolVersion: "1")
            .render([Self.at("a.yaml", 1)], omitted: Self.omitted)
        #expect(out.hasSuffix("""
                  ],
                  "properties": {
                    "omittedResults": {
                      "error": 599018,
                      "warning": 2,
                      "note": 1
                    }
                  }
                }
              ]
            }

            """))
        let none = SARIFRenderer(language: .en, registry: SARIFRendererTests.registry, toolVersion: "1").render([])
        #expect(!none.contains("omittedResults"))
    }

    @Test func writingInPiecesGivesTheSameText() {
        var diagnostics: [Diagnostic] = []
        for line in 1...3000 { diagnostics.append(Self.at("a.yaml", line, RendererTests.code, String(repeating: "长", count: 40))) }
        let sarif = SARIFRenderer(language: .zh, registry: SARIFRendererTests.registry, toolVersion: "1")
        var pieces: [String] = []
        sarif.write(diagnostics, omitted: Self.omitted) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.joined() == sarif.render(diagnostics, omitted: Self.omitted))
    }
}

extension DiagnosticTally {
    init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
        self.init()
        (self.errors, self.warnings, self.notes) = (errors, warnings, notes)
    }
}
