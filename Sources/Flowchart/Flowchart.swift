// TEMPORARY STUB, written on the `generators` branch so that Generators builds while the
// real Flowchart target is written elsewhere; replaced at merge. Same public API.
import Catalog

/// Options for drawing a flowchart.
public struct FlowchartOptions: Sendable, Equatable {
    /// Names of the steps on the path to emphasise (e.g. the critical path).
    public var highlightedPath: [String]
    public init(highlightedPath: [String] = []) {
        self.highlightedPath = highlightedPath
    }
}

public enum Flowchart {
    /// A standalone <svg> element as text, ready to inline in HTML.
    public static func svg(for steps: [FlowStep], options: FlowchartOptions = .init()) -> String {
        let rowHeight = 28
        let height = max(1, steps.count) * rowHeight + 12
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\" width=\"320\" height=\"\(height)\" viewBox=\"0 0 320 \(height)\" role=\"img\">"
        out += "<title>办理流程</title>"
        let highlighted = Set(options.highlightedPath)
        for (i, step) in steps.enumerated() {
            let y = 8 + i * rowHeight
            let stroke = highlighted.contains(step.name) ? "#1f5fa8" : "#888888"
            out += "<rect x=\"8\" y=\"\(y)\" width=\"304\" height=\"22\" rx=\"4\" fill=\"#ffffff\" stroke=\"\(stroke)\"/>"
            out += "<text x=\"160\" y=\"\(y + 15)\" text-anchor=\"middle\" font-size=\"13\">\(escape(step.name))</text>"
        }
        out += "</svg>"
        return out
    }

    private static func escape(_ s: String) -> String {
        var r = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&#39;"
            default: r.unicodeScalars.append(c)
            }
        }
        return r
    }
}
