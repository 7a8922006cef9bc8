import Catalog
import Reports
import Testing

/// `diff` of the national 实施清单 elements (GB/T 39554.2-2020), Chinese and English.
@Suite struct NationalDiffTests {
    let base = Sample.catalog()

    func lines(_ old: Catalog, _ new: Catalog, _ language: ReportLanguage = .zh) -> [String] {
        CatalogDiff.compare(old.publicView(), new.publicView()).text(language: language).split(separator: "\n")
            .map { $0.drop { $0 == " " } }.filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    var before: Catalog {
        base.editingItem { item in
            item.national = NationalElements(
                basicCode: "000104002000", exerciseLevel: "县级", onSiteVisits: 2, onlineDepth: ["互联网咨询"],
                specialProcedures: [SpecialProcedure(kind: "专家评审", limit: .workingDays(15))],
                faqs: [FAQ(question: "可以委托吗？", answer: "可以。")], version: 2)
            item.timeLimits = TimeLimits(statutory: .workingDays(30), promised: .workingDays(10))
        }
    }

    var after: Catalog {
        before.editingItem { item in
            item.national.exerciseLevel = "市级"
            item.national.onSiteVisits = 1
            item.national.onSiteReason = "需现场核验身份。"
            item.national.onlineDepth = ["互联网咨询", "互联网收件"]
            item.national.specialProcedures[0].limit = .workingDays(10)
            item.national.faqs[0].answer = "可以，需提交委托书。"
            item.national.complaint = Complaint(phone: "12345")
            item.national.version = 3
            item.result = ApprovalResult(type: "证照", name: "使用登记证", delivery: ["窗口领取"])
            item.timeLimits = TimeLimits(promised: .workingDays(10), noStatutoryLimit: true, statutoryNote: "法律法规未规定。")
            item.materials[0].verifyOriginal = true
            item.materials[0].photocopies = 1
            item.materials[1].exemption = .electronicLicence
        }
    }

    @Test func changesAreReportedInChinese() {
        let actual = lines(before, after)
        #expect(actual == [
            "申请材料“特种设备使用登记表”：增加核验原件“是”",
            "申请材料“特种设备使用登记表”：增加复印件份数“1”",
            "申请材料“营业执照”：增加免提交“电子证照”",
            "办理时限：删除法定 30个工作日",
            "办理时限：增加法定时限“法律法规未规定”",
            "办理时限：增加法定说明“法律法规未规定。”",
            "行使层级：由“县级”改为“市级”",
            "到现场次数：由“2”改为“1”",
            "必须现场办理原因：新增“需现场核验身份。”",
            "网上办理深度：新增“互联网收件”",
            "监督投诉：增加电话“12345”",
            "审批结果：增加类型“证照”",
            "审批结果：增加名称“使用登记证”",
            "审批结果：增加送达方式“窗口领取”",
            "特别程序“专家评审”：时限 由 15个工作日 缩短为 10个工作日（-5个工作日）",
            "常见问题“可以委托吗？”：答由“可以。”改为“可以，需提交委托书。”",
            "版本：由“2”改为“3”",
        ], "\(actual)")
    }

    @Test func andInEnglish() {
        let en = lines(before, after, .en)
        #expect(en.contains("Exercise level: changed from \"县级\" to \"市级\""), "\(en)")
        #expect(en.contains { $0.hasPrefix("Special procedures \"专家评审\": time limit") }, "\(en)")
        #expect(en.contains { $0.hasPrefix("Approval result: ") }, "\(en)")
    }

    @Test func catalogsWithoutThemSeeNoChange() {
        #expect(CatalogDiff.compare(base, base).isEmpty)
        #expect(CatalogDiff.compare(before, before).isEmpty)
    }
}
