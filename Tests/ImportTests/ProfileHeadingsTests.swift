import Foundation
import Standards
import Testing
import TestSupport
import YAMLSyntax

@testable import Import

/// The standards' names of elements as an item sheet's headings (``ProfileHeadings``), and
/// which element a heading two of them claim lands in.
@Suite struct ProfileHeadingsTests {
    /// The effective profile of the import's default 标准, from the repository's standards/.
    static func national() throws -> EffectiveProfile {
        var library = ProfileLibrary()
        let folder = repositoryRoot() + "/standards/"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".yaml") {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + name)))
            let (profile, _) = ProfileLoader().load(try #require(YAMLParser().parse(bytes, file: name).root), file: name)
            #expect(library.add(try #require(profile)) == nil)
        }
        return try library.resolve(["GB/T 39554.2-2020", "DB44/T 1147-2013", "DB44/T 1148-2013"]).get()
    }

    static func map(_ profile: EffectiveProfile) -> HeadingMap {
        HeadingMap().including(ImportProfile(profile, standards: []))
    }

    @Test func everyNameTheProfilesGiveAnElementIsAHeading() throws {
        let map = Self.map(try Self.national())
        let expected: [String: String?] = [
            "申请条件": "accept_condition",  // GB/T 39554.2-2020 别名 → 审批条件
            "实施依据": "by_law",  // 别名 → 办理依据
            "申请材料目录": "materials",
            "办理结果": "result_name",  // 别名 → 审批结果
            "审批收费": "fee", "監督投訴": "supervise_way", "咨询": "link_way",  // element names, 繁体
            "事項名稱": "task_name", "實施編碼": "task_code", "審批條件": "accept_condition", "辦理依據": "by_law",
            "审批咨询": "link_way",  // DB44/T 1148's 标准名称 of 咨询
            "结果名称": "result_name",  // built in; DB44/T 1148 hints it at 审批证件, which does not change it
            "办理时限": nil,  // the whole element: no one column fills it
            "审批证件": nil,  // no heading of the built-in table fills it
        ]
        for (heading, field) in expected {
            #expect(map.field(heading) == field, "\(heading)")
        }
        // A bare number under 咨询 is not taken for a phone: 咨询 stands for 咨询方式.
        #expect(map.builtIn("咨询") == "咨询方式")
    }

    /// One name two elements claim: the element declared first, in the order of 标准, has it.
    @Test func aNameTwoElementsClaimGoesToTheFirstInTheStandardsOrder() throws {
        let a = Profile(id: "A", title: "A", elements: [ElementSpec(name: "审批条件", key: "conditions", type: .textList, synonyms: ["条件"])])
        let b = Profile(id: "B", title: "B", elements: [ElementSpec(name: "办理依据", key: "legalBasis", type: .legalBasis, traditional: ["条件"])])
        let library = ProfileLibrary([a, b])
        #expect(Self.map(try library.resolve(["A", "B"]).get()).field("条件") == "accept_condition")
        #expect(Self.map(try library.resolve(["B", "A"]).get()).field("条件") == "by_law")
        // `--map` comes before both.
        let mapped = try HeadingMap(yaml: Array("条件: 申请材料\n".utf8), file: "map.yaml").including(ImportProfile(try library.resolve(["A", "B"]).get(), standards: []))
        #expect(mapped.field("条件") == "materials")
    }
}

/// Zero-padded number formats, shown as Excel shows them.
@Suite struct DigitFormatTests {
    @Test(arguments: [
        ("000000", 1234.0, "001234"), ("0000000000", 1.0, "0000000001"), ("00", 1.0, "01"), ("000000", 1_234_567.0, "1234567"),
        ("000-00000000", 2_012_345_678.0, "020-12345678"), (#""No."0000"#, 12.0, "No.0012"), (#"0000\-00"#, 12345.0, "0123-45"),
        ("000", 0.0, "000"), ("#0000", 5.0, "0005"), ("000000;-000000", 42.0, "000042"),
        // Excel shows 0 through the third section: a literal, or nothing.
        (#"00;-00;"零""#, 0.0, "零"), ("00;;", 0.0, ""), (#"00;-00;"零""#, 3.0, "03"), (#""a;b"00;-00;00"#, 0.0, "00"),
    ])
    func aPaddedFormatShowsTheNumberAsExcelDoes(code: String, value: Double, shown: String) throws {
        #expect(try #require(DigitFormat(code)).display(value) == shown)
    }

    @Test(arguments: ["General", "0.00", "#,##0", "@", "#", "[Red]0000", "0000%", "0000E+00"])
    func anyOtherFormatIsNotRead(code: String) {
        #expect(DigitFormat(code) == nil)
    }

    @Test func aNumberThatIsNotAWholeNonNegativeOneIsLeftAsStored() throws {
        let format = try #require(DigitFormat("000000"))
        #expect(format.display(12.5) == nil)
        #expect(format.display(-3) == nil)
        // A zero section zhinan does not read leaves 0 as stored.
        #expect(try #require(DigitFormat("00;-00;0.0")).display(0) == nil)
    }
}
