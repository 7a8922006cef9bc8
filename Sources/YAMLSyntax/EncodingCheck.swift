import Diagnostics

/// Checks that a file is UTF-8 before libyaml reads it, and names the encoding it is in
/// when it is not, since libyaml's own message ("invalid leading UTF-8 octet") helps no one.
public enum EncodingCheck {
    /// Why bytes are not UTF-8 text, for readers of other files (`zhinan import`'s CSV).
    public enum Problem: Sendable, Equatable {
        /// UTF-16 or UTF-32 (a byte order mark, or NULs between ASCII).
        case utf16
        /// GB18030/GBK: every non-ASCII byte pairs up, and no UTF-8 came before the first bad byte.
        case gb18030(SourceLocation)
        /// Other bytes that are not UTF-8, at the first one.
        case invalidUTF8(SourceLocation)
    }

    /// The encoding problem of `bytes`, nil when they are UTF-8 (the same tests as `check`'s).
    public static func encodingProblem(in bytes: ArraySlice<UInt8>) -> Problem? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || looksLikeUTF16(bytes)
        {
            return .utf16
        }
        guard let bad = firstInvalidUTF8(bytes) else { return nil }
        let at = location(ofByte: bad, in: bytes)
        return looksLikeGB18030(bytes) && !hasMultibyteUTF8(bytes.prefix(bad)) ? .gb18030(at) : .invalidUTF8(at)
    }

    static func problem(in bytes: ArraySlice<UInt8>, file: String) -> Diagnostic? {
        let start = SourceSpan(file: file, range: SourceRange(at: SourceLocation(line: 1, column: 1)))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || looksLikeUTF16(bytes)
        {
            return Diagnostic(
                YAMLCodes.utf16, at: start,
                message: LocalizedText(
                    zh: "文件是 UTF-16/UTF-32 编码（Windows 记事本的“Unicode”）；请转换为 UTF-8：iconv -f UTF-16 -t UTF-8",
                    en: "the file is encoded as UTF-16/UTF-32 (Notepad's \"Unicode\"); convert it to UTF-8: iconv -f UTF-16 -t UTF-8"))
        }
        guard let bad = firstInvalidUTF8(bytes) else { return lineSeparatorProblem(in: bytes, file: file) }
        let at = location(ofByte: bad, in: bytes)
        let span = SourceSpan(file: file, range: SourceRange(at: at))
        if looksLikeGB18030(bytes) && !hasMultibyteUTF8(bytes.prefix(bad)) {
            return Diagnostic(
                YAMLCodes.legacyEncoding, at: span,
                message: LocalizedText(
                    zh: "文件看起来是 GB18030/GBK 编码，而不是 UTF-8；请转换：iconv -f GB18030 -t UTF-8 \(file) > 新文件.yaml",
                    en: "the file looks encoded as GB18030/GBK, not UTF-8; convert it: iconv -f GB18030 -t UTF-8 \(file) > new.yaml"))
        }
        return Diagnostic(
            YAMLCodes.invalidUTF8, at: span,
            message: LocalizedText(
                zh: "第 \(at.line) 行有不是 UTF-8 编码的字节，文件可能被截断或混入了其他编码的文字",
                en: "line \(at.line) holds bytes that are not UTF-8; the file may be truncated or hold text in another encoding"))
    }

    /// A raw NEL (U+0085), line separator (U+2028) or paragraph separator (U+2029): libyaml
    /// counts each as a line break, editors, terminals and every other line count of
    /// zhinan's do not, so one would shift the line of every later diagnostic. Refused at
    /// the character (ZN116). The bytes are well-formed UTF-8.
    static func lineSeparatorProblem(in bytes: ArraySlice<UInt8>, file: String) -> Diagnostic? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let name: String?
            if b == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] == 0x85 {
                name = "U+0085 (NEL)"
            } else if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                name = bytes[i + 2] == 0xA8 ? "U+2028 (LINE SEPARATOR)" : "U+2029 (PARAGRAPH SEPARATOR)"
            } else {
                name = nil
            }
            if let name {
                let at = location(ofByte: i - bytes.startIndex, in: bytes)
                return Diagnostic(
                    YAMLCodes.controlCharacter, at: SourceSpan(file: file, range: SourceRange(at: at)),
                    message: LocalizedText(
                        zh: "这里有不可见的分行字符 \(name)，YAML 把它算作换行，编辑器却不显示；请删除它，需要换行时直接回车",
                        en: "an invisible line-breaking character, \(name), is here: YAML counts it as a line break, editors do not show one; delete it and press Enter where a line break belongs"))
            }
            i += 1
        }
        return nil
    }

    /// The offset of the first byte that does not begin a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i - bytes.startIndex
            }
            guard i + length <= end else { return i - bytes.startIndex }
            guard bytes[i + 1] >= lower && bytes[i + 1] <= upper else { return i - bytes.startIndex }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i - bytes.startIndex }
            i += length
        }
        return nil
    }

    /// True when every non-ASCII byte pairs up as a GB18030 two- or four-byte character and
    /// there are enough of them to be text rather than noise.
    static func looksLikeGB18030(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex, pairs = 0
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard b >= 0x81 && b <= 0xFE, i + 1 < end else { return false }
            let t = bytes[i + 1]
            if t >= 0x40 && t <= 0xFE && t != 0x7F {
                pairs += 1
                i += 2
            } else if t >= 0x30 && t <= 0x39, i + 3 < end,
                bytes[i + 2] >= 0x81 && bytes[i + 2] <= 0xFE, bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39
            {
                pairs += 1
                i += 4
            } else {
                return false
            }
        }
        return pairs >= 2
    }

    /// True when the bytes hold a well-formed multibyte UTF-8 character: the file was
    /// UTF-8, and the bad byte is damage rather than another encoding.
    static func hasMultibyteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 >= 0xC2 && $0 <= 0xF4 }
    }

    /// UTF-16 without a byte order mark: many NUL bytes, or, for Chinese text (whose code
    /// units are rarely NUL), YAML's ASCII colons and line breaks as 16-bit code units.
    static func looksLikeUTF16(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = Array(bytes.prefix(256))
        guard sample.count >= 4 else { return false }
        let nuls = sample.count { $0 == 0 }
        if nuls * 4 >= sample.count { return true }
        var little = 0, big = 0
        for i in stride(from: 0, to: sample.count - 1, by: 2) {
            let (a, b) = (sample[i], sample[i + 1])
            if b == 0 && (a == 0x3A || a == 0x0A) { little += 1 }
            if a == 0 && (b == 0x3A || b == 0x0A) { big += 1 }
        }
        return little >= 2 || big >= 2
    }

    /// The line and character column of a byte offset.
    static func location(ofByte offset: Int, in bytes: ArraySlice<UInt8>) -> SourceLocation {
        var line = 1, column = 1
        var i = bytes.startIndex
        let target = bytes.startIndex + offset
        while i < target {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// Where the first character libyaml's reader refuses is: a control character (C0 but
    /// tab and line breaks, DEL, C1 but NEL), a surrogate, U+FFFE or U+FFFF. The text is
    /// well-formed UTF-8 (checked before libyaml reads it).
    static func firstControlCharacter(in text: UnsafeBufferPointer<UInt8>) -> SourceLocation? {
        var i = 0
        while i < text.count {
            let b = text[i]
            let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            guard i + width <= text.count else { return nil }
            let v = ScalarCharacters.decode(text, at: i, width: width)
            let printable = v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0x7E) || v == 0x85
                || (v >= 0xA0 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
            if !printable { return location(ofByte: i, in: Array(text)[...]) }
            i += width
        }
        return nil
    }
}

/// Chinese renderings of libyaml's problem and context texts.
enum SyntaxMessages {
    static func translate(_ text: String) -> String {
        let table: [(String, String)] = [
            ("mapping values are not allowed in this context", "此处不能出现“键: 值”（检查缩进，或把含冒号的文字用引号括起来）"),
            ("did not find expected key", "没有找到预期的键（检查这一层的缩进是否对齐）"),
            ("did not find expected '-' indicator", "没有找到预期的列表项“- ”（检查缩进是否对齐）"),
            ("did not find expected node content", "没有找到预期的内容"),
            ("found character that cannot start any token", "出现了不能作为开头的字符（如制表符、@ 或 `）"),
            ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
            ("found unexpected ':'", "出现了意外的冒号"),
            ("could not find expected ':'", "没有找到预期的冒号（键后面要有“: ”）"),
            ("found undefined tag handle", "使用了未定义的标签前缀"),
            ("found unknown escape character", "双引号中出现了未知的转义字符（反斜杠 \\ 请写成 \\\\）"),
            ("found invalid Unicode character escape code", "双引号中的转义写出了无效的 Unicode 字符（如代理码位 \\uD800）"),
            ("did not find expected ',' or ']'", "没有找到预期的“,”或“]”（方括号列表没有闭合）"),
            ("did not find expected ',' or '}'", "没有找到预期的“,”或“}”（花括号映射没有闭合）"),
            ("found a tab character that violates indentation", "制表符破坏了缩进"),
            ("block sequence entries are not allowed in this context", "此处不能出现列表项“- ”（检查缩进）"),
            ("while scanning a simple key", "读取一个键"),
            ("while scanning a quoted scalar", "读取一段带引号的文字"),
            ("while scanning a plain scalar", "读取一段文字"),
            ("while scanning a block scalar", "读取多行文字（| 或 >）"),
            ("while parsing a block mapping", "读取一个映射（键: 值）"),
            ("while parsing a block collection", "读取一个列表"),
            ("while parsing a flow sequence", "读取方括号列表 [ ]"),
            ("while parsing a flow mapping", "读取花括号映射 { }"),
            ("while parsing a block node", "读取一个节点"),
            ("while parsing a flow node", "读取一个节点"),
            ("while scanning an anchor", "读取锚点（&）"),
            ("while scanning an alias", "读取别名（*）"),
            ("while scanning a tag", "读取标签（!）"),
            ("while scanning a directive", "读取指令（%）"),
        ]
        for (en, zh) in table where text.hasPrefix(en) { return zh }
        return text
    }
}
