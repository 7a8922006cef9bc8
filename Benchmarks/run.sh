#!/usr/bin/env bash
# Benchmarks zhinan against its floor and its alternative, and writes BENCHMARKS.md.
#
#   Benchmarks/run.sh            catalogs of 1,000 and 10,000 items
#   Benchmarks/run.sh --large    and of 100,000 items
#
# Environment: BENCH_DIR (work folder, default /tmp/zhinan-bench; catalogs are made there
# once and kept), RUNS (hyperfine runs of the fast commands, default 10), SCHEMA_RUNS
# (runs of check-jsonschema, default 2), BUILD_RUNS (cold builds, default 3), SIZES (the
# item counts, default "1000 10000").
#
# For each catalog size, on the same files and in one run: libyaml's event parser in C over
# every file, one thread (the floor); zhinan check; check-jsonschema against `zhinan schema`;
# zhinan build from nothing and again with nothing changed; peak memory of check and
# build; and, for reference, the time to write the same output tree with `cp -a`.
# Medians are hyperfine's. Benchmarks are not tests: nothing here runs in `swift test`.
# Benchmarks/renderers.sh compares the fast renderer with swift-mustache alone (NOTES.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source Benchmarks/catalog.sh

read -r -a SIZES <<< "${SIZES:-1000 10000}"
REPORT_ONLY=false
for arg in "$@"; do
    case "$arg" in
        --large) SIZES+=(100000) ;;
        --report) REPORT_ONLY=true ;;  # only rewrite BENCHMARKS.md from the last run's results
        *) echo "usage: Benchmarks/run.sh [--large] [--report]"; exit 2 ;;
    esac
done
BENCH_DIR=${BENCH_DIR:-/tmp/zhinan-bench}
RUNS=${RUNS:-10}
SCHEMA_RUNS=${SCHEMA_RUNS:-2}
BUILD_RUNS=${BUILD_RUNS:-3}
mkdir -p "$BENCH_DIR"

RESULTS=$BENCH_DIR/results
if ! $REPORT_ONLY; then

# Tools: hyperfine, GNU time, a C compiler with libyaml, check-jsonschema.
if ! command -v hyperfine >/dev/null; then
    apt-get install -y -qq hyperfine >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; } \
        || { echo "hyperfine is needed (apt-get install hyperfine)"; exit 2; }
fi
if [[ ! -x /usr/bin/time ]]; then
    apt-get install -y -qq time >/dev/null || { echo "GNU time is needed (apt-get install time)"; exit 2; }
fi
command -v check-jsonschema >/dev/null || python3 -m pip install -q check-jsonschema
command -v check-jsonschema >/dev/null || { echo "check-jsonschema is needed (pip install check-jsonschema)"; exit 2; }

echo "== building zhinan (release)"
swift build -c release --product zhinan 2>&1 | tail -1
ZHINAN=$ROOT/.build/release/zhinan
cc -O2 -o "$BENCH_DIR/yaml_floor" Benchmarks/yaml_floor.c -lyaml

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
cut -d' ' -f1-3 /proc/loadavg > "$RESULTS/load-before"

peak_kb() {  # peak resident memory of a command, in KB
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}

for N in "${SIZES[@]}"; do
    CAT=$BENCH_DIR/catalog-$N
    bench_catalog "$N"
    OUT=$BENCH_DIR/out-$N
    LIST=$RESULTS/files-$N.list
    (cd "$CAT" && find . -name '*.yaml' | sort | sed "s|^\.|$CAT|") > "$LIST"
    find "$CAT/items" -name '*.yaml' | sort > "$RESULTS/items-$N.list"
    du -sb --apparent-size "$CAT" | cut -f1 > "$RESULTS/bytes-$N"
    wc -l < "$LIST" > "$RESULTS/files-$N"
    "$ZHINAN" schema "$CAT" -o "$RESULTS/schema-$N.json"

    echo "== $N items: check must be clean"
    "$ZHINAN" check "$CAT" | tail -1

    runs_for() { if (( N >= 100000 )); then echo $(( $1 > 3 ? 3 : $1 )); else echo "$1"; fi; }
    echo "== $N items: floor, check"
    hyperfine -N --warmup 1 --runs "$(runs_for "$RUNS")" --export-json "$RESULTS/fast-$N.json" \
        -n floor "$BENCH_DIR/yaml_floor $LIST" \
        -n check "$ZHINAN check $CAT" \
        -n "check --jobs 1" "$ZHINAN check --jobs 1 $CAT"

    echo "== $N items: build from nothing, and with nothing changed"
    rm -rf "$OUT"
    hyperfine --runs "$(runs_for "$BUILD_RUNS")" --export-json "$RESULTS/build-$N.json" \
        --prepare "rm -rf $OUT" -n build "$ZHINAN build $CAT -o $OUT"
    hyperfine -N --warmup 1 --runs "$(runs_for "$RUNS")" --export-json "$RESULTS/rebuild-$N.json" \
        -n rebuild "$ZHINAN build $CAT -o $OUT"
    du -sb --apparent-size "$OUT" | cut -f1 > "$RESULTS/outbytes-$N"
    find "$OUT" -type f | wc -l > "$RESULTS/outfiles-$N"
    # Writing the same tree with cp: what this file system alone costs for the output.
    hyperfine --runs 1 --export-json "$RESULTS/cp-$N.json" --prepare "rm -rf $OUT.copy" \
        -n "cp -a" "cp -a $OUT $OUT.copy"
    rm -rf "$OUT.copy"
    if [[ -d /dev/shm && $N -le 10000 ]]; then
        SHM=/dev/shm/zhinan-bench-out-$N
        hyperfine --runs "$(runs_for "$BUILD_RUNS")" --export-json "$RESULTS/buildshm-$N.json" \
            --prepare "rm -rf $SHM" -n "build (OUT in tmpfs)" "$ZHINAN build $CAT -o $SHM"
        rm -rf "$SHM"
    fi

    echo "== $N items: peak memory"
    peak_kb "$ZHINAN" check "$CAT" > "$RESULTS/mem-check-$N"
    rm -rf "$OUT"
    peak_kb "$ZHINAN" build "$CAT" -o "$OUT" > "$RESULTS/mem-build-$N"

    if (( N <= 10000 )); then
        echo "== $N items: check-jsonschema (slow)"
        hyperfine --runs "$SCHEMA_RUNS" --export-json "$RESULTS/schema-$N.json.bench" \
            -n check-jsonschema "xargs check-jsonschema --schemafile $RESULTS/schema-$N.json < $RESULTS/items-$N.list"
    fi
    rm -rf "$OUT"
done
cut -d' ' -f1-3 /proc/loadavg > "$RESULTS/load-after"
ps -eo pcpu,comm --sort=-pcpu | head -4 | tail -3 > "$RESULTS/busiest"
fi
LOAD_BEFORE=$(cat "$RESULTS/load-before")
LOAD_AFTER=$(cat "$RESULTS/load-after")

echo "== writing BENCHMARKS.md"
python3 - "$RESULTS" "$ROOT/BENCHMARKS.md" "$LOAD_BEFORE" "$LOAD_AFTER" "${SIZES[*]}" "$BENCH_DIR" <<'PY'
import json, os, subprocess, sys, datetime
results, target, load_before, load_after, sizes, bench = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], [int(s) for s in sys.argv[5].split()], sys.argv[6]

def read(name):
    p = os.path.join(results, name)
    return open(p).read().strip() if os.path.exists(p) else None

def bench_json(name):
    p = os.path.join(results, name)
    if not os.path.exists(p): return {}
    return {r["command"]: r for r in json.load(open(p))["results"]}

def med(r): return r["median"] if r else None

def cpu_time(r): return r["user"] + r["system"] if r else None

def fmt(t):
    if t is None: return "—"
    return f"{t*1000:.0f} ms" if t < 1 else f"{t:.2f} s"

def mb(kb): return f"{int(kb)/1024:.0f} MB"

cpu = subprocess.run("lscpu | sed -n 's/^Model name: *//p' | head -1", shell=True, capture_output=True, text=True).stdout.strip()
mem = subprocess.run("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo", shell=True, capture_output=True, text=True).stdout.strip()
nproc = os.cpu_count()
fs = subprocess.run(f"df -T {bench} | awk 'NR==2 {{print $2}}'", shell=True, capture_output=True, text=True).stdout.strip()
swift = subprocess.run("swift --version 2>&1 | head -1", shell=True, capture_output=True, text=True).stdout.strip()

rows = {}
for n in sizes:
    fast = bench_json(f"fast-{n}.json")
    r = dict(
        floor=med(fast.get("floor")), check=med(fast.get("check")), check1=med(fast.get("check --jobs 1")),
        floorcpu=cpu_time(fast.get("floor")), checkcpu=cpu_time(fast.get("check")),
        build=med(bench_json(f"build-{n}.json").get("build")),
        rebuild=med(bench_json(f"rebuild-{n}.json").get("rebuild")),
        cp=med(bench_json(f"cp-{n}.json").get("cp -a")),
        buildshm=med(bench_json(f"buildshm-{n}.json").get("build (OUT in tmpfs)")),
        schema=med(bench_json(f"schema-{n}.json.bench").get("check-jsonschema")),
        bytes=int(read(f"bytes-{n}") or 0), files=int(read(f"files-{n}") or 0),
        outbytes=int(read(f"outbytes-{n}") or 0), outfiles=int(read(f"outfiles-{n}") or 0),
        memcheck=read(f"mem-check-{n}"), membuild=read(f"mem-build-{n}"),
    )
    rows[n] = r

def ratio(a, b, fmt_="{:.2f}×"):
    return fmt_.format(a / b) if a and b else "—"

out = []
w = out.append
w("# Benchmarks")
w("")
w(f"Written by `Benchmarks/run.sh` on {datetime.date.today().isoformat()}. Re-run it to refresh every figure below")
w("(`Benchmarks/run.sh --large` adds 100,000 items). Medians of hyperfine runs; all commands of one size ran")
w("in the same run, on the same files.")
w("")
w("## Machine")
w("")
w(f"- {nproc} cores ({cpu}), {mem} of memory; work folder on {fs}")
w(f"- {swift}")
w(f"- load average before the run: {load_before}; after: {load_after} (a shared machine: other engineers compile and fuzz here)")
busiest = read("busiest")
if busiest:
    w("- busiest processes at the end of the run (%CPU, name): " + "; ".join(" ".join(l.split()) for l in busiest.splitlines()))
w("")
w("## Commands")
w("")
w("| name | command |")
w("|---|---|")
w("| floor | `yaml_floor FILES` — `Benchmarks/yaml_floor.c` (`cc -O2 … -lyaml`): libyaml's event parser over every YAML file of the catalog, one thread, nothing else |")
w("| check | `zhinan check CATALOG` (every rule; `--jobs` defaults to the core count) |")
w("| check --jobs 1 | the same on one thread |")
w("| check-jsonschema | `xargs check-jsonschema --schemafile SCHEMA < ITEMS`, SCHEMA from `zhinan schema CATALOG` (structure only: no references, flow, time or staff rules) |")
w("| build | `zhinan build CATALOG -o OUT`, OUT removed before each run |")
w("| rebuild | the same again, nothing changed (OUT and its `.zhinan-cache` kept) |")
w("| build, OUT in tmpfs | the cold build with OUT in /dev/shm: the same work without the disk's file system |")
w("| cp -a | `cp -a OUT OUT.copy`: writing the same output tree, for what the file system alone costs |")
w("")
w("## Figures")
w("")
hdr = "| | " + " | ".join(f"{n:,} items" for n in sizes) + " |"
w(hdr)
w("|---|" + "---|" * len(sizes))
def line(label, f):
    w(f"| {label} | " + " | ".join(f(rows[n]) for n in sizes) + " |")
line("catalog files / bytes", lambda r: f"{r['files']:,} / {r['bytes']/1e6:.1f} MB")
line("floor (libyaml, 1 thread)", lambda r: fmt(r["floor"]))
line("**check**", lambda r: fmt(r["check"]))
line("check --jobs 1", lambda r: fmt(r["check1"]))
line("CPU time (user + system): floor / check", lambda r: f"{fmt(r['floorcpu'])} / {fmt(r['checkcpu'])}")
line("check-jsonschema", lambda r: fmt(r["schema"]))
line("**build**, from nothing", lambda r: fmt(r["build"]))
line("build, OUT in tmpfs", lambda r: fmt(r["buildshm"]))
line("**rebuild**, nothing changed", lambda r: fmt(r["rebuild"]))
line("cp -a of the output", lambda r: fmt(r["cp"]))
line("output files / bytes", lambda r: f"{r['outfiles']:,} / {r['outbytes']/1e6:.0f} MB")
line("peak memory, check", lambda r: mb(r["memcheck"]) if r["memcheck"] else "—")
line("peak memory, build", lambda r: mb(r["membuild"]) if r["membuild"] else "—")
line("memory budget (3 × catalog + 50 MB)", lambda r: f"{(3*r['bytes'] + 50e6)/2**20:.0f} MB")
w("")
w("## Ratios and goals")
w("")
w(hdr.replace("| |", "| goal |"))
w("|---|" + "---|" * len(sizes))
line("check ÷ floor (goal ≤ 1.0)", lambda r: ratio(r["check"], r["floor"]))
line("check --jobs 1 ÷ floor (both one thread)", lambda r: ratio(r["check1"], r["floor"]))
line("check's CPU ÷ floor's CPU", lambda r: ratio(r["checkcpu"], r["floorcpu"]))
line("check-jsonschema ÷ check (goal ≥ 50)", lambda r: ratio(r["schema"], r["check"], "{:.0f}×"))
line("build ÷ check (goal ≤ 4)", lambda r: ratio(r["build"], r["check"], "{:.1f}×"))
line("build in tmpfs ÷ check", lambda r: ratio(r["buildshm"], r["check"], "{:.1f}×"))
line("rebuild ÷ build (goal ≤ 0.1)", lambda r: ratio(r["rebuild"], r["build"], "{:.3f}"))
line("peak memory ÷ budget, check (goal ≤ 1)", lambda r: ratio(int(r["memcheck"]) * 1024, 3 * r["bytes"] + 50e6) if r["memcheck"] else "—")
line("peak memory ÷ budget, build (goal ≤ 1)", lambda r: ratio(int(r["membuild"]) * 1024, 3 * r["bytes"] + 50e6) if r["membuild"] else "—")
w("")
if len(sizes) > 1:
    w("## Growth")
    w("")
    base = sizes[0]
    w("How each cost grows from " + f"{base:,}" + " items (linear: the same factor as the item count).")
    w("")
    w("| | " + " | ".join(f"{base:,} → {n:,} (×{n//base})" for n in sizes[1:]) + " |")
    w("|---|" + "---|" * (len(sizes) - 1))
    for label, key in [("floor", "floor"), ("check", "check"), ("check-jsonschema", "schema"), ("build", "build"),
                       ("build, OUT in tmpfs", "buildshm"), ("rebuild", "rebuild"), ("peak memory, check", "memcheck"),
                       ("peak memory, build", "membuild")]:
        cells = []
        for n in sizes[1:]:
            a, b = rows[base][key], rows[n][key]
            a = float(a) if a else None
            b = float(b) if b else None
            cells.append(f"×{b/a:.1f}" if a and b else "—")
        w(f"| {label} | " + " | ".join(cells) + " |")
    w("")
w(open(os.path.join(os.path.dirname(target), "Benchmarks", "NOTES.md")).read().rstrip())
open(target, "w").write("\n".join(out) + "\n")
print("wrote", target)
PY
