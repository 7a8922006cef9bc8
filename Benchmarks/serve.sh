#!/usr/bin/env bash
# Benchmarks `zhinan serve`: from saving one item to the reloaded page showing it, and to the
# whole rebuild, at 1,000 and 10,000 items (EDITS edits of 受理范围 each, then of 事项名称,
# which other items' pages show too, then of 受理范围 saved again as soon as the page shows), and the server's memory over RSS_EDITS edits of the 1,000-item catalog. Results go to $BENCH_DIR/serve-results.txt; BENCHMARKS.md quotes them.
# Not a test: nothing here runs in `swift test`.
#
# Environment: BENCH_DIR (default /tmp/zhinan-bench; catalogs from Benchmarks/gen_catalog.py
# are made there once and kept), EDITS (latency edits per size, default 20), RSS_EDITS
# (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/catalog.sh
BENCH_DIR=${BENCH_DIR:-/tmp/zhinan-bench}
EDITS=${EDITS:-20}
RSS_EDITS=${RSS_EDITS:-1000}
mkdir -p "$BENCH_DIR"
swift build -c release --product zhinan >/dev/null
ZHINAN=$PWD/.build/release/zhinan
OUT=$BENCH_DIR/serve-results.txt
: > "$OUT"
for n in 1000 10000; do
    bench_catalog "$n"
    rm -rf "$BENCH_DIR/serve-copy" && cp -a "$BENCH_DIR/catalog-$n" "$BENCH_DIR/serve-copy"
    for field in 受理范围 事项名称; do
        echo "== $n items, $EDITS edits of $field" | tee -a "$OUT"
        python3 Benchmarks/serve_latency.py "$ZHINAN" "$BENCH_DIR/serve-copy" "$PWD/standards" "$EDITS" --field "$field" | tee -a "$OUT"
    done
    echo "== $n items, $EDITS edits of 受理范围, back to back" | tee -a "$OUT"
    python3 Benchmarks/serve_latency.py "$ZHINAN" "$BENCH_DIR/serve-copy" "$PWD/standards" "$EDITS" --back-to-back | tee -a "$OUT"
done
rm -rf "$BENCH_DIR/serve-copy" && cp -a "$BENCH_DIR/catalog-1000" "$BENCH_DIR/serve-copy"
echo "== 1000 items, $RSS_EDITS edits, RSS" | tee -a "$OUT"
python3 Benchmarks/serve_latency.py "$ZHINAN" "$BENCH_DIR/serve-copy" "$PWD/standards" "$RSS_EDITS" --rss-every 100 | tee -a "$OUT"
rm -rf "$BENCH_DIR/serve-copy"
