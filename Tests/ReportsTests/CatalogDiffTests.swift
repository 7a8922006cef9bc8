import Catalog
import Reports
import TestSupport
import Testing

/// The change lines of the notice (`- …`), item and catalog changes alike, without indentation.
private func lines(_ old: Catalog, _ new: Catalog, internal includeInternal: Bool = false, _ language: ReportLanguage = .zh) -> [String] {
    let diff = includeInternal ? CatalogDiff.compare(old, new) : CatalogDiff.compare(old.publicView(), new.publicView())
    var out: [String] = []
    for line in diff.text(language: language).split(separator: "\n") {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("- ") { out.append(String(trimmed.dropFirst(2))) }
    }
    return out
}

/// One change of each kind, with the line the notice prints for it.
@Suite struct CatalogDiffTests {
    let base = Sample.catalog()

    // MARK: Bundles

    @Test func bundlesAddedRemovedAndChanged() {
        func bundle(_ code: String, _ name: String, promised: Int, members: [String]) -> ServiceBundle {
            ServiceBundle(code: code, name: name, mode: .parallel, stages: [BundleStage(itemCodes: members)],
                          leadAgencyID: "a", windowCategory: "综合", promised: .workingDays(promised))
        }
        var old = base, new = base
        old.bundles = [bundle("Y1", "退休一件事", promised: 10, members: ["A", "B"]), bundle("Y2", "开店一件事", promised: 5, members: ["A", "C"])]
        new.bundles = [bundle("Y1", "退休一件事", promised: 8, members: ["A", "B", "C"]), bundle("Y3", "出生一件事", promised: 3, members: ["B", "C"])]
        #expect(lines(old, new) == [
            "一件事：新增“出生一件事”（Y3）",
            "一件事：删除“开店一件事”（Y2）",
            "一件事“退休一件事”（Y1）：成员事项由“A、B”改为“A、B、C”",
            "一件事“退休一件事”（Y1）：承诺 由 10个工作日 改为 8个工作日",
        ])
    }

    // MARK: Items

    @Test func noChange() {
        let diff = CatalogDiff.compare(base, base)
        #expect(diff.isEmpty)
        #expect(diff.text() == "《测试目录》事项变更公告\n两个版本之间没有变更。\n")
        #expect(diff.text(language: .en) == "Change notice: 测试目录\nNo changes between the two versions.\n")
    }

    @Test func addedRemovedAndRenamedItemsInCodeOrder() {
        let old = Sample.catalog(items: [
            Sample.item(code: "440100-XK-00003-001", name: "乙事项"),
            Sample.item(code: "440100-XK-00001-001", name: "甲事项"),
        ])
        // Listed out of order on purpose: output follows 事项编码.
        let new = Sample.catalog(items: [
            Sample.item(code: "440100-XK-00004-001", name: "丁事项"),
            Sample.item(code: "440100-XK-00002-001", name: "丙事项"),
            Sample.item(code: "440100-XK-00003-001", name: "乙事项（更名）"),
        ])
        let diff = CatalogDiff.compare(old, new)
        #expect(diff.added.map(\.code) == ["440100-XK-00002-001", "440100-XK-00004-001"])
        #expect(diff.removed.map(\.code) == ["440100-XK-00001-001"])
        #expect(diff.renamed.map(\.oldName) == ["乙事项"])
        #expect(diff.text() == """
            《测试目录》事项变更公告
            新增事项 2 项，取消事项 1 项，变更事项 1 项（其中更名 1 项）。

            新增事项（2项）
              440100-XK-00002-001 丙事项
              440100-XK-00004-001 丁事项

            取消事项（1项）
              440100-XK-00001-001 甲事项

            变更事项（1项）
              440100-XK-00003-001 乙事项（更名）
                - 事项名称：由“乙事项”改为“乙事项（更名）”

            """)
        #expect(diff.text(language: .en) == """
            Change notice: 测试目录
            2 items added, 1 item removed, 1 item changed (1 renamed).

            Added items (2)
              440100-XK-00002-001 丙事项
              440100-XK-00004-001 丁事项

            Removed items (1)
              440100-XK-00001-001 甲事项

            Changed items (1)
              440100-XK-00003-001 乙事项（更名）
                - Name: changed from "乙事项" to "乙事项（更名）"

            """)
    }

    @Test func materialAddedRemovedAndChangedFieldByField() {
        let new = base.editingItem { item in
            item.materials[0].form = .originalAndCopy      // 形式
            item.materials[0].copies = 1                   // 份数
            item.materials[0].necessity = .deferrable      // 必要性
            item.materials[0].condition = "首次申请的"      // 条件, added
            item.materials.remove(at: 1)                   // 营业执照 removed
            item.materials.append(MaterialRequirement(name: "授权委托书", condition: "委托他人办理的"))
        }
        #expect(lines(base, new) == [
            "申请材料：新增“授权委托书”",
            "申请材料：删除“营业执照”",
            "申请材料“特种设备使用登记表”：形式由“原件”改为“原件和复印件”",
            "申请材料“特种设备使用登记表”：份数由“2”改为“1”",
            "申请材料“特种设备使用登记表”：必要性由“必要”改为“容缺后补”",
            "申请材料“特种设备使用登记表”：增加条件“首次申请的”",
        ])
        #expect(lines(base, new, .en) == [
            "Materials: added \"授权委托书\"",
            "Materials: removed \"营业执照\"",
            "Materials \"特种设备使用登记表\": form changed from \"原件\" to \"原件和复印件\"",
            "Materials \"特种设备使用登记表\": copies changed from \"2\" to \"1\"",
            "Materials \"特种设备使用登记表\": necessity changed from \"必要\" to \"容缺后补\"",
            "Materials \"特种设备使用登记表\": condition \"首次申请的\" added",
        ])
    }

    @Test func materialsMatchByLibraryIDThenByName() {
        let new = base.editingItem { item in
            item.materials[1].name = "营业执照（副本）"   // same 材料库 id: a change of name, not add + remove
            item.materials[1].shareable = false
            item.materials[0].libraryID = "djb"          // same name: matched by name
            item.materials.swapAt(0, 1)                  // order alone is no change
        }
        #expect(lines(base, new) == [
            "申请材料“营业执照（副本）”：名称由“营业执照”改为“营业执照（副本）”",
            "申请材料“营业执照（副本）”：可共享由是改为否",
        ])
    }

    @Test func timeLimitsWithHowMuch() {
        let shorter = base.editingItem { $0.timeLimits?.promised = .workingDays(5) }
        #expect(lines(base, shorter) == ["办理时限：承诺 由 10个工作日 缩短为 5个工作日（-5个工作日）"])
        #expect(lines(base, shorter, .en) == [
            "Time limits: promised shortened from 10 working days to 5 working days (-5 working days)",
        ])

        let longer = base.editingItem { $0.timeLimits?.statutory = .workingDays(45) }
        #expect(lines(base, longer) == ["办理时限：法定 由 30个工作日 延长为 45个工作日（+15个工作日）"])

        // Working days against calendar days cannot be subtracted: no amount.
        let unit = base.editingItem { $0.timeLimits?.promised = .calendarDays(14) }
        #expect(lines(base, unit) == ["办理时限：承诺 由 10个工作日 改为 14日"])

        let immediate = base.editingItem { $0.timeLimits?.promised = .immediate }
        #expect(lines(base, immediate) == ["办理时限：承诺 由 10个工作日 缩短为 即办（-10个工作日）"])

        let removed = base.editingItem { $0.timeLimits?.promised = nil }
        #expect(lines(base, removed) == ["办理时限：删除承诺 10个工作日"])

        let delta = CatalogDiff.compare(base, shorter).changed[0].changes[0].delta
        #expect(delta == CatalogDiff.TimeDelta(days: -5, workingDays: true))
    }

    @Test func fees() {
        let charged = base.editingItem { $0.fees = .charged([Fee(name: "工本费", standard: "每证10元", basis: "某价〔2020〕1号")]) }
        #expect(lines(base, charged) == ["审批收费：由“不收费”改为“工本费：每证10元”"])

        let dearer = charged.editingItem { $0.fees = .charged([Fee(name: "工本费", standard: "每证20元", basis: "某价〔2020〕1号"), Fee(name: "检验费", standard: "按次")]) }
        #expect(lines(charged, dearer) == [
            "审批收费：新增“检验费”（按次）",
            "审批收费“工本费”：收费标准由“每证10元”改为“每证20元”",
        ])
    }

    @Test func flowSteps() {
        let new = base.editingItem { item in
            item.flow[1].timeLimit = .workingDays(3)
            item.flow[1].role = "审查岗"
            item.flow[1].transitions = [Transition(target: "决定")]
            item.flow.insert(FlowStep(name: "决定", role: "决定人员", timeLimit: .workingDays(1), transitions: [Transition(target: "送达")]), at: 2)
            item.flow[0].isTimed = false
        }
        #expect(lines(base, new) == [
            "办理流程：新增环节“决定”",
            "办理流程环节“受理”：计时由是改为否",
            "办理流程环节“审查”：岗位由“审查人员”改为“审查岗”",
            "办理流程环节“审查”：时限 由 5个工作日 缩短为 3个工作日（-2个工作日）",
            "办理流程环节“审查”：下一步由“送达”改为“决定”",
        ])
        let fewer = base.editingItem { $0.flow.remove(at: 1) }
        #expect(lines(base, fewer).first == "办理流程：删除环节“审查”")
        #expect(lines(base, new, .en)[3] == "Flow step \"审查\": time limit shortened from 5 working days to 3 working days (-2 working days)")
    }

    @Test func conditionsWindowsAgencyAndText() {
        let new = base.editingItem { item in
            item.conditions = ["设备已经监督检验合格。", "已明确安全管理人员。"]
            item.windowIDs = ["zh-1"]
            item.agencyID = "zjj"
            item.scope = "在本市使用特种设备的单位和个人。"
            item.caseType = .joint
            item.legalBasis[0].text = "应当在投入使用前办理使用登记。"
            item.serviceObjects.append("自然人")
            item.certificate = nil
        }
        #expect(lines(base, new) == [
            "服务对象：新增“自然人”",
            "实施机关：由“某某市市场监督管理局”改为“某某市住房和建设局”",
            "受理范围：由“在本市使用特种设备的单位。”改为“在本市使用特种设备的单位和个人。”",
            "受理地点：新增“综合受理窗口”",
            "受理地点：删除“经营类综合受理窗口”",
            "办理依据“《中华人民共和国特种设备安全法》第三十三条”：内容由“应当办理使用登记。”改为“应当在投入使用前办理使用登记。”",
            "办件类型：由“承诺件”改为“联办件”",
            "审批条件：新增“已明确安全管理人员。”",
            "审批证件：删除名称“使用登记证”",
        ])
    }

    @Test func internalElementsStayOutOfThePublicNotice() {
        let new = base.editingItem { item in
            item.materials[0].reviewPoints = "设备代码与监督检验证书一致。"
            item.supervision = "每月抽查。"
            item.staff.append(StaffRole(role: "决定人员"))
        }
        #expect(lines(base, new).isEmpty)
        #expect(CatalogDiff.compare(base.publicView(), new.publicView()).isEmpty)
        #expect(lines(base, new, internal: true) == [
            "申请材料“特种设备使用登记表”：审查要点由“设备代码一致。”改为“设备代码与监督检验证书一致。”",
            "审批人员：新增“决定人员”",
            "监督检查：由“每季度抽查。”改为“每月抽查。”",
        ])
    }

    @Test func additionalElementsByKey() {
        let old = base.editingItem { $0.additionalElements = [AdditionalElement(key: "onlineURL", title: "网上办理地址", isInternal: false, value: .text("a"))] }
        let new = base.editingItem { $0.additionalElements = [AdditionalElement(key: "onlineURL", title: "网上办理地址", isInternal: false, value: .text("b"))] }
        #expect(lines(old, new) == ["网上办理地址：由“a”改为“b”"])
        let hidden = base.editingItem { $0.additionalElements = [AdditionalElement(key: "notes", title: "内部备注", isInternal: true, value: .text("x"))] }
        #expect(lines(base, hidden).isEmpty)
    }

    // MARK: The catalog's registries

    @Test func catalogLevelChanges() {
        var new = base
        new.agencies[0].phone = "020-87654321"
        new.windows[0].category = "综合"
        new.laws.append(Law(id: "xzxkf", name: "中华人民共和国行政许可法", level: "法律"))
        new.sharedMaterials = []
        new.internalControlLine = Ratio(numerator: 1, denominator: 2)
        let diff = CatalogDiff.compare(base, new)
        #expect(diff.changed.isEmpty)
        #expect(diff.text() == """
            《测试目录》事项变更公告
            新增事项 0 项，取消事项 0 项，变更事项 0 项，目录信息变更 5 处。

            目录信息变更（5处）
              - 目录：内控线由“2/3”改为“1/2”
              - 实施机关“某某市市场监督管理局”（scjgj）：电话由“020-12345678”改为“020-87654321”
              - 窗口“经营类综合受理窗口”（jy-1）：类别由“经营类”改为“综合”
              - 法规：新增“中华人民共和国行政许可法”（xzxkf）
              - 材料库：删除“营业执照”（yyzz）

            """)
        #expect(lines(base, new, .en) == [
            "Catalog: internal control line changed from \"2/3\" to \"1/2\"",
            "Agency \"某某市市场监督管理局\" (scjgj): phone changed from \"020-12345678\" to \"020-87654321\"",
            "Window \"经营类综合受理窗口\" (jy-1): category changed from \"经营类\" to \"综合\"",
            "Law: added \"中华人民共和国行政许可法\" (xzxkf)",
            "Shared material: removed \"营业执照\" (yyzz)",
        ])
    }

    // MARK: JSON

    @Test func json() {
        var new = base.editingItem { item in
            item.name = "特种设备使用登记（新）"
            item.timeLimits?.promised = .workingDays(5)
            item.materials.append(MaterialRequirement(name: "授权委托书"))
        }
        new.items.append(Sample.item(code: "440100-XK-00013-001", name: "特种设备改造登记"))
        new.windows[0].location = "二楼B区"
        #expect(CatalogDiff.compare(base.publicView(), new.publicView()).json() == """
            {
              "version": 1,
              "old": {
                "name": "测试目录",
                "region": "440100",
                "items": 1
              },
              "new": {
                "name": "测试目录",
                "region": "440100",
                "items": 2
              },
              "summary": {
                "added": 1,
                "removed": 0,
                "changed": 1,
                "renamed": 1,
                "catalog": 1
              },
              "added": [
                {
                  "code": "440100-XK-00013-001",
                  "name": "特种设备改造登记"
                }
              ],
              "removed": [],
              "changed": [
                {
                  "code": "440100-XK-00012-001",
                  "name": "特种设备使用登记（新）",
                  "oldName": "特种设备使用登记",
                  "changes": [
                    {
                      "element": "name",
                      "change": "changed",
                      "old": "特种设备使用登记",
                      "new": "特种设备使用登记（新）"
                    },
                    {
                      "element": "materials",
                      "change": "added",
                      "subject": "授权委托书"
                    },
                    {
                      "element": "timeLimits",
                      "change": "changed",
                      "field": "promised",
                      "old": "10个工作日",
                      "new": "5个工作日",
                      "delta": {
                        "days": -5,
                        "unit": "workingDays"
                      }
                    }
                  ]
                }
              ],
              "catalog": [
                {
                  "element": "windows",
                  "change": "changed",
                  "subject": "经营类综合受理窗口",
                  "id": "jy-1",
                  "field": "location",
                  "old": "二楼A区",
                  "new": "二楼B区"
                }
              ]
            }

            """)
    }

    @Test func jsonEscapesWhatItMust() {
        let new = base.editingItem { $0.name = "名称\"引号\"\\\n换行" }
        let json = CatalogDiff.compare(base, new).json()
        #expect(json.contains(#""new": "名称\"引号\"\\\n换行""#))
        // Terminal and bidi controls a JSON viewer would act on are \u escapes too.
        let hostile = CatalogDiff.compare(base, base.editingItem { $0.name = "a\u{9B}31m\u{7F}\u{202E}\u{2028}b" }).json()
        #expect(hostile.contains(#""new": "a\u009b31m\u007f\u202e\u2028b""#))
    }

    // MARK: Values

    /// Every element that used to be reported only as "有变更" shows what it was and what it
    /// is, in full: long texts, 咨询, 法律救济, 审批证件, 审批人员, 办理依据's text, a locality's
    /// elements; and a whole element added or removed shows its value.
    @Test func everyChangeShowsOldAndNewValues() throws {
        let old = base.editingItem { item in
            item.additionalElements = [
                AdditionalElement(key: "onlineURL", title: "网上办理地址", isInternal: false, value: .text("https://a.example/")),
                AdditionalElement(key: "faq", title: "常见问题", isInternal: false, value: .list(["可以委托吗？", "多久办结？"])),
                AdditionalElement(key: "gone", title: "办理结果", isInternal: false, value: .text("发证")),
            ]
        }
        let new = old.editingItem { item in
            item.scope = "在本市使用特种设备的单位和个人。\n个体工商户参照执行。"
            item.rightsAndObligations = nil
            item.consultation = Consultation(phone: "020-87654321", address: "二楼A区", email: "zx@example.com")
            item.remedies = Remedies(reconsideration: "六十日内。", litigation: "六个月内。")
            item.certificate = Certificate(name: "特种设备使用登记证", validity: "长期")
            item.progressQuery = nil
            item.legalBasis[0].text = "应当在投入使用前办理使用登记。"
            item.staff = [StaffRole(role: "审查人员", duties: "审查材料。"), StaffRole(role: "决定人员")]
            item.supervision = "每月抽查。"
            item.additionalElements = [
                AdditionalElement(key: "onlineURL", title: "网上办理地址", isInternal: false, value: .text("https://b.example/")),
                AdditionalElement(key: "faq", title: "常见问题", isInternal: false, value: .list(["可以委托吗？", "要交钱吗？"])),
                AdditionalElement(key: "notes", title: "温馨提示", isInternal: false, value: .text("请预约。")),
            ]
        }
        let diff = CatalogDiff.compare(old, new)
        try expectGolden(diff.text(), file: golden("diff-values.txt"))
        try expectGolden(diff.text(language: .en), file: golden("diff-values.en.txt"))
        try expectGolden(diff.json(), file: golden("diff-values.json"))
        #expect(!diff.text().contains("有变更") && !diff.text(language: .en).contains(" changed\n"))
        for change in diff.changed[0].changes {
            #expect(change.old != nil || change.new != nil || change.subject != nil, "\(change)")
        }
    }

    // MARK: Hostile text

    /// Text that would forge a heading and an item line, clear the screen, retitle the
    /// terminal and reverse what follows it, were it written as it is.
    static let forged = "特种设备使用登记\n\n新增事项（1项）\n  440100-XK-99999-001 伪造事项\u{1B}[2J\u{1B}]0;pwned\u{07}"

    @Test func controlCharactersAreShownAsEscapes() throws {
        var new = base.editingItem { item in
            item.name = Self.forged
            item.materials.append(MaterialRequirement(name: "授权委托书\u{202E}exe.txt", condition: "委托他人办理的\u{2028}- 伪造变更"))
            item.conditions.append("\r\n变更事项（9项）\u{85}\u{7F}\t")
        }
        new.name = "测试目录\r\n《伪造》事项变更公告"
        new.agencies[0].phone = "020-87654321\u{2066}\u{0}"
        new.items.append(Sample.item(code: "440100-XK-00013-001", name: "新事项\n  - 事项名称：伪造"))
        let diff = CatalogDiff.compare(base, new)
        for (text, name) in [(diff.text(), "diff-hostile.txt"), (diff.text(language: .en), "diff-hostile.en.txt")] {
            try expectGolden(text, file: golden(name))
            expectOneLineEach(text)
        }
    }
}

/// No control character, bidi control or line separator but the report's own line ends, so
/// each line of catalog text stays on its line, behind the report's own words.
func expectOneLineEach(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let hidden = text.unicodeScalars.filter { s in
        s != "\n" && (s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.properties.isBidiControl
            || s == "\u{2028}" || s == "\u{2029}")
    }
    #expect(hidden.isEmpty, "\(hidden.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
}
