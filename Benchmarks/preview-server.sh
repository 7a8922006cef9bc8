#!/usr/bin/env bash
# What Hummingbird 2 would cost every CI run, against the hand-written preview server
# (Sources/Preview) that `zhinan serve` uses. Both are clean debug builds on this machine,
# measured in one run, so the ratio is what matters, not the seconds.
#
#   Benchmarks/preview-server.sh            # prints both times and the ratio
#
# The Hummingbird package is the smallest server that does what serve needs (GET, HEAD, one
# text/event-stream response); its dependencies (swift-nio, swift-log, swift-metrics,
# swift-service-lifecycle, swift-async-algorithms, swift-http-types, swift-collections …) come
# from the package mirror like zhinan's own.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/hb/Sources/hb"
cat > "$work/hb/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "hb",
    platforms: [.macOS(.v14)],
    dependencies: [.package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1")],
    targets: [.executableTarget(name: "hb", dependencies: [.product(name: "Hummingbird", package: "hummingbird")])]
)
SWIFT
cat > "$work/hb/Sources/hb/main.swift" <<'SWIFT'
import Hummingbird
let router = Router()
router.get("/") { _, _ in "ok" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
try await app.runService()
SWIFT

git clone -q "$root" "$work/zn"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }

(cd "$work/hb" && swift package resolve >/dev/null 2>&1)
(cd "$work/zn" && swift package resolve >/dev/null 2>&1)
hb=$(cd "$work/hb" && seconds swift build)
preview=$(cd "$work/zn" && seconds swift build --target Preview)
whole=$(cd "$work/zn" && seconds swift build)
printf 'clean debug build, load %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  hello-world Hummingbird 2.28.1 server: %6.1f s\n' "$hb"
printf '  zhinan Preview target (hand-written):  %6.1f s\n' "$preview"
printf '  the rest of zhinan after it:           %6.1f s\n' "$whole"
printf '  Hummingbird / Preview: %.1f×; Hummingbird / whole zhinan build: %.2f×\n' \
    "$(echo "$hb / $preview" | bc -l)" "$(echo "$hb / ($preview + $whole)" | bc -l)"
