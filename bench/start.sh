#!/usr/bin/env bash
# Herald's start-up and memory, plain `java -jar` against the recommended way
# (src/main/scripts/herald: extracted jar, class-data archive, small-box JVM options), in one
# run: builds the jar, creates a throw-away PostgreSQL database, then for each variant starts
# Herald (postgres profile) BENCH_STARTS times and prints, per start and as medians: seconds from
# launch to a 200 from /actuator/health, the CPU seconds used by then, RSS right then, requests/s
# of wrk on GET /login and on a signed-in GET /feed, RSS after that load and the heap still in
# use after a full GC. Drops the database at the end.
#
#   bench/start.sh                                   # both variants, 3 starts each
#   BENCH_VARIANTS=recommended BENCH_HEAP=384m bench/start.sh
#   BENCH_FRESH=true bench/start.sh                  # every start on an empty database (first install)
#
# The starts are restarts of an installed Herald (the database already migrated, the first
# administrator there) unless BENCH_FRESH=true. Measure on an idle machine: `uptime` is printed.
# Needs: Java 17+, wrk, psql, curl and a PostgreSQL server that lets BENCH_PG_USER create databases.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# --- parameters -----------------------------------------------------------------------------
STARTS=${BENCH_STARTS:-3}                       # starts per variant; the table shows medians
VARIANTS=${BENCH_VARIANTS:-"plain recommended"} # plain: java -jar; recommended: src/main/scripts/herald
LOAD_SECONDS=${BENCH_LOAD_SECONDS:-15}          # seconds of wrk on each of /login and /feed
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}                     # wrk threads
FRESH=${BENCH_FRESH:-false}                     # true: a new, empty database before every start
PORT=${BENCH_PORT:-18090}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_PASSWORD=${BENCH_PG_PASSWORD:-}
SKIP_BUILD=${BENCH_SKIP_BUILD:-false}           # true: use the jar already in target/
PLAIN_OPTS=${BENCH_PLAIN_OPTS:-}                # JVM options of the plain variant (none: the JVM's defaults)
HEAP=${BENCH_HEAP:-}                            # HERALD_HEAP of the recommended variant (empty: the script's default)
JAVA_OPTS=${BENCH_JAVA_OPTS:-}                  # HERALD_JAVA_OPTS of the recommended variant (empty: the script's default)

for v in $VARIANTS; do
  [[ $v == plain || $v == recommended ]] || { echo "BENCH_VARIANTS: unknown variant $v (plain, recommended)" >&2; exit 2; }
done

DB="herald_start_$(date +%s)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/herald-start.XXXXXX")
HERALD="http://127.0.0.1:$PORT"
ADMIN_EMAIL=admin@bench.test
# Only ever used in the throw-away database; long enough for Herald's password policy.
ADMIN_PASSWORD='bench-only passphrase 4719'
export PGPASSWORD=$PG_PASSWORD
PSQL=(psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
HERALD_PID=""

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- cleanup: whatever happens, Herald stops and the database goes ----------------------------
stop_herald() {
  if [[ -n $HERALD_PID ]]; then
    kill "$HERALD_PID" 2>/dev/null || true
    wait "$HERALD_PID" 2>/dev/null || true
    HERALD_PID=""
  fi
}
cleanup() {
  local status=$?
  stop_herald
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  if ((status != 0)); then
    log "logs and files of this run are in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# --- build, database --------------------------------------------------------------------------
if [[ $SKIP_BUILD != true ]]; then
  log "building Herald (tests skipped)"
  ./mvnw -q -DskipTests package >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; die "build"; }
fi
JAR=$(ls "$ROOT"/target/herald-*.jar | grep -v -- '-plain\.jar$' | head -1)
new_database() {
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
  "${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null
}
new_database

# Herald's environment: the postgres profile on the throw-away database, e-mails held in the
# outbox (no SMTP server) so that no sender retries in the background while we measure.
export SPRING_PROFILES_ACTIVE=postgres PORT
export HERALD_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" HERALD_DB_USER=$PG_USER HERALD_DB_PASSWORD=$PG_PASSWORD
export HERALD_ADMIN_EMAIL=$ADMIN_EMAIL HERALD_ADMIN_PASSWORD=$ADMIN_PASSWORD
export HERALD_JAR=$JAR HERALD_RUN_DIR=$WORK/run
[[ -z $HEAP ]] || export HERALD_HEAP=$HEAP
[[ -z $JAVA_OPTS ]] || export HERALD_JAVA_OPTS=$JAVA_OPTS

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java # both variants run this Java (the script reads JAVA_HOME too)
launch() { # variant logfile
  case $1 in
    # shellcheck disable=SC2086
    plain) "$JAVA" $PLAIN_OPTS -jar "$JAR" --spring.mail.host= >"$2" 2>&1 & ;;
    recommended) src/main/scripts/herald --spring.mail.host= >"$2" 2>&1 & ;;
  esac
  HERALD_PID=$!
}

rss_mb() { # pid — resident set size in MB
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

cpu_s() { # pid — CPU seconds (user + system) the process has used: less sensitive to a busy machine than wall time
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"
}

live_heap_mb() { # pid — heap in use after a full GC (the class histogram forces one)
  "${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" "$1" GC.class_histogram 2>/dev/null | awk '/^Total/ { printf "%d", $3 / 1048576 }'
}

# Polls health every 50 ms; prints seconds from launch to the first 200.
wait_healthy() { # started logfile
  local started=$1 logfile=$2
  while ! curl -s -o /dev/null -f "$HERALD/actuator/health"; do
    if ! kill -0 "$HERALD_PID" 2>/dev/null; then tail -40 "$logfile" >&2; die "Herald stopped while starting"; fi
    if (($(date +%s) - ${started%.*} > 300)); then tail -40 "$logfile" >&2; die "Herald not healthy within five minutes"; fi
    sleep 0.05
  done
  awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
}

# The signed-in administrator's session cookie (login form, with its CSRF token).
session_cookie() {
  local jar=$WORK/admin.jar csrf
  rm -f "$jar"
  csrf=$(curl -sf -c "$jar" -b "$jar" "$HERALD/login" | grep -o 'name="_csrf"[^>]*' | head -1 | sed -E 's/.*value="([^"]*)".*/\1/')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$HERALD/login"
  awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar"
}

rps() { # path [wrk args…] — requests/s of one wrk run; fails on any answer but 2xx
  local path=$1 out
  shift
  out=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${LOAD_SECONDS}s" "$@" "$HERALD$path")
  ! grep -q 'Non-2xx' <<<"$out" || die "GET $path answered other than 2xx: $out"
  awk '/^Requests\/sec:/ { printf "%d", $2 }' <<<"$out"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# --- measure ----------------------------------------------------------------------------------
log "machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), load:$(uptime | sed 's/.*load average://')"
if [[ " $VARIANTS " == *" recommended "* ]]; then
  log "recommended: extracting the jar and the training run (not timed)"
  src/main/scripts/herald prepare --spring.mail.host= >"$WORK/prepare.log" 2>&1 || { cat "$WORK/prepare.log"; die "prepare"; }
fi
RESULTS=$WORK/results.txt
: >"$RESULTS"
for run in $(seq 1 "$STARTS"); do
  for variant in $VARIANTS; do # alternating, so that a busy spell on the machine hits both
    [[ $FRESH != true ]] || new_database
    logfile=$WORK/$variant-$run.log
    started=$(date +%s.%N)
    launch "$variant" "$logfile"
    healthy=$(wait_healthy "$started" "$logfile")
    rss_start=$(rss_mb "$HERALD_PID")
    cpu=$(cpu_s "$HERALD_PID")
    spring=$(grep -o 'Started HeraldApplication in [0-9.]* seconds' "$logfile" | grep -o '[0-9.]*' || echo '?')
    login=$(rps /login)
    cookie=$(session_cookie)
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$HERALD/feed") == 200 ]] || die "the admin's session does not open /feed"
    feed=$(rps /feed -H "Cookie: $cookie")
    rss_load=$(rss_mb "$HERALD_PID")
    live=$(live_heap_mb "$HERALD_PID")
    stop_herald
    log "$variant #$run: healthy after ${healthy} s (Spring: ${spring} s, ${cpu} CPU s), RSS ${rss_start} MB; /login ${login}/s, /feed ${feed}/s; RSS after load ${rss_load} MB (live heap ${live} MB); load:$(uptime | sed 's/.*load average://')"
    echo "$variant $healthy $cpu $rss_start $login $feed $rss_load $live" >>"$RESULTS"
  done
done

printf '\nHerald start-up, %s starts each (medians), %s cores, load now:%s\n' "$STARTS" "$(nproc)" "$(uptime | sed 's/.*load average://')"
FORMAT='%-12s | %9s | %9s | %9s | %10s | %9s | %12s | %13s\n'
# shellcheck disable=SC2059
printf "$FORMAT" variant 'healthy s' 'CPU s' 'RSS MB' '/login r/s' '/feed r/s' 'RSS load MB' 'live heap MB'
# shellcheck disable=SC2059
printf "$FORMAT" ------------ --------- --------- --------- ---------- --------- ------------ -------------
for variant in $VARIANTS; do
  row=$variant
  for col in 2 3 4 5 6 7 8; do
    row="$row $(awk -v v="$variant" -v c="$col" '$1 == v { print $c }' "$RESULTS" | median)"
  done
  # shellcheck disable=SC2059,SC2086
  printf "$FORMAT" $row
done
