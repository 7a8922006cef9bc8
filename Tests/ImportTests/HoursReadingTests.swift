import Testing

@testable import Import

/// The ways a row's office-hours pieces can be shared out among its windows.
@Suite struct HoursReadingTests {
    @Test func oneWindowKeepsTheWholeText() {
        #expect(HoursReading.all(windows: 1, pieces: ["周一至周五", "周六"]) == [["周一至周五；周六"]])
    }

    @Test func twoPiecesForTwoWindowsReadTwoWays() {
        #expect(HoursReading.all(windows: 2, pieces: ["a", "b"]) == [["a", "b"], ["a；b", "a；b"]])
    }

    /// The samples' case: `a；a；b` for two windows is a and a；b, or a；a and b; the second
    /// repeats a piece within one window's hours and is no reading.
    @Test func aRepeatedPieceIsNeverOneWindowsHours() {
        #expect(HoursReading.all(windows: 2, pieces: ["a", "a", "b"]) == [["a", "a；b"]])
    }

    @Test func oneHoursForAllWindows() {
        #expect(HoursReading.all(windows: 3, pieces: ["a"]) == [["a", "a", "a"]])
    }

    @Test func tooManyPiecesGiveNoReading() {
        #expect(HoursReading.all(windows: 2, pieces: (1...13).map(String.init)).isEmpty)
        #expect(HoursReading.all(windows: 12, pieces: (1...12).map(String.init)).isEmpty)  // over 256 readings
    }
}

/// Time limits in the words centres use, and material cells one per line.
@Suite struct ItemSheetWordsTests {
    @Test(arguments: [("20个工作日", 20, "1"), ("二十个工作日", 20, "1"), ("十五个工作日", 15, "1"), ("两个工作日", 2, "1"),
                      ("一百二十天", 120, "2"), ("20天", 20, "2"), ("30日", 30, "2"), ("60个自然日", 60, "2"),
                      ("即办", 0, "1"), ("当场办结", 0, "1"), (" 5 个工作日", 5, "1")])
    func timeLimitsInWords(text: String, days: Int, unit: String) {
        let parsed = TimeLimitWords.parse(text)
        #expect(parsed?.0 == days && parsed?.1 == unit)
    }

    @Test(arguments: ["按规定时限", "20个月", "个工作日", "一二三个工作日x"])
    func otherWordingsAreNotRead(text: String) {
        #expect(TimeLimitWords.parse(text) == nil)
    }

    @Test func materialCellsSplitIntoLinesWithoutTheirNumbering() {
        #expect(ItemSheet.lines("1. 申请书\n2、营业执照\r\n（3）身份证明\n(4)委托书\n⑤ 照片\n\n2020年度报告") == ["申请书", "营业执照", "身份证明", "委托书", "照片", "2020年度报告"])
    }
}
