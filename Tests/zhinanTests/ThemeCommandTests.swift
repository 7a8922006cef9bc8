import Foundation
import TestSupport
import Testing

/// `zhinan build --theme` with themes that cannot be used: a clear error naming the
/// template, exit status 2, and nothing written.
@Suite struct ThemeCommandTests {
    /// Builds the small sample with `theme` (file name → text); the result and whether OUT exists.
    func build(theme files: [String: String], lang: String = "en") throws -> (RunResult, Bool) {
        let theme = try makeFolder(.text(files))
        let out = try makeFolder([:]) + "/site"
        let r = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", out, "--theme", theme, "--lang", lang], in: repositoryRoot())
        return (r, FileManager.default.fileExists(atPath: out))
    }

    @Test func aPartialThatIncludesItselfIsReported() throws {
        let (r, wrote) = try build(theme: ["rec.mustache": "A{{> rec}}", "layout.mustache": "{{>rec}}"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "zhinan: error: theme template rec.mustache includes itself: rec.mustache → rec.mustache\n")
        #expect(!wrote)
    }

    @Test func partialsThatIncludeEachOtherAreReported() throws {
        let (r, wrote) = try build(theme: ["a.mustache": "{{#x}}{{>b}}{{/x}}", "b.mustache": "B{{>a}}"], lang: "zh")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "zhinan: error: 主题模板 a.mustache 经由其他模板包含了自己：a.mustache → b.mustache → a.mustache\n")
        #expect(!wrote)
    }

    /// A bundled page template reached again from a partial the theme replaces.
    @Test func aPageTemplateReachedFromItsPartialIsReported() throws {
        let (r, wrote) = try build(theme: ["link.mustache": "{{>guide}}"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(
            r.stderr
                == "zhinan: error: theme template link.mustache includes itself through other templates: link.mustache → guide.mustache → link.mustache\n")
        #expect(!wrote)
    }

    /// With other delimiters, a partial is still found.
    @Test func aPartialBehindChangedDelimitersIsReported() throws {
        let (r, _) = try build(theme: ["rec.mustache": "{{=<% %>=}}<%> rec%>", "layout.mustache": "{{>rec}}"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("rec.mustache → rec.mustache"))
    }

    /// A partial named by page data could be chosen by a catalog.
    @Test func aPartialNamedByDataIsRefused() throws {
        let (r, wrote) = try build(theme: ["layout.mustache": "{{>*site.catalogName}}"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "zhinan: error: theme template layout.mustache names a partial from page data ({{>*…}}), which a catalog could choose; name the partial\n")
        #expect(!wrote)
    }

    @Test func aTemplateThatDoesNotParseIsReportedWithItsLine() throws {
        let (r, wrote) = try build(theme: ["guide.mustache": "<p>\n{{#open}}\n"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("zhinan: error: theme template guide.mustache, line 3, column "), "\(r.stderr)")
        #expect(!wrote)
    }
}
