import Catalog

extension LayoutEngine.Builder {
    typealias Point = FlowchartLayout.Point
    typealias Rect = FlowchartLayout.Rect

    /// Ports, y coordinates, polylines and labels; the finished layout.
    mutating func finish() -> FlowchartLayout {
        let g = graph
        let n = g.steps.count
        let edgeCount = g.edges.count
        let boxX = (0..<n).map { x[realID[$0]] - boxes[$0].width / 2 }

        let portOut = (0..<edgeCount).map { e in
            g.edges[e].isBack || g.edges[e].isSelf ? 0 : (x[realID[g.edges[e].from]] + self.portOut[e]).rounded()
        }
        let portIn = (0..<edgeCount).map { e in
            g.edges[e].isBack || g.edges[e].isSelf ? 0 : (x[realID[g.edges[e].to]] + self.portIn[e]).rounded()
        }
        func laneX(_ i: Int, _ lane: Int) -> Double {
            boxX[i] + boxes[i].width + Style.laneGap * Double(lane + 1)
        }

        /// Where an edge's polyline crosses the layer of its `k`-th chain element.
        func chainX(_ e: Int, _ k: Int) -> Double {
            let edge = g.edges[e]
            let chain = chains[e]
            if k == 0 { return edge.isBack ? laneX(edge.from, laneOut[e]) : portOut[e] }
            if k == chain.count - 1 { return edge.isBack ? laneX(edge.to, laneIn[e]) : portIn[e] }
            return x[chain[k]]
        }

        // Layer heights, and gaps that grow with the slant of the edges crossing them.
        let layerCount = layers.count
        var height = [Double](repeating: 0, count: layerCount)
        for (l, layer) in layers.enumerated() {
            for id in layer { height[l] = max(height[l], lnodes[id].height) }
        }
        // Forward edges cross a gap on a slant; back edges run orthogonally, each on its own
        // horizontal track in the gap, so that their jogs neither overlap nor slant.
        var slant = [Double](repeating: 0, count: max(layerCount - 1, 0))
        var tracks = [[Int]](repeating: [], count: max(layerCount - 1, 0))
        for (e, chain) in chains.enumerated() where !chain.isEmpty {
            for k in 0..<(chain.count - 1) {
                let l = min(lnodes[chain[k]].layer, lnodes[chain[k + 1]].layer)
                let dx = abs(chainX(e, k) - chainX(e, k + 1))
                if !g.edges[e].isBack {
                    slant[l] = max(slant[l], dx)
                } else if dx > 0.5 {
                    tracks[l].append(e)
                }
            }
        }
        var top = [Double](repeating: 0, count: layerCount)
        var gapSize = [Double](repeating: 0, count: max(layerCount - 1, 0))
        top[0] = Style.margin + Style.startMarkerSpace
        for l in 1..<max(layerCount, 1) {
            var gap = max(Style.layerGap, min(Style.maxLayerGap, (0.3 * slant[l - 1]).rounded()))
            gap = max(gap, Double(tracks[l - 1].count + 1) * 8)
            gapSize[l - 1] = gap
            top[l] = top[l - 1] + height[l - 1] + gap
        }
        /// The y of back edge `e`'s horizontal run in the gap below layer `l`.
        func trackY(_ l: Int, _ e: Int) -> Double {
            let k = tracks[l].firstIndex(of: e) ?? 0
            return (top[l] + height[l] + gapSize[l] * Double(k + 1) / Double(tracks[l].count + 1)).rounded()
        }
        func bottom(_ l: Int) -> Double { top[l] + height[l] }

        let boxY = (0..<n).map { i -> Double in
            let l = lnodes[realID[i]].layer
            return top[l] + ((height[l] - boxes[i].height) / 2).rounded(.down)
        }
        func frame(_ i: Int) -> Rect { Rect(x: boxX[i], y: boxY[i], width: boxes[i].width, height: boxes[i].height) }
        func slotY(_ i: Int, _ slot: Int) -> Double {
            boxY[i] + (boxes[i].height * Double(slot + 1) / Double(slotCount[i] + 1)).rounded()
        }

        // Labels.
        var labels = [FlowchartLayout.Label?](repeating: nil, count: edgeCount)
        for (e, chain) in chains.enumerated() where chain.count > 2 {
            let d = chain[1]
            guard let label = lnodes[d].label else { continue }
            let l = lnodes[d].layer
            labels[e] = FlowchartLayout.Label(
                lines: label.lines,
                frame: Rect(
                    x: x[d] - label.width / 2, y: top[l] + ((height[l] - label.height) / 2).rounded(.down),
                    width: label.width, height: label.height))
        }
        for i in 0..<n where !selfLoops[i].isEmpty {
            let size = selfLabelSize(i)
            let f = frame(i)
            var y = (f.midY - size.height / 2).rounded(.down)
            let lx = f.maxX + Style.laneGap * Double(lanes[i]) + Style.selfLabelGap
            for e in selfLoops[i] {
                guard let label = edgeLabels[e] else { continue }
                labels[e] = FlowchartLayout.Label(
                    lines: label.lines, frame: Rect(x: lx, y: y, width: label.width, height: label.height))
                y += label.height + 4
            }
        }

        // Obstacles for straight runs: boxes and labels, with a little room around them.
        var obstacles: [(rect: Rect, node: Int)] = (0..<n).map {
            let f = frame($0)
            return (Rect(x: f.x - 6, y: f.y - 6, width: f.width + 12, height: f.height + 12), $0)
        }
        for label in labels { if let f = label?.frame { obstacles.append((Rect(x: f.x - 4, y: f.y - 4, width: f.width + 8, height: f.height + 8), -1)) } }
        obstacles.sort { $0.rect.y < $1.rect.y }
        let obstacleTops = obstacles.map(\.rect.y)
        let tallest = obstacles.map(\.rect.height).max() ?? 0
        func isClear(_ a: Point, _ b: Point, except u: Int, _ v: Int) -> Bool {
            let (lo, hi) = (min(a.y, b.y), max(a.y, b.y))
            // Obstacles starting below lo - tallest cannot reach the segment from above.
            var i = Self.lowerBound(obstacleTops, lo - tallest)
            while i < obstacles.count, obstacles[i].rect.y < hi {
                let o = obstacles[i]
                if o.node != u, o.node != v, o.rect.maxY > lo, Self.segment(a, b, meets: o.rect) { return false }
                i += 1
            }
            return true
        }

        // Polylines.
        var edges: [FlowchartLayout.Edge] = []
        for (e, edge) in g.edges.enumerated() {
            let (u, v) = (edge.from, edge.to)
            let fu = frame(u), fv = frame(v)
            var points: [Point] = []
            if edge.isSelf {
                let lx = laneX(u, laneOut[e])
                let y1 = slotY(u, slotOut[e]), y2 = slotY(u, slotIn[e])
                points = [.init(x: fu.maxX, y: y1), .init(x: lx, y: y1), .init(x: lx, y: y2), .init(x: fu.maxX, y: y2)]
            } else if edge.isBack {
                let chain = chains[e]
                let lu = lnodes[chain[0]].layer, lv = lnodes[chain[chain.count - 1]].layer
                let yOut = slotY(u, slotOut[e]), xOut = laneX(u, laneOut[e])
                points = [.init(x: fu.maxX, y: yOut), .init(x: xOut, y: yOut), .init(x: xOut, y: top[lu])]
                func jog(to nx: Double, below l: Int) {
                    guard let last = points.last, abs(last.x - nx) > 0.5 else { return }
                    let y = trackY(l, e)
                    points += [.init(x: last.x, y: y), .init(x: nx, y: y)]
                }
                for d in chain.dropFirst().dropLast() {
                    let l = lnodes[d].layer
                    jog(to: x[d], below: l)
                    points.append(.init(x: x[d], y: bottom(l)))
                    points.append(.init(x: x[d], y: top[l]))
                }
                let yIn = slotY(v, slotIn[e]), xIn = laneX(v, laneIn[e])
                jog(to: xIn, below: lv)
                points += [.init(x: xIn, y: bottom(lv)), .init(x: xIn, y: yIn), .init(x: fv.maxX, y: yIn)]
            } else {
                let chain = chains[e]
                let lu = lnodes[chain[0]].layer, lv = lnodes[chain[chain.count - 1]].layer
                points = [.init(x: portOut[e], y: fu.maxY), .init(x: portOut[e], y: bottom(lu))]
                let end = Point(x: portIn[e], y: top[lv] - Style.arrowStub)
                // Through the dummies; a dummy without a label is passed by in a straight
                // line where that line keeps clear of every box and label.
                let dummies = Array(chain.dropFirst().dropLast())
                for (k, d) in dummies.enumerated() {
                    let l = lnodes[d].layer
                    let next = k + 1 < dummies.count ? Point(x: x[dummies[k + 1]], y: top[lnodes[dummies[k + 1]].layer]) : end
                    if lnodes[d].label == nil, isClear(points[points.count - 1], next, except: u, v) { continue }
                    points.append(.init(x: x[d], y: top[l]))
                    points.append(.init(x: x[d], y: bottom(l)))
                }
                points += [end, .init(x: portIn[e], y: top[lv]), .init(x: portIn[e], y: fv.y)]
            }
            edges.append(
                FlowchartLayout.Edge(
                    from: g.steps[u].name, to: g.steps[v].name, points: Self.simplify(points),
                    condition: edge.condition, label: labels[e], isBackEdge: edge.isBack,
                    isSelfLoop: edge.isSelf, isCritical: isCritical(edge: e)))
        }

        // Boxes.
        var nodes: [FlowchartLayout.Node] = []
        for i in 0..<n {
            let step = g.steps[i]
            let box = boxes[i]
            let layer = layers[lnodes[realID[i]].layer]
            let order = layer.filter { lnodes[$0].isReal }.firstIndex(of: realID[i])!
            nodes.append(
                FlowchartLayout.Node(
                    name: step.name, index: g.inputIndex[i], x: boxX[i], y: boxY[i], width: box.width,
                    height: box.height, rank: g.rank[i], order: order, titleLines: box.title,
                    detailLines: box.detail, tags: box.tags, isStart: i == 0, outcome: step.outcome,
                    isUntimed: !step.isTimed, isCritical: critical.contains(step.name),
                    isReachable: g.reachable[i]))
        }

        var width = 0.0
        for id in lnodes.indices { width = max(width, x[id] + lnodes[id].right) }
        let totalHeight = bottom(layerCount - 1) + Style.margin
        return FlowchartLayout(
            nodes: nodes, edges: edges, width: max(width + Style.margin, 120).rounded(.up),
            height: totalHeight.rounded(.up))
    }

    /// The first index whose value is not below `value`, in a sorted array.
    static func lowerBound(_ values: [Double], _ value: Double) -> Int {
        var (lo, hi) = (0, values.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether the segment from `a` to `b` meets the rectangle (Liang–Barsky clipping).
    static func segment(_ a: Point, _ b: Point, meets r: Rect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - r.x), (dx, r.maxX - a.x), (-dy, a.y - r.y), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 {
                    if t > t1 { return false }
                    t0 = max(t0, t)
                } else {
                    if t < t0 { return false }
                    t1 = min(t1, t)
                }
            }
        }
        return t0 <= t1
    }

    /// Without repeated points and without points in the middle of a straight run.
    static func simplify(_ points: [Point]) -> [Point] {
        var out: [Point] = []
        for p in points {
            if let last = out.last, last == p { continue }
            if out.count >= 2 {
                let a = out[out.count - 2], b = out[out.count - 1]
                let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
                let dot = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y)
                if abs(cross) < 1e-9 && dot > 0 { out[out.count - 1] = p; continue }
            }
            out.append(p)
        }
        return out
    }
}

extension LayoutEngine.Builder {
    /// Ports and lanes from the order within layers (which the x coordinates keep), so that
    /// placement can already aim each box's neighbours at its ports.
    mutating func assignPorts() {
        let g = graph
        let n = g.steps.count
        // Forward edges leave at the bottom and enter at the top, spread along the border in
        // the order of their neighbours so that they do not cross at the box.
        var bottomEdges = [[Int]](repeating: [], count: n)
        var topEdges = [[Int]](repeating: [], count: n)
        for (e, edge) in g.edges.enumerated() where !edge.isSelf && !edge.isBack {
            bottomEdges[edge.from].append(e)
            topEdges[edge.to].append(e)
        }
        let position = pos
        let chains = self.chains
        func sorted(_ edges: [Int], by neighbour: (Int) -> Int) -> [Int] {
            edges.sorted {
                let (a, b) = (position[neighbour($0)], position[neighbour($1)])
                return a != b ? a < b : $0 < $1
            }
        }
        func offsets(_ count: Int, node i: Int) -> [Double] {
            let box = boxes[i]
            let inset = box.terminal ? box.height / 2 : 10
            let usable = max(box.width - 2 * inset, 0)
            return (0..<count).map { k in -box.width / 2 + inset + usable * Double(k + 1) / Double(count + 1) }
        }
        for i in 0..<n {
            let outs = sorted(bottomEdges[i]) { chains[$0][1] }
            for (e, off) in zip(outs, offsets(outs.count, node: i)) { portOut[e] = off }
            let ins = sorted(topEdges[i]) { chains[$0][chains[$0].count - 2] }
            for (e, off) in zip(ins, offsets(ins.count, node: i)) { portIn[e] = off }
        }

        // Back edges and self-loops use the right side: from the top, outgoing back edges,
        // then self-loops (nested), then incoming back edges, each in its own lane, ordered so
        // that none of them cross next to the box.
        for i in 0..<n {
            let outs = sorted(outBack[i]) { chains[$0][1] }
            let ins = sorted(inBack[i]) { chains[$0][chains[$0].count - 2] }
            let loops = selfLoops[i]
            for (k, e) in outs.enumerated() {
                laneOut[e] = k
                slotOut[e] = k
            }
            for (k, e) in loops.enumerated() {
                laneOut[e] = loops.count - 1 - k
                laneIn[e] = laneOut[e]
                slotOut[e] = outs.count + k
                slotIn[e] = outs.count + 2 * loops.count - 1 - k
            }
            for (k, e) in ins.enumerated() {
                laneIn[e] = k
                slotIn[e] = outs.count + 2 * loops.count + (ins.count - 1 - k)
            }
            slotCount[i] = outs.count + 2 * loops.count + ins.count
        }

        // Where the first and last segment of each edge attach.
        func laneOffset(_ i: Int, _ lane: Int) -> Double { boxes[i].width / 2 + Style.laneGap * Double(lane + 1) }
        for (e, edge) in g.edges.enumerated() where !edge.isSelf {
            let segs = chainSegments[e]
            let start = edge.isBack ? laneOffset(edge.from, laneOut[e]) : portOut[e]
            let end = edge.isBack ? laneOffset(edge.to, laneIn[e]) : portIn[e]
            // A forward edge's source is the upper end of its first segment; a back edge's
            // source is the lower end.
            if edge.isBack {
                segments[segs[0]].lower = start
                segments[segs[segs.count - 1]].upper = end
            } else {
                segments[segs[0]].upper = start
                segments[segs[segs.count - 1]].lower = end
            }
        }
    }
}
