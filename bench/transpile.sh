#!/usr/bin/env bash
# Transpiler benchmark (issue 4): generate a package of 500 gears (3,000
# closures), then time `gogears gen` against `go vet` on the same package,
# warm build cache, best of three. Figures:
#   vet: go vet on the unchanged package (vet caches its result);
#   vet after edit / gen after edit: a comment appended before each run, so
#     both must look at the package again: the case after a user's edit;
#   full: every gear translated, package compile cached (no zz_gears.go yet);
#   warm: gen on the unchanged package (zz_gears.go records the source hash).
# Usage: bench/transpile.sh [gears]
set -euo pipefail
export GOTOOLCHAIN=go1.27.3
cd "$(dirname "$0")/.."
n=${1:-500}
dir=bench/transpile/big
rm -rf "$dir"
go run ./bench/transpile/genpkg -o "$dir" -n "$n"
bin=$(mktemp -d)/gogears
trap 'rm -rf "$dir" "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/gogears

# best CMD...: the fastest of three runs, in seconds.
best() {
  local b="" t
  for _ in 1 2 3; do
    t=$( { TIMEFORMAT=%R; time "$@" >/dev/null 2>&1; } 2>&1 ) || true
    if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
  done
  echo "$b"
}

go vet "./$dir" # warm the cache
vet=$(best go vet "./$dir")
edit() { echo "// edit $RANDOM" >> "$dir/gears.go"; "$@"; }
vetedit=$(best edit go vet "./$dir")
genedit=$(best edit "$bin" gen -check "./$dir")
full=$(best "$bin" gen -check "./$dir")
"$bin" gen "./$dir" >/dev/null # writes zz_gears.go and the scripts
warm=$(best "$bin" gen "./$dir")
go vet "./$dir" # the generated file compiles
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
echo "gears: $n  closures: $((n * 6))"
echo "go vet (warm):           ${vet}s"
echo "go vet after an edit:    ${vetedit}s"
echo "gen after an edit:       ${genedit}s  ratio $(ratio "$genedit" "$vetedit") (to vet after an edit)"
echo "gen, full translation:   ${full}s  ratio $(ratio "$full" "$vet")"
echo "gen, warm (unchanged):   ${warm}s  ratio $(ratio "$warm" "$vet")"
