import Catalog

/// The 情形 figures of `stats` (精准告知, 一事一单): how much shorter a personal material list
/// is than the full one — "精准告知 reduces the list from N to M on average".
///
/// Definitions, for an item with 情形 (questions q₁ … qₖ with n₁ … nₖ options):
/// - **Scenarios**: the combinations of options, n₁ × … × nₖ (an exact integer of any size,
///   ``ScenarioCount``).
/// - **Full list**: every 申请材料 entry (免提交 ones included, as ``CatalogStats/allMaterials``
///   counts them and the guide lists them).
/// - **Personal list** of a scenario: the entries whose 适用情形 holds in it (``Item/materials(for:)``).
/// - **Average personal list**: the mean over all scenarios, each weighing the same. It is
///   computed without enumerating them: a material applies in the share Π |options in the
///   clause| / |options of its question| of the scenarios (a clause is independent of the
///   other questions), and the mean is the sum of those shares.
/// - **Largest personal list**: the most entries any one scenario gets. Materials without
///   适用情形 count in every scenario; the others are grouped by the questions they share (two
///   materials naming a common question are in one group); groups are independent, so the
///   largest list is the unconditional count plus each group's own largest. A group whose
///   questions have at most ``enumerationLimit`` combinations is enumerated, so the figure is
///   exact; a larger one contributes its materials that can apply at all, an upper bound,
///   and the figure is marked as such (``largestIsExact``).
///
/// Overall, over the items with 情形 only: scenarios summed; the means of the full and of the
/// average personal lists per item; the reduction 1 − Σ average / Σ full; the largest
/// personal list of any item.
public struct ScenarioFigures: Sendable, Equatable {
    public var code: String
    public var name: String
    public var questions: Int
    public var scenarios: ScenarioCount
    public var fullList: Int
    public var meanList: Double
    public var largestList: Int
    /// False when ``largestList`` is an upper bound (a group of questions too large to enumerate).
    public var largestIsExact: Bool

    /// Combinations a group of questions may have to be enumerated for ``largestList``.
    public static let enumerationLimit = 4096

    /// The figures of `item`, nil when it has no 情形.
    public init?(_ item: Item) {
        var optionsOf: [String: [String]] = [:]
        var order: [String] = []
        for q in item.questions where optionsOf[q.id] == nil {
            var seen = Set<String>()
            optionsOf[q.id] = q.options.filter { seen.insert($0).inserted }
            order.append(q.id)
        }
        guard !order.isEmpty else { return nil }
        code = item.code
        name = item.name
        questions = order.count
        scenarios = order.reduce(ScenarioCount(1)) { $0.multiplied(by: optionsOf[$1]!.count) }
        fullList = item.materials.count

        // Each material's clauses on known questions: question → the options allowed.
        let clauses: [[String: Set<String>]] = item.materials.map { m in
            var out: [String: Set<String>] = [:]
            for c in m.applicability?.clauses ?? [] {
                guard let options = optionsOf[c.questionID] else { continue }
                out[c.questionID, default: Set(options)].formIntersection(c.options)
            }
            return out
        }
        meanList = clauses.reduce(0) { sum, m in
            sum + m.reduce(1.0) { $0 * Double($1.value.count) / Double(max(optionsOf[$1.key]!.count, 1)) }
        }

        // Group the conditional materials by shared questions (union–find on question ids).
        var parent = Dictionary(uniqueKeysWithValues: order.map { ($0, $0) })
        func root(_ q: String) -> String {
            var r = q
            while parent[r]! != r { r = parent[r]! }
            return r
        }
        for m in clauses {
            let qs = Array(m.keys)
            for q in qs.dropFirst() {
                let (a, b) = (root(q), root(qs[0]))
                parent[a] = b
            }
        }
        var groups: [String: [[String: Set<String>]]] = [:]
        var largest = 0
        for m in clauses {
            guard let q = m.keys.first else { largest += 1; continue }
            groups[root(q), default: []].append(m)
        }
        var exact = true
        for (r, members) in groups {
            let qs = order.filter { root($0) == r }.map { ScenarioQuestion(id: $0, question: "", options: optionsOf[$0]!) }
            guard let choices = ScenarioChoice.all(of: qs, limit: Self.enumerationLimit) else {
                exact = false
                largest += members.count { m in m.values.allSatisfy { !$0.isEmpty } }
                continue
            }
            largest += choices.map { chosen in members.count { m in m.allSatisfy { $0.value.contains(chosen.options[$0.key]!) } } }.max() ?? 0
        }
        largestList = largest
        largestIsExact = exact
    }
}

/// A count of scenarios: a product of option counts, exact however many questions an item
/// asks (2⁶⁴ and beyond), written in decimal digits.
public struct ScenarioCount: Sendable, Equatable, CustomStringConvertible {
    /// Base 10⁹, least significant first.
    private var limbs: [UInt64]
    private static let base: UInt64 = 1_000_000_000

    public init(_ n: Int) {
        limbs = []
        var n = UInt64(max(n, 0))
        repeat {
            limbs.append(n % Self.base)
            n /= Self.base
        } while n > 0
    }

    /// self × `n` (`n` ≥ 0, as an option count is).
    public func multiplied(by n: Int) -> ScenarioCount {
        var out = self
        var carry: UInt64 = 0
        for i in out.limbs.indices {
            let v = out.limbs[i] * UInt64(max(n, 0)) + carry
            out.limbs[i] = v % Self.base
            carry = v / Self.base
        }
        while carry > 0 {
            out.limbs.append(carry % Self.base)
            carry /= Self.base
        }
        out.trim()
        return out
    }

    /// self + `other`.
    public func adding(_ other: ScenarioCount) -> ScenarioCount {
        var out = self
        var carry: UInt64 = 0
        for i in 0..<max(limbs.count, other.limbs.count) {
            if i == out.limbs.count { out.limbs.append(0) }
            let v = out.limbs[i] + (i < other.limbs.count ? other.limbs[i] : 0) + carry
            out.limbs[i] = v % Self.base
            carry = v / Self.base
        }
        if carry > 0 { out.limbs.append(carry) }
        return out
    }

    private mutating func trim() {
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    }

    /// The decimal digits, without grouping: `4`, `1099511627776`.
    public var description: String {
        var out = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let s = String(limb)
            out += String(repeating: "0", count: 9 - s.count) + s
        }
        return out
    }
}

extension CatalogStats {
    /// The items with 情形, in 事项编码 order.
    static func scenarioFigures(_ catalog: Catalog) -> [ScenarioFigures] {
        catalog.items.compactMap(ScenarioFigures.init).sorted { $0.code < $1.code }
    }

    /// Scenarios in all items with 情形.
    public var scenarioCount: ScenarioCount {
        scenarioItems.reduce(ScenarioCount(0)) { $0.adding($1.scenarios) }
    }
    /// The mean full list and the mean average personal list over the items with 情形.
    public var meanFullList: Double? {
        scenarioItems.isEmpty ? nil : Double(scenarioItems.reduce(0) { $0 + $1.fullList }) / Double(scenarioItems.count)
    }
    public var meanPersonalList: Double? {
        scenarioItems.isEmpty ? nil : scenarioItems.reduce(0) { $0 + $1.meanList } / Double(scenarioItems.count)
    }
    /// 1 − Σ average personal / Σ full: the share of the list an average applicant is spared.
    public var listReduction: Double? {
        let full = scenarioItems.reduce(0) { $0 + $1.fullList }
        return full == 0 ? nil : 1 - scenarioItems.reduce(0) { $0 + $1.meanList } / Double(full)
    }
    /// The largest personal list of any item with 情形, and whether every item's is exact.
    public var largestPersonalList: (count: Int, exact: Bool) {
        (scenarioItems.map(\.largestList).max() ?? 0, scenarioItems.allSatisfy(\.largestIsExact))
    }
}
