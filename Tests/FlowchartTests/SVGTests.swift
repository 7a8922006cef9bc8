import Catalog
import Foundation
import Testing

@testable import Flowchart

@Suite struct SVGTests {
    static let hostile = #"<script>alert(1)</script> & "onload=x"#

    @Test func untrustedTextAppearsOnlyEscaped() {
        let steps = [
            Fixtures.step(Self.hostile, #"<b>岗位</b>'"#, "即办", next: [(#"a<b & "c"#, "end'\"")]),
            Fixtures.step("end'\"", end: .refused),
        ]
        let svg = Flowchart.svg(for: steps, options: .init(highlightedPath: [Self.hostile, "end'\""]))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("\"onload"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;onload=x"))
        #expect(svg.contains("&lt;b&gt;岗位&lt;/b&gt;&#39;"))
        #expect(svg.contains("a&lt;b &amp; &quot;c"))
        #expect(svg.contains("data-to=\"end&#39;&quot;\""))
        #expect(isWellFormedXML(svg))
    }

    @Test func controlCharactersCannotBreakTheXML() {
        let steps = [Fixtures.step("受理\u{1}\u{0B}\n窗口", "甲\u{7}", end: .granted)]
        let svg = Flowchart.svg(for: steps)
        #expect(isWellFormedXML(svg))
        #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func svgShape() throws {
        let svg = Flowchart.svg(for: Fixtures.example, options: .init(highlightedPath: Fixtures.exampleCriticalPath))
        #expect(!svg.hasPrefix("<?xml"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        for attribute in ["viewBox=\"0 0 ", "width=\"", "height=\"", "role=\"img\"", "aria-label=\"办理流程图\"", "font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif\""] {
            #expect(svg.contains(attribute), "\(attribute)")
        }
        #expect(svg.contains("<title>办理流程图</title>"))
        for cls in ["zn-step", "zn-edge", "zn-critical", "zn-untimed", "zn-end-granted", "zn-end-refused", "zn-back", "zn-start", "zn-label"] {
            #expect(svg.contains(cls), "\(cls)")
        }
        #expect(svg.contains("<tspan"))
        #expect(svg.contains("不计时"))
        #expect(svg.contains("结束：准予"))
        #expect(svg.contains("stroke-dasharray"))
        // Self-contained: no external reference, web font or script.
        let rest = svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        for reference in ["http", "href", "@import", "@font-face", "<script", "<image", "<style"] {
            #expect(!rest.contains(reference), "\(reference)")
        }
        #expect(isWellFormedXML(svg))

        // Numbers: integers or one decimal, never an exponent or a comma.
        let numbers = try Regex(#"="(-?[0-9.]+)""#)
        for match in svg.matches(of: numbers) {
            let text = String(match.output[1].substring!)
            #expect(text.wholeMatch(of: /-?\d+(\.\d)?/) != nil, "\(text)")
        }
    }

    @Test func markerIdsArePrefixed() throws {
        let a = Flowchart.svg(for: Fixtures.example)
        let b = Flowchart.svg(for: Fixtures.wideBranch)
        func ids(_ svg: String) -> [String] { svg.matches(of: /id="([^"]+)"/).map { String($0.output.1) } }
        #expect(ids(a).count == 3)
        #expect(Set(ids(a)).isDisjoint(with: ids(b)))
        // Every reference resolves inside the same SVG.
        for svg in [a, b] {
            for match in svg.matches(of: /url\(#([^)]+)\)/) { #expect(ids(svg).contains(String(match.output.1))) }
        }
        var options = FlowchartOptions()
        options.idPrefix = "guide 1"
        let c = Flowchart.svg(for: Fixtures.example, options: options)
        #expect(ids(c) == ["guide_1-arrow", "guide_1-arrow-critical", "guide_1-arrow-back"])
    }

    @Test func numberFormatting() {
        #expect(SVGWriter.number(12) == "12")
        #expect(SVGWriter.number(12.25) == "12.3")
        #expect(SVGWriter.number(-0.04) == "0")
        #expect(SVGWriter.number(-3.5) == "-3.5")
        #expect(SVGWriter.number(1_000_000.05) == "1000000.1")
        #expect(SVGWriter.number(.nan) == "0")
    }

    func isWellFormedXML(_ text: String) -> Bool {
        XMLWellFormedness.check(text)
    }
}
