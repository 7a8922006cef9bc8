import Foundation
import TestSupport
import Testing

/// Broken and hostile input, end to end through the built binary. Officers edit catalogs in
/// every editor there is, and some files are not what they seem: each case must end with
/// exit status 1 and a diagnostic naming the file, line and column, without a crash or a
/// hang, with `--format json` and text alike. How long each takes is measured by
/// Benchmarks/hostile.sh, never asserted here.
@Suite(.serialized) struct HostileInputTests {
    static let root = repositoryRoot() + "/catalogs/liwan-yichuang/"
    static let catalog = try! String(contentsOfFile: root + "catalog.yaml", encoding: .utf8)
    /// A valid item of that catalog; line 1 is 事项名称, line 25 a 份数, line 65 办理流程.
    static let item = try! String(contentsOfFile: root + "items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8)
    /// The line just after the sample item, where the tests below append (the sample grows).
    static let next = item.split(separator: "\n", omittingEmptySubsequences: false).count

    /// The item with line `n` (1-based) replaced by `text`.
    static func item(replacingLine n: Int, with text: String) -> String {
        var lines = item.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[n - 1] = text
        return lines.joined(separator: "\n")
    }

    /// The item's elements up to (not including) `element`, then `replacement`, then the
    /// elements from `next` on.
    static func item(replacing element: String, upTo next: String, with replacement: String) -> String {
        let start = item.range(of: "\n" + element + ":")!.lowerBound
        let end = item.range(of: "\n" + next + ":")!.lowerBound
        return String(item[..<start]) + "\n" + replacement + String(item[end...])
    }

    /// Checks a catalog made of the sample catalog.yaml and `files`, and expects `code` at
    /// `file`:`line`:`column`. Returns the parsed JSON diagnostics.
    @discardableResult
    func expectRefused(
        _ files: [String: [UInt8]], arguments: [String] = [], code: String, file: String = "items/a.yaml",
        line: Int, column: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [[String: Any]] {
        var all = files
        if all["catalog.yaml"] == nil { all["catalog.yaml"] = Array(Self.catalog.utf8) }
        let dir = try makeFolder(all)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let common = ["check", dir, "--lang", "en", "--standards", repositoryRoot() + "/standards"] + arguments

        let json = try runZhinan(common + ["--format", "json"])
        let text = try runZhinan(common)

        for r in [json, text] {
            #expect(!r.hung, "hung", sourceLocation: sourceLocation)
            #expect(r.status == 1, "exit status \(r.status)\n\(r.stderr.suffix(2000))", sourceLocation: sourceLocation)
            #expect(r.stderr.isEmpty, "\(r.stderr.suffix(2000))", sourceLocation: sourceLocation)
            // Bounded output: no source line is quoted, and no name repeated, a megabyte at a time.
            let count = max(r.stdout.components(separatedBy: "[ZN").count, r.stdout.components(separatedBy: "\"code\":").count) - 1
            #expect(r.stdout.utf8.count < max(1_000_000, 10_000 * count), "\(r.stdout.utf8.count) bytes of output", sourceLocation: sourceLocation)
        }
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        let found = diagnostics.map { d in
            let path = (d["file"] as? String ?? "").replacingOccurrences(of: dir + "/", with: "")
            return "\(d["code"] as? String ?? "?")@\(path):\(d["line"] as? Int ?? 0):\(d["column"] as? Int ?? 0)"
        }
        #expect(found.contains("\(code)@\(file):\(line):\(column)"), "found \(found)", sourceLocation: sourceLocation)
        #expect(text.stdout.contains("\(dir)/\(file):\(line):\(column): error: "), sourceLocation: sourceLocation)
        return diagnostics
    }

    @discardableResult
    func expectRefused(
        item: String, arguments: [String] = [], code: String, line: Int, column: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [[String: Any]] {
        try expectRefused(["items/a.yaml": Array(item.utf8)], arguments: arguments, code: code, line: line, column: column,
                          sourceLocation: sourceLocation)
    }

    @discardableResult
    func expectRefused(
        bytes: [UInt8], arguments: [String] = [], code: String, line: Int, column: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [[String: Any]] {
        try expectRefused(["items/a.yaml": bytes], arguments: arguments, code: code, line: line, column: column,
                          sourceLocation: sourceLocation)
    }

    // MARK: Truncated and mis-encoded files

    @Test func truncatedInsideAQuotedText() throws {
        let cut = Self.item.components(separatedBy: "\n").prefix(5).joined(separator: "\n") + "\n受理范围: \"经营场所在荔湾区"
        try expectRefused(item: cut, code: "ZN104", line: 6, column: 16)
    }

    @Test func truncatedInsideACharacter() throws {
        let bytes = Array(Self.item.utf8)
        let line2 = bytes.firstIndex(of: 0x0A)! + 1
        // Line 3 cut after "事项类型: " (14 bytes) and the first byte of 行.
        let third = bytes[line2...].firstIndex(of: 0x0A)! + 1
        try expectRefused(bytes: Array(bytes[..<(third + 14 + 1)]), code: "ZN101", line: 3, column: 7)
    }

    @Test func invalidUTF8MidFile() throws {
        var bytes = Array(Self.item.utf8)
        let at = Array(Self.item.utf8).indices.filter { bytes[$0] == 0x0A }[7] + 1  // start of line 9
        bytes.insert(contentsOf: [0xC0, 0xAF], at: at + 3)  // after 办, an overlong "/"
        try expectRefused(bytes: bytes, code: "ZN101", line: 9, column: 2)
    }

    @Test func gb18030File() throws {
        // What iconv -t GB18030 makes of the item (Foundation on Linux has no GB18030).
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        iconv.standardInput = input
        iconv.standardOutput = output
        try iconv.run()
        input.fileHandleForWriting.write(Data(Self.item.utf8))
        try input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        iconv.waitUntilExit()
        #expect(bytes.count > 1000 && String(data: bytes, encoding: .utf8) == nil)
        try expectRefused(bytes: Array(bytes), code: "ZN102", line: 1, column: 1)
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16, .utf32])
    func utf16AndUTF32Files(encoding: String.Encoding) throws {
        // .utf16 and .utf32 write a byte order mark; the explicit-endian ones do not.
        let bytes = try #require(Self.item.data(using: encoding))
        try expectRefused(bytes: Array(bytes), code: "ZN103", line: 1, column: 1)
    }

    @Test func utf8ByteOrderMarkIsAcceptedAndDoesNotShiftColumns() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(Self.item(replacingLine: 1, with: "事项名称: 123").utf8)
        try expectRefused(bytes: bytes, code: "ZN411", line: 1, column: 7)
        // And without the error, it checks clean.
        let dir = try makeFolder(["catalog.yaml": Array(Self.catalog.utf8), "items/a.yaml": [0xEF, 0xBB, 0xBF] + Array(Self.item.utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try runZhinan(["check", dir, "--standards", repositoryRoot() + "/standards"]).status == 0)
    }

    @Test func byteOrderMarkInsideTheFile() throws {
        // An editor that joins files leaves U+FEFF before a key; libyaml stops there.
        try expectRefused(item: Self.item.replacingOccurrences(of: "\n审批条件:", with: "\n\u{FEFF}审批条件:"), code: "ZN104", line: 16, column: 2)
    }

    @Test func nulBytes() throws {
        var bytes = Array(Self.item.utf8)
        let line3 = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes.insert(0, at: line3 + 6)  // after "事项类型: " is 6 bytes in: 事 is 3, 项 is 3
        try expectRefused(bytes: bytes, code: "ZN116", line: 3, column: 3)
    }

    // MARK: Sizes and shapes

    @Test func aHundredThousandCharacterKey() throws {
        let key = String(repeating: "长", count: 100_000)
        try expectRefused(item: Self.item(replacingLine: 7, with: key + ": [jy-2, zh-1]"), code: "ZN104", line: 7, column: 100_001)
    }

    @Test func aHundredThousandCharacterValue() throws {
        let digits = String(repeating: "9", count: 100_000)
        try expectRefused(item: Self.item(replacingLine: 25, with: "    份数: " + digits), code: "ZN402", line: 25, column: 9)
    }

    @Test func tenThousandDeepFlowNesting() throws {
        let deep = "受理范围: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        try expectRefused(item: Self.item(replacingLine: 6, with: deep), code: "ZN110", line: 6, column: 7 + 63)  // the item's mapping is the first level
    }

    @Test func tenThousandDeepBlockNesting() throws {
        // "- - - x" nests a list in a list on one line.
        let deep = "审批条件: " + String(repeating: "- ", count: 10_000) + "x"
        try expectRefused(item: Self.item(replacing: "审批条件", upTo: "申请材料", with: deep + "\n"), code: "ZN104", line: 16, column: 7)
    }

    @Test func tenThousandDeepMappings() throws {
        let deep = "咨询: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        try expectRefused(item: Self.item(replacing: "咨询", upTo: "办理流程", with: deep + "\n"), code: "ZN110", line: 64, column: 5 + 4 * 63)
    }

    @Test func billionLaughs() throws {
        var bomb = "lol: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            bomb += "lol\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        try expectRefused(item: Self.item + bomb, code: "ZN109", line: Self.next + 6, column: 22)  // lol6's third alias
    }

    @Test func aliasesRepeatingOneLongText() throws {
        // 300 KB of text, repeated by 100 aliases: 30 MB of pages from a 300 KB file.
        let long = String(repeating: "长", count: 100_000)
        let conditions = "审批条件:\n  - &long " + long + "\n" + String(repeating: "  - *long\n", count: 100)
        try expectRefused(item: Self.item(replacing: "审批条件", upTo: "申请材料", with: conditions), code: "ZN109", line: 52, column: 5)
    }

    @Test func aFiftyMegabyteScalarIsRefusedBySize() throws {
        var bytes = Array("事项名称: \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50 * 1024 * 1024)
        bytes += Array("\"\n".utf8)
        let diagnostics = try expectRefused(bytes: bytes, code: "ZN114", line: 1, column: 1)
        #expect((diagnostics.first?["message"] as? String)?.contains("10 MB limit") == true)
    }

    @Test func theSizeLimitIsSetWithMaxFileSize() throws {
        try expectRefused(item: Self.item, arguments: ["--max-file-size", "1000"], code: "ZN114", line: 1, column: 1)
    }

    // MARK: Keys, tags and types

    @Test func aListAsAKey() throws {
        try expectRefused(item: Self.item + "? [a, b]\n: c\n", code: "ZN113", line: Self.next, column: 3)
    }

    @Test func aMappingAsAKey() throws {
        try expectRefused(item: Self.item + "{a: 1}: c\n", code: "ZN113", line: Self.next, column: 1)
    }

    @Test(arguments: ["1", "~", "true", "1.5", "\"\""])
    func keysThatAreNotText(key: String) throws {
        try expectRefused(item: Self.item + "\(key): c\n", code: "ZN302", line: Self.next, column: 1)
    }

    @Test func anEmptyKey() throws {
        try expectRefused(item: Self.item + ": c\n", code: "ZN104", line: Self.next, column: 1)
    }

    @Test(arguments: ["!!python/object:os.system", "!custom", "!!binary", "!!timestamp", "!<tag:example.com,2000:x>"])
    func foreignTags(tag: String) throws {
        try expectRefused(item: Self.item(replacingLine: 1, with: "事项名称: \(tag) 食品经营许可"), code: "ZN111", line: 1, column: 7)
    }

    @Test(arguments: ["!!int 食品经营许可", "!!bool 是", "!!map 食品经营许可", "!!null 食品经营许可", "!!float 1/2"])
    func coreTagsThatDoNotFit(value: String) throws {
        try expectRefused(item: Self.item(replacingLine: 1, with: "事项名称: \(value)"), code: "ZN111", line: 1, column: 7)
    }

    @Test func aCoreTagOnTheWrongCollection() throws {
        try expectRefused(item: Self.item(replacingLine: 4, with: "服务对象: !!map [自然人, 企业法人]"), code: "ZN111", line: 4, column: 7)
    }

    @Test(arguments: ["123", "1e3", ".inf", "0x1F", "true", "-0.5"])
    func numbersWhereTextIsExpected(value: String) throws {
        try expectRefused(item: Self.item(replacingLine: 1, with: "事项名称: \(value)"), code: "ZN411", line: 1, column: 7)
    }

    @Test(arguments: ["", " ~", " null", " \"\"", " \"  \""])
    func aRequiredElementWithNothingInIt(value: String) throws {
        try expectRefused(item: Self.item(replacingLine: 1, with: "事项名称:\(value)"), code: "ZN301", line: 1, column: 1)
    }

    @Test func aRequiredFieldWithNothingInIt() throws {
        try expectRefused(item: Self.item(replacingLine: 10, with: "  - 法规:"), code: "ZN307", line: 10, column: 5)
    }

    @Test(arguments: ["两份", "1.5", "-1", "0", "99999999999999999999", "\"2\"", "0x", "[1]", "{份: 1}"])
    func textWhereNumbersAreExpected(value: String) throws {
        let code = value.hasPrefix("[") || value.hasPrefix("{") ? "ZN303" : "ZN402"
        try expectRefused(item: Self.item(replacingLine: 25, with: "    份数: \(value)"), code: code, line: 25, column: 9)
    }

    @Test(arguments: ["[否]", "{a: 1}", "不"])
    func yesOrNoThatIsNeither(value: String) throws {
        try expectRefused(item: Self.item(replacingLine: 79, with: "    计时: \(value)"), code: "ZN303", line: 79, column: 9)
    }

    @Test(arguments: ["30个工作日以内", "9999999999个工作日", "-3日", "三十日"])
    func timeLimitsThatAreNotTimeLimits(value: String) throws {
        try expectRefused(item: Self.item.replacingOccurrences(of: "法定: 10个工作日", with: "法定: \(value)"), code: "ZN401", line: 58, column: 7)
    }

    @Test(arguments: ["0.1000000000000000000", "1/9223372036854775807", "9223372036854775807/9223372036854775806"])
    func internalControlLinesThatOverflow(value: String) throws {
        let catalog = Self.catalog.replacingOccurrences(of: "内控线: 2/3", with: "内控线: \(value)")
        try expectRefused(["catalog.yaml": Array(catalog.utf8), "items/a.yaml": Array(Self.item.utf8)],
                          code: "ZN409", file: "catalog.yaml", line: 8, column: 6)
    }

    // MARK: Big flows and lists

    /// A flow of `count` timed steps in a ring, and a 准予 end.
    static func ring(_ count: Int, closedThroughUntimedStep: Bool = false) -> String {
        var flow = "办理流程:\n"
        for i in 0..<count {
            flow += "  - 环节: 步骤\(i)\n    岗位: 综合受理窗口\n    时限: 1个工作日\n"
            if closedThroughUntimedStep && i == count - 1 { flow += "    计时: 否\n" }
            flow += "    下一步:\n      - 转到: 步骤\((i + 1) % count)\n      - 转到: 统一出件\n"
        }
        flow += "  - 环节: 统一出件\n    岗位: 统一出件窗口\n    结束: 准予\n"
        return item(replacing: "办理流程", upTo: "法律救济", with: flow)
    }

    @Test func aFlowCycleOfAThousandSteps() throws {
        let diagnostics = try expectRefused(item: Self.ring(1000), code: "ZN705", line: 68, column: 9)
        // The route is in the message, cut where it gets long.
        #expect(diagnostics.contains { ($0["message"] as? String).map { $0.contains("步骤0 → 步骤1 → 步骤2") && $0.hasSuffix("…") } == true })
    }

    @Test func aThousandStepFlowClosedProperlyBuilds() throws {
        // No error: the ring passes through an untimed step. The check ends, and so does
        // a build (the chart is too large to lay out and says so).
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/a.yaml": Self.ring(1000, closedThroughUntimedStep: true)]))
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: dir + "-site")
        }
        let r = try runZhinan(["build", dir, "-o", dir + "-site", "--standards", repositoryRoot() + "/standards"])
        #expect(!r.hung, "hung")
        #expect(r.status == 1, "\(r.stdout.prefix(3000))")  // 1,000 working days exceed the promise
        #expect(r.stdout.contains("[ZN605]"))
    }

    @Test func tenThousandMaterials() throws {
        var materials = "申请材料:\n"
        for i in 0..<10_000 {
            materials += "  - 材料: 材料\(i)\n    形式: 原件\n    份数: \(i == 9_999 ? "0" : "1")\n    来源: 申请人自备\n"
        }
        try expectRefused(item: Self.item(replacing: "申请材料", upTo: "办理时限", with: materials), code: "ZN402", line: 22 + 4 * 9_999 + 3, column: 9)
    }

    @Test func thousandsOfUnknownStepsAndLongNamesAreReported() throws {
        // Did-you-mean is quadratic in the lengths and in the counts; it has a budget.
        let long = String(repeating: "长", count: 5_000)
        var flow = "办理流程:\n  - 环节: \(long)\n    下一步: \(long.dropLast())短\n"
        for i in 0..<4_000 { flow += "  - 环节: 步骤\(i)\n    下一步: 不存在\(i)\n" }
        flow += "  - 环节: 统一出件\n    结束: 准予\n"
        try expectRefused(item: Self.item(replacing: "办理流程", upTo: "法律救济", with: flow), code: "ZN503", line: 69, column: 10)
    }

    @Test func aStepWithEightThousandBranches() throws {
        var flow = "办理流程:\n  - 环节: 开始\n    下一步:\n"
        for i in 0..<8_000 { flow += "      - 转到: 步骤\(i)\n" }
        for i in 0..<8_000 { flow += "  - 环节: 步骤\(i)\n    时限: 1个工作日\n    下一步: 统一出件\n" }
        flow += "  - 环节: 统一出件\n    结束: 准予\n    时限: 两天\n"
        try expectRefused(item: Self.item(replacing: "办理流程", upTo: "法律救济", with: flow), code: "ZN401", line: 68 + 8_002 + 3 * 8_000 + 2, column: 9)
    }

    // MARK: The file system

    @Test func symlinksThatLeaveTheCatalogFolderAreRefused() throws {
        let outside = try makeFolder(.text(["secret.yaml": "事项名称: 不该读到\n", "dir/x.yaml": "a: 1\n"]))
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/a.yaml": Self.item]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir + "/items/link.yaml", withDestinationPath: outside + "/secret.yaml")
        try fm.createSymbolicLink(atPath: dir + "/items/relative.yaml", withDestinationPath: "../../" + URL(fileURLWithPath: outside).lastPathComponent + "/secret.yaml")
        try fm.createSymbolicLink(atPath: dir + "/items/folder", withDestinationPath: outside + "/dir")
        try fm.createSymbolicLink(atPath: dir + "/items/inside.yaml", withDestinationPath: dir + "/items/a.yaml")
        let r = try runZhinan(["check", dir, "--lang", "en", "--standards", repositoryRoot() + "/standards"])
        #expect(!r.hung, "hung")
        #expect(r.status == 1)
        for name in ["link.yaml", "relative.yaml", "folder"] {
            #expect(r.stdout.contains("\(dir)/items/\(name):1:1: error: the symbolic link points outside the catalog folder"), "\(r.stdout)")
        }
        #expect(!r.stdout.contains("不该读到"))
        // The link inside the folder is read: the same item twice.
        #expect(r.stdout.contains("[ZN408]"), "\(r.stdout)")
    }

    @Test func aFIFONamedLikeAnItemIsRefusedNotWaitedOn() throws {
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/a.yaml": Self.item]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/items/pipe.yaml", 0o644) == 0)
        let r = try runZhinan(["check", dir, "--lang", "en", "--standards", repositoryRoot() + "/standards"])
        #expect(!r.hung, "hung")
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(dir)/items/pipe.yaml:1:1: error: not a regular file"), "\(r.stdout)")
    }

    @Test func anUnreadableItemFolderIsReportedAndTheOthersChecked() throws {
        let broken = Self.item(replacingLine: 1, with: "事项名称: 123")
        let dir = try makeFolder(.text([
            "catalog.yaml": Self.catalog, "items/locked/a.yaml": Self.item, "items/b.yaml": broken,
        ]))
        defer {
            chmod(dir + "/items/locked", 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        #expect(chmod(dir + "/items/locked", 0) == 0)
        let arguments = ["check", dir, "--lang", "en", "--standards", repositoryRoot() + "/standards"]
        // As root permission bits do not stop reads; run as nobody instead.
        let run = isRoot ? try runZhinanUnprivileged(arguments) : try runZhinan(arguments)
        let r = try #require(run, "running as root without setpriv: cannot take a permission away")
        #expect(!r.hung, "hung")
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("\(dir)/items/locked:1:1: error: cannot read the folder"), "\(r.stdout)")
        #expect(r.stdout.contains("\(dir)/items/b.yaml:1:7: error: 事项名称 must be text"), "\(r.stdout)")
    }
}
