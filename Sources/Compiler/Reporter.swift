import Diagnostics
import Standards
import YAMLSyntax

/// Collects the diagnostics of one file, applying the profiles' rule settings (a rule
/// switched off is dropped, a severity override applied), and keeping at most
/// ``FileDiagnostics/perCode`` of one code (the rest are counted in one line).
struct Reporter {
    let file: String
    let settings: [String: RuleSetting]
    private var found = FileDiagnostics()
    /// What was reported, with a line for each code past the per-file limit.
    var diagnostics: [Diagnostic] { found.all }
    /// Work left for did-you-mean suggestions in this file (see ``Suggestion``), so a file
    /// with thousands of unknown names among thousands of candidates stays linear.
    private var suggestionBudget = 2_000_000

    init(file: String, settings: [String: RuleSetting] = [:]) {
        self.file = file
        self.settings = settings
    }

    func span(_ range: SourceRange) -> SourceSpan { SourceSpan(file: file, range: range) }

    mutating func report(
        _ code: DiagnosticCode, at range: SourceRange, zh: String, en: String, notes: [DiagnosticNote] = [],
        fix: DiagnosticFix? = nil
    ) {
        let setting = settings[code.id]
        if setting?.isEnabled == false { return }
        found.append(Diagnostic(
            code, severity: setting?.severity, at: span(range), message: LocalizedText(zh: zh, en: en), notes: notes,
            fix: fix))
    }

    /// A note pointing into this file.
    func note(_ range: SourceRange, zh: String, en: String) -> DiagnosticNote {
        DiagnosticNote(LocalizedText(zh: zh, en: en), at: span(range))
    }

    mutating func append(_ other: [Diagnostic]) { found.append(contentsOf: other) }

    /// Did-you-mean endings for messages, within this file's budget.
    mutating func didYouMean(_ word: String, in candidates: [String]) -> (zh: String, en: String) {
        didYouMean(word, in: candidates, at: nil).text
    }

    /// Did-you-mean endings, and when the suggestion is unambiguous (no other candidate as
    /// close) and `range` is given, the fix that writes it there.
    mutating func didYouMean(
        _ word: String, in candidates: [String], at range: SourceRange?
    ) -> (text: (zh: String, en: String), fix: DiagnosticFix?) {
        guard let (hint, tied) = Suggestion.search(word, candidates, &suggestionBudget) else { return (("", ""), nil) }
        return (("，是否想写“\(hint)”？", "; did you mean \"\(hint)\"?"),
                tied ? nil : range.map { Self.fix($0, to: hint) })
    }

    /// The fix that writes `name` over the key or value at `range`: as it is when YAML
    /// reads it back as the same text, else in double quotes.
    static func fix(_ range: SourceRange, to name: String) -> DiagnosticFix {
        DiagnosticFix(replacing: range, with: ItemSkeleton.scalar(name))
    }
}
