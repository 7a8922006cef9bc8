/// A kind of diagnostic: its stable id, default severity, a title, and the explanation and
/// fix that `zhinan explain` prints. Each stage declares its own codes as static members
/// and lists them for the registry.
public struct DiagnosticCode: Hashable, Sendable {
    /// The stable id, `ZN` and three digits. Ids are never reused for another meaning.
    public var id: String
    public var defaultSeverity: Severity
    /// A short title, e.g. 重复的键 / Duplicate key.
    public var title: LocalizedText
    /// What the rule checks and why.
    public var explanation: LocalizedText
    /// What to do about it.
    public var fix: LocalizedText
    /// A short example of the problem, as it would appear in a source file.
    public var example: String?
    /// True for the checks that keep what is published whole (one item per 事项编码, codes
    /// that are safe folder names, text every format can carry): no profile's 规则 may
    /// lower, raise or switch them off, so no catalog can bring its own profile to publish
    /// an impostor.
    public var isFixed: Bool
    /// True when diagnostics of this code can carry a ``DiagnosticFix`` that `zhinan fix`
    /// applies (not every one does: a did-you-mean with two close candidates has none).
    public var isMachineFixable: Bool

    public init(
        _ id: String, _ severity: Severity, title: LocalizedText, explanation: LocalizedText,
        fix: LocalizedText, example: String? = nil, fixed: Bool = false, machineFixable: Bool = false
    ) {
        self.isMachineFixable = machineFixable
        self.id = id
        self.defaultSeverity = severity
        self.title = title
        self.explanation = explanation
        self.fix = fix
        self.example = example
        self.isFixed = fixed
    }
}

/// All codes known to a run of zhinan, for `zhinan explain` and SARIF rule tables.
public struct DiagnosticRegistry: Sendable {
    public private(set) var codes: [DiagnosticCode]
    private var byID: [String: Int]

    public init(_ groups: [[DiagnosticCode]]) {
        codes = groups.flatMap { $0 }.sorted { $0.id < $1.id }
        byID = [:]
        for (i, code) in codes.enumerated() {
            precondition(byID[code.id] == nil, "diagnostic code \(code.id) is declared twice")
            byID[code.id] = i
        }
    }

    /// The code with this id, matched case-insensitively (`zn101` finds `ZN101`).
    public func code(_ id: String) -> DiagnosticCode? {
        byID[id.uppercased()].map { codes[$0] }
    }

    /// The explanation `zhinan explain` prints.
    public func explanation(of code: DiagnosticCode, in language: Language) -> String {
        var out = "\(code.id): \(code.title[language])\n\n"
        out += code.explanation[language] + "\n\n"
        out += (language == .zh ? "如何处理：" : "How to fix: ") + code.fix[language] + "\n"
        if let example = code.example {
            out += "\n" + (language == .zh ? "示例：" : "Example:") + "\n"
            for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "    " + line + "\n"
            }
        }
        out += "\n" + (language == .zh ? "默认级别：" : "Default severity: ")
        out += code.defaultSeverity.label(in: language) + "\n"
        out += Self.fixability(of: code, in: language)
        return out
    }

    /// The line of `zhinan explain` that says whether `zhinan fix` can fix the code.
    public static func fixability(of code: DiagnosticCode, in language: Language) -> String {
        switch (code.isMachineFixable, language) {
        case (true, .zh): "可否自动修正：可以。提示中给出确定的改法时，zhinan fix 会在原文中改正它。\n"
        case (true, .en): "Machine-fixable: yes. Where the message gives one certain fix, zhinan fix applies it to the source text.\n"
        case (false, .zh): "可否自动修正：不可以，须人工改正。\n"
        case (false, .en): "Machine-fixable: no; fix it by hand.\n"
        }
    }
}

extension Severity {
    /// The severity's word in output: `error`, or `错误` in Chinese text output.
    public func label(in language: Language) -> String {
        switch (self, language) {
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.note, .zh): "注"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.note, .en): "note"
        }
    }
}
