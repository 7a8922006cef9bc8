import ArgumentParser
import Catalog
import Compiler
import Diagnostics
import Foundation
import Generators
import Preview
import Publishing

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "在本机预览网站，保存即刷新。 Preview the site locally; pages reload when a file is saved.",
        discussion: """
            Builds the catalog into a private temporary folder (never into the catalog), \
            serves it at http://HOST:PORT/ (the business manuals under /internal/), watches \
            the catalog, its standards and the theme, and after a change rebuilds only what \
            the changed files affect; open pages reload themselves. While the catalog has \
            errors every page shows a banner linking to /_diagnostics, and the last good \
            build stays browsable. Only GET and HEAD are answered. Ctrl-C stops it (exit 0); \
            a port in use exits 2.
            """
    )

    @Argument(help: "The catalog folder.")
    var catalog: String

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port: Int = 8000

    @Option(help: "Address to listen on. Anything but 127.0.0.1 or ::1 shares the preview (internal pages included) with the network.")
    var host = "127.0.0.1"

    @Flag(help: "Open the site in the default browser (xdg-open).")
    var open = false

    @Option(help: "Folder of templates and assets that replace the built-in ones by file name.")
    var theme: String?

    @Option(help: "Message language: zh or en (default: from LANG, else zh).")
    var lang: Language?

    @OptionGroup var compile: CompileOptionGroup

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
    }

    func run() throws {
        let language = Language.chosen(lang)
        if let problem = SourceLoader.folderProblem(catalog) {
            emitError("zhinan: error: \(VisibleText.escaped(problem[language]))\n")
            throw Status.unusable
        }
        // Ctrl-C and SIGTERM are taken by sigwait below, in every thread started from here.
        var stops = sigset_t()
        sigemptyset(&stops)
        sigaddset(&stops, SIGINT)
        sigaddset(&stops, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &stops, nil)

        var template = Array((NSTemporaryDirectory() + "/zhinan-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            emitError(language == .zh ? "zhinan: error: 无法创建临时文件夹\n" : "zhinan: error: cannot make a temporary folder\n")
            throw Status.unusable
        }
        let folder = URL(fileURLWithPath: String(cString: made)).resolvingSymlinksInPath().path
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let site = PreviewSite(catalog: catalog, theme: theme, options: compile, folder: folder, language: language)
        let server: HTTPServer
        do {
            server = try HTTPServer(host: host, port: port) { method, target in site.reply(method: method, target: target) }
        } catch {
            emitError("zhinan: error: \(describe(error, language))\n")
            throw Status.unusable
        }
        if !Self.isLoopback(host) {
            emitError(language == .zh
                ? "zhinan: warning: 在 \(host) 上监听：网络上的其他人也能看到预览，包括内部业务手册（/internal/）\n"
                : "zhinan: warning: listening on \(host): others on the network can see the preview, the internal manuals (/internal/) included\n")
        }
        // Watching starts before the first build, so a save during it is not missed.
        var watched = [catalog]
        if let standards = compile.compiler.options.standards.folder(for: catalog) { watched.append(standards) }
        if let theme { watched.append(theme) }
        let watcher = FolderWatcher(folders: watched, polling: ProcessInfo.processInfo.environment["ZHINAN_SERVE_POLL"] == "1")
        site.rebuild()
        let shown = host.contains(":") ? "[\(host)]" : host
        let url = "http://\(shown):\(server.port)/"
        emitError(language == .zh ? "zhinan serve: 预览地址 \(url)（按 Ctrl-C 停止）\n" : "zhinan serve: previewing at \(url) (Ctrl-C to stop)\n")

        Thread.detachNewThread { server.run() }
        let saves = PendingChanges()
        Thread.detachNewThread { watcher.run { saves.add($0) } }
        Thread.detachNewThread {
            while true {
                // The saved item's pages first, then everything (which may write them
                // again); a newer save stops the rebuild between pages and starts over.
                let changes = saves.take()
                // With the edited page shown, a next save soon after is waited for rather
                // than begun on and stopped.
                if site.preview(changes), saves.arrives(within: 0.25) { continue }
                site.rebuild(stoppingWhen: { saves.isWaiting })
            }
        }
        if open { Self.openBrowser(url) }

        var signal: Int32 = 0
        sigwait(&stops, &signal)
        emitError(language == .zh ? "zhinan serve: 已停止\n" : "zhinan serve: stopped\n")
        // A rebuild still writing would put files back into the folder as it is removed.
        site.stopBuilding()
        try? FileManager.default.removeItem(atPath: folder)
        // The server's and watcher's threads block in accept and poll: end the process here.
        Foundation.exit(0)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "::1" || host.hasPrefix("127.")
    }

    private static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }

    private func describe(_ error: ServerStartError, _ language: Language) -> String {
        switch (error, language) {
        case (.portInUse(let p), .zh): return "端口 \(p) 已被占用；请用 --port 换一个端口（或 --port 0 任选空闲端口）"
        case (.portInUse(let p), .en): return "port \(p) is already in use; choose another with --port (or --port 0 for any free one)"
        case (.badHost(let h), .zh): return "--host “\(h)”不是 IP 地址（如 127.0.0.1 或 ::1）"
        case (.badHost(let h), .en): return "--host \"\(h)\" is not an IP address (such as 127.0.0.1 or ::1)"
        case (.system(let call, let e), .zh): return "无法监听 \(host):\(port)（\(call)：\(String(cString: strerror(e)))）"
        case (.system(let call, let e), .en): return "cannot listen on \(host):\(port) (\(call): \(String(cString: strerror(e))))"
        }
    }
}

/// The preview's site: compiled with an ``ItemMemo`` so a rebuild re-binds and re-checks
/// only the items whose file changed, rendered into a private folder keeping the pages of
/// unchanged items, and served from there with the latest diagnostics.
final class PreviewSite: @unchecked Sendable {
    let catalog: String
    let theme: String?
    let options: CompileOptionGroup
    let folder: String
    let hub = EventHub()
    private let memo = ItemMemo()
    private let lock = NSLock()
    private var state: PreviewState
    /// The last good catalog, for the exports made on request.
    private var good: Catalog?
    /// The page digests and the paths of the last good site.
    private var keys: [String: (public: String, internal: String)] = [:]
    private var paths: Set<String> = []
    /// The attachments last written: site path → digest of the bytes.
    private var attachmentDigests: [String: String] = [:]
    /// The generator of the last build, with its parsed templates, and the theme's digest.
    private var generator: (theme: String, SiteGenerator)?
    /// The last good build's lookups and its item files (path → 事项编码), while that build
    /// is what is shown: what ``preview(_:)`` makes a saved item's pages with.
    private var shown: (builder: SiteGenerator.PageBuilder, files: [String: String], common: String)?
    /// A change ``preview(_:)`` cannot cover (catalog.yaml, a profile, a theme, a bundle, a
    /// new or removed item) was taken and no compilation has seen it yet.
    private var contextChanged = false
    /// The pages ``preview(_:)`` wrote that no clean compilation has checked since, with
    /// their bytes before (nil: there was no such file).
    private var unverified: [String: [UInt8]?] = [:]
    /// The items whose pages those are.
    private var unverifiedItems: Set<String> = []
    private let building = NSLock()

    init(catalog: String, theme: String?, options: CompileOptionGroup, folder: String, language: Language) {
        self.catalog = catalog
        self.theme = theme
        self.options = options
        self.folder = folder
        state = PreviewState(language: language)
    }

    func reply(method: String, target: String) -> HTTPServer.Reply {
        let request = RequestTarget(method: method, target: target)
        lock.lock()
        let now = state
        let catalog = good
        lock.unlock()
        if request == .events { return .events(hub, first: EventHub.event(String(now.generation))) }
        let responder = PreviewResponder(state: now) { path in Self.export(path, of: catalog) }
        return .response(responder.respond(to: request, rawTarget: target))
    }

    /// The exports, made when asked for rather than at every rebuild.
    private static func export(_ path: String, of catalog: Catalog?) -> [UInt8]? {
        guard let catalog else { return nil }
        let audience: Audience = path.hasPrefix("internal/") ? .internal : .public
        let name = String(path.dropFirst(audience.rawValue.count + 1))
        let files = try? CatalogFilesExporter().files(for: audience == .public ? catalog.publicView() : catalog, audience: audience)
        return files?.first { $0.path == name }?.contents
    }

    /// Waits for a rebuild under way and keeps any other from starting.
    func stopBuilding() {
        building.lock()
    }

    /// Compiles again and, when the catalog has no errors, writes the pages that changed;
    /// then tells open pages. When `stop` turns true after compiling or between pages, the
    /// rebuild ends there, telling nobody, and the next one takes over.
    func rebuild(stoppingWhen stop: @escaping @Sendable () -> Bool = { false }) {
        building.lock()
        defer { building.unlock() }
        let started = DispatchTime.now()
        lock.lock()
        var next = state
        lock.unlock()
        next.generation += 1
        next.problem = nil
        var summary = ""
        var built: Catalog? = nil
        switch ThemeFolder.load(theme) {
        case .failure(let problem):
            next.problem = problem.text
        case .success(let theme):
            if stop() { return stopped(started) }
            let result = options.compiler.compile(folder: catalog, memo: memo)
            contextChanged = false
            let tally = DiagnosticTally(result.diagnostics) + result.omitted
            let fails = tally.errors > 0 || (options.failOn == .warning && tally.warnings > 0)
            let clean = fails || result.unusable != nil ? nil : result.catalog
            // A clean compilation checked the saved files across items: the quick pages of
            // what it read stand, whether or not this rebuild is stopped.
            if clean != nil { forgetUnverified() }
            if stop() { return stopped(started) }
            next.diagnostics = result.diagnostics
            next.sources = result.sources
            next.fileCount = result.fileCount
            next.problem = result.unusable
            if let compiled = clean {
                do {
                    let written = try publish(compiled, result: result, theme: theme, stop: stop, into: &next)
                    built = compiled
                    next.root = folder
                    let counts = memo.lastCounts
                    summary = ", item files checked \(counts.compiled), files written \(written)"
                } catch is CancellationError {
                    return stopped(started)
                } catch {
                    next.problem = LocalizedText(zh: "生成页面失败：\(error)", en: "generating the pages failed: \(error)")
                }
            }
        }
        if built == nil {
            shown = nil
            // Quick pages no clean compilation has checked go: what is shown is the last
            // good build's.
            restoreUnverified()
        }
        lock.lock()
        state = next
        if let built { good = built }
        lock.unlock()
        hub.broadcast(String(next.generation))
        let ms = Self.milliseconds(since: started)
        let tally = next.tally
        let status = next.problem.map { "cannot build: \($0.en)" } ?? "errors \(tally.errors), warnings \(tally.warnings)"
        emitError("zhinan serve: build \(next.generation): \(status)\(summary), \(String(format: "%.0f", ms)) ms\n")
    }

    /// Milliseconds since `started`, for the log.
    private static func milliseconds(since started: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
    }

    private func stopped(_ started: DispatchTime) {
        let ms = Self.milliseconds(since: started)
        emitError("zhinan serve: rebuild stopped for a newer save, \(String(format: "%.0f", ms)) ms\n")
    }

    /// Writes the site of `compiled` into the folder, keeping the files of items whose
    /// digests are unchanged and removing those no longer in the site; returns how many
    /// files were written. Stopped (`CancellationError`), it leaves the keys of the items it
    /// did not reach as they were, so the next rebuild knows what each page holds.
    private func publish(
        _ compiled: Catalog, result: CompilationResult, theme: Theme, stop: @escaping @Sendable () -> Bool,
        into next: inout PreviewState
    ) throws -> Int {
        var themeHash = ContentHash()
        for name in theme.overrides.keys.sorted() {
            themeHash.update(string: name)
            themeHash.update(theme.overrides[name]!)
        }
        let themeDigest = themeHash.finalize()
        let generator = try self.generator.flatMap { $0.theme == themeDigest ? $0.1.with(catalog: compiled) : nil }
            ?? SiteGenerator(catalog: compiled, theme: theme)
        self.generator = (themeDigest, generator)
        let builder = generator.pageBuilder()
        var common = ContentHash()
        common.update(string: memo.commonDigest)
        common.update(string: themeDigest)
        let newKeys = BuildCache.pageKeys(
            generator, builder, common: common.finalize(), itemSources: result.itemSources, digests: memo.itemDigests)
        let written = WrittenFiles()
        var itemFolders: [String: String] = [:]
        for item in compiled.items {
            let pages = generator.pagePaths(for: item)
            if let first = pages.publicPages.first, let file = result.itemSources[item.code] {
                let parts = first.split(separator: "/")
                itemFolders["items/\(parts[2])/"] = file
            }
        }
        let old = keys
        let site = paths
        let folder = folder
        // Until this rebuild is whole, no page is known to be as its key says.
        keys = [:]
        let reached = ReachedItems()
        do {
            _ = try generator.generate(
                jobs: options.workers, builder: builder,
                reusing: { item, audience in
                    reached.add(item.code)
                    return Self.keeps(item, audience, generator, newKeys, old, site, written)
                },
                stop: stop,
                write: { path, bytes in try written.write(path, bytes, into: folder) })
            try publishAttachments(of: compiled, publicView: builder.view, into: written)
        } catch {
            // Every file written is in the folder, to be removed when no longer in the site.
            paths.formUnion(written.paths)
            if error is CancellationError {
                // An item's pages are made whole or not begun: those reached are as their new
                // keys say, the others as before.
                keys = old
                for code in reached.codes { keys[code] = newKeys[code] }
            }
            throw error
        }
        for stale in paths.subtracting(written.paths) { unlink(folder + "/" + stale) }
        paths = written.paths
        keys = newKeys
        next.itemFolders = itemFolders
        shown = (builder, Dictionary(result.itemSources.map { ($1, $0) }, uniquingKeysWith: { a, _ in a }), memo.commonDigest)
        return written.count
    }

    /// Whether `item`'s pages for `audience` are kept: their key is unchanged and they are
    /// all in the folder (`site`); those kept are added to `written`.
    private static func keeps(
        _ item: Item, _ audience: Audience, _ generator: SiteGenerator,
        _ newKeys: [String: (public: String, internal: String)], _ old: [String: (public: String, internal: String)],
        _ site: Set<String>, _ written: WrittenFiles
    ) -> Bool {
        guard let new = newKeys[item.code], let before = old[item.code] else { return false }
        let paths = generator.pagePaths(for: item)
        let kept = audience == .public ? paths.publicPages : paths.internalPages
        let same = audience == .public ? new.public == before.public : new.internal == before.internal
        guard same, kept.allSatisfy(site.contains) else { return false }
        written.keep(kept)
        return true
    }

    /// Writes at once the pages of the items saved in `changes`, each file compiled alone
    /// against the build shown, and tells open pages; the officer sees the page being edited
    /// without waiting for the whole catalog (as Hugo's "fast render" does). Nothing is done
    /// unless the build shown was good and is what the memo last compiled against (no
    /// change to catalog.yaml, a profile, a theme or a bundle taken since), and every change
    /// is a saved item file (a regular file, not a link) that compiles clean with its
    /// 事项编码 unchanged, an editor's temporary files aside. The whole rebuild that follows
    /// is the last word: it makes these pages again, or, failing, puts back what they were.
    @discardableResult
    func preview(_ changes: FolderChanges) -> Bool {
        building.lock()
        defer { building.unlock() }
        let started = DispatchTime.now()
        let prefix = catalog.hasSuffix("/") ? catalog : catalog + "/"
        var saved: [(path: String, code: String)] = []
        for path in changes.paths.sorted() {
            var info = stat()
            let exists = lstat(path, &info) == 0
            if let code = shown?.files[path], exists, (info.st_mode & S_IFMT) == S_IFREG {
                saved.append((path, code))
                continue
            }
            // What an editor writes beside an item file while saving it, or has removed since;
            // a folder whose listing changed (its files are reported themselves).
            let name = (path as NSString).lastPathComponent
            let besideItems = path.hasPrefix(prefix + "items/") && shown?.files[path] == nil
            if besideItems && (!exists || name.hasPrefix(".") || name.hasSuffix("~")) { continue }
            if exists && (info.st_mode & S_IFMT) == S_IFDIR && (path + "/").hasPrefix(prefix) { continue }
            // Anything else waits for the whole rebuild, and so does every later save until
            // one has compiled it.
            contextChanged = true
        }
        guard !contextChanged, changes.isComplete, let shown, memo.commonDigest == shown.common,
              let generator = generator?.1, !saved.isEmpty, saved.count <= 8
        else { return false }
        var pages: [OutputFile] = []
        for (path, code) in saved {
            guard let compiled = CatalogCompiler.previewItem(path: path, relativePath: String(path.dropFirst(prefix.count)), memo: memo),
                  let item = compiled.item, item.code == code, compiled.diagnostics.isEmpty, !compiled.mayHoldSuppressions,
                  let made = try? generator.itemPages(of: item, builder: shown.builder)
            else { return false }
            pages += made
        }
        let written = WrittenFiles()
        for code in saved.map(\.code) {
            keys[code] = nil
            unverifiedItems.insert(code)
        }
        for page in pages {
            // What the page was, put back if the whole rebuild finds the catalog broken.
            if unverified.index(forKey: page.path) == nil {
                unverified[page.path] = FileManager.default.contents(atPath: folder + "/" + page.path).map { [UInt8]($0) }
            }
            guard (try? written.write(page.path, page.contents, into: folder)) != nil else {
                // Half written: the rebuild that follows writes the site afresh.
                keys = [:]
                paths.formUnion(written.paths)
                return false
            }
        }
        paths.formUnion(written.paths)
        lock.lock()
        state.generation += 1
        let files = Set(saved.map(\.path))
        state.diagnostics.removeAll { $0.span.map { files.contains($0.file) } ?? false }
        let generation = state.generation
        lock.unlock()
        hub.broadcast(String(generation))
        let ms = Self.milliseconds(since: started)
        emitError("zhinan serve: build \(generation): the saved item's pages, files written \(written.count), \(String(format: "%.0f", ms)) ms\n")
        return true
    }

    /// After a rebuild that published nothing: the pages ``preview(_:)`` wrote that no clean
    /// compilation has checked since are put back as they were, so what is shown is the last
    /// good build's (a version that compiled clean alone may break the checks across items).
    private func restoreUnverified() {
        for (path, bytes) in unverified {
            if let bytes {
                if (try? WrittenFiles().write(path, bytes, into: folder)) == nil { keys = [:] }
            } else {
                unlink(folder + "/" + path)
                paths.remove(path)
            }
        }
        // A stopped rebuild may have written them since, and keyed them so.
        for code in unverifiedItems { keys[code] = nil }
        forgetUnverified()
    }

    private func forgetUnverified() {
        unverified = [:]
        unverifiedItems = []
    }
}

extension PreviewSite {
    /// Copies the files the items name (空表, 样表, 审批结果's 样本) into the preview as
    /// `zhinan build` does: public ones into public/, all into internal/, each read again
    /// as compiling checked it. One whose bytes are unchanged since the last rebuild is kept.
    fileprivate func publishAttachments(of catalog: Catalog, publicView: Catalog, into written: WrittenFiles) throws {
        let published = Set(publicView.attachments)
        var digests: [String: String] = [:]
        for path in catalog.attachments {
            guard let source = CatalogCompiler.attachmentSource(path, in: self.catalog),
                  let bytes = SiteStaging.readRegularFile(source, limit: Attachments.maxBytes)
            else { throw PreviewWriteError(path: path) }
            let digest = ContentHash.digest(bytes)
            let targets = (published.contains(path) ? ["public/"] : []) + ["internal/"]
            for target in targets.map({ $0 + Attachments.sitePath(path) }) {
                digests[target] = digest
                if attachmentDigests[target] == digest, FileManager.default.fileExists(atPath: folder + "/" + target) {
                    written.keep([target])
                } else {
                    try written.write(target, bytes, into: folder)
                }
            }
        }
        attachmentDigests = digests
    }
}

/// The items whose pages a rebuild has begun, from the generator's worker threads.
private final class ReachedItems: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var codes: Set<String> = []

    func add(_ code: String) {
        lock.lock()
        codes.insert(code)
        lock.unlock()
    }
}

/// Saves the watcher has seen and the builder has not yet taken, merged.
final class PendingChanges: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: FolderChanges?

    func add(_ changes: FolderChanges) {
        condition.lock()
        if var merged = pending {
            merged.paths.formUnion(changes.paths)
            merged.isComplete = merged.isComplete && changes.isComplete
            pending = merged
        } else {
            pending = changes
        }
        condition.signal()
        condition.unlock()
    }

    /// Whether a save is waiting.
    var isWaiting: Bool {
        condition.lock()
        defer { condition.unlock() }
        return pending != nil
    }

    /// Whether a save arrives (or is waiting) within `seconds`.
    func arrives(within seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while pending == nil {
            if !condition.wait(until: deadline) { break }
        }
        return pending != nil
    }

    /// The saves waiting, once there are any.
    func take() -> FolderChanges {
        condition.lock()
        defer { condition.unlock() }
        while pending == nil { condition.wait() }
        let changes = pending!
        pending = nil
        return changes
    }
}

/// The files a rebuild wrote or kept, from the generator's worker threads.
private final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var paths: Set<String> = []
    private(set) var count = 0

    func keep(_ kept: [String]) {
        lock.lock()
        paths.formUnion(kept)
        lock.unlock()
    }

    /// Writes `bytes` to `path` under `folder` through a temporary file renamed over it, so
    /// a page being served is never half written.
    func write(_ path: String, _ bytes: [UInt8], into folder: String) throws {
        let full = folder + "/" + path
        let temporary = full + ".zhinan-new"
        // No sync: the folder is the preview's own, gone when it stops.
        var made = SiteStaging.writeNewFile(temporary, bytes)
        if !made && errno == ENOENT {
            let parent = (full as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            made = SiteStaging.writeNewFile(temporary, bytes)
        }
        guard made, rename(temporary, full) == 0 else { throw PreviewWriteError(path: full) }
        lock.lock()
        paths.insert(path)
        count += 1
        lock.unlock()
    }
}

struct PreviewWriteError: Error, CustomStringConvertible {
    var path: String
    var description: String { "cannot write \(path)" }
}
