import Catalog

/// The figures a service centre reports about its catalog (DESIGN.md, `stats`).
///
/// Computed from the whole catalog, internal elements included; every figure is a count,
/// a sum or a ratio of public elements, and items are named only by 事项编码 and 事项名称.
///
/// Definitions:
/// - **By 窗口类别**: an item counts once in each category of its 受理地点 windows, so an item
///   accepted at an 经营类 and a 综合 window counts in both, and the categories add up to more
///   than the items (``itemsInSeveralCategories`` says by how many items).
/// - **Compression** of an item: (法定 − 承诺) / 法定, when both count days the same way
///   (``TimeLimits/compression``: 承诺 即办 against a counted 法定 is 100%; 法定 即办, a
///   missing limit, or working days against calendar days is not computable). The mean is
///   over the items where it is computable.
/// - **Totals**: 法定 and 承诺 summed per unit, over the items whose 法定 is in that unit and
///   whose 承诺 is in the same unit or 即办 (0 days). Working and calendar days are never added
///   together. Total compression is (Σ法定 − Σ承诺) / Σ法定.
/// - **即办件**: items whose 办件类型 is 即办件, as a share of all items.
/// - **Materials by class** (``MaterialClass``): every 申请材料 entry is in exactly one class —
///   非必要 (optional, whatever else it says), else 条件 (needed only when its 条件 or its
///   适用情形 holds: 委托他人办理的 …), else 容缺后补, else 必要. For each class and for all entries: the total,
///   the mean per item over all items, and the largest count in one item. The format has no
///   alternative materials: "A或者B" is one entry, counted once.
/// - **可共享**: material entries (over all items) marked 可共享, as a share of all entries.
/// - **内控线**: items whose 承诺 exceeds 内控线 × 法定 in the same unit — the rule
///   `zhinan check` warns about.
/// - **当场办结**: items whose 承诺 is 即办, as a share of all items (即办件 is the 办件类型).
/// - **Compression per 事项类型**: the mean compression over the items of that type where it is
///   computable, as for the overall mean; every type of ``itemsByType``, in its order.
/// - **法定: 无**: items that say no law sets a limit; they have no compression and are in no
///   total, and are counted apart.
/// - **特别程序**: the items that have any, each with its procedures (种类 and 时限).
/// - **容缺后补** (all): material entries whose 必要性 is 容缺后补, 条件 or not, the items with
///   one, and those with a 容缺后补期限.
/// - **免提交**: material entries the applicant does not hand in (``MaterialRequirement/exemption``,
///   set by the binder: 可共享 alone decides it without GB/T 39554.2-2020), as a share of all
///   entries, and per reason in ``ExemptionReason`` order. 核验原件 is not 免提交.
/// - **告知承诺**: items with a 告知承诺, as a share of all items, and the materials their
///   promises replace (替代材料).
/// - **到现场次数** (GB/T 39554.2-2020): over the items that declare it — 最多跑一次 (≤ 1) and
///   零跑动 (0); with no item declaring it the shares are not computable ("n/a").
/// - **网办**: over the items that declare 到现场次数 or 网上办理深度 — 网上可办 (the depth reaches
///   互联网受理, ``OnlineDepth``) and 全程网办 (it reaches 互联网办理 and 到现场次数 is 0). An
///   item without 网上办理深度 is not online.
/// - **情形** (精准告知): per item with questions, and over them, the number of scenarios and
///   the full, average and largest personal material lists (``ScenarioFigures``).
public struct CatalogStats: Sendable, Equatable {
    /// 目录名称.
    public var catalogName: String
    public var itemCount: Int
    /// Items per 事项类型 in the profiles' order (``Catalog/typeOrder(of:)``: 行政许可 …
    /// 其他行政权力, 公共服务), then any other type by its text; only types that occur.
    public var itemsByType: [Count]
    /// Items per 窗口类别, every category in the profiles' order (``Catalog/windowCategoryOrder(extra:)``),
    /// zeros included.
    public var itemsByWindowCategory: [Count]
    /// Items whose windows are of more than one category (counted in each).
    public var itemsInSeveralCategories: Int
    /// Items with no 受理地点.
    public var itemsWithoutWindow: Int

    /// Items whose compression is computable, and the mean of their compressions.
    public var compressionItems: Int
    public var meanCompression: Double?
    public var workingDays: DayTotals
    public var calendarDays: DayTotals

    /// Items whose 办件类型 is 即办件.
    public var immediateItems: Int
    public var immediateShare: Double? { share(immediateItems, itemCount) }

    /// Material entries of each ``MaterialClass``, in its order.
    public var materialsByClass: [MaterialFigures]
    /// All material entries.
    public var allMaterials: MaterialFigures
    /// Material entries (over all items) that are 可共享.
    public var shareableMaterials: Int
    public var shareableShare: Double? { share(shareableMaterials, allMaterials.total) }

    /// The figures of one class of materials.
    public func materials(_ c: MaterialClass) -> MaterialFigures {
        materialsByClass.first { $0.materialClass == c } ?? MaterialFigures(c)
    }

    /// 内控线, when the catalog sets one, and the items over it, in 事项编码 order.
    public var internalControlLine: Ratio?
    public var itemsOverInternalControlLine: [OverLine]

    /// 一件事: what each bundle saves against doing its items one by one.
    public var bundles: [BundleSaving] = []
    /// 情形: the items that ask questions, in 事项编码 order (``ScenarioFigures``).
    public var scenarioItems: [ScenarioFigures] = []

    /// Items whose 承诺 is 即办 (当场办结).
    public var onTheSpotItems = 0
    public var onTheSpotShare: Double? { share(onTheSpotItems, itemCount) }
    /// Mean compression per 事项类型, in ``itemsByType`` order.
    public var compressionByType: [TypeCompression] = []
    /// Items with `法定: 无`.
    public var noStatutoryLimitItems = 0
    /// Items with 特别程序, in 事项编码 order.
    public var specialProcedures: [ItemProcedures] = []
    /// 特别程序 in all items.
    public var specialProcedureCount: Int { specialProcedures.reduce(0) { $0 + $1.procedures.count } }

    /// Material entries whose 必要性 is 容缺后补 (条件 or not), the items with one, and the
    /// entries with a 容缺后补期限.
    public var deferrableMaterials = 0
    public var itemsWithDeferrable = 0
    public var deferrableWithLimit = 0
    /// 免提交 material entries per reason, every reason in ``ExemptionReason`` order.
    public var exemptByReason: [Count] = []
    public var exemptMaterials: Int { exemptByReason.reduce(0) { $0 + $1.count } }
    public var exemptShare: Double? { share(exemptMaterials, allMaterials.total) }
    /// Items with 告知承诺, and the materials their promises replace.
    public var commitmentItems = 0
    public var commitmentShare: Double? { share(commitmentItems, itemCount) }
    public var commitmentReplacedMaterials = 0

    /// Items that declare 到现场次数, and how many declare 0, 1, 2 and 3 (多次) visits.
    public var visitsDeclared = 0
    public var itemsByVisits: [Count] = []
    /// 最多跑一次 (≤ 1) and 零跑动 (0), over ``visitsDeclared``.
    public var atMostOnceItems = 0
    public var atMostOnceShare: Double? { share(atMostOnceItems, visitsDeclared) }
    public var zeroVisitItems = 0
    public var zeroVisitShare: Double? { share(zeroVisitItems, visitsDeclared) }
    /// Items that declare 到现场次数 or 网上办理深度.
    public var onlineDeclared = 0
    /// 网上可办 and 全程网办, over ``onlineDeclared``.
    public var acceptedOnlineItems = 0
    public var acceptedOnlineShare: Double? { share(acceptedOnlineItems, onlineDeclared) }
    public var fullyOnlineItems = 0
    public var fullyOnlineShare: Double? { share(fullyOnlineItems, onlineDeclared) }

    /// The mean compression of one 事项类型.
    public struct TypeCompression: Sendable, Equatable {
        public var type: String
        /// Items of the type whose compression is computable.
        public var items: Int
        public var mean: Double?
        public init(_ type: String, items: Int, mean: Double?) {
            self.type = type
            self.items = items
            self.mean = mean
        }
    }

    /// One item's 特别程序.
    public struct ItemProcedures: Sendable, Equatable {
        public var code: String
        public var name: String
        /// 种类 and 时限 of each, in the item's order.
        public var procedures: [(kind: String, limit: TimeLimit?)]
        public init(code: String, name: String, procedures: [(kind: String, limit: TimeLimit?)]) {
            self.code = code
            self.name = name
            self.procedures = procedures
        }
        public static func == (a: Self, b: Self) -> Bool {
            a.code == b.code && a.name == b.name
                && a.procedures.map(\.kind) == b.procedures.map(\.kind) && a.procedures.map(\.limit) == b.procedures.map(\.limit)
        }
        /// The procedures as one line: `专家评审 15个工作日；检验`.
        func summary(_ language: ReportLanguage) -> String {
            procedures.map { p in p.limit.map { "\(p.kind) \($0.text(language))" } ?? p.kind }
                .joined(separator: language == .zh ? "；" : "; ")
        }
    }

    /// One bundle's savings.
    public struct BundleSaving: Sendable, Equatable {
        public var code: String
        public var name: String
        public var mode: BundleMode
        public var members: Int
        /// Materials counted per member, and once each after merging.
        public var materialsBefore: Int
        public var materialsAfter: Int
        /// The bundle's promise, and its members' promises one after another.
        public var promised: TimeLimit?
        public var oneByOne: TimeLimit?
        /// Days saved, when the two count days the same way.
        public var daysSaved: Int? {
            guard let p = promised, let o = oneByOne else { return nil }
            switch (o, p) {
            case (.workingDays(let a), .workingDays(let b)), (.calendarDays(let a), .calendarDays(let b)): return a - b
            case (.workingDays(let a), .immediate), (.calendarDays(let a), .immediate): return a
            default: return nil
            }
        }
        public var materialsSaved: Int { materialsBefore - materialsAfter }
        /// ``daysSaved`` in the unit the limits count.
        public var saved: TimeLimit? {
            guard let d = daysSaved, d > 0 else { return nil }
            if case .calendarDays? = oneByOne { return .calendarDays(d) }
            return .workingDays(d)
        }
    }

    /// Which count a material entry is in (see the type's definitions).
    public enum MaterialClass: String, Sendable, CaseIterable {
        /// 必要, unconditional.
        case required
        /// 必要 or 容缺后补 with a 条件 or 适用情形: needed only when the condition holds.
        case conditional
        /// 容缺后补: needed, but may be handed in after acceptance.
        case deferrable
        /// 非必要.
        case optional

        /// The class of `m`.
        public init(_ m: MaterialRequirement) {
            switch (m.necessity, m.condition != nil || m.applicability != nil) {
            case (.optional, _): self = .optional
            case (_, true): self = .conditional
            case (.deferrable, false): self = .deferrable
            case (.required, false): self = .required
            }
        }
    }

    /// Material entries of one class (or all of them), over the catalog's items.
    public struct MaterialFigures: Sendable, Equatable {
        /// The class; `nil` for all entries.
        public var materialClass: MaterialClass?
        /// Entries in all items.
        public var total: Int
        /// Per item: the mean over all items (`nil` without items) and the largest count.
        public var mean: Double?
        public var max: Int
        public init(_ materialClass: MaterialClass?, total: Int = 0, mean: Double? = nil, max: Int = 0) {
            self.materialClass = materialClass
            self.total = total
            self.mean = mean
            self.max = max
        }

        /// The figures of `perItem`, the counts of each item.
        init(_ materialClass: MaterialClass?, perItem: [Int]) {
            let total = perItem.reduce(0, +)
            self.init(materialClass, total: total, mean: share(total, perItem.count), max: perItem.max() ?? 0)
        }
    }

    /// A breakdown row: a key (事项类型, 窗口类别) and how many items.
    public struct Count: Sendable, Equatable {
        public var key: String
        public var count: Int
        public init(_ key: String, _ count: Int) {
            self.key = key
            self.count = count
        }
    }

    /// Time limits summed in one unit.
    public struct DayTotals: Sendable, Equatable {
        /// Items summed.
        public var items: Int
        public var statutory: Int
        public var promised: Int
        public init(items: Int = 0, statutory: Int = 0, promised: Int = 0) {
            self.items = items
            self.statutory = statutory
            self.promised = promised
        }
        /// Counts an item's ``CatalogStats/comparableDays(_:)``.
        mutating func add(_ days: (statutory: Int, promised: Int, workingDays: Bool)) {
            items += 1
            statutory += days.statutory
            promised += days.promised
        }
        /// (Σ法定 − Σ承诺) / Σ法定.
        public var compression: Double? {
            statutory == 0 ? nil : Double(statutory - promised) / Double(statutory)
        }
    }

    /// An item whose promise is above the 内控线.
    public struct OverLine: Sendable, Equatable {
        public var code: String
        public var name: String
        public var statutory: TimeLimit
        public var promised: TimeLimit
        /// 承诺 / 法定.
        public var share: Double { Double(promised.days) / Double(statutory.days) }
        public init(code: String, name: String, statutory: TimeLimit, promised: TimeLimit) {
            self.code = code
            self.name = name
            self.statutory = statutory
            self.promised = promised
        }
    }
}

/// `part / whole`, nil when there is no whole.
func share(_ part: Int, _ whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) / Double(whole)
}

extension CatalogStats {
    /// The figures of `catalog`.
    public static func compute(_ catalog: Catalog) -> CatalogStats {
        let items = catalog.items

        var byType: [String: Int] = [:]
        for item in items { byType[item.type, default: 0] += 1 }
        let types = catalog.typeOrder(of: byType.keys)

        let category = Dictionary(catalog.windows.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        var byCategory: [String: Int] = [:]
        var several = 0, withoutWindow = 0
        for item in items {
            let categories = Set(item.windowIDs.compactMap { category[$0] })
            for c in categories { byCategory[c, default: 0] += 1 }
            if categories.count > 1 { several += 1 }
            if item.windowIDs.isEmpty { withoutWindow += 1 }
        }

        var compressions: [Double] = []
        var compressionsByType: [String: [Double]] = [:]
        var working = DayTotals(), calendar = DayTotals()
        var over: [OverLine] = []
        for item in items {
            guard let limits = item.timeLimits else { continue }
            if let c = limits.compression {
                compressions.append(c)
                compressionsByType[item.type, default: []].append(c)
            }
            guard let s = limits.statutory, let p = limits.promised else { continue }
            if let days = comparableDays(limits) {
                if days.workingDays {
                    working.add(days)
                } else {
                    calendar.add(days)
                }
            }
            if let line = catalog.internalControlLine, s.days > 0, sameUnit(p, s),
               p.days * line.denominator > s.days * line.numerator {
                over.append(OverLine(code: item.code, name: item.name, statutory: s, promised: p))
            }
        }

        let allMaterials = items.flatMap(\.materials)
        let deferrable = allMaterials.filter { $0.necessity == .deferrable }
        let visits = items.compactMap(\.national.onSiteVisits)
        let onlineItems = items.filter { $0.national.onSiteVisits != nil || !$0.national.onlineDepth.isEmpty }

        let byClass = MaterialClass.allCases.map { c in
            MaterialFigures(c, perItem: items.map { $0.materials.count { MaterialClass($0) == c } })
        }

        var stats = CatalogStats(
            catalogName: catalog.name,
            itemCount: items.count,
            itemsByType: types.map { Count($0, byType[$0]!) },
            itemsByWindowCategory: catalog.windowCategoryOrder(extra: byCategory.keys).map { Count($0, byCategory[$0] ?? 0) },
            itemsInSeveralCategories: several,
            itemsWithoutWindow: withoutWindow,
            compressionItems: compressions.count,
            meanCompression: compressions.isEmpty ? nil : compressions.reduce(0, +) / Double(compressions.count),
            workingDays: working,
            calendarDays: calendar,
            immediateItems: items.count { $0.caseType == .immediate },
            materialsByClass: byClass,
            allMaterials: MaterialFigures(nil, perItem: items.map(\.materials.count)),
            shareableMaterials: items.reduce(0) { $0 + $1.materials.count(where: \.shareable) },
            internalControlLine: catalog.internalControlLine,
            itemsOverInternalControlLine: over.sorted { $0.code < $1.code },
            bundles: catalog.bundles.map { b in
                BundleSaving(
                    code: b.code, name: b.name, mode: b.mode, members: b.memberCodes.count,
                    materialsBefore: b.figures.materialsBeforeMerge, materialsAfter: b.figures.materialsAfterMerge,
                    promised: b.promised, oneByOne: b.figures.oneByOne?.duration)
            })
        stats.onTheSpotItems = items.count { $0.timeLimits?.promised == .immediate }
        stats.compressionByType = types.map { t in
            let c = compressionsByType[t] ?? []
            return TypeCompression(t, items: c.count, mean: c.isEmpty ? nil : c.reduce(0, +) / Double(c.count))
        }
        stats.noStatutoryLimitItems = items.count { $0.timeLimits?.noStatutoryLimit == true }
        stats.specialProcedures = items.filter { !$0.national.specialProcedures.isEmpty }
            .map { ItemProcedures(code: $0.code, name: $0.name, procedures: $0.national.specialProcedures.map { ($0.kind, $0.limit) }) }
            .sorted { $0.code < $1.code }
        stats.deferrableMaterials = deferrable.count
        stats.itemsWithDeferrable = items.count { $0.materials.contains { $0.necessity == .deferrable } }
        stats.deferrableWithLimit = deferrable.count { $0.deferralLimit != nil }
        stats.exemptByReason = ExemptionReason.allCases.map { r in Count(r.rawValue, allMaterials.count { $0.exemption == r }) }
        stats.commitmentItems = items.count { $0.national.commitment != nil }
        stats.commitmentReplacedMaterials = items.reduce(0) { $0 + ($1.national.commitment?.replacedMaterials.count ?? 0) }
        stats.visitsDeclared = visits.count
        stats.itemsByVisits = (0...3).map { n in Count(String(n), visits.count { min($0, 3) == n }) }
        stats.atMostOnceItems = visits.count { $0 <= 1 }
        stats.zeroVisitItems = visits.count { $0 == 0 }
        stats.onlineDeclared = onlineItems.count
        stats.acceptedOnlineItems = onlineItems.count { OnlineDepth.reaches($0.national.onlineDepth, OnlineDepth.acceptance) }
        stats.fullyOnlineItems = onlineItems.count {
            OnlineDepth.reaches($0.national.onlineDepth, OnlineDepth.handling) && $0.national.onSiteVisits == 0
        }
        stats.scenarioItems = scenarioFigures(catalog)
        return stats
    }

    /// 法定 and 承诺 in days when both count days the same way, and whether working days: a
    /// promise of 即办 is day 0 in either unit; a 法定 of 即办 compares with nothing. The items
    /// ``workingDays`` and ``calendarDays`` total, and the dashboard charts.
    static func comparableDays(_ limits: TimeLimits?) -> (statutory: Int, promised: Int, workingDays: Bool)? {
        switch (limits?.statutory, limits?.promised) {
        case (.workingDays(let a)?, .workingDays(let p)?): (a, p, true)
        case (.workingDays(let a)?, .immediate?): (a, 0, true)
        case (.calendarDays(let a)?, .calendarDays(let p)?): (a, p, false)
        case (.calendarDays(let a)?, .immediate?): (a, 0, false)
        default: nil
        }
    }

    /// As `zhinan check`'s 内控线 rule: a promise of 即办 is in any unit.
    private static func sameUnit(_ a: TimeLimit, _ b: TimeLimit) -> Bool {
        switch (a, b) {
        case (.workingDays, .workingDays), (.calendarDays, .calendarDays), (.immediate, _): true
        default: false
        }
    }
}
