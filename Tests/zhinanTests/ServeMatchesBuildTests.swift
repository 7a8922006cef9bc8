#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
import Testing

/// After each kind of edit (an item, catalog.yaml, a profile under standards/, a theme file)
/// the pages `zhinan serve` has rebuilt are byte for byte those a fresh `zhinan build` of
/// the same files makes: what a rebuild keeps from the last one (item outcomes, loaded
/// profiles, pages, index pages) is thrown away when it should be.
@Suite(.serialized) struct ServeMatchesBuildTests {
    /// The sample catalog, a copy of the standards and a theme, in a fresh folder.
    struct Setup {
        let root: String
        var catalog: String { root + "/catalog" }
        var standards: String { root + "/standards" }
        var theme: String { root + "/theme" }

        init(sample: String = ServeCommandTests.sample) throws {
            root = try makeFolder([:])
            try FileManager.default.copyItem(atPath: repositoryRoot() + "/" + sample, toPath: root + "/catalog")
            try FileManager.default.copyItem(atPath: repositoryRoot() + "/standards", toPath: root + "/standards")
            try FileManager.default.createDirectory(atPath: root + "/theme", withIntermediateDirectories: true)
            try "/* 主题 1 */\nbody { color: #111; }\n".write(toFile: root + "/theme/extra.css", atomically: true, encoding: .utf8)
        }

        /// Replaces `old` by `new` in the file at `path` (which must hold it), saved as editors do.
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(path) holds \(old)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// The files of a fresh `zhinan build` of the folders as they are now, under public/
        /// and internal/.
        func freshBuild() throws -> [String: Data] {
            let out = try makeFolder([:]) + "/site"
            let r = try runZhinan(["build", catalog, "-o", out, "--standards", standards, "--theme", theme, "--lang", "en"])
            #expect(r.status == 0, "\(r.stderr)")
            return ServeCommandTests.contents(of: out).filter { $0.key.hasPrefix("public/") || $0.key.hasPrefix("internal/") }
        }
    }

    /// The preview's files that differ from `built`: every file the preview holds must be
    /// the built one (but the manuals' index, which lists build's exports), and every page
    /// build writes must be there (the exports, made on request by serve, are the files only
    /// build writes).
    static func differences(_ preview: String, _ built: [String: Data]) -> [String] {
        let served = ServeCommandTests.contents(of: preview).filter { !$0.key.hasSuffix(".zhinan-new") }
        var out: [String] = []
        // The manuals' index links to build's reports (exports), which serve makes on request.
        for (path, bytes) in served where !isDirectoryEntry(preview + "/" + path) && path != "internal/index.html" {
            if built[path] != bytes { out.append("differs: \(path)") }
        }
        for path in built.keys where served[path] == nil && (path.hasSuffix(".html") || path.hasSuffix(".svg") || path.contains("search-index") || path.contains("/assets/")) {
            if !exportOnly(path) { out.append("missing: \(path)") }
        }
        return out.sorted()
    }

    static func isDirectoryEntry(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// Files of build's exporters (catalog data and the stats page), which serve makes when asked.
    static func exportOnly(_ path: String) -> Bool {
        let name = path.split(separator: "/").dropFirst().joined(separator: "/")
        return name.hasPrefix("stats") || name.hasPrefix("catalog.") || name.hasPrefix("exports/")
    }

    /// `serve` of the setup's folders (the catalog as `catalogArgument`, when given), and its
    /// private preview folder.
    static func startServer(
        _ setup: Setup, catalogArgument: String? = nil, environment: [String: String] = [:]
    ) throws -> (ServeProcess, preview: String) {
        // A temporary folder of its own, so its preview folder is the one made there.
        let temporary = setup.root + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        func previewFolders() -> Set<String> {
            Set(((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("zhinan-serve-") })
        }
        let before = previewFolders()
        let server = try ServeProcess([
            "serve", catalogArgument ?? setup.catalog, "--port", "0", "--lang", "en", "--standards", setup.standards,
            "--theme", setup.theme,
        ], environment: environment.merging(["TMPDIR": temporary]) { a, _ in a })
        let made = previewFolders().subtracting(before)
        guard made.count == 1 else {
            server.stop()
            throw PreviewFolderNotFound(made: made.sorted())
        }
        return (server, (temporary as NSString).appendingPathComponent(made.first!))
    }

    struct PreviewFolderNotFound: Error { var made: [String] }

    /// Builds afresh and waits until the preview holds the same pages.
    static func expectSameAsBuild(
        _ setup: Setup, _ preview: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let built = try setup.freshBuild()
        var left: [String] = []
        let same = ServeCommandTests.eventually(tries: 300) {
            left = differences(preview, built)
            return left.isEmpty
        }
        #expect(same, "\(step): \(left.prefix(10))", sourceLocation: sourceLocation)
    }

    @Test func aRebuildAfterEachKindOfEditGivesTheBuiltPages() throws {
        let setup = try Setup()
        let (server, preview) = try Self.startServer(setup)
        defer { server.stop() }
        func expectSameAsBuild(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            try Self.expectSameAsBuild(setup, preview, step, sourceLocation: sourceLocation)
        }
        try expectSameAsBuild("first build")

        // An item's name: its own pages, the index pages, and the pages of items sharing a material with it.
        let item = setup.catalog + "/" + ServeCommandTests.item
        try setup.edit(item, "事项名称: 工业产品生产许可证核发（省级发证产品）", "事项名称: 核对用的新名称")
        #expect(try ServeCommandTests.eventually { try server.get(ServeCommandTests.itemPage).body.contains("核对用的新名称") })
        try expectSameAsBuild("item name")

        // An item's own text only.
        try setup.edit(item, "核对用的新名称", "核对用的第二个名称")
        #expect(try ServeCommandTests.eventually { try server.get(ServeCommandTests.itemPage).body.contains("核对用的第二个名称") })
        try expectSameAsBuild("item name again")

        // catalog.yaml: every page names the catalog.
        try setup.edit(setup.catalog + "/catalog.yaml", "目录名称: 广东省市场监督管理局", "目录名称: 核对用目录 广东省市场监督管理局")
        #expect(try ServeCommandTests.eventually { try server.get("/").body.contains("核对用目录") })
        try expectSameAsBuild("catalog.yaml")

        // A profile: 审批人员 was internal; made public, it shows on the public guides.
        try setup.edit(setup.standards + "/DB44-T-1148-2013.yaml", "    可见: 内部\n    繁体: [審批人員]", "    可见: 公开\n    繁体: [審批人員]")
        try expectSameAsBuild("profile")

        // A theme file.
        try "/* 主题 2 */\nbody { color: #222; }\n".write(toFile: setup.theme + "/extra.css", atomically: true, encoding: .utf8)
        #expect(try ServeCommandTests.eventually { try server.get("/assets/extra.css").body.contains("主题 2") })
        try expectSameAsBuild("theme")

        // Back to the profile as it was.
        try setup.edit(setup.standards + "/DB44-T-1148-2013.yaml", "    可见: 公开\n    繁体: [審批人員]", "    可见: 内部\n    繁体: [審批人員]")
        try expectSameAsBuild("profile restored")
    }

    /// A saved item that compiles clean has its own pages written first, from the file
    /// alone (the log says so), before the whole rebuild; a save that breaks it does not.
    @Test func aCleanSaveShowsTheItemsPagesFirstAndABrokenOneWaitsForTheWholeBuild() throws {
        let setup = try Setup()
        let (server, preview) = try Self.startServer(setup)
        defer { server.stop() }
        let item = setup.catalog + "/" + ServeCommandTests.item
        try setup.edit(item, "首次申请取得生产许可证的企业。", "首次申请取得生产许可证的企业（核对用）。")
        #expect(try ServeCommandTests.eventually { try server.get(ServeCommandTests.itemPage).body.contains("（核对用）") })
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 2: the saved item's pages, files written 5,") })
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 3: errors 0, warnings 0, item files checked 1,") })
        try Self.expectSameAsBuild(setup, preview, "after the item's pages first")

        // 事项名称 left empty: an error, so the pages wait for the whole build (which refuses them).
        try setup.edit(item, "事项名称: 工业产品生产许可证核发（省级发证产品）", "事项名称: \"\"")
        #expect(ServeCommandTests.eventually { server.stderr.contains("build 4: errors 1,") })
        #expect(!server.stderr.contains("build 4: the saved item's pages"))
        #expect(try server.get(ServeCommandTests.itemPage).body.contains("（核对用）"))
    }

    /// Saves that come faster than a rebuild (an editor saving every keystroke, a save and
    /// its undo) stop the rebuild under way; when they end, the preview is the built site.
    @Test func aQuickRunOfSavesEndsAsTheBuiltPages() throws {
        let setup = try Setup()
        let (server, preview) = try Self.startServer(setup)
        defer { server.stop() }
        let item = setup.catalog + "/" + ServeCommandTests.item
        let original = try String(contentsOfFile: item, encoding: .utf8)
        let name = "事项名称: 工业产品生产许可证核发（省级发证产品）"
        for k in 0..<12 {
            let text = k % 3 == 2 ? original : original.replacingOccurrences(of: name, with: "事项名称: 快速保存\(k)")
            try text.write(toFile: item, atomically: true, encoding: .utf8)
            usleep(useconds_t(30_000 + 20_000 * (k % 4)))
        }
        // Last: the name of save 10, then back to the file as it was (as an undo does).
        try original.replacingOccurrences(of: name, with: "事项名称: 快速保存最后").write(toFile: item, atomically: true, encoding: .utf8)
        usleep(80_000)
        try original.write(toFile: item, atomically: true, encoding: .utf8)
        try Self.expectSameAsBuild(setup, preview, "after a quick run of saves")
        #expect(try server.get(ServeCommandTests.itemPage).body.contains("工业产品生产许可证核发（省级发证产品）"))
    }
}
