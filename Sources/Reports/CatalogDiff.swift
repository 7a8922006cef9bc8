import Catalog

/// What changed between two versions of a catalog: items added, removed and changed
/// (a rename is a change of 事项名称 under the same 事项编码), element by element, and the
/// catalog's own registries (实施机关, 窗口, 法规, 材料库).
///
/// The comparison sees exactly the values it is given: to publish a notice, compare the
/// ``Catalog/publicView()`` of both versions so no internal element (审查要点, 审批人员,
/// 监督检查 …) can appear in it.
///
/// How things are matched:
/// - items by 事项编码; catalog entries by 编号;
/// - 情形 questions by 编号, 情形差异 by their 适用情形 (``ScenarioKeys``);
/// - materials by 材料库 id, then by name; flow steps, fees and additional elements by name
///   (key); 办理依据 by 法规 and 条款; windows by id; lists of text (审批条件, 服务对象,
///   办理形式) by their text, so an edited condition is one removed and one added;
/// - a question whose 编号 changed is matched by its 问题 and options (a change of `id`),
///   and the old version's 适用情形 are read in the new 编号 and question order;
/// - a change of order alone is not a change — except of 情形差异 that can hold together,
///   where the first applies (``Context/order(_:_:_:)``);
/// - a 情形差异's 办理时限 as the entry writes it, not the item's values the binder filled in;
/// - every value is shown in full, old and new: texts however long (受理范围, 监督检查 …);
///   咨询, 法律救济 and 审批证件 field by field (one added or removed whole is each of its
///   fields added or removed); 审批人员 by 岗位, then 职责 and 资格; a locality's element by
///   its text, or the entries of its list.
///
/// Output is deterministic: items in 事项编码 order, an item's changes in the order of the
/// item's elements (FORMAT.md), within an element additions, then removals (in the old
/// order), then changes, each in the order of the new version.
public struct CatalogDiff: Sendable, Equatable {
    /// The two catalogs' identities.
    public var old: CatalogSummary
    public var new: CatalogSummary
    /// Items only in the new catalog.
    public var added: [ItemSummary]
    /// Items only in the old catalog.
    public var removed: [ItemSummary]
    /// Items in both that differ.
    public var changed: [ItemChanges]
    /// Changes of the catalog's own elements and registries.
    public var catalog: [Change]

    /// Changed items whose 事项名称 changed.
    public var renamed: [ItemChanges] { changed.filter(\.isRenamed) }

    /// Whether the two catalogs are the same, as far as the comparison sees.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty && catalog.isEmpty }

    public init(
        old: CatalogSummary, new: CatalogSummary, added: [ItemSummary] = [], removed: [ItemSummary] = [],
        changed: [ItemChanges] = [], catalog: [Change] = []
    ) {
        self.old = old
        self.new = new
        self.added = added
        self.removed = removed
        self.changed = changed
        self.catalog = catalog
    }

    /// 目录名称, 行政区划 and the number of items of one side.
    public struct CatalogSummary: Sendable, Equatable {
        public var name: String
        public var region: String
        public var itemCount: Int
        public init(name: String, region: String, itemCount: Int) {
            self.name = name
            self.region = region
            self.itemCount = itemCount
        }
        init(_ catalog: Catalog) {
            self.init(name: catalog.name, region: catalog.region, itemCount: catalog.items.count)
        }
    }

    /// An added or removed item.
    public struct ItemSummary: Sendable, Equatable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// The changes of one item present in both catalogs.
    public struct ItemChanges: Sendable, Equatable {
        public var code: String
        /// 事项名称 in the new catalog.
        public var name: String
        /// 事项名称 in the old catalog, when it differs.
        public var oldName: String?
        public var changes: [Change]
        public var isRenamed: Bool { oldName != nil }
        public init(code: String, name: String, oldName: String? = nil, changes: [Change]) {
            self.code = code
            self.name = name
            self.oldName = oldName
            self.changes = changes
        }
    }

    /// One change, small enough to be one line of a notice.
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case added, removed, changed
        }

        /// The element: for an item, an ``ElementKey`` (`materials`, `timeLimits`, `flow` …),
        /// `questions`, `scenarioVariants` or `scenarioOrder` (情形, see ``ScenarioKeys``) or `additional` for an
        /// element a locality's profile adds; for the catalog,
        /// `catalog`, `agencies`, `windows`, `laws`, `sharedMaterials` or `bundles` (一件事).
        public var element: String
        public var kind: Kind
        /// What in the element: a material's or a step's name, a condition's text, a
        /// window's or a fee's name, `《法规》条款` for 办理依据, an additional element's title, a
        /// 情形差异's 适用情形, or for `scenarioOrder` the 适用情形 of those both entries hold for.
        public var subject: String?
        /// The subject's id where it has one: a 材料库, 窗口, 实施机关 or 法规 id, an additional
        /// element's key.
        public var id: String?
        /// Which field of the subject (or of the element) changed: `form`, `copies`,
        /// `necessity`, `condition` … for materials; `statutory`, `promised` for time limits;
        /// `timeLimit`, `role` … for steps; `applicability` (适用情形) of a material, condition,
        /// fee or step; `question`, `options`, `id` of a 情形 question; `order` of 情形差异. `nil`
        /// when the whole subject or element is meant.
        public var field: String?
        /// The old and new values as text (`原件`, `2`, `10个工作日`, `true`), in full; absent
        /// where nothing was there, and for a subject added or removed as a whole (a material,
        /// a step …), which ``subject`` names — except a material, condition or step added or
        /// removed with a 适用情形, which carries it (`{agent: 委托他人办理}`), and a 情形
        /// question, which carries its options (`本人办理、委托他人办理`).
        public var old: String?
        public var new: String?
        /// For time limits counted the same way on both sides, the difference, new − old.
        public var delta: TimeDelta?

        public init(
            element: String, kind: Kind, subject: String? = nil, id: String? = nil, field: String? = nil,
            old: String? = nil, new: String? = nil, delta: TimeDelta? = nil
        ) {
            self.element = element
            self.kind = kind
            self.subject = subject
            self.id = id
            self.field = field
            self.old = old
            self.new = new
            self.delta = delta
        }
    }

    /// A difference of time limits: `days` (negative when shortened) in one unit.
    public struct TimeDelta: Sendable, Equatable {
        public var days: Int
        /// Working days (`个工作日`), else calendar days (`日`).
        public var workingDays: Bool
        public init(days: Int, workingDays: Bool) {
            self.days = days
            self.workingDays = workingDays
        }

        /// new − old when both count days the same way (即办 counts as 0 of either unit).
        public init?(from old: TimeLimit, to new: TimeLimit) {
            switch (old, new) {
            case (.workingDays(let a), .workingDays(let b)): self.init(days: b - a, workingDays: true)
            case (.calendarDays(let a), .calendarDays(let b)): self.init(days: b - a, workingDays: false)
            case (.immediate, .workingDays(let b)): self.init(days: b, workingDays: true)
            case (.immediate, .calendarDays(let b)): self.init(days: b, workingDays: false)
            case (.workingDays(let a), .immediate): self.init(days: -a, workingDays: true)
            case (.calendarDays(let a), .immediate): self.init(days: -a, workingDays: false)
            default: return nil
            }
        }
    }
}

// MARK: - Comparing

extension CatalogDiff {
    /// Compares two catalogs as given (see the type's documentation for publishing).
    public static func compare(_ old: Catalog, _ new: Catalog) -> CatalogDiff {
        var oldItems: [String: Item] = [:], newItems: [String: Item] = [:]
        for item in old.items where oldItems[item.code] == nil { oldItems[item.code] = item }
        for item in new.items where newItems[item.code] == nil { newItems[item.code] = item }

        var diff = CatalogDiff(old: CatalogSummary(old), new: CatalogSummary(new))
        let context = Context(old: old, new: new)
        for code in newItems.keys.sorted() {
            let n = newItems[code]!
            guard let o = oldItems[code] else {
                diff.added.append(ItemSummary(code: code, name: n.name))
                continue
            }
            let changes = context.changes(o, n)
            if !changes.isEmpty {
                diff.changed.append(ItemChanges(
                    code: code, name: n.name, oldName: o.name == n.name ? nil : o.name, changes: changes))
            }
        }
        for code in oldItems.keys.sorted() where newItems[code] == nil {
            diff.removed.append(ItemSummary(code: code, name: oldItems[code]!.name))
        }
        diff.catalog = context.catalogChanges()
        return diff
    }

    /// The two catalogs, for names behind ids.
    struct Context {
        let old: Catalog
        let new: Catalog

        func agencyName(_ id: String, in catalog: Catalog) -> String {
            catalog.agencies.first { $0.id == id }?.name ?? id
        }
        func windowName(_ id: String, in catalog: Catalog) -> String {
            catalog.windows.first { $0.id == id }?.name ?? id
        }
        func lawTitle(_ basis: LegalBasis, in catalog: Catalog) -> String {
            let name = catalog.laws.first { $0.id == basis.lawID }?.name ?? basis.lawID
            return "《\(name)》" + (basis.article ?? "")
        }

        // MARK: Items

        func changes(_ before: Item, _ n: Item) -> [Change] {
            // 适用情形 compared in the new version's question ids and order.
            let scenario = questions(before.questions, n.questions)
            let o = before.reading(scenario.renamed, as: n.questions)
            var out: [Change] = []
            out += value(ElementKey.name, o.name, n.name)
            out += value(ElementKey.type, o.type, n.type)
            out += texts(ElementKey.serviceObjects, o.serviceObjects, n.serviceObjects)
            if o.agencyID != n.agencyID {
                out.append(Change(
                    element: ElementKey.agency, kind: .changed,
                    old: agencyName(o.agencyID, in: old), new: agencyName(n.agencyID, in: new)))
            }
            out += value(ElementKey.scope, o.scope, n.scope)
            out += windows(o.windowIDs, n.windowIDs)
            out += texts(ElementKey.handlingForms, o.handlingForms, n.handlingForms)
            out += legalBasis(o.legalBasis, n.legalBasis)
            out += value(ElementKey.caseType, o.caseType?.rawValue, n.caseType?.rawValue)
            out += scenario.changes
            out += conditions(o, n)
            out += materials(o.materials, n.materials)
            out += timeLimits(ElementKey.timeLimits, subject: nil, o.timeLimits, n.timeLimits)
            out += variants(o, n)
            out += fees(o.fees, n.fees)
            out += value(ElementKey.rightsAndObligations, o.rightsAndObligations, n.rightsAndObligations)
            out += record(ElementKey.consultation, o.consultation.map(Self.fields), n.consultation.map(Self.fields))
            out += flow(o.flow, n.flow)
            out += record(ElementKey.remedies, o.remedies.map(Self.fields), n.remedies.map(Self.fields))
            out += record(ElementKey.certificate, o.certificate.map(Self.fields), n.certificate.map(Self.fields))
            out += staff(o.staff, n.staff)
            out += value(ElementKey.progressQuery, o.progressQuery, n.progressQuery)
            out += value(ElementKey.supervision, o.supervision, n.supervision)
            out += national(o, n)
            out += additional(o.additionalElements, n.additionalElements)
            return out
        }

        /// 是 for a flag that is set, nil for one that is not (so that setting it reads as
        /// added, not as false → true).
        func flag(_ b: Bool) -> String? { b ? "是" : nil }

        /// The national 实施清单 elements (GB/T 39554.2-2020), keyed as in the JSON export
        /// (``NationalKeys``): values old → new, 审批结果 and 监督投诉 field by field,
        /// 业务办理项 by 编码, 特别程序 by 种类, 常见问题 by 问.
        func national(_ o: Item, _ n: Item) -> [Change] {
            let a = o.national, b = n.national
            var out: [Change] = []
            out += value(NationalKeys.basicCode, a.basicCode, b.basicCode)
            out += value(NationalKeys.implementationCode, a.implementationCode, b.implementationCode)
            let hp = match(a.handlingItems, b.handlingItems, by: [{ $0.code }])
            for i in hp.added { out.append(Change(element: NationalKeys.handlingItems, kind: .added, subject: b.handlingItems[i].name, id: b.handlingItems[i].code)) }
            for i in hp.removed { out.append(Change(element: NationalKeys.handlingItems, kind: .removed, subject: a.handlingItems[i].name, id: a.handlingItems[i].code)) }
            for (i, j) in hp.matched {
                out += field(NationalKeys.handlingItems, subject: b.handlingItems[j].code, id: b.handlingItems[j].code, "name",
                             a.handlingItems[i].name, b.handlingItems[j].name)
            }
            out += value(NationalKeys.exerciseLevel, a.exerciseLevel, b.exerciseLevel)
            out += value(NationalKeys.implementerNature, a.implementerNature, b.implementerNature)
            out += value(NationalKeys.powerSource, a.powerSource, b.powerSource)
            out += value(NationalKeys.entrustingAgency, a.entrustingAgencyID.map { agencyName($0, in: old) },
                         b.entrustingAgencyID.map { agencyName($0, in: new) })
            let (ja, jr) = multisetDifference(a.jointAgencyIDs, b.jointAgencyIDs)
            out += ja.map { Change(element: NationalKeys.jointAgencies, kind: .added, subject: agencyName($0, in: new), id: $0) }
            out += jr.map { Change(element: NationalKeys.jointAgencies, kind: .removed, subject: agencyName($0, in: old), id: $0) }
            out += value(NationalKeys.onSiteVisits, a.onSiteVisits.map(String.init), b.onSiteVisits.map(String.init))
            out += value(NationalKeys.onSiteReason, a.onSiteReason, b.onSiteReason)
            out += texts(NationalKeys.onlineDepth, a.onlineDepth, b.onlineDepth)
            out += value(NationalKeys.onlineURL, a.onlineURL, b.onlineURL)
            out += value(NationalKeys.handlingArea, a.handlingArea, b.handlingArea)
            out += record(NationalKeys.complaint, a.complaint.map(Self.fields), b.complaint.map(Self.fields))
            out += record(NationalKeys.result, o.result.map(Self.fields), n.result.map(Self.fields))
            let sp = match(a.specialProcedures, b.specialProcedures, by: [{ $0.kind }])
            for i in sp.added { out.append(Change(element: NationalKeys.specialProcedures, kind: .added, subject: b.specialProcedures[i].kind)) }
            for i in sp.removed { out.append(Change(element: NationalKeys.specialProcedures, kind: .removed, subject: a.specialProcedures[i].kind)) }
            for (i, j) in sp.matched {
                let (x, y) = (a.specialProcedures[i], b.specialProcedures[j])
                out += time(NationalKeys.specialProcedures, subject: y.kind, field: "limit", x.limit, y.limit)
                out += field(NationalKeys.specialProcedures, subject: y.kind, id: nil, "basis",
                             x.basis.map { lawTitle($0, in: old) }, y.basis.map { lawTitle($0, in: new) })
                out += field(NationalKeys.specialProcedures, subject: y.kind, id: nil, "note", x.note, y.note)
            }
            out += value(NationalKeys.quantityLimit, a.quantityLimit, b.quantityLimit)
            let fp = match(a.faqs, b.faqs, by: [{ $0.question }])
            for i in fp.added { out.append(Change(element: NationalKeys.faqs, kind: .added, subject: b.faqs[i].question)) }
            for i in fp.removed { out.append(Change(element: NationalKeys.faqs, kind: .removed, subject: a.faqs[i].question)) }
            for (i, j) in fp.matched {
                out += field(NationalKeys.faqs, subject: b.faqs[j].question, id: nil, "answer", a.faqs[i].answer, b.faqs[j].answer)
            }
            out += record(NationalKeys.commitment, a.commitment.map(Self.fields), b.commitment.map(Self.fields))
            out += value(NationalKeys.version, a.version.map(String.init), b.version.map(String.init))
            out += value(NationalKeys.effectiveDate, a.effectiveDate, b.effectiveDate)
            out += value(NationalKeys.repealDate, a.repealDate, b.repealDate)
            return out
        }

        /// A value shown old → new (事项名称, 办件类型, 受理范围 …).
        func value(_ element: String, _ a: String?, _ b: String?) -> [Change] {
            switch (a, b) {
            case (nil, nil): return []
            case (nil, let b?): return [Change(element: element, kind: .added, new: b)]
            case (let a?, nil): return [Change(element: element, kind: .removed, old: a)]
            case (let a?, let b?): return a == b ? [] : [Change(element: element, kind: .changed, old: a, new: b)]
            }
        }

        /// A record element (咨询, 法律救济, 审批证件) field by field: a record added or removed
        /// is each of its fields added or removed.
        func record(_ element: String, _ a: [(String, String?)]?, _ b: [(String, String?)]?) -> [Change] {
            let none = (a ?? b ?? []).map { ($0.0, nil as String?) }
            var out: [Change] = []
            for (x, y) in zip(a ?? none, b ?? none) {
                out += field(element, subject: nil, id: nil, x.0, x.1, y.1)
            }
            return out
        }

        static func fields(_ c: Consultation) -> [(String, String?)] {
            [("phone", c.phone), ("address", c.address), ("website", c.website), ("email", c.email)]
        }
        static func fields(_ r: Remedies) -> [(String, String?)] {
            [("reconsideration", r.reconsideration), ("litigation", r.litigation)]
        }
        static func fields(_ c: Certificate) -> [(String, String?)] {
            [("name", c.name), ("validity", c.validity), ("sample", c.sample)]
        }
        static func fields(_ r: ApprovalResult) -> [(String, String?)] {
            [("type", r.type), ("name", r.name), ("validity", r.validity), ("sample", r.sample),
             ("delivery", r.delivery.isEmpty ? nil : r.delivery.joined(separator: "、"))]
        }
        static func fields(_ c: Complaint) -> [(String, String?)] {
            [("phone", c.phone), ("website", c.website), ("address", c.address), ("email", c.email)]
        }
        static func fields(_ c: NotificationCommitment) -> [(String, String?)] {
            [("pledgeMaterial", c.pledgeMaterial),
             ("replacedMaterials", c.replacedMaterials.isEmpty ? nil : c.replacedMaterials.joined(separator: "、")),
             ("verification", c.verification)]
        }

        /// 审批人员 matched by 岗位, then 职责 and 资格 compared.
        func staff(_ a: [StaffRole], _ b: [StaffRole]) -> [Change] {
            let pairs = match(a, b, by: [{ $0.role }])
            var out: [Change] = []
            for i in pairs.added { out.append(Change(element: ElementKey.staff, kind: .added, subject: b[i].role)) }
            for i in pairs.removed { out.append(Change(element: ElementKey.staff, kind: .removed, subject: a[i].role)) }
            for (i, j) in pairs.matched {
                out += field(ElementKey.staff, subject: b[j].role, id: nil, "duties", a[i].duties, b[j].duties)
                out += field(ElementKey.staff, subject: b[j].role, id: nil, "qualification", a[i].qualification, b[j].qualification)
            }
            return out
        }

        /// A list of texts compared as a multiset.
        func texts(_ element: String, _ a: [String], _ b: [String]) -> [Change] {
            let (added, removed) = multisetDifference(a, b)
            return added.map { Change(element: element, kind: .added, subject: $0) }
                + removed.map { Change(element: element, kind: .removed, subject: $0) }
        }

        func windows(_ a: [String], _ b: [String]) -> [Change] {
            let (added, removed) = multisetDifference(a, b)
            return added.map { Change(element: ElementKey.windows, kind: .added, subject: windowName($0, in: new), id: $0) }
                + removed.map { Change(element: ElementKey.windows, kind: .removed, subject: windowName($0, in: old), id: $0) }
        }

        func legalBasis(_ a: [LegalBasis], _ b: [LegalBasis]) -> [Change] {
            func key(_ l: LegalBasis) -> String { l.lawID + "\u{1F}" + (l.article ?? "") }
            let pairs = match(a, b, by: [key])
            var out: [Change] = []
            for i in pairs.added {
                out.append(Change(element: ElementKey.legalBasis, kind: .added, subject: lawTitle(b[i], in: new), id: b[i].lawID))
            }
            for i in pairs.removed {
                out.append(Change(element: ElementKey.legalBasis, kind: .removed, subject: lawTitle(a[i], in: old), id: a[i].lawID))
            }
            for (i, j) in pairs.matched where a[i].text != b[j].text {
                out += field(ElementKey.legalBasis, subject: lawTitle(b[j], in: new), id: b[j].lawID, "text",
                             a[i].text, b[j].text)
            }
            return out
        }

        func materials(_ a: [MaterialRequirement], _ b: [MaterialRequirement]) -> [Change] {
            let pairs = match(a, b, by: [{ $0.libraryID.map { "lib:" + $0 } }, { "name:" + $0.name }])
            var out: [Change] = []
            for i in pairs.added {
                out.append(Change(
                    element: ElementKey.materials, kind: .added, subject: b[i].name, id: b[i].libraryID,
                    new: b[i].applicability.map(Self.text)))
            }
            for i in pairs.removed {
                out.append(Change(
                    element: ElementKey.materials, kind: .removed, subject: a[i].name, id: a[i].libraryID,
                    old: a[i].applicability.map(Self.text)))
            }
            for (i, j) in pairs.matched {
                let (o, n) = (a[i], b[j])
                let fields: [(String, String?, String?)] = [
                    ("name", o.name, n.name),
                    ("form", o.form?.rawValue, n.form?.rawValue),
                    ("copies", o.copies.map(String.init), n.copies.map(String.init)),
                    ("medium", o.medium, n.medium),
                    ("source", o.source, n.source),
                    ("necessity", o.necessity.rawValue, n.necessity.rawValue),
                    ("requirement", o.requirement, n.requirement),
                    ("condition", o.condition, n.condition),
                    ("reviewPoints", o.reviewPoints, n.reviewPoints),
                    ("shareable", String(o.shareable), String(n.shareable)),
                    ("exemption", o.exemption?.rawValue, n.exemption?.rawValue),
                    ("verifyOriginal", flag(o.verifyOriginal), flag(n.verifyOriginal)),
                    ("originalCopies", o.originalCopies.map(String.init), n.originalCopies.map(String.init)),
                    ("photocopies", o.photocopies.map(String.init), n.photocopies.map(String.init)),
                    ("blankForm", o.blankForm, n.blankForm),
                    ("sampleForm", o.sampleForm, n.sampleForm),
                    ("fillingNotes", o.fillingNotes, n.fillingNotes),
                    ("deferralLimit", o.deferralLimit?.text, n.deferralLimit?.text),
                    ("applicability", o.applicability.map(Self.text), n.applicability.map(Self.text)),
                ]
                for (name, x, y) in fields {
                    out += field(ElementKey.materials, subject: n.name, id: n.libraryID, name, x, y)
                }
            }
            return out
        }

        func time(_ element: String, subject: String? = nil, field: String, _ a: TimeLimit?, _ b: TimeLimit?) -> [Change] {
            switch (a, b) {
            case (nil, nil): return []
            case (nil, let b?): return [Change(element: element, kind: .added, subject: subject, field: field, new: b.text)]
            case (let a?, nil): return [Change(element: element, kind: .removed, subject: subject, field: field, old: a.text)]
            case (let a?, let b?):
                return a == b ? [] : [Change(
                    element: element, kind: .changed, subject: subject, field: field, old: a.text, new: b.text,
                    delta: TimeDelta(from: a, to: b))]
            }
        }

        func fees(_ a: Fees?, _ b: Fees?) -> [Change] {
            func text(_ f: Fees) -> String {
                switch f {
                case .free: "不收费"
                case .charged(let list): list.map { "\($0.name)：\($0.standard)" }.joined(separator: "；")
                }
            }
            switch (a, b) {
            case (nil, nil): return []
            case (nil, let b?): return [Change(element: ElementKey.fees, kind: .added, new: text(b))]
            case (let a?, nil): return [Change(element: ElementKey.fees, kind: .removed, old: text(a))]
            case (.charged(let x)?, .charged(let y)?):
                let pairs = match(x, y, by: [{ $0.name }])
                var out: [Change] = []
                for i in pairs.added {
                    out.append(Change(element: ElementKey.fees, kind: .added, subject: y[i].name, new: y[i].standard))
                    out += field(ElementKey.fees, subject: y[i].name, id: nil, "applicability", nil, y[i].applicability.map(Self.text))
                }
                for i in pairs.removed {
                    out.append(Change(element: ElementKey.fees, kind: .removed, subject: x[i].name, old: x[i].standard))
                }
                for (i, j) in pairs.matched {
                    out += field(ElementKey.fees, subject: y[j].name, id: nil, "standard", x[i].standard, y[j].standard)
                    out += field(ElementKey.fees, subject: y[j].name, id: nil, "basis", x[i].basis, y[j].basis)
                    out += field(ElementKey.fees, subject: y[j].name, id: nil, "applicability",
                                 x[i].applicability.map(Self.text), y[j].applicability.map(Self.text))
                }
                return out
            case (let a?, let b?):
                return a == b ? [] : [Change(element: ElementKey.fees, kind: .changed, old: text(a), new: text(b))]
            }
        }

        func flow(_ a: [FlowStep], _ b: [FlowStep]) -> [Change] {
            func next(_ s: FlowStep) -> String? {
                s.transitions.isEmpty ? nil : s.transitions.map { t in
                    t.condition.map { "\($0) → \(t.target)" } ?? t.target
                }.joined(separator: "；")
            }
            let pairs = match(a, b, by: [{ $0.name }])
            var out: [Change] = []
            for i in pairs.added {
                out.append(Change(element: ElementKey.flow, kind: .added, subject: b[i].name, new: b[i].applicability.map(Self.text)))
            }
            for i in pairs.removed {
                out.append(Change(element: ElementKey.flow, kind: .removed, subject: a[i].name, old: a[i].applicability.map(Self.text)))
            }
            for (i, j) in pairs.matched {
                let (o, n) = (a[i], b[j])
                out += field(ElementKey.flow, subject: n.name, id: nil, "role", o.role, n.role)
                out += time(ElementKey.flow, subject: n.name, field: "timeLimit", o.timeLimit, n.timeLimit)
                out += field(ElementKey.flow, subject: n.name, id: nil, "isTimed", String(o.isTimed), String(n.isTimed))
                out += field(ElementKey.flow, subject: n.name, id: nil, "note", o.note, n.note)
                out += field(ElementKey.flow, subject: n.name, id: nil, "transitions", next(o), next(n))
                out += field(ElementKey.flow, subject: n.name, id: nil, "outcome", o.outcome?.rawValue, n.outcome?.rawValue)
                out += field(ElementKey.flow, subject: n.name, id: nil, "applicability",
                             o.applicability.map(Self.text), n.applicability.map(Self.text))
            }
            return out
        }

        /// A locality's elements matched by key: a text old → new, a list entry by entry (as
        /// 审批条件), an element added or removed as its text or each of its entries.
        func additional(_ a: [AdditionalElement], _ b: [AdditionalElement]) -> [Change] {
            func entries(_ v: AdditionalElement.Value) -> [String] {
                switch v {
                case .text(let t): [t]
                case .list(let l): l
                }
            }
            func change(_ e: AdditionalElement, _ kind: Change.Kind, old: String? = nil, new: String? = nil) -> Change {
                Change(element: "additional", kind: kind, subject: e.title, id: e.key, old: old, new: new)
            }
            let pairs = match(a, b, by: [{ $0.key }])
            var out: [Change] = []
            for i in pairs.added { out += entries(b[i].value).map { change(b[i], .added, new: $0) } }
            for i in pairs.removed { out += entries(a[i].value).map { change(a[i], .removed, old: $0) } }
            for (i, j) in pairs.matched where a[i].value != b[j].value {
                if case .text(let x) = a[i].value, case .text(let y) = b[j].value {
                    out.append(change(b[j], .changed, old: x, new: y))
                    continue
                }
                let (added, removed) = multisetDifference(entries(a[i].value), entries(b[j].value))
                out += added.map { change(b[j], .added, new: $0) } + removed.map { change(b[j], .removed, old: $0) }
            }
            return out
        }

        // MARK: The catalog's own elements

        func catalogChanges() -> [Change] {
            var out: [Change] = []
            func ratio(_ r: Ratio?) -> String? { r.map { "\($0.numerator)/\($0.denominator)" } }
            for (name, x, y) in [
                ("name", old.name, new.name), ("region", old.region, new.region),
                ("standards", old.standards.joined(separator: "、"), new.standards.joined(separator: "、")),
                ("internalControlLine", ratio(old.internalControlLine), ratio(new.internalControlLine)),
                ("timeLimitNote", old.timeLimitNote, new.timeLimitNote),
            ] as [(String, String?, String?)] {
                out += field("catalog", subject: nil, id: nil, name, x, y)
            }
            out += entries("agencies", old.agencies, new.agencies, id: \.id, name: \.name) { a in
                [("name", a.name), ("creditCode", a.creditCode), ("address", a.address), ("phone", a.phone),
                 ("website", a.website)]
            }
            out += entries("windows", old.windows, new.windows, id: \.id, name: \.name) { w in
                [("name", w.name), ("category", w.category), ("location", w.location), ("hours", w.hours),
                 ("phone", w.phone)]
            }
            out += entries("laws", old.laws, new.laws, id: \.id, name: \.name) { l in
                [("name", l.name), ("level", l.level), ("documentNumber", l.documentNumber),
                 ("effectiveDate", l.effectiveDate), ("url", l.url)]
            }
            out += entries("sharedMaterials", old.sharedMaterials, new.sharedMaterials, id: \.id, name: \.name) { m in
                [("name", m.name), ("source", m.source), ("shareable", String(m.shareable)), ("form", m.form?.rawValue),
                 ("copies", m.copies.map(String.init)), ("medium", m.medium), ("requirement", m.requirement)]
            }
            out += entries("bundles", old.bundles, new.bundles, id: \.code, name: \.name) { b in
                [("name", b.name), ("mode", b.mode.rawValue),
                 ("members", b.stages.map { $0.itemCodes.joined(separator: "、") }.joined(separator: " → ")),
                 ("leadAgency", b.leadAgencyID), ("windowCategory", b.windowCategory),
                 ("promised", b.promised?.text), ("note", b.note)]
            }
            return out
        }

        /// Registry entries matched by id, each field compared.
        func entries<T>(
            _ element: String, _ a: [T], _ b: [T], id: @escaping (T) -> String, name: (T) -> String,
            fields: (T) -> [(String, String?)]
        ) -> [Change] {
            let pairs = match(a, b, by: [id])
            var out: [Change] = []
            for i in pairs.added { out.append(Change(element: element, kind: .added, subject: name(b[i]), id: id(b[i]))) }
            for i in pairs.removed { out.append(Change(element: element, kind: .removed, subject: name(a[i]), id: id(a[i]))) }
            for (i, j) in pairs.matched {
                for (x, y) in zip(fields(a[i]), fields(b[j])) {
                    out += field(element, subject: name(b[j]), id: id(b[j]), x.0, x.1, y.1)
                }
            }
            return out
        }

        /// One field of a subject: added, removed or changed, with its values.
        func field(
            _ element: String, subject: String?, id: String?, _ field: String, _ a: String?, _ b: String?
        ) -> [Change] {
            switch (a, b) {
            case (nil, nil): return []
            case (nil, let b?):
                return [Change(element: element, kind: .added, subject: subject, id: id, field: field, new: b)]
            case (let a?, nil):
                return [Change(element: element, kind: .removed, subject: subject, id: id, field: field, old: a)]
            case (let a?, let b?):
                return a == b ? [] : [Change(
                    element: element, kind: .changed, subject: subject, id: id, field: field, old: a, new: b)]
            }
        }
    }
}

/// Pairs of indexes of `a` and `b` matched by the first key that matches, in turn: each
/// key function pairs what is still unmatched, in order of occurrence (so two materials of
/// one name pair up first with first). A key function returning nil does not match.
struct Matching {
    var matched: [(Int, Int)]
    var added: [Int]
    var removed: [Int]
}

func match<T>(_ a: [T], _ b: [T], by keys: [(T) -> String?]) -> Matching {
    var aFree = Array(a.indices), bFree = Array(b.indices)
    var pairs: [(Int, Int)] = []
    for key in keys {
        var queues: [String: [Int]] = [:]
        for i in aFree { if let k = key(a[i]) { queues[k, default: []].append(i) } }
        var usedA = Set<Int>(), stillFree: [Int] = []
        for j in bFree {
            if let k = key(b[j]), var q = queues[k], !q.isEmpty {
                let i = q.removeFirst()
                queues[k] = q
                pairs.append((i, j))
                usedA.insert(i)
            } else {
                stillFree.append(j)
            }
        }
        bFree = stillFree
        aFree.removeAll { usedA.contains($0) }
    }
    pairs.sort { $0.1 < $1.1 }
    return Matching(matched: pairs, added: bFree, removed: aFree)
}

/// Elements of `b` not in `a` (in `b`'s order) and of `a` not in `b` (in `a`'s order),
/// counting repeats.
func multisetDifference(_ a: [String], _ b: [String]) -> (added: [String], removed: [String]) {
    let m = match(a, b, by: [{ $0 }])
    return (m.added.map { b[$0] }, m.removed.map { a[$0] })
}
