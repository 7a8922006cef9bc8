import Foundation

/// How many times slower the code under test runs than a plain debug build: timing limits
/// are multiplied by it. `swift test --sanitize=thread` builds both the tests and the
/// `zhinan` they run with ThreadSanitizer, which slows them 5–15 times.
public let sanitizerSlowdown: Double = {
    let me = dlopen(nil, RTLD_NOW)
    if dlsym(me, "__tsan_init") != nil { return 15 }
    if dlsym(me, "__asan_init") != nil { return 3 }
    return 1
}()

/// Runs `zhinan` as the unprivileged user `nobody` through `setpriv`, so that permission
/// bits apply when the tests run as root. `nil` when that is not possible here.
public func runZhinanUnprivileged(_ arguments: [String]) throws -> RunResult? {
    let setpriv = "/usr/bin/setpriv"
    guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
    return try runProcess(
        setpriv,
        ["--reuid=65534", "--regid=65534", "--clear-groups", productsDirectory.appendingPathComponent("zhinan").path]
            + arguments,
        environment: zhinanEnvironment)
}

/// Whether this process runs as root, where permission bits do not stop reads.
public var isRoot: Bool { geteuid() == 0 }
