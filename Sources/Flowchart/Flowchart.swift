import Catalog

/// Options for drawing a flow.
public struct FlowchartOptions: Sendable, Equatable {
    /// Names of the steps on the critical path, in order; highlighted (steps and the edges
    /// between consecutive ones).
    public var highlightedPath: [String]

    /// The prefix of the ids the SVG defines (its arrow markers), so that several charts can
    /// be inlined in one HTML page. `nil`, the default, derives it from a hash of the steps
    /// and the options (`zn` and 8 hex digits), so different flows get different ids and the
    /// same flow always gets the same ones. A given prefix is kept to `[A-Za-z0-9_-]`.
    public var idPrefix: String?

    /// Steps only some applicants go through (情形): step name → the words of its tag, e.g.
    /// 仅当：委托他人办理. Such a step is drawn with that tag and a dotted outline.
    public var scenarioTags: [String: String] = [:]

    public init(highlightedPath: [String] = []) {
        self.highlightedPath = highlightedPath
        self.idPrefix = nil
    }
}

/// Draws 办理流程: a layered (Sugiyama-style) layout of the flow graph, top to bottom, as
/// static SVG. Pure functions: no I/O, and the same input always gives the same bytes.
public enum Flowchart {
    /// The flow laid out and drawn as a standalone `<svg>` element (UTF-8 text, no XML
    /// declaration), ready to inline in HTML.
    public static func svg(for steps: [FlowStep], options: FlowchartOptions = .init()) -> String {
        let layout = layout(for: steps, options: options)
        let prefix = options.idPrefix.map(SVGWriter.sanitizeID) ?? SVGWriter.hashPrefix(steps, options)
        return SVGWriter(layout: layout, idPrefix: prefix).render()
    }

    /// The layout alone, for tests and other renderers.
    public static func layout(for steps: [FlowStep], options: FlowchartOptions = .init()) -> FlowchartLayout {
        LayoutEngine(steps: steps, options: options).run()
    }
}
