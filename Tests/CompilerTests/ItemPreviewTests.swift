import Catalog
@testable import Compiler
import Diagnostics
import Foundation
import TestSupport
import Testing

/// ``CatalogCompiler/previewItem(path:relativePath:memo:)``: one saved item file compiled
/// alone with the context of the memo's last compilation.
@Suite struct ItemPreviewTests {
    static let item = "items/shengchanxuke/gongye-chanpin-xuke-shouci.yaml"

    /// A copy of the zhijian sample, compiled once with a memo.
    static func compiled() throws -> (folder: String, memo: ItemMemo, result: CompilationResult) {
        let folder = try makeFolder([:]) + "/catalog"
        try FileManager.default.copyItem(atPath: repositoryRoot() + "/catalogs/guangdong-zhijian", toPath: folder)
        let memo = ItemMemo()
        let compiler = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: repositoryRoot() + "/standards")))
        return (folder, memo, compiler.compile(folder: folder, memo: memo))
    }

    @Test func aCleanFileGivesTheItemTheWholeCompilationGives() throws {
        let (folder, memo, result) = try Self.compiled()
        let path = folder + "/" + Self.item
        let preview = try #require(CatalogCompiler.previewItem(path: path, relativePath: Self.item, memo: memo))
        #expect(preview.diagnostics.isEmpty)
        #expect(!preview.mayHoldSuppressions)
        let whole = try #require(result.catalog?.items.first { $0.code == "440000-XK-00401-001" })
        #expect(preview.item == whole)
    }

    @Test func anEditIsSeenAndTheMemoIsLeftAsItWas() throws {
        let (folder, memo, _) = try Self.compiled()
        let path = folder + "/" + Self.item
        let before = memo.itemDigests
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "事项名称: 工业产品生产许可证核发（省级发证产品）", with: "事项名称: 预览用名称")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let preview = try #require(CatalogCompiler.previewItem(path: path, relativePath: Self.item, memo: memo))
        #expect(preview.item?.name == "预览用名称")
        #expect(memo.itemDigests == before)
    }

    @Test func aBrokenFileGivesItsOwnDiagnosticsAtTheirPlaces() throws {
        let (folder, memo, _) = try Self.compiled()
        let path = folder + "/" + Self.item
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "事项名称: 工业产品生产许可证核发（省级发证产品）\n", with: "")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let preview = try #require(CatalogCompiler.previewItem(path: path, relativePath: Self.item, memo: memo))
        let codes = preview.diagnostics.map { "\($0.code) \($0.span?.file == path) \($0.span?.range.start.line ?? 0)" }
        #expect(codes == ["ZN301 true 1"], "\(preview.diagnostics.map(\.message.en))")
    }

    @Test func withoutABindingCompilationThereIsNoPreview() throws {
        let memo = ItemMemo()
        #expect(CatalogCompiler.previewItem(path: "/nonexistent/items/a.yaml", relativePath: "items/a.yaml", memo: memo) == nil)
        // A folder without catalog.yaml binds no items: nothing to preview with either.
        let folder = try makeFolder(["items/a.yaml": Array("事项名称: 甲\n".utf8)])
        let compiler = CatalogCompiler(options: CompileOptions(standards: StandardsLocator(explicit: repositoryRoot() + "/standards")))
        _ = compiler.compile(folder: folder, memo: memo)
        #expect(CatalogCompiler.previewItem(path: folder + "/items/a.yaml", relativePath: "items/a.yaml", memo: memo) == nil)
    }
}
