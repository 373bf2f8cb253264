#!/usr/bin/env bash
# Socket Mode under bursts (issue 21, item 9), on the default launcher bin/msftchina serve (the
# heap as it gives serve): 2,000 slash commands sent at once over Socket Mode, then 1,000 mixed envelopes (slash
# commands, mentions, direct messages) at once, after a warm-up of 200. Prints for each burst the
# ack latency (p50, p99, max; how many after Slack's 3 s) and what the users got (answered, told
# the bot is busy, nothing). Slack's Socket Mode server and Web API are local stand-ins
# (msftchina.bench.SocketBurst); serve records into a temporary store of its own.
#
# Usage: bench/socket_burst.sh [PROJECT_DIR]  (default: this project; another checkout's
#        bin/msftchina and jar can be measured). Needs the jar (mvn -q -B -o -DskipTests package).
#        Run it holding the build lock on a shared machine:
#        flock /tmp/mvn.lock bash bench/socket_burst.sh
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
HERE=$(cd "$BENCH/.." && pwd)
PROJECT=$(cd "${1:-$HERE}" && pwd)
[ -f "$PROJECT/target/msftchina.jar" ] || { echo "no jar in $PROJECT/target: mvn -q -B -o -DskipTests package" >&2; exit 1; }
cd "$HERE"
if [ ! -f target/test-classes/msftchina/bench/SocketBurst.class ] || [ ! -f target/bench.classpath ]; then
  mvn -q -B -o -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -Xmx1g -cp "$CP" msftchina.bench.SocketBurst "$PROJECT"
