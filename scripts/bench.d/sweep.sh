#!/usr/bin/env bash
# bash scripts/bench sweep [ORDERS] [WARN_SHARE] [OVERDUE_SHARE] [BATCH]
# Fills a scratch database (hotline_bench_sweep) with ORDERS (default 1,000,000) open orders, of
# which WARN_SHARE (default 0.003) just crossed their 75 % warning moment and OVERDUE_SHARE (default
# 0.001) their deadline, and times one scheduler sweep that marks them all (history events, notices,
# SMS to the units' contacts). Goal: <= 1 s. The database is dropped afterwards.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
require_tools
build_platform
trap 'stop_embedded_postgres' EXIT
ensure_postgres pg-bench
machine
java -Xms512m -cp "$(platform_classpath)" org.hotline.ticketing.scheduler.SweepBench \
  "${1:-1000000}" "${2:-0.003}" "${3:-0.001}" "${4:-50000}" 2>&1 | grep -v -E '^[0-9:. ]+\[.*\] (INFO|DEBUG)'
