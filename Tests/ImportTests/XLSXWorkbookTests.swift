import CZlib
import Foundation
import Testing
import TestSupport

@testable import Import

/// The workbook reader on workbooks built in the test: every kind of cell, merged ranges,
/// and hostile archives and XML, each refused with its code.
@Suite struct XLSXWorkbookTests {
    /// Raw deflate of `bytes` (zlib, level 9).
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let count: Int = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = i.baseAddress; stream.avail_in = uInt(i.count)
                stream.next_out = o.baseAddress; stream.avail_out = uInt(o.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return Int(stream.total_out)
            }
        }
        return Array(out.prefix(count))
    }

    static func read(_ bytes: [UInt8], limits: XLSXLimits = XLSXLimits()) throws -> XLSXWorkbook {
        try XLSXWorkbook.read(bytes, file: "book.xlsx", limits: limits)
    }

    /// The error `bytes` are refused with.
    static func refusal(_ bytes: [UInt8], limits: XLSXLimits = XLSXLimits()) -> ImportError? {
        do { _ = try read(bytes, limits: limits); return nil } catch { return error as? ImportError }
    }

    @Test func everyKindOfCellIsRead() throws {
        let sheet = XLSXFixture.Sheet("表一", [
            [.text("名称"), .text("材料"), .text("日期"), .text("数"), .text("公式"), .inline("部门")],
            [.text("甲"), .text("身份证\n营业执照"), .date("45000"), .number("20"), .formula("A2&\"x\"", cached: "甲x"), .inline("某局")],
            [.text("乙"), nil, .date("45000.5", custom: true), .number("1.5"), nil, nil],
        ], merges: ["F2:F3"])
        let book = try Self.read(XLSXFixture.workbook([sheet, XLSXFixture.Sheet("空", [])]))
        #expect(book.sheets.map(\.name) == ["表一", "空"])
        let rows = book.sheets[0].rows
        #expect(rows.map(\.number) == [1, 2, 3])
        func text(_ r: Int, _ c: Int) -> String? { rows[r].cells[c]?.text }
        #expect(text(1, 2) == "身份证\n营业执照")
        #expect(text(1, 3) == "2023-03-15")
        #expect(text(2, 3) == "2023-03-15 12:00:00")
        #expect(text(1, 4) == "20" && rows[1].cells[4]?.number == 20)
        #expect(text(2, 4) == "1.5")
        #expect(text(1, 5) == "甲x")
        // The merged F2:F3 gives F3 the value of F2.
        #expect(text(1, 6) == "某局" && text(2, 6) == "某局")
        #expect(text(2, 2) == nil)
    }

    @Test func excelsEscapesAndCarriageReturnsAreDecoded() {
        #expect(XLSXReader.unescape("身份证_x000D_\n营业执照") == "身份证\n营业执照")
        #expect(XLSXReader.unescape("a_x005F_x000D_b") == "a_x000D_b")
        #expect(XLSXReader.unescape("_x4E2D_文_x") == "中文_x")
        #expect(XLSXReader.unescape("a\rb") == "a\nb")
    }

    @Test(arguments: [(1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"),
                      (45000.0, false, "2023-03-15"), (1.0, true, "1904-01-02"), (43538.0, true, "2023-03-15"),
                      // 23:59:59.5 and later stay on their day: rounding never carries into the next.
                      (45000.0 + 86_399.5 / 86_400, false, "2023-03-15 23:59:59"), (45000.9999999, false, "2023-03-15 23:59:59")])
    func serialsBecomeDates(serial: Double, date1904: Bool, date: String) {
        #expect(XLSXWorkbook.date(serial: serial, date1904: date1904) == date)
    }

    @Test func excelsPhantomLeapDayAndNegativeSerialsAreNoDates() {
        #expect(XLSXWorkbook.date(serial: 60, date1904: false) == nil)
        #expect(XLSXWorkbook.date(serial: -1, date1904: false) == nil)
        // A time of day alone (under 1) is no date, in either date system.
        #expect(XLSXWorkbook.date(serial: 0, date1904: false) == nil)
        #expect(XLSXWorkbook.date(serial: 0, date1904: true) == nil)
        #expect(XLSXWorkbook.date(serial: 0.5, date1904: true) == nil)
        // The last serial of 9999 in the 1900 system is past 9999 in the 1904 one.
        #expect(XLSXWorkbook.date(serial: 2_958_465, date1904: false) == "9999-12-31")
        #expect(XLSXWorkbook.date(serial: 2_958_465, date1904: true) == nil)
    }

    /// Only decimal numbers are numbers (Double() would read 0x10 as 16); 年月日 alone in a
    /// format are literal text, not a date.
    @Test func hexIsNoNumberAndDaysAreNoDate() {
        #expect(XLSXWorkbook.numberText("0x10") == ("0x10", nil))
        #expect(XLSXWorkbook.numberText("nan").1 == nil)
        #expect(XLSXWorkbook.numberText("1.5E+2") == ("150", 150))
        #expect(!XLSXReader.isDateFormat("0日"))
        #expect(!XLSXReader.isDateFormat("0\"个工作日\""))
        #expect(XLSXReader.isDateFormat("yyyy年m月d日"))
    }

    @Test(arguments: [("yyyy-mm-dd", true), ("yyyy\"年\"m\"月\"d\"日\"", true), ("[$-804]aaaa", false), ("0.00\"天\"", false),
                      ("#,##0\"元\"", false), ("[Red]0", false), ("General", false), ("\\d0", false)])
    func customFormatsAreDatesOnlyOutsideQuotesAndBrackets(code: String, isDate: Bool) {
        #expect(XLSXReader.isDateFormat(code) == isDate)
    }

    @Test func columnsAreNamedAsExcelNamesThem() {
        #expect(XLSXWorkbook.columnName(1) == "A" && XLSXWorkbook.columnName(28) == "AB" && XLSXWorkbook.columnName(16_384) == "XFD")
        #expect(XLSXWorkbook.reference("XFD1048576")! == (16_384, 1_048_576))
        #expect(XLSXWorkbook.reference("XFE1") == nil && XLSXWorkbook.reference("A0") == nil)
    }

    @Test func notAZIPIsNotAWorkbook() {
        let error = Self.refusal(Array("task_name,task_code\n".utf8))
        #expect(error?.code == "ZN955" && error?.unusable == true)
        #expect(error?.message(chinese: false) == "book.xlsx: error: not an Excel workbook (.xlsx): the file is not a ZIP archive. Save an old .xls as .xlsx in Excel or WPS [ZN955]")
    }

    @Test func aZIPWithoutAWorkbookIsNotAWorkbook() {
        let error = Self.refusal(ZIPFixture.archive([.init("word/document.xml", "<w/>")]))
        #expect(error?.code == "ZN955")
        #expect(error?.en.contains("it has no xl/workbook.xml") == true)
    }

    @Test(arguments: ["../evil.xml", "/etc/passwd", "xl/../../x.xml", "a\\b.xml", "C:/x.xml", "x\u{1}.xml"])
    func entryNamesThatTraverseAreRefused(name: String) {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])]).map { ZIPFixture.Entry($0.0, $0.1) }
        parts.append(ZIPFixture.Entry(name, "x"))
        let error = Self.refusal(ZIPFixture.archive(parts))
        #expect(error?.code == "ZN957")
        #expect(error?.en.contains("unsafe entry name") == true)
    }

    @Test func anEncryptedEntryIsNamed() {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])]).map { ZIPFixture.Entry($0.0, $0.1) }
        parts[1].flags |= 1
        let error = Self.refusal(ZIPFixture.archive(parts))
        #expect(error?.code == "ZN956")
        #expect(error?.en == "\"xl/workbook.xml\" in the workbook is encrypted: remove the password in Excel, save, and import again")
    }

    /// 8 MB of one byte deflates to a few KB: a ratio no sheet has.
    @Test func aZipBombIsRefusedByItsRatio() {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])]).map { ZIPFixture.Entry($0.0, $0.1) }
        let zeros = [UInt8](repeating: 0x20, count: 8 * 1024 * 1024)
        let i = parts.firstIndex { $0.name == "xl/sharedStrings.xml" }!
        parts[i] = ZIPFixture.Entry(parts[i].name, Self.deflate(zeros), method: 8, size: zeros.count, crc: ZIPFixture.crc32(zeros))
        let error = Self.refusal(ZIPFixture.archive(parts))
        #expect(error?.code == "ZN957")
        #expect(error?.en == "\"xl/sharedStrings.xml\" in the workbook has an implausible compression ratio (a zip bomb?); refused")
    }

    /// An entry that declares a small size but inflates to more is stopped while inflating.
    @Test func anEntryLyingAboutItsSizeIsStoppedWhileInflating() {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])]).map { ZIPFixture.Entry($0.0, $0.1) }
        let body = Array(parts[1].data)
        parts[1] = ZIPFixture.Entry(parts[1].name, Self.deflate(body + [UInt8](repeating: 0x20, count: 100_000)), method: 8, size: body.count, crc: ZIPFixture.crc32(body))
        let error = Self.refusal(ZIPFixture.archive(parts))
        #expect(error?.code == "ZN957")
        #expect(error?.en == "\"xl/workbook.xml\" in the workbook inflates past the size limit (a zip bomb?); refused")
    }

    @Test func theTotalInflatedSizeIsBounded() {
        var limits = XLSXLimits()
        limits.zip.maxTotalBytes = 1000
        let error = Self.refusal(XLSXFixture.workbook([XLSXFixture.Sheet("s", text: [["a"]])]), limits: limits)
        #expect(error?.code == "ZN957")
    }

    @Test func aDamagedEntryIsNamed() {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])]).map { ZIPFixture.Entry($0.0, $0.1) }
        parts[1].crc = 1
        #expect(Self.refusal(ZIPFixture.archive(parts))?.en == "\"xl/workbook.xml\" in the workbook is damaged (its checksum or compressed data is wrong)")
    }

    /// The billion laughs: refused for its DOCTYPE before libxml2 sees it.
    @Test func entityExpansionIsRefused() {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])])
        let i = parts.firstIndex { $0.0 == "xl/sharedStrings.xml" }!
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY a \"ha\">"
        for n in 1...9 { laughs += "<!ENTITY \(Character(UnicodeScalar(97 + n)!)) \"" + String(repeating: "&\(Character(UnicodeScalar(96 + n)!));", count: 10) + "\">" }
        laughs += "]>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&j;</t></si></sst>"
        parts[i].1 = laughs
        let error = Self.refusal(ZIPFixture.archive(parts.map { ZIPFixture.Entry($0.0, $0.1) }))
        #expect(error?.code == "ZN958")
        #expect(error?.en.hasPrefix("\"xl/sharedStrings.xml\" in the workbook has a DOCTYPE declaration") == true)
    }

    @Test func malformedXMLIsLocated() {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])])
        parts[1].1 = "<?xml version=\"1.0\"?>\n<workbook>\n<sheets>\n</workbook>"
        let error = Self.refusal(ZIPFixture.archive(parts.map { ZIPFixture.Entry($0.0, $0.1) }))
        #expect(error?.code == "ZN955")
        #expect(error?.en.hasPrefix("\"xl/workbook.xml\" in the workbook is not well-formed XML at line 4") == true)
    }

    @Test func aHugeSharedStringTableIsRefused() {
        var limits = XLSXLimits()
        limits.maxSharedStrings = 3
        let sheet = XLSXFixture.Sheet("s", text: [["a", "b", "c", "d"]])
        let error = Self.refusal(XLSXFixture.workbook([sheet]), limits: limits)
        #expect(error?.code == "ZN957")
        #expect(error?.en == "the shared string table has 4 entries, more than 3")
    }

    @Test func tooManyCellsAfterMergingAreRefused() {
        var limits = XLSXLimits()
        limits.maxCells = 10
        let sheet = XLSXFixture.Sheet("s", [[.text("a"), .text("b"), .text("c")], [.text("x")], [.text("y")], [.text("z")]], merges: ["A1:C4"])
        #expect(Self.refusal(XLSXFixture.workbook([sheet]), limits: limits)?.code == "ZN957")
    }

    /// Merged ranges are bounded in number (each costs a look-up, never a scan of the sheet).
    @Test func tooManyMergedRangesAreRefused() {
        var limits = XLSXLimits()
        limits.maxCells = 100
        let sheet = XLSXFixture.Sheet("s", [[.text("a")]], merges: (1...11).map { "A\($0):B\($0)" })
        let error = Self.refusal(XLSXFixture.workbook([sheet]), limits: limits)
        #expect(error?.message(chinese: false) == "book.xlsx[s]: error: the sheet has 11 merged ranges, more than allowed [ZN957]")
    }

    @Test(arguments: [
        (XLSXFixture.Cell.formula("1+1", cached: ""), "book.xlsx[s]:2:2: error: a formula without a saved result: zhinan reads the value Excel saved and never evaluates formulas; open the workbook in Excel, recalculate and save it [ZN959]"),
        (XLSXFixture.Cell.formula("NOW()", cached: nil), "book.xlsx[s]:2:2: error: a formula without a saved result: zhinan reads the value Excel saved and never evaluates formulas; open the workbook in Excel, recalculate and save it [ZN959]"),
        (XLSXFixture.Cell.error("#N/A"), "book.xlsx[s]:2:2: error: the cell holds the error value #N/A: correct its formula in Excel or type the value [ZN959]"),
    ])
    func unreadableCellsAreLocated(cell: XLSXFixture.Cell, message: String) {
        let sheet = XLSXFixture.Sheet("s", [[.text("a"), .text("b")], [.text("x"), cell]])
        #expect(Self.refusal(XLSXFixture.workbook([sheet]))?.message(chinese: false) == message)
    }

    /// A number in a date format that is no date is read, not refused: a time of day as its
    /// time, another as its number; only a date element that imports it refuses it.
    @Test func aDateCellThatIsNoDateIsReadAsItsTimeOrNumber() throws {
        let sheet = XLSXFixture.Sheet("s", [[.text("a"), .date("0.5"), .date("-3"), .date("0")]])
        let book = try XLSXWorkbook.read(XLSXFixture.workbook([sheet]), file: "book.xlsx")
        let cells = try #require(book.sheets.first?.rows.first?.cells)
        #expect(cells[2] == XLSXWorkbook.Cell(text: "12:00:00", number: 0.5, notADate: true))
        #expect(cells[3] == XLSXWorkbook.Cell(text: "-3", number: -3, notADate: true))
        #expect(cells[4] == XLSXWorkbook.Cell(text: "00:00:00", number: 0, notADate: true))
    }

    @Test func aSharedStringIndexOutsideTheTableIsLocated() {
        var parts = XLSXFixture.parts([XLSXFixture.Sheet("s", text: [["a"]])])
        let i = parts.firstIndex { $0.0 == "xl/worksheets/sheet1.xml" }!
        parts[i].1 = parts[i].1.replacingOccurrences(of: "<v>0</v>", with: "<v>7</v>")
        let error = Self.refusal(ZIPFixture.archive(parts.map { ZIPFixture.Entry($0.0, $0.1) }))
        #expect(error?.message(chinese: false) == "book.xlsx[s]:1:1: error: the shared string index 7 is not in the shared string table (1 entries) [ZN959]")
    }
}
