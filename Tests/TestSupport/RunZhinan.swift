import Foundation

/// What a run of the built `zhinan` binary did.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the `zhinan` binary that `swift build` made next to the test bundle.
public func runZhinan(
    _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("zhinan")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["LANG"] = "C"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// The folder `swift build` writes products to.
public var productsDirectory: URL {
    let bundle = Bundle.main.bundleURL
    return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
}

/// A fresh temporary folder holding `files` (relative path → contents).
public func makeFolder(_ files: [String: [UInt8]]) throws -> String {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("zhinan-test-\(UUID().uuidString)")
    for (path, bytes) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root.path
}

extension Dictionary where Key == String, Value == [UInt8] {
    /// Files given as UTF-8 text.
    public static func text(_ files: [String: String]) -> [String: [UInt8]] {
        files.mapValues { Array($0.utf8) }
    }
}
