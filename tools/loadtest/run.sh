#!/usr/bin/env bash
# Load test of `leverage serve` with wrk (Debian's wrk), on loopback only:
#  1. GET the flagship assessment for DURATION (default 30 s);
#  2. a mixed load (mixed.lua) for MIXED (default 60 s), sampling the
#     server's resident memory every 5 s to show whether it stays flat.
# Usage: tools/loadtest/run.sh [DURATION] [MIXED]; docs/performance.md has
# the figures and the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30s}
MIXED=${2:-60s}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
TMP=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$TMP"' EXIT
CGO_ENABLED=0 go build -o "$TMP/leverage" ./cmd/leverage
LEVERAGE_DB="$TMP/load.db" "$TMP/leverage" serve --addr 127.0.0.1:0 --log-format text 2>"$TMP/server.log" >/dev/null &
PID=$!
for _ in $(seq 100); do
  ADDR=$(grep -o 'http://127.0.0.1:[0-9]*' "$TMP/server.log" | head -1 || true)
  [ -n "$ADDR" ] && break
  sleep 0.1
done
[ -n "$ADDR" ] || { cat "$TMP/server.log"; exit 1; }
rss() { awk '/VmRSS/ {print $2/1024 " MB"}' "/proc/$PID/status"; }
curl -sf "$ADDR/api/v1/assess?a=RUS&b=KAZ" >/dev/null
echo "server at $ADDR, RSS $(rss) after the first answer"

echo "== GET /api/v1/assess?a=RUS&b=KAZ for $DURATION (2 threads, 16 connections)"
wrk -t2 -c16 -d"$DURATION" --latency -s tools/loadtest/assess.lua "$ADDR/api/v1/assess?a=RUS&b=KAZ"
echo "RSS $(rss)"

echo "== mixed load for $MIXED (2 threads, 16 connections)"
wrk -t2 -c16 -d"$MIXED" --latency -s tools/loadtest/mixed.lua "$ADDR" &
WRK=$!
while kill -0 $WRK 2>/dev/null; do
  echo "  RSS $(rss)"
  sleep 5
done
wait $WRK
echo "RSS $(rss) after the mixed load"
grep -c 'status=5' "$TMP/server.log" | sed 's/^/5xx answers logged: /' || true
