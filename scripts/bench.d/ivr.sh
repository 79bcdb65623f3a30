#!/usr/bin/env bash
# IVR benchmark: N simulated callers (default 2000) run the hotline FastAGI script at once against
# the event-driven FastAGI server (server + fake core on one Vert.x, simulated PBX on another, one
# JVM). Prints calls held at once, app-side turnaround p50/p99 per AGI command, failures.
# Usage: bash scripts/bench ivr [calls] [ramp_ms]
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
CALLS="${1:-2000}"
RAMP_MS="${2:-3000}"
cd "$ROOT"
machine 2>/dev/null || true
# Two sockets per call (server side and simulated PBX side) plus the JVM's own files.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((CALLS * 2 + 1000)) ] \
  || die "ulimit -n $(ulimit -n) is too low for $CALLS calls"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Compile only what the benchmark needs into a private directory, so that a build running in the
# module at the same time cannot pull classes away under it.
"${MVN[@]}" -o -pl telephony dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
  || "${MVN[@]}" -pl telephony dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
src=telephony/src
log "compiling the FastAGI server, the simulator and the benchmark..."
javac -nowarn -encoding UTF-8 --release 17 -d "$work/classes" -cp "$(cat "$work/cp.txt")" \
  "$src/main/java/org/hotline/telephony/TelephonyAddresses.java" \
  $(find "$src/main/java/org/hotline/telephony/agi" "$src/main/java/org/hotline/telephony/sim/agi" -name '*.java') \
  "$src/test/java/org/hotline/telephony/bench/IvrBenchmark.java" \
  "$src/test/java/org/hotline/telephony/bench/TurnaroundHistogram.java"
log "running $CALLS simulated calls (ramp ${RAMP_MS} ms)..."
timeout 150 java -Xms512m -Xmx1g -XX:+UseZGC ${IVR_JAVA_OPTS:-} \
  -Dlogback.configurationFile="$ROOT/$src/test/resources/logback-test.xml" \
  -cp "$work/classes:$(cat "$work/cp.txt")" \
  org.hotline.telephony.bench.IvrBenchmark "$CALLS" "$RAMP_MS"
