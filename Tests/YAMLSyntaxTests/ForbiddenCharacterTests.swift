import Diagnostics
import Testing

@testable import YAMLSyntax

/// The character with scalar value `v`: Swift's literals refuse noncharacters.
func nonchar(_ v: UInt32) -> String { String(Character(Unicode.Scalar(v)!)) }

/// Characters no value may hold once decoded (ZN420), whether written as escapes in double
/// quotes or as they are; each reported where it is written, and the file not used.
@Suite struct ForbiddenCharacterTests {
    /// `code@line:column-endColumn` of each diagnostic.
    static func spans(_ r: YAMLParseResult) -> [String] {
        r.diagnostics.map { d in
            let range = d.span!.range
            return "\(d.code)@\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
        }
    }

    @Test(arguments: [
        (#"\0"#, 0x00), (#"\x00"#, 0x00), (#"\u0000"#, 0x00), (#"\x01"#, 0x01), (#"\a"#, 0x07), (#"\b"#, 0x08),
        (#"\v"#, 0x0B), (#"\f"#, 0x0C), (#"\e"#, 0x1B), (#"\x1f"#, 0x1F), (#"\x7F"#, 0x7F), (#"\x80"#, 0x80),
        (#"\N"#, 0x85), (#"\x85"#, 0x85), (#"\u009F"#, 0x9F), (#"\uFDD0"#, 0xFDD0), (#"\uFDEF"#, 0xFDEF),
        (#"\uFFFE"#, 0xFFFE), (#"\uffff"#, 0xFFFF), (#"\U0001FFFE"#, 0x1FFFE), (#"\U0010FFFF"#, 0x10FFFF),
    ])
    func escapesAreRefusedWhereTheyAreWritten(escape: String, scalar: Int) throws {
        let r = parse("编码: a\n名称: \"特种设备\(escape)登记\"\n")
        // `名称: "特种设备` is 9 characters: the escape starts at column 10.
        #expect(Self.spans(r) == ["ZN420@2:10-2:\(10 + escape.count)"])
        #expect(r.root == nil)
        let hex = String(scalar, radix: 16, uppercase: true)
        let id = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let message = try #require(r.diagnostics.first?.message)
        #expect(message.en.hasPrefix("the escape \"\(escape)\" writes \(id), a "), "\(message.en)")
        #expect(message.zh.hasPrefix("转义“\(escape)”写出了"), "\(message.zh)")
        #expect(message.zh.contains(id))
    }

    @Test func theMessagesSayWhatTheCharacterIs() throws {
        let control = try #require(parse("a: \"x\\e\"\n").diagnostics.first?.message)
        #expect(control.zh == "转义“\\e”写出了控制字符 U+001B，值中不能有这样的字符；请删除它")
        #expect(control.en == "the escape \"\\e\" writes U+001B, a control character, which no value may hold; delete it")
        let non = try #require(parse("a: \"\\uFFFE\"\n").diagnostics.first?.message)
        #expect(non.en == "the escape \"\\uFFFE\" writes U+FFFE, a noncharacter, which no value may hold; delete it")
        let raw = try #require(parse("a: x\(nonchar(0xFDD0))\n").diagnostics.first?.message)
        #expect(raw.zh == "这里的非字符 U+FDD0 不能出现在值中；请删除它")
        #expect(raw.en == "U+FDD0 here is a noncharacter, which no value may hold; delete it")
    }

    @Test func escapesThatWriteAllowedCharactersPass() throws {
        let r = parse(#"a: "\t\n\r\\\"\/\ \_\L\P\u00A0\u4E2D\x09\U0001F600""# + "\n")
        #expect(r.diagnostics.isEmpty)
        #expect(r.root?.mapping?.first?.value.scalar?.text == "\t\n\r\\\"/ \u{A0}\u{2028}\u{2029}\u{A0}中\t😀")
    }

    @Test func everyPlaceAScalarCanBe() {
        // A key.
        #expect(Self.spans(parse("\"键\\x01\": 1\n")) == ["ZN420@1:3-1:7"])
        // A flow sequence entry, after an allowed one.
        #expect(Self.spans(parse("a: [\"x\", \"y\\0\"]\n")) == ["ZN420@1:12-1:14"])
        // A flow mapping's value.
        #expect(Self.spans(parse("a: {b: \"\\e\"}\n")) == ["ZN420@1:9-1:11"])
        // A block list entry.
        #expect(Self.spans(parse("a:\n  - \"ok\"\n  - \"\\b\"\n")) == ["ZN420@3:6-3:8"])
        // The second line of a quoted scalar, and after an escaped line break.
        #expect(Self.spans(parse("a: \"第一行\n  第二行\\e尾\"\n")) == ["ZN420@2:6-2:8"])
        #expect(Self.spans(parse("a: \"x\\\n  b\\x01\"\n")) == ["ZN420@2:4-2:8"])
        // After characters beyond the BMP, a byte order mark, and CRLF line breaks.
        #expect(Self.spans(parse("a: \"😀\\0\"\n")) == ["ZN420@1:6-1:8"])
        #expect(Self.spans(parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a: \"\\0\"\n".utf8))) == ["ZN420@1:5-1:7"])
        #expect(Self.spans(parse("a: b\r\nc: \"d\r\n  e\\0\"\r\n")) == ["ZN420@3:4-3:6"])
        // An escaped backslash before a letter is no escape of it.
        #expect(Self.spans(parse("a: \"\\\\e\\e\"\n")) == ["ZN420@1:8-1:10"])
    }

    @Test func oneDiagnosticPerScalarAndEveryScalarReported() {
        #expect(Self.spans(parse("a: \"\\0\\0\"\nb: ok\nc: \"x\\e\"\n")) == ["ZN420@1:5-1:7", "ZN420@3:6-3:8"])
    }

    @Test func noncharactersWrittenAsTheyAre() {
        #expect(Self.spans(parse("a: 特\(nonchar(0xFDD0))种\n")) == ["ZN420@1:5-1:6"])
        #expect(Self.spans(parse("a: '\(nonchar(0xFDEF))'\n")) == ["ZN420@1:5-1:6"])
        #expect(Self.spans(parse("a: |\n  x\(nonchar(0xFDD0))\n")) == ["ZN420@2:4-2:5"])
        #expect(Self.spans(parse("\(nonchar(0xFDD0)): 1\n")) == ["ZN420@1:1-1:2"])
        #expect(Self.spans(parse("a: \(nonchar(0x1FFFE))\n")) == ["ZN420@1:4-1:5"])
        #expect(Self.spans(parse("a: \"\(nonchar(0x10FFFF))\"\n")) == ["ZN420@1:5-1:6"])
    }

    /// What libyaml refuses itself, reported where it is.
    @Test func rawControlsAndSurrogateEscapes() throws {
        #expect(positions(parse("a: 特\u{0081}种\n")) == ["ZN116@1:5"])
        #expect(positions(parse("a: 特\(nonchar(0xFFFE))\n")) == ["ZN116@1:5"])
        #expect(positions(parse("a: b\nc: 😀\u{7F}\n")) == ["ZN116@2:5"])
        let surrogate = parse("a: \"x\\uD800\"\n")
        #expect(surrogate.diagnostics.map(\.code) == ["ZN104"])
        #expect(surrogate.diagnostics.first?.message.zh == "YAML 语法错误：双引号中的转义写出了无效的 Unicode 字符（如代理码位 \\uD800）")
    }

    @Test func theFastPathDeclinesNoncharacters() {
        for text in ["a: x\(nonchar(0xFDD0))\n", "a: \(nonchar(0xFDEF))\n", "a: x\n"] {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { BlockParser.parse($0, limits: YAMLLimits()) }
            #expect((fast == nil) == (text != "a: x\n"), "\(text.debugDescription)")
        }
    }

    /// libyaml counts a raw NEL, LS or PS as a line break and nothing else does: refused at
    /// the character, so no later diagnostic lands on the wrong line.
    @Test(arguments: [("\u{85}", "U+0085"), ("\u{2028}", "U+2028"), ("\u{2029}", "U+2029")])
    func rawLineSeparatorsAreRefusedWhereTheyAre(separator: String, id: String) throws {
        for text in [
            "编码: a\n受理范围: \"全省\(separator)范围\"\n电话: 12\n",
            "编码: a\n受理范围: |\n  全省\(separator)范围\n",
            "编码: a\n# 注释\(separator)\n名称: b\n",
        ] {
            let r = parse(text)
            let d = try #require(r.diagnostics.first)
            #expect(r.diagnostics.count == 1 && r.root == nil)
            #expect(d.code == "ZN116")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = lines.firstIndex { $0.contains(separator) }!
            let scalars = lines[index].unicodeScalars
            let line = index + 1
            let column = scalars.distance(from: scalars.startIndex, to: scalars.firstIndex(of: separator.unicodeScalars.first!)!) + 1
            #expect(d.span!.range.start == SourceLocation(line: line, column: column), "\(text.debugDescription)")
            #expect(d.message.en.contains(id))
        }
    }

    /// libyaml's mark for a scalar is where its anchor or tag begins: the escape is still
    /// found where it is written.
    @Test(arguments: [
        (#"名称: !!str "内地\e居民""#, 14), (#"名称: &a "内地\e居民""#, 11),
        (#"名称: &a !!str "内地\e居民""#, 17), (#"名称: !<tag:yaml.org,2002:str> "内地\e居民""#, 33),
    ])
    func anEscapeAfterAnAnchorOrTagIsFoundWhereItIsWritten(line: String, column: Int) throws {
        let r = parse("编码: a\n" + line + "\n")
        #expect(Self.spans(r) == ["ZN420@2:\(column)-2:\(column + 2)"])
        #expect(try #require(r.diagnostics.first).message.en.hasPrefix("the escape \"\\e\" writes U+001B"))
    }
}
