#!/usr/bin/env bash
# Where serve's resident memory goes (issue 17): starts bin/msftchina serve with JAVA_OPTS (and the
# environment, e.g. MALLOC_ARENA_MAX=1), prints its resident memory when ready, sends unique signed
# /msftchina commands (16 connections, 2 s of warm-up, then SECONDS) as bench/run.sh does, and prints
# the throughput, the server's CPU per request (its threads' user and system time, /proc/PID/stat:
# over the warm-up, the load after it, and both), the peak (VmHWM), the heap by generation, and with
# JAVA_OPTS=-XX:NativeMemoryTracking=summary the JVM's own accounting by area and C2's arenas at
# their peak (what the peak of this load is made of). If serve exits before it is ready (a flag it
# rejects), it says so and stops, rather than waiting for it.
#
# Usage: [JAVA_OPTS=...] bench/rss.sh [SECONDS]     (default 10)
# Needs: the jar (mvn -q -B -DskipTests package), wrk, python3 and jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
source bench/stand_in.sh
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; kill "$STAND_IN" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(free_port)
PORT=$PORT bin/msftchina serve 2>"$WORK/serve.log" & SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "serve exited before it was ready:" >&2; tail -5 "$WORK/serve.log" >&2; exit 1; }
  sleep 0.05
done
echo "ready: $(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$SERVER/status") MiB resident"
python3 bench/unique_requests.py "$SLACK_SIGNING_SECRET" 200000 "$WORK/unique.txt"
url="http://127.0.0.1:$PORT/slack/events"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; } # the server's user + system CPU
ms_each() { awk -v c="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", c * 1000 / hz / n}'; }
c0=$(cpu_ticks)
warm=$(wrk -t2 -c16 -d2s -s bench/unique.lua "$url" -- "$WORK/unique.txt" 2 | grep '^RESULT' | cut -d' ' -f6)
c1=$(cpu_ticks)
set -- $(wrk -t2 -c16 -d"${SECONDS_EACH}s" -s bench/unique.lua "$url" -- "$WORK/unique.txt" 2 | grep '^RESULT')
c2=$(cpu_ticks)
echo "unique questions: $2 req/s, p50 $3 ms, p99 $4 ms ($5 errors)"
echo "server CPU per request: $(ms_each $((c2 - c0)) $((warm + $6))) ms in all ($(ms_each $((c1 - c0)) "$warm") ms in the 2 s warm-up, $(ms_each $((c2 - c1)) "$6") ms in the ${SECONDS_EACH} s after)"
awk '/VmHWM|VmRSS|RssAnon|RssFile|Threads/ {printf "%s %s  ", $1, ($1 == "Threads:" ? $2 : sprintf("%.1f MiB", $2 / 1024))} END {print ""}' "/proc/$SERVER/status"
jcmd "$SERVER" GC.heap_info | grep -E 'generation|Metaspace'
if [[ ${JAVA_OPTS:-} == *NativeMemoryTracking* ]]; then
  jcmd "$SERVER" VM.native_memory summary scale=MB | grep -E '^(Total|-)|\((arena|malloc)=' |
    sed 's/^-\s*//; s/^\s\+/    /'
  # C2's arenas, now and at their peak (the MiB lines above omit them when they are under 1 MiB now)
  echo "compiler $(jcmd "$SERVER" VM.native_memory summary scale=KB | grep -A2 -E '^-\s+Compiler' | grep -o 'arena=.*')"
fi
