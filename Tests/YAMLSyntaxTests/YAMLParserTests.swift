import Diagnostics
import Testing

@testable import YAMLSyntax

/// Parses text as the file `t.yaml`.
func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
    YAMLParser(limits: limits).parse(Array(text.utf8), file: "t.yaml")
}

func parse(bytes: [UInt8]) -> YAMLParseResult {
    YAMLParser().parse(bytes, file: "t.yaml")
}

/// `code@line:column` of each diagnostic, for compact exact assertions.
func positions(_ r: YAMLParseResult) -> [String] {
    r.diagnostics.map { d in
        "\(d.code)@\(d.span!.range.start.line):\(d.span!.range.start.column)"
    }
}

@Suite struct ValidYAMLTests {
    @Test func chineseKeysAndValuesKeepOrderAndPositions() throws {
        let r = parse("""
            事项名称: 特种设备使用登记
            事项编码: "440100-XK-00012-001"
            服务对象: [企业法人, 事业法人]
            """)
        #expect(r.diagnostics.isEmpty)
        let pairs = try #require(r.root?.mapping)
        #expect(pairs.map(\.key.text) == ["事项名称", "事项编码", "服务对象"])
        #expect(pairs[0].value.scalar == YAMLScalar("特种设备使用登记"))
        // Columns count characters: "事项名称: " is 6 characters.
        #expect(pairs[0].value.range.start == SourceLocation(line: 1, column: 7))
        #expect(pairs[0].value.range.end == SourceLocation(line: 1, column: 15))
        #expect(pairs[1].value.scalar?.style == .doubleQuoted)
        #expect(pairs[1].keyRange == SourceRange(start: .init(line: 2, column: 1), end: .init(line: 2, column: 5)))
        let objects = try #require(pairs[2].value.sequence)
        #expect(objects.map { $0.scalar?.text } == ["企业法人", "事业法人"])
        #expect(objects[1].range.start == SourceLocation(line: 3, column: 14))
    }

    @Test func blockSequencesOfMappings() throws {
        let r = parse("""
            申请材料:
              - 材料: 特种设备使用登记表
                份数: 2
              - 材料库: yyzz
            """)
        #expect(r.diagnostics.isEmpty)
        let materials = try #require(r.root?.mapping?[0].value.sequence)
        #expect(materials.count == 2)
        let first = try #require(materials[0].mapping)
        #expect(first[1].value.scalar?.int == 2)
        #expect(first[1].keyRange.start == SourceLocation(line: 3, column: 5))
        #expect(materials[1].range.start == SourceLocation(line: 4, column: 5))
    }

    @Test func multiLineScalars() throws {
        let r = parse("""
            权利: |
              第一行。
              第二行。
            说明: >
              折叠的
              一段文字
            """)
        #expect(r.diagnostics.isEmpty)
        let pairs = try #require(r.root?.mapping)
        #expect(pairs[0].value.scalar == YAMLScalar("第一行。\n第二行。\n", style: .literal))
        #expect(pairs[1].value.scalar == YAMLScalar("折叠的 一段文字", style: .folded))
    }

    @Test func flowMappings() throws {
        let r = parse("收费: [{项目: 登记费, 标准: 每件10元}]\n")
        #expect(r.diagnostics.isEmpty)
        let fee = try #require(r.root?.mapping?[0].value.sequence?[0].mapping)
        #expect(fee.map(\.key.text) == ["项目", "标准"])
        #expect(fee[1].keyRange.start == SourceLocation(line: 1, column: 16))
    }

    @Test func crlfLineEndings() throws {
        let r = parse("事项名称: 登记\r\n事项编码: x\r\n事项名称: 重复\r\n")
        #expect(positions(r) == ["ZN106@3:1"])
        #expect(r.root?.mapping?[1].value.scalar?.text == "x")
        #expect(r.root?.mapping?[1].keyRange.start == SourceLocation(line: 2, column: 1))
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let r = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("名称: 值\n".utf8))
        #expect(r.diagnostics.isEmpty)
        #expect(r.root?.mapping?[0].keyRange.start == SourceLocation(line: 1, column: 1))
    }

    @Test func anchorsAndAliasesWork() throws {
        let r = parse("a: &x {k: v}\nb: *x\n")
        #expect(r.diagnostics.isEmpty)
        let b = try #require(r.root?.mapping?[1].value)
        #expect(b.mapping?[0].value.scalar?.text == "v")
        #expect(b.range.start == SourceLocation(line: 2, column: 4))
    }

    @Test func coreSchemaTagsAreAccepted() throws {
        let r = parse("a: !!str 123\nb: !!int 5\n")
        #expect(r.diagnostics.isEmpty)
        #expect(r.root?.mapping?[0].value.tag == .str)
    }

    @Test func aFiveMegabyteFileParses() throws {
        var text = "申请材料:\n"
        var n = 0
        while text.utf8.count < 5_000_000 {
            text += "  - 材料: 第\(n)份材料，用于测试较大的文件\n    份数: \(n % 5 + 1)\n"
            n += 1
        }
        let r = parse(text)
        #expect(r.diagnostics.isEmpty)
        let list = try #require(r.root?.mapping?[0].value.sequence)
        #expect(list.count == n)
        #expect(list.last?.range.start == SourceLocation(line: 2 * n, column: 5))
    }

    @Test func scalarResolution() {
        #expect(YAMLScalar("30").int == 30)
        #expect(YAMLScalar("30", style: .doubleQuoted).int == nil)
        #expect(YAMLScalar("3.5").isNumber)
        #expect(!YAMLScalar("3个工作日").isNumber)
        #expect(YAMLScalar("~").isNull)
        #expect(YAMLScalar("false").bool == false)
        #expect(YAMLScalar("否").bool == nil)
    }
}

@Suite struct StrictnessTests {
    @Test func duplicateKeyIsReportedAtTheSecondWithANoteAtTheFirst() throws {
        let r = parse("事项名称: 甲\n事项编码: x\n事项名称: 乙\n")
        #expect(positions(r) == ["ZN106@3:1"])
        let note = try #require(r.diagnostics.first?.notes.first)
        #expect(note.span?.range.start == SourceLocation(line: 1, column: 1))
        #expect(r.root != nil, "a duplicate key leaves the tree usable")
    }

    @Test func duplicateKeysInLargeMappings() {
        var text = ""
        for i in 0..<40 { text += "k\(i): v\n" }
        text += "k7: again\n"
        #expect(positions(parse(text)) == ["ZN106@41:1"])
    }

    @Test func nestedDuplicateKey() {
        let r = parse("办理时限:\n  法定: 30个工作日\n  法定: 20个工作日\n")
        #expect(positions(r) == ["ZN106@3:3"])
    }

    @Test func invalidUTF8NamesTheLine() {
        let r = parse(bytes: Array("a: 好\nb: ".utf8) + [0xFF, 0x41] + Array("\n".utf8))
        #expect(positions(r) == ["ZN101@2:4"])
        #expect(r.diagnostics[0].message.en.contains("line 2"))
        #expect(r.root == nil)
    }

    @Test func truncatedMultibyteCharacter() {
        let r = parse(bytes: Array("a: 好".utf8).dropLast())
        #expect(positions(r) == ["ZN101@1:4"])
    }

    @Test func gb18030IsRecognisedWithAConversionHint() {
        // 事项名称: 特种 in GB18030.
        let r = parse(bytes: [0xCA, 0xC2, 0xCF, 0xEE, 0xC3, 0xFB, 0xB3, 0xC6, 0x3A, 0x20, 0xCC, 0xD8, 0xD6, 0xD6, 0x0A])
        #expect(positions(r) == ["ZN102@1:1"])
        #expect(r.diagnostics[0].message.en.contains("iconv -f GB18030 -t UTF-8"))
    }

    @Test func utf16IsRecognised() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a: b\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(positions(parse(bytes: bytes)) == ["ZN103@1:1"])
    }

    @Test func aliasBombIsStoppedQuickly() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...20 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let r = parse(text)
        #expect(positions(r) == ["ZN109@7:20"])
        #expect(r.root == nil)
    }

    @Test func depthIsBounded() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let r = parse(text)
        #expect(positions(r) == ["ZN110@1:65"])
    }

    @Test func blockNestingIsBoundedToo() {
        var text = ""
        for i in 0..<70 { text += String(repeating: "  ", count: i) + "k:\n" }
        let r = parse(text)
        #expect(positions(r) == ["ZN110@65:129"])
    }

    @Test func foreignTagsAreRejected() {
        let r = parse("a: !!python/object:os.system x\nb: !local y\nc: !!str ok\n")
        #expect(positions(r) == ["ZN111@1:4", "ZN111@2:4"])
    }

    @Test func syntaxErrorAtTheProblemMarkWithContext() throws {
        let r = parse("事项名称: 特种设备\n  事项编码: x\n")
        #expect(positions(r) == ["ZN104@2:7"])
        #expect(r.diagnostics[0].message.zh.contains("缩进"))
        #expect(!r.diagnostics[0].message.zh.contains("mapping values"))
    }

    @Test func unclosedQuoteNamesWhereItOpened() throws {
        let r = parse("a: \"open\nb: c\n")
        #expect(positions(r) == ["ZN104@3:1"])
        let note = try #require(r.diagnostics[0].notes.first)
        #expect(note.span?.range.start == SourceLocation(line: 1, column: 4))
    }

    @Test func tabIndentationHasItsOwnMessage() {
        #expect(positions(parse("a:\n\tb: c\n")) == ["ZN105@2:1"])
        #expect(positions(parse("a:\n  - x\n\t- y\n")) == ["ZN105@3:1"])
    }

    @Test func multipleDocumentsAreAnError() {
        let r = parse("a: 1\n---\nb: 2\n")
        #expect(positions(r) == ["ZN107@2:1"])
        #expect(r.root?.mapping?[0].key.text == "a")
    }

    @Test func aLeadingDocumentMarkerIsFine() {
        #expect(parse("---\na: 1\n").diagnostics.isEmpty)
    }

    @Test func emptyFiles() {
        #expect(positions(parse("")) == ["ZN108@1:1"])
        #expect(positions(parse("# 只有注释\n")) == ["ZN108@1:1"])
    }

    @Test func unknownAnchor() {
        #expect(positions(parse("a: *nope\n")) == ["ZN112@1:4"])
    }

    @Test func complexKeysAreRejected() {
        #expect(positions(parse("? [a, b]\n: c\n")) == ["ZN113@1:3"])
        #expect(positions(parse("{[a]: b}\n")) == ["ZN113@1:2"])
    }

    @Test func nulBytesAreControlCharacters() {
        let r = parse(bytes: Array("a: b\nc: d".utf8) + [0] + Array("\n".utf8))
        #expect(positions(r) == ["ZN116@2:5"])
    }
}
