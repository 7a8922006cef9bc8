import Catalog

/// The layered layout, in stages:
///
/// 1. ``FlowGraph``: unique steps, resolved transitions, back edges (DFS from the first step
///    in declaration order), ranks (longest path over forward edges; unreachable steps below).
/// 2. Layers: rank `r` is layer `2r`; the odd layers between ranks hold the dummy nodes of
///    every edge, and a branch condition is the first dummy of its edge, with the label's
///    size, so labels take part in ordering and spacing like boxes and never overlap them.
///    A back edge keeps its dummies in the layers between its ends and leaves and enters the
///    boxes on their right side, through lanes reserved next to each box.
/// 3. Order within layers: barycenter sweeps down and up, keeping the order with the fewest
///    crossings, ties broken by declaration order.
/// 4. x: repeated sweeps that move each node towards the weighted mean of its neighbours,
///    solved exactly per layer under the spacing constraints (weighted isotonic regression,
///    pool-adjacent-violators), long edges weighted so they run straight.
/// 5. y: layers stacked with gaps that grow with the slant of the edges crossing them; then
///    ports, polylines and labels.
struct LayoutEngine {
    let steps: [FlowStep]
    let options: FlowchartOptions

    typealias Point = FlowchartLayout.Point
    typealias Rect = FlowchartLayout.Rect

    struct Box {
        var title: [String]
        var detail: [String]
        var tags: [FlowchartLayout.Tag]
        var width: Double
        var height: Double
        var terminal: Bool
    }

    struct LabelBox {
        var lines: [String]
        var width: Double
        var height: Double
    }

    /// A node of the layered graph: a step's box or a dummy of an edge.
    struct LNode {
        var node: Int = -1
        var edge: Int = -1
        var layer: Int
        /// Extents left and right of the node's x.
        var left: Double = 0
        var right: Double = 0
        var height: Double = 0
        var label: LabelBox? = nil
        /// Declaration order, for the initial order and for ties.
        var key: (Int, Int)
        var isReal: Bool { node >= 0 }
    }

    func run() -> FlowchartLayout {
        let graph = FlowGraph(steps)
        if graph.steps.isEmpty {
            return FlowchartLayout(nodes: [], edges: [], width: 160, height: 64)
        }
        var b = Builder(graph: graph, options: options)
        return b.build()
    }

    // MARK: - Measuring

    static func measure(_ step: FlowStep, sidePorts: Int) -> Box {
        let title = TextMetrics.wrap(step.name, maxWidth: Style.titleWrap, fontSize: Style.titleFont)
        let parts = [step.role.map(TextMetrics.normalize), step.timeLimit?.text].compactMap { $0 }
            .filter { !$0.isEmpty }
        let detail = TextMetrics.wrap(
            parts.joined(separator: " · "), maxWidth: Style.detailWrap, fontSize: Style.detailFont)
        var tags: [FlowchartLayout.Tag] = []
        if !step.isTimed { tags.append(.init(kind: .untimed, text: "不计时")) }
        if let o = step.outcome { tags.append(.init(kind: .outcome(o), text: "结束：\(o.rawValue)")) }

        var content = 0.0
        for line in title { content = max(content, TextMetrics.width(line, fontSize: Style.titleFont)) }
        for line in detail { content = max(content, TextMetrics.width(line, fontSize: Style.detailFont)) }
        content = max(content, tagRowWidth(tags))
        let terminal = step.outcome != nil
        let pad = terminal ? Style.terminalPadX : Style.boxPadX
        let width = evenCeil(max(Style.minBoxWidth, content * 1.02 + 2 * pad))
        var height = 2 * Style.boxPadY + Double(title.count) * Style.titleLine
            + Double(detail.count) * Style.detailLine
        if !tags.isEmpty { height += (title.isEmpty && detail.isEmpty ? 0 : Style.tagTop) + Style.tagHeight }
        if title.isEmpty && detail.isEmpty && tags.isEmpty { height += Style.titleLine }
        height = max(height, Double(sidePorts + 1) * 10)
        return Box(title: title, detail: detail, tags: tags, width: width, height: evenCeil(height), terminal: terminal)
    }

    static func tagWidth(_ tag: FlowchartLayout.Tag) -> Double {
        evenCeil(TextMetrics.width(tag.text, fontSize: Style.tagFont) + 2 * Style.tagPadX)
    }

    static func tagRowWidth(_ tags: [FlowchartLayout.Tag]) -> Double {
        if tags.isEmpty { return 0 }
        return tags.map(tagWidth).reduce(0, +) + Style.tagSpacing * Double(tags.count - 1)
    }

    static func measureLabel(_ condition: String?) -> LabelBox? {
        guard let condition else { return nil }
        let lines = TextMetrics.wrap(condition, maxWidth: Style.labelWrap, fontSize: Style.labelFont)
        if lines.isEmpty { return nil }
        let w = lines.map { TextMetrics.width($0, fontSize: Style.labelFont) }.max() ?? 0
        return LabelBox(
            lines: lines, width: evenCeil(w * 1.02 + 2 * Style.labelPadX),
            height: Double(lines.count) * Style.labelLine + 2 * Style.labelPadY)
    }

    static func evenCeil(_ v: Double) -> Double {
        let c = v.rounded(.up)
        return c.truncatingRemainder(dividingBy: 2) == 0 ? c : c + 1
    }

    // MARK: - Weighted isotonic regression

    /// The non-decreasing sequence closest to `targets` in weighted least squares
    /// (pool adjacent violators).
    static func isotonic(_ targets: [Double], _ weights: [Double]) -> [Double] {
        var blocks: [(w: Double, sum: Double, count: Int)] = []
        blocks.reserveCapacity(targets.count)
        for i in targets.indices {
            var block = (w: weights[i], sum: weights[i] * targets[i], count: 1)
            while let last = blocks.last, last.sum / last.w > block.sum / block.w {
                block = (last.w + block.w, last.sum + block.sum, last.count + block.count)
                blocks.removeLast()
            }
            blocks.append(block)
        }
        var out: [Double] = []
        out.reserveCapacity(targets.count)
        for block in blocks {
            out.append(contentsOf: repeatElement(block.sum / block.w, count: block.count))
        }
        return out
    }
}

extension LayoutEngine {
    struct Builder {
        let graph: FlowGraph
        let critical: Set<String>
        let criticalPairs: Set<[String]>

        var boxes: [Box] = []
        var edgeLabels: [LabelBox?] = []
        var selfLoops: [[Int]]
        var outBack: [[Int]]
        var inBack: [[Int]]
        var lanes: [Int]

        var lnodes: [LNode] = []
        var realID: [Int] = []
        var chains: [[Int]]
        var layers: [[Int]] = []
        var up: [[(id: Int, w: Double)]] = []
        var down: [[(id: Int, w: Double)]] = []
        var pos: [Int] = []
        var x: [Double] = []

        init(graph: FlowGraph, options: FlowchartOptions) {
            self.graph = graph
            critical = Set(options.highlightedPath)
            var pairs = Set<[String]>()
            for (a, b) in zip(options.highlightedPath, options.highlightedPath.dropFirst()) { pairs.insert([a, b]) }
            criticalPairs = pairs
            let n = graph.steps.count
            selfLoops = .init(repeating: [], count: n)
            outBack = .init(repeating: [], count: n)
            inBack = .init(repeating: [], count: n)
            lanes = .init(repeating: 0, count: n)
            chains = .init(repeating: [], count: graph.edges.count)
        }

        func isCritical(edge e: Int) -> Bool {
            let edge = graph.edges[e]
            return criticalPairs.contains([graph.steps[edge.from].name, graph.steps[edge.to].name])
        }

        mutating func build() -> FlowchartLayout {
            measure()
            makeLayers()
            order()
            placeX()
            return finish()
        }

        // MARK: Boxes

        mutating func measure() {
            let g = graph
            for (e, edge) in g.edges.enumerated() {
                edgeLabels.append(LayoutEngine.measureLabel(edge.condition))
                if edge.isSelf {
                    selfLoops[edge.from].append(e)
                } else if edge.isBack {
                    outBack[edge.from].append(e)
                    inBack[edge.to].append(e)
                }
            }
            for i in g.steps.indices {
                lanes[i] = max(outBack[i].count, inBack[i].count, selfLoops[i].count)
                let ports = outBack[i].count + inBack[i].count + 2 * selfLoops[i].count
                boxes.append(LayoutEngine.measure(g.steps[i], sidePorts: ports))
            }
        }

        func selfLabelSize(_ i: Int) -> (width: Double, height: Double) {
            let labels = selfLoops[i].compactMap { edgeLabels[$0] }
            if labels.isEmpty { return (0, 0) }
            return (
                labels.map(\.width).max()!,
                labels.map(\.height).reduce(0, +) + 4 * Double(labels.count - 1)
            )
        }

        // MARK: Layers and dummies

        mutating func makeLayers() {
            let g = graph
            let maxRank = g.rank.max() ?? 0
            layers = .init(repeating: [], count: 2 * maxRank + 1)
            for i in g.steps.indices {
                let box = boxes[i]
                let selfLabel = selfLabelSize(i)
                var right = box.width / 2 + Double(lanes[i]) * Style.laneGap
                if selfLabel.width > 0 { right += Style.selfLabelGap + selfLabel.width }
                realID.append(lnodes.count)
                lnodes.append(
                    LNode(
                        node: i, layer: 2 * g.rank[i], left: box.width / 2, right: right,
                        height: max(box.height, selfLabel.height), key: (i, 0)))
            }
            for (e, edge) in g.edges.enumerated() where !edge.isSelf {
                let (u, v) = (edge.from, edge.to)
                let lu = 2 * g.rank[u], lv = 2 * g.rank[v]
                let step = lu < lv ? 1 : -1
                var chain = [realID[u]]
                let k = g.outgoing[u].firstIndex(of: e)! + 1
                var l = lu + step
                while l != lv {
                    var d = LNode(edge: e, layer: l, key: (u, k))
                    if chain.count == 1, let label = edgeLabels[e] {
                        d.label = label
                        d.left = label.width / 2
                        d.right = label.width / 2
                        d.height = label.height
                    }
                    chain.append(lnodes.count)
                    lnodes.append(d)
                    l += step
                }
                chain.append(realID[v])
                chains[e] = chain
            }
            up = .init(repeating: [], count: lnodes.count)
            down = .init(repeating: [], count: lnodes.count)
            for (e, chain) in chains.enumerated() where !chain.isEmpty {
                let factor = isCritical(edge: e) ? 2.0 : 1.0
                for (a, b) in zip(chain, chain.dropFirst()) {
                    let w = (lnodes[a].isReal || lnodes[b].isReal ? 2.0 : 8.0) * factor
                    let (hi, lo) = lnodes[a].layer < lnodes[b].layer ? (a, b) : (b, a)
                    down[hi].append((lo, w))
                    up[lo].append((hi, w))
                }
            }
            for id in lnodes.indices { layers[lnodes[id].layer].append(id) }
            let nodes = lnodes
            func less(_ a: Int, _ b: Int) -> Bool {
                let (p, q) = (nodes[a].key, nodes[b].key)
                return p.0 != q.0 ? p.0 < q.0 : p.1 < q.1
            }
            for l in layers.indices { layers[l].sort(by: less) }
            pos = .init(repeating: 0, count: lnodes.count)
            updatePositions()
        }

        mutating func updatePositions() {
            for layer in layers { for (i, id) in layer.enumerated() { pos[id] = i } }
        }

        // MARK: Order

        mutating func order() {
            var best = layers
            var bestCrossings = crossings()
            if bestCrossings == 0 { return }
            for pass in 0..<12 {
                sweep(downwards: pass % 2 == 0)
                let c = crossings()
                if c < bestCrossings {
                    best = layers
                    bestCrossings = c
                    if c == 0 { break }
                }
            }
            layers = best
            updatePositions()
        }

        mutating func sweep(downwards: Bool) {
            let range: [Int] = downwards ? Array(1..<max(layers.count, 1)) : Array((0..<max(layers.count - 1, 0)).reversed())
            for l in range where layers[l].count > 1 {
                var items: [(bc: Double, id: Int)] = []
                for id in layers[l] {
                    let neighbours = downwards ? up[id] : down[id]
                    if neighbours.isEmpty {
                        items.append((Double(pos[id]), id))
                    } else {
                        let sum = neighbours.reduce(0.0) { $0 + Double(pos[$1.id]) }
                        items.append((sum / Double(neighbours.count), id))
                    }
                }
                let nodes = lnodes
                items.sort {
                    if $0.bc != $1.bc { return $0.bc < $1.bc }
                    let (p, q) = (nodes[$0.id].key, nodes[$1.id].key)
                    return p.0 != q.0 ? p.0 < q.0 : p.1 < q.1
                }
                layers[l] = items.map(\.id)
                for (i, id) in layers[l].enumerated() { pos[id] = i }
            }
        }

        /// Crossings between every pair of adjacent layers (inversions, counted with a
        /// Fenwick tree).
        func crossings() -> Int {
            var total = 0
            for l in 0..<max(layers.count - 1, 0) {
                var pairs: [(Int, Int)] = []
                for id in layers[l] { for (lo, _) in down[id] { pairs.append((pos[id], pos[lo])) } }
                if pairs.count < 2 { continue }
                pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                let size = layers[l + 1].count
                var tree = [Int](repeating: 0, count: size + 1)
                var seen = 0
                for (_, p) in pairs {
                    // Count earlier pairs whose lower end is right of p.
                    var i = p + 1
                    var atMost = 0
                    while i > 0 { atMost += tree[i]; i -= i & -i }
                    total += seen - atMost
                    i = p + 1
                    while i <= size { tree[i] += 1; i += i & -i }
                    seen += 1
                }
            }
            return total
        }

        // MARK: x

        func gap(_ a: Int, _ b: Int) -> Double {
            switch (lnodes[a].isReal, lnodes[b].isReal) {
            case (true, true): Style.nodeGap
            case (false, false): Style.dummyGap
            default: Style.nodeDummyGap
            }
        }

        mutating func placeX() {
            x = .init(repeating: 0, count: lnodes.count)
            for layer in layers {
                var cursor = 0.0
                for (i, id) in layer.enumerated() {
                    if i > 0 { cursor += lnodes[layer[i - 1]].right + gap(layer[i - 1], id) + lnodes[id].left }
                    x[id] = cursor
                }
            }
            let count = layers.count
            if count > 1 {
                for _ in 0..<4 {
                    for l in 1..<count { placeLayer(l, useUp: true, useDown: false) }
                    for l in (0..<count - 1).reversed() { placeLayer(l, useUp: false, useDown: true) }
                }
                for _ in 0..<4 {
                    for l in 0..<count { placeLayer(l, useUp: true, useDown: true) }
                    for l in (0..<count).reversed() { placeLayer(l, useUp: true, useDown: true) }
                }
            }
            // Whole pixels, from the margin.
            var minLeft = Double.infinity
            for id in lnodes.indices { minLeft = min(minLeft, x[id] - lnodes[id].left) }
            for id in lnodes.indices { x[id] = (x[id] - minLeft + Style.margin).rounded() }
        }

        mutating func placeLayer(_ l: Int, useUp: Bool, useDown: Bool) {
            let ids = layers[l]
            var targets: [Double] = []
            var weights: [Double] = []
            var offsets: [Double] = []
            targets.reserveCapacity(ids.count)
            var offset = 0.0
            for (i, id) in ids.enumerated() {
                if i > 0 { offset += lnodes[ids[i - 1]].right + gap(ids[i - 1], id) + lnodes[id].left }
                offsets.append(offset)
                var sw = 0.0
                var sx = 0.0
                if useUp { for (n, w) in up[id] { sw += w; sx += w * x[n] } }
                if useDown { for (n, w) in down[id] { sw += w; sx += w * x[n] } }
                if sw == 0 {
                    sw = 0.01
                    sx = 0.01 * x[id]
                }
                targets.append(sx / sw - offset)
                weights.append(sw)
            }
            let solved = LayoutEngine.isotonic(targets, weights)
            for (i, id) in ids.enumerated() { x[id] = solved[i] + offsets[i] }
        }
    }
}
