import Catalog

/// The layered layout, in stages:
///
/// 1. ``FlowGraph``: unique steps (the first of a name wins), the transitions whose target
///    exists, back edges (depth-first search from the first step, transitions in declaration
///    order), ranks (longest path from the start over forward edges; steps the start cannot
///    reach are ranked below all the others).
/// 2. Layers: rank `r` is layer `2r`; the odd layers between ranks hold the dummy nodes of
///    every edge, and a branch condition is the first dummy of its edge, with the label's
///    size, so labels take part in ordering and spacing like boxes and never overlap them.
///    A back edge keeps its dummies in the layers between its ends and leaves and enters the
///    boxes on their right side, through lanes reserved next to each box.
/// 3. Order within layers: barycenter sweeps down and up with adjacent swaps (transpose),
///    started once from declaration order and once from depth-first order; the order with
///    the fewest crossings wins, ties going to the earlier one; ties within a sweep are
///    broken by the barycenter on the other side, then by that starting order.
/// 4. x: ports and lanes from the order, then sweeps that move each node towards where its
///    neighbours' segments attach (a weighted mean), solved exactly per layer under the
///    spacing constraints (weighted isotonic regression, pool adjacent violators); long
///    edges are put in one column and nearly vertical segments made vertical.
/// 5. y: layers stacked with gaps that grow with the slant of the edges crossing them; then
///    polylines (a dummy without a label is passed in a straight line where that stays clear
///    of boxes and labels; back edges run orthogonally on tracks of their own) and labels.
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
        /// Declaration order, for the initial order and for ties: a box's step, or a dummy's
        /// source step and the transition's place among that step's transitions.
        var key: (Int, Int)
        var isReal: Bool { node >= 0 }
    }

    func run() -> FlowchartLayout {
        let graph = FlowGraph(steps)
        if graph.steps.isEmpty {
            return FlowchartLayout(nodes: [], edges: [], width: 160, height: 64)
        }
        if Self.layeredNodeCount(graph) > Self.maxLayeredNodes { return Self.tooLargeLayout(graph) }
        var b = Builder(graph: graph, options: options)
        return b.build()
    }

    // MARK: - Measuring

    static func measure(_ step: FlowStep, sidePorts: Int, scenarioTag: String? = nil) -> Box {
        let title = TextMetrics.wrap(step.name, maxWidth: Style.titleWrap, fontSize: Style.titleFont)
        let parts = [step.role.map(TextMetrics.normalize), step.timeLimit?.text].compactMap { $0 }
            .filter { !$0.isEmpty }
        let detail = TextMetrics.wrap(
            parts.joined(separator: " · "), maxWidth: Style.detailWrap, fontSize: Style.detailFont)
        var tags: [FlowchartLayout.Tag] = []
        if let scenarioTag { tags.append(.init(kind: .scenario, text: scenarioTag)) }
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
        /// Neighbours in the layer above and below, with the weight of the segment joining
        /// them and its index in `segments`.
        var up: [[(id: Int, w: Double, seg: Int)]] = []
        var down: [[(id: Int, w: Double, seg: Int)]] = []
        /// Where each segment attaches, relative to the x of its upper and lower node: a
        /// port or a lane for a box, 0 for a dummy.
        var segments: [(upper: Double, lower: Double)] = []
        var segmentIsBack: [Bool] = []
        /// Each edge's segments along its chain.
        var chainSegments: [[Int]]

        // Ports, set once the order is known. Forward edges: x offsets from the box's centre
        // at the bottom (out) and top (in). Back edges and self-loops: lanes on the right
        // side and slots (from the top) among the side's ports.
        var portOut: [Double]
        var portIn: [Double]
        var laneOut: [Int]
        var laneIn: [Int]
        var slotOut: [Int]
        var slotIn: [Int]
        var slotCount: [Int]
        /// 情形 tags by step name (``FlowchartOptions/scenarioTags``).
        let scenarioTags: [String: String]
        var pos: [Int] = []
        /// What breaks ties in the order: declaration order, or the depth-first order.
        var tieKey: [(Int, Int)] = []
        var x: [Double] = []

        init(graph: FlowGraph, options: FlowchartOptions) {
            self.graph = graph
            scenarioTags = options.scenarioTags
            critical = Set(options.highlightedPath)
            var pairs = Set<[String]>()
            for (a, b) in zip(options.highlightedPath, options.highlightedPath.dropFirst()) { pairs.insert([a, b]) }
            criticalPairs = pairs
            let n = graph.steps.count
            selfLoops = .init(repeating: [], count: n)
            outBack = .init(repeating: [], count: n)
            inBack = .init(repeating: [], count: n)
            lanes = .init(repeating: 0, count: n)
            let m = graph.edges.count
            chains = .init(repeating: [], count: m)
            chainSegments = .init(repeating: [], count: m)
            portOut = .init(repeating: 0, count: m)
            portIn = .init(repeating: 0, count: m)
            laneOut = .init(repeating: 0, count: m)
            laneIn = .init(repeating: 0, count: m)
            slotOut = .init(repeating: 0, count: m)
            slotIn = .init(repeating: 0, count: m)
            slotCount = .init(repeating: 0, count: n)
        }

        func isCritical(edge e: Int) -> Bool {
            let edge = graph.edges[e]
            return criticalPairs.contains([graph.steps[edge.from].name, graph.steps[edge.to].name])
        }

        mutating func build() -> FlowchartLayout {
            measure()
            makeLayers()
            order()
            assignPorts()
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
                boxes.append(LayoutEngine.measure(g.steps[i], sidePorts: ports, scenarioTag: scenarioTags[g.steps[i].name]))
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
                // Long edges straight (dummy to dummy weighs most); a forward edge's first
                // segment weighs least, so a branch fans out from its source on a slant and
                // then drops straight through its label into the target.
                let factor = isCritical(edge: e) ? 2.0 : 1.0
                let isForward = !graph.edges[e].isBack
                for (k, (a, b)) in zip(chain, chain.dropFirst()).enumerated() {
                    let base = k == 0 && isForward ? 0.25 : lnodes[a].isReal || lnodes[b].isReal ? 2.0 : 8.0
                    let w = base * factor
                    let (hi, lo) = lnodes[a].layer < lnodes[b].layer ? (a, b) : (b, a)
                    let seg = segments.count
                    segments.append((0, 0))
                    segmentIsBack.append(graph.edges[e].isBack)
                    chainSegments[e].append(seg)
                    down[hi].append((lo, w, seg))
                    up[lo].append((hi, w, seg))
                }
            }
            for id in lnodes.indices { layers[lnodes[id].layer].append(id) }
            pos = .init(repeating: 0, count: lnodes.count)
            tieKey = lnodes.map(\.key)
            initialOrder()
        }

        /// Each layer sorted by `tieKey`.
        mutating func initialOrder() {
            let keys = tieKey
            func less(_ a: Int, _ b: Int) -> Bool {
                let (p, q) = (keys[a], keys[b])
                return p.0 != q.0 ? p.0 < q.0 : p.1 < q.1
            }
            for l in layers.indices { layers[l].sort(by: less) }
            updatePositions()
        }

        mutating func updatePositions() {
            for layer in layers { for (i, id) in layer.enumerated() { pos[id] = i } }
        }

        // MARK: Order

        /// Barycenter sweeps with transposition, twice: starting from declaration order and
        /// from the order in which a depth-first walk meets the steps (the first-listed branch
        /// on the left); the order with the fewest crossings wins, the first on a tie.
        mutating func order() {
            var best = layers
            var bestCrossings = crossings()
            if bestCrossings == 0 { return }
            let declaration = tieKey
            let depthFirst = lnodes.map { n in
                n.isReal ? (graph.preorder[n.node], 0) : (graph.preorder[graph.edges[n.edge].from], n.key.1)
            }
            // The same walk with each step's later branches first: a local minimum the sweeps
            // cannot leave from one side (a long edge that has to pass a branch) they may
            // leave from the other.
            let laterFirst = lnodes.map { n in
                n.isReal ? (graph.preorder[n.node], 0) : (graph.preorder[graph.edges[n.edge].from], -n.key.1)
            }
            // And with long edges' dummies after the boxes of their layer: an edge that skips
            // layers then passes on the outside of the branches it skips.
            let outside = lnodes.map { n in
                n.isReal ? (graph.preorder[n.node], 0) : (lnodes.count + graph.preorder[graph.edges[n.edge].from], n.key.1)
            }
            for keys in [declaration, depthFirst, laterFirst, outside] {
                tieKey = keys
                initialOrder()
                var stale = 0
                for pass in 0...12 {
                    if pass > 0 {
                        sweep(downwards: pass % 2 == 1)
                        transpose()
                    }
                    let c = crossings()
                    if c < bestCrossings {
                        best = layers
                        bestCrossings = c
                        stale = 0
                    } else {
                        stale += 1
                    }
                    // Done when nothing crosses, or when four passes in a row found nothing better.
                    if bestCrossings == 0 || stale >= 4 { break }
                }
                if bestCrossings == 0 { break }
            }
            tieKey = declaration
            layers = best
            updatePositions()
        }

        /// The mean position of a node's neighbours above or below; a box's back edges leave
        /// and enter on its right side, so their dummies count the box half a place to the
        /// right. `nil` without neighbours.
        func barycenter(_ id: Int, upwards: Bool) -> Double? {
            let neighbours = upwards ? up[id] : down[id]
            if neighbours.isEmpty { return nil }
            var sum = 0.0
            for (n, _, seg) in neighbours {
                sum += Double(pos[n]) + (segmentIsBack[seg] && lnodes[n].isReal ? 0.5 : 0)
            }
            return sum / Double(neighbours.count)
        }

        /// One sweep: each layer sorted by the barycenters of its neighbours in the layer just
        /// placed; ties by the barycenter on the other side, then by declaration order.
        mutating func sweep(downwards: Bool) {
            let range: [Int] = downwards ? Array(1..<max(layers.count, 1)) : Array((0..<max(layers.count - 1, 0)).reversed())
            for l in range where layers[l].count > 1 {
                var items: [(bc: Double, other: Double, id: Int)] = []
                for id in layers[l] {
                    let here = Double(pos[id])
                    items.append(
                        (barycenter(id, upwards: downwards) ?? here, barycenter(id, upwards: !downwards) ?? here, id))
                }
                let keys = tieKey
                items.sort {
                    if $0.bc != $1.bc { return $0.bc < $1.bc }
                    if $0.other != $1.other { return $0.other < $1.other }
                    let (p, q) = (keys[$0.id], keys[$1.id])
                    return p.0 != q.0 ? p.0 < q.0 : p.1 < q.1
                }
                layers[l] = items.map(\.id)
                for (i, id) in layers[l].enumerated() { pos[id] = i }
            }
        }

        /// Swaps neighbours in a layer while that removes crossings (at most a few rounds).
        mutating func transpose() {
            for _ in 0..<8 {
                var improved = false
                for l in layers.indices where layers[l].count > 1 {
                    var ids = layers[l]
                    // The ends of each node's segments in the layers above and below, sorted;
                    // they stay put while this layer is reordered.
                    var ups = ids.map { id in up[id].map { end($0.id, $0.seg) }.sorted() }
                    var downs = ids.map { id in down[id].map { end($0.id, $0.seg) }.sorted() }
                    var changed = false
                    for i in 0..<(ids.count - 1) {
                        let now = Self.inversions(ups[i], ups[i + 1]) + Self.inversions(downs[i], downs[i + 1])
                        let swapped = Self.inversions(ups[i + 1], ups[i]) + Self.inversions(downs[i + 1], downs[i])
                        if swapped < now {
                            ids.swapAt(i, i + 1)
                            ups.swapAt(i, i + 1)
                            downs.swapAt(i, i + 1)
                            changed = true
                        }
                    }
                    if changed {
                        layers[l] = ids
                        for (i, id) in ids.enumerated() { pos[id] = i }
                        improved = true
                    }
                }
                if !improved { return }
            }
        }

        /// Pairs `(p, q)` with `p` from `a`, `q` from `b` and `p > q`; both sorted.
        static func inversions(_ a: [Int], _ b: [Int]) -> Int {
            if a.isEmpty || b.isEmpty { return 0 }
            var j = 0
            var count = 0
            for p in a {
                while j < b.count && b[j] < p { j += 1 }
                count += j
            }
            return count
        }

        /// Where segment `seg` meets node `n`, in half places: a back edge meets a box on its
        /// right side, just right of the box's place.
        func end(_ n: Int, _ seg: Int) -> Int {
            2 * pos[n] + (segmentIsBack[seg] && lnodes[n].isReal ? 1 : 0)
        }

        /// Crossings between every pair of adjacent layers (inversions, counted with a
        /// Fenwick tree).
        func crossings() -> Int {
            var total = 0
            for l in 0..<max(layers.count - 1, 0) {
                var pairs: [(Int, Int)] = []
                for id in layers[l] { for (lo, _, seg) in down[id] { pairs.append((end(id, seg), end(lo, seg))) } }
                if pairs.count < 2 { continue }
                pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                let size = 2 * layers[l + 1].count + 2
                var tree = [Int](repeating: 0, count: size + 1)
                var seen = 0
                var i = 0
                while i < pairs.count {
                    // Pairs sharing an upper end do not cross one another: count them against
                    // the earlier ones first, then add them.
                    var j = i
                    while j < pairs.count && pairs[j].0 == pairs[i].0 { j += 1 }
                    for k in i..<j {
                        var t = pairs[k].1 + 1
                        var atMost = 0
                        while t > 0 { atMost += tree[t]; t -= t & -t }
                        total += seen - atMost
                    }
                    for k in i..<j {
                        var t = pairs[k].1 + 1
                        while t <= size { tree[t] += 1; t += t & -t }
                    }
                    seen += j - i
                    i = j
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
            straightenChains()
            straighten()
            // Whole pixels, from the margin.
            var minLeft = Double.infinity
            for id in lnodes.indices { minLeft = min(minLeft, x[id] - lnodes[id].left) }
            for id in lnodes.indices { x[id] = (x[id] - minLeft + Style.margin).rounded() }
        }

        /// The dummies of each long edge put in one column where their layers leave room, so
        /// that the edge runs straight between its ends instead of in a staircase. A forward
        /// edge's label stays where it is (it sits at the top of the run).
        mutating func straightenChains() {
            for (e, chain) in chains.enumerated() where chain.count > 3 {
                var run = Array(chain.dropFirst().dropLast())
                if lnodes[run[0]].label != nil { run.removeFirst() }
                if run.count < 2 { continue }
                let segs = chainSegments[e]
                // Where the edge leaves and enters its boxes, as x.
                let isBack = graph.edges[e].isBack
                let startX = x[chain[0]] + (isBack ? segments[segs[0]].lower : segments[segs[0]].upper)
                let endX = x[chain[chain.count - 1]] + (isBack ? segments[segs[segs.count - 1]].upper : segments[segs[segs.count - 1]].lower)
                let current = run.map { x[$0] }.sorted()
                let candidates = [current[current.count / 2], endX, startX] + run.map { x[$0] }
                let costs = candidates.map { c in run.reduce(0.0) { $0 + abs(x[$1] - c) } }
                let ranked = candidates.enumerated().sorted {
                    let (a, b) = (costs[$0.offset], costs[$1.offset])
                    return a != b ? a < b : $0.offset < $1.offset
                }
                if let (_, c) = ranked.first(where: { c in run.allSatisfy { fits($0, at: c.element) } }) {
                    for d in run { x[d] = c }
                    continue
                }
                // No one column fits: at least join neighbours where they can, downwards
                // from the source's end, then back.
                for k in 1..<run.count where fits(run[k], at: x[run[k - 1]]) { x[run[k]] = x[run[k - 1]] }
                for k in stride(from: run.count - 2, through: 0, by: -1) where fits(run[k], at: x[run[k + 1]]) {
                    x[run[k]] = x[run[k + 1]]
                }
            }
        }

        /// Whether node `id` could sit at `c` without crowding its neighbours in the layer.
        func fits(_ id: Int, at c: Double) -> Bool {
            let ids = layers[lnodes[id].layer]
            let i = pos[id]
            if i > 0 {
                let left = ids[i - 1]
                if c - lnodes[id].left < x[left] + lnodes[left].right + gap(left, id) - 1e-9 { return false }
            }
            if i + 1 < ids.count {
                let right = ids[i + 1]
                if c + lnodes[id].right > x[right] - lnodes[right].left - gap(id, right) + 1e-9 { return false }
            }
            return true
        }

        /// Nearly vertical segments made vertical, top down, where the neighbours in the layer
        /// leave room: a step under a step in a straight line, not two pixels off.
        mutating func straighten() {
            for l in layers.indices.dropFirst() {
                let ids = layers[l]
                for (i, id) in ids.enumerated() where up[id].count == 1 {
                    let (n, _, seg) = up[id][0]
                    let target = x[n] + segments[seg].upper - segments[seg].lower
                    guard abs(target - x[id]) < 8 else { continue }
                    if i > 0 {
                        let left = ids[i - 1]
                        if target - lnodes[id].left < x[left] + lnodes[left].right + gap(left, id) { continue }
                    }
                    if i + 1 < ids.count {
                        let right = ids[i + 1]
                        if target + lnodes[id].right > x[right] - lnodes[right].left - gap(id, right) { continue }
                    }
                    x[id] = target
                }
            }
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
                // Towards where the neighbours' ends of the segments are.
                if useUp {
                    for (n, w, seg) in up[id] {
                        sw += w
                        sx += w * (x[n] + segments[seg].upper - segments[seg].lower)
                    }
                }
                if useDown {
                    for (n, w, seg) in down[id] {
                        sw += w
                        sx += w * (x[n] + segments[seg].lower - segments[seg].upper)
                    }
                }
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
