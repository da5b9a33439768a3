#!/usr/bin/env bash
# Transpiler benchmark (issue 4): generate a package of 500 gears (3,000
# closures), then compare transpile.Generate (what `gogears gen` runs) with
# `go vet` on the same package, both with a warm build cache.
# Usage: bench/transpile.sh [gears]
set -euo pipefail
export GOTOOLCHAIN=go1.27.3
cd "$(dirname "$0")/.."
n=${1:-500}
dir=bench/transpile/big
rm -rf "$dir"
go run ./bench/transpile/genpkg -o "$dir" -n "$n"
trap 'rm -rf "$dir"' EXIT
go build -o /tmp/gogears-bench-runner ./bench/transpile/runner
go vet "./$dir" # warm the cache
/tmp/gogears-bench-runner "./$dir" >/dev/null
best() { sort -n | head -1; }
vet=$(for i in 1 2 3; do s=$(date +%s.%N); go vet "./$dir"; e=$(date +%s.%N); echo "$e - $s" | bc; done | best)
gen=$(for i in 1 2 3; do /tmp/gogears-bench-runner "./$dir" | cut -d' ' -f1; done | best)
gears=$(/tmp/gogears-bench-runner "./$dir" | cut -d' ' -f2)
echo "gears: $gears  closures: $((gears * 6))"
echo "go vet:   ${vet}s (best of 3)"
echo "generate: ${gen}s (best of 3, in-process transpile.Generate incl. packages.Load)"
echo "ratio:    $(echo "scale=2; $gen / $vet" | bc)"
