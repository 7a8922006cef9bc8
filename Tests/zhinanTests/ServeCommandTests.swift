#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
import Testing

/// `zhinan serve`, run as a user runs it: the built binary on a free port against a copy of
/// a sample catalog, fetched over HTTP.
@Suite(.serialized) struct ServeCommandTests {
    static let sample = "catalogs/guangdong-zhijian"
    static let item = "items/shengchanxuke/gongye-chanpin-xuke-shouci.yaml"
    static let itemPage = "/items/440000-XK-00401-001/"

    /// A copy of the sample catalog in a fresh folder.
    static func copyOfSample() throws -> String {
        let dir = try makeFolder([:])
        let copy = dir + "/catalog"
        try FileManager.default.copyItem(atPath: repositoryRoot() + "/" + sample, toPath: copy)
        return copy
    }

    /// Every file of `folder` and its bytes.
    static func contents(of folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String {
            out[relative] = FileManager.default.contents(atPath: folder + "/" + relative) ?? Data()
        }
        return out
    }

    /// Asks `condition` up to `tries` times, a tenth of a second apart (a bound on retries,
    /// not a time the test asserts).
    static func eventually(tries: Int = 600, _ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<tries {
            if try condition() { return true }
            usleep(100_000)
        }
        return false
    }

    @Test func editsShowUpAndErrorsPutABannerOnThePagesUntilFixed() throws {
        let catalog = try Self.copyOfSample()
        let before = Self.contents(of: catalog)
        // A temporary folder of its own, so servers of tests running beside it do not count.
        let temporary = try makeFolder([:])
        func previewFolders() -> Set<String> {
            Set(((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("zhinan-serve-") })
        }
        let server = try ServeProcess(["serve", catalog, "--port", "0", "--lang", "en", "--standards", repositoryRoot() + "/standards"],
                                      environment: ["TMPDIR": temporary])
        #expect(previewFolders().count == 1)
        defer { server.stop() }

        let index = try server.get("/")
        #expect(index.status == 200)
        #expect(index.body.contains("<script>(function(){var g=\"1\";var s=new EventSource(\"/_events\")"))
        #expect(!index.body.contains("zhinan-serve-banner"))
        let page = try server.get(Self.itemPage)
        #expect(page.status == 200)
        #expect(page.body.contains("工业产品生产许可证核发（省级发证产品）"))
        let manual = try server.get("/internal" + Self.itemPage + "manual.html")
        #expect(manual.status == 200)
        #expect(manual.body.contains("id=\"zhinan-serve-internal\""))

        // An edit shows up.
        let path = catalog + "/" + Self.item
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "事项名称: 工业产品生产许可证核发（省级发证产品）", with: "事项名称: 预览测试改过的名称")
        #expect(edited != original)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.eventually { try server.get(Self.itemPage).body.contains("预览测试改过的名称") })
        // The whole rebuild after it (the item's pages came first): the edit is now a good build.
        #expect(Self.eventually { server.stderr.components(separatedBy: "errors 0, warnings 0").count == 3 }, "\(server.stderr)")

        // A broken file: the banner on every page, the item's own problems on its page, and
        // the last good build still shown.
        let broken = edited.replacingOccurrences(of: "事项类型: 行政许可", with: "事项类型: 行政许可证")
        #expect(broken != edited)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.eventually { try server.get("/").body.contains("id=\"zhinan-serve-banner\"") })
        let bannered = try server.get(Self.itemPage).body
        #expect(bannered.contains("href=\"/_diagnostics\""))
        #expect(bannered.contains("id=\"zhinan-serve-item-problems\""))
        #expect(bannered.contains("预览测试改过的名称"))
        let diagnostics = try server.get("/_diagnostics")
        #expect(diagnostics.status == 200)
        #expect(diagnostics.body.contains("<h2>\(catalog)/\(Self.item)</h2><pre "))
        #expect(diagnostics.body.contains(">\(catalog)/\(Self.item):3:7: error: "))
        #expect(diagnostics.body.contains("3 | 事项类型: 行政许可证"))

        // Fixed: the banner goes.
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.eventually { !(try server.get("/").body.contains("zhinan-serve-banner")) })
        #expect(try server.get(Self.itemPage).body.contains("工业产品生产许可证核发（省级发证产品）"))

        // Nothing was written into the catalog.
        #expect(Self.contents(of: catalog) == before)
        let status = server.stop()
        #expect(status == 0)
        #expect(server.stderr.contains("zhinan serve: stopped"))
        // Its private folder is gone.
        #expect(previewFolders().isEmpty)
    }

    @Test func withoutInotifyPollingSeesTheEdit() throws {
        let catalog = try Self.copyOfSample()
        let server = try ServeProcess(["serve", catalog, "--port", "0", "--lang", "en", "--standards", repositoryRoot() + "/standards"],
                                      environment: ["ZHINAN_SERVE_POLL": "1"])
        defer { server.stop() }
        let path = catalog + "/" + Self.item
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try original.replacingOccurrences(of: "事项名称: 工业产品生产许可证核发（省级发证产品）", with: "事项名称: 轮询看到的名称")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.eventually { try server.get(Self.itemPage).body.contains("轮询看到的名称") })
    }

    /// The files items name are served as `zhinan build` publishes them, and an edit of
    /// one shows on the next rebuild.
    @Test func attachmentsAreServedAndFollowEdits() throws {
        let catalog = try Self.copyOfSample()
        try FileManager.default.createDirectory(atPath: catalog + "/forms", withIntermediateDirectories: true)
        try "第一版\n".write(toFile: catalog + "/forms/申请书.txt", atomically: true, encoding: .utf8)
        let path = catalog + "/" + Self.item
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try original.replacingOccurrences(of: "  - 材料: 全国工业产品生产许可证申请书\n", with: "  - 材料: 全国工业产品生产许可证申请书\n    空表: forms/申请书.txt\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let server = try ServeProcess(["serve", catalog, "--port", "0", "--lang", "en", "--standards", repositoryRoot() + "/standards"])
        defer { server.stop() }
        let url = "/attachments/forms/%E7%94%B3%E8%AF%B7%E4%B9%A6.txt"
        #expect(try Self.eventually { try server.get(url).body == "第一版\n" })
        #expect(try server.get(Self.itemPage).body.contains("attachments/forms/%E7%94%B3%E8%AF%B7%E4%B9%A6.txt"))
        try "第二版\n".write(toFile: catalog + "/forms/申请书.txt", atomically: true, encoding: .utf8)
        #expect(try Self.eventually { try server.get(url).body == "第二版\n" })
    }

    @Test func theLiveServerRefusesOtherMethodsAndPathsOutOfTheSite() throws {
        let catalog = try Self.copyOfSample()
        let server = try ServeProcess(["serve", catalog, "--port", "0", "--lang", "en", "--standards", repositoryRoot() + "/standards"])
        defer { server.stop() }
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let r = try server.request(method, "/")
            #expect(r.status == 405, "\(method)")
            #expect(r.head.contains("Allow: GET, HEAD"))
        }
        for target in ["/../catalog.yaml", "/%2e%2e/%2e%2e/etc/passwd", "/items%5c..%5c..%5cx", "/a%00b"] {
            #expect(try server.get(target).status == 400, "\(target)")
        }
        let head = try server.request("HEAD", "/")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(try server.get("/catalog.json").body.hasPrefix("{"))
        #expect(try server.get("/no/such/page.html").status == 404)
    }

    @Test func aPortInUseIsAClearErrorWithExit2() throws {
        let catalog = try Self.copyOfSample()
        let first = try ServeProcess(["serve", catalog, "--port", "0", "--lang", "en", "--standards", repositoryRoot() + "/standards"])
        defer { first.stop() }
        let r = try runZhinan(["serve", catalog, "--port", String(first.port), "--lang", "en", "--standards", repositoryRoot() + "/standards"])
        #expect(r.status == 2)
        #expect(r.stderr == "zhinan: error: port \(first.port) is already in use; choose another with --port (or --port 0 for any free one)\n")
        let zh = try runZhinan(["serve", catalog, "--port", String(first.port), "--lang", "zh", "--standards", repositoryRoot() + "/standards"])
        #expect(zh.status == 2)
        #expect(zh.stderr == "zhinan: error: 端口 \(first.port) 已被占用；请用 --port 换一个端口（或 --port 0 任选空闲端口）\n")
    }

    @Test func aHostOtherThanLoopbackIsWarnedAbout() throws {
        let catalog = try Self.copyOfSample()
        let server = try ServeProcess(["serve", catalog, "--port", "0", "--host", "0.0.0.0", "--lang", "en", "--standards", repositoryRoot() + "/standards"])
        #expect(server.stderr.contains("zhinan: warning: listening on 0.0.0.0: others on the network can see the preview, the internal manuals (/internal/) included\n"))
        #expect(server.stop(signal: SIGTERM) == 0)
    }

    @Test func noCatalogFolderExits2() throws {
        let r = try runZhinan(["serve", "/nonexistent-catalog", "--port", "0", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr == "zhinan: error: no catalog folder at \"/nonexistent-catalog\"\n")
    }
}

/// A running `zhinan serve`, started with `LANG=C`, and plain HTTP/1.1 requests to it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var errText = ""
    private(set) var port = 0

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return errText
    }

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = productsDirectory.appendingPathComponent("zhinan")
        process.arguments = arguments
        process.environment = zhinanEnvironment.merging(environment) { _, new in new }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.errText += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
        // The address line, once the first build is done.
        let found = ServeCommandTests.eventually {
            guard let range = stderr.range(of: "previewing at http://127.0.0.1:") ?? stderr.range(of: "previewing at http://0.0.0.0:") else { return false }
            port = Int(stderr[range.upperBound...].prefix { $0.isNumber }) ?? 0
            return true
        }
        guard found, port > 0 else {
            stop()
            throw ServeStartFailed(stderr: stderr)
        }
    }

    struct ServeStartFailed: Error { var stderr: String }

    /// Stops the server with `signal` and returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGINT) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    func get(_ target: String) throws -> Response { try request("GET", target) }

    /// Sends one request and reads the whole response (the server closes the connection).
    func request(_ method: String, _ target: String) throws -> Response {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServeStartFailed(stderr: "connect failed") }
        let text = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = text.withUnsafeBytes { send(s, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(s, &chunk, chunk.count)
            guard n > 0 else { break }
            bytes += chunk[..<n]
        }
        let all = String(decoding: bytes, as: UTF8.self)
        let parts = all.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
