#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
import Testing

/// The first step of `serve`'s rebuild (the saved item's pages from its file alone) never
/// shows what the whole rebuild would refuse, and never leaves the preview unlike `zhinan
/// build`: what an outside tester found on 2026-12-03, each case as they found it.
@Suite(.serialized) struct ServeQuickStepTests {
    typealias Setup = ServeMatchesBuildTests.Setup
    static let liwan = "catalogs/liwan-yichuang"
    static let retirement = "items/gongmin/zhigong-tuixiu-shenqing.yaml"
    static let retirementPage = "/items/440103-QR-00501-001/"

    /// Every public file of the preview holding `text`.
    static func publicFiles(_ preview: String, holding text: String) -> [String] {
        ServeCommandTests.contents(of: preview).filter { $0.key.hasPrefix("public/") && String(decoding: $0.value, as: UTF8.self).contains(text) }
            .map(\.key).sorted()
    }

    /// A profile makes 审批进程查询 internal, and an item's 审批进程查询 is saved just after,
    /// while the profile's rebuild runs (or in the same burst): its text must never reach a
    /// public page, not even between the two steps.
    @Test(arguments: [0, 30_000, 120_000]) func anElementMadeInternalNeverShowsOnAPublicPage(gap: Int) throws {
        let setup = try Setup(sample: Self.liwan)
        let (server, preview) = try ServeMatchesBuildTests.startServer(setup)
        defer { server.stop() }
        try setup.edit(setup.standards + "/DB44-T-1148-2013.yaml", "    繁体: [審批進程查詢]\n", "    繁体: [審批進程查詢]\n    可见: 内部\n")
        usleep(useconds_t(gap))
        try setup.edit(setup.catalog + "/" + Self.retirement, "审批进程查询: 通过“粤省事”", "审批进程查询: 内部核对标记 通过“粤省事”")
        // Watch the public files until the server has gone quiet with the marker compiled.
        var leaks: [String] = []
        for _ in 0..<300 {
            leaks += Self.publicFiles(preview, holding: "内部核对标记")
            if server.stderr.components(separatedBy: "errors 0").count >= 3 { break }
            usleep(10_000)
        }
        #expect(leaks.isEmpty, "\(Set(leaks).sorted())\n\(server.stderr)")
        #expect(try !server.get(Self.retirementPage).body.contains("内部核对标记"))
        try ServeMatchesBuildTests.expectSameAsBuild(setup, preview, "after the profile and the item")
        #expect(Self.publicFiles(preview, holding: "内部核对标记").isEmpty)
        #expect(!ServeCommandTests.contents(of: preview).filter { $0.key.hasPrefix("internal/") && String(decoding: $0.value, as: UTF8.self).contains("内部核对标记") }.isEmpty)
    }

    /// A bundle member saved clean on its own but breaking the bundle (its promise now longer
    /// than the bundle's, ZN904): the quick step shows it, the whole rebuild refuses the
    /// catalog, and the page goes back to the last good build's.
    @Test func aSaveThatBreaksTheChecksAcrossItemsIsTakenBack() throws {
        let setup = try Setup(sample: Self.liwan)
        let (server, preview) = try ServeMatchesBuildTests.startServer(setup)
        defer { server.stop() }
        let before = try #require(ServeCommandTests.contents(of: preview)["public/items/440103-QR-00501-001/index.html"])
        let item = setup.catalog + "/" + Self.retirement
        let text = try String(contentsOfFile: item, encoding: .utf8)
        let promise = try #require(text.range(of: "承诺: [0-9]+个工作日", options: .regularExpression))
        try text.replacingCharacters(in: promise, with: "承诺: 19个工作日").write(toFile: item, atomically: true, encoding: .utf8)
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 3: errors 1,") }, "\(server.stderr)")
        #expect(server.stderr.contains("build 2: the saved item's pages"), "\(server.stderr)")
        #expect(ServeCommandTests.contents(of: preview)["public/items/440103-QR-00501-001/index.html"] == before)
        #expect(try !server.get(Self.retirementPage).body.contains("19个工作日"))
        try text.write(toFile: item, atomically: true, encoding: .utf8)
        try ServeMatchesBuildTests.expectSameAsBuild(setup, preview, "after the save was undone")
    }

    /// An item file replaced by a link to a file outside the catalog: no quick step reads
    /// it, and the whole rebuild refuses it (ZN115).
    @Test func anItemReplacedByALinkOutsideIsNeverRead() throws {
        let setup = try Setup()
        let (server, _) = try ServeMatchesBuildTests.startServer(setup)
        defer { server.stop() }
        let item = setup.catalog + "/" + ServeCommandTests.item
        let outside = setup.root + "/outside.yaml"
        let text = try String(contentsOfFile: item, encoding: .utf8)
        try text.replacingOccurrences(of: "事项名称: 工业产品生产许可证核发（省级发证产品）", with: "事项名称: 目录外的文件")
            .write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: item)
        try FileManager.default.createSymbolicLink(atPath: item, withDestinationPath: outside)
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 2: errors ") }, "\(server.stderr)")
        #expect(!server.stderr.contains("the saved item's pages"))
        #expect(try !server.get(ServeCommandTests.itemPage).body.contains("目录外的文件"))
    }

    /// An attachment an unchanged item names is removed: the whole rebuild reports ZN505 as
    /// `check` does (the item's kept outcome is not reused), and a new item written in the
    /// same burst leaves nothing behind once it is removed again.
    @Test func anAttachmentRemovedIsReportedAndNothingIsLeftBehind() throws {
        let setup = try Setup(sample: Self.liwan)
        let item = setup.catalog + "/" + Self.retirement
        try FileManager.default.createDirectory(atPath: setup.catalog + "/forms", withIntermediateDirectories: true)
        try "%PDF-1.4\n".write(toFile: setup.catalog + "/forms/a.pdf", atomically: true, encoding: .utf8)
        try setup.edit(item, "    要求: 由用人单位盖章；灵活就业人员本人签字。\n", "    要求: 由用人单位盖章；灵活就业人员本人签字。\n    空表: forms/a.pdf\n")
        let (server, preview) = try ServeMatchesBuildTests.startServer(setup)
        defer { server.stop() }
        // The attachment alone gone: the item's file is as it was.
        try FileManager.default.removeItem(atPath: setup.catalog + "/forms/a.pdf")
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 2: errors 1, warnings 0") }, "\(server.stderr)")
        #expect(try server.get("/_diagnostics").body.contains("ZN505"))
        try "%PDF-1.4\n".write(toFile: setup.catalog + "/forms/a.pdf", atomically: true, encoding: .utf8)
        try ServeMatchesBuildTests.expectSameAsBuild(setup, preview, "after the attachment came back")
        // A copy of the item under a new code, and the attachment gone, in one burst.
        let copy = setup.catalog + "/items/gongmin/copy.yaml"
        let text = try String(contentsOfFile: item, encoding: .utf8)
        try text.replacingOccurrences(of: "440103-QR-00501-001", with: "440103-QR-00501-555").write(toFile: copy, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: setup.catalog + "/forms/a.pdf")
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 4: errors ") }, "\(server.stderr)")
        try FileManager.default.removeItem(atPath: copy)
        try "%PDF-1.4\n".write(toFile: setup.catalog + "/forms/a.pdf", atomically: true, encoding: .utf8)
        try ServeMatchesBuildTests.expectSameAsBuild(setup, preview, "after the copy went and the attachment came back")
        #expect(!ServeCommandTests.contents(of: preview).keys.contains { $0.contains("440103-QR-00501-555") })
    }

    /// A catalog given through a symbolic link: saves of its items are seen, with inotify
    /// and with polling.
    @Test(arguments: [false, true]) func aCatalogGivenThroughALinkIsWatched(polling: Bool) throws {
        let setup = try Setup()
        let link = setup.root + "/catalog-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: setup.catalog)
        let (server, _) = try ServeMatchesBuildTests.startServer(
            setup, catalogArgument: link, environment: polling ? ["ZHINAN_SERVE_POLL": "1"] : [:])
        defer { server.stop() }
        try setup.edit(setup.catalog + "/" + ServeCommandTests.item, "首次申请取得生产许可证的企业。", "首次申请取得生产许可证的企业（经链接）。")
        #expect(try ServeCommandTests.eventually { try server.get(ServeCommandTests.itemPage).body.contains("（经链接）") }, "\(server.stderr)")
    }

    /// A save clean on its own but breaking a bundle (ZN903), then at once a save that
    /// breaks the file itself: the first version was never checked across items, so its
    /// quick pages go back to the last good build's.
    @Test func quickPagesNoCleanCompilationCheckedGoBack() throws {
        let setup = try Setup(sample: Self.liwan)
        let (server, preview) = try ServeMatchesBuildTests.startServer(setup)
        defer { server.stop() }
        let page = "public/items/440103-QR-00501-001/index.html"
        let before = try #require(ServeCommandTests.contents(of: preview)[page])
        let item = setup.catalog + "/" + Self.retirement
        let text = try String(contentsOfFile: item, encoding: .utf8)
        let alone = text.replacingOccurrences(of: "受理地点: [gm-1, zh-1]", with: "受理地点: [gm-1]")
        try alone.write(toFile: item, atomically: true, encoding: .utf8)
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 2: the saved item's pages") }, "\(server.stderr)")
        try (alone + "\n审批收费: [\n").write(toFile: item, atomically: true, encoding: .utf8)
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 3: errors ") }, "\(server.stderr)")
        #expect(!server.stderr.contains("build 3: errors 0,"), "\(server.stderr)")
        #expect(ServeCommandTests.contents(of: preview)[page] == before)
    }
}
