#!/usr/bin/env bash
# Load and start-up benchmark of `msftchina serve` on loopback, one run, several launches.
#
# For each launch (the default JVM, bin/msftchina, and bin/msftchina with one of its choices undone)
# it prints: the time from launch to the first answered signed /msftchina (median of RUNS), then,
# with wrk at CONNECTIONS connections for SECONDS each, the throughput, p50 and p99 latency and
# errors of signed /msftchina commands: unique questions (never repeated, as people ask them:
# bench/unique_requests.py), one question repeated (answered from the reply cache), and `help`
# (Bolt's own floor: no search), each with the server's CPU per request (its threads' user and system
# time over the warm-up and the load, divided by the requests: /proc/PID/stat); then the server's
# peak resident memory after the load. It ends
# with the goals of issue 13 and whether this run met them, then the cost of recording questions
# (issue 11): unique questions against fresh servers with MSFTCHINA_RECORD=off and =full,
# alternately, twice each, with each one's throughput and peak resident memory.
#
# Usage: bench/run.sh [CONNECTIONS] [SECONDS]     (defaults 16 and 10; RUNS=5)
#        LAUNCH=bin/msftchina bench/run.sh ...   that launch alone (its row and goals, no recording
#                                                part): a few minutes, for before/after runs
# Needs: the jar and archive (mvn -q -B -DskipTests package), wrk and python3 (installs wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-16}
SECONDS_EACH=${2:-10}
RUNS=${RUNS:-5}
JAR=target/msftchina.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source bench/stand_in.sh
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; kill "$STAND_IN" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
java -jar "$JAR" index >/dev/null 2>&1 || true
# Unique questions, signed just before each load (Slack's signatures are good for 5 minutes, and
# this script runs longer): enough that none repeats within one load at 40,000 requests a second.
unique_questions() {
  python3 bench/unique_requests.py "$SLACK_SIGNING_SECRET" $((40000 * (SECONDS_EACH + 2))) "$WORK/unique.txt"
}

# The launches compared: a name, then the command before 'serve'.
# bin/msftchina serves with C2 only and a 32 MiB heap; the last two undo one choice each.
LAUNCHES=("default JVM|java -jar $JAR" "bin/msftchina|bin/msftchina"
  "bin/msftchina, tiered JIT|env JAVA_OPTS=-XX:+TieredCompilation bin/msftchina"
  "bin/msftchina, 128 MiB heap|env JAVA_OPTS=-Xmx128m bin/msftchina")
if [ -n "${LAUNCH:-}" ]; then
  for launch in "${LAUNCHES[@]}"; do [ "${launch%%|*}" = "$LAUNCH" ] && only=$launch; done
  [ -n "${only:-}" ] || { echo "LAUNCH=$LAUNCH is none of: ${LAUNCHES[*]%%|*}" >&2; exit 1; }
  LAUNCHES=("$only")
fi

prepare() { PORT=$2 java -jar "$JAR" sign --url "http://127.0.0.1:$2/slack/events" "$1"; }

cold_start() { # cold_start LAUNCH -> ms from launch to the first answered signed request
  local port; port=$(free_port)
  local request; request=$(prepare "who is the biggest AI customer in China?" "$port")
  local start end
  start=$(date +%s%N)
  PORT=$port $1 serve 2>"$WORK/serve.log" & SERVER=$!
  until out=$(eval "$request --max-time 2" 2>/dev/null) && [[ $out == *ByteDance* ]]; do sleep 0.005; done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

lua_for() { # lua_for QUESTION FILE: a wrk script sending one signed command again and again
  local request; request=$(prepare "$1" "$PORT")
  python3 - "$request" "$2" <<'PY'
import shlex, sys
args = shlex.split(sys.argv[1].replace("\\\n", ""))  # sign prints one option a line, with backslash-newline continuations
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
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; } # the server's user + system CPU
wrk_run() { # wrk_run SCRIPT [ARGS…] -> "req/s p50 p99 errors requests cpu-ms-per-request"
  # The CPU is the server's (all its threads, the JIT's among them) over the 2 s warm-up and the
  # load, divided by the requests of both: what a request costs, warm-up included (issue 17).
  local script=$1; shift
  local c0 warm main; c0=$(cpu_ticks)
  warm=$(wrk -t2 -c"$CONNECTIONS" -d2s -s "$script" "http://127.0.0.1:$PORT/slack/events" -- "$@" | grep '^RESULT' | cut -d' ' -f6)
  main=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" -s "$script" "http://127.0.0.1:$PORT/slack/events" -- "$@" | grep '^RESULT' | cut -d' ' -f2-)
  echo "$main $(awk -v c=$(($(cpu_ticks) - c0)) -v hz="$(getconf CLK_TCK)" -v n=$((warm + ${main##* })) 'BEGIN {printf "%.3f", c * 1000 / hz / n}')"
}

declare -A R
printf '%-24s %9s | %-48s | %-48s | %-48s | %8s\n' launch "start ms" "unique questions: req/s p50 p99, CPU/request" "repeated question: req/s p50 p99, CPU/request" "help: req/s p50 p99, CPU/request" "peak MB"
for launch in "${LAUNCHES[@]}"; do
  name=${launch%%|*}; cmd=${launch#*|}
  start_ms=$(for _ in $(seq "$RUNS"); do cold_start "$cmd"; done | median)
  PORT=$(free_port)
  PORT=$PORT $cmd serve 2>"$WORK/serve.log" & SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done
  lua_for "who is Microsoft's biggest AI customer in China?" "$WORK/repeated.lua"
  lua_for "help" "$WORK/help.lua"
  unique_questions
  unique=$(wrk_run bench/unique.lua "$WORK/unique.txt" 2)
  repeated=$(wrk_run "$WORK/repeated.lua")
  help=$(wrk_run "$WORK/help.lua")
  peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER/status")
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  fmt() { set -- $1; printf '%8.0f %6.2f ms %6.2f ms (%d err) %6.3f ms' "$1" "$2" "$3" "$4" "$6"; }
  printf '%-24s %9s | %-48s | %-48s | %-48s | %8s\n' "$name" "$start_ms" "$(fmt "$unique")" "$(fmt "$repeated")" "$(fmt "$help")" "$peak"
  R[$name]="$start_ms $unique | $help | $peak"
done

echo
echo "== goals (issue 13), bin/msftchina =="
[ -n "${R[bin/msftchina]:-}" ] || exit 0
read -r s u_rps u_p50 u_p99 _ _ u_cpu h_rps _ _ _ _ _ peak <<<"$(echo "${R[bin/msftchina]}" | tr -d '|')"
read -r _ d_rps _ <<<"$(echo "${R[default JVM]:-0 0}" | tr -d '|')"
check() { if awk "BEGIN {exit !($1)}"; then echo "met"; else echo "NOT met"; fi; }
printf '%-62s %s\n' "unique questions >= 0.8x help: $(awk "BEGIN {printf \"%.2f\", $u_rps / $h_rps}")x" "$(check "$u_rps >= 0.8 * $h_rps")"
printf '%-62s %s\n' "unique questions p99 < 10 ms: $u_p99 ms" "$(check "$u_p99 < 10")"
echo "unique questions cost $u_cpu ms of the server's CPU each, warm-up included (issue 17: no more than before)"
printf '%-62s %s\n' "cold start <= 1000 ms: $s ms" "$(check "$s <= 1000")"
printf '%-62s %s\n' "peak memory <= 160 MiB: $peak MiB" "$(check "$peak <= 160")"
if [ -n "${R[default JVM]:-}" ]; then
  printf '%-62s %s\n' "unique throughput >= the default JVM's: $u_rps vs $d_rps" "$(check "$u_rps >= 0.95 * $d_rps")"
fi
echo "unique questions >= 5x the Bolt for JavaScript peer: not measured by this script (no peer here)"

[ -z "${LAUNCH:-}" ] || exit 0
echo
echo "== recording (issue 11): unique questions, $CONNECTIONS connections, ${SECONDS_EACH}s each, bin/msftchina, fresh server each =="
printf '%-22s %12s %10s %10s %7s %9s %11s %9s\n' run "requests/s" "p50 ms" "p99 ms" errors requests "CPU ms/req" "peak MB"
declare -A total=([off]=0 [full]=0)
for round in 1 2; do
  for mode in off full; do
    PORT=$(free_port)
    MSFTCHINA_RECORD=$mode PORT=$PORT bin/msftchina serve 2>"$WORK/serve-$mode.log" & SERVER=$!
    until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done
    unique_questions
    line=$(wrk_run bench/unique.lua "$WORK/unique.txt" 2)
    rss=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$SERVER/status")
    set -- $line; printf '%-22s %12s %10s %10s %7s %9s %11s %9s\n' "record=$mode (round $round)" "$1" "$2" "$3" "$4" "$5" "$6" "$rss"
    total[$mode]=$(awk -v a="${total[$mode]}" -v b="$1" 'BEGIN { print a + b }')
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  done
done
awk -v off="${total[off]}" -v full="${total[full]}" 'BEGIN { printf "recording costs %.1f%% of unique-question throughput (mean of 2 rounds: off %.0f/s, full %.0f/s)\n", 100 * (off - full) / off, off / 2, full / 2 }'
echo "what the store holds after the full rounds (msftchina stats):"
bin/msftchina stats --since 1d 2>/dev/null | grep -E "questions|dropped" | sed 's/^/  /'
