extension ServiceBundle {
    /// The bundle's materials and figures computed from its members (`items` by 事项编码).
    /// Members missing from `items` are left out; the compiler reports them.
    public func merged(with items: [String: Item]) -> ServiceBundle {
        var bundle = self
        let members = memberCodes.compactMap { items[$0] }
        bundle.materials = Self.mergeMaterials(of: members)
        bundle.figures = Self.figures(stages: stages, items: items, merged: bundle.materials.count)
        return bundle
    }

    /// One entry per distinct material: the same 材料库 id, or the same name and 来源.
    static func mergeMaterials(of members: [Item]) -> [BundleMaterial] {
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
                        exemption: m.exemption, neededBy: [item.code]))
                    continue
                }
                var e = merged[i]
                e.form = strictest(e.form, m.form)
                e.copies = [e.copies, m.copies].compactMap { $0 }.max()
                e.necessity = strictest(e.necessity, m.necessity)
                e.shareable = e.shareable && m.shareable
                if m.exemption == nil { e.exemption = nil }
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

    static func figures(stages: [BundleStage], items: [String: Item], merged: Int) -> BundleFigures {
        func chain(_ limit: (Item) -> TimeLimit?) -> FlowPath? {
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
