// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "zhinan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zhinan", targets: ["zhinan"]),
        .library(name: "Catalog", targets: ["Catalog"]),
        .library(name: "ZhinanCompiler", targets: ["Compiler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // System libraries, from Debian's libyaml-dev and libxml2-dev.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // zlib's raw inflate, for the ZIP container of .xlsx (import xlsx).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // Source locations, diagnostics, the code registry and renderers.
        .target(name: "Diagnostics"),
        // A strict, positioned YAML tree built from libyaml's events.
        .target(name: "YAMLSyntax", dependencies: ["CYAML", "Diagnostics"]),
        // The standards' machine-readable profiles and their loader.
        .target(name: "Standards", dependencies: ["YAMLSyntax", "Diagnostics"]),
        // The typed catalog: plain Codable value types, no I/O.
        .target(name: "Catalog"),
        // Bind, resolve, check: source trees + profiles -> Catalog + diagnostics.
        .target(
            name: "Compiler",
            dependencies: ["Diagnostics", "YAMLSyntax", "Standards", "Catalog"]
        ),
        // The one escaper for text in HTML and SVG (per UTF-8 byte), for Flowchart and Generators.
        .target(name: "Markup"),
        // The flow graph's layered layout and its SVG.
        .target(name: "Flowchart", dependencies: ["Catalog", "Markup"]),
        // HTML pages, the site and exports, from the typed catalog only.
        .target(
            name: "Generators",
            dependencies: [
                "Catalog", "Flowchart", "Markup", "CLibXML2",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")]
        ),
        // The typed catalog as JSON, XML (validated against its XSD) and SQLite.
        .target(name: "Exports", dependencies: ["Catalog", "Diagnostics", "CLibXML2", "CSQLite"]),
        // What changed between two catalogs, and the figures a centre reports.
        .target(name: "Reports", dependencies: ["Catalog", "Diagnostics", "Markup"]),
        // Atomic directory exchange (renameat2), which Glibc's module does not expose.
        .target(name: "CSystem"),
        // Writes a generated site into OUT atomically; the only part of build that does I/O.
        .target(name: "Publishing", dependencies: ["CSystem"]),
        // `zhinan serve`'s HTTP server, request paths, folder watcher and page additions
        // (hand-written on POSIX sockets and inotify: no SwiftNIO in the build).
        .target(name: "Preview", dependencies: ["Diagnostics", "Markup"]),
        // `zhinan import`: other formats (the national exchange tables as CSV or as an Excel
        // workbook's sheets or item rows; Word guides) read into per-item records, written out as
        // a catalog's YAML. Workbooks: a bounded ZIP reader over zlib, XML by libxml2.
        .target(name: "Import", dependencies: ["Diagnostics", "YAMLSyntax", "Standards", "Compiler", "CZlib", "CLibXML2"]),
        // The command line.
        .executableTarget(
            name: "zhinan",
            dependencies: [
                "Diagnostics", "YAMLSyntax", "Standards", "Catalog", "Compiler",
                "Flowchart", "Generators", "Publishing", "Exports", "Reports", "Preview", "Import",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // libFuzzer target over load → bind → check → generate (Scripts/fuzz.sh builds it
        // with -sanitize=fuzzer,address -DZHINAN_FUZZ); built plainly, it replays saved inputs.
        .executableTarget(name: "ZhinanFuzz", dependencies: ["Compiler", "Diagnostics", "Generators"]),

        // Golden files and running the built binary, shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "YAMLSyntaxTests", dependencies: ["YAMLSyntax", "TestSupport"]),
        .testTarget(name: "StandardsTests", dependencies: ["Standards", "TestSupport"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
        .testTarget(name: "CompilerTests", dependencies: ["Compiler", "Import", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "FlowchartTests", dependencies: ["Flowchart", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "GeneratorsTests", dependencies: ["Generators", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ExportsTests", dependencies: ["Exports", "Compiler", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Compiler", "Markup", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Diagnostics", "TestSupport"]),
        .testTarget(name: "ImportTests", dependencies: ["Import", "Standards", "YAMLSyntax", "TestSupport", "CZlib"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "TestSupport"]),
        .testTarget(name: "zhinanTests", dependencies: ["zhinan", "Import", "TestSupport"], exclude: ["Golden"]),
    ]
)
