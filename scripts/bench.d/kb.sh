#!/usr/bin/env bash
# Knowledge-base benchmark: index N generated articles (default 100,000) in a temporary directory,
# then search p50/p99 at concurrency 1 and 8 with the evaluation questions.
# Usage: bash scripts/bench kb [ARTICLES]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULE="$ROOT/knowledge-base"
N="${1:-100000}"
CP_FILE="$MODULE/target/classpath.txt"
(cd "$ROOT" && mvn -B -ntp -q -o -pl knowledge-base -am package -DskipTests >&2 \
  && mvn -B -ntp -q -o -pl knowledge-base dependency:build-classpath \
       -Dmdep.outputFile="$CP_FILE" -DincludeScope=runtime >&2)
QUERIES=()
for f in "$MODULE/src/test/resources/eval/queries.jsonl" "$MODULE/src/test/resources/eval/queries-holdout.jsonl"; do
  [ -f "$f" ] && QUERIES+=("$f")
done
[ ${#QUERIES[@]} -gt 0 ] || { echo "no evaluation queries found" >&2; exit 1; }
command -v machine >/dev/null 2>&1 && machine
# Bounded: the whole run is stopped after 25 minutes; the Java side deletes its temp index.
# JVM defaults (heap, G1), as scripts/run starts the platform: a smaller fixed heap collects the
# young generation more often, and every pause stalls the searches in flight.
exec timeout 1500 java ${HOTLINE_JAVA_OPTS:-} -cp "$MODULE/target/classes:$(cat "$CP_FILE")" \
  org.hotline.kb.eval.IndexBenchmark "$N" "${QUERIES[@]}"
