#!/usr/bin/env bash
# The library benchmark (issue 20): makes a synthetic library beside the bundled report, indexes
# it, serves it with bin/msftchina's default flags, and prints the figures the issue asks for:
# index build time, `serve` ready time on the existing index, unique questions one at a time
# (p50, p99) and under load (requests/s), peak resident memory, and a report replaced under load
# (failed requests, the slowest request while it was swapped in). Then the evaluation with the
# library beside the bundled report.
#
# The reports are written as facts.jsonl directly by bench/library.py (deterministic: seeded), not
# through `ingest`: ingest reads one report a run (a JVM each), and the folder ingest is another
# branch's work. What a sentence gives is its years only.
#
# Usage: bench/library.sh [REPORTS] [STATEMENTS] [SECONDS]    (defaults 1000, 1000 and 10)
#        REUSE=DIR bench/library.sh ...   keeps the library and its index in DIR: the first run makes
#                                         them, later runs of the same size reuse them (the replaced
#                                         report is put back first), saving the minute they take.
#                                         DIR is new, empty, or one this script made (else refused).
#        SERVE_JAVA_OPTS=...                  flags for `serve` alone (a flight recording, say).
# Needs: the jar (mvn -q -B -DskipTests package), wrk and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS=${1:-1000}
STATEMENTS=${2:-1000}
SECONDS_EACH=${3:-10}
[ -f target/msftchina.jar ] || { echo "build the jar first: mvn -q -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

export SLACK_SIGNING_SECRET=bench-signing-secret SLACK_BOT_TOKEN=xoxb-bench-token HOST=127.0.0.1
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
if [ -n "${REUSE:-}" ]; then
  # Only a folder this script made (its "made" marker) or an empty one: it deletes facts/ and
  # index/ inside, and REUSE=. would otherwise take the project's own facts/.
  if [ -n "$(ls -A "$REUSE" 2>/dev/null)" ] && [ ! -f "$REUSE/made" ]; then
    echo "REUSE=$REUSE is not empty and was not made by bench/library.sh (no 'made' in it): give an empty or new folder" >&2
    exit 1
  fi
  WORK=$REUSE KEEP=1; mkdir -p "$WORK"; rm -f "$WORK"/bench.db*
fi
WORK=${WORK:-$(mktemp -d)}
STAND_IN_PORT=$(free_port)
python3 bench/slack_stand_in.py "$STAND_IN_PORT" & STAND_IN=$!
export SLACK_API_URL="http://127.0.0.1:$STAND_IN_PORT/api/"
export MSFTCHINA_DB="jdbc:sqlite:$WORK/bench.db" MSFTCHINA_FACTS="$WORK/facts" MSFTCHINA_INDEX="$WORK/index"
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; kill "$STAND_IN" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "== library: $REPORTS reports x $STATEMENTS statements, and the bundled report (in $WORK) =="
made="$REPORTS x $STATEMENTS"
if [ -n "${REUSE:-}" ] && [ "$(cat "$WORK/made" 2>/dev/null)" = "$made" ] && [ -d "$WORK/index/library" ]; then
  python3 bench/library.py replace "$WORK/facts" lib-0001 "" # as made, before it is replaced below
  bin/msftchina ask --report lib-0001 "revenue" >/dev/null 2>&1 || true # brings the index up to date
  echo "reused the library and its index in $WORK (index build not measured)"
else
  rm -rf "$WORK/facts" "$WORK/index" "$WORK/made"
  mkdir -p "$WORK/facts"
  cp facts/*.txt facts/decision.properties "$WORK/facts/"
  cp -r facts/msft-china-ai "$WORK/facts/"
  t=$(date +%s%N)
  python3 bench/library.py make "$WORK/facts" "$REPORTS" "$STATEMENTS"
  echo "facts written (bench/library.py, not ingest): $(ms_since "$t") ms, $(du -sh "$WORK/facts" | cut -f1)"
  t=$(date +%s%N)
  bin/msftchina index
  echo "index build: $(ms_since "$t") ms, $(du -sh "$WORK/index" | cut -f1) on disk"
  echo "$made" >"$WORK/made"
fi

PORT=$(free_port)
t=$(date +%s%N)
PORT=$PORT JAVA_OPTS="${JAVA_OPTS:-} ${SERVE_JAVA_OPTS:-}" bin/msftchina serve 2>"$WORK/serve.log" & SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do
  sleep 0.02
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
done
echo "serve ready on the existing index: $(ms_since "$t") ms"

python3 bench/library.py questions 2000 "$WORK/questions.txt"
python3 bench/library.py requests "$SLACK_SIGNING_SECRET" 200000 "$WORK/unique.txt" "$WORK/questions.txt"
cat > "$WORK/max.lua" <<'LUA'
dofile("bench/unique.lua")
local base_done = done
function done(summary, latency, requests)
  base_done(summary, latency, requests)
  io.write(string.format("MAX %.3f\n", latency.max / 1000))
end
LUA
load() { # load CONNECTIONS SECONDS -> "req/s p50 p99 errors requests max"
  local out
  out=$(wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$2s" -s "$WORK/max.lua" "http://127.0.0.1:$PORT/slack/events" -- "$WORK/unique.txt" 2)
  echo "$(echo "$out" | grep '^RESULT' | cut -d' ' -f2-) $(echo "$out" | grep '^MAX' | cut -d' ' -f2)"
}
load 4 3 >/dev/null # warm-up
read -r rps p50 p99 err n max <<<"$(load 1 "$SECONDS_EACH")"
echo "unique questions one at a time: p50 $p50 ms, p99 $p99 ms, max $max ms ($n requests, $err errors)"
read -r rps p50 p99 err n max <<<"$(load 16 "$SECONDS_EACH")"
echo "unique questions, 16 connections: $rps req/s, p50 $p50 ms, p99 $p99 ms, max $max ms ($n requests, $err errors)"
GOAL_RPS=$rps

# A report replaced under load: its facts file rewritten (one rename) 3 s into a load run.
victim=lib-0001
(sleep 3 && python3 bench/library.py replace "$WORK/facts" "$victim" quokka) & REPLACER=$!
read -r rps p50 p99 err n max <<<"$(load 16 "$SECONDS_EACH")"
wait "$REPLACER"
sleep 1
echo "replaced $victim under load: $n requests, $err failed, p99 $p99 ms, slowest $max ms"
grep -E "index: report|reload:" "$WORK/serve.log" | sed 's/^/  log: /' | tail -3
answer=$(eval "$(PORT=$PORT bin/msftchina sign --url "http://127.0.0.1:$PORT/slack/events" "quokka work" 2>/dev/null) --max-time 5" || true)
if [[ $answer == *quokka* ]]; then echo "  answers switched to the new text: yes"; else echo "  answers switched to the new text: NO"; fi
peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER/status")
echo "peak RSS of serve (bin/msftchina defaults, no flag): $peak MiB"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=

echo
echo "== evaluation with the library beside the bundled report =="
bin/msftchina eval 2>/dev/null | sed -n '1,4p'
