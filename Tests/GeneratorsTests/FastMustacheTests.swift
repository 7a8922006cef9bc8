import Catalog
import Foundation
import Mustache
import Testing

@_spi(Benchmarks) @testable import Generators

/// The fast renderer must give exactly what swift-mustache gives.
@Suite struct FastMustacheTests {
    @Test func readsEveryBundledTemplate() throws {
        let g = try SiteGenerator(catalog: Fixtures.catalog)
        #expect(g.fastLibrary != nil)
    }

    @Test func pagesAreIdenticalToSwiftMustaches() throws {
        for catalog in [Fixtures.catalog, Self.awkward, Fixtures.nationalCatalog, Fixtures.scenarioCatalog] {
            let fast = try SiteGenerator(catalog: catalog, theme: .standard, exporters: [], fastRendering: true)
            let reference = try SiteGenerator(catalog: catalog, theme: .standard, exporters: [], fastRendering: false)
            #expect(fast.fastLibrary != nil)
            for (a, b) in [(try fast.publicFiles(), try reference.publicFiles()), (try fast.internalFiles(), try reference.internalFiles())] {
                #expect(a.map(\.path) == b.map(\.path))
                for (x, y) in zip(a, b) where x.contents != y.contents {
                    let s = String(decoding: x.contents, as: UTF8.self), t = String(decoding: y.contents, as: UTF8.self)
                    let i = zip(s, t).prefix { $0 == $1 }.count
                    Issue.record("\(x.path) differs at character \(i): fast …\(s.dropFirst(max(0, i - 40)).prefix(80))… vs …\(t.dropFirst(max(0, i - 40)).prefix(80))…")
                }
            }
        }
    }

    /// A theme whose templates use partials with indentation, inheritance and empty values
    /// renders the same.
    @Test func indentedPartialsAndBlocksAreIdentical() throws {
        let theme = Theme(overrides: [
            "flow.mustache": Array("""
                {{<layout}}
                {{$main}}
                  {{>steps}}
                  <ul>
                    {{#flow.steps}}
                    <li>{{stepName}}{{^role}}-{{/role}}</li>
                    {{/flow.steps}}
                  </ul>
                  {{#item}}{{name}} & <{{code}}> "{{type}}" '{{caseType}}' {{isImmediate}}{{/item}}
                  {{^missing}}none{{/missing}}{{.missing}}{{item.nothing.here}}
                {{/main}}
                {{/layout}}
                """.utf8),
        ])
        let fast = try SiteGenerator(catalog: Self.awkward, theme: theme, exporters: [], fastRendering: true)
        let reference = try SiteGenerator(catalog: Self.awkward, theme: theme, exporters: [], fastRendering: false)
        #expect(fast.fastLibrary != nil)
        #expect(try fast.publicFiles() == reference.publicFiles())
    }

    /// Every stored property of every view answers the same to both lookups.
    @Test func lookupsAgreeWithViewLookup() throws {
        var checked = 0
        // Bundle pages have no fast lookups yet: swift-mustache renders them.
        forEachView(in: pageViews(of: Self.awkward, bundles: false) + pageViews(of: Fixtures.nationalCatalog, bundles: false) + pageViews(of: Fixtures.scenarioCatalog, bundles: false)) { value, slow, mirror in
            let fast = value as? any FastParent
            #expect(fast != nil, "\(type(of: value)) has no fast lookup")
            guard let fast else { return }
            for child in mirror.children {
                guard let label = child.label else { continue }
                let key = ViewKey(rawValue: label)
                #expect(key != nil, "\(type(of: value)).\(label) has no ViewKey")
                guard let key else { continue }
                let a = fast.child(key), b = slow.child(named: label)
                #expect((a == nil) == (b == nil), "\(type(of: value)).\(label)")
                if let a, let text = a.text, let b { #expect(text == String(describing: b), "\(type(of: value)).\(label)") }
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    /// Items with what HTML must escape, empty lists, missing parts and long flows.
    static var awkward: Catalog {
        var c = Fixtures.catalog
        var odd = c.items[0]
        odd.code = "440100-XK-99999-001"
        odd.name = "<名称> & \"引号\" 'single' e\u{301} <\u{338}"
        odd.materials = []
        odd.conditions = []
        odd.legalBasis = []
        odd.consultation = nil
        odd.fees = .charged([Fee(name: "a<b", standard: "1&2", basis: nil)])
        odd.timeLimits = nil
        odd.flow = []
        odd.staff = []
        c.items.append(odd)
        var bare = c.items[0]
        bare.code = "440100-XK-99998-001"
        bare.windowIDs = ["nowhere"]
        bare.agencyID = "nobody"
        bare.caseType = nil
        bare.serviceObjects = []
        bare.handlingForms = []
        c.items.append(bare)
        c.items.sort { $0.code < $1.code }
        return c
    }
}

