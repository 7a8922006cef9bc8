/// The diagnostics of one file, with at most ``perCode`` of any one code: the others are
/// only counted, and stand as one diagnostic at the first of them,
/// "… and 599900 more ZN302 in this file" (``Diagnostic/more``). So a file with 600,000
/// unknown keys holds 101 diagnostics while it is checked, not 600,000, and one file's
/// flood cannot push every other file's findings out of a capped report.
public struct FileDiagnostics: Sendable {
    /// The most diagnostics of one code one file reports in full.
    public static let perCode = 100

    public private(set) var kept: [Diagnostic] = []
    private var keptPerCode: [String: Int] = [:]
    /// For each code past the limit, the first diagnostic left out, with ``Diagnostic/more``
    /// counting all of them; in the order the codes first passed it.
    private var beyond: [Diagnostic] = []
    private var beyondIndex: [String: Int] = [:]

    public init() {}

    public mutating func append(_ d: Diagnostic) {
        let n = keptPerCode[d.code, default: 0]
        if n < Self.perCode && d.more == 0 {
            keptPerCode[d.code] = n + 1
            kept.append(d)
        } else if let i = beyondIndex[d.code] {
            beyond[i].more += d.weight
            beyond[i].severity = max(beyond[i].severity, d.severity)
        } else {
            var first = d
            first.more = d.weight
            beyondIndex[d.code] = beyond.count
            beyond.append(first)
        }
    }

    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for d in diagnostics { append(d) }
    }

    /// The diagnostics kept, then one for each code past the limit, saying how many more.
    public var all: [Diagnostic] {
        kept + beyond.map { d in
            var summary = d
            summary.message = LocalizedText(
                zh: "……本文件另有 \(d.more) 处 \(d.code)", en: "… and \(d.more) more \(d.code) in this file")
            summary.notes = []
            return summary
        }
    }

    public var isEmpty: Bool { kept.isEmpty && beyond.isEmpty }

    public func contains(where predicate: (Diagnostic) -> Bool) -> Bool {
        kept.contains(where: predicate) || beyond.contains(where: predicate)
    }
}

/// How many diagnostics of each severity, counting a line that stands for others
/// (``Diagnostic/more``) as the diagnostics it stands for.
public struct DiagnosticTally: Hashable, Sendable, Codable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0

    public init() {}

    public init(_ diagnostics: some Sequence<Diagnostic>) {
        for d in diagnostics { add(d) }
    }

    public mutating func add(_ d: Diagnostic) {
        switch d.severity {
        case .error: errors += d.weight
        case .warning: warnings += d.weight
        case .note: notes += d.weight
        }
    }

    public var total: Int { errors + warnings + notes }

    public static func + (a: DiagnosticTally, b: DiagnosticTally) -> DiagnosticTally {
        var sum = a
        sum.errors += b.errors
        sum.warnings += b.warnings
        sum.notes += b.notes
        return sum
    }
}

/// The diagnostics a run shows: the first ``limit`` in output order (``Diagnostic/precedes(_:_:)``),
/// or all when the limit is 0, and a tally of those left out. It holds at most `limit`
/// diagnostics however many are added, in any order, and the result does not depend on
/// that order.
public struct DiagnosticSelection: Sendable {
    /// The most diagnostics shown; 0 for no limit.
    public let limit: Int
    /// What was added and is not shown.
    public private(set) var omitted = DiagnosticTally()
    /// A max-heap in output order (its first element is the last shown) when limited.
    private var heap: [Diagnostic] = []

    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    public mutating func add(_ d: Diagnostic) {
        guard limit > 0 else { return heap.append(d) }
        if heap.count < limit {
            heap.append(d)
            siftUp(heap.count - 1)
        } else if Diagnostic.precedes(d, heap[0]) {
            omitted.add(heap[0])
            heap[0] = d
            siftDown(0)
        } else {
            omitted.add(d)
        }
    }

    public mutating func add(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for d in diagnostics { add(d) }
    }

    /// Counts diagnostics left out elsewhere (by another selection) as left out here.
    public mutating func add(omitted tally: DiagnosticTally) {
        omitted = omitted + tally
    }

    /// The diagnostics shown, in output order.
    public var shown: [Diagnostic] { heap.sorted(by: Diagnostic.precedes) }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard Diagnostic.precedes(heap[parent], heap[i]) else { return }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            var largest = i
            for child in [2 * i + 1, 2 * i + 2] where child < heap.count && Diagnostic.precedes(heap[largest], heap[child]) {
                largest = child
            }
            if largest == i { return }
            heap.swapAt(i, largest)
            i = largest
        }
    }
}

extension Diagnostic {
    /// How many diagnostics this one counts for: ``more`` for a line standing for others,
    /// else 1.
    public var weight: Int { more > 0 ? more : 1 }

    /// A total order for output: ``sortKey(_:_:)`` (file, line, column, code, English
    /// message), then severity, Chinese message, ``more`` and notes, so that which
    /// diagnostics a capped report keeps never depends on the order they were found in.
    public static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if sortKey(a, b) { return true }
        if sortKey(b, a) { return false }
        if a.span != b.span { return (a.span?.range.end ?? .init(line: 0, column: 0)) < (b.span?.range.end ?? .init(line: 0, column: 0)) }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.message.zh != b.message.zh { return a.message.zh < b.message.zh }
        if a.more != b.more { return a.more < b.more }
        if a.notes.count != b.notes.count { return a.notes.count < b.notes.count }
        for (x, y) in zip(a.notes, b.notes) where x != y {
            if x.message.en != y.message.en { return x.message.en < y.message.en }
            if x.message.zh != y.message.zh { return x.message.zh < y.message.zh }
            let fx = x.span?.file ?? "", fy = y.span?.file ?? ""
            if fx != fy { return fx < fy }
            let rx = x.span?.range ?? SourceRange(at: .init(line: 0, column: 0))
            let ry = y.span?.range ?? SourceRange(at: .init(line: 0, column: 0))
            return (rx.start, rx.end) < (ry.start, ry.end)
        }
        return false
    }
}
