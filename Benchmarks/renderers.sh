#!/usr/bin/env bash
# Cold builds of one catalog with OUT in tmpfs, rendered by the fast renderer and by
# swift-mustache alone, alternating, in one run. Prints both medians and their ratio.
#
#   Benchmarks/renderers.sh [ROUNDS]      (default 5 rounds; each round runs both once)
#
# Environment: BENCH_DIR (work folder, default /tmp/zhinan-bench; the catalog is made there
# once and kept, as Benchmarks/run.sh makes it), N (items, default 10000), ZHINAN (the
# binary, default a release build of this checkout), ZHINAN_STANDARDS (default this
# checkout's standards/). ZHINAN_RENDERER=swift-mustache is
# how `zhinan build` is told to render every page with swift-mustache.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source Benchmarks/catalog.sh
ROUNDS=${1:-5}
N=${N:-10000}
BENCH_DIR=${BENCH_DIR:-/tmp/zhinan-bench}
export ZHINAN_STANDARDS=${ZHINAN_STANDARDS:-$ROOT/standards}
mkdir -p "$BENCH_DIR"
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)"; exit 2; }

if [[ -z "${ZHINAN:-}" ]]; then
    echo "== building zhinan (release)"
    swift build -c release --product zhinan 2>&1 | tail -1
    ZHINAN=$ROOT/.build/release/zhinan
fi
CAT=$BENCH_DIR/catalog-$N
bench_catalog "$N"
SHM=/dev/shm/zhinan-renderers-$$
RESULTS=$BENCH_DIR/renderers-$N
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
trap 'rm -rf "$SHM" "$SHM.fast" "$SHM.mustache"' EXIT

echo "== the two renderers make the same files"
"$ZHINAN" build "$CAT" -o "$SHM.fast" 2>/dev/null
ZHINAN_RENDERER=swift-mustache "$ZHINAN" build "$CAT" -o "$SHM.mustache" 2>/dev/null
diff -r -q -x .zhinan-cache "$SHM.fast" "$SHM.mustache" && echo "identical"
rm -rf "$SHM.fast" "$SHM.mustache"

echo "== $ROUNDS rounds of: fast, swift-mustache (cold build, OUT in tmpfs)"
cut -d' ' -f1-3 /proc/loadavg > "$RESULTS/load-before"
for ((i = 1; i <= ROUNDS; i++)); do
    hyperfine --runs 1 --prepare "rm -rf $SHM" --export-json "$RESULTS/round-$i.json" \
        -n fast "$ZHINAN build $CAT -o $SHM" \
        -n swift-mustache "env ZHINAN_RENDERER=swift-mustache $ZHINAN build $CAT -o $SHM" >/dev/null
done
cut -d' ' -f1-3 /proc/loadavg > "$RESULTS/load-after"

python3 - "$RESULTS" "$ROUNDS" <<'PY'
import json, statistics, sys
results, rounds = sys.argv[1], int(sys.argv[2])
times = {"fast": [], "swift-mustache": []}
cpu = {"fast": [], "swift-mustache": []}
for i in range(1, rounds + 1):
    for r in json.load(open(f"{results}/round-{i}.json"))["results"]:
        times[r["command"]].append(r["times"][0])
        cpu[r["command"]].append(r["user"] + r["system"])
for name in times:
    t = times[name]
    print(f"{name:15} median {statistics.median(t):6.2f} s  (min {min(t):.2f}, max {max(t):.2f}; "
          f"CPU median {statistics.median(cpu[name]):.2f} s)  runs: " + " ".join(f"{x:.2f}" for x in t))
f, m = statistics.median(times["fast"]), statistics.median(times["swift-mustache"])
fc, mc = statistics.median(cpu["fast"]), statistics.median(cpu["swift-mustache"])
print(f"swift-mustache / fast: {m / f:.2f}x wall, {mc / fc:.2f}x CPU")
print("load before: " + open(f"{results}/load-before").read().strip() + "; after: " + open(f"{results}/load-after").read().strip())
PY
