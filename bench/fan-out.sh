#!/usr/bin/env bash
# Publishing fan-out to 50,000 people on PostgreSQL (FanOutBenchmark): a company-wide post and one
# narrowed to a location, median of five runs, in a throw-away sibling of the tests' database. In the
# same runs: the publication split into its own statements, each listener and the commit; the
# deliveries' INSERT … SELECT alone; and its floor, COPY … FROM STDIN (FORMAT binary) of the same
# rows; rows/s of each and the ratio fan-out/COPY (issue 16's target: ≥ 0.8).
# Needs what the tests need (HERALD_TEST_DB_URL, Docker, or PostgreSQL on 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=FanOutBenchmark "$@" | grep -E '^Fan-out benchmark'
