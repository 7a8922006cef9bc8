import Foundation
import Testing

/// Compares `actual` with the golden file at `path`; with `ZHINAN_RECORD_GOLDENS=1` in the
/// environment, writes it instead. Golden files are never edited by hand.
public func expectGolden(
    _ actual: String, file path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectGolden(Array(actual.utf8), file: path, sourceLocation: sourceLocation)
}

/// ``expectGolden(_:file:sourceLocation:)`` for bytes.
public func expectGolden(
    _ actual: [UInt8], file path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let url = URL(fileURLWithPath: path)
    if ProcessInfo.processInfo.environment["ZHINAN_RECORD_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual).write(to: url)
        return
    }
    guard let expected = FileManager.default.contents(atPath: path) else {
        Issue.record(
            "no golden file at \(path); record it with ZHINAN_RECORD_GOLDENS=1",
            sourceLocation: sourceLocation)
        return
    }
    if Array(expected) != actual {
        let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record(
            """
            output differs from \(url.lastPathComponent) at line \(line + 1):
              golden: \(line < a.count ? String(a[line]) : "<end>")
              actual: \(line < b.count ? String(b[line]) : "<end>")
            re-record with ZHINAN_RECORD_GOLDENS=1 if the change is intended
            """, sourceLocation: sourceLocation)
    }
}

/// The folder holding `filePath`, for fixtures and goldens kept next to a test.
public func folder(of filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().path
}

/// The repository's root, for the sample catalogs and standards.
public func repositoryRoot(_ filePath: String = #filePath) -> String {
    var url = URL(fileURLWithPath: filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url.path
        }
    }
    fatalError("no Package.swift above \(filePath)")
}
