/// Renders diagnostics as the JSON of DESIGN.md, keys in a fixed order:
///
///     {"version":1,"diagnostics":[{"code":…,"severity":…,"file":…,"line":…,"column":…,
///      "endLine":…,"endColumn":…,"message":…,"notes":[{"message":…,"file":…,"line":…,"column":…}]}]}
///
/// A diagnostic with a machine-applicable fix has, after its notes, `"fix":{"line":…,
/// "column":…,"endLine":…,"endColumn":…,"replacement":…}` (the range replaced, in its file).
///
/// Lines and columns are 1-based, columns in characters; a diagnostic with no file has
/// `null` for file and positions. The line that stands for the diagnostics of one code a
/// file had beyond ``FileDiagnostics/perCode`` has `"more":N` after its notes; when a
/// capped report left diagnostics out, `"omitted":{"errors":…,"warnings":…,"notes":…}`
/// follows the list.
public struct JSONRenderer: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ diagnostics: [Diagnostic], omitted: DiagnosticTally = DiagnosticTally()) -> String {
        var out = ""
        write(diagnostics, omitted: omitted) { out += $0 }
        return out
    }

    /// ``render(_:omitted:)`` handed to `output` a diagnostic at a time.
    public func write(_ diagnostics: [Diagnostic], omitted: DiagnosticTally = DiagnosticTally(), to output: (String) -> Void) {
        output("{\"version\":1,\"diagnostics\":[")
        for (i, d) in diagnostics.enumerated() {
            var out = i > 0 ? "," : ""
            out += "\n{\"code\":\(json(d.code)),\"severity\":\(json(d.severity.rawValue)),"
            out += position(d.span, withEnd: true)
            out += ",\"message\":\(json(d.message[language])),\"notes\":["
            for (j, n) in d.notes.enumerated() {
                if j > 0 { out += "," }
                out += "{\"message\":\(json(n.message[language])),\(position(n.span, withEnd: false))}"
            }
            out += "]"
            if let fix = d.fix {
                let r = fix.range
                out += ",\"fix\":{\"line\":\(r.start.line),\"column\":\(r.start.column),\"endLine\":\(r.end.line),"
                out += "\"endColumn\":\(r.end.column),\"replacement\":\(json(fix.replacement))}"
            }
            out += d.more > 0 ? ",\"more\":\(d.more)}" : "}"
            output(out)
        }
        var end = diagnostics.isEmpty ? "]" : "\n]"
        if omitted.total > 0 {
            end += ",\"omitted\":{\"errors\":\(omitted.errors),\"warnings\":\(omitted.warnings),\"notes\":\(omitted.notes)}"
        }
        output(end + "}\n")
    }

    private func position(_ span: SourceSpan?, withEnd: Bool) -> String {
        guard let span else {
            return "\"file\":null,\"line\":null,\"column\":null"
                + (withEnd ? ",\"endLine\":null,\"endColumn\":null" : "")
        }
        let r = span.range
        var out = "\"file\":\(json(span.file)),\"line\":\(r.start.line),\"column\":\(r.start.column)"
        if withEnd { out += ",\"endLine\":\(r.end.line),\"endColumn\":\(r.end.column)" }
        return out
    }
}

/// A JSON string literal for `text`, escaping what RFC 8259 requires and, as `\uXXXX`,
/// every other character ``VisibleText`` makes visible (DEL, C1 controls, U+2028/2029,
/// bidirectional overrides), so the JSON read as text on a terminal is as safe as the
/// text output; Chinese stays readable.
public func json(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let s where VisibleText.escape(for: s) != nil:
            let hex = String(s.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
