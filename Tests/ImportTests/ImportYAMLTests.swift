import Testing
import YAMLSyntax
@testable import Import

@Suite struct ImportYAMLTests {
    /// Hostile values written by the import's YAML writer read back, through zhinan's own
    /// YAML parser, as exactly the same strings.
    @Test func hostileScalarsReadBackUnchanged() throws {
        let values = [
            "- 开头是横线", "-", "a: b", "a:b", "结尾冒号:", ":", "# 不是注释", "文字 # 也不是注释", "\"引号\"", "'单引号'",
            "第一行\n第二行", "尾随换行\n", " 前导空格", "尾随空格 ", "yes", "no", "Yes", "NO", "on", "off", "y", "n", "true", "False",
            "null", "Null", "~", "", "440100", "0440", "1e3", "0x1F", "0o17", ".5", "-1", "+1", ".inf", "3.14",
            "１２３４５", "：全角冒号：", "ｙｅｓ", "e\u{301}（组合字符）", "\u{301}开头的组合字符", "制表\t符", "反斜杠\\n",
            "[列表]", "{映射}", "&锚", "*别名", "!标签", "|", ">", "%", "@", "`", "?", "? 问", "a, b", "行\u{2028}分隔", "段\u{2029}落",
            "\u{FEFF}BOM", "全角　空格", "　", "电话：020-12345678；地址：某某",
        ]
        let entries = values.enumerated().map { ImportedEntry("k\($0.offset)", .text($0.element)) }
            + [ImportedEntry("列表", .list(values.map(ImportedValue.text)))]
        let text = ImportYAML.document(entries, comments: ["测试"])
        let parsed = YAMLParser().parse(Array(text.utf8), file: "t.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let map = try #require(parsed.root?.mapping)
        for (i, value) in values.enumerated() {
            let node = try #require(map.first { $0.key.text == "k\(i)" }?.value.scalar)
            #expect(node.text == value, "\(value.debugDescription) was read back as \(node.text.debugDescription)")
            #expect(node.style != .plain || (!node.isNull && node.bool == nil && !node.isNumber), "\(value.debugDescription) reads as a non-string")
        }
        let list = try #require(map.first { $0.key.text == "列表" }?.value.sequence)
        #expect(list.compactMap { $0.scalar?.text } == values)
    }

    /// Placeholders are comments; inside a list entry they come after the entry's first key.
    @Test func placeholdersAreComments() {
        let text = ImportYAML.document([
            ImportedEntry("事项名称", .text("甲")),
            ImportedEntry("监督投诉", .placeholder("监督投诉")),
            ImportedEntry("业务办理项", .list([.map([ImportedEntry("名称", .placeholder("业务办理项.名称")), ImportedEntry("编码", .text("0440"))])])),
        ])
        #expect(text == """
            事项名称: 甲
            # 待补充：监督投诉
            业务办理项:
              - 编码: "0440"
                # 待补充：业务办理项.名称

            """)
    }

    /// Text quoted into a comment — the 来源 line (a sheet or file name), a placeholder's note,
    /// the notes under the item — cannot end the comment: every line break (LF, CR, CRLF, NEL,
    /// U+2028, U+2029, VT, FF) and control character is a space, or starts another `#` line.
    @Test func nothingQuotedIntoACommentBecomesYAML() throws {
        let breaks = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"]
        let hostile = breaks.map { "甲\($0)审批收费: 不收费\($0)#" }
        let item = ImportedItem(
            fileName: "1.yaml", source: "book.xlsx[\(hostile[0])]:2",
            elements: ["监督投诉": .placeholder("监督投诉", note: "源数据（supervise_way）：" + hostile[1] + "\u{1B}[2J\u{7F}\u{9B}完"), "事项名称": .text("甲")],
            notes: hostile + ["未识别：请携带\u{0}原件\u{FFFE}。"])
        let profile = ImportProfile(nationalCodes: [:], codeSets: [:], elements: [("事项名称", true), ("监督投诉", true)], standards: [])
        let text = ImportWriter(catalog: ImportedCatalog(header: [], items: [item]), profile: profile).text(of: item)
        #expect(text == """
            # 来源：book.xlsx[甲 审批收费: 不收费 #]:2
            事项名称: 甲
            # 待补充：监督投诉
            #   源数据（supervise_way）：甲
            #   审批收费: 不收费
            #   # [2J  完
            # 未导入的源数据（请核对后处理）：
            #   甲 审批收费: 不收费 #
            #   甲 审批收费: 不收费 #
            #   甲 审批收费: 不收费 #
            #   甲 审批收费: 不收费 #
            #   甲 审批收费: 不收费 #
            #   甲 审批收费: 不收费 #
            #   甲 审批收费: 不收费 #
            #   甲 审批收费: 不收费 #
            #   未识别：请携带 原件 。

            """)
        let parsed = YAMLParser().parse(Array(text.utf8), file: "1.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.root?.mapping?.map(\.key.text) == ["事项名称"])
    }
}
