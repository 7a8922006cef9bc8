import ArgumentParser
import Compiler
import Diagnostics
import Import
import Standards
import YAMLSyntax

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "说明一个诊断代码的含义和处理办法。 Explain a diagnostic code and how to fix it.")

    @Argument(help: "A diagnostic code such as ZN106; omit it to list every code.")
    var code: String?

    @Option(help: "Output format: text, or json (the code's fields; every code's, without one).")
    var format: ExplainFormat = .text

    @Option(help: "Message language: zh or en (default: from LANG, else zh).")
    var lang: Language?

    enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let registry = DiagnosticRegistry.zhinan
        let language = Language.chosen(lang)
        guard let code else {
            if format == .json {
                emit("[" + registry.codes.map { "\n" + Self.json($0, in: language) }.joined(separator: ",") + "\n]\n")
                return
            }
            for c in registry.codes {
                let mark = Suppressions.allows(c) ? (language == .zh ? "  [可屏蔽]" : "  [suppressible]") : ""
                emit("\(c.id)  \(c.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(c.title[language])\(mark)\n")
            }
            return
        }
        guard let found = registry.code(code) else {
            emitError(language == .zh
                ? "zhinan: error: 没有诊断代码“\(code)”；运行 zhinan explain 列出全部代码\n"
                : "zhinan: error: there is no diagnostic code \"\(code)\"; run zhinan explain to list them all\n")
            throw Status.unusable
        }
        if format == .json {
            emit(Self.json(found, in: language) + "\n")
            return
        }
        emit(registry.explanation(of: found, in: language) + Self.suppressibility(of: found, in: language))
    }

    /// A code as a JSON object, keys in a fixed order: code, severity, title, explanation,
    /// fix, example (or null), suppressible, machineFixable.
    static func json(_ code: DiagnosticCode, in language: Language) -> String {
        let fields = [
            "\"code\":" + Diagnostics.json(code.id),
            "\"severity\":" + Diagnostics.json(code.defaultSeverity.rawValue),
            "\"title\":" + Diagnostics.json(code.title[language]),
            "\"explanation\":" + Diagnostics.json(code.explanation[language]),
            "\"fix\":" + Diagnostics.json(code.fix[language]),
            "\"example\":" + (code.example.map(Diagnostics.json) ?? "null"),
            "\"suppressible\":\(Suppressions.allows(code))",
            "\"machineFixable\":\(code.isMachineFixable)",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Whether `# zhinan-ignore` can silence the code: only warnings and notes can.
    static func suppressibility(of code: DiagnosticCode, in language: Language) -> String {
        switch (Suppressions.allows(code), language) {
        case (true, .zh):
            "可否屏蔽：可以。在问题所在行（或单独写在它的上一行）加注释 # zhinan-ignore: \(code.id)；标准配置把它设为错误时不可以。\n"
        case (true, .en):
            "Suppressible: yes, with a comment # zhinan-ignore: \(code.id) on the finding's line (or alone on the line above); not where a profile makes it an error.\n"
        case (false, .zh):
            "可否屏蔽：不可以。错误不能用 # zhinan-ignore 屏蔽，只能改正（标准配置把它设为警告或提示时除外）。\n"
        case (false, .en):
            "Suppressible: no. An error cannot be silenced with # zhinan-ignore, only fixed (unless a profile makes it a warning or note).\n"
        }
    }
}

extension DiagnosticRegistry {
    /// Every code zhinan reports.
    static let zhinan = DiagnosticRegistry([YAMLCodes.all, StandardsCodes.all, CompilerCodes.all, ImportCodes.all])
}
