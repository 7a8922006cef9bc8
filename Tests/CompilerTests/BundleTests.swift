import Catalog
import Compiler
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
        let clash = Self.fixture(Self.bundle.replacingOccurrences(of: "编码: 440100-YJS-001", with: "编码: 440100-XK-00013-001"))
        try expectFindings(clash, ["ZN907@bundles/kaiban.yaml:2:5"])
    }
}
