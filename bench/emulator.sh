#!/usr/bin/env bash
# Measures the emulator's proxy overhead: redis-benchmark GET/SET against
# redis-server directly, then through the emulator in front of that same
# redis-server (and in front of the embedded store). Prints requests/second
# and the ratio direct/emulator (goal: below 2).
#
#   bench/emulator.sh [-n 100000]
set -euo pipefail
export GOTOOLCHAIN=go1.27.3
cd "$(dirname "$0")/.."
N=100000
if [ "${1:-}" = "-n" ]; then N=$2; fi

for tool in redis-server redis-benchmark; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install -y redis-server redis-tools" >&2; exit 1; }
done

tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 300); do redis-cli -p "$1" PING >/dev/null 2>&1 && return 0; sleep 0.05; done; echo "port $1 did not answer" >&2; exit 1; }

go build -o "$tmp/gogears" ./cmd/gogears

rport=$(free_port)
redis-server --port "$rport" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --logfile "$tmp/redis.log" &
pids+=($!)
wait_port "$rport"

eport=$(free_port)
"$tmp/gogears" emulator -addr "127.0.0.1:$eport" -redis "redis://127.0.0.1:$rport" 2>"$tmp/emu.log" &
pids+=($!)
wait_port "$eport"

mport=$(free_port)
"$tmp/gogears" emulator -addr "127.0.0.1:$mport" 2>"$tmp/emu-mini.log" &
pids+=($!)
wait_port "$mport"

run() { redis-benchmark -p "$1" -t get,set -n "$N" -q | tr '\r' '\n' | grep -E '^(SET|GET):' | sed -E 's/^(SET|GET): ([0-9.]+) requests per second.*/\1 \2/'; }

echo "redis-benchmark -t get,set -n $N -q"
direct=$(run "$rport")
viaemu=$(run "$eport")
viamini=$(run "$mport")
printf '%-4s %14s %14s %8s %16s\n' cmd direct emulator ratio "emulator(embedded)"
for cmd in SET GET; do
  d=$(echo "$direct" | awk -v c=$cmd '$1==c{print $2}')
  e=$(echo "$viaemu" | awk -v c=$cmd '$1==c{print $2}')
  m=$(echo "$viamini" | awk -v c=$cmd '$1==c{print $2}')
  printf '%-4s %14s %14s %8.2f %16s\n' "$cmd" "$d" "$e" "$(echo "$d / $e" | bc -l)" "$m"
done
