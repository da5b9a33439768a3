#!/usr/bin/env bash
# The whole test suite: formatting, vet, and every package's tests.
# README.md and .ci/run both call this script.
set -euo pipefail
export GOTOOLCHAIN=go1.27.3
cd "$(dirname "$0")/.."

for tool in redis-server redis-cli python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run .ci/run or apt-get install -y redis-server redis-tools python3" >&2; exit 1; }
done

echo "== gofmt"
# The gofmt on PATH may predate Go 1.27 generic methods; use the toolchain's.
gofmt="$(go env GOROOT)/bin/gofmt"
unformatted=$("$gofmt" -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:" >&2; echo "$unformatted" >&2; exit 1
fi

echo "== go vet"
go vet ./...

echo "== gogears gen -check"
# Committed generated gears must match their Go source.
go run ./cmd/gogears gen -check ./...

echo "== go test"
go test -count=1 "$@" ./...
