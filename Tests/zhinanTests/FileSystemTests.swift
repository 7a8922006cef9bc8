import Foundation
import TestSupport
import Testing

/// What the catalog walk does with what a file system can hold besides plain folders and
/// files: links that lead back into the catalog, and paths longer than the system takes.
/// End to end through the binary; a walk that never ends is killed by the hang guard.
@Suite struct FileSystemTests {
    static let sample = repositoryRoot() + "/catalogs/liwan-yichuang/"
    static let catalog = try! String(contentsOfFile: sample + "catalog.yaml", encoding: .utf8)
    static let item = try! String(contentsOfFile: sample + "items/jingying/shipin-jingying-xuke.yaml", encoding: .utf8)
    static let standards = ["--standards", repositoryRoot() + "/standards"]
    /// How many files the standards folder adds to "N files checked": the profiles the
    /// sample follows (GB/T 39554.2, DB44/T 1147, DB44/T 1148 and GB/T 39046 they inherit), not the others
    /// in the folder.
    static let profiles = 4

    /// `zhinan ARGUMENTS`, killed if it still runs after a minute (a hang, not a slow run:
    /// these cases take well under a second). The status of a killed run is 137.
    static func runGuarded(_ arguments: [String]) throws -> RunResult {
        try runProcess(
            "/usr/bin/timeout", ["-s", "KILL", "60", productsDirectory.appendingPathComponent("zhinan").path] + arguments,
            environment: zhinanEnvironment)
    }

    /// `check DIR` in text and JSON: the text output, and the JSON diagnostics as
    /// `CODE@relative/path:line:column`.
    static func check(_ dir: String) throws -> (text: RunResult, found: [String]) {
        let text = try runGuarded(["check", dir, "--lang", "en"] + standards)
        let json = try runGuarded(["check", dir, "--lang", "en", "--format", "json"] + standards)
        #expect(text.status != 137 && json.status != 137, "killed by the hang guard")
        #expect(json.status == text.status)
        let object = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [String: Any]
        let found = (object?["diagnostics"] as? [[String: Any]] ?? []).map { d in
            let path = (d["file"] as? String ?? "").replacingOccurrences(of: dir + "/", with: "")
            return "\(d["code"] as? String ?? "?")@\(path):\(d["line"] as? Int ?? 0):\(d["column"] as? Int ?? 0)"
        }
        return (text, found)
    }

    // MARK: Links to folders already read

    @Test func twoLinksToTheCatalogsParentFolderAreReportedOnceEachAndSkipped() throws {
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/x.yaml": Self.item]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/items/a", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir + "/items/b", withDestinationPath: "..")

        let (r, found) = try Self.check(dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(found == ["ZN117@items/a:1:1", "ZN117@items/b:1:1"])
        #expect(r.stdout.contains("\(dir)/items/a:1:1: warning: the symbolic link leads to a folder already read (the catalog folder); it was not followed [ZN117]"), "\(r.stdout)")

        let build = try Self.runGuarded(["build", dir, "-o", dir + ".site"] + Self.standards)
        defer { try? FileManager.default.removeItem(atPath: dir + ".site") }
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(build.stderr.contains("已生成 1 个事项"), "\(build.stderr)")
    }

    @Test func deeperLoopsAndASiblingLinkReadEachFolderOnce() throws {
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/a/b/c/x.yaml": Self.item]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir + "/items/a/b/c/up", withDestinationPath: "../../..")
        try fm.createSymbolicLink(atPath: dir + "/items/a/b/loop", withDestinationPath: "../b")
        try fm.createSymbolicLink(atPath: dir + "/items/a/b/c/root", withDestinationPath: dir)
        try fm.createSymbolicLink(atPath: dir + "/items/twin", withDestinationPath: "a")
        // A folder reached only through a link is read, once, at the link.
        try fm.createDirectory(atPath: dir + "/.shared", withIntermediateDirectories: true)
        try Self.item.replacingOccurrences(of: "440103-XK-00102-001", with: "440103-XK-00103-001")
            .write(toFile: dir + "/.shared/y.yaml", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: dir + "/items/shared", withDestinationPath: "../.shared")
        try fm.createSymbolicLink(atPath: dir + "/items/shared-again", withDestinationPath: "../.shared")

        let (r, found) = try Self.check(dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(found == [
            "ZN117@items/a/b/c/root:1:1", "ZN117@items/a/b/c/up:1:1", "ZN117@items/a/b/loop:1:1",
            "ZN117@items/shared-again:1:1", "ZN117@items/twin:1:1",
        ])
        #expect(r.stdout.contains("\(dir)/items/a/b/loop:1:1: warning: the symbolic link leads to a folder already read (items/a/b); it was not followed [ZN117]"), "\(r.stdout)")
        #expect(r.stdout.contains("\(dir)/items/shared-again:1:1: warning: the symbolic link leads to a folder already read (items/shared); it was not followed [ZN117]"), "\(r.stdout)")
        // catalog.yaml, x.yaml and y.yaml, each once.
        #expect(r.stdout.hasSuffix("\(Self.profiles + 3) files checked: 0 errors, 5 warnings.\n"), "\(r.stdout)")
    }

    // MARK: Paths longer than PATH_MAX

    /// Makes `depth` nested folders named `name` under `parent`, one relative to the other
    /// (a path this long cannot be given to mkdir), and writes `file` with `text` in the
    /// innermost. Returns the innermost file's path.
    static func deepTree(under parent: String, name: String, depth: Int, file: String, text: String) throws -> String {
        var fd = open(parent, O_RDONLY | O_DIRECTORY)
        try #require(fd >= 0)
        for _ in 0..<depth {
            try #require(mkdirat(fd, name, 0o755) == 0)
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
            close(fd)
            try #require(next >= 0)
            fd = next
        }
        defer { close(fd) }
        let out = openat(fd, file, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(out >= 0)
        let bytes = Array(text.utf8)
        #expect(write(out, bytes, bytes.count) == bytes.count)
        close(out)
        return parent + String(repeating: "/" + name, count: depth) + "/" + file
    }

    @Test func aFileUnderAPathLongerThanPathMaxIsReportedAndTheRestChecked() throws {
        let broken = Self.item.replacingOccurrences(of: "事项名称: 食品经营许可（新办）", with: "事项名称: 123")
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/b.yaml": broken]))
        defer { _ = try? runProcess("/bin/rm", ["-rf", dir]) }
        let name = String(repeating: "d", count: 200)
        let deep = try Self.deepTree(under: dir + "/items", name: name, depth: 25, file: "deep.yaml", text: Self.item)
        let shallow = try Self.deepTree(under: dir + "/items", name: "e", depth: 2, file: "ok.yaml",
                                        text: Self.item.replacingOccurrences(of: "440103-XK-00102-001", with: "440103-XK-00103-001"))
        #expect(deep.utf8.count > 5_000 && shallow.utf8.count < 500)

        let (r, found) = try Self.check(dir)
        #expect(r.status == 1, "\(r.stdout.suffix(3000))\(r.stderr)")
        // Reported once, at the first folder whose path is too long; deep.yaml is not read.
        let folder = Self.firstTooLong(dir + "/items", name: name)
        let relative = folder.replacingOccurrences(of: dir + "/", with: "")
        #expect(found == ["ZN411@items/b.yaml:1:7", "ZN118@\(relative):1:1"], "\(found.map { $0.prefix(300) })")
        #expect(r.stdout.contains("\(folder):1:1: error: the path is \(folder.utf8.count) bytes long, longer than the system allows (4095); the folder and what it holds were not read [ZN118]"), "\(r.stdout.suffix(3000))")
        // catalog.yaml, b.yaml and ok.yaml; not deep.yaml.
        #expect(r.stdout.hasSuffix("\(Self.profiles + 3) files checked: 2 errors, 0 warnings.\n"), "\(r.stdout.suffix(300))")
    }

    /// The path of the first of the folders `name/name/…` under `parent` that is too long
    /// for the system (PATH_MAX bytes or more).
    static func firstTooLong(_ parent: String, name: String) -> String {
        var path = parent
        while path.utf8.count < PATH_MAX { path += "/" + name }
        return path
    }

    @Test func tenThousandNestedFoldersAreWalkedOnceAndReportedWhereThePathGetsTooLong() throws {
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/x.yaml": Self.item]))
        defer { _ = try? runProcess("/bin/rm", ["-rf", dir]) }
        _ = try Self.deepTree(under: dir + "/items", name: "a", depth: 10_000, file: "x.yaml", text: Self.item)

        let (r, found) = try Self.check(dir)
        #expect(r.status == 1, "\(r.stdout.suffix(3000))\(r.stderr)")
        let folder = Self.firstTooLong(dir + "/items", name: "a")
        let relative = folder.replacingOccurrences(of: dir + "/", with: "")
        #expect(found == ["ZN118@\(relative):1:1"], "\(found.map { $0.prefix(300) })")
        #expect(r.stdout.contains("\(folder):1:1: error: the path is \(folder.utf8.count) bytes long, longer than the system allows (4095); the folder and what it holds were not read [ZN118]"), "\(r.stdout.suffix(3000))")
        #expect(r.stdout.hasSuffix("\(Self.profiles + 2) files checked: 1 error, 0 warnings.\n"), "\(r.stdout.suffix(300))")
    }

    // MARK: Links that lead nowhere

    @Test func loopsOfLinksAndLinksToNothingAreReportedOnceAtTheLink() throws {
        let dir = try makeFolder(.text(["catalog.yaml": Self.catalog, "items/x.yaml": Self.item]))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        for (link, target) in [
            ("self", "self"), ("la", "lb"), ("lb", "la"), ("self.yaml", "self.yaml"),
            ("la.yaml", "lb.yaml"), ("lb.yaml", "la.yaml"), ("dang.yaml", "nowhere.yaml"), ("dang", "nowhere"),
        ] {
            try fm.createSymbolicLink(atPath: dir + "/items/" + link, withDestinationPath: target)
        }

        let (r, found) = try Self.check(dir)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(found == [
            "ZN115@items/dang.yaml:1:1", "ZN117@items/la:1:1", "ZN115@items/la.yaml:1:1", "ZN117@items/lb:1:1",
            "ZN115@items/lb.yaml:1:1", "ZN117@items/self:1:1", "ZN115@items/self.yaml:1:1",
        ])
        #expect(r.stdout.contains("\(dir)/items/self:1:1: warning: the symbolic link is a loop of links (it leads back to itself); it was not followed [ZN117]"), "\(r.stdout)")
        #expect(r.stdout.contains("\(dir)/items/la.yaml:1:1: error: the symbolic link is a loop of links (it leads back to itself); the file was not read [ZN115]"), "\(r.stdout)")
        #expect(r.stdout.contains("\(dir)/items/dang.yaml:1:1: error: the symbolic link leads to nothing (\"nowhere.yaml\" does not exist); the file was not read [ZN115]"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("\(Self.profiles + 2) files checked: 4 errors, 3 warnings.\n"), "\(r.stdout)")

        let zh = try Self.runGuarded(["check", dir, "--lang", "zh"] + Self.standards)
        #expect(zh.stdout.contains("\(dir)/items/self:1:1: warning: 符号链接形成循环（最终指回自身），未跟随 [ZN117]"), "\(zh.stdout)")
        #expect(zh.stdout.contains("\(dir)/items/dang.yaml:1:1: error: 符号链接指向不存在的目标（“nowhere.yaml”），未读取该文件 [ZN115]"), "\(zh.stdout)")
    }
}
