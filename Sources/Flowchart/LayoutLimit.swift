import Catalog

extension LayoutEngine {
    /// The most nodes the layered graph may have: a box per step and a dummy per layer each
    /// edge crosses. Ordering and placing them costs more than linear time, so a flow past
    /// this (no real procedure comes near: 30 steps with a few loops make about 100) is not
    /// drawn, and a built site cannot be held up by a hostile or broken file. The pages list
    /// the steps in words all the same.
    static let maxLayeredNodes = 4_000

    /// The layered graph's node count, counted up to just past `limit`.
    static func layeredNodeCount(_ graph: FlowGraph, limit: Int = maxLayeredNodes) -> Int {
        var count = graph.steps.count
        for e in graph.edges where !e.isSelf && count <= limit {
            count += 2 * abs(graph.rank[e.from] - graph.rank[e.to]) - 1
        }
        return count
    }

    /// What is drawn instead of a flow too large to lay out: one box that says so.
    static func tooLargeLayout(_ graph: FlowGraph) -> FlowchartLayout {
        let message = FlowStep(
            name: "流程过于复杂，未绘制流程图",
            role: "共 \(graph.steps.count) 个环节、\(graph.edges.count) 条连线，以下文所列办理流程为准")
        let box = measure(message, sidePorts: 0)
        let node = FlowchartLayout.Node(
            name: message.name, index: 0, x: Style.margin, y: Style.margin, width: box.width, height: box.height,
            rank: 0, order: 0, titleLines: box.title, detailLines: box.detail, tags: [], isStart: false,
            outcome: nil, isUntimed: false, isCritical: false, isReachable: true)
        return FlowchartLayout(
            nodes: [node], edges: [], width: box.width + 2 * Style.margin, height: box.height + 2 * Style.margin)
    }
}
