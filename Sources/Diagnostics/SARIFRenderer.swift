/// Renders diagnostics as a SARIF 2.1.0 log, the format GitHub code scanning and other CI
/// dashboards upload:
///
///     {"$schema": …, "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "zhinan",
///      "semanticVersion": …, "rules": […]}}, "language": "zh-CN",
///      "columnKind": "unicodeCodePoints", "results": […]}]}
///
/// - `rules` lists every code of the registry, in its order (so a code's `ruleIndex` is the
///   same in every log of one zhinan version, and a dashboard can show every check zhinan
///   has), followed by any code a diagnostic uses that the registry lacks.
/// - Each result has its code as `ruleId`, the diagnostic's severity as `level`, and its
///   place as one location; notes with a place become `relatedLocations`, notes without
///   one are added to the message text.
/// - Regions use zhinan's positions as they are: 1-based lines, columns counted in Unicode
///   scalars (`columnKind` `unicodeCodePoints`), `endColumn` exclusive, as in SARIF.
/// - URIs are relative to `%SRCROOT%`, the folder given as `sourceRoot` (zhinan's
///   `--sarif-root`: by default the git top level of the working folder), forward slashes,
///   percent-encoded; a file outside it gets a `file://` URI. `originalUriBaseIds` defines
///   `%SRCROOT%` as that folder's `file://` URI (or, with no root, describes it).
/// - Each result has `partialFingerprints` `zhinanResultHash/v1`: a hash of its code, its
///   file's URI and its English message with whitespace runs made one space, then `:` and
///   which such result it is in the file (1, 2 …), so code scanning follows an alert when
///   lines are added above it, whatever `--lang`.
/// - `informationUri` is left out: SARIF wants an absolute URI and zhinan has none to give.
///
/// Keys are written in a fixed order, so equal input gives byte-identical output.
public struct SARIFRenderer: Sendable {
    public var language: Language
    public var registry: DiagnosticRegistry
    /// zhinan's version, written as the driver's `semanticVersion`.
    public var toolVersion: String
    /// The absolute folder URIs are made relative to; `nil` leaves relative paths as given.
    public var sourceRoot: String?
    /// The absolute folder relative paths of diagnostics start from (where zhinan ran);
    /// `nil`: `sourceRoot`.
    public var workingDirectory: String?

    public init(
        language: Language, registry: DiagnosticRegistry, toolVersion: String, sourceRoot: String? = nil,
        workingDirectory: String? = nil
    ) {
        self.language = language
        self.registry = registry
        self.toolVersion = toolVersion
        self.sourceRoot = sourceRoot
        self.workingDirectory = workingDirectory
    }

    /// The key of zhinan's entry in `partialFingerprints`.
    public static let fingerprintKey = "zhinanResultHash/v1"

    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public func render(_ diagnostics: [Diagnostic], omitted: DiagnosticTally = DiagnosticTally()) -> String {
        var out = ""
        write(diagnostics, omitted: omitted) { out += $0 }
        return out
    }

    /// ``render(_:omitted:)`` handed to `output` in pieces, each result made as it is
    /// written, so a long log is never held whole.
    public func write(_ diagnostics: [Diagnostic], omitted: DiagnosticTally = DiagnosticTally(), to output: (String) -> Void) {
        var rules = registry.codes
        var index: [String: Int] = [:]
        for (i, code) in rules.enumerated() { index[code.id] = i }
        for id in Set(diagnostics.map(\.code)).sorted() where index[id] == nil {
            index[id] = rules.count
            rules.append(DiagnosticCode(
                id, .warning, title: LocalizedText(zh: id, en: id),
                explanation: LocalizedText(zh: "", en: ""), fix: LocalizedText(zh: "", en: "")))
        }
        let driver: JSONValue = .object([
            ("name", .string("zhinan")),
            ("fullName", .string("zhinan \(toolVersion)")),
            ("semanticVersion", .string(toolVersion)),
            ("language", .string(language.tag)),
            ("rules", .array(rules.map(rule))),
        ])
        let fingerprints = fingerprints(of: diagnostics)
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver)])),
            ("originalUriBaseIds", .object([("%SRCROOT%", rootLocation)])),
            ("language", .string(language.tag)),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .lazyArray(count: diagnostics.count) {
                result(diagnostics[$0], ruleIndex: index[diagnostics[$0].code]!, fingerprint: fingerprints[$0])
            }),
        ]
        if omitted.total > 0 {
            // SARIF has no member for results a tool left out: a property bag says how many.
            run.append(("properties", .object([("omittedResults", .object([
                ("error", .int(omitted.errors)), ("warning", .int(omitted.warnings)), ("note", .int(omitted.notes)),
            ]))])))
        }
        let log: JSONValue = .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        var out = ""
        log.write(to: &out, indent: 0) { piece in
            output(piece)
            piece = ""
        }
        output(out + "\n")
    }

    private func rule(_ code: DiagnosticCode) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(code.id)),
            ("name", .string(Self.ruleName(code))),
            ("shortDescription", .object([("text", .string(code.title[language]))])),
        ]
        let explanation = code.explanation[language]
        if !explanation.isEmpty {
            members.append(("fullDescription", .object([("text", .string(explanation))])))
            let fixLabel = language == .zh ? "如何处理：" : "How to fix: "
            var text = explanation + "\n\n" + fixLabel + code.fix[language]
            var markdown = Self.markdownEscaped(explanation) + "\n\n**" + fixLabel.trimmingSpaces() + "** "
                + Self.markdownEscaped(code.fix[language])
            if let example = code.example {
                let exampleLabel = language == .zh ? "示例：" : "Example:"
                text += "\n\n" + exampleLabel + "\n" + example.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n")
                markdown += "\n\n**" + exampleLabel + "**\n\n```yaml\n" + example + "\n```"
            }
            members.append(("help", .object([("text", .string(text)), ("markdown", .string(markdown))])))
        }
        members.append(("defaultConfiguration", .object([("level", .string(code.defaultSeverity.sarifLevel))])))
        return .object(members)
    }

    /// `%SRCROOT%`: the root's `file://` URI, ending in `/`; described when there is none.
    private var rootLocation: JSONValue {
        guard let root = sourceRoot, root.hasPrefix("/") else {
            return .object([("description", .object([("text", .string("The folder zhinan was run in."))]))])
        }
        let uri = ReportPath(root, sourceRoot: nil).uri
        return .object([("uri", .string(uri.hasSuffix("/") ? uri : uri + "/"))])
    }

    private func reportPath(_ file: String) -> ReportPath {
        ReportPath(file, sourceRoot: sourceRoot, workingDirectory: workingDirectory)
    }

    /// Each diagnostic's ``fingerprintKey`` value, in order.
    func fingerprints(of diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { d in
            let uri = d.span.map { reportPath($0.file).uri } ?? ""
            let message = d.message.en.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in (d.code + "\u{0}" + uri + "\u{0}" + message).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            let hex = String(hash, radix: 16)
            let key = String(repeating: "0", count: 16 - hex.count) + hex
            seen[key, default: 0] += 1
            return key + ":\(seen[key]!)"
        }
    }

    private func result(_ d: Diagnostic, ruleIndex: Int, fingerprint: String) -> JSONValue {
        var text = d.message[language]
        let noteLabel = language == .zh ? "注：" : "note: "
        for note in d.notes where note.span == nil {
            text += "\n" + noteLabel + note.message[language]
        }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(d.code)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(d.severity.sarifLevel)),
            ("message", .object([("text", .string(text))])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])),
        ]
        if let span = d.span {
            members.append(("locations", .array([.object([("physicalLocation", physicalLocation(span))])])))
        }
        let related = d.notes.filter { $0.span != nil }
        if !related.isEmpty {
            members.append(("relatedLocations", .array(related.enumerated().map { i, note in
                .object([
                    ("id", .int(i + 1)),
                    ("physicalLocation", physicalLocation(note.span!)),
                    ("message", .object([("text", .string(note.message[language]))])),
                ])
            })))
        }
        if let fix = d.fix, let span = d.span {
            // SARIF 2.1.0 §3.55: a fix is artifact changes, each a list of replacements.
            members.append(("fixes", .array([.object([
                ("description", .object([("text", .string(d.message[language]))])),
                ("artifactChanges", .array([.object([
                    ("artifactLocation", artifactLocation(span.file)),
                    ("replacements", .array([.object([
                        ("deletedRegion", region(fix.range)),
                        ("insertedContent", .object([("text", .string(fix.replacement))])),
                    ])])),
                ])])),
            ])])))
        }
        return .object(members)
    }

    private func artifactLocation(_ file: String) -> JSONValue {
        let path = reportPath(file)
        var artifact: [(String, JSONValue)] = [("uri", .string(path.uri))]
        if path.isRelative { artifact.append(("uriBaseId", .string("%SRCROOT%"))) }
        return .object(artifact)
    }

    private func physicalLocation(_ span: SourceSpan) -> JSONValue {
        .object([("artifactLocation", artifactLocation(span.file)), ("region", region(span.range))])
    }

    private func region(_ r: SourceRange) -> JSONValue {
        .object([
                ("startLine", .int(max(1, r.start.line))),
                ("startColumn", .int(max(1, r.start.column))),
                ("endLine", .int(max(1, r.end.line))),
                ("endColumn", .int(max(1, r.end.column))),
        ])
    }

    /// A rule's `name`: its English title in PascalCase (`Duplicate key` → `DuplicateKey`),
    /// letters and digits only, apostrophes dropped; the code itself when that leaves nothing.
    public static func ruleName(_ code: DiagnosticCode) -> String {
        var out = ""
        for word in code.title.en.filter({ $0 != "'" && $0 != "\u{2019}" }).split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            out += word.prefix(1).uppercased() + word.dropFirst()
        }
        return out.isEmpty || out == code.id ? code.id : out
    }

    /// Text with Markdown's punctuation escaped, so an explanation shows as written.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_{}[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension Severity {
    /// The SARIF `level`: `error`, `warning` or `note`.
    public var sarifLevel: String { rawValue }
}

extension Language {
    /// The RFC 5646 tag SARIF's `language` takes.
    var tag: String { self == .zh ? "zh-CN" : "en-US" }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// A diagnostic's file as CI tools want it: relative to a root folder (the repository's,
/// or the folder zhinan ran in), with forward slashes and no `./`; or absolute when it
/// lies outside that folder.
struct ReportPath: Equatable {
    /// The path, `/`-separated, with `.` and `..` segments resolved where possible.
    var path: String
    var isRelative: Bool

    /// - Parameter workingDirectory: the absolute folder a relative `file` starts from;
    ///   `nil`: `sourceRoot`.
    init(_ file: String, sourceRoot: String?, workingDirectory: String? = nil) {
        let absolute = file.hasPrefix("/")
        if let root = sourceRoot, root.hasPrefix("/") {
            let rootParts = Self.normalized(root, absolute: true)
            let base = workingDirectory.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? root
            let parts = Self.normalized(absolute ? file : base + "/" + file, absolute: true)
            if parts.count > rootParts.count, Array(parts.prefix(rootParts.count)) == rootParts {
                path = parts.dropFirst(rootParts.count).joined(separator: "/")
                isRelative = true
            } else {
                path = "/" + parts.joined(separator: "/")
                isRelative = false
            }
        } else {
            let parts = Self.normalized(file, absolute: absolute)
            path = (absolute ? "/" : "") + parts.joined(separator: "/")
            isRelative = !absolute
        }
    }

    /// The path as a URI reference: relative, or `file://` and absolute; every byte other
    /// than RFC 3986's unreserved characters, `/` and a few sub-delimiters percent-encoded.
    var uri: String {
        var out = isRelative ? "" : "file://"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "!"),
                UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
                UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// The segments of `path` without empty and `.` segments, `..` resolved against the
    /// segment before it (kept at the start of a relative path).
    static func normalized(_ path: String, absolute: Bool) -> [String] {
        var parts: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append("..") }
            default: parts.append(String(segment))
            }
        }
        return parts
    }
}

/// A JSON value whose objects keep their keys in the order given.
enum JSONValue {
    case string(String)
    case int(Int)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose elements are made one at a time as they are written.
    case lazyArray(count: Int, element: (Int) -> JSONValue)

    /// Writes the value indented by two spaces a level, as `JSONSerialization` would but
    /// with keys in their given order and Chinese left readable. `flush` is handed what has
    /// been written after each element of an array once it passes 64 KB, and may empty it.
    func write(to out: inout String, indent: Int, flush: (inout String) -> Void = { _ in }) {
        switch self {
        case .string(let s): out += json(s)
        case .int(let n): out += String(n)
        case .array(let items):
            JSONValue.lazyArray(count: items.count) { items[$0] }.write(to: &out, indent: indent, flush: flush)
        case .lazyArray(let count, let element):
            guard count > 0 else { out += "[]"; return }
            out += "[\n"
            for i in 0..<count {
                out += String(repeating: " ", count: indent + 2)
                element(i).write(to: &out, indent: indent + 2, flush: flush)
                out += i == count - 1 ? "\n" : ",\n"
                if out.utf8.count >= 1 << 16 { flush(&out) }
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2) + json(key) + ": "
                value.write(to: &out, indent: indent + 2, flush: flush)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
