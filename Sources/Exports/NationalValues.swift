import Catalog

/// The cells of one item in the national tables, column by column (see
/// ``NationalTables/basicColumns`` and the others for the order). Coded values are looked up in
/// ``Catalog/codeSets`` under the profiles' set names.
struct ItemValues {
    let catalog: Catalog
    let item: Item
    let agencies: [String: Agency]
    let windows: [String: ServiceWindow]
    let laws: [String: Law]

    typealias Cell = NationalTables.Cell

    private var national: NationalElements { item.national }
    private var agency: Agency? { agencies[item.agencyID] }
    private var itemWindows: [ServiceWindow] { item.windowIDs.compactMap { windows[$0] } }

    /// The national code of `value` in code set `set`.
    private func code(_ value: String?, _ set: String) -> Cell {
        guard let value else { return .absent }
        return catalog.nationalCode(of: value, in: set).map(Cell.text) ?? .uncoded(value: value, set: set)
    }

    /// The national codes of `values`, a comma list.
    private func codes(_ values: [String], _ set: String) -> Cell {
        var out: [String] = []
        for v in values {
            guard let c = catalog.nationalCode(of: v, in: set) else { return .uncoded(value: v, set: set) }
            out.append(c)
        }
        return out.isEmpty ? .absent : .text(out.joined(separator: ","))
    }

    private func flag(_ b: Bool) -> Cell { .text(b ? "1" : "0") }

    /// Lines joined with LF, absent when none.
    private func lines(_ values: [String]) -> Cell { cell(values.filter { !$0.isEmpty }.joined(separator: "\n")) }

    /// `标签：值；…` of the parts that are set.
    private func labelled(_ parts: [(String, String?)]) -> Cell {
        cell(parts.compactMap { label, v in v.flatMap { $0.isEmpty ? nil : "\(label)：\($0)" } }.joined(separator: "；"))
    }

    /// Day count, unit (时限单位: 1 工作日, 2 自然日) of a limit.
    private func day(_ t: TimeLimit?) -> (Cell, Cell) {
        switch t {
        case nil: (.absent, .absent)
        case .immediate?: (.text("0"), .text("1"))
        case .workingDays(let n)?: (.text(String(n)), .text("1"))
        case .calendarDays(let n)?: (.text(String(n)), .text("2"))
        }
    }

    /// `《名称》（文号）条款：内容` of one 办理依据.
    private func basis(_ b: LegalBasis) -> String {
        guard let law = laws[b.lawID] else { return b.text ?? "" }
        var s = "《\(law.name)》" + (law.documentNumber.map { "（\($0)）" } ?? "") + (b.article ?? "")
        if let text = b.text { s += "：" + text }
        return s
    }

    /// The fees charged (none when free or not stated).
    var fees: [Fee] {
        if case .charged(let fees)? = item.fees { return fees }
        return []
    }

    var basic: [Cell] {
        let limits = item.timeLimits
        let (aDay, aType) = day(limits?.statutory)
        let (pDay, pType) = day(limits?.promised)
        let addresses = itemWindows.map { w in w.location.map { "\(w.name)（\($0)）" } ?? w.name }
        var hours: [String] = []
        for h in itemWindows.compactMap(\.hours) where !hours.contains(h) { hours.append(h) }
        let consult = item.consultation
        let complaint = national.complaint
        return [
            cell(item.name),
            code(item.type, "事项类型"),
            cell(national.basicCode),
            cell(national.implementationCode),
            cell(national.handlingItems.map(\.code).joined(separator: ",")),
            cell(national.version.map(String.init)),
            .text("1"),
            cell(national.effectiveDate),
            cell(national.repealDate),
            cell(agency?.name),
            cell(agency?.creditCode),
            code(national.implementerNature, "实施主体性质"),
            cell(national.entrustingAgencyID.map { agencies[$0]?.name ?? $0 }),
            code(national.exerciseLevel, "行使层级"),
            code(national.powerSource, "权力来源"),
            codes(item.serviceObjects, "服务对象"),
            code(item.caseType?.rawValue, "办件类型"),
            codes(item.handlingForms, "办理形式"),
            cell(national.onSiteVisits.map(String.init)),
            limits?.noStatutoryLimit == true ? .absent : aDay,
            limits?.noStatutoryLimit == true ? .absent : aType,
            cell(limits?.statutoryNote),
            pDay, pType,
            cell(limits?.promisedNote),
            lines(item.conditions.enumerated().map { "\($0 + 1). \($1)" }),
            lines(item.legalBasis.map(basis)),
            lines(item.flow.enumerated().map { i, s in
                let detail = [s.role, s.timeLimit?.text].compactMap { $0 }.joined(separator: "，")
                return "\(i + 1). \(s.name)" + (detail.isEmpty ? "" : "（\(detail)）")
            }),
            lines(national.specialProcedures.map { p in
                var s = p.kind + (p.limit.map { "（\($0.text)）" } ?? "")
                if let note = p.note { s += "：" + note + (note.hasSuffix("。") ? "" : "。") } else if p.basis != nil { s += "。" }
                if let b = p.basis { s += "依据：" + basis(b) }
                return s
            }),
            item.fees.map { flag($0 != .free) } ?? .absent,
            lines(fees.compactMap(\.basis).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }),
            cell(addresses.joined(separator: "；")),
            cell(hours.joined(separator: "；")),
            labelled([("电话", consult?.phone), ("地址", consult?.address), ("网址", consult?.website), ("邮箱", consult?.email)]),
            labelled([("电话", complaint?.phone), ("网址", complaint?.website), ("地址", complaint?.address), ("邮箱", complaint?.email)]),
        ]
    }

    /// Without the leading task_code.
    var extend: [Cell] {
        let result = item.result
        let expressForms = ["快递", "快递申请"]
        let express = item.handlingForms.contains(where: expressForms.contains) || result?.delivery.contains("邮寄送达") == true
        let online = OnlineDepth.reaches(national.onlineDepth, OnlineDepth.submission)
        return [
            flag(online),
            codes(national.onlineDepth, "网上办理深度"),
            cell(national.onlineURL),
            cell(national.onSiteReason),
            cell(national.jointAgencyIDs.map { agencies[$0]?.name ?? $0 }.joined(separator: ",")),
            .absent,
            result.map { code($0.type, "审批结果类型") } ?? (item.certificate != nil ? code("证照", "审批结果类型") : .absent),
            cell(result?.name ?? item.certificate?.name),
            cell(result?.sample.map(Attachments.sitePath) ?? item.certificate?.sample),
            cell(national.quantityLimit),
            national.handlingArea.map { catalog.nationalCode(of: $0, in: "通办范围") ?? $0 }.map(Cell.text) ?? .absent,
            flag(!item.windowIDs.isEmpty),
            flag(express),
            flag(false),
            .absent,
        ]
    }

    /// One material's cells, without the leading task_code.
    func material(_ m: MaterialRequirement, order: Int) -> [Cell] {
        let paper = m.originalCopies != nil || m.photocopies != nil ? (m.originalCopies ?? 0) + (m.photocopies ?? 0) : m.copies
        return [
            cell(m.name),
            code(m.form?.rawValue, "材料形式"),
            code(m.medium, "材料介质"),
            code(m.necessity.rawValue, "必要性"),
            code(m.source, "材料来源"),
            cell(m.exemption.map { "免提交：\($0.rawValue)" }),
            cell(paper.map(String.init)),
            cell(m.blankForm.map(Attachments.sitePath)),
            cell(m.sampleForm.map(Attachments.sitePath)),
            cell(m.fillingNotes),
            cell(m.requirement),
            .absent,
            .text(String(order)),
        ]
    }

    /// 实施编码 that is not 统一社会信用代码 + 行使层级 code + 基本编码, when all are known.
    var codeMismatch: (zh: String, en: String)? {
        guard let task = national.implementationCode, let basic = national.basicCode, let credit = agency?.creditCode,
              let level = national.exerciseLevel.flatMap({ catalog.nationalCode(of: $0, in: "行使层级") }),
              task != credit + level + basic
        else { return nil }
        return (
            "实施编码 \(task) 不等于实施机关的统一社会信用代码 \(credit) + 行使层级代码 \(level) + 基本编码 \(basic)",
            "实施编码 \(task) is not the agency's 统一社会信用代码 \(credit) + the 行使层级 code \(level) + 基本编码 \(basic)")
    }
}
