import Catalog
import Foundation
@testable import Generators
import Testing

/// ``SiteGenerator/itemPages(of:builder:)``: one item's pages made with the lookups of a
/// catalog that may hold an older version of it (what `zhinan serve` writes first).
@Suite struct ItemPagesTests {
    /// The files `generate` writes for `item`'s folder, in path order.
    static func generated(_ catalog: Catalog, _ item: Item) throws -> [OutputFile] {
        let generator = try SiteGenerator(catalog: catalog)
        let paths = generator.pagePaths(for: item)
        let all = Set(paths.publicPages + paths.internalPages)
        let (p, i) = try generator.files()
        let files = p.map { OutputFile(path: "public/" + $0.path, contents: $0.contents) }
            + i.map { OutputFile(path: "internal/" + $0.path, contents: $0.contents) }
        return files.filter { all.contains($0.path) }.sorted { $0.path < $1.path }
    }

    @Test func theItemsPagesAreThoseOfTheWholeSite() throws {
        let catalog = Fixtures.catalog
        let generator = try SiteGenerator(catalog: catalog)
        for item in catalog.items {
            let made = try generator.itemPages(of: item, builder: generator.pageBuilder()).sorted { $0.path < $1.path }
            #expect(made == (try Self.generated(catalog, item)), "\(item.code)")
            #expect(made.map(\.path).contains("internal/items/\(item.code)/manual.html"))
        }
    }

    /// An item edited in what only its own pages show: made with the old catalog's lookups,
    /// its pages are those of the site of the new catalog.
    @Test func anEditedItemWithTheOldLookupsGivesTheNewSitesPages() throws {
        let old = Fixtures.catalog
        var edited = try #require(old.items.first)
        edited.scope = "核对用的受理范围 <b>&</b>"
        var new = old
        new.items[0] = edited
        let oldGenerator = try SiteGenerator(catalog: old)
        let made = try oldGenerator.with(catalog: new).itemPages(of: edited, builder: oldGenerator.pageBuilder())
        #expect(made.sorted { $0.path < $1.path } == (try Self.generated(new, edited)))
        let guide = try #require(made.first { $0.path.hasSuffix("/index.html") })
        #expect(String(decoding: guide.contents, as: UTF8.self).contains("核对用的受理范围 &lt;b&gt;&amp;&lt;/b&gt;"))
    }
}
