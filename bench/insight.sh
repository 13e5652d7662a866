#!/usr/bin/env bash
# The insight dashboards over the reference data set (InsightBenchmark): 50,000 employees, 2,000
# announcements over a year and about 20 million deliveries with reads and acknowledgements, generated
# with set-based SQL; then the overview, the channel map, the announcements list and a department's
# drill-down as HR opens them, median of ten runs, in a throw-away sibling of the tests' database.
# Needs what the tests need (HERALD_TEST_DB_URL, Docker, or PostgreSQL on 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=InsightBenchmark "$@" | grep -E '^Insight benchmark'
