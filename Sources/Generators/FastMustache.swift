// A Mustache renderer for the site's pages, written for speed: templates are parsed once
// into a tree, names are resolved to `ViewKey`s when parsed, values are looked up through
// typed switches (`FastParent`, FastViews.swift) instead of `Any` and dynamic casts, and
// output goes into one byte buffer.
//
// It gives exactly the output swift-mustache gives for the templates it accepts. The parser
// follows swift-mustache's (Template+Parser.swift, Apache-2.0, the Hummingbird authors)
// step by step, so text, standalone lines and indentation come out the same; rendering
// follows its Template+Render.swift. What it does not support (transforms, lambdas, set
// delimiters, dynamic partials, content types, comments inside inheritance) makes
// `FastLibrary.init` fail, and the site is then rendered by swift-mustache itself.
// GeneratorsTests/FastMustacheTests.swift holds the two renderers to identical pages. Both
// escape with the one escaper, ``Markup`` (swift-mustache through ``TemplateEscaping``).

import Markup

/// A value as a template sees it.
enum FastValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case parent(any FastParent)
    case list(any FastList)
    /// An empty list pushed by an inverted section (it has no children).
    case emptyList

    /// What `String(describing:)` gives for the value, for `{{name}}`; nil for values
    /// whose description this renderer does not reproduce (structs, lists).
    var text: String? {
        switch self {
        case .string(let s): s
        case .int(let n): String(n)
        case .bool(let b): b ? "true" : "false"
        case .parent, .list: nil
        case .emptyList: "[]"
        }
    }
}

/// A view whose named children templates read.
protocol FastParent {
    func child(_ key: ViewKey) -> FastValue?
}

/// A list a section iterates.
protocol FastList {
    var count: Int { get }
    func element(_ i: Int) -> FastValue
}

/// A value that can be handed to a template.
protocol FastValueConvertible {
    var fastValue: FastValue { get }
}

extension String: FastValueConvertible {
    var fastValue: FastValue { .string(self) }
}

extension Int: FastValueConvertible {
    var fastValue: FastValue { .int(self) }
}

extension Bool: FastValueConvertible {
    var fastValue: FastValue { .bool(self) }
}

extension Array: FastList where Element: FastValueConvertible {
    func element(_ i: Int) -> FastValue { self[i].fastValue }
}

extension Array: FastValueConvertible where Element: FastValueConvertible {
    var fastValue: FastValue { .list(self) }
}

extension Optional where Wrapped: FastValueConvertible {
    /// nil stays nil, so that lookup goes on up the context stack, as swift-mustache's does.
    var fast: FastValue? { self.map(\.fastValue) }
}

extension FastValueConvertible {
    var fast: FastValue? { fastValue }
}

/// The bundled templates, or a theme's, parsed for the fast renderer.
struct FastLibrary: Sendable {
    private let program: FastProgram

    struct Unsupported: Error {}

    /// Fails when a template uses something the fast renderer does not do.
    init(_ sources: [String: String]) throws {
        var templates: [String: FastTemplate] = [:]
        for (name, text) in sources {
            templates[name] = try FastParser.parse(text)
        }
        program = try FastProgram(templates)
    }

    /// Renders `value` with the template `name`; nil when the template is missing or the
    /// page needs something this renderer does not reproduce.
    func render(_ value: any FastParent, withTemplate name: String) -> [UInt8]? {
        guard let template = program.templateIDs[name] else { return nil }
        return program.render(.parent(value), template: template)
    }
}

// MARK: - Templates

final class FastTemplate: @unchecked Sendable {
    let nodes: [FastNode]
    init(_ nodes: [FastNode]) { self.nodes = nodes }
}

/// A name as written in a tag: `.`, or dotted components, resolved to keys.
struct FastName: Sendable {
    /// `.`: the top of the stack.
    var isDot: Bool
    /// `.name`: looked up in the top of the stack only.
    var fromTop: Bool
    /// The components; nil where a component is no view's key (it then finds nothing).
    var keys: [ViewKey?]
    /// `first()`, `last()`, `index()`, `even()`, `odd()`: about the sequence being iterated.
    var sequence: SequenceTransform?

    enum SequenceTransform: String, Sendable {
        case first, last, index, even, odd
    }

    init(transform: SequenceTransform) {
        isDot = false
        fromTop = false
        keys = []
        sequence = transform
    }

    init(_ name: String) {
        sequence = nil
        if name == "." {
            isDot = true
            fromTop = false
            keys = []
        } else {
            isDot = false
            fromTop = name.first == "."
            keys = name.split(separator: ".").map { ViewKey(rawValue: String($0)) }
        }
    }
}

enum FastNode: @unchecked Sendable {
    case text([UInt8])
    case variable(FastName, escaped: Bool)
    case section(FastName, FastTemplate, inverted: Bool)
    case blockDefinition(String, FastTemplate)
    case blockExpansion(String, default: FastTemplate, indentation: String?)
    case partial(String, indentation: String?, inherits: [String: FastTemplate]?)
}

// MARK: - Parser (after swift-mustache's Template+Parser.swift)

private struct FastParser {
    let buffer: [Character]
    var position = 0

    init(_ text: String) { buffer = Array(text) }

    var reachedEnd: Bool { position >= buffer.count }
    var current: Character { buffer[position] }

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: [Character]?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func withInheritancePartial(_ name: String) -> State {
            var s = self
            s.sectionName = name
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }
    }

    static func parse(_ text: String) throws(FastLibrary.Unsupported) -> FastTemplate {
        var parser = FastParser(text)
        return try parser.parse(State())
    }

    private static let whiteSpace: Set<Character> = [" ", "\t"]
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func read(while set: Set<Character>) -> [Character] {
        let start = position
        while !reachedEnd && set.contains(current) { position += 1 }
        return Array(buffer[start..<position])
    }

    mutating func skipWhitespace() {
        while !reachedEnd && current.isWhitespace { position += 1 }
    }

    mutating func read(_ string: String) -> Bool {
        let chars = Array(string)
        guard position + chars.count <= buffer.count, Array(buffer[position..<position + chars.count]) == chars else { return false }
        position += chars.count
        return true
    }

    mutating func parse(_ initial: State) throws(FastLibrary.Unsupported) -> FastTemplate {
        var nodes: [FastNode] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        func text(_ chars: [Character]) -> FastNode { .text(Array(String(chars).utf8)) }
        while !reachedEnd {
            if state.newLine {
                let ws = read(while: Self.whiteSpace)
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(ws.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = ws
                    }
                } else {
                    whiteSpaceBefore = ws
                }
            }
            let found = readUntilDelimiterOrNewline()
            if !reachedEnd && current.isNewline {
                nodes.append(text(whiteSpaceBefore + found + [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !found.isEmpty {
                nodes.append(text(whiteSpaceBefore + found))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(allowingTransform: true)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                let section = try parse(state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(Self.fastName(name), section, inverted: inverted))
            case "/":
                position += 1
                let name = try parseName(allowingTransform: true)
                guard name == state.sectionName else { throw FastLibrary.Unsupported() }
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                return FastTemplate(nodes)
            case "{":
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                position += 1
                let name = try parseName()
                guard !reachedEnd, current == "}" else { throw FastLibrary.Unsupported() }
                position += 1
                nodes.append(.variable(FastName(name), escaped: false))
            case "&":
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                position += 1
                let name = try parseName()
                nodes.append(.variable(FastName(name), escaped: false))
            case ">":
                position += 1
                skipWhitespace()
                guard reachedEnd || current != "*" else { throw FastLibrary.Unsupported() }  // dynamic
                let name = try parsePartialName()
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: String(whiteSpaceBefore), inherits: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, inherits: nil))
                }
                whiteSpaceBefore = []
            case "<":
                position += 1
                skipWhitespace()
                let name = try parsePartialName()
                guard name.first != "*" else { throw FastLibrary.Unsupported() }
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let section = try parse(state.withInheritancePartial(name))
                var inherit: [String: FastTemplate] = [:]
                for node in section.nodes {
                    switch node {
                    case .blockDefinition(let block, let template): inherit[block] = template
                    case .text: break
                    default: throw FastLibrary.Unsupported()
                    }
                }
                nodes.append(.partial(name, indentation: String(whiteSpaceBefore), inherits: inherit))
                whiteSpaceBefore = []
            case "$":
                position += 1
                let name = try parseName()
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let section = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, section))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let section = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockExpansion(name, default: section, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            case "!", "=", "%":
                // Comments, delimiters and configuration: left to swift-mustache.
                throw FastLibrary.Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                let name = try parseName(allowingTransform: true)
                nodes.append(.variable(Self.fastName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw FastLibrary.Unsupported() }
        return FastTemplate(nodes)
    }

    /// Text up to a tag (whose "{{" is consumed) or a line break (not consumed).
    mutating func readUntilDelimiterOrNewline() -> [Character] {
        var total: [Character] = []
        while !reachedEnd {
            let c = current
            if c.isNewline && (c == "\n" || c == "\r\n") { break }
            if c == "{" {
                if read("{{") { break }
                total.append(c)
                position += 1
                continue
            }
            total.append(c)
            position += 1
        }
        return total
    }

    /// A tag's name up to "}}". Of transforms, only the sequence's own (`last()` …) are
    /// supported, and only where `allowingTransform`.
    mutating func parseName(allowingTransform: Bool = false) throws(FastLibrary.Unsupported) -> String {
        skipWhitespace()
        let start = position
        while !reachedEnd && (Self.nameCharacters.contains(current) || current == "(" || current == ")") { position += 1 }
        let name = String(buffer[start..<position])
        skipWhitespace()
        guard read("}}") else { throw FastLibrary.Unsupported() }
        if name.contains("(") || name.contains(")") {
            guard allowingTransform, name.hasSuffix("()"),
                  FastName.SequenceTransform(rawValue: String(name.dropLast(2))) != nil
            else { throw FastLibrary.Unsupported() }
        }
        return name
    }

    static func fastName(_ name: String) -> FastName {
        if name.hasSuffix("()"), let t = FastName.SequenceTransform(rawValue: String(name.dropLast(2))) {
            return FastName(transform: t)
        }
        return FastName(name)
    }

    mutating func parsePartialName() throws(FastLibrary.Unsupported) -> String {
        skipWhitespace()
        let name = String(read(while: Self.partialNameCharacters))
        skipWhitespace()
        guard read("}}") else { throw FastLibrary.Unsupported() }
        return name
    }

    /// Whether the tag just read stands alone on its line; if so its line break is consumed.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var p = position
        while p < buffer.count && Self.whiteSpace.contains(buffer[p]) { p += 1 }
        if p < buffer.count && buffer[p].isNewline {
            position = p + 1
            return true
        }
        return false
    }
}

// MARK: - Rendering (after swift-mustache's Template+Render.swift)

/// The templates flattened into plain arrays, so that rendering copies no reference-counted
/// values: each template a range of `ops`, texts a range of `text`, names a range of `keys`.
final class FastProgram: @unchecked Sendable {
    struct Op {
        enum Kind: UInt8 { case text, escaped, raw, section, inverted, block, partial }
        var kind: Kind
        /// text: start; variable, section: name; block: block id; partial: template id or -1.
        var a: Int32
        /// text: count; section: template; block: default template; partial: indentation or -1.
        var b: Int32
        /// block: indentation or -1; partial: inheritance map or -1.
        var c: Int32
    }

    struct Name {
        var isDot: Bool
        var fromTop: Bool
        var sequence: FastName.SequenceTransform?
        var keys: Range<Int>
    }

    private(set) var ops: [Op] = []
    private(set) var text: [UInt8] = []
    private(set) var keys: [ViewKey?] = []
    private(set) var names: [Name] = []
    private(set) var templates: [Range<Int>] = []
    private(set) var indentations: [[UInt8]] = []
    private(set) var inheritances: [[Int32: Int32]] = []
    private(set) var templateIDs: [String: Int32] = [:]
    private var blockIDs: [String: Int32] = [:]

    init(_ library: [String: FastTemplate]) throws {
        // Ids for the named templates first, so partials can refer to them.
        for name in library.keys.sorted() {
            templateIDs[name] = Int32(templates.count)
            templates.append(0..<0)
        }
        for name in library.keys.sorted() {
            let id = Int(templateIDs[name]!)
            templates[id] = try flatten(library[name]!)
        }
    }

    /// Flattens a template (and, after it, the templates inside it); returns its range.
    private func flatten(_ template: FastTemplate) throws -> Range<Int> {
        var mine: [Op] = []
        for node in template.nodes {
            switch node {
            case .text(let bytes):
                mine.append(Op(kind: .text, a: Int32(text.count), b: Int32(bytes.count), c: 0))
                text.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                mine.append(Op(kind: escaped ? .escaped : .raw, a: add(name), b: 0, c: 0))
            case .section(let name, let body, let inverted):
                mine.append(Op(kind: inverted ? .inverted : .section, a: add(name), b: try child(body), c: 0))
            case .blockExpansion(let name, let body, let indentation):
                mine.append(Op(kind: .block, a: block(name), b: try child(body), c: indent(indentation)))
            case .partial(let name, let indentation, let inherits):
                var map: Int32 = -1
                if let inherits {
                    var m: [Int32: Int32] = [:]
                    for (blockName, body) in inherits { m[block(blockName)] = try child(body) }
                    map = Int32(inheritances.count)
                    inheritances.append(m)
                }
                mine.append(Op(kind: .partial, a: templateIDs[name] ?? -1, b: indent(indentation), c: map))
            case .blockDefinition:
                throw FastLibrary.Unsupported()
            }
        }
        let start = ops.count
        ops.append(contentsOf: mine)
        return start..<ops.count
    }

    private func child(_ template: FastTemplate) throws -> Int32 {
        let id = Int32(templates.count)
        templates.append(0..<0)
        templates[Int(id)] = try flatten(template)
        return id
    }

    private func add(_ name: FastName) -> Int32 {
        let start = keys.count
        keys.append(contentsOf: name.keys)
        names.append(Name(isDot: name.isDot, fromTop: name.fromTop, sequence: name.sequence, keys: start..<keys.count))
        return Int32(names.count - 1)
    }

    private func block(_ name: String) -> Int32 {
        if let id = blockIDs[name] { return id }
        let id = Int32(blockIDs.count)
        blockIDs[name] = id
        return id
    }

    private func indent(_ indentation: String?) -> Int32 {
        guard let indentation else { return -1 }
        indentations.append(Array(indentation.utf8))
        return Int32(indentations.count - 1)
    }

    func render(_ root: FastValue, template: Int32) -> [UInt8]? {
        ops.withUnsafeBufferPointer { ops in
            text.withUnsafeBufferPointer { text in
                keys.withUnsafeBufferPointer { keys in
                    names.withUnsafeBufferPointer { names in
                        templates.withUnsafeBufferPointer { templates in
                            var r = FastRenderer(
                                program: self, ops: ops, text: text, keys: keys, names: names, templates: templates)
                            r.output.reserveCapacity(32 * 1024)
                            r.stack.append(root)
                            guard r.render(template, indentation: nil, inherited: nil) else { return nil }
                            return r.output
                        }
                    }
                }
            }
        }
    }
}

private struct FastRenderer {
    let program: FastProgram
    let ops: UnsafeBufferPointer<FastProgram.Op>
    let text: UnsafeBufferPointer<UInt8>
    let keys: UnsafeBufferPointer<ViewKey?>
    let names: UnsafeBufferPointer<FastProgram.Name>
    let templates: UnsafeBufferPointer<Range<Int>>
    var output: [UInt8] = []
    /// The context stack; sections push and pop.
    var stack: [FastValue] = []
    /// Where in the sequence being iterated the top of the stack is; nil outside one.
    var sequence: (index: Int, count: Int)? = nil

    init(
        program: FastProgram, ops: UnsafeBufferPointer<FastProgram.Op>, text: UnsafeBufferPointer<UInt8>,
        keys: UnsafeBufferPointer<ViewKey?>, names: UnsafeBufferPointer<FastProgram.Name>,
        templates: UnsafeBufferPointer<Range<Int>>
    ) {
        self.program = program
        self.ops = ops
        self.text = text
        self.keys = keys
        self.names = names
        self.templates = templates
    }

    /// Renders template `t`; false when the page needs what this renderer does not reproduce.
    mutating func render(_ t: Int32, indentation: [UInt8]?, inherited: [Int32: Int32]?) -> Bool {
        let range = templates[Int(t)]
        if let indentation, !indentation.isEmpty {
            // swift-mustache indents each op's output that starts a line of this template's
            // own output.
            let start = output.count
            for i in range {
                let saved = output
                output = []
                guard renderOp(ops[i], indentation, inherited) else { return false }
                let piece = output
                output = saved
                if !piece.isEmpty && endsWithNewline(from: start) { output.append(contentsOf: indentation) }
                output.append(contentsOf: piece)
            }
            return true
        }
        for i in range {
            guard renderOp(ops[i], indentation, inherited) else { return false }
        }
        return true
    }

    /// Whether this render's output so far ends with a "\n" character (not CR LF).
    func endsWithNewline(from start: Int) -> Bool {
        let n = output.count
        guard n > start, output[n - 1] == 0x0A else { return false }
        return !(n - 1 > start && output[n - 2] == 0x0D)
    }

    mutating func renderOp(_ op: FastProgram.Op, _ indentation: [UInt8]?, _ inherited: [Int32: Int32]?) -> Bool {
        switch op.kind {
        case .text:
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(op.a)..<Int(op.a + op.b)]))
        case .escaped, .raw:
            guard let value = lookup(names[Int(op.a)]) else { return true }
            guard let s = value.text else { return false }
            if op.kind == .escaped { appendEscaped(s) } else { output.append(contentsOf: s.utf8) }
        case .section:
            return renderSection(lookup(names[Int(op.a)]), op.b, indentation, inherited)
        case .inverted:
            return renderInverted(lookup(names[Int(op.a)]), op.b, indentation, inherited)
        case .block:
            let body = inherited?[op.a] ?? op.b
            let saved = sequence
            sequence = nil
            defer { sequence = saved }
            return render(body, indentation: indent(indentation, op.c), inherited: inherited)
        case .partial:
            guard op.a >= 0 else { return true }
            var inherits = inherited
            if op.c >= 0 {
                let overrides = program.inheritances[Int(op.c)]
                inherits = inherited.map { $0.merging(overrides) { value, _ in value } } ?? overrides
            }
            let saved = sequence
            sequence = nil
            defer { sequence = saved }
            return render(op.a, indentation: indent(indentation, op.b), inherited: inherits)
        }
        return true
    }

    func indent(_ indentation: [UInt8]?, _ added: Int32) -> [UInt8]? {
        guard added >= 0 else { return indentation }
        return (indentation ?? []) + program.indentations[Int(added)]
    }

    mutating func renderSection(_ value: FastValue?, _ body: Int32, _ indentation: [UInt8]?, _ inherited: [Int32: Int32]?) -> Bool {
        guard let value else { return true }
        switch value {
        case .list(let list):
            let n = list.count
            guard n > 0 else { return true }
            let saved = sequence
            defer { sequence = saved }
            stack.append(.emptyList)
            defer { stack.removeLast() }
            for i in 0..<n {
                stack[stack.count - 1] = list.element(i)
                sequence = (i, n)
                guard render(body, indentation: indentation, inherited: inherited) else { return false }
            }
            return true
        case .emptyList:
            return true
        case .bool(let b):
            return b ? render(body, indentation: indentation, inherited: inherited) : true
        default:
            return push(value, body, indentation, inherited)
        }
    }

    mutating func renderInverted(_ value: FastValue?, _ body: Int32, _ indentation: [UInt8]?, _ inherited: [Int32: Int32]?) -> Bool {
        guard let value else { return render(body, indentation: indentation, inherited: inherited) }
        switch value {
        case .list(let list):
            return list.count == 0 ? push(.emptyList, body, indentation, inherited) : true
        case .emptyList:
            return push(.emptyList, body, indentation, inherited)
        case .bool(let b):
            return b ? true : render(body, indentation: indentation, inherited: inherited)
        default:
            return true
        }
    }

    /// Renders `body` with `value` on top of the stack, outside any sequence.
    mutating func push(_ value: FastValue, _ body: Int32, _ indentation: [UInt8]?, _ inherited: [Int32: Int32]?) -> Bool {
        let saved = sequence
        sequence = nil
        stack.append(value)
        defer {
            stack.removeLast()
            sequence = saved
        }
        return render(body, indentation: indentation, inherited: inherited)
    }

    /// swift-mustache's lookup: `.` is the top of the stack; `.a.b` starts at the top;
    /// `a.b` finds `a` in the nearest value that has it, then `b` in that.
    func lookup(_ name: FastProgram.Name) -> FastValue? {
        if let transform = name.sequence {
            guard let (i, n) = sequence else { return nil }
            switch transform {
            case .first: return .bool(i == 0)
            case .last: return .bool(i == n - 1)
            case .index: return .int(i)
            case .even: return .bool(i & 1 == 0)
            case .odd: return .bool(i & 1 == 1)
            }
        }
        if name.isDot { return stack.last }
        if name.fromTop {
            guard let top = stack.last else { return nil }
            return descend(top, name.keys)
        }
        guard !name.keys.isEmpty, let key = keys[name.keys.lowerBound] else { return nil }
        var i = stack.count - 1
        while i >= 0 {
            if case .parent(let p) = stack[i], let child = p.child(key) {
                return descend(child, (name.keys.lowerBound + 1)..<name.keys.upperBound)
            }
            i -= 1
        }
        return nil
    }

    func descend(_ value: FastValue, _ range: Range<Int>) -> FastValue? {
        var value = value
        for k in range {
            guard let key = keys[k], case .parent(let p) = value, let child = p.child(key) else { return nil }
            value = child
        }
        return value
    }

    /// HTML escaping by the site's one escaper, as swift-mustache is given it
    /// (``TemplateEscaping``).
    mutating func appendEscaped(_ s: String) {
        Markup.append(escaping: s, to: &output)
    }
}
