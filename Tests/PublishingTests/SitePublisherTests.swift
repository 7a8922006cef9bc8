import Foundation
import Publishing
import TestSupport
import Testing

@Suite struct SitePublisherTests {
    func tree(_ root: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root) else { return [:] }
        while let p = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                out[p] = try String(contentsOfFile: root + "/" + p, encoding: .utf8)
            }
        }
        return out
    }

    func file(_ path: String, _ text: String) -> PublishedFile { PublishedFile(path: path, contents: Array(text.utf8)) }

    @Test func publishesAndReplacesWholly() throws {
        let parent = try makeFolder([:])
        let out = parent + "/site"
        try SitePublisher(destination: out).publish([file("public/index.html", "一"), file("public/items/a/index.html", "甲")])
        #expect(try tree(out) == ["public/index.html": "一", "public/items/a/index.html": "甲", ".zhinan-output": "zhinan site\n"])
        try SitePublisher(destination: out).publish([file("public/index.html", "二")])
        #expect(try tree(out) == ["public/index.html": "二", ".zhinan-output": "zhinan site\n"])
        // Nothing is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }

    /// The destination is where the system takes the path, as for every other tool: a `..`
    /// after a link goes up from where the link leads, not back over the link's name.
    @Test func aDotDotAfterALinkGoesUpFromWhereTheLinkLeads() throws {
        let parent = try makeFolder(.text(["deep/er/keep.txt": "x"]))
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createSymbolicLink(atPath: parent + "/link", withDestinationPath: "deep/er")
        try SitePublisher(destination: parent + "/link/../site").publish([file("public/index.html", "一")])
        #expect(try tree(parent + "/deep/site") == ["public/index.html": "一", ".zhinan-output": "zhinan site\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["deep", "link"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/deep").sorted() == ["er", "site"])
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let parent = try makeFolder(.text(["site/notes.txt": "mine"]))
        let out = parent + "/site"
        #expect(throws: PublishError.foreignFolder(path: out, examples: ["notes.txt"])) {
            try SitePublisher(destination: out).publish([file("public/index.html", "x")])
        }
        #expect(try tree(out) == ["notes.txt": "mine"])
        try SitePublisher(destination: out, force: true).publish([file("public/index.html", "x")])
        #expect(try tree(out)["notes.txt"] == nil)
    }

    /// A site and the national tables are different outputs: neither replaces the other
    /// without `force`. A marker written before kinds were named is read from the folder.
    @Test func refusesAnotherKindOfOutput() throws {
        let parent = try makeFolder([:])
        let out = parent + "/out"
        try SitePublisher(destination: out).publish([file("public/index.html", "站")])
        #expect(throws: PublishError.otherKind(path: out, found: .site, wanted: .nationalTables)) {
            try SitePublisher(destination: out, kind: .nationalTables).publish([file("task_general_basic.csv", "表")])
        }
        #expect(try tree(out) == ["public/index.html": "站", ".zhinan-output": "zhinan site\n"])
        try SitePublisher(destination: out, force: true, kind: .nationalTables).publish([file("task_general_basic.csv", "表")])
        #expect(try tree(out) == ["task_general_basic.csv": "表", ".zhinan-output": "zhinan national-tables\n"])
        #expect(throws: PublishError.otherKind(path: out, found: .nationalTables, wanted: .site)) {
            try SitePublisher(destination: out).publish([file("public/index.html", "站")])
        }

        let old = try makeFolder(.text([
            "site/.zhinan-output": "zhinan\n", "site/public/index.html": "旧",
            "tables/.zhinan-output": "zhinan\n", "tables/task_general_basic.csv": "旧",
        ]))
        try SitePublisher(destination: old + "/site").publish([file("public/index.html", "新")])
        try SitePublisher(destination: old + "/tables", kind: .nationalTables).publish([file("task_general_basic.csv", "新")])
        #expect(throws: PublishError.otherKind(path: old + "/tables", found: .nationalTables, wanted: .site)) {
            try SitePublisher(destination: old + "/tables").publish([])
        }
    }

    @Test func refusesAFileAndUnsafePaths() throws {
        let parent = try makeFolder(.text(["site": "a file"]))
        #expect(throws: PublishError.notAFolder(parent + "/site")) {
            try SitePublisher(destination: parent + "/site").publish([])
        }
        let other = try makeFolder([:]) + "/out"
        #expect(throws: PublishError.unsafePath("../escape.html")) {
            try SitePublisher(destination: other).publish([file("../escape.html", "x")])
        }
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    @Test func leftoversOfAKilledBuildAreRemovedAndTheOldOutputIsWhole() throws {
        let parent = try makeFolder(.text([
            "site/.zhinan-output": "zhinan\n", "site/public/index.html": "旧",
            ".site.zhinan-staging-12345/public/index.html": "half",
            ".site.zhinan-staging-notmine/keep.txt": "keep",
        ]))
        try SitePublisher(destination: parent + "/site").publish([file("public/index.html", "新")])
        #expect(try tree(parent + "/site")["public/index.html"] == "新")
        let left = try FileManager.default.contentsOfDirectory(atPath: parent).sorted()
        #expect(left == [".site.zhinan-staging-notmine", "site"])
    }
}
