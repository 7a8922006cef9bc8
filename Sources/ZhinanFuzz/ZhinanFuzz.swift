import Foundation

// Two builds of one target:
//
// - `Scripts/fuzz.sh` builds it with `-sanitize=fuzzer,address -DZHINAN_FUZZ`: libFuzzer
//   supplies `main` and calls `LLVMFuzzerTestOneInput` with each input it makes.
// - A plain `swift build` makes a replayer: `ZhinanFuzz FILE...` runs saved inputs (crash
//   files, the regression inputs under Tests/FuzzRegressions) through the same pipeline.

#if ZHINAN_FUZZ

nonisolated(unsafe) private var pipeline: FuzzPipeline? = nil

@_cdecl("LLVMFuzzerTestOneInput")
public func zhinanFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if pipeline == nil {
        pipeline = FuzzPipeline(repository: FuzzPipeline.defaultRepository())
        // libFuzzer ends with exit(), which skips deinit: remove the scratch folder then.
        atexit { pipeline = nil }
    }
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    pipeline!.run(input)
    return 0
}

#else

@main
enum ZhinanFuzz {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--" { arguments.removeFirst() }
        guard !arguments.isEmpty, !arguments[0].hasPrefix("-") else { usage() }
        let pipeline = FuzzPipeline(repository: FuzzPipeline.defaultRepository())
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("ZhinanFuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            let start = Date()
            let count = pipeline.run([UInt8](data))
            print(String(format: "%@: %d diagnostics, %.2f s", path, count, Date().timeIntervalSince(start)))
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: ZhinanFuzz FILE...  (runs saved fuzz inputs through the pipeline)\n".utf8))
        exit(2)
    }
}

#endif
