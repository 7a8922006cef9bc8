import Testing
@testable import Import

@Suite struct CSVTableTests {
    /// What the export writes reads back: BOM, CRLF, quoted line breaks and commas, doubled
    /// quotes, and text neutralised against formulas (`'=`) without its `'`.
    @Test func theExportsQuotingReadsBack() throws {
        let text = "\u{FEFF}a,b,c\r\n\"x,1\",\"two\r\nlines\",\"say \"\"hi\"\"\"\r\n\"'=SUM(A1)\",'plain,\"'-5\"\r\n"
        let table = try CSVTable.parse(Array(text.utf8), file: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.cells) == [["x,1", "two\r\nlines", "say \"hi\""], ["=SUM(A1)", "'plain", "-5"]])
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.value(table.rows[0], "b") == "two\r\nlines")
        #expect(table.value(table.rows[0], "z") == nil)
    }

    @Test func aUTF16FileIsNamed() {
        #expect(throws: ImportError(code: .badText, file: "t.csv", line: 1, column: 1,
                                    zh: "文件是 UTF-16/UTF-32 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”，或转换：iconv -f UTF-16 -t UTF-8",
                                    en: "the file is encoded as UTF-16/UTF-32 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\", or convert it: iconv -f UTF-16 -t UTF-8")) {
            try CSVTable.parse([0xFF, 0xFE, 0x61, 0x00], file: "t.csv")
        }
    }
}
