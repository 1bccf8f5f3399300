#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, one after the other.
#
#   fuzz/run_all.sh [SECONDS_PER_TARGET]    (default 180)
#
# The toolchain here is stable, so nightly-only flags are unlocked with RUSTC_BOOTSTRAP=1
# (see README.md). Each target's corpus grows in fuzz/corpus/<target> (not committed),
# seeded from fuzz/seeds/<target>; crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-180}"
export RUSTC_BOOTSTRAP=1
targets=$(cargo fuzz list)
cargo fuzz build
for target in $targets; do
    mkdir -p "corpus/$target"
    echo "=== $target (${seconds}s)"
    cargo fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -dict=json.dict -print_final_stats=1 2>&1 \
        | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added|Done|==[0-9]+==|SUMMARY|thread .* panicked|.*deadly signal|Test unit written)' || true
done
