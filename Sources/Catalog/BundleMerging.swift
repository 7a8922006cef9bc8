extension ServiceBundle {
    /// The bundle's questions, materials and figures computed from its members (`items` by
    /// 事项编码). Members missing from `items` are left out; the compiler reports them.
    public func merged(with items: [String: Item]) -> ServiceBundle {
        var bundle = self
        let members = memberCodes.compactMap { items[$0] }
        bundle.questions = Self.mergeQuestions(of: members)
        bundle.materials = Self.mergeMaterials(of: members, questions: bundle.questions)
        bundle.figures = Self.figures(stages: stages, items: items, merged: bundle.materials.count)
        return bundle
    }

    /// The merged materials an applicant who chose `choice` (among ``questions``) hands in
    /// or shows.
    public func materials(for choice: ScenarioChoice) -> [BundleMaterial] {
        materials.filter { $0.applies(in: choice) }
    }

    /// Each question id once, in stage order; the first member asking it gives its wording
    /// and option order. (The compiler checks that later members agree.)
    static func mergeQuestions(of members: [Item]) -> [ScenarioQuestion] {
        var seen: Set<String> = []
        return members.flatMap(\.questions).filter { seen.insert($0.id).inserted }
    }

    /// One entry per distinct material: the same 材料库 id, or the same name and 来源. Its
    /// 适用情形 is the or of the members' (see ``ApplicabilityUnion``).
    static func mergeMaterials(of members: [Item], questions: [ScenarioQuestion] = []) -> [BundleMaterial] {
        var merged: [BundleMaterial] = []
        var index: [String: Int] = [:]
        for item in members {
            for m in item.materials {
                let key = m.libraryID.map { "lib:" + $0 } ?? "name:\(m.name)|\(m.source ?? "")"
                guard let i = index[key] else {
                    index[key] = merged.count
                    merged.append(BundleMaterial(
                        name: m.name, libraryID: m.libraryID, form: m.form, copies: m.copies, medium: m.medium,
                        source: m.source, necessity: m.necessity, condition: m.condition, shareable: m.shareable,
                        exemption: m.exemption, neededBy: [item.code],
                        applicability: m.applicability.flatMap { ApplicabilityUnion.normalized([$0], questions: questions) }))
                    continue
                }
                var e = merged[i]
                e.form = strictest(e.form, m.form)
                e.copies = [e.copies, m.copies].compactMap { $0 }.max()
                e.necessity = strictest(e.necessity, m.necessity)
                e.shareable = e.shareable && m.shareable
                if m.exemption == nil { e.exemption = nil }
                e.applicability = ApplicabilityUnion.either(e.applicability, m.applicability.map { [$0] }, questions: questions)
                switch (e.condition, m.condition) {
                case (nil, _), (_, nil): e.condition = nil  // someone needs it always
                case (let a?, let b?) where a != b && !a.contains(b): e.condition = a + "；" + b
                default: break
                }
                if !e.neededBy.contains(item.code) { e.neededBy.append(item.code) }
                merged[i] = e
            }
        }
        return merged
    }

    static func strictest(_ a: MaterialForm?, _ b: MaterialForm?) -> MaterialForm? {
        switch (a, b) {
        case (nil, let x), (let x, nil): x
        case let (x?, y?) where x == y: x
        default: .originalAndCopy  // 原件 and 复印件, or either with both
        }
    }

    static func strictest(_ a: Necessity, _ b: Necessity) -> Necessity {
        let order: [Necessity] = [.optional, .deferrable, .required]
        return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
    }

    /// The longest chain of members (as ``BundleFigures/criticalPath``) by `limit`.
    static func chain(stages: [BundleStage], items: [String: Item], _ limit: (Item) -> TimeLimit?) -> FlowPath? {
        var total: FlowPath? = nil
        for stage in stages {
            var longest: FlowPath? = nil
            for code in stage.itemCodes {
                guard let item = items[code] else { continue }
                let p = FlowPath(step: code, limit: limit(item))
                if longest.map({ p.isLonger(than: $0) }) ?? true { longest = p }
            }
            guard let longest else { continue }
            total = total.map { $0.then(longest) } ?? longest
        }
        return total
    }

    /// The longest chain of members by their 承诺 under `choice`: a member's 情形差异 that
    /// `choice` selects (``Item/variant(for:)``) stands in for its own limit.
    public func criticalPath(for choice: ScenarioChoice, items: [String: Item]) -> FlowPath? {
        Self.chain(stages: stages, items: items) { ($0.variant(for: choice)?.timeLimits ?? $0.timeLimits)?.promised }
    }

    static func figures(stages: [BundleStage], items: [String: Item], merged: Int) -> BundleFigures {
        func chain(_ limit: (Item) -> TimeLimit?) -> FlowPath? { Self.chain(stages: stages, items: items, limit) }
        let codes = stages.flatMap(\.itemCodes)
        let members = codes.compactMap { items[$0] }
        var oneByOne: FlowPath? = nil
        for member in members {
            let p = FlowPath(step: member.code, limit: member.timeLimits?.promised)
            oneByOne = oneByOne.map { $0.then(p) } ?? p
        }
        return BundleFigures(
            criticalPath: chain { $0.timeLimits?.promised },
            // A member no law sets a limit for (法定: 无) leaves the bundle without a statutory sum.
            statutoryPath: members.contains { $0.timeLimits?.noStatutoryLimit == true } ? nil : chain { $0.timeLimits?.statutory },
            oneByOne: oneByOne,
            materialsBeforeMerge: members.reduce(0) { $0 + $1.materials.count },
            materialsAfterMerge: merged)
    }
}
