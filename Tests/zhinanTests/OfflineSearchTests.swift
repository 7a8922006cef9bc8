import Foundation
import TestSupport
import Testing

/// The index of a built sample opened from file:// in headless Chromium (a kiosk, a USB
/// copy): the page's own example query finds items. Skipped where no Chromium is installed
/// (CI installs it; Scripts/site-check.py runs the same and more).
@Suite struct OfflineSearchTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "needs Chromium"))
    func indexFromDiskFindsTheExampleQuery() throws {
        let folder = try makeFolder([:])
        let out = folder + "/site"
        let build = try runZhinan(["build", "catalogs/liwan-yichuang", "-o", out], in: repositoryRoot())
        #expect(build.status == 0, "\(build.stderr)")
        for (query, expected) in [("营业执照", "找到 4 个事项"), ("食品 许可", "找到 2 个事项")] {
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
            let r = try runProcess(
                try #require(Self.chromium),
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder)/profile",
                    "--virtual-time-budget=5000", "--dump-dom", "file://\(out)/public/index.html?q=\(encoded)",
                ])
            #expect(r.stdout.contains("<p id=\"search-status\" class=\"note\" aria-live=\"polite\">\(expected)</p>"), "\(query): \(r.stdout.suffix(2000))")
            #expect(r.stdout.contains("<li><a href=\"items/"), "\(query)")
        }
    }
}
