import Diagnostics
import Testing

@testable import YAMLSyntax

/// ZN119: a key typed with a full-width colon is reported at the colon, with its fix; a
/// value holding `：` is not.
@Suite struct FullWidthColonTests {
    static func findings(_ text: String) -> [String] {
        YAMLParser().parse(Array(text.utf8), file: "a.yaml").diagnostics.map { d in
            let r = d.span!.range
            return "\(d.code)@\(r.start.line):\(r.start.column)-\(r.end.column)" + (d.fix.map { "=\"\($0.replacement)\"" } ?? "")
        }
    }

    @Test func aKeyWithAFullWidthColonIsReportedAtTheColon() {
        let text = "事项名称: 特种设备使用登记\n事项类型：行政许可\n办件类型: 承诺件\n"
        #expect(Self.findings(text) == ["ZN119@2:5-6=\": \""])
        let d = YAMLParser().parse(Array(text.utf8), file: "a.yaml").diagnostics[0]
        #expect(d.message.zh.contains("把全角冒号“：”改为半角冒号加空格“: ”"))
        #expect(d.severity == .error)
    }

    @Test func theSpacesAfterTheColonAreReplacedToo() {
        #expect(Self.findings("事项名称: 甲\n事项类型：  行政许可\n") == ["ZN119@2:5-8=\": \""])
    }

    @Test func aColonAtTheEndOfALineOpensANestedMapping() {
        let text = "事项名称: 甲\n办理时限：\n  法定: 20个工作日\n  承诺: 10个工作日\n"
        #expect(Self.findings(text) == ["ZN119@2:5-6=\":\""])
    }

    @Test func nestedKeysAndListEntriesAreFound() {
        let text = "事项名称: 甲\n申请材料:\n  - 材料: 身份证\n    份数：1\n办理时限:\n  法定: 20个工作日\n"
        #expect(Self.findings(text) == ["ZN119@4:7-8=\": \""])
    }

    @Test func severalAreReportedInOneRun() {
        let text = "事项名称：甲\n事项编码: 440100-XK-00001-001\n事项类型：行政许可\n"
        #expect(Self.findings(text) == ["ZN119@1:5-6=\": \"", "ZN119@3:5-6=\": \""])
    }

    @Test func aValueHoldingAFullWidthColonIsNotReported() {
        // Legitimate text: parses, nothing to say.
        #expect(Self.findings("说明: 注意：须本人到场\n事项名称: 甲\n").isEmpty)
        #expect(Self.findings("审批条件:\n  - 注意：须本人到场\n  - 其他\n").isEmpty)
        // Next to a real full-width-colon key, the value's colon is still left alone.
        let text = "说明: 注意：须本人到场\n事项类型：行政许可\n办件类型: 承诺件\n"
        #expect(Self.findings(text) == ["ZN119@2:5-6=\": \""])
    }

    @Test func textInABlockScalarIsNotACandidate() {
        let text = "说明: |\n  注意：须本人到场\n事项类型：行政许可\n办件类型: 承诺件\n"
        #expect(Self.findings(text) == ["ZN119@3:5-6=\": \""])
    }

    @Test func anUnrelatedSyntaxErrorStaysASyntaxError() {
        // The list entry's colon is text; the error is the unclosed quote.
        let found = Self.findings("审批条件:\n  - 注意：须本人到场\n事项名称: \"甲\n")
        #expect(found.count == 1 && found[0].hasPrefix("ZN104@"), "\(found)")
    }
}
