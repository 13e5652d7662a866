#!/usr/bin/env bash
# The escalation sweep over 50,000 people overdue on an IMPORTANT post (SweepBenchmark): all four
# default steps at once, digests for 5,000 managers, then a sweep with nothing left to do; median of
# three runs, in a throw-away sibling of the tests' database.
# Needs what the tests need (HERALD_TEST_DB_URL, Docker, or PostgreSQL on 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=SweepBenchmark "$@" | grep -E '^Sweep benchmark'
