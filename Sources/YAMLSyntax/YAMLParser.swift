import CYAML
import Diagnostics

/// What one file parsed into: the document's root (`nil` when the file is empty or could
/// not be read) and every problem found on the way.
public struct YAMLParseResult: Sendable {
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
}

/// Bounds that keep hostile input from exhausting time or memory.
public struct YAMLLimits: Sendable, Equatable {
    /// The deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// The most nodes a file may expand to, counting each alias as the nodes it repeats.
    public var maxExpandedNodes: Int
    /// The most bytes of text aliases may repeat in all: a few aliases of one long text
    /// would otherwise make a small file into gigabytes of pages.
    public var maxAliasedBytes: Int

    public init(maxDepth: Int = 64, maxExpandedNodes: Int = 2_000_000, maxAliasedBytes: Int = 10 * 1024 * 1024) {
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
        self.maxAliasedBytes = maxAliasedBytes
    }
}

/// Parses one YAML file strictly: UTF-8 only, one document, no duplicate keys, scalar
/// keys, core-schema tags, bounded depth and alias expansion.
public struct YAMLParser: Sendable {
    public var limits: YAMLLimits
    /// Whether plain block-style files are read by ``BlockParser``, which builds the same
    /// tree faster, before libyaml reads the rest; off only to compare the two.
    public var usesFastPath: Bool

    public init(limits: YAMLLimits = YAMLLimits()) {
        self.init(limits: limits, usesFastPath: true)
    }

    public init(limits: YAMLLimits = YAMLLimits(), usesFastPath: Bool) {
        self.limits = limits
        self.usesFastPath = usesFastPath
    }

    /// Parses `bytes`, the contents of `file` (the path used in diagnostics).
    public func parse(_ bytes: [UInt8], file: String) -> YAMLParseResult {
        parse(bytes[...], file: file)
    }

    /// Parses `bytes`, reusing `scratch`'s buffers (one thread's, from file to file).
    public func parse(_ bytes: ArraySlice<UInt8>, file: String, scratch: YAMLScratch? = nil) -> YAMLParseResult {
        var input = bytes
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
        return input.withUnsafeBufferPointer { buffer in
            if usesFastPath, let root = BlockParser.parse(buffer, limits: limits, scratch: scratch) {
                return YAMLParseResult(root: root, diagnostics: [])
            }
            // BlockParser accepts only well-formed UTF-8; what it declines is checked here.
            if let problem = EncodingCheck.problem(in: input, file: file) {
                return YAMLParseResult(root: nil, diagnostics: [problem])
            }
            var builder = TreeBuilder(file: file, limits: limits, text: buffer)
            let result = builder.run()
            // A key typed with a full-width colon (事项类型：行政许可) is reported at the colon.
            if let error = result.diagnostics.first(where: { $0.code == YAMLCodes.syntax.id })?.span?.range.start,
               let found = FullWidthColon.diagnose(buffer, file: file, firstError: error, parse: { repaired in
                   repaired.withUnsafeBufferPointer { text in
                       var trial = TreeBuilder(file: file, limits: limits, text: text)
                       return trial.run().diagnostics
                   }
               })
            {
                return YAMLParseResult(root: nil, diagnostics: found)
            }
            return result
        }
    }
}

/// Buffers one thread reuses from file to file, so that reading a catalog does not
/// allocate and free them again for every file. Not to be shared between threads.
public final class YAMLScratch: @unchecked Sendable {
    var lines: [BlockParser.Line] = []
    public init() {}
}

/// Builds the tree from libyaml's event stream, iteratively, so depth costs no stack.
private struct TreeBuilder {
    let file: String
    let limits: YAMLLimits
    let text: UnsafeBufferPointer<UInt8>
    /// At most ``FileDiagnostics/perCode`` of one code: 600,000 duplicate keys are 101 lines.
    var diagnostics = FileDiagnostics()

    /// An open collection waiting for its children.
    struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var tag: CoreTag?
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: (YAMLScalar, SourceRange)?
        var keyIndex: [String: SourceRange]? = nil
        var size = 1
    }

    var stack: [Frame] = []
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var expanded = 0
    var aliasedBytes = 0
    var root: YAMLNode?
    var documents = 0
    /// Where the last scalar with a forbidden character starts, to find the next one from.
    var cursor: SourceCursor

    init(file: String, limits: YAMLLimits, text: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.limits = limits
        self.text = text
        cursor = SourceCursor(text: text)
    }

    mutating func run() -> YAMLParseResult {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            fatalError("libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, text.baseAddress ?? UnsafePointer(bitPattern: 1)!, text.count)

        var event = yaml_event_t()
        loop: while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                report(syntaxError: parser.pointee)
                return YAMLParseResult(root: nil, diagnostics: diagnostics.all)
            }
            defer { yaml_event_delete(&event) }
            let start = location(event.start_mark), end = location(event.end_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                break loop
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    fail(YAMLCodes.multipleDocuments, at: SourceRange(start: start, end: end),
                         LocalizedText(
                            zh: "文件中有第二个 YAML 文档；每个文件只能写一个事项",
                            en: "a second YAML document starts here; a file holds one item only"))
                    return YAMLParseResult(root: root, diagnostics: diagnostics.all)
                }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let bytes = UnsafeBufferPointer(start: s.value, count: s.length)
                let value = String(decoding: bytes, as: UTF8.self)
                let scalar = YAMLScalar(value, style: style(s.style))
                let range = SourceRange(start: start, end: end)
                if let forbidden = ScalarCharacters.firstForbidden(in: bytes) {
                    report(forbidden, in: scalar.style, at: event.start_mark)
                }
                let tag = checkTag(s.tag, at: range)
                if let tag, let d = TagCheck.mismatch(tag, on: scalar, file: file, at: range) { diagnostics.append(d) }
                let node = YAMLNode(.scalar(scalar), range: range, tag: tag)
                if let a = s.anchor { anchors[string(a)] = (node, 1) }
                guard add(node, size: 1) else { return finish() }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let (tagPtr, anchorPtr) =
                    isMapping
                    ? (event.data.mapping_start.tag, event.data.mapping_start.anchor)
                    : (event.data.sequence_start.tag, event.data.sequence_start.anchor)
                if stack.count >= limits.maxDepth {
                    fail(YAMLCodes.nestingDepth, at: SourceRange(start: start, end: end),
                         LocalizedText(
                            zh: "嵌套超过 \(limits.maxDepth) 层，停止读取该文件",
                            en: "nesting goes deeper than \(limits.maxDepth) levels; the file is not read further"))
                    return finish()
                }
                if let top = stack.last, top.isMapping, top.pendingKey == nil {
                    fail(YAMLCodes.complexKey, at: SourceRange(start: start, end: end),
                         LocalizedText(
                            zh: "键必须是文字，这里却是\(isMapping ? "映射" : "列表")",
                            en: "a key must be text, but this is \(isMapping ? "a mapping" : "a list")"))
                    return finish()
                }
                let tag = checkTag(tagPtr, at: SourceRange(start: start, end: end))
                if let tag, let d = TagCheck.mismatch(tag, onMapping: isMapping, file: file, at: SourceRange(start: start, end: end)) { diagnostics.append(d) }
                stack.append(Frame(isMapping: isMapping, start: start, tag: tag,
                                   anchor: anchorPtr.map(string)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let node = YAMLNode(
                    frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items),
                    range: SourceRange(start: frame.start, end: end), tag: frame.tag)
                if let a = frame.anchor { anchors[a] = (node, frame.size) }
                guard add(node, size: frame.size) else { return finish() }
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor)
                let range = SourceRange(start: start, end: end)
                guard let target = anchors[name] else {
                    fail(YAMLCodes.unknownAnchor, at: range,
                         LocalizedText(zh: "别名“*\(name)”之前没有定义锚点“&\(name)”",
                                       en: "no anchor \"&\(name)\" is defined before the alias \"*\(name)\""))
                    return finish()
                }
                expanded += target.size
                if expanded > limits.maxExpandedNodes {
                    fail(YAMLCodes.aliasExpansion, at: range,
                         LocalizedText(
                            zh: "别名展开后超过 \(limits.maxExpandedNodes) 个节点，停止读取该文件",
                            en: "aliases expand to more than \(limits.maxExpandedNodes) nodes; the file is not read further"))
                    return finish()
                }
                // Bounded by the node limit just checked: each walk counts nodes it expands.
                aliasedBytes += target.node.textBytes
                if aliasedBytes > limits.maxAliasedBytes {
                    fail(YAMLCodes.aliasExpansion, at: range,
                         LocalizedText(
                            zh: "别名重复的文字超过 \(limits.maxAliasedBytes / (1024 * 1024)) MB，停止读取该文件",
                            en: "aliases repeat more than \(limits.maxAliasedBytes / (1024 * 1024)) MB of text; the file is not read further"))
                    return finish()
                }
                var node = target.node
                node.range = range
                guard add(node, size: target.size) else { return finish() }
            default:
                break
            }
        }
        if root == nil && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                YAMLCodes.emptyFile, at: SourceSpan(file: file, range: SourceRange(at: .init(line: 1, column: 1))),
                message: LocalizedText(zh: "文件为空，没有任何内容", en: "the file is empty")))
        }
        return finish()
    }

    private func finish() -> YAMLParseResult {
        // Problems that leave the tree whole keep it, so later stages still check the file.
        // A forbidden character is not: no later stage sees a value that holds one.
        let recoverable: Set<String> = [
            YAMLCodes.duplicateKey.id, YAMLCodes.unsupportedTag.id, YAMLCodes.multipleDocuments.id,
        ]
        let broken = diagnostics.contains { !recoverable.contains($0.code) }
        return YAMLParseResult(root: broken ? nil : root, diagnostics: diagnostics.all)
    }

    /// Adds a finished node to the open collection, or makes it the root. Returns false
    /// when the file must not be read further.
    private mutating func add(_ node: YAMLNode, size: Int) -> Bool {
        expanded += 1
        guard !stack.isEmpty else {
            root = node
            return true
        }
        let i = stack.count - 1
        stack[i].size += size
        if !stack[i].isMapping {
            stack[i].items.append(node)
            return true
        }
        guard let (key, keyRange) = stack[i].pendingKey else {
            guard let scalar = node.scalar else { return true }  // collections are refused at their start
            if let first = firstOccurrence(of: scalar.text, in: stack[i]) {
                diagnostics.append(Diagnostic(
                    YAMLCodes.duplicateKey, at: SourceSpan(file: file, range: node.range),
                    message: LocalizedText(zh: "键“\(scalar.text)”重复出现", en: "duplicate key \"\(scalar.text)\""),
                    notes: [DiagnosticNote(
                        LocalizedText(zh: "第一次出现在这里", en: "first used here"),
                        at: SourceSpan(file: file, range: first))]))
            }
            stack[i].pendingKey = (scalar, node.range)
            return true
        }
        stack[i].pendingKey = nil
        stack[i].pairs.append(YAMLPair(key: key, keyRange: keyRange, value: node))
        if stack[i].keyIndex != nil {
            stack[i].keyIndex![key.text] = stack[i].keyIndex![key.text] ?? keyRange
        } else if stack[i].pairs.count == 16 {
            var index: [String: SourceRange] = [:]
            for p in stack[i].pairs where index[p.key.text] == nil { index[p.key.text] = p.keyRange }
            stack[i].keyIndex = index
        }
        return true
    }

    private func firstOccurrence(of key: String, in frame: Frame) -> SourceRange? {
        if let index = frame.keyIndex { return index[key] }
        return frame.pairs.first { $0.key.text == key }?.keyRange
    }

    private mutating func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, at range: SourceRange) -> CoreTag? {
        guard let tag else { return nil }
        let text = string(tag)
        if text == "!" { return nil }
        let prefix = "tag:yaml.org,2002:"
        if text.hasPrefix(prefix), let core = CoreTag(rawValue: String(text.dropFirst(prefix.count))) {
            return core
        }
        let shown = text.hasPrefix(prefix) ? "!!" + text.dropFirst(prefix.count) : text
        diagnostics.append(Diagnostic(
            YAMLCodes.unsupportedTag, at: SourceSpan(file: file, range: range),
            message: LocalizedText(zh: "不支持标签“\(shown)”；只接受 YAML 核心模式的标签",
                                   en: "the tag \"\(shown)\" is not supported; only the YAML core schema's tags are")))
        return nil
    }

    /// Reports the forbidden character `value` of the scalar starting at `mark`, where its
    /// source writes it (at the escape, in a double-quoted scalar).
    private mutating func report(_ value: UInt32, in style: YAMLScalar.Style, at mark: yaml_mark_t) {
        cursor.move(toLine: Int(mark.line), column: Int(mark.column))
        var walk = cursor
        let written = ScalarCharacters.written(from: &walk, doubleQuoted: style == .doubleQuoted)
        let found = written?.value ?? value
        let kind = ScalarCharacters.kind(found), name = ScalarCharacters.name(found)
        let message = written?.escape.map { escape in
            LocalizedText(
                zh: "转义“\(escape)”写出了\(kind.zh) \(name)，值中不能有这样的字符；请删除它",
                en: "the escape \"\(escape)\" writes \(name), a \(kind.en), which no value may hold; delete it")
        } ?? LocalizedText(
            zh: "这里的\(kind.zh) \(name) 不能出现在值中；请删除它",
            en: "\(name) here is a \(kind.en), which no value may hold; delete it")
        fail(YAMLCodes.forbiddenCharacter, at: written?.range ?? SourceRange(at: location(mark)), message)
    }

    private mutating func fail(_ code: DiagnosticCode, at range: SourceRange, _ message: LocalizedText) {
        diagnostics.append(Diagnostic(code, at: SourceSpan(file: file, range: range), message: message))
    }

    private mutating func report(syntaxError p: yaml_parser_t) {
        let problem = p.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = p.context.map { String(cString: $0) }
        let mark = location(p.problem_mark)
        let range = SourceRange(at: mark)
        if p.error == YAML_READER_ERROR && problem.contains("control characters") {
            // The reader's mark is not always positioned; find the character ourselves.
            let at = EncodingCheck.firstControlCharacter(in: text) ?? mark
            fail(YAMLCodes.controlCharacter, at: SourceRange(at: at),
                 LocalizedText(zh: "文件中有不允许的控制字符（如 NUL 空字节）",
                               en: "the file holds a control character YAML does not allow (a NUL byte, say)"))
            return
        }
        if lineHasTab(at: mark) {
            fail(YAMLCodes.tabIndentation, at: range,
                 LocalizedText(zh: "这一行用制表符（Tab）缩进；YAML 只允许用空格缩进",
                               en: "this line is indented with a tab; YAML allows only spaces for indentation"))
            return
        }
        var notes: [DiagnosticNote] = []
        if let context, p.context_mark.line != p.problem_mark.line || p.context_mark.column != p.problem_mark.column {
            let zhContext = SyntaxMessages.translate(context)
            notes.append(DiagnosticNote(
                LocalizedText(zh: "出错前正在读取：\(zhContext)", en: "while \(context.replacingPrefix("while ", with: ""))"),
                at: SourceSpan(file: file, range: SourceRange(at: location(p.context_mark)))))
        }
        diagnostics.append(Diagnostic(
            YAMLCodes.syntax, at: SourceSpan(file: file, range: range),
            message: LocalizedText(zh: "YAML 语法错误：\(SyntaxMessages.translate(problem))",
                                   en: "YAML syntax error: \(problem)"),
            notes: notes))
    }

    /// True when the line of `mark` has a tab in its indentation, or the problem is at a tab.
    private func lineHasTab(at mark: SourceLocation) -> Bool {
        var line = 1, i = 0
        while i < text.count && line < mark.line {
            if text[i] == UInt8(ascii: "\n") { line += 1 }
            i += 1
        }
        while i < text.count, text[i] == UInt8(ascii: " ") || text[i] == UInt8(ascii: "\t") || text[i] == UInt8(ascii: "-") {
            if text[i] == UInt8(ascii: "\t") { return true }
            i += 1
        }
        return false
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func string(_ p: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    private func style(_ s: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
