import Diagnostics
import Catalog

// MARK: - Text: the change notice

extension CatalogDiff {
    /// The change notice a service centre can publish: a title, a one-line summary, then
    /// 新增事项 / 取消事项 / 变更事项 (items in 事项编码 order, one change a line) and
    /// 目录信息变更. Sections with nothing in them are left out. Plain text, not Markdown: a
    /// line is a heading when it starts at the margin, an item when indented by two spaces and
    /// a change when it starts with `- `. Catalog text never starts a line: it is always
    /// written behind the notice's own words, on one line (``VisibleText.escaped(_:)``).
    ///
    ///     《某某目录》事项变更公告
    ///     新增事项 1 项，取消事项 0 项，变更事项 1 项。
    ///
    ///     新增事项（1项）
    ///       440100-XK-00013-001 特种设备改造登记
    ///
    ///     变更事项（1项）
    ///       440100-XK-00012-001 特种设备使用登记
    ///         - 办理时限：承诺 由 10个工作日 缩短为 5个工作日（-5个工作日）
    public func text(language: ReportLanguage = .zh) -> String {
        let l = language
        let name = VisibleText.escaped(new.name)
        var out = l == .zh ? "《\(name)》事项变更公告\n" : "Change notice: \(name)\n"
        if isEmpty {
            return out + (l == .zh ? "两个版本之间没有变更。\n" : "No changes between the two versions.\n")
        }
        out += summaryLine(l) + "\n"
        func section(_ zh: String, _ en: String, _ count: Int, unit: String = "项") {
            out += "\n" + (l == .zh ? "\(zh)（\(count)\(unit)）" : "\(en) (\(count))") + "\n"
        }
        if !added.isEmpty {
            section("新增事项", "Added items", added.count)
            for item in added { out += "  \(VisibleText.escaped(item.code)) \(VisibleText.escaped(item.name))\n" }
        }
        if !removed.isEmpty {
            section("取消事项", "Removed items", removed.count)
            for item in removed { out += "  \(VisibleText.escaped(item.code)) \(VisibleText.escaped(item.name))\n" }
        }
        if !changed.isEmpty {
            section("变更事项", "Changed items", changed.count)
            for item in changed {
                out += "  \(VisibleText.escaped(item.code)) \(VisibleText.escaped(item.name))\n"
                for change in item.changes { out += "    - " + change.line(l, catalogLevel: false) + "\n" }
            }
        }
        if !catalog.isEmpty {
            section("目录信息变更", "Catalog changes", catalog.count, unit: "处")
            for change in catalog { out += "  - " + change.line(l, catalogLevel: true) + "\n" }
        }
        return out
    }

    private func summaryLine(_ l: ReportLanguage) -> String {
        let renamedCount = renamed.count
        switch l {
        case .zh:
            var s = "新增事项 \(added.count) 项，取消事项 \(removed.count) 项，变更事项 \(changed.count) 项"
            if renamedCount > 0 { s += "（其中更名 \(renamedCount) 项）" }
            if !catalog.isEmpty { s += "，目录信息变更 \(catalog.count) 处" }
            return s + "。"
        case .en:
            var s = "\(englishItems(added.count)) added, \(englishItems(removed.count)) removed, \(englishItems(changed.count)) changed"
            if renamedCount > 0 { s += " (\(renamedCount) renamed)" }
            if !catalog.isEmpty { s += ", \(catalog.count) catalog change\(catalog.count == 1 ? "" : "s")" }
            return s + "."
        }
    }
}

extension CatalogDiff.Change {
    /// The change as one line of the notice, its catalog text made ``VisibleText.escaped(_:)``.
    func line(_ l: ReportLanguage, catalogLevel: Bool) -> String {
        var shown = self
        shown.subject = subject.map { VisibleText.escaped($0) }
        shown.id = id.map { VisibleText.escaped($0) }
        shown.old = old.map { VisibleText.escaped($0) }
        shown.new = new.map { VisibleText.escaped($0) }
        return shown.words(l, catalogLevel: catalogLevel)
    }

    /// The change in the notice's words, its values as they are.
    private func words(_ l: ReportLanguage, catalogLevel: Bool) -> String {
        let isAdditional = element == "additional"
        let label = isAdditional ? (subject ?? id ?? element) : Labels.element(element, catalogLevel: catalogLevel, l)
        let shownSubject = isAdditional ? nil : subject
        let noun = Labels.noun(element, l)
        let idPart = catalogLevel ? id.map { l == .zh ? "（\($0)）" : " (\($0))" } ?? "" : ""
        let isTime = field == "statutory" || field == "promised" || field == "timeLimit" || field == "limit"
            || field == "deferralLimit"
        let isBool = field == "shareable" || field == "isTimed"

        func shown(_ v: String) -> String {
            if isTime { return TimeLimit(text: v)?.text(l) ?? v }
            if isBool { return v == "true" ? (l == .zh ? "是" : "yes") : (l == .zh ? "否" : "no") }
            return l == .zh ? "“\(v)”" : "\"\(v)\""
        }
        func quote(_ s: String) -> String { l == .zh ? "“\(s)”" : "\"\(s)\"" }
        // `申请材料“营业执照”` / `Materials "营业执照"`, for changes of a subject's fields.
        let head: String = {
            guard let s = shownSubject, field != nil || kind == .changed else { return label }
            return l == .zh ? "\(label)\(noun)\(quote(s))\(idPart)" : "\(label) \(noun)\(quote(s))\(idPart)"
        }()
        let fieldLabel = field.map { Labels.field($0, element: element, l) }

        switch (kind, fieldLabel, l) {
        // A whole subject or element added or removed.
        case (.added, nil, .zh), (.removed, nil, .zh):
            let verb = kind == .added ? "新增" : "删除"
            let value = kind == .added ? new : old
            if let s = shownSubject {
                return "\(label)：\(verb)\(noun)\(quote(s))\(idPart)" + (value.map { "（\($0)）" } ?? "")
            }
            return "\(label)：\(verb)" + (value.map(shown) ?? "")
        case (.added, nil, .en), (.removed, nil, .en):
            let verb = kind == .added ? "added" : "removed"
            let value = kind == .added ? new : old
            if let s = shownSubject {
                return "\(label): \(verb) \(noun)\(quote(s))\(idPart)" + (value.map { " (\($0))" } ?? "")
            }
            return "\(label): \(verb)" + (value.map { " " + shown($0) } ?? "")
        // A field given or taken away.
        case (.added, let f?, .zh): return "\(head)：增加\(f)" + (new.map { (isTime ? " " : "") + shown($0) } ?? "")
        case (.removed, let f?, .zh): return "\(head)：删除\(f)" + (old.map { (isTime ? " " : "") + shown($0) } ?? "")
        case (.added, let f?, .en): return "\(head): \(f)" + (new.map { " " + shown($0) } ?? "") + " added"
        case (.removed, let f?, .en): return "\(head): \(f)" + (old.map { " " + shown($0) } ?? "") + " removed"
        // A value changed.
        case (.changed, _, _):
            guard let o = old, let n = new else {
                return l == .zh ? "\(head)：\(fieldLabel ?? "内容")有变更" : "\(head): \(fieldLabel ?? "content") changed"
            }
            let f = fieldLabel.map { l == .zh ? (isTime ? "\($0) " : $0) : "\($0) " } ?? ""
            if isTime {
                let verb: String
                switch (delta?.days, l) {
                case (let d?, .zh) where d < 0: verb = "缩短为"
                case (let d?, .zh) where d > 0: verb = "延长为"
                case (_, .zh): verb = "改为"
                case (let d?, .en) where d < 0: verb = "shortened from \(shown(o)) to"
                case (let d?, .en) where d > 0: verb = "extended from \(shown(o)) to"
                case (_, .en): verb = "changed from \(shown(o)) to"
                }
                let by = delta.map { d -> String in
                    let amount = (d.days > 0 ? "+" : "") + days(d.days, workingDays: d.workingDays, l)
                    return l == .zh ? "（\(amount)）" : " (\(amount))"
                } ?? ""
                return l == .zh
                    ? "\(head)：\(f)由 \(shown(o)) \(verb) \(shown(n))\(by)"
                    : "\(head): \(f)\(verb) \(shown(n))\(by)"
            }
            // A question's 编号 is the name in a shared link: say the old links stop working.
            let links = element == ScenarioKeys.questions && field == "id"
                ? (l == .zh ? "；按旧编号分享或收藏的链接（?\(o)=…）不再有效" : "; links shared with the old id (?\(o)=…) no longer work")
                : ""
            return l == .zh
                ? "\(head)：\(f)由\(shown(o))改为\(shown(n))\(links)"
                : "\(head): \(f)changed from \(shown(o)) to \(shown(n))\(links)"
        }
    }
}

/// The words of the notice for element and field keys.
enum Labels {
    static func element(_ key: String, catalogLevel: Bool, _ l: ReportLanguage) -> String {
        let pair: (String, String)?
        if catalogLevel {
            pair = [
                "catalog": ("目录", "Catalog"), "agencies": ("实施机关", "Agency"), "windows": ("窗口", "Window"),
                "laws": ("法规", "Law"), "sharedMaterials": ("材料库", "Shared material"),
                "bundles": ("一件事", "Bundle"),
            ][key]
        } else {
            pair = items[key] ?? NationalKeys.labels[key] ?? ScenarioKeys.labels[key]
        }
        guard let pair else { return key }
        return l == .zh ? pair.0 : pair.1
    }

    static let items: [String: (String, String)] = [
        ElementKey.name: ("事项名称", "Name"), ElementKey.type: ("事项类型", "Type"),
        ElementKey.serviceObjects: ("服务对象", "Service objects"), ElementKey.agency: ("实施机关", "Agency"),
        ElementKey.scope: ("受理范围", "Scope"), ElementKey.windows: ("受理地点", "Windows"),
        ElementKey.handlingForms: ("办理形式", "Handling forms"), ElementKey.legalBasis: ("办理依据", "Legal basis"),
        ElementKey.caseType: ("办件类型", "Case type"), ElementKey.conditions: ("审批条件", "Conditions"),
        ElementKey.materials: ("申请材料", "Materials"), ElementKey.timeLimits: ("办理时限", "Time limits"),
        ElementKey.fees: ("审批收费", "Fees"), ElementKey.rightsAndObligations: ("申请人权利和义务", "Rights and obligations"),
        ElementKey.consultation: ("咨询", "Consultation"), ElementKey.flow: ("办理流程", "Flow"),
        ElementKey.remedies: ("法律救济", "Legal remedies"), ElementKey.certificate: ("审批证件", "Certificate"),
        ElementKey.staff: ("审批人员", "Staff"), ElementKey.progressQuery: ("审批进程查询", "Progress query"),
        ElementKey.supervision: ("监督检查", "Supervision"),
    ]

    /// What a subject of the element is called: `环节“受理”`, `step "受理"`.
    static func noun(_ element: String, _ l: ReportLanguage) -> String {
        element == ElementKey.flow ? (l == .zh ? "环节" : "step ") : ""
    }

    static func field(_ key: String, element: String, _ l: ReportLanguage) -> String {
        let special: (String, String)? = switch (element, key) {
        case ("catalog", "name"): ("目录名称", "name")
        case ("fees", "standard"): ("收费标准", "standard")
        case ("fees", "basis"): ("收费依据", "basis")
        case ("flow", "note"): ("说明", "note")
        default: nil
        }
        let pair = special ?? fields[key] ?? NationalKeys.fields[key] ?? ScenarioKeys.fields[key] ?? (key, key)
        return l == .zh ? pair.0 : pair.1
    }

    static let fields: [String: (String, String)] = [
        "name": ("名称", "name"), "form": ("形式", "form"), "copies": ("份数", "copies"), "medium": ("介质", "medium"),
        "source": ("来源", "source"), "necessity": ("必要性", "necessity"), "requirement": ("要求", "requirement"),
        "condition": ("条件", "condition"), "reviewPoints": ("审查要点", "review points"),
        "shareable": ("可共享", "shareable"), "statutory": ("法定", "statutory"), "promised": ("承诺", "promised"),
        "role": ("岗位", "role"), "timeLimit": ("时限", "time limit"), "isTimed": ("计时", "timed"),
        "transitions": ("下一步", "next steps"), "outcome": ("结束", "outcome"), "text": ("内容", "text"),
        "region": ("行政区划", "region"), "standards": ("标准", "standards"),
        "mode": ("办理方式", "mode"), "members": ("成员事项", "members"), "leadAgency": ("牵头部门", "lead agency"),
        "windowCategory": ("窗口类别", "window category"),
        "internalControlLine": ("内控线", "internal control line"), "timeLimitNote": ("时限说明", "time limit note"), "creditCode": ("统一社会信用代码", "credit code"),
        "address": ("地址", "address"), "phone": ("电话", "phone"), "website": ("网址", "website"),
        "category": ("类别", "category"), "location": ("地点", "location"), "hours": ("办公时间", "hours"),
        "level": ("层级", "level"), "documentNumber": ("文号", "document number"),
        "effectiveDate": ("施行日期", "effective date"), "url": ("网址", "URL"), "email": ("邮箱", "email"),
        "reconsideration": ("行政复议", "administrative reconsideration"),
        "litigation": ("行政诉讼", "administrative litigation"), "validity": ("有效期", "validity"),
        "sample": ("样本", "sample"), "duties": ("职责", "duties"), "qualification": ("资格", "qualification"),
    ]
}

// MARK: - JSON

extension CatalogDiff {
    /// The comparison for machines. The shape (version 1), keys always in this order; a key
    /// marked `?` is left out when it has no value:
    ///
    ///     {
    ///       "version": 1,
    ///       "old": {"name": String, "region": String, "items": Int},
    ///       "new": {"name": String, "region": String, "items": Int},
    ///       "summary": {"added": Int, "removed": Int, "changed": Int, "renamed": Int, "catalog": Int},
    ///       "added":   [{"code": String, "name": String}],          // 事项编码 order
    ///       "removed": [{"code": String, "name": String}],
    ///       "changed": [{"code": String, "name": String, "oldName"?: String, "changes": [Change]}],
    ///       "catalog": [Change]
    ///     }
    ///
    /// where a Change is
    ///
    ///     {"element": String, "change": "added"|"removed"|"changed", "subject"?: String,
    ///      "id"?: String, "field"?: String, "old"?: String, "new"?: String,
    ///      "delta"?: {"days": Int, "unit": "workingDays"|"calendarDays"}}
    ///
    /// (see ``Change`` for what each key holds). Values are catalog text as written: time
    /// limits as `10个工作日`, `30日`, `即办`; booleans as `"true"`/`"false"`. Two-space
    /// indentation, one trailing newline.
    public func json() -> String {
        func side(_ s: CatalogSummary) -> JSON {
            .object([("name", .string(s.name)), ("region", .string(s.region)), ("items", .int(s.itemCount))])
        }
        func item(_ i: ItemSummary) -> JSON { .object([("code", .string(i.code)), ("name", .string(i.name))]) }
        let doc = JSON.object([
            ("version", .int(1)),
            ("old", side(old)),
            ("new", side(new)),
            ("summary", .object([
                ("added", .int(added.count)), ("removed", .int(removed.count)), ("changed", .int(changed.count)),
                ("renamed", .int(renamed.count)), ("catalog", .int(catalog.count)),
            ])),
            ("added", .array(added.map(item))),
            ("removed", .array(removed.map(item))),
            ("changed", .array(changed.map { c in
                .object(omittingNil: [
                    ("code", .string(c.code)), ("name", .string(c.name)), ("oldName", c.oldName.map(JSON.string)),
                    ("changes", .array(c.changes.map(\.json))),
                ])
            })),
            ("catalog", .array(catalog.map(\.json))),
        ])
        return doc.rendered()
    }
}

extension CatalogDiff.Change {
    var json: JSON {
        .object(omittingNil: [
            ("element", .string(element)), ("change", .string(kind.rawValue)),
            ("subject", subject.map(JSON.string)), ("id", id.map(JSON.string)), ("field", field.map(JSON.string)),
            ("old", old.map(JSON.string)), ("new", new.map(JSON.string)),
            ("delta", delta.map { d in
                .object([("days", .int(d.days)), ("unit", .string(d.workingDays ? "workingDays" : "calendarDays"))])
            }),
        ])
    }
}
