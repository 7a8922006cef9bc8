/// Small .xlsx workbooks built in the test itself: a ZIP writer of stored entries (and of
/// entries whose compressed bytes the test gives, for zip bombs and damaged archives), and
/// the few XML parts Excel writes.
public enum ZIPFixture {
    /// One archive entry. `data` is what is stored; `method` 8 means `data` is raw deflate
    /// already and `size` the inflated size to declare.
    public struct Entry {
        public var name: String
        public var data: [UInt8]
        public var method: UInt16 = 0
        public var size: Int? = nil
        public var crc: UInt32? = nil
        public var flags: UInt16 = 0x0800

        public init(_ name: String, _ data: [UInt8], method: UInt16 = 0, size: Int? = nil, crc: UInt32? = nil, flags: UInt16 = 0x0800) {
            self.name = name
            self.data = data
            self.method = method
            self.size = size
            self.crc = crc
            self.flags = flags
        }

        public init(_ name: String, _ text: String) { self.init(name, Array(text.utf8)) }
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var table = [UInt32](repeating: 0, count: 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[i] = c
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The archive's bytes.
    public static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { for s in [0, 8, 16, 24] { into.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        for e in entries {
            let name = Array(e.name.utf8)
            let size = e.size ?? e.data.count
            let crc = e.crc ?? crc32(e.data)
            let offset = out.count
            u32(0x0403_4B50, &out); u16(20, &out); u16(Int(e.flags), &out); u16(Int(e.method), &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(e.data.count), &out); u32(UInt32(size), &out); u16(name.count, &out); u16(0, &out)
            out += name + e.data
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(Int(e.flags), &directory); u16(Int(e.method), &directory)
            u16(0, &directory); u16(0x21, &directory); u32(crc, &directory); u32(UInt32(e.data.count), &directory); u32(UInt32(size), &directory)
            u16(name.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u32(0, &directory)
            u32(UInt32(offset), &directory)
            directory += name
        }
        let cdOffset = out.count
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(directory.count), &out); u32(UInt32(cdOffset), &out); u16(0, &out)
        return out
    }
}

public enum XLSXFixture {
    /// A cell as a test writes it.
    public enum Cell: Sendable {
        /// Text through the shared string table.
        case text(String)
        /// Text written inline (`t="inlineStr"`).
        case inline(String)
        case number(String)
        /// A serial with the built-in date format (style 1), or the custom 年月日 one (style 2).
        case date(String, custom: Bool = false)
        /// A formula and the value Excel saved (nil: none saved).
        case formula(String, cached: String?)
        case error(String)
        /// A number in the custom number format `formats[format]` of ``workbook(_:numberFormats:)``.
        case styled(String, format: Int)
    }

    public struct Sheet {
        public var name: String
        public var rows: [[Cell?]]
        /// Ranges such as `A2:A3`.
        public var merges: [String]
        /// The row number of the first row (rows before it are left empty).
        public var firstRow: Int

        public init(_ name: String, _ rows: [[Cell?]], merges: [String] = [], firstRow: Int = 1) {
            self.name = name
            self.rows = rows
            self.merges = merges
            self.firstRow = firstRow
        }

        /// Every cell a shared-string text cell.
        public init(_ name: String, text rows: [[String]]) {
            self.init(name, rows.map { $0.map { $0.isEmpty ? nil : .text($0) } })
        }
    }

    static func escape(_ s: String) -> String { XLSXFixtureEscape.escape(s) }
}

/// XML text escaping for the fixtures (`&`, `<`, `>`, `"`, and CR as a character reference).
public enum XLSXFixtureEscape {
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension XLSXFixture {
    static func column(_ n: Int) -> String {
        var n = n, out = ""
        while n > 0 { out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out; n = (n - 1) / 26 }
        return out
    }

    /// The parts of a workbook, by entry name (change one to build a broken workbook);
    /// `numberFormats` are custom number formats (`000000`) for ``Cell/styled(_:format:)``.
    public static func parts(_ sheets: [Sheet], numberFormats: [String] = []) -> [(String, String)] {
        var shared: [String] = [], index: [String: Int] = [:]
        func sharedIndex(_ s: String) -> Int {
            if let i = index[s] { return i }
            shared.append(s); index[s] = shared.count - 1
            return shared.count - 1
        }
        var parts: [(String, String)] = []
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var sheetParts: [(String, String)] = []
        for (i, sheet) in sheets.enumerated() {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(ns)\" xmlns:r=\"\(rns)\"><sheetData>"
            for (r, row) in sheet.rows.enumerated() {
                let number = sheet.firstRow + r
                xml += "<row r=\"\(number)\">"
                for (c, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let ref = column(c + 1) + String(number)
                    switch cell {
                    case .text(let s): xml += "<c r=\"\(ref)\" t=\"s\"><v>\(sharedIndex(s))</v></c>"
                    case .inline(let s): xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
                    case .number(let v): xml += "<c r=\"\(ref)\"><v>\(v)</v></c>"
                    case .date(let v, let custom): xml += "<c r=\"\(ref)\" s=\"\(custom ? 2 : 1)\"><v>\(v)</v></c>"
                    case .formula(let f, let cached):
                        xml += "<c r=\"\(ref)\" t=\"str\"><f>\(escape(f))</f>" + (cached.map { "<v>\(escape($0))</v>" } ?? "") + "</c>"
                    case .error(let e): xml += "<c r=\"\(ref)\" t=\"e\"><v>\(escape(e))</v></c>"
                    case .styled(let v, let format): xml += "<c r=\"\(ref)\" s=\"\(3 + format)\"><v>\(v)</v></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if !sheet.merges.isEmpty {
                xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
            }
            xml += "</worksheet>"
            sheetParts.append(("xl/worksheets/sheet\(i + 1).xml", xml))
        }
        parts.append(("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"))
        parts.append(("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(ns)\" xmlns:r=\"\(rns)\"><sheets>"
            + sheets.enumerated().map { "<sheet name=\"\(escape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined() + "</sheets></workbook>"))
        parts.append(("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rns)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined() + "</Relationships>"))
        let formats = [#"yyyy"年"m"月"d"日""#] + numberFormats
        parts.append(("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(ns)\"><numFmts count=\"\(formats.count)\">"
            + formats.enumerated().map { "<numFmt numFmtId=\"\(176 + $0)\" formatCode=\"\(escape($1))\"/>" }.joined() + "</numFmts>"
            + "<cellXfs count=\"\(2 + formats.count)\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
            + formats.indices.map { "<xf numFmtId=\"\(176 + $0)\"/>" }.joined() + "</cellXfs></styleSheet>"))
        parts += sheetParts
        parts.append(("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(ns)\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">"
            + shared.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined() + "</sst>"))
        return parts
    }

    /// The workbook's bytes: every part stored.
    public static func workbook(_ sheets: [Sheet], numberFormats: [String] = []) -> [UInt8] {
        ZIPFixture.archive(parts(sheets, numberFormats: numberFormats).map { ZIPFixture.Entry($0.0, $0.1) })
    }
}
