import Testing

@testable import Catalog

@Suite struct PathSegmentTests {
    @Test func codesTheProfilesAllowAreKeptAndOthersMadeSafe() {
        #expect(PathSegment.forCode("440100-XK-00012-001") == "440100-XK-00012-001")
        #expect(PathSegment.forCode("社保-01") == "社保-01")
        let weird = PathSegment.forCode("../a/b")
        #expect(!weird.contains("/") && !weird.hasPrefix("."))
        #expect(PathSegment.forCode("a/b") != PathSegment.forCode("a?b"))
        #expect(PathSegment.forCode("a/b") == PathSegment.forCode("a/b"))
        #expect(PathSegment.forCode("") == "-" + PathSegment.fnv1a(""))
    }

    /// A folder name is at most 255 bytes (NAME_MAX): 80 CJK letters were 240 bytes, and
    /// with the hash 257, which no file system takes.
    @Test func aLongCodeMakesAFolderNameOfAtMostAHundredBytes() {
        for letter in ["a", "甲", "\u{20000}"] {
            let code = String(repeating: letter, count: 100)
            let segment = PathSegment.forCode(code)
            #expect(segment.utf8.count <= 100, "\(letter): \(segment.utf8.count) bytes")
            #expect(segment.hasSuffix("-" + PathSegment.fnv1a(code)))
            #expect(segment.hasPrefix(letter))
        }
    }

    @Test func theFolderKeyIsWhatACaseFoldingFileSystemSees() {
        #expect(PathSegment.folderKey("440100-YJS-001") == PathSegment.folderKey("440100-yjs-001"))
        // 한 composed and as jamo: one name on a file system that normalizes (macOS).
        #expect(PathSegment.folderKey("\u{D55C}-1") == PathSegment.folderKey("\u{1112}\u{1161}\u{11AB}-1"))
        #expect(PathSegment.folderKey("440100-YJS-001") != PathSegment.folderKey("440100-YJS-002"))
    }
}
