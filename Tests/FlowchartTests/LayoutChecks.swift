import Catalog
import Testing

@testable import Flowchart

typealias Rect = FlowchartLayout.Rect
typealias Point = FlowchartLayout.Point

/// Checks the properties every layout must have; records an issue for each violation.
func checkLayout(
    _ layout: FlowchartLayout, steps: [FlowStep], options: FlowchartOptions = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    func fail(_ message: String) { Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation) }

    // Every step drawn once, first occurrence of a name wins, declaration order.
    var seen = Set<String>()
    let unique = steps.filter { seen.insert($0.name).inserted }
    if layout.nodes.map(\.name) != unique.map(\.name) { fail("nodes \(layout.nodes.map(\.name)) are not the steps") }
    let byName = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.name, $0) })

    // Inside the canvas.
    let canvas = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
    func inside(_ r: Rect) -> Bool { r.x >= 0 && r.y >= 0 && r.maxX <= canvas.maxX && r.maxY <= canvas.maxY }
    for node in layout.nodes where !inside(node.frame) { fail("\(node.name) leaves the canvas") }
    for edge in layout.edges {
        if let l = edge.label, !inside(l.frame) { fail("label of \(edge.from)→\(edge.to) leaves the canvas") }
        for p in edge.points where !(p.x >= 0 && p.y >= 0 && p.x <= canvas.maxX && p.y <= canvas.maxY) {
            fail("edge \(edge.from)→\(edge.to) leaves the canvas at \(p)")
        }
    }

    // No two boxes or labels overlap (sweep in y).
    var rects: [(Rect, String)] = layout.nodes.map { ($0.frame, "box \($0.name)") }
    for edge in layout.edges { if let l = edge.label { rects.append((l.frame, "label \(edge.from)→\(edge.to)")) } }
    rects.sort { $0.0.y < $1.0.y }
    for i in rects.indices {
        var j = i + 1
        while j < rects.count && rects[j].0.y < rects[i].0.maxY {
            if rects[i].0.intersects(rects[j].0) { fail("\(rects[i].1) overlaps \(rects[j].1)") }
            j += 1
        }
    }

    // Edges: endpoints on the borders, ranks, no segment through a box.
    let boxes = layout.nodes.sorted { $0.y < $1.y }
    for edge in layout.edges {
        guard let source = byName[edge.from], let target = byName[edge.to] else {
            fail("edge \(edge.from)→\(edge.to) joins unknown steps")
            continue
        }
        guard let first = edge.points.first, let last = edge.points.last, edge.points.count >= 2 else {
            fail("edge \(edge.from)→\(edge.to) has fewer than two points")
            continue
        }
        if !source.frame.isOnBorder(first) { fail("edge \(edge.from)→\(edge.to) starts off its source's border at \(first)") }
        if !target.frame.isOnBorder(last) { fail("edge \(edge.from)→\(edge.to) ends off its target's border at \(last)") }
        if edge.isSelfLoop != (edge.from == edge.to) { fail("self-loop flag wrong on \(edge.from)→\(edge.to)") }
        if edge.isBackEdge || edge.isSelfLoop {
            if source.rank < target.rank { fail("back edge \(edge.from)→\(edge.to) runs downwards") }
        } else if target.rank <= source.rank {
            fail("ranks do not increase along \(edge.from)(\(source.rank))→\(edge.to)(\(target.rank))")
        }
        for (a, b) in zip(edge.points, edge.points.dropFirst()) {
            let (lo, hi) = (min(a.y, b.y), max(a.y, b.y))
            for box in boxes where box.y < hi && box.frame.maxY > lo {
                let inner = Rect(x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1)
                if segment(a, b, crosses: inner) { fail("edge \(edge.from)→\(edge.to) crosses box \(box.name)") }
            }
        }
    }

    // The critical path as asked.
    let path = options.highlightedPath
    let pairs = Set(zip(path, path.dropFirst()).map { [$0, $1] })
    for node in layout.nodes where node.isCritical != path.contains(node.name) {
        fail("critical flag wrong on \(node.name)")
    }
    for edge in layout.edges where edge.isCritical != pairs.contains([edge.from, edge.to]) {
        fail("critical flag wrong on \(edge.from)→\(edge.to)")
    }
}

/// Whether the segment from `a` to `b` meets the rectangle (Liang–Barsky clipping).
func segment(_ a: Point, _ b: Point, crosses r: Rect) -> Bool {
    var t0 = 0.0, t1 = 1.0
    let dx = b.x - a.x, dy = b.y - a.y
    for (p, q) in [(-dx, a.x - r.x), (dx, r.maxX - a.x), (-dy, a.y - r.y), (dy, r.maxY - a.y)] {
        if p == 0 {
            if q < 0 { return false }
        } else {
            let t = q / p
            if p < 0 { if t > t1 { return false }; t0 = max(t0, t) } else { if t < t0 { return false }; t1 = min(t1, t) }
        }
    }
    return t0 <= t1
}
