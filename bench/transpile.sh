#!/usr/bin/env bash
# Transpiler benchmark (issue 4): generate a package of 500 gears (3,000
# closures), then time `gogears gen` against `go vet` on the same package,
# warm build cache. Each figure is the best and the median of five runs.
#   after an edit: a comment is appended before each run, so both tools
#     must look at the package again: the case a user meets. It is timed
#     twice: on the bare package, and with the generated files present
#     (zz_gears.go embeds 500 scripts, which go vet then reads too);
#   full: every gear translated, package compile cached (no zz_gears.go);
#   warm: gen on the unchanged package (zz_gears.go records the source hash).
# The toolchain's own go comes first on PATH, as under go generate; else a
# go that must switch toolchains (GOTOOLCHAIN) pays for it on every go
# command, and gen runs two where vet runs one.
# Usage: bench/transpile.sh [gears]
set -euo pipefail
export GOTOOLCHAIN=go1.27.3
export PATH="$(go env GOROOT)/bin:$PATH"
cd "$(dirname "$0")/.."
n=${1:-500}
dir=bench/transpile/big
rm -rf "$dir"
go run ./bench/transpile/genpkg -o "$dir" -n "$n"
bin=$(mktemp -d)/gogears
trap 'rm -rf "$dir" "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/gogears

# time5 CMD...: "best median" of five runs, in seconds.
time5() {
  local ts=() t
  for _ in 1 2 3 4 5; do
    t=$( { TIMEFORMAT=%R; time "$@" >/dev/null 2>&1; } 2>&1 ) || true
    ts+=("$t")
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[1], a[3]}'
}
edit() { echo "// edit $RANDOM$RANDOM" >> "$dir/gears.go"; "$@"; }
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
# row LABEL VET GEN: best and median of each, and their ratios.
row() {
  read -r vb vm <<<"$2"
  read -r gb gm <<<"$3"
  printf '%-34s vet %ss (median %ss)  gen %ss (median %ss)  ratio %s (median %s)\n' \
    "$1" "$vb" "$vm" "$gb" "$gm" "$(ratio "$gb" "$vb")" "$(ratio "$gm" "$vm")"
}

go vet "./$dir" # warm the cache
vet=$(time5 go vet "./$dir")
vetedit=$(time5 edit go vet "./$dir")
genedit=$(time5 edit "$bin" gen -check "./$dir")
full=$(time5 "$bin" gen -check "./$dir")
"$bin" gen "./$dir" >/dev/null # writes zz_gears.go and the scripts
go vet "./$dir"                # the generated file compiles
warm=$(time5 "$bin" gen "./$dir")
vetgen=$(time5 edit go vet "./$dir")
gengen=$(time5 edit "$bin" gen "./$dir")
echo "gears: $n  closures: $((n * 6))"
row "after an edit, bare package" "$vetedit" "$genedit"
row "after an edit, generated files" "$vetgen" "$gengen"
row "full translation (vet cached)" "$vet" "$full"
row "unchanged (both cached)" "$vet" "$warm"
