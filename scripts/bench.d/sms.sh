#!/usr/bin/env bash
# SMS benchmark: enqueue N mixed Chinese long/short and ASCII messages (default 20,000) through the
# outbox to the built-in SMSC simulator over loopback SMPP with window 50; prints segments/s, p99
# from commit to submit_sm_resp, losses and duplicates. Needs PostgreSQL via PG* (defaults
# 127.0.0.1:5432 postgres); uses and then drops the database hotline_bench_sms.
# Usage: bash scripts/bench sms [MESSAGES]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULE="$ROOT/sms"
N="${1:-20000}"
CP_FILE="$MODULE/target/bench-classpath.txt"
(cd "$ROOT" && mvn -B -ntp -q -o -pl sms test-compile >&2 \
  && mvn -B -ntp -q -o -pl sms dependency:build-classpath \
       -Dmdep.outputFile="$CP_FILE" -DincludeScope=test >&2)
command -v machine >/dev/null 2>&1 && machine
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
# Bounded: the Java side gives up after 180 s of sending; the whole run is killed after 6 minutes.
exec timeout 360 java -Xmx1g -XX:+UseParallelGC -cp "$MODULE/target/classes:$MODULE/target/test-classes:$(cat "$CP_FILE")" \
  org.hotline.sms.bench.SmsBench "$N" 180
