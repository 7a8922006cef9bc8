#!/usr/bin/env bash
# Times zhinan on hostile catalogs: what the hostile-input tests check for behaviour only
# (exit status, codes, places) is measured here for time and peak memory. Not a test:
# nothing here runs in `swift test`, and nothing here passes or fails.
#
#   Benchmarks/hostile.sh [ZHINAN]    (default: a release build made here)
#
# Environment: BENCH_DIR (work folder, default /tmp/zhinan-hostile; the catalogs are made
# there once by Benchmarks/hostile_inputs.py and kept).
#
# Prints one Markdown table row a case: wall time and peak resident memory (GNU time),
# exit status, and the bytes written to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH_DIR=${BENCH_DIR:-/tmp/zhinan-hostile}
mkdir -p "$BENCH_DIR"
[[ -x /usr/bin/time ]] || { echo "GNU time is needed (apt-get install time)"; exit 2; }

if [[ $# -ge 1 ]]; then
    ZHINAN=$1
else
    swift build -c release --product zhinan 2>&1 | tail -1
    ZHINAN=$ROOT/.build/release/zhinan
fi
python3 Benchmarks/hostile_inputs.py "$BENCH_DIR" >/dev/null
STANDARDS=(--standards "$ROOT/standards")

echo "| case | command | wall | peak memory | exit | output |"
echo "|---|---|---:|---:|---:|---:|"
run() {  # run NAME ARGS...: one row
    local name=$1; shift
    local out=$BENCH_DIR/out.txt times=$BENCH_DIR/time.txt status=0
    /usr/bin/time -v "$ZHINAN" "$@" > "$out" 2> "$times" || status=$?
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$times")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$times")
    printf '| %s | %s | %s | %s | %s | %s bytes |\n' "$name" "$*" "$wall" "$rss" "$status" "$(stat -c %s "$out")" \
        | sed "s|$BENCH_DIR/||g; s|$ROOT/||g"
}
for c in ten-thousand-materials unknown-steps eight-thousand-branches forty-questions; do
    run "$c" check "$BENCH_DIR/$c" "${STANDARDS[@]}"
    run "$c" check "$BENCH_DIR/$c" "${STANDARDS[@]}" --format json
done
rm -rf "$BENCH_DIR/ring-site"
run thousand-step-ring build "$BENCH_DIR/thousand-step-ring" -o "$BENCH_DIR/ring-site" "${STANDARDS[@]}"
rm -rf "$BENCH_DIR/ring-site"
run alias-bomb check "$BENCH_DIR/alias-bomb"
for c in unknown-keys-600k bad-files-100k; do
    for format in text json sarif; do
        run "$c" check "$BENCH_DIR/$c" "${STANDARDS[@]}" --format $format
    done
    run "$c" check "$BENCH_DIR/$c" "${STANDARDS[@]}" --max-diagnostics 0
done
