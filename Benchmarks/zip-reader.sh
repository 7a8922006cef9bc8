#!/usr/bin/env bash
# Measures the ZIP reader of `zhinan import xlsx` (Sources/Import/ZIPArchive.swift over the
# system's zlib) against the well-kept library it stands in for, weichsel/ZIPFoundation
# 0.9.20 from the package mirror, in one run: what each costs a clean CI build (debug, as
# `.ci/run` builds), and how long each takes to inflate every entry of one large workbook.
# Not a test: nothing here runs in `swift test`. BENCHMARKS.md quotes the figures.
#
#   Benchmarks/zip-reader.sh            (work folder: $BENCH_DIR, default /tmp/zhinan-zip)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH_DIR=${BENCH_DIR:-/tmp/zhinan-zip}
rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR"
P=$BENCH_DIR/pkg
mkdir -p "$P/Sources/CZlib" "$P/Sources/Ours" "$P/Sources/Library"
cp Sources/CZlib/module.modulemap Sources/CZlib/shim.h "$P/Sources/CZlib/"
cp Sources/Import/ZIPArchive.swift "$P/Sources/Ours/"
cat > "$P/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "zipbench",
    dependencies: [.package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20")],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .executableTarget(name: "Ours", dependencies: ["CZlib"], path: "Sources/Ours"),
        .executableTarget(name: "Library", dependencies: ["ZIPFoundation"], path: "Sources/Library"),
    ])
SWIFT
cat > "$P/Sources/Ours/main.swift" <<'SWIFT'
import Foundation
let bytes = [UInt8](FileManager.default.contents(atPath: CommandLine.arguments[1])!)
var limits = ZIPLimits()
limits.maxTotalBytes = Int.max; limits.maxEntryBytes = Int.max
var archive = try ZIPArchive(bytes, limits: limits)
var total = 0
for name in archive.entries.keys.sorted() { total += try archive.read(name)!.count }
print(total)
SWIFT
cat > "$P/Sources/Library/main.swift" <<'SWIFT'
import Foundation
import ZIPFoundation
let archive = try Archive(url: URL(fileURLWithPath: CommandLine.arguments[1]), accessMode: .read)
var total = 0
for entry in archive.sorted(by: { $0.path < $1.path }) {
    _ = try archive.extract(entry, consumer: { total += $0.count })
}
print(total)
SWIFT
# A workbook's worth of sheet XML: 200,000 rows of five cells, deflated, as Excel writes it.
python3 - "$BENCH_DIR/big.xlsx" <<'PY'
import sys, zipfile
rows = ''.join(f'<row r="{r}"><c r="A{r}" t="s"><v>{r % 977}</v></c><c r="B{r}"><v>{r}</v></c>'
               f'<c r="C{r}" t="inlineStr"><is><t>事项{r}·申请材料</t></is></c><c r="D{r}"><v>{r * 0.5}</v></c>'
               f'<c r="E{r}" t="s"><v>{r % 13}</v></c></row>' for r in range(1, 200001))
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('xl/workbook.xml', '<workbook/>')
    z.writestr('xl/sharedStrings.xml', '<sst>' + ''.join(f'<si><t>字符串{i}</t></si>' for i in range(977)) + '</sst>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + rows + '</sheetData></worksheet>')
PY
echo "workbook: $(stat -c %s "$BENCH_DIR/big.xlsx") bytes compressed"
cd "$P"
swift package resolve >/dev/null 2>&1
for target in Ours Library; do
    rm -rf .build/debug .build/x86_64-unknown-linux-gnu/debug .build/aarch64-unknown-linux-gnu/debug
    start=$(date +%s.%N)
    swift build --product "$target" >/dev/null 2>&1
    end=$(date +%s.%N)
    printf 'clean debug build of %s (what CI adds): %.1f s\n' "$target" "$(echo "$end - $start" | bc)"
done
swift build -c release >/dev/null 2>&1
for target in Ours Library; do
    best=
    for i in 1 2 3; do
        start=$(date +%s.%N)
        out=$(.build/release/$target "$BENCH_DIR/big.xlsx")
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc)
        if [[ -z $best ]] || (( $(echo "$t < $best" | bc) )); then best=$t; fi
    done
    printf 'inflate every entry, %s (release, best of 3): %.3f s, %s bytes\n' "$target" "$best" "$out"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
