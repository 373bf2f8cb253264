#!/usr/bin/env bash
# Soak of `bin/msftchina serve` (its default flags) under a flood of mentions (issue 21, row 1):
# RATE signed app_mention events a second for DURATION seconds, each into a new thread, spread
# over CHANNELS channels, alternately a short question and a 4,000-character one
# (bench/soak_load.py), Slack's Web API played by bench/slack_stand_in.py. Every 10 s it prints the
# server's resident memory, its heap in use after the last collection and /healthz; at the end
# the OutOfMemoryErrors in its log, whether it is still alive, and every acknowledged mention's
# fate: posted (its answer, or a note that the bot is busy, in its thread), named in a log line as
# not answered, still pending in the store (claimed, not yet sent: the next start sends it), or
# none of these (lost).
#
# Usage: flock /tmp/mvn.lock bench/soak.sh     (DURATION=600 RATE=200 CHANNELS=20 by default)
# Needs: the jar (flock /tmp/mvn.lock mvn -q -B -o -DskipTests package), python3, jstat.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-600}
RATE=${RATE:-200}
CHANNELS=${CHANNELS:-20}
[ -f target/msftchina.jar ] || { echo "soak: build the jar first" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d)
SLACK_PORT=$(free_port)
PORT=$(free_port)
python3 bench/slack_stand_in.py "$SLACK_PORT" "$WORK/calls.log" & STAND_IN=$!
SERVER=
LOAD=
cleanup() {
  [ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null
  [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null
  kill "$STAND_IN" 2>/dev/null
  [ -n "${KEEP:-}" ] && echo "soak: kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
export SLACK_SIGNING_SECRET=soak-signing-secret SLACK_BOT_TOKEN=xoxb-soak-token HOST=127.0.0.1 PORT
export SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api/"
export MSFTCHINA_DB="jdbc:sqlite:$WORK/soak.db" # a store of its own, away from the working tree
bin/msftchina serve >"$WORK/serve.log" 2>&1 & SERVER=$!
until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
  kill -0 "$SERVER" 2>/dev/null || { echo "soak: serve exited:"; cat "$WORK/serve.log"; exit 1; }
  sleep 0.2
done
# bin/msftchina execs java: $SERVER is the JVM.
echo "soak: $RATE mentions/s for $DURATION s over $CHANNELS channels (half of them 4,000 characters)"
python3 bench/soak_load.py "$PORT" "$SLACK_SIGNING_SECRET" "$RATE" "$DURATION" "$CHANNELS" "$WORK/sent.txt" >"$WORK/load.txt" & LOAD=$!

sample() {
  local rss heap health
  rss=$(ps -o rss= -p "$SERVER" 2>/dev/null | awk '{printf "%.0f", $1/1024}')
  # jstat -gc: survivor, eden and old generation used (KiB): in use right now
  heap=$(timeout 5 jstat -gc "$SERVER" 2>/dev/null | awk 'NR==2 {printf "%.1f", ($3+$4+$6+$8)/1024}')
  health=$(curl -s --max-time 5 "http://127.0.0.1:$PORT/healthz" | grep -o '"status":"[a-z]*"' || echo "no answer")
  printf '%6s s  RSS %5s MiB  heap used %6s MiB  posted %7s  %s\n' "$1" "${rss:--}" "${heap:--}" \
    "$(grep -c chat.postMessage "$WORK/calls.log" 2>/dev/null || echo 0)" "$health"
}
t=0
while kill -0 "$LOAD" 2>/dev/null; do
  sleep 10; t=$((t + 10))
  if kill -0 "$SERVER" 2>/dev/null; then sample "$t"; else echo "$t s  serve has exited"; fi
done
LOAD=
cat "$WORK/load.txt"
# Then until the outbox has drained: no new post for 15 s (at most 5 minutes).
last=-1; quiet=0
for _ in $(seq 1 300); do
  kill -0 "$SERVER" 2>/dev/null || break
  n=$(grep -c chat.postMessage "$WORK/calls.log" || true)
  if [ "$n" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; last=$n; fi
  [ "$quiet" -ge 15 ] && break
  sleep 1
done
if kill -0 "$SERVER" 2>/dev/null; then sample "drained"; alive=yes; else alive="no (exit $(wait "$SERVER"; echo $?))"; SERVER=; fi
echo "OutOfMemoryError lines in the log: $(grep -c OutOfMemoryError "$WORK/serve.log" || true); serve alive: $alive"
python3 - "$WORK/sent.txt" "$WORK/calls.log" "$WORK/serve.log" "$WORK/soak.db" <<'EOF'
import re, sqlite3, sys
sent = [l.split() for l in open(sys.argv[1])]
acked = {e: ts for e, ts, status, *rest in sent if status == "200"}
by_ts = {ts: e for e, ts in acked.items()}
posted, busy = set(), set()
for l in open(sys.argv[2]):
    f = l.split()
    if len(f) > 3 and f[1] == "chat.postMessage" and f[3] in by_ts:
        (busy if f[-1] == "busy" else posted).add(by_ts[f[3]])
named = set(re.findall(r"EvSoak\d+", open(sys.argv[3], errors="replace").read()))
named &= set(acked)
# Claimed in the store and not yet done with: still in the outbox, or left for the next start.
try:
    stored = {r[0] for r in sqlite3.connect(sys.argv[4]).execute("SELECT event_id FROM outbox")}
except sqlite3.Error:
    stored = set()
unsent = set(acked) - posted - busy - named
lost = unsent - stored
print("acknowledged %d; answered %d; told busy %d; named in a log line %d; pending in the store %d;"
      " lost %d; failed requests %d"
      % (len(acked), len(posted), len(busy), len(named - posted - busy), len(unsent & stored),
         len(lost), len(sent) - len(acked)))
EOF
