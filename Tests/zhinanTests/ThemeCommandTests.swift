import Foundation
import TestSupport
import Testing

/// `zhinan build --theme` with themes that cannot be used: a clear error naming the
/// template, exit status 2, and nothing written.
@Suite struct ThemeCommandTests {
    /// Builds the small sample with `theme` (file name → text), expects it refused with
    /// status 2 and no OUT, and returns what it said.
    func refused(_ theme: [String: String], lang: String = "en") throws -> String {
        let folder = try makeFolder(.text(theme))
        let out = try makeFolder([:]) + "/site"
        let r = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", out, "--theme", folder, "--lang", lang], in: repositoryRoot())
        #expect(r.status == 2, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        return r.stderr
    }

    @Test func aPartialThatIncludesItselfIsReported() throws {
        #expect(
            try refused(["rec.mustache": "A{{> rec}}", "layout.mustache": "{{>rec}}"])
                == "zhinan: error: theme template rec.mustache includes itself: rec.mustache → rec.mustache\n")
    }

    @Test func partialsThatIncludeEachOtherAreReported() throws {
        #expect(
            try refused(["a.mustache": "{{#x}}{{>b}}{{/x}}", "b.mustache": "B{{>a}}"], lang: "zh")
                == "zhinan: error: 主题模板 a.mustache 经由其他模板包含了自己：a.mustache → b.mustache → a.mustache\n")
    }

    /// A bundled page template reached again from a partial the theme replaces.
    @Test func aPageTemplateReachedFromItsPartialIsReported() throws {
        #expect(
            try refused(["link.mustache": "{{>guide}}"])
                == "zhinan: error: theme template link.mustache includes itself through other templates: link.mustache → guide.mustache → link.mustache\n")
    }

    /// With other delimiters, a partial is still found.
    @Test func aPartialBehindChangedDelimitersIsReported() throws {
        #expect(try refused(["rec.mustache": "{{=<% %>=}}<%> rec%>", "layout.mustache": "{{>rec}}"]).contains("rec.mustache → rec.mustache"))
    }

    /// A partial named by page data could be chosen by a catalog.
    @Test func aPartialNamedByDataIsRefused() throws {
        #expect(
            try refused(["layout.mustache": "{{>*site.catalogName}}"])
                == "zhinan: error: theme template layout.mustache names a partial from page data ({{>*…}}), which a catalog could choose; name the partial\n")
    }

    @Test func aTemplateThatDoesNotParseIsReportedWithItsLine() throws {
        #expect(try refused(["guide.mustache": "<p>\n{{#open}}\n"]) == "zhinan: error: theme template guide.mustache, line 3, column 1: expectedSectionEnd\n")
    }
}
