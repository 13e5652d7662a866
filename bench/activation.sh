#!/usr/bin/env bash
# Activating a crisis plan for 50,000 people on PostgreSQL (ActivationBenchmark): the
# incident, the alert's deliveries and counters, inbox entries, outbox e-mails and the
# check-in roster in one transaction; median of three runs, in a throw-away sibling of the
# tests' database. Needs what the tests need (HERALD_TEST_DB_URL, Docker, or PostgreSQL on
# 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=ActivationBenchmark "$@" | grep -E '^Activation benchmark'
