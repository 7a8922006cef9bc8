import Catalog
import Foundation
import Testing

@testable import Generators

/// The footer of an item's pages gives the item's own 行政区划: the one its 事项编码 is coded
/// under, else its 实施机关's; none when neither tells. Index pages give the catalog's.
@Suite struct FooterRegionTests {
    /// The fixture catalog (440100) with three more items: a provincial one coded under
    /// 440000, one whose code names no region but whose agency is registered in 440103, and
    /// one where neither tells.
    static let catalog: Catalog = {
        var c = Fixtures.catalog
        c.bundles = []
        c.agencies.append(Agency(id: "lwq", name: "某某区人力资源和社会保障局", creditCode: "11440103MB2D031874"))
        var provincial = Fixtures.immediate
        provincial.code = "440000-XK-00031-000"
        provincial.name = "省级事项"
        var district = Fixtures.immediate
        district.code = "GG-00008"
        district.name = "区级事项"
        district.agencyID = "lwq"
        var unknown = Fixtures.immediate
        unknown.code = "QT-00009"
        unknown.name = "不知所属的事项"
        c.items = (c.items + [provincial, district, unknown]).sorted { $0.code < $1.code }
        return c
    }()

    /// `path: footer text` for every page of the catalog.
    static func footers() throws -> String {
        let generator = try SiteGenerator(catalog: catalog)
        let files = try generator.publicFiles().map { ("public/" + $0.path, $0) }
            + (try generator.internalFiles()).map { ("internal/" + $0.path, $0) }
        var out = ""
        for (path, file) in files.sorted(by: { $0.0 < $1.0 }) where path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            guard let start = html.range(of: "<footer class=\"site-footer\">\n<div class=\"wrap\">"),
                  let end = html.range(of: "</div>\n</footer>", range: start.upperBound..<html.endIndex)
            else {
                out += "\(path): no footer\n"
                continue
            }
            out += "\(path): \(html[start.upperBound..<end.lowerBound])\n"
        }
        return out
    }

    @Test func eachItemPageNamesItsOwnRegion() throws {
        let footers = try Self.footers()
        let name = Self.catalog.name
        for page in ["public/items/440000-XK-00031-000/index.html", "public/items/440000-XK-00031-000/checklist.html",
                     "public/items/440000-XK-00031-000/flow.html", "internal/items/440000-XK-00031-000/manual.html"] {
            #expect(footers.contains("\(page): \(name) · 行政区划代码 440000\n"), "\(page)")
        }
        #expect(footers.contains("public/items/GG-00008/index.html: \(name) · 行政区划代码 440103\n"))
        #expect(footers.contains("public/items/QT-00009/index.html: \(name)\n"))
        #expect(footers.contains("public/items/\(Fixtures.exampleCode)/index.html: \(name) · 行政区划代码 440100\n"))
        #expect(footers.contains("public/index.html: \(name) · 行政区划代码 440100\n"))
        try Golden.check(Array(footers.utf8), name: "footers.txt")
    }
}
