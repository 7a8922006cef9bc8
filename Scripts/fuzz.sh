#!/usr/bin/env bash
# Fuzzes load → bind → check → generate with libFuzzer for SECONDS (default 60).
#
#   Scripts/fuzz.sh [SECONDS] [extra libFuzzer options...]
#
# Builds the ZhinanFuzz target with the fuzzer and address sanitizers into .build-fuzz/,
# seeds it from the sample catalogs (each item with its catalog.yaml, joined by a 0xFF byte,
# and the liwan-yichuang items alone) and from Tests/FuzzRegressions/, then runs it. The
# corpus it grows is kept in .build-fuzz/corpus for the next run.
#
# Exit status: 0 when nothing was found; otherwise libFuzzer's, with the input that failed
# written to .build-fuzz/artifacts/. Replay one with a plain build:
#   swift run ZhinanFuzz .build-fuzz/artifacts/crash-…
# then add it under Tests/FuzzRegressions/ (see the README there).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
# Release keeps Swift's overflow and bounds traps and runs several times more inputs a
# second than debug; ZHINAN_FUZZ_CONFIG=debug for better stack traces.
config=${ZHINAN_FUZZ_CONFIG:-release}
scratch=.build-fuzz

# SwiftPM's --sanitize=fuzzer links libFuzzer's main (and keeps the target's own entry point
# out); -Xswiftc -sanitize=fuzzer adds the coverage instrumentation it needs to compile.
swift build -c "$config" --product ZhinanFuzz --scratch-path "$scratch" \
  --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DZHINAN_FUZZ -Xswiftc -parse-as-library
binary="$scratch/$config/ZhinanFuzz"

seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$scratch/corpus" "$scratch/artifacts"
for catalog in catalogs/*/; do
  name=$(basename "$catalog")
  while IFS= read -r -d '' item; do
    base="$seeds/$name-$(echo "${item#"$catalog"items/}" | tr / -)"
    { cat "$catalog/catalog.yaml"; printf '\377'; cat "$item"; } >"$base.with-catalog"
    if [ "$name" = liwan-yichuang ]; then cp "$item" "$base"; fi
  done < <(find "$catalog/items" -name '*.yaml' -print0 | sort -z)
done

# Swift's backtracer would hold a crashing process for its report; libFuzzer's and ASan's
# are the ones wanted here. A single input taking 10 s is reported as a hang.
export SWIFT_BACKTRACE=enable=no
export ZHINAN_REPOSITORY="$PWD"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
exec "$binary" "$scratch/corpus" "$seeds" Tests/FuzzRegressions \
  -dict=Scripts/fuzz.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -artifact_prefix="$scratch/artifacts/" -print_final_stats=1 "$@"
