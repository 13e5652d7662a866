#!/usr/bin/env bash
# Acknowledgements per second on PostgreSQL (AckThroughputBenchmark): 20,000 acknowledgements of four
# posts by 5,000 people, 8 threads at once (pass -Dbench.threads=N to change), after a warm-up, in a
# throw-away sibling of the tests' database.
# Needs what the tests need (HERALD_TEST_DB_URL, Docker, or PostgreSQL on 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=AckThroughputBenchmark "$@" | grep -E '^Ack benchmark'
