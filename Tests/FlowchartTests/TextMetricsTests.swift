import Testing

@testable import Flowchart

@Suite struct TextMetricsTests {
    @Test func widths() {
        #expect(TextMetrics.width("审查", fontSize: 14) == 28)
        #expect(TextMetrics.width("（、）", fontSize: 10) == 30)
        #expect(abs(TextMetrics.width("0123456789", fontSize: 10) - 55) < 1e-9)
        #expect(TextMetrics.width("il", fontSize: 10) < TextMetrics.width("mw", fontSize: 10))
        #expect(abs(TextMetrics.width("5个工作日", fontSize: 12) - 12 * 4.55) < 1e-9)
    }

    @Test func wrapsLongCJKText() {
        let text = "申请人对行政机关作出的不予登记决定不服的可以依法申请行政复议"
        let lines = TextMetrics.wrap(text, maxWidth: 12 * 14, fontSize: 14)
        #expect(lines.joined() == text)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 14) <= 12 * 14 })
    }

    @Test func punctuationDoesNotStartALine() {
        for text in ["一二三四五六七八九十甲乙，丙丁", "一二三四五六七八九十甲乙丙，丁戊己庚", "材料齐全、符合法定形式、经审查无误。"] {
            for measure in stride(from: 3.0, through: 13, by: 1) {
                let lines = TextMetrics.wrap(text, maxWidth: measure * 14, fontSize: 14)
                #expect(lines.joined() == text)
                #expect(lines.allSatisfy { !["，", "、", "。"].contains($0.first!) }, "\(lines)")
            }
        }
    }

    @Test func linesAreBalanced() {
        // Thirteen characters make two lines of six and seven, not twelve and one.
        let lines = TextMetrics.wrap("迁移登记（跨行政区域）审查", maxWidth: 12 * 14, fontSize: 14)
        #expect(lines.map(\.count).sorted() == [6, 7])
    }

    /// Chinese words of the table stay whole: "食品许可" and "审查岗" are not split (issue 16).
    @Test func breaksBetweenChineseWords() {
        #expect(TextMetrics.wrap("食品经营许可审查岗位", maxWidth: 6 * 14, fontSize: 14) == ["食品经营", "许可审查岗位"]
            || TextMetrics.wrap("食品经营许可审查岗位", maxWidth: 6 * 14, fontSize: 14) == ["食品经营许可", "审查岗位"])
        let detail = TextMetrics.wrap("区市场监管局食品许可审查岗 · 1个工作日", maxWidth: 16 * 12, fontSize: 12)
        #expect(detail == ["区市场监管局食品许可", "审查岗 · 1个工作日"])
        // A run the table does not know still breaks between characters.
        #expect(TextMetrics.wrap("甲乙丙丁戊己庚辛壬癸子丑", maxWidth: 6 * 14, fontSize: 14) == ["甲乙丙丁戊己", "庚辛壬癸子丑"])
        #expect(CJKWords.length(Array("许可证"), at: 0) == 3)
        #expect(CJKWords.length(Array("甲乙"), at: 0) == 1)
    }

    @Test func wrapsWordsAtSpaces() {
        let lines = TextMetrics.wrap("Review of the application by ABC department", maxWidth: 100, fontSize: 10)
        #expect(lines.joined(separator: " ") == "Review of the application by ABC department")
        #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 10) <= 100 })
    }

    @Test func normalizesWhitespace() {
        #expect(TextMetrics.wrap("  受理\n\t窗口  ", maxWidth: 500, fontSize: 14) == ["受理 窗口"])
        #expect(TextMetrics.wrap("   ", maxWidth: 500, fontSize: 14) == [])
    }
}
