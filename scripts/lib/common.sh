# Shared helpers for scripts/run, scripts/test and scripts/bench. Source it; do not run it.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export HOTLINE_DATA_DIR="${HOTLINE_DATA_DIR:-$ROOT/data}"
MVN=(mvn -B -ntp -q)

log() { printf '[hotline] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_tools() {
  command -v java >/dev/null || die "java not found: install a JDK 17 or newer"
  command -v mvn >/dev/null || die "mvn not found: install Apache Maven (apt-get install maven)"
}

# Builds every module once (tests skipped) so that the launchers below have their classpath.
build_platform() {
  if [ "${HOTLINE_SKIP_BUILD:-}" = "1" ] && [ -d "$ROOT/ticketing/target/lib" ]; then
    return 0
  fi
  log "building (mvn install, tests skipped)..."
  (cd "$ROOT" && "${MVN[@]}" -DskipTests install) || die "build failed"
}

platform_classpath() {
  echo "${HOTLINE_CLASSPATH:-$ROOT/ticketing/target/classes:$ROOT/ticketing/target/lib/*}"
}

pg_defaults() {
  export PGHOST="${PGHOST:-127.0.0.1}"
  export PGPORT="${PGPORT:-5432}"
  export PGUSER="${PGUSER:-postgres}"
}

pg_reachable() {
  (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null
}

# Makes sure a PostgreSQL is reachable through the PG* variables. Order: the configured server;
# the machine's own cluster (started if it is installed but stopped); an embedded PostgreSQL from
# Maven Central kept in $HOTLINE_DATA_DIR/<folder>. HOTLINE_DB=embedded skips straight to the last.
EMBEDDED_PG_PID=""
ensure_postgres() {
  local folder="${1:-pg}"
  pg_defaults
  if [ "${HOTLINE_DB:-}" != "embedded" ]; then
    if pg_reachable; then log "PostgreSQL reachable at $PGHOST:$PGPORT"; return 0; fi
    if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && [ "$PGHOST" = "127.0.0.1" ]; then
      log "starting the machine's PostgreSQL cluster..."
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
      for _ in $(seq 1 20); do pg_reachable && { log "PostgreSQL started at $PGHOST:$PGPORT"; return 0; }; sleep 0.5; done
    fi
    log "no PostgreSQL at $PGHOST:$PGPORT: starting an embedded one"
  fi
  start_embedded_postgres "$folder"
}

start_embedded_postgres() {
  local folder="$1" out
  mkdir -p "$HOTLINE_DATA_DIR"
  out="$HOTLINE_DATA_DIR/$folder.launcher.out"
  : >"$out"
  java -cp "$(platform_classpath)" org.hotline.ticketing.db.EmbeddedPostgresMain "$HOTLINE_DATA_DIR/$folder" >"$out" 2>&1 &
  EMBEDDED_PG_PID=$!
  for _ in $(seq 1 120); do
    if grep -q '^READY port=' "$out"; then
      export PGHOST=127.0.0.1 PGUSER=postgres
      PGPORT="$(sed -n 's/^READY port=\([0-9]*\).*/\1/p' "$out" | head -1)"
      export PGPORT
      log "embedded PostgreSQL ready on 127.0.0.1:$PGPORT (data in $HOTLINE_DATA_DIR/$folder)"
      return 0
    fi
    kill -0 "$EMBEDDED_PG_PID" 2>/dev/null || { cat "$out" >&2; die "embedded PostgreSQL failed to start"; }
    sleep 0.5
  done
  die "embedded PostgreSQL did not become ready in 60 s (see $out)"
}

stop_embedded_postgres() {
  if [ -n "$EMBEDDED_PG_PID" ] && kill -0 "$EMBEDDED_PG_PID" 2>/dev/null; then
    kill "$EMBEDDED_PG_PID" 2>/dev/null || true
    wait "$EMBEDDED_PG_PID" 2>/dev/null || true
  fi
}

# The portal tests drive Debian's Chromium through chromedriver (never a downloaded browser).
ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk"; then
    return 0
  fi
  log "installing Debian's chromium, chromium-driver and a Chinese font for the browser tests"
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  if ! { $sudo apt-get install -y -q chromium chromium-driver fonts-wqy-microhei >/dev/null \
      || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q chromium chromium-driver fonts-wqy-microhei >/dev/null; }; }; then
    log "could not install chromium; the browser tests will fail (install chromium chromium-driver)"
  fi
}
