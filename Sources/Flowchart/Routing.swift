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

        // Forward edges leave at the bottom and enter at the top, spread along the border in
        // the order of their neighbours so that they do not cross at the box.
        var portOut = [Double](repeating: 0, count: edgeCount)
        var portIn = [Double](repeating: 0, count: edgeCount)
        var bottomEdges = [[Int]](repeating: [], count: n)
        var topEdges = [[Int]](repeating: [], count: n)
        for (e, edge) in g.edges.enumerated() where !edge.isSelf && !edge.isBack {
            bottomEdges[edge.from].append(e)
            topEdges[edge.to].append(e)
        }
        func spread(_ edges: [Int], node i: Int, neighbour: (Int) -> Int) -> [(Int, Double)] {
            let sorted = edges.sorted {
                let (a, b) = (x[neighbour($0)], x[neighbour($1)])
                return a != b ? a < b : $0 < $1
            }
            let box = boxes[i]
            let inset = box.terminal ? box.height / 2 : 10
            let usable = max(box.width - 2 * inset, 0)
            return sorted.enumerated().map { k, e in
                (e, (boxX[i] + inset + usable * Double(k + 1) / Double(sorted.count + 1)).rounded())
            }
        }
        for i in 0..<n {
            for (e, px) in spread(bottomEdges[i], node: i, neighbour: { chains[$0][1] }) { portOut[e] = px }
            for (e, px) in spread(topEdges[i], node: i, neighbour: { chains[$0][chains[$0].count - 2] }) {
                portIn[e] = px
            }
        }

        // Back edges and self-loops use the right side: from the top, outgoing back edges,
        // then self-loops (nested), then incoming back edges, each in its own lane, ordered so
        // that none of them cross next to the box.
        var laneOut = [Int](repeating: 0, count: edgeCount)
        var laneIn = [Int](repeating: 0, count: edgeCount)
        var slotOut = [Int](repeating: 0, count: edgeCount)
        var slotIn = [Int](repeating: 0, count: edgeCount)
        var slotCount = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let outs = outBack[i].sorted {
                let (a, b) = (x[chains[$0][1]], x[chains[$1][1]])
                return a != b ? a < b : $0 < $1
            }
            let ins = inBack[i].sorted {
                let (a, b) = (x[chains[$0][chains[$0].count - 2]], x[chains[$1][chains[$1].count - 2]])
                return a != b ? a < b : $0 < $1
            }
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
        var slant = [Double](repeating: 0, count: max(layerCount - 1, 0))
        for (e, chain) in chains.enumerated() where !chain.isEmpty {
            for k in 0..<(chain.count - 1) {
                let l = min(lnodes[chain[k]].layer, lnodes[chain[k + 1]].layer)
                slant[l] = max(slant[l], abs(chainX(e, k) - chainX(e, k + 1)))
            }
        }
        var top = [Double](repeating: 0, count: layerCount)
        top[0] = Style.margin + Style.startMarkerSpace
        for l in 1..<max(layerCount, 1) {
            let gap = max(Style.layerGap, min(Style.maxLayerGap, (0.22 * slant[l - 1]).rounded()))
            top[l] = top[l - 1] + height[l - 1] + gap
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
                for d in chain.dropFirst().dropLast() {
                    let l = lnodes[d].layer
                    points.append(.init(x: x[d], y: bottom(l)))
                    points.append(.init(x: x[d], y: top[l]))
                }
                let yIn = slotY(v, slotIn[e]), xIn = laneX(v, laneIn[e])
                points += [.init(x: xIn, y: bottom(lv)), .init(x: xIn, y: yIn), .init(x: fv.maxX, y: yIn)]
            } else {
                let chain = chains[e]
                let lu = lnodes[chain[0]].layer, lv = lnodes[chain[chain.count - 1]].layer
                points = [.init(x: portOut[e], y: fu.maxY), .init(x: portOut[e], y: bottom(lu))]
                for d in chain.dropFirst().dropLast() {
                    let l = lnodes[d].layer
                    points.append(.init(x: x[d], y: top[l]))
                    points.append(.init(x: x[d], y: bottom(l)))
                }
                points += [
                    .init(x: portIn[e], y: top[lv] - Style.arrowStub), .init(x: portIn[e], y: top[lv]),
                    .init(x: portIn[e], y: fv.y),
                ]
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
