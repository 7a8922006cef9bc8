import Foundation
import Testing

@testable import Generators

/// Writes the fixture catalog's site, with the item carrying every national element
/// (``Fixtures/nationalCatalog``), to `$ZHINAN_PREVIEW_DIR` (public/ and internal/) for looking
/// at it in a browser or with `Scripts/screenshot.sh`. Does nothing otherwise.
@Suite struct PreviewTests {
    @Test func writePreview() throws {
        guard let dir = ProcessInfo.processInfo.environment["ZHINAN_PREVIEW_DIR"], !dir.isEmpty else { return }
        let generator = try SiteGenerator(catalog: Fixtures.nationalCatalog)
        for (sub, files) in [("public", try generator.publicFiles()), ("internal", try generator.internalFiles())] {
            for file in files {
                let url = URL(fileURLWithPath: dir).appendingPathComponent(sub).appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url)
            }
        }
    }
}
