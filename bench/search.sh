#!/usr/bin/env bash
# JMH benchmark of search: time per question over the evaluation questions, after warm-up.
# Prints p50 and p99 in microseconds. Usage: bench/search.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -cp "$CP" org.openjdk.jmh.Main SearchBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 "$@" | tee target/search-bench.txt |
  grep -E 'ask(:p0.50|:p0.99|:p0.999)? ' | sed 's/^/  /'
