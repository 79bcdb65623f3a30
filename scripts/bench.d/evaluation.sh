#!/usr/bin/env bash
# bash scripts/bench evaluation [ORDERS]
# Fills a scratch database (hotline_bench_evaluation) with ORDERS (default 100,000) orders dispatched
# over one month to 20 units, each with its history, and times the month's unit evaluation (考核:
# GET /api/reports/units?period=month) in SQL, median of 3 runs. The database is dropped afterwards.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
cd "$ROOT"
require_tools
build_platform
trap 'stop_embedded_postgres' EXIT
ensure_postgres pg-bench
machine
java -Xms256m -cp "$(platform_classpath)" org.hotline.ticketing.report.EvaluationBench \
  "${1:-100000}" 2>&1 | grep -v -E '^[0-9:. ]+\[.*\] (INFO|DEBUG)'
