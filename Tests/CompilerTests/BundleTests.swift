import Catalog
@testable import Compiler
import Testing

/// Bundles (一件事) of the fixture's item and a second one.
@Suite struct BundleTests {
    static let bundle = """
        名称: 开办一件事
        编码: 440100-YJS-001
        办理方式: 并联
        事项: [440100-XK-00012-001, 440100-XK-00013-001]
        牵头部门: scjgj
        窗口类别: 经营类
        承诺: 10个工作日

        """

    static func fixture(_ bundle: String = BundleTests.bundle) -> Fixture {
        var f = Fixture()
        f.items["items/b.yaml"] = Fixture.itemYAML.replacingOccurrences(of: "00012", with: "00013")
            .replacingOccurrences(of: "承诺: 10个工作日", with: "承诺: 8个工作日")
        f.items["bundles/kaiban.yaml"] = bundle
        return f
    }

    @Test func aBundleCompilesWithMergedMaterialsAndFigures() throws {
        let result = try Self.fixture().compile()
        #expect(result.diagnostics.map(\.code) == [])
        let bundle = try #require(result.catalog?.bundles.first)
        #expect(bundle.memberCodes == ["440100-XK-00012-001", "440100-XK-00013-001"])
        #expect(bundle.materials.count == 2)  // the same two materials, asked for by both
        #expect(bundle.figures.materialsSaved == 2)
        #expect(bundle.figures.criticalPath?.duration == .workingDays(10))
        #expect(bundle.figures.oneByOne?.duration == .workingDays(18))
    }

    @Test func unknownAndRepeatedMembers() throws {
        var f = Self.fixture(Self.bundle.replacingOccurrences(of: "事项: [440100-XK-00012-001, 440100-XK-00013-001]",
                                                             with: "事项: [440100-XK-00012-001, 440100-XK-00014-001, 440100-XK-00012-001]"))
        f.items["items/b.yaml"] = nil
        try expectFindings(f, ["ZN901@bundles/kaiban.yaml:4:27", "ZN902@bundles/kaiban.yaml:4:48"])
        let d = try f.compile().diagnostics
        #expect(d[0].message.zh.contains("是否想写“440100-XK-00012-001”"))
    }

    /// A member whose item file is refused for its own error (a YAML syntax error here) is
    /// reported there only: the bundle does not say the item does not exist.
    @Test func aMemberWhoseFileIsRefusedIsNotReportedTwice() throws {
        var f = Self.fixture()
        f.items["items/b.yaml"] = f.items["items/b.yaml"]! + "审批条件: [未闭合\n"
        let found = try f.compile().diagnostics
        #expect(!found.isEmpty && found.allSatisfy { $0.span?.file.hasSuffix("items/b.yaml") == true }, "\(found.map(\.code))")
        #expect(!found.contains { $0.code == "ZN901" })
        #expect(CatalogCompiler.writtenCode(Array("# 注释\n事项编码: \"440100-XK-00013-001\"  # 旧编码\r\n".utf8)[...]) == "440100-XK-00013-001")
        #expect(CatalogCompiler.writtenCode(Array("  事项编码: 缩进的不算\n".utf8)[...]) == nil)
    }

    @Test func aMemberNotAcceptedAtTheBundlesKindOfWindow() throws {
        let f = Self.fixture(Self.bundle.replacingOccurrences(of: "窗口类别: 经营类", with: "窗口类别: 公民类"))
        try expectFindings(f, ["ZN903@bundles/kaiban.yaml:4:6", "ZN903@bundles/kaiban.yaml:4:27"])
    }

    @Test func thePromiseAgainstTheMembers() throws {
        let tight = Self.fixture(Self.bundle.replacingOccurrences(of: "承诺: 10个工作日", with: "承诺: 9个工作日"))
        try expectFindings(tight, ["ZN904@bundles/kaiban.yaml:7:5"])
        let loose = Self.fixture(Self.bundle.replacingOccurrences(of: "承诺: 10个工作日", with: "承诺: 40个工作日"))
        try expectFindings(loose, ["ZN905@bundles/kaiban.yaml:7:5"])
    }

    @Test func modesAndTheirMembers() throws {
        let stagesInParallel = Self.fixture(Self.bundle + "阶段:\n  - 事项: [440100-XK-00012-001]\n")
        try expectFindings(stagesInParallel, ["ZN906@bundles/kaiban.yaml:8:1"])
        let lonely = Self.fixture(Self.bundle.replacingOccurrences(of: ", 440100-XK-00013-001]", with: "]"))
        try expectFindings(lonely, ["ZN906@bundles/kaiban.yaml:4:1"])
        let mixed = Self.fixture(Self.bundle.replacingOccurrences(of: "办理方式: 并联\n事项: [440100-XK-00012-001, 440100-XK-00013-001]",
            with: "办理方式: 混合\n阶段:\n  - 名称: 一\n    事项: [440100-XK-00012-001]\n  - 名称: 二\n    事项: [440100-XK-00013-001]")
            .replacingOccurrences(of: "承诺: 10个工作日", with: "承诺: 18个工作日"))
        #expect(try mixed.compile().catalog?.bundles.first?.stages.map(\.itemCodes) == [["440100-XK-00012-001"], ["440100-XK-00013-001"]])
        try expectFindings(mixed, [])
    }

    @Test func bundleCodesAreUnique() throws {
        var f = Self.fixture()
        f.items["bundles/again.yaml"] = Self.bundle
        try expectFindings(f, ["ZN907@bundles/kaiban.yaml:2:5"])
        // An item's code is not a bundle's either.
        let clash = Self.fixture(Self.bundle.replacingOccurrences(of: "编码: 440100-YJS-001", with: "编码: 440100-XK-00013-001"))
        try expectFindings(clash, ["ZN430@bundles/kaiban.yaml:2:5", "ZN907@bundles/kaiban.yaml:2:5"])
    }

    static func fixture(code: String) -> Fixture {
        fixture(bundle.replacingOccurrences(of: "编码: 440100-YJS-001", with: "编码: \(code)"))
    }

    @Test func bundleCodesFollowTheProfilesFormatWithASuggestion() throws {
        let lower = Self.fixture(code: "440100-yjs-001")
        try expectFindings(lower, ["ZN430@bundles/kaiban.yaml:2:5"])
        let d = try #require(try lower.compile().diagnostics.first)
        #expect(d.message.zh == "一件事编码“440100-yjs-001”不符合标准规定的格式 ^[0-9]{6}-YJS-[0-9]{3}$（如 440103-YJS-001），是否想写“440100-YJS-001”？")
        #expect(d.message.en == "the bundle code \"440100-yjs-001\" does not match the standard's format ^[0-9]{6}-YJS-[0-9]{3}$ (such as 440103-YJS-001); did you mean \"440100-YJS-001\"?")
        // Full-width digits, underscores and spaces are put right in the suggestion.
        let wide = try Self.fixture(code: "４４０１００_YJS 001").compile().diagnostics
        #expect(wide.map(\.code) == ["ZN430"])
        #expect(wide.first?.message.zh.hasSuffix("是否想写“440100-YJS-001”？") == true)
        // No suggestion when nothing simple makes it fit.
        let long = String(repeating: "甲", count: 100)
        let free = try Self.fixture(code: long).compile().diagnostics
        #expect(free.map(\.code) == ["ZN430"])
        #expect(free.first?.message.zh == "一件事编码“\(long)”不符合标准规定的格式 ^[0-9]{6}-YJS-[0-9]{3}$（如 440103-YJS-001）")
        // Empty is missing, said once.
        try expectFindings(Self.fixture(code: "\"\""), ["ZN307@bundles/kaiban.yaml:2:1"])
        try expectFindings(Self.fixture(code: "\"  \""), ["ZN307@bundles/kaiban.yaml:2:1"])
    }

    /// A locality's profile after the two DB44 ones, with its own 参数.
    static func locality(_ parameters: String) throws -> String {
        try standardsCopy(["LOCAL-1.yaml": { _ in "编号: LOCAL/T 1\n名称: 本地编码规范\n要素: []\n参数:\n\(parameters)" }])
    }

    static func followingLocality(_ f: Fixture) -> Fixture {
        var f = f
        f.editCatalog("标准: [DB44/T 1147-2013, DB44/T 1148-2013]", "标准: [DB44/T 1147-2013, DB44/T 1148-2013, LOCAL/T 1]")
        return f
    }

    @Test func aLocalityChangesTheBundleCodeFormat() throws {
        let standards = try Self.locality("  一件事编码格式: '^YJS[0-9]{4}$'\n  一件事编码示例: YJS0001\n")
        let theirs = Self.followingLocality(Self.fixture(code: "YJS0007"))
        #expect(try theirs.compile(standards: standards).diagnostics.map(\.code) == [])
        let ours = try Self.followingLocality(Self.fixture()).compile(standards: standards).diagnostics
        #expect(ours.map(\.code) == ["ZN430"])
        #expect(ours.first?.message.zh == "一件事编码“440100-YJS-001”不符合标准规定的格式 ^YJS[0-9]{4}$（如 YJS0001）")
    }

    @Test func withoutAFormatABundleCodeIsStillASafeName() throws {
        let dropFormat = { (text: String) in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("一件事编码") }.joined(separator: "\n")
        }
        let standards = try standardsCopy(["DB44-T-1147-2013.yaml": dropFormat, "DB44-T-1148-2013.yaml": dropFormat])
        #expect(try Self.fixture(code: "kaiban.2024_01").compile(standards: standards).diagnostics.map(\.code) == [])
        let d = try Self.fixture(code: "a/../b").compile(standards: standards).diagnostics
        #expect(d.map(\.code) == ["ZN430"])
        #expect(d.first?.message.zh == "一件事编码“a/../b”不符合格式 ^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$（标准配置没有规定“一件事编码格式”时，编码只能由字母、数字和 . _ - 组成，以字母或数字开头，至多 64 个字符）")
    }

    @Test func twoBundleCodesThatNameOneFolderClash() throws {
        let standards = try Self.locality("  一件事编码格式: '^[0-9]{6}-[A-Za-z]{3}-[0-9]{3}$'\n")
        var f = Self.followingLocality(Self.fixture())
        f.items["bundles/again.yaml"] = Self.bundle.replacingOccurrences(of: "440100-YJS-001", with: "440100-yjs-001")
        let d = try f.compile(standards: standards).diagnostics
        #expect(d.map(\.code) == ["ZN431"])
        let clash = try #require(d.first)
        #expect(clash.span?.file.hasSuffix("bundles/kaiban.yaml") == true)
        #expect(clash.span?.range.start == .init(line: 2, column: 5))
        #expect(clash.message.zh == "一件事编码“440100-YJS-001”与“440100-yjs-001”只差大小写，在不区分大小写的文件系统（如 macOS、Windows）上两者的网页会写进同一个文件夹 bundles/440100-yjs-001/；请改用另一个编码")
        #expect(clash.message.en == "the bundle codes \"440100-YJS-001\" and \"440100-yjs-001\" differ only in case, so on a file system that ignores case (macOS, Windows) their pages would go to one folder, bundles/440100-yjs-001/; use another code")
        #expect(clash.notes.first?.span?.file.hasSuffix("bundles/again.yaml") == true)
        #expect(clash.notes.first?.span?.range.start == .init(line: 2, column: 5))
    }

    @Test func twoItemCodesThatNameOneFolderClash() throws {
        let standards = try Self.locality("  事项编码格式: '^[0-9]{6}-[A-Za-z]{2}-[0-9]{5}-[0-9]{3}$'\n")
        var f = Self.followingLocality(Fixture())
        f.items["items/b.yaml"] = Fixture.itemYAML.replacingOccurrences(of: "440100-XK-00012-001", with: "440100-xk-00012-001")
        let d = try f.compile(standards: standards).diagnostics
        #expect(d.map(\.code) == ["ZN431"])
        #expect(d.first?.span?.file.hasSuffix("items/b.yaml") == true)
        #expect(d.first?.span?.range.start == .init(line: 2, column: 7))
        #expect(d.first?.message.zh == "事项编码“440100-xk-00012-001”与“440100-XK-00012-001”只差大小写，在不区分大小写的文件系统（如 macOS、Windows）上两者的网页会写进同一个文件夹 items/440100-XK-00012-001/；请改用另一个编码")
        #expect(d.first?.notes.first?.span?.file.hasSuffix("items/a.yaml") == true)
    }
}
