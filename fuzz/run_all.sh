#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, one after the other.
#
#   fuzz/run_all.sh [SECONDS_PER_TARGET]                 (default 180; AddressSanitizer)
#   SANITIZER=none fuzz/run_all.sh [SECONDS_PER_TARGET]  (no ASan: ~5x the executions)
#
# AddressSanitizer needs the nightly-only -Zsanitizer flag; on this stable toolchain
# RUSTC_BOOTSTRAP=1 unlocks it (see README.md). `SANITIZER=none` needs nothing special.
# Each target's corpus grows in fuzz/corpus/<target> (not committed), seeded from
# fuzz/seeds/<target>; crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-180}"
sanitizer="${SANITIZER:-address}"
if [ "$sanitizer" != none ]; then
    export RUSTC_BOOTSTRAP=1
fi
targets=$(cargo fuzz list)
cargo fuzz build --sanitizer "$sanitizer"
for target in $targets; do
    mkdir -p "corpus/$target"
    echo "=== $target (${seconds}s, sanitizer $sanitizer)"
    cargo fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -dict=json.dict -print_final_stats=1 2>&1 \
        | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added|Done|==[0-9]+==|SUMMARY|thread .* panicked|.*deadly signal|Test unit written)' || true
done
