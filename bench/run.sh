#!/usr/bin/env bash
# Load and start-up benchmark of `msftchina serve` on loopback.
#
# Sends signed /msftchina slash commands with wrk at a fixed concurrency for a fixed time:
# once with a real question, once with `help` (Bolt's own floor: no search). Prints
# throughput, p50 and p99 latency, errors, and the ratio question/help; the time from
# `java -jar … serve` to the first answered signed request, with each launch flag's share;
# and the server's peak resident memory. Then the cost of recording questions (issue 11): the same
# question load against fresh servers with MSFTCHINA_RECORD=off and =full, alternately, twice
# each, with each one's throughput and peak resident memory.
#
# Usage: bench/run.sh [CONNECTIONS] [SECONDS]     (defaults 16 and 10)
# Needs: the jar (mvn -q -B -DskipTests package), wrk and python3 (installs wrk if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-16}
SECONDS_EACH=${2:-10}
JAR=target/msftchina.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

export SLACK_SIGNING_SECRET=bench-signing-secret SLACK_BOT_TOKEN=xoxb-bench-token HOST=127.0.0.1
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
STAND_IN_PORT=$(free_port)
python3 bench/slack_stand_in.py "$STAND_IN_PORT" & STAND_IN=$!
export SLACK_API_URL="http://127.0.0.1:$STAND_IN_PORT/api/"
WORK=$(mktemp -d)
export MSFTCHINA_DB="jdbc:sqlite:$WORK/bench.db" # the store, away from the working tree
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; kill "$STAND_IN" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# The flags the README gives, and the class-data archive they use.
FLAGS=(-XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 -Xss512k)
CDS=target/msftchina.jsa
java -jar "$JAR" index >/dev/null 2>&1 || true

# Sends one signed request prepared by `sign`; prints the HTTP status.
prepare() { # prepare QUESTION PORT -> a curl command
  PORT=$2 java -jar "$JAR" sign --url "http://127.0.0.1:$2/slack/events" "$1"
}

# Starts serve with the given flags; waits for the first answered signed request; prints ms.
cold_start() {
  local port; port=$(free_port)
  local request; request=$(prepare "who is the biggest AI customer in China?" "$port")
  local start end
  start=$(date +%s%N)
  PORT=$port java "$@" -jar "$JAR" serve 2>"$WORK/serve.log" & SERVER=$!
  until out=$(eval "$request --max-time 2" 2>/dev/null) && [[ $out == *ByteDance* ]]; do sleep 0.005; done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
runs=${RUNS:-5}
time_for() { for _ in $(seq $runs); do cold_start "$@"; done | median; }

if [ ! -f "$CDS" ] || [ "$JAR" -nt "$CDS" ]; then # training run: record the classes a start and an answer load
  cold_start "${FLAGS[@]}" -XX:ArchiveClassesAtExit="$CDS" >/dev/null 2>&1 || true
fi

echo "== cold start: java -jar … serve to the first answered signed /msftchina (median of $runs) =="
printf '%-48s %6s ms\n' "default JVM flags" "$(time_for)"
printf '%-48s %6s ms\n' "+ -XX:+UseSerialGC" "$(time_for -XX:+UseSerialGC)"
printf '%-48s %6s ms\n' "+ -Xmx128m" "$(time_for -XX:+UseSerialGC -Xmx128m)"
printf '%-48s %6s ms\n' "+ -XX:TieredStopAtLevel=1" "$(time_for -XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1)"
printf '%-48s %6s ms\n' "+ -Xss512k" "$(time_for "${FLAGS[@]}")"
printf '%-48s %6s ms\n' "+ -XX:SharedArchiveFile (AppCDS): README flags" "$(time_for "${FLAGS[@]}" -XX:SharedArchiveFile="$CDS")"

echo
echo "== load: wrk, $CONNECTIONS connections, ${SECONDS_EACH}s each, README flags =="
PORT=$(free_port)
PORT=$PORT java "${FLAGS[@]}" -XX:SharedArchiveFile="$CDS" -jar "$JAR" serve 2>"$WORK/serve.log" & SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done

lua_for() { # lua_for QUESTION FILE: a wrk script sending the signed command
  local request; request=$(prepare "$1" "$PORT")
  python3 - "$request" "$2" <<'PY'
import shlex, sys
args = shlex.split(sys.argv[1])
headers = [args[i + 1] for i, a in enumerate(args) if a == "-H"]
body = args[args.index("--data-raw") + 1]
with open(sys.argv[2], "w") as f:
    f.write('wrk.method = "POST"\n')
    f.write("wrk.body = %s\n" % repr(body).replace("'", '"'))
    for h in headers:
        k, v = h.split(": ", 1)
        f.write('wrk.headers["%s"] = "%s"\n' % (k, v))
    f.write('done = function(summary, latency, requests)\n')
    f.write('  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\\n", summary.requests / summary.duration * 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))\n')
    f.write('end\n')
PY
}

run_wrk() { # run_wrk NAME QUESTION
  lua_for "$2" "$WORK/$1.lua"
  wrk -t2 -c"$CONNECTIONS" -d2s -s "$WORK/$1.lua" "http://127.0.0.1:$PORT/slack/events" >/dev/null # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" -s "$WORK/$1.lua" "http://127.0.0.1:$PORT/slack/events" | grep '^RESULT' | sed "s/^RESULT/$1/"
}
printf '%-9s %12s %10s %10s %7s %9s\n' run "requests/s" "p50 ms" "p99 ms" errors requests
question=$(run_wrk question "who is Microsoft's biggest AI customer in China?")
help=$(run_wrk help "help")
for line in "$question" "$help"; do
  set -- $line; printf '%-9s %12s %10s %10s %7s %9s\n' "$1" "$2" "$3" "$4" "$5" "$6"
done
awk -v q="$question" -v h="$help" 'BEGIN { split(q, a, " "); split(h, b, " "); printf "ratio question/help (throughput): %.2f\n", a[2] / b[2] }'
echo "peak resident memory of serve: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$SERVER/status)"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=

echo
echo "== recording: question load, $CONNECTIONS connections, ${SECONDS_EACH}s each, fresh server each =="
printf '%-22s %12s %10s %10s %7s %9s %9s\n' run "requests/s" "p50 ms" "p99 ms" errors requests "peak RSS"
declare -A total=([off]=0 [full]=0)
for round in 1 2; do
  for mode in off full; do
    PORT=$(free_port)
    MSFTCHINA_RECORD=$mode PORT=$PORT java "${FLAGS[@]}" -XX:SharedArchiveFile="$CDS" -jar "$JAR" serve 2>"$WORK/serve-$mode.log" & SERVER=$!
    until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done
    line=$(run_wrk "record=$mode" "who is Microsoft's biggest AI customer in China?")
    rss=$(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' /proc/$SERVER/status)
    set -- $line; printf '%-22s %12s %10s %10s %7s %9s %9s\n' "$1 (round $round)" "$2" "$3" "$4" "$5" "$6" "$rss"
    total[$mode]=$(awk -v a="${total[$mode]}" -v b="$2" 'BEGIN { print a + b }')
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  done
done
awk -v off="${total[off]}" -v full="${total[full]}" 'BEGIN { printf "recording costs %.1f%% of question throughput (mean of 2 rounds: off %.0f/s, full %.0f/s)\n", 100 * (off - full) / off, off / 2, full / 2 }'
echo "what the store holds after the full rounds (msftchina stats):"
java -jar "$JAR" stats --since 1d 2>/dev/null | grep -E "questions|dropped" | sed 's/^/  /'
