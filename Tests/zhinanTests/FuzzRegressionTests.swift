import Foundation
import TestSupport
import Testing

/// Every input under Tests/FuzzRegressions (crashes and hangs found by Scripts/fuzz.sh or by
/// hand, in the fuzz target's format) through the built binary: `check`, and `build` when
/// the check passes. Each must end with exit status 0 or 1, nothing on standard error, in
/// bounded time.
@Suite struct FuzzRegressionTests {
    static let folder = repositoryRoot() + "/Tests/FuzzRegressions"

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test func thereAreInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func runsThroughThePipeline(name: String) throws {
        let input = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name)))
        // As the fuzz target splits it: catalog.yaml, 0xFF, the item; or an item alone.
        let catalog: [UInt8], item: [UInt8]
        if let i = input.firstIndex(of: 0xFF) {
            (catalog, item) = (Array(input[..<i]), Array(input[(i + 1)...]))
        } else {
            catalog = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryRoot() + "/catalogs/liwan-yichuang/catalog.yaml")))
            item = input
        }
        let dir = try makeFolder(["catalog.yaml": catalog, "items/a.yaml": item])
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: dir + "-site")
        }
        let standards = ["--standards", repositoryRoot() + "/standards"]
        let check = try runZhinan(["check", dir] + standards)
        #expect(!check.hung, "hung")
        #expect(check.status == 0 || check.status == 1, "exit status \(check.status)\n\(check.stderr.suffix(3000))")
        #expect(check.stderr.isEmpty, "\(check.stderr.suffix(3000))")
        guard check.status == 0 else { return }
        let build = try runZhinan(["build", dir, "-o", dir + "-site"] + standards)
        #expect(!build.hung, "hung")
        #expect(build.status == 0, "exit status \(build.status)\n\(build.stderr.suffix(3000))")
    }
}
