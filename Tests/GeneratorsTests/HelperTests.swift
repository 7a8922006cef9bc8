import Catalog
import Mustache
import Testing

@testable import Generators

@Suite struct HelperTests {
    /// swift-mustache, as the site sets it up (``TemplateEscaping``), escapes with the one
    /// escaper in every template, partial, inherited block and section: `<` and `"` joined
    /// to a mark come out as references. Its own `htmlEscape()` leaves them raw.
    @Test func mustacheEscapesWithMarkupEverywhere() throws {
        TemplateEscaping.register()
        var library = MustacheLibrary()
        let templates = [
            "page": "<a title=\"{{v}}\">{{v}}</a>|{{>part}}|{{<frame}}{{$b}}{{v}}{{/b}}{{/frame}}|{{#list}}{{.}}{{/list}}",
            "part": "{{v}}", "frame": "[{{$b}}{{/b}}]",
        ]
        for (name, text) in templates { library.register(try MustacheTemplate(string: TemplateEscaping.source(text)), named: name) }
        let value: [String: Any] = ["v": "\u{600}<b \"\u{301}", "list": ["'\u{1F3FB}&"]]
        let e = "\u{600}&lt;b &quot;\u{301}"
        #expect(library.render(value, withTemplate: "page") == "<a title=\"\(e)\">\(e)</a>|\(e)|[\(e)]|&#39;\u{1F3FB}&amp;")
        // swift-mustache left to itself: the raw bytes this fixes.
        let own = try MustacheTemplate(string: "{{v}}").render(value)
        #expect(own.utf8.contains(UInt8(ascii: "<")) && own.utf8.contains(UInt8(ascii: "\"")))
    }

    @Test(arguments: [
        ("https://www.example.gov.cn/a?b=1&c=2", true), ("HTTP://example.com", true),
        ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false), (" https://x.cn", false),
        ("data:text/html,<script>", false), ("//evil.example", false), ("https:///x", false),
        ("https://x.cn/\"onmouseover=1", false), ("https://x.cn/a b", false), ("www.example.gov.cn", false),
        ("ftp://x.cn", false), ("https://", false), ("https://x.cn/\u{202E}", false),
    ])
    func linksOnlyHTTP(url: String, linkable: Bool) {
        #expect((HTML.linkableURL(url) != nil) == linkable)
    }

    @Test func whatTheClerkCollects() {
        typealias M = MaterialRequirement
        #expect(ViewBuilder.collect(M(name: "x", form: .original, copies: 1)) == "收原件1份")
        #expect(ViewBuilder.collect(M(name: "x", form: .copy, copies: 2)) == "收复印件2份")
        #expect(ViewBuilder.collect(M(name: "x", form: .originalAndCopy, copies: 1)) == "原件核验后退回，收复印件1份")
        #expect(ViewBuilder.collect(M(name: "x", form: .original, copies: 1, medium: "电子")) == "收原件1份（电子版）")
        #expect(ViewBuilder.collect(M(name: "x")) == "收取")
        #expect(ViewBuilder.collect(M(name: "x", form: .copy, shareable: true, exemption: .dataSharing)) == "免提交（窗口通过数据共享调取）")
    }

    @Test func compressionIsShownWhenComputable() {
        let b = ViewBuilder(catalog: Fixtures.catalog)
        func text(_ s: TimeLimit?, _ p: TimeLimit?) -> String? {
            var item = Fixtures.example
            item.timeLimits = TimeLimits(statutory: s, promised: p)
            return b.timeLimits(item)?.compression
        }
        #expect(text(.workingDays(30), .workingDays(10)) == "压缩67%")
        #expect(text(.workingDays(20), .immediate) == "压缩100%")
        #expect(text(.calendarDays(30), .workingDays(10)) == nil)
        #expect(text(.workingDays(10), .workingDays(10)) == nil)
        #expect(text(.workingDays(10), nil) == nil)
        #expect(b.timeLimits(Item(code: "c", name: "n", type: "t", agencyID: "a")) == nil)
    }

    @Test func emptyCatalogStillMakesASite() throws {
        let c = Catalog(name: "空目录", region: "440100", standards: [])
        let g = try SiteGenerator(catalog: c)
        let files = try g.publicFiles() + g.internalFiles()
        for f in files where f.path.hasSuffix(".html") {
            #expect(HTMLCheck.issues(in: f.contents).isEmpty, "\(f.path)")
        }
    }
}
