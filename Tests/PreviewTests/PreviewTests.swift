import Diagnostics
import Foundation
@testable import Preview
import Testing

@Suite struct RequestTargetTests {
    @Test func pathsMapToThePublicAndInternalSites() {
        #expect(RequestTarget(method: "GET", target: "/") == .file("public/index.html"))
        #expect(RequestTarget(method: "GET", target: "/items/A1/") == .file("public/items/A1/index.html"))
        #expect(RequestTarget(method: "GET", target: "/items/A1/checklist.html?x=1#top") == .file("public/items/A1/checklist.html"))
        #expect(RequestTarget(method: "HEAD", target: "/internal/") == .file("internal/index.html"))
        #expect(RequestTarget(method: "GET", target: "/internal/items/A1/manual.html") == .file("internal/items/A1/manual.html"))
        #expect(RequestTarget(method: "GET", target: "/items/%E4%BA%8B/") == .file("public/items/事/index.html"))
        #expect(RequestTarget(method: "GET", target: "/_events") == .events)
        #expect(RequestTarget(method: "GET", target: "/_diagnostics") == .diagnostics)
    }

    @Test(arguments: [
        "/../etc/passwd", "/items/../../x", "/..", "/%2e%2e/etc/passwd", "/%2E%2E/x", "/items/%2e%2e/%2e%2e/x",
        "/.%2e/x", "/./index.html", "/items\\..\\x", "/%5c..%5cx", "/a%00.html", "/a\u{0}b", "/%zz", "/%4",
        "items/a", "*", "http://example.com/",
    ])
    func traversalAndOddTargetsAreRefused(_ target: String) {
        #expect(RequestTarget(method: "GET", target: target) == .badPath)
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get"])
    func onlyGetAndHeadAreAnswered(_ method: String) {
        #expect(RequestTarget(method: method, target: "/") == .methodNotAllowed)
        let response = PreviewResponder(state: PreviewState(language: .zh)).respond(to: .methodNotAllowed, rawTarget: "/")
        #expect(response.status == 405)
        #expect(response.headers.contains { $0 == ("Allow", "GET, HEAD") })
    }
}

@Suite struct PreviewResponderTests {
    static let code = DiagnosticCode(
        "ZN999", .error, title: LocalizedText(zh: "测试", en: "Test"),
        explanation: LocalizedText(zh: "说明。", en: "Explanation."), fix: LocalizedText(zh: "改正。", en: "Fix it."), example: "键: 值")

    /// A site folder with a page, an internal page, and symbolic links out of it.
    static func site() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/public/items/A1", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/internal/items/A1", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "-outside", withIntermediateDirectories: true)
        try "secret".write(toFile: root + "-outside/secret.txt", atomically: false, encoding: .utf8)
        try "<html><body class=\"page\"><h1>首页</h1></body></html>".write(toFile: root + "/public/index.html", atomically: false, encoding: .utf8)
        try "<html><body><h1>指南</h1></body></html>".write(toFile: root + "/public/items/A1/index.html", atomically: false, encoding: .utf8)
        try "<html><body><h1>手册</h1></body></html>".write(toFile: root + "/internal/items/A1/manual.html", atomically: false, encoding: .utf8)
        try "a{}".write(toFile: root + "/public/site.css", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root + "/public/leak.txt", withDestinationPath: root + "-outside/secret.txt")
        try fm.createSymbolicLink(atPath: root + "/public/out", withDestinationPath: root + "-outside")
        return URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    static func state(root: String?, diagnostics: [Diagnostic] = []) -> PreviewState {
        var state = PreviewState(language: .zh)
        state.root = root
        state.generation = 7
        state.diagnostics = diagnostics
        state.fileCount = 3
        state.itemFolders = ["items/A1/": "cat/items/a1.yaml"]
        var sources = SourceTexts()
        sources.add(file: "cat/items/a1.yaml", text: "事项编码: A1\n事项名称: <script>alert(1)</script>\n")
        state.sources = sources
        return state
    }

    static let broken = Diagnostic(
        code, at: SourceSpan(file: "cat/items/a1.yaml", range: SourceRange(start: .init(line: 2, column: 7), end: .init(line: 2, column: 14))),
        message: LocalizedText(zh: "名称含<b>标记</b>", en: "the name has <b>markup</b>"))

    func get(_ target: String, _ state: PreviewState) -> HTTPResponse {
        PreviewResponder(state: state).respond(to: RequestTarget(method: "GET", target: target), rawTarget: target)
    }

    @Test func servesPagesWithTheReloadScriptOnly() throws {
        let root = try Self.site()
        let response = get("/", Self.state(root: root))
        #expect(response.status == 200)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text == "<html><body class=\"page\"><h1>首页</h1>" + PreviewResponder.reloadScript(generation: 7) + "</body></html>")
        #expect(response.headers.contains { $0 == ("Content-Type", "text/html; charset=utf-8") })
        let css = get("/site.css", Self.state(root: root))
        #expect(String(decoding: css.body, as: UTF8.self) == "a{}")
        #expect(css.headers.contains { $0 == ("Content-Type", "text/css; charset=utf-8") })
    }

    @Test func symbolicLinksOutOfTheSiteAreNotFollowed() throws {
        let root = try Self.site()
        for target in ["/leak.txt", "/out/secret.txt"] {
            let response = get(target, Self.state(root: root))
            #expect(response.status == 404, "\(target)")
            #expect(!String(decoding: response.body, as: UTF8.self).contains("secret\u{0}") && response.body != Array("secret".utf8))
        }
    }

    @Test func badPathsAreRefusedWith400() throws {
        let response = get("/%2e%2e/%2e%2e/etc/passwd", Self.state(root: try Self.site()))
        #expect(response.status == 400)
    }

    @Test func aFolderWithoutItsSlashIsRedirected() throws {
        let response = get("/items/A1", Self.state(root: try Self.site()))
        #expect(response.status == 301)
        #expect(response.headers.contains { $0 == ("Location", "/items/A1/") })
    }

    @Test func internalPagesCarryTheInternalBar() throws {
        let text = String(decoding: get("/internal/items/A1/manual.html", Self.state(root: try Self.site())).body, as: UTF8.self)
        #expect(text.contains("id=\"zhinan-serve-internal\""))
        #expect(text.contains("内部 · 仅供工作人员使用"))
        let publicPage = String(decoding: get("/", Self.state(root: try Self.site())).body, as: UTF8.self)
        #expect(!publicPage.contains("zhinan-serve-internal"))
    }

    @Test func errorsPutABannerOnEveryPageAndTheItemsOwnProblemsOnItsPage() throws {
        let state = Self.state(root: try Self.site(), diagnostics: [Self.broken])
        let index = String(decoding: get("/", state).body, as: UTF8.self)
        #expect(index.contains("id=\"zhinan-serve-banner\""))
        #expect(index.contains("目录有 1 个错误 / 1 error · 显示的是上一次成功生成的页面 / showing the last good build"))
        #expect(index.contains("href=\"/_diagnostics\""))
        #expect(!index.contains("zhinan-serve-item-problems"))
        let page = String(decoding: get("/items/A1/", state).body, as: UTF8.self)
        #expect(page.contains("id=\"zhinan-serve-item-problems\""))
        // Quoted like check, and escaped by Markup.
        #expect(page.contains("cat/items/a1.yaml:2:7: error: 名称含&lt;b&gt;标记&lt;/b&gt; [ZN999]"))
        #expect(page.contains("事项名称: &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
        // The banner comes right after <body>.
        #expect(page.hasPrefix("<html><body><div id=\"zhinan-serve-banner\""))
    }

    @Test func theDiagnosticsPageGroupsByFileWithCarets() throws {
        let noFile = Diagnostic(Self.code, at: nil, message: LocalizedText(zh: "没有文件", en: "no file"))
        let response = get("/_diagnostics", Self.state(root: nil, diagnostics: [Self.broken, noFile]))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 200)
        #expect(text.contains("<h2>cat/items/a1.yaml</h2><pre style=\"font:13px/1.45 'Noto Sans Mono CJK SC','Sarasa Mono SC','Sarasa Term SC',monospace;white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;color:#111;padding:.6em;margin:.4em 0\">cat/items/a1.yaml:2:7: error: 名称含&lt;b&gt;标记&lt;/b&gt; [ZN999]\n"))
        #expect(text.contains("     | ") && text.contains("^~~~~~"))
        #expect(text.contains("</h2><pre style=") && text.contains(">error: 没有文件 [ZN999]"))
        #expect(text.contains("共检查 3 个文件：2 个错误，0 个警告。"))
        #expect(!text.contains("<b>"))
    }

    @Test func beforeAnyGoodBuildPagesAreMissingButTheBannerShows() {
        let response = get("/", Self.state(root: nil, diagnostics: [Self.broken]))
        #expect(response.status == 404)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("目录有 1 个错误 / 1 error — "))
        #expect(!text.contains("上一次成功"))
    }

    @Test func eventsAreOneLineEach() {
        #expect(EventHub.event("12") == "data: 12\n\n")
        #expect(EventHub.event("a\nb\r") == "data: ab\n\n")
    }
}
