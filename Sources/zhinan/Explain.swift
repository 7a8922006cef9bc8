import ArgumentParser
import Diagnostics
import Compiler
import Standards
import YAMLSyntax

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "说明一个诊断代码的含义和处理办法。 Explain a diagnostic code and how to fix it.")

    @Argument(help: "A diagnostic code such as ZN106; omit it to list every code.")
    var code: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let registry = DiagnosticRegistry.zhinan
        let language = output.language
        guard let code else {
            for c in registry.codes {
                emit("\(c.id)  \(c.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(c.title[language])\n")
            }
            return
        }
        guard let found = registry.code(code) else {
            emitError(language == .zh
                ? "zhinan: error: 没有诊断代码“\(code)”；运行 zhinan explain 列出全部代码\n"
                : "zhinan: error: there is no diagnostic code \"\(code)\"; run zhinan explain to list them all\n")
            throw Status.unusable
        }
        emit(registry.explanation(of: found, in: language))
    }
}

extension DiagnosticRegistry {
    /// Every code zhinan reports.
    static let zhinan = DiagnosticRegistry([YAMLCodes.all, StandardsCodes.all, CompilerCodes.all])
}
