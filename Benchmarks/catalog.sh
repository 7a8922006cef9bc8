# Sourced by the benchmark scripts: the catalog of N items that gen_catalog.py makes with
# seed 1, at $BENCH_DIR/catalog-N, made once and kept.
bench_catalog() {
    local cat=$BENCH_DIR/catalog-$1
    if [[ ! -f "$cat/.complete" ]]; then
        echo "== generating $1 items"
        rm -rf "$cat"
        python3 Benchmarks/gen_catalog.py "$1" "$cat" --seed 1
        touch "$cat/.complete"
    fi
}
