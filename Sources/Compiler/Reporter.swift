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
        _ code: DiagnosticCode, at range: SourceRange, zh: String, en: String, notes: [DiagnosticNote] = []
    ) {
        let setting = settings[code.id]
        if setting?.isEnabled == false { return }
        found.append(Diagnostic(
            code, severity: setting?.severity, at: span(range), message: LocalizedText(zh: zh, en: en), notes: notes))
    }

    /// A note pointing into this file.
    func note(_ range: SourceRange, zh: String, en: String) -> DiagnosticNote {
        DiagnosticNote(LocalizedText(zh: zh, en: en), at: span(range))
    }

    mutating func append(_ other: [Diagnostic]) { found.append(contentsOf: other) }

    /// Did-you-mean endings for messages, within this file's budget.
    mutating func didYouMean(_ word: String, in candidates: [String]) -> (zh: String, en: String) {
        guard let hint = Suggestion.closest(to: word, in: candidates, budget: &suggestionBudget) else { return ("", "") }
        return ("，是否想写“\(hint)”？", "; did you mean \"\(hint)\"?")
    }
}
