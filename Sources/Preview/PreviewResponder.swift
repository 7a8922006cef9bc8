#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
import Foundation
import Markup

/// Answers a request from the state of the latest build: a file of the last good site
/// (HTML pages with the live-reload script, the diagnostics banner and, on internal pages,
/// the 内部 bar added), the diagnostics page, or a refusal.
public struct PreviewResponder: Sendable {
    public var state: PreviewState
    /// Files made on request rather than at every build (the exports), by site path.
    public var onDemand: @Sendable (String) -> [UInt8]?

    public init(state: PreviewState, onDemand: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }) {
        self.state = state
        self.onDemand = onDemand
    }

    public func respond(to target: RequestTarget, rawTarget: String) -> HTTPResponse {
        switch target {
        case .methodNotAllowed:
            return .text(405, "Method Not Allowed", "only GET and HEAD / 仅支持 GET 与 HEAD\n", headers: [("Allow", "GET, HEAD")])
        case .badPath:
            return .text(400, "Bad Request", "bad path / 路径无效\n")
        case .events:
            return .text(400, "Bad Request", "event stream\n")
        case .diagnostics:
            return html(DiagnosticsPage(state: state).html())
        case .file(let path):
            if let bytes = readSiteFile(path) {
                return path.hasSuffix(".html") ? html(decorate(bytes, page: path)) : file(bytes, path: path)
            }
            if let bytes = onDemand(path) { return file(bytes, path: path) }
            // `/items/a` for the folder `/items/a/`: relative links need the slash.
            let rawPath = rawTarget.split(separator: "?", maxSplits: 1).first.map(String.init) ?? rawTarget
            if !path.hasSuffix("/index.html"), !rawPath.hasSuffix("/"), readSiteFile(path + "/index.html") != nil {
                return HTTPResponse(status: 301, reason: "Moved Permanently", headers: [("Location", rawPath + "/")])
            }
            let page = Array(("<!doctype html><meta charset=\"utf-8\"><title>404</title><p>找不到该页面 / no such page: " + Markup.escape(path) + "</p>").utf8)
            var response = html(decorate(page, page: path))
            (response.status, response.reason) = (404, "Not Found")
            return response
        }
    }

    /// The bytes of the regular file at `path` inside the site folder, never through a
    /// symbolic link and never outside the folder.
    func readSiteFile(_ path: String) -> [UInt8]? {
        guard let root = state.root else { return nil }
        let full = root + "/" + path
        guard let resolved = realpath(full, nil) else { return nil }
        defer { free(resolved) }
        guard String(cString: resolved).hasPrefix(root + "/") else { return nil }
        let fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            offset += n
        }
        return bytes
    }

    private func html(_ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: 200, reason: "OK", headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")], body: bytes)
    }

    private func file(_ bytes: [UInt8], path: String) -> HTTPResponse {
        HTTPResponse(status: 200, reason: "OK", headers: [("Content-Type", Self.contentType(path)), ("Cache-Control", "no-store")], body: bytes)
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml", "xsd": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "pdf": return "application/pdf"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    // MARK: What served pages get

    /// `page` with the preview's additions: after `<body …>` the 内部 bar (internal pages),
    /// the diagnostics banner and this item's own problems; before `</body>` the script
    /// that reloads the page after a build. `build`'s output never has them.
    public func decorate(_ page: [UInt8], page path: String) -> [UInt8] {
        var top: [UInt8] = []
        if path.hasPrefix("internal/") {
            top += Array(#"<div id="zhinan-serve-internal" style="position:sticky;top:0;z-index:9999;background:#7a1f1f;color:#fff;padding:.4em 1em;font:bold 15px/1.4 sans-serif">内部 · 仅供工作人员使用 · internal, staff only (preview)</div>"#.utf8)
        }
        top += banner()
        if let file = state.itemFile(ofPage: path) { top += ownProblems(file) }
        let script = Array(Self.reloadScript(generation: state.generation).utf8)
        var out = page
        if let end = Self.find(Array("</body>".utf8), in: out) {
            out.insert(contentsOf: script, at: end)
        } else {
            out += script
        }
        if let body = Self.find(Array("<body".utf8), in: out), let close = out[body...].firstIndex(of: UInt8(ascii: ">")) {
            out.insert(contentsOf: top, at: close + 1)
        } else {
            out.insert(contentsOf: top, at: 0)
        }
        return out
    }

    /// The few lines that reload the page when a build other than the one it shows has
    /// finished (the server sends the current generation on connecting, then after each build).
    static func reloadScript(generation: Int) -> String {
        #"<script>(function(){var g="\#(generation)";var s=new EventSource("/_events");s.onmessage=function(e){if(e.data!==g){s.close();location.reload();}};})();</script>"#
    }

    /// The banner every page shows while the catalog has errors (or could not be built).
    func banner() -> [UInt8] {
        let tally = state.tally
        guard tally.errors > 0 || state.problem != nil else { return [] }
        var text: String
        if let problem = state.problem {
            text = "无法生成：\(problem.zh) / cannot build: \(problem.en)"
        } else {
            text = "目录有 \(tally.errors) 个错误" + (tally.warnings > 0 ? "、\(tally.warnings) 个警告" : "")
                + " / \(tally.errors) error\(tally.errors == 1 ? "" : "s")" + (tally.warnings > 0 ? ", \(tally.warnings) warning\(tally.warnings == 1 ? "" : "s")" : "")
        }
        text += state.root == nil ? "" : " · 显示的是上一次成功生成的页面 / showing the last good build"
        var out = Array(#"<div id="zhinan-serve-banner" role="alert" style="position:sticky;top:0;z-index:9999;background:#b00020;color:#fff;padding:.6em 1em;font:15px/1.5 sans-serif">"#.utf8)
        Markup.append(escaping: text, to: &out)
        out += Array(#" — <a href="/_diagnostics" style="color:#fff;font-weight:bold">查看问题 / view diagnostics</a></div>"#.utf8)
        return out
    }

    /// The problems of `file` (the item whose page this is), quoted like `check` does.
    func ownProblems(_ file: String) -> [UInt8] {
        let own = state.diagnostics.filter { $0.span?.file == file }
        guard !own.isEmpty else { return [] }
        var out = Array(#"<div id="zhinan-serve-item-problems" style="background:#fff4e5;border:2px solid #b00020;margin:0;padding:.5em 1em;font:14px/1.4 sans-serif"><strong>"#.utf8)
        Markup.append(escaping: "本事项的问题 / problems of this item: \(file)", to: &out)
        out += Array("</strong>".utf8)
        out += DiagnosticsPage.quoted(own, sources: state.sources, language: state.language)
        out += Array("</div>".utf8)
        return out
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}

/// `/_diagnostics`: the latest build's diagnostics as `check` prints them (each with its
/// source line and caret), grouped by file.
struct DiagnosticsPage {
    var state: PreviewState

    func html() -> [UInt8] {
        let renderer = TextRenderer(language: state.language)
        var out = Array(#"<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>诊断 · diagnostics</title><style>body{font:15px/1.5 sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em}h2{font-size:1.05em;margin-top:1.5em}</style></head><body><h1>诊断 · Diagnostics</h1><p>"#.utf8)
        if let problem = state.problem {
            Markup.append(escaping: "无法生成：\(problem.zh) / cannot build: \(problem.en)", to: &out)
            out += Array("</p><p>".utf8)
        }
        Markup.append(escaping: renderer.summary(state.diagnostics, fileCount: state.fileCount), to: &out)
        out += Array(#" · <a href="/">首页 / home</a></p>"#.utf8)
        var order: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for d in state.diagnostics {
            let file = d.span?.file ?? ""
            if byFile[file] == nil { order.append(file) }
            byFile[file, default: []].append(d)
        }
        for file in order {
            out += Array("<h2>".utf8)
            Markup.append(escaping: file.isEmpty ? "（无文件 / no file）" : VisibleText.escaped(file), to: &out)
            out += Array("</h2>".utf8)
            out += Self.quoted(byFile[file]!, sources: state.sources, language: state.language)
        }
        out += Array(("</body></html>").utf8)
        return out
    }

    /// `diagnostics` rendered as `check` prints them, escaped, in a `<pre>` whose font
    /// gives a CJK character two columns, as terminals do, so carets stay under the text.
    static func quoted(_ diagnostics: [Diagnostic], sources: SourceTexts, language: Language) -> [UInt8] {
        let renderer = TextRenderer(language: language)
        var out = Array(#"<pre style="font:13px/1.45 'Noto Sans Mono CJK SC','Sarasa Mono SC','Sarasa Term SC',monospace;white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;color:#111;padding:.6em;margin:.4em 0">"#.utf8)
        for d in diagnostics { Markup.append(escaping: renderer.render(d, sources: sources), to: &out) }
        out += Array("</pre>".utf8)
        return out
    }
}
