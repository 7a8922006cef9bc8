import Compiler
import Foundation
import Standards
import TestSupport
import Testing
import YAMLSyntax

@Suite struct ItemSkeletonTests {
    static let code = "440100-XK-00012-001"

    static func skeleton(name: String? = nil, agency: String? = "scjgj", window: String? = "jy-1") throws -> String {
        ItemSkeleton.yaml(for: try guideAndManual(), code: code, name: name, agency: agency, window: window)
    }

    static func parse(_ text: String) throws -> YAMLNode {
        let result = YAMLParser().parse(Array(text.utf8), file: "items/new.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.message.en })")
        return try #require(result.root)
    }

    /// Every scalar value in the tree.
    static func scalars(_ node: YAMLNode) -> [String] {
        switch node.value {
        case .scalar(let s): [s.text]
        case .mapping(let pairs): pairs.flatMap { scalars($0.value) }
        case .sequence(let items): items.flatMap(scalars)
        }
    }

    static func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        node.mapping?.first { $0.key.text == key }?.value
    }

    @Test func golden() throws {
        try expectGolden(try Self.skeleton(), file: folder() + "/Golden/item-skeleton-DB44-1147-1148.yaml")
    }

    @Test func parsesWithoutDiagnostics() throws {
        _ = try Self.parse(try Self.skeleton())
        _ = try Self.parse(try Self.skeleton(agency: nil, window: nil))
        // A name that needs quoting, and one that looks like a number.
        let root = try Self.parse(try Self.skeleton(name: "特种设备: 使用登记 #1 \"新\""))
        #expect(Self.value(root, "事项名称")?.text == "特种设备: 使用登记 #1 \"新\"")
        let numeric = try Self.parse(try Self.skeleton(name: "2024"))
        #expect(Self.value(numeric, "事项名称")?.scalar?.int == nil)
        #expect(Self.value(numeric, "事项名称")?.text == "2024")
    }

    @Test func everyRequiredElementIsWrittenInProfileOrder() throws {
        let profile = try guideAndManual()
        let root = try Self.parse(try Self.skeleton())
        let keys = (root.mapping ?? []).map(\.key.text)
        #expect(keys == profile.elements.filter(\.isRequired).map(\.name))
        // The optional ones are there too, commented out.
        let text = try Self.skeleton()
        for spec in profile.elements where !spec.isRequired {
            #expect(text.contains("\n# \(spec.name):"), "\(spec.name) is offered, commented out")
        }
        if let help = profile.element(named: "审批证件")?.0.help { #expect(text.contains(help)) }
    }

    @Test func placeholdersAreWhereTheOfficerMustWrite() throws {
        let root = try Self.parse(try Self.skeleton())
        let placeholders = Self.scalars(root).filter { $0.hasPrefix(ItemSkeleton.placeholder) }
        #expect(placeholders.count >= 10)
        #expect(placeholders.allSatisfy { $0.count > ItemSkeleton.placeholder.count }, "each says what to write")
        #expect(Self.value(root, "受理范围")?.text == "【待填写】谁可以申请、在什么情形下申请。")
        #expect(Self.value(root, "事项名称")?.text?.hasPrefix(ItemSkeleton.placeholder) == true)
        let limits = try #require(Self.value(root, "办理时限"))
        #expect(Self.value(limits, "法定")?.text?.hasPrefix(ItemSkeleton.placeholder) == true)
        #expect(Self.value(limits, "承诺")?.text?.hasPrefix(ItemSkeleton.placeholder) == true)
    }

    @Test func givenValuesAndDefaults() throws {
        let root = try Self.parse(try Self.skeleton(name: "特种设备使用登记"))
        #expect(Self.value(root, "事项名称")?.text == "特种设备使用登记")
        #expect(Self.value(root, "事项编码")?.text == Self.code)
        #expect(Self.value(root, "事项类型")?.text == "行政许可")
        #expect(Self.value(root, "实施机关")?.text == "scjgj")
        #expect(Self.value(root, "受理地点")?.sequence?.compactMap(\.text) == ["jy-1"])
        let material = try #require(Self.value(root, "申请材料")?.sequence?.first)
        #expect((material.mapping ?? []).map(\.key.text) == ["材料", "形式", "份数", "介质", "来源", "必要性"])
        #expect(Self.value(material, "份数")?.scalar?.int == 1)
        #expect(Self.value(material, "形式")?.text == "原件")
        // Without a catalog's registries, placeholders.
        let bare = try Self.parse(try Self.skeleton(agency: nil, window: nil))
        #expect(Self.value(bare, "实施机关")?.text?.hasPrefix(ItemSkeleton.placeholder) == true)
        #expect(Self.value(bare, "受理地点")?.sequence?.first?.text?.hasPrefix(ItemSkeleton.placeholder) == true)
        // The allowed values are listed next to the first.
        #expect(try Self.skeleton().contains("办件类型: 即办件    # 可选值：即办件 | 承诺件 | 联办件 | 上报件"))
    }

    @Test func theFlowIsMinimalAndItsRolesAreTheStaff() throws {
        let root = try Self.parse(try Self.skeleton())
        let steps = try #require(Self.value(root, "办理流程")?.sequence)
        let names = steps.compactMap { Self.value($0, "环节")?.text }
        #expect(names == ["申请", "受理", "审查", "决定", "办结", "不予告知"])
        #expect(steps.compactMap { Self.value($0, "结束")?.text } == ["准予", "不予"])
        // Every 下一步 names a step.
        for step in steps {
            guard let next = Self.value(step, "下一步") else { continue }
            let targets = next.text.map { [$0] } ?? (next.sequence ?? []).compactMap { Self.value($0, "转到")?.text }
            #expect(!targets.isEmpty && targets.allSatisfy(names.contains))
        }
        let roles = Set(steps.compactMap { Self.value($0, "岗位")?.text }).subtracting(["申请人"])
        let staff = try #require(Self.value(root, "审批人员")?.sequence)
        #expect(Set(staff.compactMap { Self.value($0, "岗位")?.text }) == roles)
        #expect(staff.allSatisfy { Self.value($0, "职责")?.text?.hasPrefix(ItemSkeleton.placeholder) == true })
    }

    @Test func onlyTheGuidesElementsForTheGuideAlone() throws {
        let guide = try repositoryProfiles().resolve(["DB44/T 1147-2013"]).get()
        let text = ItemSkeleton.yaml(for: guide, code: Self.code, name: nil, agency: nil, window: nil)
        let root = try Self.parse(text)
        #expect(Self.value(root, "审批人员") == nil)
        #expect(!text.contains("审批人员"))
        #expect(Self.value(root, "办理流程")?.sequence?.count == 6)
    }

    @Test func codesAreCheckedAgainstTheProfilesFormat() throws {
        let profile = try guideAndManual()
        #expect(ItemSkeleton.problem(withCode: Self.code, in: profile) == nil)
        let bad = try #require(ItemSkeleton.problem(withCode: "440100-XK-12", in: profile))
        #expect(bad.en.contains("^[0-9]{6}-[A-Z]{2}-[0-9]{5}-[0-9]{3}$"))
        #expect(bad.zh.contains("440100-XK-12"))
        #expect(ItemSkeleton.problem(withCode: Self.code + "\n", in: profile) != nil)
        // Without a format, anything that can be a file name.
        let free = try ItemSchemaTests.testProfile(format: nil)
        #expect(ItemSkeleton.problem(withCode: "ABC-1", in: free) == nil)
        #expect(ItemSkeleton.problem(withCode: "../evil", in: free) != nil)
        #expect(ItemSkeleton.problem(withCode: "a b", in: free) != nil)
        #expect(ItemSkeleton.problem(withCode: "", in: free) != nil)
        #expect(ItemSkeleton.problem(withCode: ".hidden", in: free) != nil)
    }

    @Test func catalogHeaderReadsStandardsAndFirstIDs() throws {
        let path = repositoryRoot() + "/catalogs/liwan-yichuang/catalog.yaml"
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let root = try #require(YAMLParser().parse(bytes, file: path).root)
        #expect(CatalogOutline(root: root) == CatalogOutline(
            standards: ["GB/T 39554.2-2020", "DB44/T 1147-2013", "DB44/T 1148-2013"], firstAgency: "scjgj", firstWindow: "gc-1"))
        let traditional = try #require(YAMLParser().parse(Array("標準: DB44/T 1147-2013\n窗口:\n  - 編號: w1\n".utf8), file: "c.yaml").root)
        #expect(CatalogOutline(root: traditional) == CatalogOutline(standards: ["DB44/T 1147-2013"], firstWindow: "w1"))
    }
}
