import Catalog
import Markup

/// Writes a ``FlowchartLayout`` as an `<svg>` element: CSS classes for pages that style it,
/// presentation attributes so that it reads well with no stylesheet, every text escaped.
struct SVGWriter {
    let layout: FlowchartLayout
    let idPrefix: String

    static let title = "办理流程图"

    func render() -> String {
        if layout.isEmpty { return renderEmpty() }
        let n = Self.number
        var out: [String] = []
        let (w, h) = (n(layout.width), n(layout.height))
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"zn-flowchart\" width=\"\(w)\" height=\"\(h)\" "
                + "viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(Self.title)\" "
                + "font-family=\"\(Style.fontFamily)\" font-size=\"\(n(Style.titleFont))\">")
        out.append("<title>\(Self.title)</title>")
        out.append("<defs>")
        out.append(marker("arrow", colour: Style.edge, size: 9))
        out.append(marker("arrow-critical", colour: Style.accent, size: 11))
        out.append(marker("arrow-back", colour: Style.backEdge, size: 8))
        out.append("</defs>")

        out.append("<g class=\"zn-edges\">")
        // Plain edges first, critical ones last so that they stay on top where lines cross.
        for edge in layout.edges where !edge.isCritical { out.append(renderEdge(edge)) }
        for edge in layout.edges where edge.isCritical { out.append(renderEdge(edge)) }
        if let start = layout.nodes.first(where: \.isStart) {
            let f = start.frame
            out.append(
                "<g class=\"zn-start-marker\"><circle cx=\"\(n(f.midX))\" cy=\"\(n(f.y - 21))\" r=\"5\" fill=\"\(Style.ink)\"/>"
                    + "<line x1=\"\(n(f.midX))\" y1=\"\(n(f.y - 16))\" x2=\"\(n(f.midX))\" y2=\"\(n(f.y))\" "
                    + "stroke=\"\(Style.edge)\" stroke-width=\"1.5\" marker-end=\"url(#\(idPrefix)-arrow)\"/></g>")
        }
        out.append("</g>")

        out.append("<g class=\"zn-steps\">")
        for node in layout.nodes { out.append(renderNode(node)) }
        out.append("</g>")

        let labelled = layout.edges.filter { $0.label != nil }
        if !labelled.isEmpty {
            out.append("<g class=\"zn-labels\">")
            for edge in labelled { out.append(renderLabel(edge)) }
            out.append("</g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    func renderEmpty() -> String {
        let label = "\(Self.title)：无流程"
        return [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"zn-flowchart zn-empty\" width=\"160\" height=\"64\" "
                + "viewBox=\"0 0 160 64\" role=\"img\" aria-label=\"\(label)\" font-family=\"\(Style.fontFamily)\" font-size=\"14\">",
            "<title>\(label)</title>",
            "<rect x=\"8\" y=\"8\" width=\"144\" height=\"48\" rx=\"6\" fill=\"\(Style.stepFill)\" stroke=\"#a0aec0\" stroke-dasharray=\"5 3\"/>",
            "<text x=\"80\" y=\"37.3\" text-anchor=\"middle\" fill=\"\(Style.muted)\">无流程</text>",
            "</svg>",
        ].joined(separator: "\n") + "\n"
    }

    func marker(_ name: String, colour: String, size: Double) -> String {
        "<marker id=\"\(idPrefix)-\(name)\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
            + "markerWidth=\"\(Self.number(size))\" markerHeight=\"\(Self.number(size))\" markerUnits=\"userSpaceOnUse\" "
            + "orient=\"auto\"><path d=\"M0,1L10,5L0,9z\" fill=\"\(colour)\"/></marker>"
    }

    func renderEdge(_ edge: FlowchartLayout.Edge) -> String {
        let n = Self.number
        var classes = ["zn-edge"]
        if edge.isBackEdge { classes.append("zn-back") }
        if edge.isSelfLoop { classes.append("zn-self") }
        if edge.isCritical { classes.append("zn-critical") }
        let colour = edge.isCritical ? Style.accent : edge.isBackEdge ? Style.backEdge : Style.edge
        let width = edge.isCritical ? "2.5" : "1.5"
        let dash = edge.isBackEdge ? " stroke-dasharray=\"6 4\"" : ""
        let markerName = edge.isCritical ? "arrow-critical" : edge.isBackEdge ? "arrow-back" : "arrow"
        let points = edge.points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        return "<g class=\"\(classes.joined(separator: " "))\" data-from=\"\(Self.escape(edge.from))\" "
            + "data-to=\"\(Self.escape(edge.to))\"><polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" "
            + "stroke-width=\"\(width)\"\(dash) stroke-linejoin=\"round\" marker-end=\"url(#\(idPrefix)-\(markerName))\"/></g>"
    }

    func renderNode(_ node: FlowchartLayout.Node) -> String {
        let n = Self.number
        let f = node.frame
        var classes = ["zn-step"]
        if node.isStart { classes.append("zn-start") }
        if node.isUntimed { classes.append("zn-untimed") }
        let isScenario = node.tags.contains { $0.kind == .scenario }
        if isScenario { classes.append("zn-scenario") }
        if let o = node.outcome { classes += ["zn-end", "zn-end-\(Self.outcomeClass(o))"] }
        if node.isCritical { classes.append("zn-critical") }
        if !node.isReachable { classes.append("zn-unreachable") }

        var fill = node.isCritical ? Style.criticalFill : node.isUntimed ? Style.untimedFill : Style.stepFill
        var stroke = node.isUntimed ? Style.untimedStroke : Style.stepStroke
        if let o = node.outcome {
            fill = Style.endFill(o)
            stroke = Style.endStroke(o)
        }
        if node.isCritical { stroke = Style.accent }
        let strokeWidth = node.isCritical ? "2.5" : "1.5"
        let radius = node.isEnd ? f.height / 2 : Style.cornerRadius
        let dash = node.isUntimed ? " stroke-dasharray=\"5 3\"" : isScenario ? " stroke-dasharray=\"2 3\"" : ""

        var out = "<g class=\"\(classes.joined(separator: " "))\" data-step=\"\(Self.escape(node.name))\">"
        out += "<rect x=\"\(n(f.x))\" y=\"\(n(f.y))\" width=\"\(n(f.width))\" height=\"\(n(f.height))\" "
            + "rx=\"\(n(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(strokeWidth)\"\(dash)/>"

        var content = Double(node.titleLines.count) * Style.titleLine + Double(node.detailLines.count) * Style.detailLine
        if !node.tags.isEmpty {
            content += (node.titleLines.isEmpty && node.detailLines.isEmpty ? 0 : Style.tagTop) + Style.tagHeight
        }
        var y = f.y + ((f.height - content) / 2).rounded(.down)
        if !node.titleLines.isEmpty {
            out += "<text class=\"zn-step-name\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"\(Style.ink)\">"
            for line in node.titleLines {
                out += "<tspan x=\"\(n(f.midX))\" y=\"\(n(Self.baseline(top: y, line: Style.titleLine, font: Style.titleFont)))\">"
                    + "\(Self.escape(line))</tspan>"
                y += Style.titleLine
            }
            out += "</text>"
        }
        if !node.detailLines.isEmpty {
            out += "<text class=\"zn-step-detail\" text-anchor=\"middle\" font-size=\"\(n(Style.detailFont))\" fill=\"\(Style.muted)\">"
            for line in node.detailLines {
                out += "<tspan x=\"\(n(f.midX))\" y=\"\(n(Self.baseline(top: y, line: Style.detailLine, font: Style.detailFont)))\">"
                    + "\(Self.escape(line))</tspan>"
                y += Style.detailLine
            }
            out += "</text>"
        }
        if !node.tags.isEmpty {
            if !node.titleLines.isEmpty || !node.detailLines.isEmpty { y += Style.tagTop }
            var tx = (f.midX - LayoutEngine.tagRowWidth(node.tags) / 2).rounded(.down)
            for tag in node.tags {
                let w = LayoutEngine.tagWidth(tag)
                let (cls, tagFill, tagText): (String, String, String) =
                    switch tag.kind {
                    case .untimed: ("zn-tag zn-tag-untimed", Style.tagFill, Style.muted)
                    case .scenario: ("zn-tag zn-tag-scenario", Style.scenarioTagFill, Style.ink)
                    case .outcome(let o): ("zn-tag zn-tag-\(Self.outcomeClass(o))", Style.endStroke(o), "#ffffff")
                    }
                out += "<g class=\"\(cls)\"><rect x=\"\(n(tx))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(Style.tagHeight))\" "
                    + "rx=\"\(n(Style.tagHeight / 2))\" fill=\"\(tagFill)\"/>"
                    + "<text x=\"\(n(tx + w / 2))\" y=\"\(n(Self.baseline(top: y, line: Style.tagHeight, font: Style.tagFont)))\" "
                    + "text-anchor=\"middle\" font-size=\"\(n(Style.tagFont))\" fill=\"\(tagText)\">\(Self.escape(tag.text))</text></g>"
                tx += w + Style.tagSpacing
            }
        }
        out += "</g>"
        return out
    }

    func renderLabel(_ edge: FlowchartLayout.Edge) -> String {
        guard let label = edge.label else { return "" }
        let n = Self.number
        let f = label.frame
        var out = "<g class=\"zn-label\(edge.isCritical ? " zn-critical" : "")\">"
        out += "<rect x=\"\(n(f.x))\" y=\"\(n(f.y))\" width=\"\(n(f.width))\" height=\"\(n(f.height))\" rx=\"3\" fill=\"#ffffff\"/>"
        out += "<text text-anchor=\"middle\" font-size=\"\(n(Style.labelFont))\" fill=\"\(edge.isCritical ? Style.accent : Style.muted)\">"
        var y = f.y + Style.labelPadY
        for line in label.lines {
            out += "<tspan x=\"\(n(f.midX))\" y=\"\(n(Self.baseline(top: y, line: Style.labelLine, font: Style.labelFont)))\">"
                + "\(Self.escape(line))</tspan>"
            y += Style.labelLine
        }
        out += "</text></g>"
        return out
    }

    /// The baseline that centres CJK glyphs (about 0.88 em above and 0.12 em below it)
    /// in a line box.
    static func baseline(top: Double, line: Double, font: Double) -> Double {
        top + line / 2 + 0.38 * font
    }

    static func outcomeClass(_ o: Outcome) -> String {
        switch o {
        case .granted: "granted"
        case .refused: "refused"
        case .terminated: "terminated"
        }
    }

    // MARK: - Text

    /// Escaped for XML text and attribute values by the site's one escaper (``Markup``);
    /// characters XML cannot hold become U+FFFD.
    static func escape(_ text: String) -> String {
        Markup.escape(text, controls: .replace)
    }

    /// An integer, or one decimal; no locale, no exponent.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = tenths.magnitude
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }

    // MARK: - Ids

    static func sanitizeID(_ prefix: String) -> String {
        var out = ""
        for s in prefix.unicodeScalars {
            let v = s.value
            let ok = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x2D || v == 0x5F
            out.unicodeScalars.append(ok ? s : "_")
        }
        if out.isEmpty || out.first!.isNumber || out.first == "-" { out = "zn" + out }
        return out
    }

    /// `zn` and 8 hex digits of an FNV-1a hash of everything the chart shows.
    static func hashPrefix(_ steps: [FlowStep], _ options: FlowchartOptions) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed(_ s: String) {
            for b in s.utf8 {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0x1f
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for step in steps {
            feed(step.name)
            feed(step.role ?? "\u{0}")
            feed(step.timeLimit?.text ?? "\u{0}")
            feed(step.isTimed ? "1" : "0")
            feed(step.outcome?.rawValue ?? "\u{0}")
            for t in step.transitions {
                feed(t.condition ?? "\u{0}")
                feed(t.target)
            }
            feed("\u{1e}")
        }
        feed("\u{1d}")
        for name in options.highlightedPath { feed(name) }
        // Only when there are any, so a flow without 情形 keeps its ids.
        for name in options.scenarioTags.keys.sorted() {
            feed(name)
            feed(options.scenarioTags[name]!)
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return "zn" + padded.prefix(8)
    }
}
