#!/usr/bin/env bash
# bash scripts/bench intake [ORDERS] [CONCURRENCY]
# Starts the platform on a fresh database, walks ORDERS (default 2000) orders through the
# workflow over HTTP at CONCURRENCY (default 16), compares with PostgreSQL's single-row
# INSERT+COMMIT rate at the same concurrency, then stops the platform and drops the database.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
ORDERS="${1:-2000}"
CONC="${2:-16}"
cd "$ROOT"
require_tools
build_platform
trap 'cleanup' EXIT
PLATFORM_PID=""
cleanup() {
  if [ -n "$PLATFORM_PID" ]; then
    kill "$PLATFORM_PID" 2>/dev/null || true
    wait "$PLATFORM_PID" 2>/dev/null || true
  fi
  if [ -n "${PGPORT:-}" ]; then
    java -cp "$(platform_classpath)" org.hotline.ticketing.bench.DropDatabase "jdbc:postgresql://$PGHOST:$PGPORT/postgres" "$PGUSER" "${PGPASSWORD:-}" hotline_bench >/dev/null 2>&1 || true
  fi
  stop_embedded_postgres
}
ensure_postgres pg-bench
machine
java -cp "$(platform_classpath)" org.hotline.ticketing.bench.DropDatabase "jdbc:postgresql://$PGHOST:$PGPORT/postgres" "$PGUSER" "${PGPASSWORD:-}" hotline_bench
mkdir -p "$HOTLINE_DATA_DIR"
PORT=$((20000 + RANDOM % 20000))
log "starting the platform on port $PORT (database hotline_bench)"
PGDATABASE=hotline_bench HOTLINE_HTTP_PORT=$PORT HOTLINE_HTTP_HOST=127.0.0.1 HOTLINE_DB=external \
  HOTLINE_DATA_DIR="$HOTLINE_DATA_DIR/bench" \
  java -cp "$(platform_classpath)" org.hotline.ticketing.Main >"$HOTLINE_DATA_DIR/bench-platform.log" 2>&1 &
PLATFORM_PID=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$PLATFORM_PID" 2>/dev/null || { cat "$HOTLINE_DATA_DIR/bench-platform.log"; die "platform died"; }
  sleep 0.5
done
java -cp "$(platform_classpath)" org.hotline.ticketing.bench.IntakeBench "http://127.0.0.1:$PORT" \
  "jdbc:postgresql://$PGHOST:$PGPORT/hotline_bench" "$PGUSER" "${PGPASSWORD:-}" "$ORDERS" "$CONC"
