#!/usr/bin/env bash
# Try the bot end to end with no Slack account: starts a local stand-in for Slack's Web API and
# `serve` on free loopback ports, waits until it is ready, asks it QUESTION as a signed
# /msftchina (as Slack would send it), prints the reply's text, and stops what it started.
# Usage: bench/try.sh ["question"]     (needs the jar: mvn -q -B -DskipTests package; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
QUESTION=${1:-"Who is Microsoft's biggest AI customer in China?"}
[ -f target/msftchina.jar ] || mvn -q -B -DskipTests package
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SLACK_PORT=$(free_port)
PORT=$(free_port)
python3 bench/slack_stand_in.py "$SLACK_PORT" & STAND_IN=$!
export SLACK_SIGNING_SECRET=local-secret SLACK_BOT_TOKEN=xoxb-local HOST=127.0.0.1 PORT
export SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api/"
WORK=$(mktemp -d)
LOG="$WORK/serve.log"
# A throwaway store: a trial's questions never reach the real one (data/msftchina.db), so `gaps`
# and `stats` show only what people asked.
export MSFTCHINA_DB="jdbc:sqlite:$WORK/try.db"
bin/msftchina serve 2>"$LOG" & SERVER=$!
trap 'kill $SERVER $STAND_IN 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 200); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.05
done
echo "serve is ready on port $PORT; asking: $QUESTION"
bin/msftchina sign --url "http://127.0.0.1:$PORT/slack/events" "$QUESTION" | sh | python3 -c '
import json, sys
reply = json.load(sys.stdin)
print(reply.get("text", ""))
for block in reply.get("blocks", []):
    text = (block.get("text") or {}).get("text")
    if text:
        print("  " + text.replace("\n", "\n  "))
'
