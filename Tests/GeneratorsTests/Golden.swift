import Foundation
import Testing

/// Golden files live in `Golden/` next to this file. `ZHINAN_RECORD_GOLDENS=1` writes them
/// instead of comparing; otherwise output must match them byte for byte.
enum Golden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static var isRecording: Bool { ProcessInfo.processInfo.environment["ZHINAN_RECORD_GOLDENS"] == "1" }

    static func check(_ bytes: [UInt8], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; run with ZHINAN_RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        if Array(expected) != bytes {
            let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let b = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let want = line < a.count ? String(a[line]) : "<end of file>"
            let got = line < b.count ? String(b[line]) : "<end of file>"
            Issue.record(
                "\(name) differs from its golden file at line \(line + 1)\n  golden: \(want)\n  output: \(got)\nre-record with ZHINAN_RECORD_GOLDENS=1 if the change is intended",
                sourceLocation: sourceLocation)
        }
    }
}
