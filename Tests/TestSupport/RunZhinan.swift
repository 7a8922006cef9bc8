import Foundation

/// What a run of the built `zhinan` binary did.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the process was still running after ``hangGuardSeconds`` and was killed.
    public var hung = false
}

/// How long a process the tests run may take before it is taken to hang and is killed:
/// a guard against waiting forever, far beyond any run's normal time (tests never assert
/// speed; Benchmarks/ measures it).
public let hangGuardSeconds: Double = 120 * sanitizerSlowdown

/// Runs the `zhinan` binary that `swift build` made next to the test bundle, with
/// ``zhinanEnvironment`` and `environment` over it.
public func runZhinan(
    _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
) throws -> RunResult {
    var env = zhinanEnvironment
    for (k, v) in environment { env[k] = v }
    return try runProcess(productsDirectory.appendingPathComponent("zhinan").path, arguments, environment: env, in: directory)
}

/// This process's environment with `NO_COLOR=1` and `LANG=C`, and without
/// `SOURCE_DATE_EPOCH` (a packaging run sets it; it dates the printed pages), as `zhinan`
/// runs in the tests.
public var zhinanEnvironment: [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["LANG"] = "C"
    env["SOURCE_DATE_EPOCH"] = nil
    return env
}

/// Runs `python3` (found on `PATH`) with `arguments`.
public func runPython(_ arguments: [String]) throws -> RunResult {
    try runProcess("/usr/bin/env", ["python3"] + arguments)
}

/// Whether `python3 -c 'import jsonschema'` works here.
public let pythonHasJSONSchema: Bool = (try? runPython(["-c", "import jsonschema"]).status) == 0

/// Whether python3 has jsonschema and PyYAML, which Scripts/validate-schema.py needs.
public let pythonHasJSONSchemaAndYAML: Bool = (try? runPython(["-c", "import jsonschema, yaml"]).status) == 0

/// Runs `executable` with `arguments` and waits for it, reading both of its pipes as it
/// goes so that a large output cannot block it. `environment` nil: this process's. A run
/// that outlasts ``hangGuardSeconds`` is killed (SIGKILL) and reported with `hung` set.
public func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, in directory: String? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let guardTimer = HangGuard(pid: process.processIdentifier)
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
        stderr: String(decoding: errData, as: UTF8.self), hung: guardTimer.finish())
}

/// Kills a process that is still running after ``hangGuardSeconds``.
private final class HangGuard: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var fired = false

    init(pid: Int32) {
        DispatchQueue.global().asyncAfter(deadline: .now() + hangGuardSeconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard !done else { return }
            fired = true
            kill(pid, SIGKILL)
        }
    }

    /// Stops the guard once the process has ended; whether it had to kill it.
    func finish() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        done = true
        return fired
    }
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
