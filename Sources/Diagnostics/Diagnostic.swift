/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.note, .warning, .error]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// The language messages are shown in.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// A text in both languages zhinan speaks.
public struct LocalizedText: Hashable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(language: Language) -> String {
        language == .zh ? zh : en
    }
}

/// A place in a file that a diagnostic or note points at.
public struct SourceSpan: Hashable, Sendable {
    /// The file's path as shown to the user (relative to where zhinan was run, or as given).
    public var file: String
    public var range: SourceRange

    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }
}

/// A secondary message attached to a diagnostic, with its own location if it has one.
public struct DiagnosticNote: Hashable, Sendable {
    public var message: LocalizedText
    public var span: SourceSpan?

    public init(_ message: LocalizedText, at span: SourceSpan? = nil) {
        self.message = message.clipped()
        self.span = span
    }
}

/// A machine-applicable fix: replace the text of `range` (in the diagnostic's file) with
/// `replacement`. `zhinan fix` applies it to the source text as it is, so comments and
/// layout stay; SARIF carries it as a `fix`.
public struct DiagnosticFix: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String

    public init(replacing range: SourceRange, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// One problem found in the sources: a stable code, where, what is wrong and what to do.
public struct Diagnostic: Hashable, Sendable {
    /// The stable identifier, e.g. `ZN103`; see ``DiagnosticCode``.
    public var code: String
    public var severity: Severity
    /// Where the problem is; `nil` for a problem with no file (an unreadable folder).
    public var span: SourceSpan?
    public var message: LocalizedText
    public var notes: [DiagnosticNote]
    /// 0, or for the line that stands for the diagnostics of its code its file had beyond
    /// ``FileDiagnostics/perCode`` ("… and 599900 more ZN302 in this file"), how many it
    /// stands for.
    public var more = 0
    /// The edit that fixes it, in the file of `span`, when one is certain (only codes the
    /// registry marks ``DiagnosticCode/isMachineFixable`` carry one).
    public var fix: DiagnosticFix?

    public init(
        _ code: DiagnosticCode, severity: Severity? = nil, at span: SourceSpan?,
        message: LocalizedText, notes: [DiagnosticNote] = [], fix: DiagnosticFix? = nil
    ) {
        self.code = code.id
        self.severity = severity ?? code.defaultSeverity
        self.span = span
        self.message = message.clipped()
        self.notes = notes
        self.fix = span == nil ? nil : fix
    }

    /// Orders diagnostics by file, line, column, then code and message, so output is the
    /// same from run to run whatever order they were found in.
    public static func sortKey(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let fa = a.span?.file ?? "", fb = b.span?.file ?? ""
        if fa != fb { return fa < fb }
        let la = a.span?.range.start ?? .init(line: 0, column: 0)
        let lb = b.span?.range.start ?? .init(line: 0, column: 0)
        if la != lb { return la < lb }
        if a.code != b.code { return a.code < b.code }
        return a.message.en < b.message.en
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in the stable order of ``Diagnostic/sortKey(_:_:)``.
    public func sortedForOutput() -> [Diagnostic] { sorted(by: Diagnostic.sortKey) }
}
