@testable import Diagnostics
import Foundation
import TestSupport
import Testing

@Suite struct SARIFRendererTests {
    static let other = DiagnosticCode(
        "ZN998", .warning, title: LocalizedText(zh: "另一个", en: "Another: one, with punctuation"),
        explanation: LocalizedText(zh: "另一个说明。", en: "Another explanation with `code` and *stars*."),
        fix: LocalizedText(zh: "另一个改法。", en: "Another fix."))
    static let registry = DiagnosticRegistry([[RendererTests.code, other]])

    static func render(_ language: Language, _ diagnostics: [Diagnostic] = RendererTests.diagnostics) -> String {
        SARIFRenderer(language: language, registry: registry, toolVersion: "1.2.3").render(diagnostics)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: [Language.zh, .en])
    func golden(language: Language) throws {
        try expectGolden(Self.render(language), file: folder() + "/Golden/sarif-\(language.rawValue).sarif")
    }

    @Test func logRunAndTool() throws {
        let log = try Self.object(Self.render(.en))
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
        #expect(runs[0]["language"] as? String == "en-US")
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "zhinan")
        #expect(driver["semanticVersion"] as? String == "1.2.3")
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["ZN998", "ZN999"])
        #expect(rules[0]["name"] as? String == "AnotherOneWithPunctuation")
        #expect((rules[1]["shortDescription"] as? [String: Any])?["text"] as? String == "Test")
        #expect((rules[1]["fullDescription"] as? [String: Any])?["text"] as? String == "Explanation.")
        let help = try #require(rules[1]["help"] as? [String: Any])
        #expect(help["text"] as? String == "Explanation.\n\nHow to fix: Fix it.\n\nExample:\n    键: 值")
        #expect(help["markdown"] as? String == "Explanation.\n\n**How to fix:** Fix it.\n\n**Example:**\n\n```yaml\n键: 值\n```")
        #expect(((rules[0]["help"] as? [String: Any])?["markdown"] as? String)?.hasPrefix("Another explanation with \\`code\\` and \\*stars\\*.") == true)
        #expect((rules[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    }

    @Test func resultsCarryCodeLevelPlaceAndNotes() throws {
        let log = try Self.object(Self.render(.en))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["ZN999", "ZN999", "ZN999"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [1, 1, 1])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "error"])

        // The first: a region on line 3, columns 7 up to 13 (exclusive), as zhinan counts them.
        let first = results[0]
        #expect((first["message"] as? [String: Any])?["text"] as? String
            == "the promised limit \"40个工作日\" exceeds the statutory \"30个工作日\"\nnote: a note with no place")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "items/a.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 13])
        // The note with a place is a related location with its own message; the one without is in the text.
        let related = try #require(first["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 1)
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "the statutory limit is here")
        #expect(((related[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])?["startLine"] == 4)

        // A diagnostic with no file has no location at all.
        #expect(results[2]["locations"] == nil)
        #expect(results[1]["relatedLocations"] == nil)
    }

    @Test func chineseMessagesAndLanguage() throws {
        let out = Self.render(.zh)
        let run = try #require((try Self.object(out)["runs"] as? [[String: Any]])?.first)
        #expect(run["language"] as? String == "zh-CN")
        #expect(out.contains("\"text\": \"承诺时限“40个工作日”超过法定时限“30个工作日”\\n注：没有位置的说明\""))
        #expect(out.contains("\"text\": \"说明。\\n\\n如何处理：改正。\\n\\n示例：\\n    键: 值\""))
    }

    @Test func sameInputSameBytes() {
        #expect(Self.render(.zh) == Self.render(.zh))
        #expect(Self.render(.en, RendererTests.diagnostics.reversed()) != Self.render(.en))
    }

    @Test func noDiagnosticsStillListsTheRules() throws {
        let out = Self.render(.en, [])
        let run = try #require((try Self.object(out)["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
        #expect(out.contains("\"results\": []"))
        #expect(out.contains("\"id\": \"ZN999\""))
    }

    @Test func aCodeMissingFromTheRegistryGetsARuleAtTheEnd() throws {
        let d = Diagnostic(
            DiagnosticCode("ZN000", .note, title: LocalizedText(zh: "", en: ""), explanation: LocalizedText(zh: "", en: ""), fix: LocalizedText(zh: "", en: "")),
            at: SourceSpan(file: "a.yaml", range: SourceRange(at: .init(line: 1, column: 1))), message: LocalizedText(zh: "零", en: "zero"))
        let out = Self.render(.en, [d])
        let run = try #require((try Self.object(out)["runs"] as? [[String: Any]])?.first)
        let rules = try #require((run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] })
        #expect(rules.map { $0["id"] as? String } == ["ZN998", "ZN999", "ZN000"])
        #expect(rules[2]["name"] as? String == "ZN000")
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleIndex"] as? Int == 2)
        #expect(result["level"] as? String == "note")
        // An empty range stays empty: SARIF allows startColumn == endColumn.
        let region = (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(region == ["startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1])
    }

    @Test func pathsBecomeRelativeURIs() {
        func uri(_ file: String, _ root: String? = nil) -> String {
            let p = ReportPath(file, sourceRoot: root)
            return (p.isRelative ? "rel " : "abs ") + p.uri
        }
        #expect(uri("./items/a.yaml") == "rel items/a.yaml")
        #expect(uri("catalogs/x/./items//a.yaml") == "rel catalogs/x/items/a.yaml")
        #expect(uri("items/办事 指南#1.yaml") == "rel items/%E5%8A%9E%E4%BA%8B%20%E6%8C%87%E5%8D%97%231.yaml")
        #expect(uri("a:b.yaml") == "rel a%3Ab.yaml")
        #expect(uri("/work/repo/items/a.yaml", "/work/repo") == "rel items/a.yaml")
        #expect(uri("/work/repo/items/a.yaml", "/work/repo/") == "rel items/a.yaml")
        #expect(uri("./items/a.yaml", "/work/repo") == "rel items/a.yaml")
        #expect(uri("../other/a.yaml", "/work/repo") == "abs file:///work/other/a.yaml")
        #expect(uri("/elsewhere/a.yaml", "/work/repo") == "abs file:///elsewhere/a.yaml")
        #expect(uri("/work/repository/a.yaml", "/work/repo") == "abs file:///work/repository/a.yaml")
        #expect(uri("/elsewhere/a.yaml") == "abs file:///elsewhere/a.yaml")
    }

    @Test func ruleNames() {
        func name(_ en: String, id: String = "ZN100") -> String {
            SARIFRenderer.ruleName(DiagnosticCode(
                id, .error, title: LocalizedText(zh: "", en: en), explanation: LocalizedText(zh: "", en: ""), fix: LocalizedText(zh: "", en: "")))
        }
        #expect(name("Duplicate key") == "DuplicateKey")
        #expect(name("The file is encoded as GB18030/GBK") == "TheFileIsEncodedAsGB18030GBK")
        #expect(name("No way to 准予") == "NoWayTo准予")
        #expect(name("Item code's region differs") == "ItemCodesRegionDiffers")
        #expect(name("—") == "ZN100")
    }

    // MARK: Roots and fingerprints

    static func rooted(_ diagnostics: [Diagnostic] = RendererTests.diagnostics, workingDirectory: String = "/work/repo/catalogs/x") -> String {
        SARIFRenderer(language: .en, registry: registry, toolVersion: "1.2.3", sourceRoot: "/work/repo", workingDirectory: workingDirectory)
            .render(diagnostics)
    }

    @Test func urisAreRelativeToTheRootAndTheRootIsDefined() throws {
        let out = Self.rooted()
        #expect(out.contains("""
                  "originalUriBaseIds": {
                    "%SRCROOT%": {
                      "uri": "file:///work/repo/"
                    }
                  },
            """))
        #expect(out.contains("\"uri\": \"catalogs/x/items/a.yaml\",\n                  \"uriBaseId\": \"%SRCROOT%\""))
        // A folder with characters to encode, and the file system's root.
        let odd = SARIFRenderer(language: .en, registry: Self.registry, toolVersion: "1", sourceRoot: "/work/办 事").render([])
        #expect(odd.contains("\"uri\": \"file:///work/%E5%8A%9E%20%E4%BA%8B/\""))
        let top = SARIFRenderer(language: .en, registry: Self.registry, toolVersion: "1", sourceRoot: "/").render([])
        #expect(top.contains("\"uri\": \"file:///\"\n"))
        // Without a root, %SRCROOT% is still defined, as the folder zhinan ran in.
        #expect(Self.render(.en).contains("""
                  "originalUriBaseIds": {
                    "%SRCROOT%": {
                      "description": {
                        "text": "The folder zhinan was run in."
                      }
                    }
                  },
            """))
    }

    @Test func aResultsFingerprintIsItsCodeFileAndMessage() throws {
        let out = Self.rooted()
        // FNV-1a (64 bits) of "ZN999\0catalogs/x/items/a.yaml\0" and the English message.
        #expect(out.contains("""
                      "partialFingerprints": {
                        "zhinanResultHash/v1": "7f9487362c0ff9e4:1"
                      }
            """))
        func fingerprints(_ text: String) throws -> [String] {
            let run = try #require((try Self.object(text)["runs"] as? [[String: Any]])?.first)
            return (run["results"] as? [[String: Any]] ?? []).map {
                ($0["partialFingerprints"] as? [String: String])?["zhinanResultHash/v1"] ?? "none"
            }
        }
        // Lines added above: the places change, the fingerprints do not; nor do they with --lang.
        let shifted = RendererTests.diagnostics.map { d -> Diagnostic in
            var d = d
            if var span = d.span {
                span.range = SourceRange(start: .init(line: span.range.start.line + 3, column: span.range.start.column),
                                         end: .init(line: span.range.end.line + 3, column: span.range.end.column))
                d.span = span
            }
            return d
        }
        #expect(try fingerprints(Self.rooted(shifted)) == fingerprints(out))
        let zh = SARIFRenderer(language: .zh, registry: Self.registry, toolVersion: "1", sourceRoot: "/work/repo", workingDirectory: "/work/repo/catalogs/x")
        #expect(try fingerprints(zh.render(RendererTests.diagnostics)) == fingerprints(out))
        // Run from elsewhere, the same files give the same fingerprints.
        let diagnostics = RendererTests.diagnostics.map { d -> Diagnostic in
            var d = d
            let file = d.span?.file ?? ""
            d.span?.file = "x/" + file
            return d
        }
        #expect(try fingerprints(Self.rooted(diagnostics, workingDirectory: "/work/repo/catalogs")) == fingerprints(out))

        // The same code and message twice in a file are told apart by their order;
        // whitespace in the message does not count.
        let twice = [
            DiagnosticLimitTests.at("items/a.yaml", 9, RendererTests.code, "two  spaces and\ta tab"),
            DiagnosticLimitTests.at("items/a.yaml", 2, RendererTests.code, "two spaces and a tab"),
        ]
        #expect(try fingerprints(Self.rooted(twice)) == ["f4fcfd0478ac8a2d:1", "f4fcfd0478ac8a2d:2"])
    }

    @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed; SARIF not validated"))
    func validatesAgainstTheSchema() throws {
        let dir = try makeFolder(.text([
            "zh.sarif": Self.render(.zh), "en.sarif": Self.render(.en), "empty.sarif": Self.render(.en, []), "rooted.sarif": Self.rooted(),
        ]))
        let r = try runPython([repositoryRoot() + "/Scripts/validate-sarif.py", dir + "/zh.sarif", dir + "/en.sarif", dir + "/empty.sarif", dir + "/rooted.sarif"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("sarif: "), "\(r.stdout)")
        #expect(r.stdout.hasSuffix(" failed\n") && r.stdout.contains(", 0 failed\n"), "\(r.stdout)")
    }

    static let withFix = Diagnostic(
        RendererTests.code, severity: .warning,
        at: SourceSpan(file: "items/a.yaml", range: SourceRange(start: .init(line: 2, column: 1), end: .init(line: 2, column: 5))),
        message: LocalizedText(zh: "“辦理時限”是繁体写法，请写作“办理时限”", en: "\"辦理時限\" is a traditional spelling; write \"办理时限\""),
        fix: DiagnosticFix(replacing: SourceRange(start: .init(line: 2, column: 1), end: .init(line: 2, column: 5)), with: "办理时限"))

    @Test func aFixBecomesASARIFFix() throws {
        let log = try Self.object(Self.render(.en, [Self.withFix]))
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
        #expect((fix["description"] as? [String: Any])?["text"] as? String == "\"辦理時限\" is a traditional spelling; write \"办理时限\"")
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        #expect((change["artifactLocation"] as? [String: Any])?["uri"] as? String == "items/a.yaml")
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let region = try #require(replacement["deletedRegion"] as? [String: Int])
        #expect(region == ["startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 5])
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "办理时限")
        // A diagnostic without a fix has no `fixes`.
        let plain = try Self.object(Self.render(.en))
        let results = try #require((plain["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["fixes"] == nil })
    }

    @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed; SARIF not validated"))
    func aFixValidatesAgainstTheSchema() throws {
        let dir = try makeFolder(.text(["fix.sarif": Self.render(.zh, RendererTests.diagnostics + [Self.withFix])]))
        let r = try runPython([repositoryRoot() + "/Scripts/validate-sarif.py", dir + "/fix.sarif"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(", 0 failed\n"), "\(r.stdout)")
    }
}
