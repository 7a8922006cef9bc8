/// Renders diagnostics as GitHub Actions workflow commands, which GitHub shows as
/// annotations on the lines of a pull request:
///
///     ::error file=items/a.yaml,line=3,col=7,endLine=3,endColumn=12,title=ZN601 承诺时限超过法定时限::message
///
/// - Errors are `::error`, warnings `::warning`, notes `::notice`.
/// - `file` is relative to `sourceRoot` (the folder zhinan ran in, which in a workflow is
///   the repository's checkout), as GitHub wants; a file outside it keeps its absolute path.
/// - `col` and `endColumn` are given only for a range on one line, as GitHub requires;
///   `endColumn` is the range's last column (inclusive), or `col` for an empty range.
/// - Notes are further lines of the message, with their place when they have one.
/// - What the catalog wrote (messages, notes, file names) is first shown through
///   ``VisibleText``, so a line break or escape sequence in it is a visible `\n` or
///   `\u{1B}`; the only line breaks of a message are those before its notes.
/// - Messages are then escaped as GitHub's toolkit does (`%`, CR, LF); property values
///   also escape `:` and `,`.
///
/// A plain summary line ends the output.
public struct GitHubRenderer: Sendable {
    public var language: Language
    public var registry: DiagnosticRegistry
    /// The folder relative paths are taken against; `nil` leaves paths as given.
    public var sourceRoot: String?

    public init(language: Language, registry: DiagnosticRegistry, sourceRoot: String? = nil) {
        self.language = language
        self.registry = registry
        self.sourceRoot = sourceRoot
    }

    /// One command line per diagnostic, in the order given, then the summary (with how
    /// many a capped report left out, `omitted`).
    public func render(_ diagnostics: [Diagnostic], fileCount: Int, omitted: DiagnosticTally = DiagnosticTally()) -> String {
        var out = ""
        write(diagnostics, fileCount: fileCount, omitted: omitted) { out += $0 }
        return out
    }

    /// ``render(_:fileCount:omitted:)`` handed to `output` a line at a time.
    public func write(
        _ diagnostics: [Diagnostic], fileCount: Int, omitted: DiagnosticTally = DiagnosticTally(), to output: (String) -> Void
    ) {
        for d in diagnostics { output(render(d) + "\n") }
        output(TextRenderer(language: language).summary(diagnostics, fileCount: fileCount, omitted: omitted) + "\n")
    }

    /// The workflow command of one diagnostic, without a line break.
    public func render(_ d: Diagnostic) -> String {
        let command: String
        switch d.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties: [(String, String)] = []
        if let span = d.span {
            let r = span.range
            properties.append(("file", VisibleText.escaped(ReportPath(span.file, sourceRoot: sourceRoot).path)))
            properties.append(("line", String(r.start.line)))
            if r.start.line == r.end.line {
                properties.append(("col", String(r.start.column)))
                properties.append(("endLine", String(r.end.line)))
                properties.append(("endColumn", String(max(r.start.column, r.end.column - 1))))
            } else {
                properties.append(("endLine", String(r.end.line)))
            }
        }
        let title = registry.code(d.code).map { "\(d.code) \($0.title[language])" } ?? d.code
        properties.append(("title", title))

        var message = VisibleText.escaped(d.message[language])
        let noteLabel = language == .zh ? "注：" : "note: "
        for note in d.notes {
            message += "\n" + noteLabel
            if let span = note.span {
                message += VisibleText.escaped(ReportPath(span.file, sourceRoot: sourceRoot).path)
                    + ":\(span.range.start.line):\(span.range.start.column): "
            }
            message += VisibleText.escaped(note.message[language])
        }
        let props = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command) \(props)::\(Self.escapeData(message))"
    }

    /// A command's message, escaped: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ text: String) -> String {
        escape(text, propertySeparators: false)
    }

    /// A command's property value, escaped as a message is and also `:` → `%3A`,
    /// `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        escape(text, propertySeparators: true)
    }

    private static func escape(_ text: String, propertySeparators: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where propertySeparators: out += "%3A"
            case "," where propertySeparators: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
