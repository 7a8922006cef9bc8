import Catalog

/// The flow as a graph: unique steps, the transitions that resolve, back edges marked and
/// ranks assigned.
struct FlowGraph {
    struct Edge {
        var from: Int
        var to: Int
        var condition: String?
        /// Closes a cycle found by the depth-first search, or leaves an unreachable step for
        /// a reachable one: drawn upwards.
        var isBack = false
        var isSelf: Bool { from == to }
    }

    /// The steps, first occurrence of each name only, in declaration order.
    var steps: [FlowStep]
    /// Each step's index in the input.
    var inputIndex: [Int]
    var edges: [Edge]
    /// Outgoing edges of each step, in declaration order.
    var outgoing: [[Int]]
    var reachable: [Bool]
    /// The order in which the depth-first search met the steps (it follows transitions in
    /// declaration order, so the first-listed branch comes first).
    var preorder: [Int]
    /// Longest path over forward edges: from the start for reachable steps; unreachable ones
    /// below all of those.
    var rank: [Int]

    init(_ input: [FlowStep]) {
        var index: [String: Int] = [:]
        var steps: [FlowStep] = []
        var inputIndex: [Int] = []
        for (i, step) in input.enumerated() where index[step.name] == nil {
            index[step.name] = steps.count
            steps.append(step)
            inputIndex.append(i)
        }
        let n = steps.count
        var edges: [Edge] = []
        var outgoing = [[Int]](repeating: [], count: n)
        for (i, step) in steps.enumerated() {
            for t in step.transitions {
                guard let j = index[t.target] else { continue }  // unknown target: no edge
                outgoing[i].append(edges.count)
                edges.append(Edge(from: i, to: j, condition: t.condition))
            }
        }

        // Depth-first search from the start in declaration order, iteratively (a chain of
        // thousands of steps must not exhaust a thread's stack). An edge to a step still on
        // the stack is a back edge.
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on the stack, 2 done
        var preorder = [Int](repeating: 0, count: n)
        var visited = 0
        func search(from root: Int, backTo isOutside: (Int) -> Bool) {
            state[root] = 1
            preorder[root] = visited
            visited += 1
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            while !stack.isEmpty {
                let (u, k) = stack[stack.count - 1]
                if k < outgoing[u].count {
                    stack[stack.count - 1].next = k + 1
                    let e = outgoing[u][k]
                    let v = edges[e].to
                    if isOutside(v) || state[v] == 1 {
                        edges[e].isBack = true
                    } else if state[v] == 0 {
                        state[v] = 1
                        preorder[v] = visited
                        visited += 1
                        stack.append((v, 0))
                    }
                } else {
                    state[u] = 2
                    stack.removeLast()
                }
            }
        }
        var reachable = [Bool](repeating: false, count: n)
        if n > 0 {
            search(from: 0, backTo: { _ in false })
            for i in 0..<n { reachable[i] = state[i] != 0 }
            // Unreachable steps: their own searches; an edge from one of them into the
            // reachable part runs upwards, so it is drawn as a back edge.
            for i in 0..<n where state[i] == 0 {
                search(from: i, backTo: { reachable[$0] })
            }
        }

        // Ranks: longest path over forward edges (Kahn's order, declaration order for ties).
        var indegree = [Int](repeating: 0, count: n)
        for e in edges where !e.isBack { indegree[e.to] += 1 }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var rank = [Int](repeating: 0, count: n)
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for e in outgoing[u] where !edges[e].isBack {
                let v = edges[e].to
                rank[v] = max(rank[v], rank[u] + 1)
                indegree[v] -= 1
                if indegree[v] == 0 { queue.append(v) }
            }
        }
        let base = (0..<n).filter { reachable[$0] }.map { rank[$0] }.max().map { $0 + 1 } ?? 0
        for i in 0..<n where !reachable[i] { rank[i] += base }

        self.steps = steps
        self.inputIndex = inputIndex
        self.edges = edges
        self.outgoing = outgoing
        self.reachable = reachable
        self.preorder = preorder
        self.rank = rank
    }
}
