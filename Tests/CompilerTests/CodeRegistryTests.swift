import Compiler
import Diagnostics
import Import
import Standards
import Testing
import YAMLSyntax

/// Every diagnostic code can be explained, in both languages, and ids are unique.
@Suite struct CodeRegistryTests {
    static let all = YAMLCodes.all + StandardsCodes.all + CompilerCodes.all + ImportCodes.all

    @Test func everyCodeIsExplainedInBothLanguages() {
        let registry = DiagnosticRegistry([Self.all])  // traps on a duplicate id
        #expect(registry.codes.count == Self.all.count)
        for code in Self.all {
            #expect(code.id.wholeMatch(of: /ZN[1-9][0-9]{2}/) != nil, "\(code.id)")
            for text in [code.title, code.explanation, code.fix] {
                #expect(!text.zh.isEmpty && !text.en.isEmpty, "\(code.id)")
                #expect(text.zh != text.en, "\(code.id) is not translated")
            }
        }
    }
}
