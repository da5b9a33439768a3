#!/usr/bin/env bash
# Transpiler benchmark (issue 4): generate a package of 500 gears (3,000
# closures), then compare transpile.Generate (what `gogears gen` runs; the
# CLI command is not wired yet, so the API is timed in-process) with
# `go vet` on the same package, warm build cache. Two gen figures:
#   full: every gear translated (no up-to-date zz_gears.go; -check mode);
#   warm: re-running gen on the unchanged package (zz_gears.go records the
#         source hash, so gen only lists the package, like vet's cache).
# Usage: bench/transpile.sh [gears]
set -euo pipefail
export GOTOOLCHAIN=go1.27.3
cd "$(dirname "$0")/.."
n=${1:-500}
dir=bench/transpile/big
rm -rf "$dir"
go run ./bench/transpile/genpkg -o "$dir" -n "$n"
trap 'rm -rf "$dir"' EXIT
runner=$(mktemp)
go build -o "$runner" ./bench/transpile/runner
go vet "./$dir" # warm the cache
"$runner" -check "./$dir" >/dev/null
best() { sort -n | head -1; }
vet=$(for i in 1 2 3; do s=$(date +%s.%N); go vet "./$dir"; e=$(date +%s.%N); echo "$e - $s" | bc; done | best)
full=$(for i in 1 2 3; do "$runner" -check "./$dir" | cut -d' ' -f1; done | best)
gears=$("$runner" "./$dir" | cut -d' ' -f2) # writes zz_gears.go
warm=$(for i in 1 2 3; do "$runner" "./$dir" | cut -d' ' -f1; done | best)
go vet "./$dir" # the generated file compiles
rm -f "$runner"
echo "gears: $gears  closures: $((gears * 6))"
echo "go vet (warm):           ${vet}s"
echo "gen, full translation:   ${full}s  ratio $(echo "scale=2; $full / $vet" | bc)"
echo "gen, warm (unchanged):   ${warm}s  ratio $(echo "scale=2; $warm / $vet" | bc)"
