import Foundation
@testable import Preview
import Testing

/// ``FolderWatcher`` tells what changed, as the catalog's listing names the files.
@Suite struct FolderWatcherTests {
    /// Watches `folder` on a thread of its own and collects what it reports.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var bursts: [FolderChanges] = []

        var all: [FolderChanges] {
            lock.lock()
            defer { lock.unlock() }
            return bursts
        }

        func add(_ changes: FolderChanges) {
            lock.lock()
            bursts.append(changes)
            lock.unlock()
        }

        /// Waits up to 10 s for a burst holding `path`.
        func waitFor(_ path: String) -> FolderChanges? {
            for _ in 0..<1000 {
                if let found = all.first(where: { $0.paths.contains(path) }) { return found }
                usleep(10_000)
            }
            return nil
        }
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhinan-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/items/sub", withIntermediateDirectories: true)
        try "事项名称: 甲\n".write(toFile: path + "/items/sub/a.yaml", atomically: false, encoding: .utf8)
        return path
    }

    @Test(arguments: [false, true]) func aSaveThroughATemporaryFileNamesTheFile(polling: Bool) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A trailing slash, as a person may type it: paths are joined as the listing joins them.
        let watcher = FolderWatcher(folders: [folder + "/"], polling: polling)
        #expect(watcher.usesInotify == !polling)
        let collector = Collector()
        Thread.detachNewThread { watcher.run { collector.add($0) } }
        usleep(polling ? 700_000 : 100_000)
        let file = folder + "/items/sub/a.yaml"
        try "事项名称: 乙\n".write(toFile: file + ".tmp", atomically: false, encoding: .utf8)
        #expect(rename(file + ".tmp", file) == 0)
        let burst = try #require(collector.waitFor(file))
        #expect(burst.isComplete)
        // Polling sees only what is there when it looks; inotify also the temporary file.
        #expect(burst.paths.subtracting([file + ".tmp", folder + "/items/sub"]) == [file])
    }

    @Test func aNewFolderMakesTheBurstIncompleteAndIsWatchedFromThen() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = FolderWatcher(folders: [folder])
        try #require(watcher.usesInotify)
        let collector = Collector()
        Thread.detachNewThread { watcher.run { collector.add($0) } }
        usleep(100_000)
        try FileManager.default.createDirectory(atPath: folder + "/items/new", withIntermediateDirectories: false)
        let made = try #require(collector.waitFor(folder + "/items/new"))
        #expect(!made.isComplete)
        usleep(200_000)
        try "事项名称: 丙\n".write(toFile: folder + "/items/new/c.yaml", atomically: false, encoding: .utf8)
        let written = try #require(collector.waitFor(folder + "/items/new/c.yaml"))
        #expect(written.isComplete)
    }

    /// Polling watches from when the watcher is made: a change before `run` (while the
    /// first build runs) is reported.
    @Test func pollingReportsAChangeMadeBeforeItRuns() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = FolderWatcher(folders: [folder], polling: true)
        usleep(20_000)
        let file = folder + "/items/sub/a.yaml"
        try "事项名称: 丁，加长一些\n".write(toFile: file, atomically: false, encoding: .utf8)
        let collector = Collector()
        Thread.detachNewThread { watcher.run { collector.add($0) } }
        #expect(collector.waitFor(file) != nil)
    }

    /// A folder given through a symbolic link is watched through it, its paths named as given.
    @Test(arguments: [false, true]) func aFolderGivenThroughALinkIsWatched(polling: Bool) throws {
        let folder = try Self.folder()
        let link = folder + "-link"
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: link)
        }
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
        let watcher = FolderWatcher(folders: [link], polling: polling)
        let collector = Collector()
        Thread.detachNewThread { watcher.run { collector.add($0) } }
        usleep(polling ? 700_000 : 100_000)
        try "事项名称: 戊，加长一些\n".write(toFile: folder + "/items/sub/a.yaml", atomically: false, encoding: .utf8)
        #expect(collector.waitFor(link + "/items/sub/a.yaml") != nil)
    }

    @Test func pollingComparesListings() {
        let old = ["/c/a.yaml": [1, 2, 3, 4], "/c/b.yaml": [1, 2, 3, 5], "/c/gone.yaml": [0, 0, 0, 6]]
        let new = ["/c/a.yaml": [1, 2, 3, 4], "/c/b.yaml": [2, 2, 9, 5], "/c/made.yaml": [0, 0, 0, 7]]
        #expect(FolderWatcher.difference(old, new) == FolderChanges(paths: ["/c/b.yaml", "/c/gone.yaml", "/c/made.yaml"], isComplete: true))
    }
}
