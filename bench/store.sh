#!/usr/bin/env bash
# The store at a million questions (issue 21, item 2), on the default launcher bin/msftchina.
#
# Makes a store of ROWS questions (default 1,000,000: ~90 days of a busy workspace, a third of them
# refused, bench/store_fill.py) in a temporary SQLite file, then reports:
#   - `gaps`, `gaps --json` and `stats`: time, peak resident memory, lines printed;
#   - `serve` on that store with an admin (MSFTCHINA_ADMINS): the Home tab opened by the admin
#     (first, then again) and by another user: the event's acknowledgement and the time until
#     views.publish reaches the Web API stand-in (bench/slack_stand_in.py);
#   - slash commands from CLIENTS users one after another for LOAD_SECONDS while the admin opens the
#     Home tab every 250 ms: count, p50, p99, max, failures (not 200, or slower than Slack's 3 s);
#     serve's peak resident memory and OutOfMemoryErrors logged;
#   - a start on a store whose ROWS questions are all past the retention (90 days): mentions every
#     50 ms for 15 s (each one's event is claimed in the store before it is acknowledged): p99, max,
#     failures, the store's "is failing" log lines, and the rows left after.
# Requests are signed as Slack signs them (bench/store_load.py). Run it holding the build lock on a
# shared machine: flock /tmp/mvn.lock bash bench/store.sh
#
# Usage: bench/store.sh [PROJECT_DIR]   (default: this project; another checkout's bin/msftchina and
#        jar can be measured with this script). Needs the jar (mvn -q -B -DskipTests package), python3
#        and /usr/bin/time. ROWS, LOAD_SECONDS (20) and CLIENTS (4) from the environment.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(cd "${1:-$BENCH/..}" && pwd)
ROWS=${ROWS:-1000000}
LOAD_SECONDS=${LOAD_SECONDS:-20}
CLIENTS=${CLIENTS:-4}
MSF="$PROJECT/bin/msftchina"
[ -f "$PROJECT/target/msftchina.jar" ] || { echo "no jar in $PROJECT/target: mvn -q -B -DskipTests package" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

WORK=$(mktemp -d)
STAND_IN= SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  [ -n "$STAND_IN" ] && kill "$STAND_IN" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# A store at the newest schema (an empty file is made one by the first command that opens it), then
# filled directly, much faster than serve could record it.
new_store() { # new_store FILE ROWS [DAYS AGE_DAYS]
  : >"$1"
  MSFTCHINA_DB="jdbc:sqlite:$1" "$MSF" stats >/dev/null
  python3 "$BENCH/store_fill.py" "$@"
}
DB=$WORK/store.db
export MSFTCHINA_DB="jdbc:sqlite:$DB"
start=$(date +%s%N)
new_store "$DB" "$ROWS"
echo "store: $ROWS questions, $(du -m "$DB" | cut -f1) MB, made in $(ms "$start") ms ($PROJECT, $(git -C "$PROJECT" rev-parse --short HEAD 2>/dev/null || echo '?'))"

declare -a TABLE
row() { TABLE+=("$(printf '%-44s %s' "$1" "$2")"); echo "  ${TABLE[-1]}" >&2; }
command_row() { # command_row ARGS...: time, peak RSS and lines of bin/msftchina ARGS
  local status=0
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$MSF" "$@" >"$WORK/out" 2>"$WORK/err" || status=$?
  read -r secs kb <<<"$(tail -1 "$WORK/time")"
  local note=""
  [ "$status" = 0 ] || note=" EXIT $status: $({ grep -m1 -E 'Error|Exception|error' "$WORK/err" || true; } | cut -c1-80)"
  row "$*" "$(printf '%6.2f s  %5d MB peak  %8d lines%s' "$secs" $((kb / 1024)) "$(wc -l <"$WORK/out")" "$note")"
}
command_row gaps
{ head -c 1500 "$WORK/out"; echo; } | sed "s/^/    | /" >&2
command_row gaps --json
command_row stats
tail -n 8 "$WORK/out" | sed 's/^/    | /' >&2

SECRET=bench-store-signing-secret
SLACK_PORT=$(free_port)
CALLS=$WORK/calls.log
python3 "$BENCH/slack_stand_in.py" "$SLACK_PORT" "$CALLS" & STAND_IN=$!
export SLACK_SIGNING_SECRET=$SECRET SLACK_BOT_TOKEN=xoxb-bench-store HOST=127.0.0.1
export SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api/" MSFTCHINA_ADMINS=UADMIN
serve() { # serve LOG: starts bin/msftchina serve on a free port, waits until it is ready
  PORT=$(free_port)
  (cd "$PROJECT" && PORT=$PORT exec bin/msftchina serve) 2>"$1" & SERVER=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && return 0
    kill -0 "$SERVER" 2>/dev/null || { cat "$1" >&2; exit 1; }
    sleep 0.05
  done
  echo "serve was not ready in 30 s" >&2; exit 1
}
stop() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; SERVER=; }
home_row() { # home_row LABEL USER
  read -r status ack publish <<<"$(python3 "$BENCH/store_load.py" home "$PORT" "$SECRET" "$2" "$CALLS")"
  row "$1" "$(printf 'HTTP %s, ack %5s ms, views.publish after %s ms' "$status" "$ack" "$publish")"
}

serve "$WORK/serve.log"
home_row "Home tab, admin, first open" UADMIN
home_row "Home tab, admin, again" UADMIN
home_row "Home tab, another user" UREADER
read -r n p50 p99 max fails opens bad worst published <<<"$(python3 "$BENCH/store_load.py" load "$PORT" "$SECRET" UADMIN "$CALLS" "$LOAD_SECONDS" "$CLIENTS")"
row "slash commands while the admin opens Home" "$(printf '%d sent, p50 %s ms, p99 %s ms, max %s ms, %d failed' "$n" "$p50" "$p99" "$max" "$fails")"
row "  the admin's Home tab meanwhile" "$(printf '%d opens (%d failed, worst ack %s ms), %d views published' "$opens" "$bad" "$worst" "$published")"
if kill -0 "$SERVER" 2>/dev/null; then
  peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER/status")
else
  peak="(exited)"
fi
row "  serve: peak memory, OutOfMemoryErrors" "$peak MB, $(grep -c OutOfMemoryError "$WORK/serve.log" || true) OOM lines in the log"
stop

OLD=$WORK/old.db
new_store "$OLD" "$ROWS" 30 92
export MSFTCHINA_DB="jdbc:sqlite:$OLD"
serve "$WORK/old.log"
read -r n p50 p99 max fails <<<"$(python3 "$BENCH/store_load.py" events "$PORT" "$SECRET" 15)"
row "start past retention: mentions (claims)" "$(printf '%d sent, p50 %s ms, p99 %s ms, max %s ms, %d failed' "$n" "$p50" "$p99" "$max" "$fails")"
stop
left=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM questions WHERE asked_at < (strftime(\"%s\",\"now\") - 90 * 86400) * 1000").fetchone()[0])' "$OLD")
row "  store lines 'is failing', rows left old" "$(grep -c 'is failing' "$WORK/old.log" || true) lines, $left of $ROWS rows past retention left after 15 s"
{ grep -E 'WARN|ERROR' "$WORK/old.log" || true; } | head -5 | cut -c1-200 | sed 's/^/    | /' >&2

echo
printf '%-44s %s\n' "measure ($ROWS questions)" "result"
printf '%s\n' "${TABLE[@]}"
