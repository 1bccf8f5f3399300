#!/usr/bin/env bash
# Load-robust comparison for a shared machine: runs each `wire_profile` case several times,
# interleaving ours and serde, and keeps the best wall time per case (minus the set-up cost
# measured by the `none` case). With `--callgrind`, also counts instructions per iteration,
# which do not depend on the machine's load at all.
#
#   bench/compare.sh [--callgrind]
set -euo pipefail
mode="${1:-}"
cd "$(dirname "$0")/.."
cargo build --release -p bench --bin wire_profile >/dev/null 2>&1
bin=target/release/wire_profile
rounds=7
now() { date +%s%N; }
wall() { local s e; s=$(now); "$bin" "$1" "$2"; e=$(now); echo $(( (e - s) / 1000 )); }
best() { local b=""; for _ in $(seq "$rounds"); do local t; t=$(wall "$1" "$2"); if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi; done; echo "$b"; }
base=$(best none 0)
printf '%-22s %12s\n' case "ns/iter"
for spec in "cpca-ours 1000000" "cpca-serde-body-uri 1000000" "cpca-serde-request 1000000" \
            "form-ours 2000" "form-serde 2000" "users-ours 1000" "users-serde 1000" \
            "flows-ours 1000" "flows-serde 1000"; do
    set -- $spec
    t=$(best "$1" "$2")
    printf '%-22s %12d\n' "$1" $(( (t - base) * 1000 / $2 ))
done
if [ "$mode" = --callgrind ]; then
    count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 | awk '/Collected/ {print $4}'; }
    none=$(count none 0)
    printf '\n%-22s %12s\n' case "Ir/iter"
    for spec in "cpca-ours 10000" "cpca-serde-body-uri 10000" "cpca-serde-request 10000" \
                "form-ours 20" "form-serde 20" "users-ours 20" "users-serde 20" \
                "flows-ours 20" "flows-serde 20"; do
        set -- $spec
        printf '%-22s %12d\n' "$1" $(( ($(count "$1" "$2") - none) / $2 ))
    done
fi
