import Catalog
import Testing

@testable import Flowchart

/// A step only some applicants go through (情形) is drawn dotted, with its 仅当 tag in its box.
@Suite struct ScenarioFlowTests {
    static func options(_ tags: [String: String]) -> FlowchartOptions {
        var o = FlowchartOptions()
        o.scenarioTags = tags
        return o
    }

    @Test func scenarioStepHasItsTagAndADottedOutline() throws {
        let step = try #require(Fixtures.example.first { $0.isTimed && $0.outcome == nil && $0.name != Fixtures.example[0].name })
        let options = Self.options([step.name: "仅当：委托他人办理"])
        let layout = Flowchart.layout(for: Fixtures.example, options: options)
        let node = try #require(layout.nodes.first { $0.name == step.name })
        #expect(node.tags.first == FlowchartLayout.Tag(kind: .scenario, text: "仅当：委托他人办理"))
        let svg = Flowchart.svg(for: Fixtures.example, options: options)
        #expect(svg.contains(">仅当：委托他人办理</text>"))
        #expect(svg.contains("zn-scenario"))
        #expect(svg.contains("stroke-dasharray=\"2 3\""))
        // Deterministic, and the tag's text goes through the SVG's escaper.
        #expect(svg == Flowchart.svg(for: Fixtures.example, options: options))
        let hostile = Flowchart.svg(for: Fixtures.example, options: Self.options([step.name: "仅当：<a>&\"'"]))
        #expect(hostile.contains("仅当：&lt;a&gt;&amp;&quot;&#39;") || hostile.contains("仅当：&lt;a&gt;&amp;&quot;&apos;"))
        #expect(!hostile.contains("<a>"))
    }

    /// Without tags nothing changes: the same layout and ids as before.
    @Test func noTagsNoChange() {
        for steps in [Fixtures.example, Fixtures.wideBranch] {
            #expect(Flowchart.svg(for: steps, options: Self.options([:])) == Flowchart.svg(for: steps))
            #expect(!Flowchart.svg(for: steps).contains("zn-scenario"))
        }
    }
}
