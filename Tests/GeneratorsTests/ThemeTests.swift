import Catalog
import Testing

@testable import Generators

@Suite struct ThemeTests {
    static let base = try! SiteGenerator(catalog: Fixtures.catalog)

    static func changedPaths(_ a: [OutputFile], _ b: [OutputFile]) -> Set<String> {
        var result = Set<String>()
        let old = Dictionary(uniqueKeysWithValues: a.map { ($0.path, $0.contents) })
        let new = Dictionary(uniqueKeysWithValues: b.map { ($0.path, $0.contents) })
        for path in Set(old.keys).union(new.keys) where old[path] != new[path] { result.insert(path) }
        return result
    }

    @Test func overridingCSSAndOneTemplateChangesExactlyThoseOutputs() throws {
        let guide = try String(decoding: Theme.bundledFile(named: "guide.mustache"), as: UTF8.self)
            .replacingOccurrences(of: "<h2>办理事项</h2>", with: "<h2>办理事项</h2>\n<p class=\"themed\">本市主题</p>")
        let theme = Theme(overrides: [
            "site.css": Array("body { color: #000; }\n".utf8),
            "guide.mustache": Array(guide.utf8),
        ])
        let themed = try SiteGenerator(catalog: Fixtures.catalog, theme: theme)
        let publicChanged = Self.changedPaths(try Self.base.publicFiles(), try themed.publicFiles())
        let guides = Fixtures.catalog.items.map { "items/\($0.code)/index.html" }
        #expect(publicChanged == Set(["assets/site.css"] + guides))
        let internalChanged = Self.changedPaths(try Self.base.internalFiles(), try themed.internalFiles())
        #expect(internalChanged == ["assets/site.css"])
        let css = try #require(try themed.publicFiles().first { $0.path == "assets/site.css" })
        #expect(css.contents == Array("body { color: #000; }\n".utf8))
    }

    @Test func themeCanAddPartialsAndAssets() throws {
        let layout = try String(decoding: Theme.bundledFile(named: "layout.mustache"), as: UTF8.self)
            .replacingOccurrences(of: "</footer>", with: "</footer>\n{{>banner}}")
        let theme = Theme(overrides: [
            "layout.mustache": Array(layout.utf8),
            "banner.mustache": Array("<p class=\"banner\"><img src=\"{{site.root}}assets/logo.svg\" alt=\"\"></p>".utf8),
            "logo.svg": Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
        ])
        let g = try SiteGenerator(catalog: Fixtures.catalog, theme: theme)
        let files = try g.publicFiles()
        #expect(files.contains { $0.path == "assets/logo.svg" })
        #expect(try g.internalFiles().contains { $0.path == "assets/logo.svg" })
        let guide = try #require(files.first { $0.path == "items/\(Fixtures.exampleCode)/index.html" })
        #expect(String(decoding: guide.contents, as: UTF8.self).contains("<img src=\"../../assets/logo.svg\" alt=\"\">"))
    }

    @Test func badThemesAreReported() {
        #expect(throws: GeneratorError.invalidThemeFileName("../site.css")) {
            try SiteGenerator(catalog: Fixtures.catalog, theme: Theme(overrides: ["../site.css": []]))
        }
        #expect(throws: GeneratorError.invalidUTF8("guide.mustache")) {
            try SiteGenerator(catalog: Fixtures.catalog, theme: Theme(overrides: ["guide.mustache": [0xFF, 0xFE]]))
        }
        #expect {
            try SiteGenerator(catalog: Fixtures.catalog, theme: Theme(overrides: ["guide.mustache": Array("{{#open}}".utf8)]))
        } throws: { error in
            if case .templateSyntax(let file, _)? = error as? GeneratorError { return file == "guide.mustache" }
            return false
        }
    }

    /// Templates that include themselves, directly or through others, would recurse until
    /// the stack overflows: refused when the theme is read, from the theme's own file.
    @Test func includesThatComeBackAreRefused() {
        func theme(_ files: [String: String]) -> Theme { Theme(overrides: files.mapValues { Array($0.utf8) }) }
        #expect(throws: GeneratorError.recursivePartial(["rec.mustache", "rec.mustache"])) {
            try SiteGenerator(catalog: Fixtures.catalog, theme: theme(["rec.mustache": "A{{> rec}}"]))
        }
        #expect(throws: GeneratorError.recursivePartial(["a.mustache", "b.mustache", "a.mustache"])) {
            try theme(["b.mustache": "{{#x}}{{>a}}{{/x}}", "a.mustache": "{{<b}}{{/b}}"]).check()
        }
        #expect(throws: GeneratorError.recursivePartial(["steps.mustache", "manual.mustache", "steps.mustache"])) {
            try theme(["steps.mustache": "{{>manual}}"]).check()
        }
        #expect(throws: GeneratorError.dynamicPartial("text.mustache")) {
            try theme(["text.mustache": "{{> *item.name}}"]).check()
        }
        // Not includes: a comment, a variable, a partial that does not exist, text after a
        // change of delimiters.
        #expect(throws: Never.self) {
            try theme(["rec.mustache": "{{! {{>rec}} }}{{{rec}}}{{>nothing}}{{=<% %>=}}{{>rec}}"]).check()
        }
    }

    @Test func partialReferencesAreFoundAsSwiftMustacheReadsTags() {
        let found = PartialReferences("a{{>x}}{{< y}}{{! {{>z}} }}{{{w}}}{{=<% %>=}}<%>v%>{{>u}}<%={{ }}=%>{{> t.u-v}}")
        #expect(found.names == ["x", "y", "v", "t.u-v"])
        #expect(!found.dynamic)
        #expect(PartialReferences("{{>*name}}").dynamic)
        #expect(PartialReferences("{{>").names.isEmpty)
        #expect(PartialReferences("{{=<% %>").names.isEmpty)
    }

    @Test func syntaxErrorsGiveTheTemplatesOwnLine() {
        #expect(throws: GeneratorError.templateSyntax(file: "guide.mustache", message: "line 3, column 1: expectedSectionEnd")) {
            try Theme(overrides: ["guide.mustache": Array("<p>\n{{#open}}\n".utf8)]).check()
        }
    }

    @Test func everyBundledFileIsThere() throws {
        for name in Theme.templateNames + Theme.assetNames {
            #expect(try !Theme.bundledFile(named: name).isEmpty, "\(name)")
        }
    }
}

/// Exporters get the view of the catalog their audience may see.
@Suite struct ExporterTests {
    struct Recorder: SiteExporter {
        func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile] {
            let staff = catalog.items.flatMap(\.staff).count
            return [OutputFile(path: "catalog.json", text: "\(audience.rawValue) staff=\(staff)")]
        }
    }

    struct Clashing: SiteExporter {
        func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile] {
            [OutputFile(path: "index.html", text: "")]
        }
    }

    struct Escaping: SiteExporter {
        func files(for catalog: Catalog, audience: Audience) throws -> [OutputFile] {
            [OutputFile(path: "../outside.json", text: "")]
        }
    }

    @Test func publicExportSeesThePublicView() throws {
        let g = try SiteGenerator(catalog: Fixtures.catalog, exporters: [Recorder()])
        let pub = try #require(try g.publicFiles().first { $0.path == "catalog.json" })
        #expect(String(decoding: pub.contents, as: UTF8.self) == "public staff=0")
        let int = try #require(try g.internalFiles().first { $0.path == "catalog.json" })
        #expect(String(decoding: int.contents, as: UTF8.self) == "internal staff=2")
    }

    @Test func clashesAndEscapesAreErrors() throws {
        #expect(throws: GeneratorError.duplicatePath("index.html")) {
            try SiteGenerator(catalog: Fixtures.catalog, exporters: [Clashing()]).publicFiles()
        }
        #expect(throws: GeneratorError.unsafePath("../outside.json")) {
            try SiteGenerator(catalog: Fixtures.catalog, exporters: [Escaping()]).internalFiles()
        }
    }
}
