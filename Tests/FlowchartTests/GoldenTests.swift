import Catalog
import Foundation
import Testing

@testable import Flowchart
import TestSupport

/// The example flow's SVG, byte for byte. Re-record with `ZHINAN_RECORD_GOLDENS=1 swift test
/// --filter FlowchartTests`, then review the diff; never edit the file by hand.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test func exampleSVG() throws {
        let svg = Flowchart.svg(for: Fixtures.example, options: .init(highlightedPath: Fixtures.exampleCriticalPath))
        try compare(svg, with: "example.svg")
    }

    func compare(_ actual: String, with name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectGolden(actual, file: Self.folder.appendingPathComponent(name).path, sourceLocation: sourceLocation)
    }
}

/// Writes an HTML page of sample charts when `ZHINAN_FLOWCHART_PREVIEW` names a file, for
/// looking at them in a browser; does nothing otherwise.
@Suite struct Preview {
    @Test func writePreviewWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["ZHINAN_FLOWCHART_PREVIEW"] else { return }
        var html = "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><body style=\"margin:8px;background:#fff\">\n"
        let samples: [(String, [FlowStep], [String])] = [
            ("example", Fixtures.example, Fixtures.exampleCriticalPath),
            ("wide", Fixtures.wideBranch, []),
            ("joint", Fixtures.jointCase, ["申请", "联办受理", "住房和城乡建设局消防审查", "联合审查会", "联合决定", "联合发证"]),
            ("unreachable", Fixtures.unreachable, []),
            ("self", Fixtures.selfLoop, []),
            ("loops", Fixtures.loops, []),
            ("text", Fixtures.textHeavy, []),
            ("random", RandomFlowTests.flow(seed: 5 &* 7919 &+ 17), []),
        ]
        let only = ProcessInfo.processInfo.environment["ZHINAN_FLOWCHART_PREVIEW_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
        for (name, steps, path) in samples where only?.contains(name) ?? true {
            html += "<div style=\"display:inline-block;vertical-align:top;margin:4px\">\n"
            html += Flowchart.svg(for: steps, options: .init(highlightedPath: path))
            html += "</div>\n"
        }
        html += "</body></html>\n"
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))
    }
}
