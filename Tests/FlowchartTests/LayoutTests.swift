import Catalog
import Testing

@testable import Flowchart

@Suite struct LayoutTests {
    @Test func exampleFlow() throws {
        let path = Fixtures.exampleCriticalPath
        #expect(path == ["申请", "受理", "审查", "决定", "制证", "送达"])
        let options = FlowchartOptions(highlightedPath: path)
        let layout = Flowchart.layout(for: Fixtures.example, options: options)
        checkLayout(layout, steps: Fixtures.example, options: options)

        let rank = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.name, $0.rank) })
        #expect(rank == ["申请": 0, "受理": 1, "补正告知": 2, "审查": 2, "决定": 3, "制证": 4, "不予登记告知": 4, "送达": 5])
        #expect(layout.edges.filter(\.isBackEdge).map { "\($0.from)→\($0.to)" } == ["补正告知→受理"])
        #expect(layout.edges.filter(\.isCritical).count == 5)
        #expect(layout.edges.compactMap(\.label).map { $0.lines.joined() } == ["材料齐全、符合法定形式", "材料不齐全", "准予登记", "不予登记"])

        let node = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.name, $0) })
        #expect(node["申请"]?.isStart == true)
        #expect(node["受理"]?.detailLines == ["综合受理窗口 · 即办"])
        #expect(node["审查"]?.detailLines == ["审查人员 · 5个工作日"])
        #expect(node["补正告知"]?.isUntimed == true)
        #expect(node["补正告知"]?.tags.map(\.text) == ["不计时"])
        #expect(node["送达"]?.outcome == .granted)
        #expect(node["不予登记告知"]?.outcome == .refused)

        // The back edge leaves and enters on the right side.
        let back = try #require(layout.edges.first { $0.isBackEdge })
        #expect(back.points.first?.x == node["补正告知"]!.frame.maxX)
        #expect(back.points.last?.x == node["受理"]!.frame.maxX)
    }

    @Test func wideSixWayBranch() {
        let layout = Flowchart.layout(for: Fixtures.wideBranch)
        checkLayout(layout, steps: Fixtures.wideBranch)
        let reviews = layout.nodes.filter { $0.name.hasSuffix("审查") }
        #expect(reviews.count == 6)
        #expect(Set(reviews.map(\.rank)) == [2])
        #expect(reviews.map(\.order).sorted() == Array(0..<6))
        #expect(layout.edges.compactMap(\.label).count == 8)
        // The order keeps the branches untangled: no crossings makes the branch labels
        // run left to right in the same order as their boxes.
        let labelOrder = layout.edges.filter { $0.from == "受理" }.sorted { $0.label!.frame.x < $1.label!.frame.x }.map(\.to)
        let boxOrder = reviews.sorted { $0.x < $1.x }.map(\.name)
        #expect(labelOrder == boxOrder)
    }

    @Test func chainOfTwelve() {
        let steps = Fixtures.chain(12)
        let options = FlowchartOptions(highlightedPath: steps.map(\.name))
        let layout = Flowchart.layout(for: steps, options: options)
        checkLayout(layout, steps: steps, options: options)
        #expect(layout.nodes.map(\.rank) == Array(0..<12))
        // A chain is one straight column.
        #expect(Set(layout.nodes.map(\.frame.midX)).count == 1)
        #expect(layout.edges.allSatisfy { $0.points.count == 2 && $0.isCritical })
    }

    @Test func jointCaseWithTwoAgencies() {
        let options = FlowchartOptions(highlightedPath: ["申请", "联办受理", "住房和城乡建设局消防审查", "联合审查会", "联合决定", "联合发证"])
        let layout = Flowchart.layout(for: Fixtures.jointCase, options: options)
        checkLayout(layout, steps: Fixtures.jointCase, options: options)
        let node = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.name, $0) })
        #expect(node["市场监督管理局审查"]?.rank == node["住房和城乡建设局消防审查"]?.rank)
        #expect(node["终止办理"]?.outcome == .terminated)
        #expect(node["现场检验"]?.detailLines == ["消防检验员 · 10个工作日"])
        // 联合审查会 comes after the longest of the branches that lead to it.
        #expect(node["联合审查会"]!.rank == node["现场检验"]!.rank + 1)
        // A long edge skips ranks through dummies: more than two points, all between the ranks.
        let long = layout.edges.first { $0.from == "市场监督管理局审查" }!
        #expect(long.points.count > 2)
    }

    @Test func unreachableStepsAreDrawnBelow() {
        let layout = Flowchart.layout(for: Fixtures.unreachable)
        checkLayout(layout, steps: Fixtures.unreachable)
        let reachable = layout.nodes.filter(\.isReachable)
        let unreachable = layout.nodes.filter { !$0.isReachable }
        #expect(reachable.map(\.name) == ["申请", "受理", "审查", "办结"])
        #expect(unreachable.map(\.name) == ["复核", "再复核", "孤立终止", "孤岛"])
        let lowest = reachable.map(\.frame.maxY).max()!
        #expect(unreachable.allSatisfy { $0.y > lowest && $0.rank > 3 })
        // The edge from an unreachable step into the flow runs upwards, as a back edge.
        #expect(layout.edges.first { $0.from == "复核" && $0.to == "审查" }?.isBackEdge == true)
        #expect(layout.edges.first { $0.from == "再复核" && $0.to == "复核" }?.isBackEdge == true)
    }

    @Test func selfLoops() {
        let layout = Flowchart.layout(for: Fixtures.selfLoop)
        checkLayout(layout, steps: Fixtures.selfLoop)
        let loops = layout.edges.filter(\.isSelfLoop)
        #expect(loops.map(\.from) == ["受理", "审查"])
        #expect(loops.allSatisfy { $0.isBackEdge && $0.points.count == 4 })
        let node = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.name, $0) })
        for loop in loops {
            let f = node[loop.from]!.frame
            #expect(loop.points.allSatisfy { $0.x >= f.maxX })
        }
        #expect(loops[0].label?.lines.joined() == "材料不齐全，当场补正")
    }

    @Test func severalLoopsBack() {
        let layout = Flowchart.layout(for: Fixtures.loops)
        checkLayout(layout, steps: Fixtures.loops)
        let back = layout.edges.filter(\.isBackEdge).map { "\($0.from)→\($0.to)" }
        #expect(back == ["补正告知→受理", "决定→初审", "决定→受理"])
        // Every back edge leaves and enters on a right side, and runs up.
        let node = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.name, $0) })
        for edge in layout.edges where edge.isBackEdge {
            #expect(edge.points.first!.x == node[edge.from]!.frame.maxX)
            #expect(edge.points.last!.x == node[edge.to]!.frame.maxX)
            #expect(edge.points.first!.y > edge.points.last!.y)
        }
    }

    @Test func thousandStepChainIsLaidOut() {
        let steps = Fixtures.chain(1000)
        let l = Flowchart.layout(for: steps)
        #expect(l.nodes.count == 1000)
        #expect(l.nodes.last?.rank == 999)
        checkLayout(l, steps: steps)
        _ = Flowchart.svg(for: steps)
    }

    @Test func unknownTargetsAreSkippedAndFirstDuplicateWins() {
        let steps = [
            Fixtures.step("申请", "申请人", next: [(nil, "受理"), ("误写", "不存在的环节")]),
            Fixtures.step("受理", "窗口甲", "即办", next: [(nil, "办结")]),
            Fixtures.step("受理", "窗口乙", "3个工作日", next: [(nil, "申请")]),
            Fixtures.step("办结", end: .granted),
        ]
        let layout = Flowchart.layout(for: steps)
        checkLayout(layout, steps: steps)
        #expect(layout.nodes.map(\.name) == ["申请", "受理", "办结"])
        #expect(layout.nodes[1].detailLines == ["窗口甲 · 即办"])
        #expect(layout.nodes[1].index == 1)
        #expect(layout.edges.map { "\($0.from)→\($0.to)" } == ["申请→受理", "受理→办结"])
    }

    @Test func emptyFlow() {
        let layout = Flowchart.layout(for: [])
        #expect(layout.isEmpty)
        #expect(layout.edges.isEmpty)
        let svg = Flowchart.svg(for: [])
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">无流程</text>"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func singleStep() {
        let steps = [Fixtures.step("当场办结", "窗口", "即办", end: .granted)]
        let layout = Flowchart.layout(for: steps)
        checkLayout(layout, steps: steps)
        #expect(layout.nodes.first?.isStart == true)
    }

    @Test func longNamesWrapInsteadOfWidening() {
        let name = "对申请人提交的特种设备使用登记申请材料进行形式审查和实质审查"
        let steps = [
            Fixtures.step(name, "特种设备安全监察科审查人员和技术专家组", "15个工作日", next: [("经审查符合法定条件和标准且现场核查无误的", "办结")]),
            Fixtures.step("办结", end: .granted),
        ]
        let layout = Flowchart.layout(for: steps)
        checkLayout(layout, steps: steps)
        let node = layout.nodes[0]
        #expect(node.titleLines.count == 3)
        #expect(node.titleLines.joined() == name)
        // As wide as the widest wrapped line (a 16-character detail line), not the whole name.
        let widest: Double = 16 * 12 * 1.02 + 2 * 14 + 2
        #expect(node.width <= widest)
        #expect(node.detailLines.count == 2)
        for line in node.titleLines { #expect(TextMetrics.width(line, fontSize: 14) <= node.width - 2 * 14) }
        #expect(layout.edges[0].label!.lines.count == 2)
    }

    @Test func mixedTextFitsItsBoxes() {
        let layout = Flowchart.layout(for: Fixtures.textHeavy)
        checkLayout(layout, steps: Fixtures.textHeavy)
        for node in layout.nodes {
            for line in node.titleLines { #expect(TextMetrics.width(line, fontSize: 14) <= node.width - 2 * 14) }
            for line in node.detailLines { #expect(TextMetrics.width(line, fontSize: 12) <= node.width - 2 * 14) }
        }
        for label in layout.edges.compactMap(\.label) {
            for line in label.lines { #expect(TextMetrics.width(line, fontSize: 12) <= label.frame.width - 2 * 5) }
        }
    }

    @Test func criticalFlagsFollowOptions() {
        // A path that is not a path of the flow: only the pairs that are edges light up.
        let options = FlowchartOptions(highlightedPath: ["申请", "审查", "决定", "不存在"])
        let layout = Flowchart.layout(for: Fixtures.example, options: options)
        checkLayout(layout, steps: Fixtures.example, options: options)
        #expect(layout.edges.filter(\.isCritical).map { "\($0.from)→\($0.to)" } == ["审查→决定"])
        #expect(Flowchart.layout(for: Fixtures.example).nodes.allSatisfy { !$0.isCritical })
    }

    @Test func layoutIsDeterministic() {
        for steps in [Fixtures.example, Fixtures.wideBranch, Fixtures.jointCase, Fixtures.unreachable] {
            #expect(Flowchart.layout(for: steps) == Flowchart.layout(for: steps))
            #expect(Flowchart.svg(for: steps) == Flowchart.svg(for: steps))
        }
    }
}

/// Random flows from a fixed seed: every property holds whatever the shape.
@Suite struct RandomFlowTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func flow(seed: UInt64) -> [FlowStep] {
        var g = Generator(state: seed)
        let count = 1 + g.next(30)
        let words = ["受理", "审查", "材料", "补正", "现场核查", "专家评审", "决定", "送达", "A-12", "web 申报", "（联办）", "复核", "公示"]
        func text(_ max: Int) -> String { (0...g.next(max)).map { _ in words[g.next(words.count)] }.joined() }
        var names = (0..<count).map { "\($0)·\(text(3))" }
        if count > 3 { names[count - 1] = names[1] }  // a duplicate name
        return names.enumerated().map { i, name in
            var next: [(String?, String)] = []
            for _ in 0..<g.next(i == 0 ? 3 : 4) {
                let target = g.next(10) == 0 ? "不存在" : names[g.next(count)]
                next.append((g.next(2) == 0 ? nil : text(6), target))
            }
            let outcome: Outcome? = next.isEmpty ? Outcome.allCases[g.next(3)] : nil
            return Fixtures.step(
                name, g.next(3) == 0 ? nil : text(2), g.next(3) == 0 ? nil : "\(1 + g.next(20))个工作日",
                timed: g.next(5) != 0, next: next, end: outcome)
        }
    }

    @Test(arguments: 0..<120)
    func propertiesHold(seed: Int) {
        let steps = Self.flow(seed: UInt64(seed) &* 7919 &+ 17)
        var seen = Set<String>()
        let names = steps.map(\.name).filter { seen.insert($0).inserted }
        var path: [String] = []
        for _ in 0..<min(3, names.count) { path.append(names[(path.count * 5 + seed) % names.count]) }
        let options = FlowchartOptions(highlightedPath: path)
        let layout = Flowchart.layout(for: steps, options: options)
        checkLayout(layout, steps: steps, options: options)
        #expect(Flowchart.svg(for: steps, options: options) == Flowchart.svg(for: steps, options: options))
    }
}
