import Catalog
import Compiler
import Diagnostics
import Foundation
import TestSupport
import Testing

/// GB/T 39554.2-2020: 审批结果, 特别程序, 常见问题, 数量限制, 版本, 生效/废止日期, 告知承诺,
/// 法定: 无, and the materials' 原件份数/复印件份数, 空表/样表, 免提交, 核验原件, 容缺后补期限.
@Suite struct NationalMaterialsTests {
    /// The fixture following the national profile, with 审批结果 and 免提交 for the shareable material.
    static func national() -> Fixture {
        var f = Fixture()
        f.editCatalog("标准: [DB44/T 1147-2013, DB44/T 1148-2013]", "标准: [GB/T 39554.2-2020, DB44/T 1147-2013, DB44/T 1148-2013]")
        f.edit("  - 材料库: yyzz\n    形式: 复印件\n    份数: 1\n", "  - 材料库: yyzz\n    形式: 复印件\n    份数: 1\n    免提交: 数据共享\n")
        f.edit("监督检查: 每季度抽查。\n", "监督检查: 每季度抽查。\n审批结果:\n  类型: 证照\n  名称: 特种设备使用登记证\n")
        // The identification elements the profile requires, last, so that `adding` keeps lines.
        f.items["items/a.yaml"]! += Fixture.nationalIdentity
        return f
    }

    /// Appends `text` to the item (after 审批结果, whose last line is line 75).
    static func adding(_ text: String, to f: Fixture = national()) -> Fixture {
        var f = f
        let yaml = f.items["items/a.yaml"]!
        f.items["items/a.yaml"] = yaml.hasSuffix(Fixture.nationalIdentity)
            ? String(yaml.dropLast(Fixture.nationalIdentity.count)) + text + Fixture.nationalIdentity : yaml + text
        return f
    }

    static func item(_ f: Fixture) throws -> Item {
        try #require(try f.compile().catalog?.items.first)
    }

    @Test func theNationalFixtureIsClean() throws {
        let f = Self.national()
        try expectFindings(f, [])
        let item = try Self.item(f)
        #expect(item.result == ApprovalResult(type: "证照", name: "特种设备使用登记证"))
        #expect(item.materials[1].exemption == .dataSharing)
    }

    // MARK: 审批结果

    @Test func resultTakesThePlaceOfTheCertificate() throws {
        // 审批证件 alone satisfies the profile's 审批结果, and the reverse (no ZN301).
        var f = Self.national()
        f.edit("审批结果:\n  类型: 证照\n", "审批证件:\n")
        try expectFindings(f, [])
        // Both: an error at the second, with a note at the first.
        let both = Self.adding("审批证件:\n  名称: 特种设备使用登记证\n")
        try expectFindings(both, ["ZN820@items/a.yaml:76:1"])
        let d = try both.compile().diagnostics[0]
        #expect(d.severity == .error && d.notes.first?.span?.range.start.line == 73)
        #expect(d.message.zh.contains("删除审批证件"))
    }

    @Test func resultValues() throws {
        var f = Self.national()
        f.edit("  类型: 证照\n  名称: 特种设备使用登记证\n", "  类型: 证件\n  名称: 特种设备使用登记证\n  送达方式: [窗口领取, 快递]\n")
        try expectFindings(f, ["ZN304@items/a.yaml:74:7", "ZN304@items/a.yaml:76:16"])
        var unnamed = Self.national()
        unnamed.edit("  名称: 特种设备使用登记证\n", "  有效期: 长期\n")
        try expectFindings(unnamed, ["ZN827@items/a.yaml:74:3"])
        var none = Self.national()
        none.edit("  类型: 证照\n  名称: 特种设备使用登记证\n", "  类型: 无\n  送达方式: [窗口领取, 电子送达]\n")
        try expectFindings(none, [])
        #expect(try Self.item(none).result == ApprovalResult(type: "无", delivery: ["窗口领取", "电子送达"]))
    }

    @Test func withoutTheProfileTheNationalElementsAreUnknown() throws {
        var f = Fixture()
        f.items["items/a.yaml"]! += "审批结果:\n  类型: 证照\n  名称: 特种设备使用登记证\n"
        #expect(try f.findings() == ["ZN302@items/a.yaml:72:1"])
        var m = Fixture()
        m.edit("    形式: 原件\n    份数: 2\n", "    原件份数: 2\n")
        try expectFindings(m, ["ZN308@items/a.yaml:16:5"])
        // And 可共享 alone still makes a material 免提交 (数据共享).
        #expect(try Self.item(Fixture()).materials[1].exemption == .dataSharing)
    }

    // MARK: 特别程序, 常见问题, 数量限制, 版本, 日期

    @Test func specialProcedures() throws {
        let good = Self.adding("""
            特别程序:
              - 种类: 专家评审
                时限: 15个工作日
                依据: {法规: tzsbaqf, 条款: 第三十三条}
                说明: 需要专家论证的。

            """)
        try expectFindings(good, [])
        #expect(try Self.item(good).national.specialProcedures == [SpecialProcedure(
            kind: "专家评审", limit: .workingDays(15), basis: LegalBasis(lawID: "tzsbaqf", article: "第三十三条"), note: "需要专家论证的。")])
        let bad = Self.adding("""
            特别程序:
              - 种类: 专家评审
                时限: 15个工作日
              - 种类: 听证会
                时限: 二十日
                依据: {法规: tzsbaq}

            """)
        try expectFindings(bad, ["ZN825@items/a.yaml:77:5", "ZN304@items/a.yaml:79:9", "ZN401@items/a.yaml:80:9", "ZN501@items/a.yaml:81:14"])
        let d = try bad.compile().diagnostics
        #expect(d[0].message.zh.contains("专家评审") && d[0].message.zh.contains("依据"))
        #expect(d[3].message.zh.contains("是否想写“tzsbaqf”"))
    }

    @Test func faqsQuantityVersionAndDates() throws {
        let good = Self.adding("""
            数量限制: 无
            常见问题:
              - 问: 可以委托他人办理吗？
                答: 可以，需提交授权委托书。
            版本: 3
            生效日期: 2025-01-01
            废止日期: 2030-01-01

            """)
        try expectFindings(good, [])
        let n = try Self.item(good).national
        #expect(n.quantityLimit == "无" && n.version == 3 && n.effectiveDate == "2025-01-01" && n.repealDate == "2030-01-01")
        #expect(n.faqs == [FAQ(question: "可以委托他人办理吗？", answer: "可以，需提交授权委托书。")])
        let bad = Self.adding("""
            常见问题:
              - 问: 可以委托吗？
            版本: 第三版
            生效日期: 2025-01-01
            废止日期: 2024-12-31

            """)
        try expectFindings(bad, ["ZN307@items/a.yaml:77:5", "ZN450@items/a.yaml:78:5", "ZN826@items/a.yaml:80:7"])
        #expect(try bad.compile().diagnostics[2].notes.first?.span?.range.start.line == 79)
    }

    // MARK: 办理时限

    @Test func noStatutoryLimit() throws {
        var f = Self.national()
        f.edit("  法定: 30个工作日\n  承诺: 10个工作日\n", "  法定: 无\n  法定说明: 法律法规未规定办理时限。\n  承诺: 40个工作日\n  承诺说明: 材料齐全当场受理。\n")
        try expectFindings(f, [])  // nothing compared with 法定: no ZN601, no 内控线
        let limits = try #require(try Self.item(f).timeLimits)
        #expect(limits.noStatutoryLimit && limits.statutory == nil && limits.promised == .workingDays(40))
        #expect(limits.statutoryNote == "法律法规未规定办理时限。" && limits.promisedNote == "材料齐全当场受理。")
        var unexplained = Self.national()
        unexplained.edit("  法定: 30个工作日\n", "  法定: 无\n")
        try expectFindings(unexplained, ["ZN607@items/a.yaml:27:7"])
        // Without the profile, 法定: 无 stays a malformed limit, as before.
        var old = Fixture()
        old.edit("  法定: 30个工作日\n", "  法定: 无\n")
        try expectFindings(old, ["ZN401@items/a.yaml:26:7"])
    }

    // MARK: Materials

    @Test func originalAndCopyCounts() throws {
        var f = Self.national()
        f.edit("    形式: 原件\n    份数: 2\n", "    原件份数: 1\n    复印件份数: 2\n")
        try expectFindings(f, [])
        let m = try Self.item(f).materials[0]
        #expect(m.form == .originalAndCopy && m.originalCopies == 1 && m.photocopies == 2 && m.copies == nil)
        var one = Self.national()
        one.edit("    形式: 原件\n    份数: 2\n", "    复印件份数: 3\n")
        let single = try Self.item(one).materials[0]
        #expect(single.form == .copy && single.photocopies == 3 && single.copies == 3)
    }

    @Test func conflictingCounts() throws {
        for (replacement, finding, fix) in [
            ("    形式: 原件\n    份数: 2\n    原件份数: 1\n", "ZN821@items/a.yaml:17:5", "删除份数"),
            ("    形式: 原件\n    复印件份数: 2\n", "ZN821@items/a.yaml:17:5", "原件和复印件"),
            ("    形式: 复印件\n    原件份数: 1\n", "ZN821@items/a.yaml:17:5", "原件和复印件"),
            ("    形式: 原件和复印件\n    份数: 2\n", "ZN821@items/a.yaml:17:5", "分别写原件份数和复印件份数"),
        ] {
            var f = Self.national()
            f.edit("    形式: 原件\n    份数: 2\n", replacement)
            try expectFindings(f, [finding])
            #expect(try f.compile().diagnostics.first?.message.zh.contains(fix) == true, "\(replacement)")
        }
    }

    @Test func exemptionAndVerification() throws {
        // 可共享 only suggests 免提交 under the profile: a note at the 材料库 id.
        var shared = Self.national()
        shared.edit("    免提交: 数据共享\n", "")
        try expectFindings(shared, ["ZN822@items/a.yaml:22:10"])
        let note = try shared.compile().diagnostics[0]
        #expect(note.severity == .note && note.message.zh.contains("免提交: 数据共享"))
        #expect(try Self.item(shared).materials[1].exemption == nil)
        // 否 overrides it; 核验原件 answers it.
        for (text, exempt, verified) in [("    免提交: 否\n", false, false), ("    核验原件: 是\n", false, true), ("    免提交: 电子证照\n", true, false)] {
            var f = Self.national()
            f.edit("    免提交: 数据共享\n", text)
            try expectFindings(f, [])
            let m = try Self.item(f).materials[1]
            #expect(m.isExempt == exempt && m.verifyOriginal == verified, "\(text)")
        }
        var both = Self.national()
        both.edit("    免提交: 数据共享\n", "    免提交: 数据共享\n    核验原件: 是\n")
        try expectFindings(both, ["ZN823@items/a.yaml:26:5"])
        var bad = Self.national()
        bad.edit("    免提交: 数据共享\n", "    免提交: 共享\n")
        try expectFindings(bad, ["ZN304@items/a.yaml:25:10"])
    }

    @Test func deferral() throws {
        var f = Self.national()
        f.edit("    必要性: 必要\n", "    必要性: 容缺后补\n    容缺后补期限: 5个工作日\n")
        try expectFindings(f, [])
        #expect(try Self.item(f).materials[0].deferralLimit == .workingDays(5))
        var withoutLimit = Self.national()
        withoutLimit.edit("    必要性: 必要\n", "    必要性: 容缺后补\n")
        try expectFindings(withoutLimit, ["ZN609@items/a.yaml:20:10"])
        #expect(try withoutLimit.compile().diagnostics[0].severity == .warning)
        var notDeferrable = Self.national()
        notDeferrable.edit("    必要性: 必要\n", "    必要性: 必要\n    容缺后补期限: 5个工作日\n")
        try expectFindings(notDeferrable, ["ZN608@items/a.yaml:21:5"])
    }

    // MARK: 告知承诺

    static func withCommitment(_ commitment: String) -> Fixture {
        var f = national()
        f.edit("    审查要点: 设备代码与监督检验证书一致。\n", "    审查要点: 设备代码与监督检验证书一致。\n  - 材料: 告知承诺书\n")
        return adding(commitment, to: f)
    }

    @Test func commitment() throws {
        let f = Self.withCommitment("告知承诺:\n  承诺书: 告知承诺书\n  替代材料: [特种设备使用登记表]\n  核查: 30日内现场核查。\n")
        try expectFindings(f, [])
        let item = try Self.item(f)
        #expect(item.materials[0].exemption == .commitment && item.materials[1].exemption == nil)
        #expect(item.national.commitment == NotificationCommitment(
            pledgeMaterial: "告知承诺书", replacedMaterials: ["特种设备使用登记表"], verification: "30日内现场核查。"))
        // By 材料库 id.
        try expectFindings(Self.withCommitment("告知承诺:\n  承诺书: yyzz\n"), ["ZN824@items/a.yaml:78:8"])
    }

    /// A shareable material the promise replaces is 免提交 already: no suggestion for it.
    @Test func aReplacedShareableMaterialNeedsNoSuggestion() throws {
        var f = Self.withCommitment("告知承诺:\n  承诺书: 告知承诺书\n  替代材料: [营业执照]\n")
        f.edit("    免提交: 数据共享\n", "")
        try expectFindings(f, [])
        #expect(try Self.item(f).materials[2].exemption == .commitment)
    }

    @Test func commitmentNamesUnknownMaterials() throws {
        let f = Self.withCommitment("告知承诺:\n  承诺书: 承诺书\n  替代材料:\n    - 特种设备使用登记\n")
        try expectFindings(f, ["ZN507@items/a.yaml:78:8", "ZN507@items/a.yaml:80:7"])
        let d = try f.compile().diagnostics
        #expect(d[1].message.zh.contains("是否想写“特种设备使用登记表”"))
        #expect(d[0].message.zh.contains("承诺书"))
        let pledgeReplaced = Self.withCommitment("告知承诺:\n  承诺书: 告知承诺书\n  替代材料: [告知承诺书]\n")
        try expectFindings(pledgeReplaced, ["ZN824@items/a.yaml:78:8"])
    }

    // MARK: Attachments

    /// Compiles `f` with `extra` files beside it and symbolic links (path → target).
    static func compile(_ f: Fixture, files: [String: String] = [:], links: [String: String] = [:]) throws -> (CompilationResult, String) {
        var all = f.items
        all["catalog.yaml"] = f.catalog
        all.merge(files) { a, _ in a }
        let dir = try makeFolder(.text(all))
        for (path, target) in links {
            try FileManager.default.createSymbolicLink(atPath: dir + "/" + path, withDestinationPath: target)
        }
        let result = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: repositoryRoot() + "/standards"))).compile(folder: dir)
        return (result, dir)
    }

    static func located(_ r: CompilationResult) -> [String] {
        r.diagnostics.map { "\($0.code)@\($0.span!.range.start.line):\($0.span!.range.start.column)" }
    }

    @Test func attachments() throws {
        var f = Self.national()
        f.edit("    必要性: 必要\n", "    必要性: 必要\n    空表: forms/登记表.docx\n    样表: forms/登记表样表.pdf\n    填报须知: 用黑色墨水填写。\n")
        f.edit("  名称: 特种设备使用登记证\n", "  名称: 特种设备使用登记证\n  样本: samples/登记证.pdf\n  送达方式: [窗口领取, 邮寄送达]\n")
        let (ok, _) = try Self.compile(f, files: ["forms/登记表.docx": "docx", "forms/登记表样表.pdf": "pdf", "samples/登记证.pdf": "pdf"])
        #expect(Self.located(ok) == [])
        let catalog = try #require(ok.catalog)
        #expect(catalog.attachments == ["forms/登记表.docx", "forms/登记表样表.pdf", "samples/登记证.pdf"])
        #expect(catalog.items[0].materials[0].fillingNotes == "用黑色墨水填写。")
        // Missing, a folder, and a link that leads outside.
        let outside = try makeFolder(.text(["登记证.pdf": "secret"]))
        let (bad, _) = try Self.compile(
            f, files: ["forms/登记表样表.pdf/x.txt": "a folder", "samples/说明.txt": ""],
            links: ["samples/登记证.pdf": outside + "/登记证.pdf"])
        // (The walk refuses the link too, as it refuses any link that leaves the folder: ZN115.)
        #expect(Self.located(bad) == ["ZN505@21:9", "ZN505@22:9", "ZN506@79:7", "ZN115@1:1"])
        #expect(bad.diagnostics[2].message.zh.contains("目录文件夹之外"))
    }

    @Test func attachmentPathsOfTheWrongForm() throws {
        for (path, why) in [
            ("../共享/登记表.docx", "“..”"), ("/etc/passwd", "绝对路径"), ("https://example.org/a.pdf", "网址"),
            ("forms//a.pdf", "空段"), (".secret/a.pdf", "隐藏"), ("items/a.yaml", "YAML"), ("forms\\\\a.pdf", "反斜杠"), ("forms/a.html", "网页"), ("forms/a.svg", "SVG"), ("forms/noextension", "网页"),
        ] {
            var f = Self.national()
            f.edit("    必要性: 必要\n", "    必要性: 必要\n    空表: \"\(path)\"\n")
            let (r, _) = try Self.compile(f)
            #expect(Self.located(r) == ["ZN451@21:9"], "\(path)")
            #expect(r.diagnostics.first?.message.zh.contains(why) == true, "\(path)")
        }
    }
}
