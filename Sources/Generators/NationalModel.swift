import Catalog

/// The values of the national 实施清单 elements (GB/T 39554.2-2020). Every one is nil or
/// empty when the item does not carry the element, so pages of catalogs that do not follow the
/// profile are what they were.
extension ViewBuilder {
    /// The profile that defines the national elements.
    static let nationalProfile = "GB/T 39554.2-2020"

    /// Whether the catalog names the national profile.
    var followsNationalProfile: Bool { catalog.standards.contains(Self.nationalProfile) }

    /// Whether `item` carries any national element (the guide then opens with 办理须知).
    func carriesNational(_ item: Item) -> Bool {
        let t = item.timeLimits
        return !item.national.isEmpty || item.result != nil || t?.noStatutoryLimit == true
            || t?.statutoryNote != nil || t?.promisedNote != nil
    }

    // MARK: Words

    /// 到现场次数 in words: 0次, 1次, 2次, 多次.
    static func visitsText(_ n: Int) -> String { n >= 3 ? "多次" : "\(n)次" }

    /// The badge of 到现场次数: 零跑动 (0), 最多跑一次 (1), none beyond.
    static func visitsBadge(_ n: Int) -> String? {
        switch n {
        case 0: "零跑动"
        case 1: "最多跑一次"
        default: nil
        }
    }

    /// What the deepest 网上办理深度 lets the applicant do.
    static func onlineWords(_ depths: [String]) -> String? {
        let ladder: [(String, String)] = [
            ("互联网办理", "可网上办理"), ("互联网受理", "可网上申请并受理"), ("互联网预审", "可网上预审"),
            ("互联网收件", "可网上提交材料"), ("互联网咨询", "可网上咨询"),
        ]
        return ladder.first { depths.contains($0.0) }?.1 ?? (depths.isEmpty ? nil : depths.joined(separator: "、"))
    }

    /// Why an applicant hands nothing in, for the checklist's 说明.
    static func exemptNote(_ reason: ExemptionReason?) -> String {
        switch reason {
        case .electronicLicence?: "由窗口调取电子证照，申请人无需提交。"
        case .commitment?: "以告知承诺书代替，申请人无需提交。"
        case .dataSharing?, nil: "由窗口通过数据共享调取，申请人无需提交。"
        }
    }

    /// The relative link to a file of the catalog published at `attachments/<path>`, or nil
    /// for a path that is not plainly inside the catalog (the binder refuses those).
    static func attachmentLink(_ path: String, text: String, root: String = "../../") -> LinkView? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"),
            !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else { return nil }
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                encoded += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return LinkView(text: text, sitePath: root + Attachments.sitePath(encoded))
    }

    /// A phone number as a `tel:` link when it is only digits and separators; else text.
    static func phoneLink(_ phone: String) -> LinkView {
        let allowed = Set("0123456789+-() ")
        let digits = phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
        guard !digits.isEmpty, phone.allSatisfy({ allowed.contains($0) }) else {
            return LinkView(text: phone, url: nil)
        }
        return LinkView(text: phone, sitePath: "tel:" + digits)
    }

    /// A value with its national code, e.g. 县级（4）, when the profiles give one.
    func coded(_ value: String, in set: String) -> String {
        catalog.nationalCode(of: value, in: set).map { "\(value)（\($0)）" } ?? value
    }

    func agencyName(_ id: String) -> String { agencies[id]?.name ?? id }

    // MARK: Pieces

    /// 办理须知: the summary at the top of the guide, or nil for an item without national elements.
    func notice(_ item: Item) -> ListView<FactRow>? {
        guard carriesNational(item) else { return nil }
        let n = item.national, words = ScenarioWords(item: item)
        var rows: [FactRow] = []
        if let row = visitsRow(item, words: words, note: n.onSiteReason.map { "必须现场办理的原因：\($0)" }) { rows.append(row) }
        if let words = Self.onlineWords(n.onlineDepth) {
            rows.append(FactRow(
                factLabel: "网上办理", factValue: words,
                factLink: n.onlineURL.map { LinkView(text: $0, url: $0) },
                factNote: n.onlineDepth.isEmpty ? nil : "网上办理深度：" + n.onlineDepth.joined(separator: "、")))
        }
        if let area = n.handlingArea {
            rows.append(FactRow(factLabel: "通办范围", factValue: area))
        }
        if let t = item.timeLimits {
            if t.noStatutoryLimit {
                rows.append(FactRow(factLabel: "法定办结时限", factValue: "法律法规未规定", factNote: t.statutoryNote))
            } else if let s = t.statutory {
                rows.append(FactRow(
                    factLabel: "法定办结时限", factValue: s.text, factNote: t.statutoryNote, factVariants: words.statutoryLimits))
            }
            if let p = t.promised {
                rows.append(FactRow(
                    factLabel: "承诺办结时限", factValue: p.text,
                    factBadge: timeLimits(item)?.compression, factNote: t.promisedNote, factVariants: words.promisedLimits))
            }
        }
        if item.fees != nil {
            rows.append(FactRow(factLabel: "收费", factValue: Self.feeText(item.fees), factLines: words.feeLines))
        }
        return ListView(rows)
    }

    /// 到现场次数, the item's own and by scenario; nil when neither is written.
    /// `note` (必须现场办理原因) goes under each value of 1 or more only: never beside a
    /// scenario that need not come.
    func visitsRow(_ item: Item, words: ScenarioWords, note: String?) -> FactRow? {
        let own = item.national.onSiteVisits, variants = words.onSiteVisits(reason: note)
        guard own != nil || variants != nil else { return nil }
        return FactRow(
            factLabel: "到现场次数", factValue: own.map(Self.visitsText) ?? "—", factBadge: own.flatMap(Self.visitsBadge),
            factNote: variants == nil || (own ?? 0) >= 1 ? note : nil, factVariants: variants)
    }

    func specialProcedures(_ item: Item) -> ListView<SpecialProcedureView>? {
        ListView(
            item.national.specialProcedures.map { p in
                let law = p.basis.map { laws[$0.lawID] }
                return SpecialProcedureView(
                    procKind: p.kind, procLimit: p.limit?.text,
                    procBasis: p.basis.map { b in LinkView(text: law??.name ?? b.lawID, url: law??.url) },
                    procArticle: p.basis?.article, procNote: p.note)
            })
    }

    func result(_ item: Item) -> ResultView? {
        guard let r = item.result else { return nil }
        return ResultView(
            resultType: r.type, resultName: r.name, resultValidity: r.validity,
            resultSample: r.sample.flatMap {
                Self.attachmentLink($0, text: String($0.split(separator: "/").last ?? Substring($0)))
            },
            delivery: joined(r.delivery))
    }

    func complaint(_ item: Item) -> ComplaintView? {
        guard let c = item.national.complaint,
            c.phone != nil || c.website != nil || c.address != nil || c.email != nil
        else { return nil }
        return ComplaintView(
            complaintPhone: c.phone.map(Self.phoneLink),
            complaintWebsite: c.website.map { LinkView(text: $0, url: $0) }, complaintAddress: c.address,
            complaintEmail: c.email)
    }

    func faqs(_ item: Item) -> ListView<FAQView>? {
        ListView(item.national.faqs.compactMap { f in Prose(f.answer).map { FAQView(question: f.question, answer: $0) } })
    }

    func nationalSections(_ item: Item) -> NationalSections {
        NationalSections(
            specialProcedures: specialProcedures(item), result: result(item), complaint: complaint(item),
            faqs: faqs(item), quantityLimit: item.national.quantityLimit, versionText: versionText(item))
    }

    /// 版本 and 生效日期 / 废止日期 in one line.
    func versionText(_ item: Item) -> String? {
        let n = item.national
        var parts: [String] = []
        if let v = n.version { parts.append("第\(v)版") }
        if let d = n.effectiveDate { parts.append("生效日期 \(d)") }
        if let d = n.repealDate { parts.append("废止日期 \(d)") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The checklist's lines on 到现场次数 and 告知承诺.
    func checklistFacts(_ item: Item) -> ListView<FactRow>? {
        let n = item.national
        var rows: [FactRow] = []
        if let row = visitsRow(item, words: ScenarioWords(item: item), note: n.onSiteReason) { rows.append(row) }
        if let c = n.commitment {
            rows.append(FactRow(
                factLabel: "告知承诺", factValue: commitmentText(c), factNote: c.verification.map { "核查：\($0)" }))
        }
        return ListView(rows)
    }

    func commitmentText(_ c: NotificationCommitment) -> String {
        c.replacedMaterials.isEmpty
            ? "申请人签署《\(c.pledgeMaterial)》"
            : "申请人签署《\(c.pledgeMaterial)》，代替\(c.replacedMaterials.joined(separator: "、"))，免于提交"
    }

    /// The manual's 实施清单要素: every national element, with national codes.
    func nationalFacts(_ item: Item) -> ListView<FactRow>? {
        guard carriesNational(item) else { return nil }
        let n = item.national
        var rows: [FactRow] = []
        func add(_ label: String, _ value: String?, note: String? = nil, badge: String? = nil, link: LinkView? = nil) {
            if let value { rows.append(FactRow(factLabel: label, factValue: value, factBadge: badge, factLink: link, factNote: note)) }
        }
        add("基本编码", n.basicCode)
        add("实施编码", n.implementationCode)
        for h in n.handlingItems { add("业务办理项", h.name, note: h.code) }
        add("行使层级", n.exerciseLevel.map { coded($0, in: "行使层级") })
        add("实施主体性质", n.implementerNature.map { coded($0, in: "实施主体性质") })
        add("权力来源", n.powerSource.map { coded($0, in: "权力来源") })
        add("委托部门", n.entrustingAgencyID.map(agencyName))
        add("联办机构", joined(n.jointAgencyIDs.map(agencyName)))
        if let row = visitsRow(item, words: ScenarioWords(item: item), note: n.onSiteReason.map { "必须现场办理原因：\($0)" }) {
            rows.append(row)
        }
        add("网上办理深度", joined(n.onlineDepth.map { coded($0, in: "网上办理深度") }))
        add("网办地址", n.onlineURL, link: n.onlineURL.map { LinkView(text: $0, url: $0) })
        add("通办范围", n.handlingArea.map { coded($0, in: "通办范围") })
        add("审批结果类型", item.result.map { coded($0.type, in: "审批结果类型") })
        add("告知承诺", n.commitment.map(commitmentText), note: n.commitment?.verification.map { "核查：\($0)" })
        add("数量限制", n.quantityLimit)
        add("版本", n.version.map { "第\($0)版" })
        add("生效日期", n.effectiveDate)
        add("废止日期", n.repealDate)
        return ListView(rows)
    }

    /// The lines a material's row adds under the national elements: 核验原件, 容缺后补期限,
    /// what a 告知承诺书 replaces, why it is 免提交, 填报须知.
    func materialNotes(_ m: MaterialRequirement, in item: Item) -> [String] {
        var notes: [String] = []
        if let e = m.exemption, e != .dataSharing || followsNationalProfile { notes.append("免提交（\(e.rawValue)）") }
        if m.verifyOriginal { notes.append("核验原件：窗口核验后当场退回。") }
        if let d = m.deferralLimit { notes.append("容缺后补期限：受理后\(d.text)内补交。") }
        if let c = item.national.commitment, c.pledgeMaterial == m.name || c.pledgeMaterial == m.libraryID,
            !c.replacedMaterials.isEmpty
        {
            notes.append("告知承诺书：代替\(c.replacedMaterials.joined(separator: "、"))。")
        }
        if let f = m.fillingNotes { notes.append("填报须知：\(f)") }
        return notes
    }

    /// Links to a material's 空表 and 样表.
    func formLinks(_ m: MaterialRequirement) -> [LinkView] {
        [m.blankForm.flatMap { Self.attachmentLink($0, text: "空表") },
         m.sampleForm.flatMap { Self.attachmentLink($0, text: "样表") }].compactMap { $0 }
    }

    /// The lead of 要件资料 on what 免提交 means, in the words of the reasons present.
    static func exemptLead(_ reasons: [ExemptionReason]) -> String {
        if reasons.allSatisfy({ $0 == .dataSharing }) { return "标注“免提交”的材料由窗口通过数据共享调取，无需提交。" }
        return "标注“免提交”的材料无需提交（由窗口通过数据共享或电子证照调取，或以告知承诺书代替）。"
    }
}
