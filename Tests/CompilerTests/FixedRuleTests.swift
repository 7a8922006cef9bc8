import Foundation
import TestSupport
import Testing

@testable import Compiler

/// The checks that keep what is published whole cannot be changed by a profile's 规则: a
/// catalog that brings its own standards/ folder cannot switch off the duplicate-code check
/// and publish an impostor.
@Suite struct FixedRuleTests {
    /// The line of `规则:`'s first entry in the copied DB44/T 1147 profile.
    static func ruleLine() throws -> Int {
        let text = try String(contentsOfFile: repositoryRoot() + "/standards/DB44-T-1147-2013.yaml", encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
    }

    @Test(arguments: ["关闭", "警告", "提示"])
    func aProfileCannotSwitchOffOrLowerTheDuplicateCodeCheck(_ setting: String) throws {
        var f = Fixture()
        f.rules = ["ZN408": setting]
        f.items["items/b.yaml"] = Fixture.itemYAML
        let line = try Self.ruleLine()
        // The profile's copy and the catalog are two temporary folders: compare as sets.
        #expect(Set(try f.findings()) == ["ZN209@DB44-T-1147-2013.yaml:\(line):3", "ZN408@items/b.yaml:2:7"])
        let result = try f.compile()
        #expect(result.catalog?.items.count == 1)
        #expect(result.diagnostics.hasErrors)
        #expect(result.diagnostics.first { $0.code == "ZN209" }?.message.en
            == "ZN408 (Duplicate item code) keeps what is published whole; no profile may switch it off or change its severity; delete this line")
    }

    @Test func aWarningSetByAProfileCannotBeSuppressedEither() throws {
        var f = Fixture()
        f.rules = ["ZN408": "警告"]
        f.items["items/b.yaml"] = Fixture.itemYAML.replacingOccurrences(
            of: "事项编码: 440100-XK-00012-001\n", with: "事项编码: 440100-XK-00012-001 # zhinan-ignore: ZN408\n")
        let line = try Self.ruleLine()
        #expect(Set(try f.findings()) == ["ZN209@DB44-T-1147-2013.yaml:\(line):3", "ZN408@items/b.yaml:2:7", "ZN910@items/b.yaml:2:44"])
    }

    @Test func otherRulesStayTheProfilesToSet() throws {
        var f = Fixture()
        f.rules = ["ZN601": "警告"]
        f.edit("  承诺: 10个工作日\n", "  承诺: 40个工作日\n")
        let found = try f.findings()
        #expect(found.count == 1 && found[0].hasPrefix("ZN601@items/a.yaml"))
        #expect(try f.compile().diagnostics.first?.severity == .warning)
    }

    @Test func theFixedCodesAreMarked() {
        let fixed = Suppressions.codes.values.filter(\.isFixed).map(\.id).sorted()
        #expect(fixed == ["ZN407", "ZN408", "ZN420", "ZN421", "ZN430", "ZN431", "ZN907", "ZN910"])
    }
}
