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

        init() throws {
            root = try makeFolder([:])
            try FileManager.default.copyItem(atPath: repositoryRoot() + "/" + ServeCommandTests.sample, toPath: root + "/catalog")
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

    @Test func aRebuildAfterEachKindOfEditGivesTheBuiltPages() throws {
        let setup = try Setup()
        let temporary = NSTemporaryDirectory()
        func previewFolders() -> Set<String> {
            Set(((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("zhinan-serve-") })
        }
        let before = previewFolders()
        let server = try ServeProcess([
            "serve", setup.catalog, "--port", "0", "--lang", "en", "--standards", setup.standards, "--theme", setup.theme,
        ])
        defer { server.stop() }
        let made = previewFolders().subtracting(before)
        try #require(made.count == 1)
        let preview = (temporary as NSString).appendingPathComponent(made.first!)

        /// Builds afresh and waits until the preview holds the same pages.
        func expectSameAsBuild(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let built = try setup.freshBuild()
            var left: [String] = []
            let same = ServeCommandTests.eventually(tries: 300) {
                left = Self.differences(preview, built)
                return left.isEmpty
            }
            #expect(same, "\(step): \(left.prefix(10))", sourceLocation: sourceLocation)
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
}
