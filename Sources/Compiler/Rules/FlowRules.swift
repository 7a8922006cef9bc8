import Catalog
import Diagnostics

/// The flow graph: unique steps, known targets, one start, every step reachable, every step
/// on a way to an end, loops that stop the clock, a reachable 准予.
struct FlowRules {
    func check(_ bound: BoundItem, _ reporter: inout Reporter) {
        let steps = bound.item.flow, spans = bound.spans
        guard !steps.isEmpty, spans.stepNames.count == steps.count else { return }
        let index = StepIndex(steps)
        // The first step of each name: a step whose name came before is a duplicate.
        let first = steps.map { index.first($0.name)! }
        for (i, step) in steps.enumerated() where first[i] != i {
            reporter.report(CompilerCodes.duplicateStep, at: spans.stepNames[i],
                zh: "环节“\(step.name)”重复", en: "the step \"\(step.name)\" is given twice",
                notes: [reporter.note(spans.stepNames[first[i]], zh: "第一次出现在这里", en: "first given here")])
        }
        // Edges, with unknown targets reported.
        var next = [[Int]](repeating: [], count: steps.count)
        let names = steps.map(\.name)
        for (i, step) in steps.enumerated() {
            if step.outcome != nil && !step.transitions.isEmpty {
                reporter.report(CompilerCodes.endWithNext, at: spans.stepNames[i],
                    zh: "环节“\(step.name)”写了“结束”，不能再有“下一步”", en: "the step \"\(step.name)\" ends the flow, so it cannot have a 下一步")
            }
            if step.outcome == nil && step.transitions.isEmpty {
                reporter.report(CompilerCodes.deadEnd, at: spans.stepNames[i],
                    zh: "环节“\(step.name)”既没有“下一步”也没有“结束”", en: "the step \"\(step.name)\" has neither 下一步 nor 结束")
            }
            for (k, t) in step.transitions.enumerated() {
                if let j = index.first(t.target) {
                    next[i].append(j)
                } else {
                    let hint = reporter.didYouMean(t.target, in: names)
                    let at = k < spans.targets[i].count ? spans.targets[i][k] : spans.stepNames[i]
                    reporter.report(CompilerCodes.unknownStep, at: at,
                        zh: "办理流程中没有环节“\(t.target)”\(hint.zh)", en: "the flow has no step \"\(t.target)\"\(hint.en)")
                }
            }
        }
        // Reachability from the first step.
        var reachable = [Bool](repeating: false, count: steps.count)
        var stack = [0]
        reachable[0] = true
        while let i = stack.popLast() {
            for j in next[i] where !reachable[j] {
                reachable[j] = true
                stack.append(j)
            }
        }
        for i in steps.indices where !reachable[i] && first[i] == i {
            reporter.report(CompilerCodes.unreachableStep, at: spans.stepNames[i],
                zh: "从第一个环节“\(steps[0].name)”出发到不了环节“\(steps[i].name)”；流程只有一个起点",
                en: "the step \"\(steps[i].name)\" cannot be reached from the first step \"\(steps[0].name)\"; a flow has one start")
        }
        // Steps from which no end can be reached (only worth saying for reachable ones).
        var reverse = [[Int]](repeating: [], count: steps.count)
        for (i, targets) in next.enumerated() { for j in targets { reverse[j].append(i) } }
        var leadsToEnd = [Bool](repeating: false, count: steps.count)
        stack = steps.indices.filter { steps[$0].outcome != nil }
        for i in stack { leadsToEnd[i] = true }
        while let j = stack.popLast() {
            for i in reverse[j] where !leadsToEnd[i] {
                leadsToEnd[i] = true
                stack.append(i)
            }
        }
        for i in steps.indices where reachable[i] && !leadsToEnd[i] && !(steps[i].outcome == nil && steps[i].transitions.isEmpty) {
            reporter.report(CompilerCodes.noWayOut, at: spans.stepNames[i],
                zh: "从环节“\(steps[i].name)”出发的所有路径都走不到“结束”", en: "no path from the step \"\(steps[i].name)\" reaches a 结束")
        }
        // Loops: every cycle must pass through a step with 计时: 否. Strongly connected
        // components of the timed steps alone must be trivial.
        for cycle in timedCycles(steps: steps, next: next) {
            let route = (cycle + [cycle[0]]).map { steps[$0].name }.joined(separator: " → ")
            reporter.report(CompilerCodes.timedCycle, at: spans.stepNames[cycle[0]],
                zh: "流程中有循环 \(route)，其中没有“计时: 否”的环节", en: "the flow loops \(route) with no step marked 计时: 否")
        }
        // A 准予 end must be reachable.
        if !steps.indices.contains(where: { reachable[$0] && steps[$0].outcome == .granted }) {
            reporter.report(CompilerCodes.noGrantedEnd, at: spans.flow ?? spans.stepNames[0],
                zh: "从第一个环节出发走不到任何“结束: 准予”的环节", en: "no step with 结束: 准予 can be reached from the first step")
        }
    }

    /// One representative cycle per strongly connected component of timed steps.
    private func timedCycles(steps: [FlowStep], next: [[Int]]) -> [[Int]] {
        let n = steps.count
        var indexOf = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n), stack: [Int] = [], counter = 0
        var components: [[Int]] = []
        // The edges between timed steps, worked out once.
        let timedNext = next.map { $0.filter { steps[$0].isTimed } }
        // Iterative Tarjan, so a 1,000-step loop costs no deep recursion.
        for root in 0..<n where indexOf[root] < 0 && steps[root].isTimed {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indexOf[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while var top = work.popLast() {
                let v = top.node
                let edges = timedNext[v]
                if top.edge < edges.count {
                    let w = edges[top.edge]
                    top.edge += 1
                    work.append(top)
                    if indexOf[w] < 0 {
                        indexOf[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], indexOf[w])
                    }
                    continue
                }
                if low[v] == indexOf[v] {
                    var component: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == v { break }
                    }
                    let selfLoop = component.count == 1 && next[v].contains(v)
                    if component.count > 1 || selfLoop { components.append(component) }
                }
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[v]) }
            }
        }
        // Walk each component from its earliest step back to itself, for the message.
        return components.map { component in
            let members = Set(component)
            let start = component.min()!
            var path = [start], seen: Set<Int> = [start]
            var current = start
            while let j = next[current].first(where: { members.contains($0) && (!seen.contains($0) || $0 == start) }), j != start {
                path.append(j); seen.insert(j); current = j
            }
            return path
        }.sorted { $0[0] < $1[0] }
    }
}

/// Under DB44/T 1148, every 岗位 of the flow (but the applicant's) is listed in 审批人员.
struct StaffRules {
    static let applicantRoles: Set<String> = ["申请人", "申请单位", "申请人或代理人"]

    func check(_ bound: BoundItem, _ reporter: inout Reporter) {
        let item = bound.item, spans = bound.spans
        let roles = item.staff.map(\.role)
        // Roles in plain normal form are equal exactly when their bytes are: compare those
        // without hashing (Swift hashes Chinese text by its normalization); else use sets.
        let plain = roles.count <= 64 && item.flow.count <= 64 && roles.allSatisfy(isPlainNFC)
            && item.flow.allSatisfy { $0.role.map(isPlainNFC) ?? true }
        let listed = plain ? [] : Set(roles)
        func isListed(_ role: String) -> Bool {
            plain ? roles.contains { sameBytes($0, role) } : listed.contains(role)
        }
        func isApplicant(_ role: String) -> Bool {
            plain ? Self.applicantRoles.contains { sameBytes($0, role) } : Self.applicantRoles.contains(role)
        }
        var reported: [String] = []
        for (i, step) in item.flow.enumerated() {
            guard let role = step.role, !isApplicant(role), !isListed(role),
                  !reported.contains(where: { plain ? sameBytes($0, role) : $0 == role }),
                  i < spans.stepRoles.count, let at = spans.stepRoles[i]
            else { continue }
            reported.append(role)
            let hint = reporter.didYouMean(role, in: Array(Set(roles)).sorted())
            reporter.report(CompilerCodes.roleNotInStaff, at: at,
                zh: "岗位“\(role)”没有列入审批人员\(hint.zh)", en: "the role \"\(role)\" is not listed in 审批人员\(hint.en)",
                notes: spans.staff.map { [reporter.note($0, zh: "审批人员写在这里", en: "审批人员 is here")] } ?? [])
        }
    }
}
