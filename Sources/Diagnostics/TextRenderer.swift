/// Renders diagnostics for people and for editors' problem matchers:
///
///     items/a.yaml:12:5: error: message [ZN103]
///        12 | 事项名称: 特种设备
///           | ^~~~
///
/// The first line's form, `path:line:column: severity: message [CODE]`, is a contract; the
/// severity word stays English in every language so matchers keep working.
///
/// Everything a catalog wrote (messages quoting its values and names, file names, quoted
/// source lines) is shown through ``VisibleText``: a line break, escape sequence or
/// bidirectional override in it is shown as an escape such as `\n` or `\u{1B}`, so one
/// diagnostic is always its own line, its quoted line and its caret, and nothing of the
/// catalog acts on the terminal.
public struct TextRenderer: Sendable {
    public var language: Language
    /// ANSI colour; the caller decides (a terminal, and `NO_COLOR` unset).
    public var useColor: Bool

    public init(language: Language, useColor: Bool = false) {
        self.language = language
        self.useColor = useColor
    }

    /// All diagnostics, in the order given, then a summary line; `omitted` counts those a
    /// capped report left out.
    public func render(
        _ diagnostics: [Diagnostic], sources: SourceTexts, fileCount: Int, omitted: DiagnosticTally = DiagnosticTally()
    ) -> String {
        var out = ""
        write(diagnostics, sources: sources, fileCount: fileCount, omitted: omitted) { out += $0 }
        return out
    }

    /// ``render(_:sources:fileCount:omitted:)`` handed to `output` a diagnostic at a time,
    /// so the whole report is never one string.
    public func write(
        _ diagnostics: [Diagnostic], sources: SourceTexts, fileCount: Int, omitted: DiagnosticTally = DiagnosticTally(),
        to output: (String) -> Void
    ) {
        for d in diagnostics {
            output(render(d, sources: sources))
        }
        output(summary(diagnostics, fileCount: fileCount, omitted: omitted) + "\n")
    }

    /// One diagnostic with its quoted source and its notes.
    public func render(_ d: Diagnostic, sources: SourceTexts) -> String {
        var out = header(span: d.span, severity: d.severity, message: d.message[language] + " [\(d.code)]")
        out += excerpt(d.span, sources: sources)
        for note in d.notes {
            out += header(span: note.span, severity: .note, message: note.message[language])
            out += excerpt(note.span, sources: sources)
        }
        return out
    }

    /// `5 files checked: 2 errors, 1 warning.` / `共检查 5 个文件：2 个错误，1 个警告。`,
    /// counting the diagnostics a line stands for (``Diagnostic/more``) and those `omitted`,
    /// and then saying how many are not shown.
    public func summary(_ diagnostics: [Diagnostic], fileCount: Int, omitted: DiagnosticTally = DiagnosticTally()) -> String {
        let all = DiagnosticTally(diagnostics) + omitted
        let (errors, warnings, hidden) = (all.errors, all.warnings, omitted.total)
        switch language {
        case .zh:
            if errors == 0 && warnings == 0 && hidden == 0 { return "共检查 \(fileCount) 个文件，未发现问题。" }
            let notShown = hidden == 0 ? "" : "（\(hidden) 条未显示；--max-diagnostics 0 可取消此上限）"
            return "共检查 \(fileCount) 个文件：\(errors) 个错误，\(warnings) 个警告\(notShown)。"
        case .en:
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            if errors == 0 && warnings == 0 && hidden == 0 { return "\(plural(fileCount, "file")) checked, no problems found." }
            let notShown = hidden == 0 ? "" : " (\(hidden) not shown; --max-diagnostics 0 lifts this limit)"
            return "\(plural(fileCount, "file")) checked: \(plural(errors, "error")), \(plural(warnings, "warning"))\(notShown)."
        }
    }

    private func header(span: SourceSpan?, severity: Severity, message: String) -> String {
        var place = ""
        if let span {
            place = "\(VisibleText.escaped(span.file)):\(span.range.start.line):\(span.range.start.column): "
        }
        let word = severity.rawValue + ":"
        return paint(place, .bold) + paint(word, severity == .error ? .red : severity == .warning ? .yellow : .cyan)
            + " " + paint(VisibleText.escaped(message), .bold) + "\n"
    }

    /// The source line under the gutter, and a caret under the span. Columns count Unicode
    /// scalars, as positions do; a tab is shown as one space and anything ``VisibleText``
    /// escapes as its escape, and the caret is moved by the cells each takes.
    private func excerpt(_ span: SourceSpan?, sources: SourceTexts) -> String {
        guard let span, let line = sources.line(span.range.start.line, in: span.file), !line.isEmpty
        else { return "" }
        let number = String(span.range.start.line)
        let gutter = String(repeating: " ", count: max(number.count, 3))
        let startColumn = span.range.start.column
        let endColumn = span.range.end.line == span.range.start.line ? span.range.end.column : Int.max
        var lineText = "", pad = 0, width = 0
        for (i, scalar) in line.unicodeScalars.enumerated() {
            let shown = scalar == "\t" ? " " : VisibleText.escape(for: scalar)
            let cells = shown?.count ?? scalar.terminalWidth
            if let shown { lineText += shown } else { lineText.unicodeScalars.append(scalar) }
            let column = i + 1
            if column < startColumn { pad += cells } else if column < endColumn { width += cells }
        }
        let caret = "^" + String(repeating: "~", count: max(0, width - 1))
        return " " + String(repeating: " ", count: gutter.count - number.count) + number + " | "
            + lineText + "\n" + " " + gutter + " | " + String(repeating: " ", count: pad) + paint(caret, .green) + "\n"
    }

    private enum Style: String {
        case bold = "1", red = "1;31", yellow = "1;33", cyan = "1;36", green = "1;32"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        guard useColor, !text.isEmpty else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }
}

extension Unicode.Scalar {
    /// Cells the scalar takes in a terminal: 2 for East Asian wide and fullwidth
    /// characters, so a caret lines up under Chinese text; 0 for combining marks and
    /// zero-width characters, which join the character before them.
    var terminalWidth: Int {
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        switch value {
        case 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F, 0xFEFF:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
