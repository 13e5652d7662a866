#!/usr/bin/env bash
# Whether publishing stays flat as deliveries grow (PublishingGrowthBenchmark): posts of 10,000
# recipients each (50,000 people in five locations, each post narrowed to one), published one after
# another through Publishing.publish, in a throw-away sibling of the tests' database. Prints per
# batch the median ms per post, its parts, the deliveries so far and the tables' sizes, then the last
# batch against the first. 300 posts (3 million deliveries) by default; the issue's reference is
# 2,000 posts, 20 million deliveries: bench/publish-growth.sh -Dbench.posts=2000 (about 20 GB of
# deliveries, notifications and queued e-mails on disk while it runs). Other options:
# -Dbench.batch=N (posts per printed batch, 100), -Dbench.priority=INFO (posts that ask for nothing:
# no notifications or e-mails).
# Needs what the tests need (HERALD_TEST_DB_URL, Docker, or PostgreSQL on 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dbenchmarks.excluded= -Dgroups=benchmark -Dtest=PublishingGrowthBenchmark "$@" | grep -E '^Growth benchmark'
