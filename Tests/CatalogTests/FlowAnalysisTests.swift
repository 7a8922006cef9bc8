import Testing

@testable import Catalog

@Suite struct FlowAnalysisTests {
    /// The flow of FORMAT.md's example item.
    static let example: [FlowStep] = [
        FlowStep(name: "申请", role: "申请人", transitions: [Transition(target: "受理")]),
        FlowStep(
            name: "受理", timeLimit: .immediate,
            transitions: [
                Transition(condition: "材料齐全", target: "审查"),
                Transition(condition: "材料不齐全", target: "补正告知"),
            ]),
        FlowStep(name: "补正告知", isTimed: false, transitions: [Transition(target: "受理")]),
        FlowStep(name: "审查", timeLimit: .workingDays(5), transitions: [Transition(target: "决定")]),
        FlowStep(
            name: "决定", timeLimit: .workingDays(3),
            transitions: [
                Transition(condition: "准予", target: "制证"),
                Transition(condition: "不予", target: "不予告知"),
            ]),
        FlowStep(name: "制证", timeLimit: .workingDays(2), transitions: [Transition(target: "送达")]),
        FlowStep(name: "送达", outcome: .granted),
        FlowStep(name: "不予告知", outcome: .refused),
    ]

    @Test func criticalPathSkipsTheUntimedLoop() {
        let item = Item(code: "x", name: "x", type: "行政许可", agencyID: "a", flow: Self.example)
        let path = item.criticalPath()
        #expect(path?.steps == ["申请", "受理", "审查", "决定", "制证", "送达"])
        #expect(path?.duration == .workingDays(10))
    }

    @Test func aMandatoryUntimedStepStaysOnThePath() {
        var flow = Self.example
        flow[3].transitions = [Transition(target: "专家评审")]  // 审查 → 专家评审 → 决定
        flow.append(FlowStep(name: "专家评审", isTimed: false, transitions: [Transition(target: "决定")]))
        let item = Item(code: "x", name: "x", type: "行政许可", agencyID: "a", flow: flow)
        let path = item.criticalPath()
        #expect(path?.steps == ["申请", "受理", "审查", "专家评审", "决定", "制证", "送达"])
        #expect(path?.duration == .workingDays(10))
    }

    @Test func aTimedCycleHasNoCriticalPath() {
        var flow = Self.example
        flow[5].transitions = [Transition(target: "审查")]  // 制证 → 审查, all timed
        flow[5].outcome = nil
        let item = Item(code: "x", name: "x", type: "行政许可", agencyID: "a", flow: flow)
        #expect(item.criticalPath() == nil)
    }

    @Test func theLongestBranchWins() {
        var flow = Self.example
        flow[4].transitions.append(Transition(condition: "需现场核查", target: "现场核查"))
        flow.append(
            FlowStep(name: "现场核查", timeLimit: .calendarDays(20), transitions: [Transition(target: "制证")]))
        let item = Item(code: "x", name: "x", type: "行政许可", agencyID: "a", flow: flow)
        let path = item.criticalPath()
        #expect(path?.steps == ["申请", "受理", "审查", "决定", "现场核查", "制证", "送达"])
        #expect(path?.workingDays == 10)
        #expect(path?.calendarDays == 20)
        #expect(path?.duration == nil)
    }
}

@Suite struct TimeLimitTests {
    @Test(arguments: [
        ("30个工作日", TimeLimit.workingDays(30)), ("20日", .calendarDays(20)),
        ("即办", .immediate), ("7天", .calendarDays(7)), (" 5个工作日 ", .workingDays(5)),
    ])
    func parses(text: String, limit: TimeLimit) {
        #expect(TimeLimit(text: text) == limit)
    }

    @Test(arguments: ["三十个工作日", "30", "0日", "-3日", "个工作日", "30个月"])
    func rejects(text: String) {
        #expect(TimeLimit(text: text) == nil)
    }

    @Test func comparesConservatively() {
        #expect(TimeLimit.workingDays(10).compare(to: .workingDays(30)) == .shorter)
        #expect(TimeLimit.workingDays(20).compare(to: .calendarDays(20)) == .undecided)
        #expect(TimeLimit.workingDays(20).compare(to: .calendarDays(60)) == .shorter)
        #expect(TimeLimit.calendarDays(15).compare(to: .workingDays(20)) == .shorter)
        #expect(TimeLimit.immediate.compare(to: .workingDays(1)) == .shorter)
        #expect(TimeLimit.workingDays(20).compare(to: .workingDays(20)) == .equal)
        #expect(TimeLimit.workingDays(21).compare(to: .workingDays(20)) == .longer)
        #expect(TimeLimit.calendarDays(30).compare(to: .workingDays(20)) == .undecided)
        #expect(TimeLimit.calendarDays(40).compare(to: .workingDays(20)) == .longer)
        #expect(TimeLimit.calendarDays(60).compare(to: .workingDays(20)) == .longer)
    }

    @Test func compression() {
        #expect(TimeLimits(statutory: .workingDays(20), promised: .workingDays(12)).compression == 0.4)
        #expect(TimeLimits(statutory: .workingDays(20), promised: .calendarDays(12)).compression == nil)
    }
}
