#!/usr/bin/env bash
# Herald over HTTP against a bare Spring Boot app of the same stack (bench/bare), in one run:
# builds both, starts them on a throw-away PostgreSQL database, loads people and posts into
# Herald through its own API, drives both with wrk (Herald and bare alternating, medians of
# rounds), prints a table and a "nothing lost" recount of the acknowledgements, then stops
# both and drops the database. Parameters are environment variables (see bench/README.md):
#
#   bench/http.sh                                  # 2,000 people, 200 posts, 3 rounds of 15 s
#   BENCH_PEOPLE=50000 BENCH_POSTS=2000 bench/http.sh   # the issue's reference size (slow to load)
#
# Needs: Java 17+, wrk, psql and a PostgreSQL server that lets BENCH_PG_USER create databases.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# --- parameters -----------------------------------------------------------------------------
PEOPLE=${BENCH_PEOPLE:-2000}            # people imported into Herald's directory
POSTS=${BENCH_POSTS:-200}               # posts published company-wide, each asking for acknowledgement
DURATION=${BENCH_DURATION:-15}          # seconds per wrk run
ROUNDS=${BENCH_ROUNDS:-3}               # rounds; the table shows medians
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}             # wrk threads
SESSIONS=${BENCH_SESSIONS:-32}          # people signed in with a session cookie (feed)
TOKEN_USERS=${BENCH_TOKEN_USERS:-100}   # people with a personal access token (acks, /api/v1/me)
WARMUP=${BENCH_WARMUP:-10}              # seconds of unmeasured load on each app before round 1
HERALD_PORT=${BENCH_HERALD_PORT:-18080}
BARE_PORT=${BENCH_BARE_PORT:-18081}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_PASSWORD=${BENCH_PG_PASSWORD:-}
SKIP_BUILD=${BENCH_SKIP_BUILD:-false}   # true: use the jars already in target/
HERALD_OPTS=${BENCH_HERALD_OPTS:-}      # extra JVM options for Herald (e.g. a JFR recording)
ONLY=${BENCH_ONLY:-}                    # a subset of Herald's workloads, e.g. "feed me"

if ((SESSIONS > PEOPLE || TOKEN_USERS > PEOPLE)); then
  echo "BENCH_SESSIONS and BENCH_TOKEN_USERS must not exceed BENCH_PEOPLE" >&2
  exit 2
fi

DB="herald_bench_$(date +%s)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/herald-bench.XXXXXX")
HERALD="http://127.0.0.1:$HERALD_PORT"
BARE="http://127.0.0.1:$BARE_PORT"
ADMIN_EMAIL=admin@bench.test
# Only ever used in the throw-away database; long enough for Herald's password policy.
ADMIN_PASSWORD='bench-only passphrase 4719'
export PGPASSWORD=$PG_PASSWORD
PSQL=(psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
HERALD_PID=""
BARE_PID=""

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- cleanup: whatever happens, both apps stop and the database goes ---------------------------
cleanup() {
  local status=$?
  for pid in $HERALD_PID $BARE_PID; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $HERALD_PID $BARE_PID; do
    wait "$pid" 2>/dev/null || true
  done
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  if ((status != 0)); then
    log "logs and files of this run are in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# --- build and start ------------------------------------------------------------------------------
build() {
  if [[ $SKIP_BUILD == true ]]; then return; fi
  log "building Herald and bench/bare (tests skipped)"
  ./mvnw -q -DskipTests package >"$WORK/build-herald.log" 2>&1 || { tail -30 "$WORK/build-herald.log"; die "Herald build"; }
  ./mvnw -q -f bench/bare/pom.xml -DskipTests package >"$WORK/build-bare.log" 2>&1 || { tail -30 "$WORK/build-bare.log"; die "bare build"; }
}

herald_jar() {
  ls target/herald-*.jar | grep -v -- '-plain\.jar$' | head -1
}

# Polls a URL until it answers 200; gives up if the process died or after two minutes.
wait_up() {
  local name=$1 url=$2 pid=$3 logfile=$4
  for _ in $(seq 1 240); do
    if curl -s -o /dev/null -f "$url"; then return; fi
    if ! kill -0 "$pid" 2>/dev/null; then tail -40 "$logfile" >&2; die "$name stopped while starting"; fi
    sleep 0.5
  done
  tail -40 "$logfile" >&2
  die "$name did not answer $url within two minutes"
}

start_apps() {
  "${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null
  local jdbc="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
  log "starting Herald (postgres profile) on :$HERALD_PORT, database $DB"
  # spring.mail.host empty: e-mails wait in the outbox (as in the embedded default) instead of
  # the sender retrying a missing SMTP server in the background while we measure.
  SPRING_PROFILES_ACTIVE=postgres PORT=$HERALD_PORT \
    HERALD_DB_URL=$jdbc HERALD_DB_USER=$PG_USER HERALD_DB_PASSWORD=$PG_PASSWORD \
    HERALD_ADMIN_EMAIL=$ADMIN_EMAIL HERALD_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java $HERALD_OPTS -jar "$(herald_jar)" --spring.mail.host= >"$WORK/herald.log" 2>&1 &
  HERALD_PID=$!
  # One at a time: two JVMs starting at once on two cores only slow each other down.
  wait_up Herald "$HERALD/login" "$HERALD_PID" "$WORK/herald.log"
  log "starting bare on :$BARE_PORT"
  PORT=$BARE_PORT BARE_DB_URL=$jdbc BARE_DB_USER=$PG_USER BARE_DB_PASSWORD=$PG_PASSWORD \
    BARE_READERS=$PEOPLE BARE_POSTS=$POSTS \
    java -jar bench/bare/target/herald-bare.jar >"$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  wait_up bare "$BARE/health" "$BARE_PID" "$WORK/bare.log"
}

# --- talking to Herald ---------------------------------------------------------------------------
# The CSRF token of a page (Spring Security puts it in a hidden _csrf field of every form).
csrf_of() {
  grep -o 'name="_csrf"[^>]*' | head -1 | sed -E 's/.*value="([^"]*)".*/\1/'
}

# Signs in through the login form; the session cookie ends up in the cookie jar $3.
form_login() {
  local email=$1 password=$2 jar=$3 csrf location
  csrf=$(curl -sf -c "$jar" -b "$jar" "$HERALD/login" | csrf_of)
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
    "$HERALD/login")
  [[ $location != *login* ]] || die "form sign-in of $email went to $location"
}

# Posts a form of a signed-in page: fetches the page for its CSRF token first.
form_post() {
  local jar=$1 page=$2 action=$3 csrf status
  csrf=$(curl -sf -c "$jar" -b "$jar" "$HERALD$page" | csrf_of)
  [[ -n $csrf ]] || die "no CSRF token on $page"
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" "$HERALD$action")
  [[ $status == 302 || $status == 303 || $status == 200 ]] || die "POST $action answered $status"
}

# A personal access token, made with HTTP Basic (POST /api/v1/me/tokens). Tried up to three
# times: a refusal is reported on stderr with its status and body.
new_token() {
  local email=$1 password=$2 attempt answer
  for attempt in 1 2 3; do
    answer=$(curl -s -w ' HTTP%{http_code}' -u "$email:$password" -H 'Content-Type: application/json' \
      -d '{"name":"bench","expiresInDays":1}' "$HERALD/api/v1/me/tokens")
    if [[ $answer == *'"token":"'*' HTTP201' || $answer == *'"token":"'*' HTTP200' ]]; then
      sed -E 's/.*"token":"([^"]*)".*/\1/' <<<"$answer"
      return
    fi
    echo "token for $email, attempt $attempt: ${answer:0:300}" >&2
    sleep 1
  done
  return 1
}

api() { # method path [curl args…] — as the administrator, with the admin's token
  local method=$1 path=$2
  shift 2
  curl -sf -X "$method" -H "Authorization: Bearer $ADMIN_TOKEN" "$@" "$HERALD$path"
}

# One post in the company channel, published at once; prints its id.
new_post() {
  local i=$1 id
  id=$(api POST /api/v1/announcements -H 'Content-Type: application/json' -d "{
      \"channel\": \"company\", \"priority\": \"IMPORTANT\", \"ackRequired\": true,
      \"title\": \"Bench post number $i\",
      \"summary\": \"Summary of bench post $i, a sentence or two long.\",
      \"body\": \"Body of bench post $i with a [link](https://intranet.example/$i) and **some** Markdown.\"}" |
    sed -E 's/^\{"id":([0-9]+).*/\1/')
  [[ $id =~ ^[0-9]+$ ]] && api POST "/api/v1/announcements/$id/publish" >/dev/null && echo "$id"
}

# --- reference data, through Herald's own API as far as it goes --------------------------------------
load_herald() {
  local started=$SECONDS
  ADMIN_TOKEN=$(new_token "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
  [[ $ADMIN_TOKEN == hrld_* ]] || die "no token for the administrator"
  local admin_id
  admin_id=$(api GET /api/v1/me | sed -E 's/^\{"id":([0-9]+).*/\1/')

  # Channels and the right to post are pages only (no API): the admin's signed-in session does
  # them through the same forms a person would use.
  local jar="$WORK/admin.jar"
  form_login "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$jar"
  form_post "$jar" /manage/channels /manage/channels/standard
  form_post "$jar" "/admin/users/$admin_id" "/admin/users/$admin_id/roles/COMMS_MANAGER/grant"

  log "importing $PEOPLE people (POST /api/v1/directory/import)"
  {
    echo "email,first_name,last_name,job_title,department,location,time_zone,language"
    awk -v n="$PEOPLE" 'BEGIN {
      split("Operations Engineering Sales HR Finance Communications Facilities Legal Support Research", d, " ");
      split("Warsaw Krakow Taipei London Remote", l, " ");
      split("Europe/Warsaw Europe/Warsaw Asia/Taipei Europe/London UTC", z, " ");
      for (i = 1; i <= n; i++)
        printf "bench%d@bench.test,First%d,Person%d,Specialist %d,%s,%s,%s,en\n", i, i % 400, i, i % 30, d[1 + i % 10], l[1 + i % 5], z[1 + i % 5];
    }'
  } >"$WORK/people.csv"
  # Not through api(): on a refusal (422) we want the problem details it answers with.
  curl -s -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/people.csv" \
    "$HERALD/api/v1/directory/import?dryRun=false" >"$WORK/import.json" || true
  grep -q '"applied":true' "$WORK/import.json" || die "directory import refused: $(head -c 2000 "$WORK/import.json")"

  log "publishing $POSTS company-wide posts asking for acknowledgement (POST /api/v1/announcements, …/publish)"
  # Two at a time: each publish is one set-based fan-out, so the database and Herald share the cores.
  export -f api new_post
  export ADMIN_TOKEN HERALD
  seq 1 "$POSTS" | xargs -P 2 -I{} bash -c 'new_post {}' >"$WORK/post-ids.txt" || true
  [[ $(grep -cE '^[0-9]+$' "$WORK/post-ids.txt") -eq $POSTS ]] || die "not every post was published"

  # DELIBERATE SHORTCUT, straight into the throw-away database: imported people get an
  # invitation link by e-mail and no password, and no API sets one. The bench people get
  # the administrator's Argon2 hash, i.e. the administrator's password.
  local users=$((SESSIONS > TOKEN_USERS ? SESSIONS : TOKEN_USERS))
  "${PSQL[@]}" -d "$DB" -c "
    update user_accounts set password_hash = (
        select a.password_hash from user_accounts a join employees e on e.id = a.employee_id
        where e.email = '$ADMIN_EMAIL')
    where employee_id in (select id from employees
        where email in (select 'bench' || g || '@bench.test' from generate_series(1, $users) g))" >/dev/null

  log "signing in $SESSIONS people (form) and making tokens for $TOKEN_USERS (HTTP Basic)"
  : >"$WORK/cookies.txt"
  for ((i = 1; i <= SESSIONS; i++)); do
    form_login "bench$i@bench.test" "$ADMIN_PASSWORD" "$WORK/s$i.jar"
    awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$WORK/s$i.jar" >>"$WORK/cookies.txt"
  done
  [[ $(wc -l <"$WORK/cookies.txt") -eq $SESSIONS ]] || die "not every bench person got a session cookie"
  # Each token costs an Argon2 check; two at a time keeps both cores busy.
  export -f new_token
  export HERALD
  seq 1 "$TOKEN_USERS" | xargs -P 2 -I{} bash -c 'new_token "bench{}@bench.test" "$0"' "$ADMIN_PASSWORD" \
    >"$WORK/tokens.txt" || true
  [[ $(grep -c '^hrld_' "$WORK/tokens.txt") -eq $TOKEN_USERS ]] || die "not every bench person got a token"
  # The feed must be a signed-in page, not a redirect to /login.
  [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(head -1 "$WORK/cookies.txt")" "$HERALD/feed") == 200 ]] ||
    die "a bench session cookie does not open /feed"
  log "Herald loaded in $((SECONDS - started)) s: $(cat "$WORK/import.json")"
}

# --- measuring --------------------------------------------------------------------------------------
export BENCH_WRK_DIR="$ROOT/bench/wrk"

# Runs wrk once; prints the RESULT line of bench/wrk/common.lua.
run_wrk() {
  local url=$1 script=$2 seconds=$3
  BENCH_COOKIES="$WORK/cookies.txt" BENCH_TOKENS="$WORK/tokens.txt" BENCH_POST_IDS="$WORK/post-ids.txt" \
    BENCH_READERS=$PEOPLE BENCH_POST_COUNT=$POSTS BENCH_THREADS=$THREADS \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s -s "$BENCH_WRK_DIR/$script" "$url" \
    2>>"$WORK/wrk-stderr.log" | tee -a "$WORK/wrk.log" | grep '^RESULT' || die "wrk $script printed no result"
}

field() { # name result-line
  sed -E "s/.* $1=([^ ]*).*/\1/" <<<"$2"
}

# Workloads in the order they run within a round: Herald, then its bare counterpart.
WORKLOADS=(feed page herald-ack bare-ack me health)
declare -A URL=([feed]="$HERALD" [page]="$BARE" [herald-ack]="$HERALD" [bare-ack]="$BARE" [me]="$HERALD" [health]="$BARE")
declare -A SCRIPT=([feed]=herald-feed.lua [page]=bare-page.lua [herald-ack]=herald-ack.lua
  [bare-ack]=bare-ack.lua [me]=herald-me.lua [health]=bare-health.lua)
declare -A RESULTS=()
declare -A START=([herald-ack]=0 [bare-ack]=0)
declare -A ACK_OK=([herald-ack]=0 [bare-ack]=0)
declare -A ACK_BAD=([herald-ack]=0 [bare-ack]=0)

acked_rows() {
  "${PSQL[@]}" -d "$DB" -c "select
      (select count(*) from deliveries where acknowledged_at is not null),
      (select coalesce(sum(acknowledged), 0) from delivery_counts),
      (select count(*) from bench_receipts where acknowledged_at is not null)" | tr '|' ' '
}

measure() {
  # Warm-up: the JIT compiles, pools fill. The acks it makes come before the recount's
  # baseline, and the rounds start past the pairs it used.
  log "warming up ($WARMUP s each, not counted)"
  local line
  for w in "${WORKLOADS[@]}"; do
    export BENCH_START=0
    line=$(run_wrk "${URL[$w]}" "${SCRIPT[$w]}" "$WARMUP")
    if [[ -n ${START[$w]+x} ]]; then START[$w]=$(field span "$line"); fi
  done
  read -r ACKED_BEFORE COUNTED_BEFORE BARE_BEFORE < <(acked_rows)

  local round w
  for ((round = 1; round <= ROUNDS; round++)); do
    for w in "${WORKLOADS[@]}"; do
      export BENCH_START=${START[$w]:-0}
      line=$(run_wrk "${URL[$w]}" "${SCRIPT[$w]}" "$DURATION")
      log "round $round  $(printf '%-11s' "$w") $(field rps "$line") req/s  p50 $(field p50_ms "$line") ms  p99 $(field p99_ms "$line") ms  non-2xx $(field non2xx "$line")  errors $(field errors "$line")"
      RESULTS[$w]+="$line"$'\n'
      if [[ -n ${START[$w]+x} ]]; then
        # The next round starts past every pair this one handed out.
        START[$w]=$((START[$w] + $(field span "$line")))
        ACK_OK[$w]=$((ACK_OK[$w] + $(field ok "$line")))
        ACK_BAD[$w]=$((ACK_BAD[$w] + $(field non2xx "$line") + $(field errors "$line")))
      fi
    done
  done
}

median() { # numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

stat() { # workload field
  grep '^RESULT' <<<"${RESULTS[$1]}" | sed -E "s/.* $2=([^ ]*).*/\1/" | median
}

report() {
  echo
  echo "Herald vs bare — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $PEOPLE people, $POSTS posts,"
  echo "wrk $THREADS threads × $CONNECTIONS connections, medians of $ROUNDS rounds of $DURATION s"
  echo
  printf '| %-36s | %12s | %9s | %9s | %10s | %6s |\n' workload "Herald req/s" "p50 ms" "p99 ms" "bare req/s" ratio
  printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..38})" "$(printf -- '-%.0s' {1..14})" \
    "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..8})"
  local pair herald bare name h b
  for pair in "feed page GET /feed (session) vs /page" "herald-ack bare-ack POST ack (API, Bearer) vs /ack/{id}" \
    "me health GET /api/v1/me (Bearer) vs /health"; do
    read -r herald bare name <<<"$pair"
    h=$(stat "$herald" rps)
    b=$(stat "$bare" rps)
    printf '| %-36s | %12.0f | %9.1f | %9.1f | %10.0f | %6s |\n' "$name" "$h" "$(stat "$herald" p50_ms)" \
      "$(stat "$herald" p99_ms)" "$b" "$(awk -v h="$h" -v b="$b" 'BEGIN { printf "%.2f", (b > 0) ? h / b : 0 }')"
  done

  # Nothing lost: each 2xx wrk counted should be one more acknowledged row. wrk stops with up
  # to one request per connection in flight, which the server may still have carried out, so
  # the database may hold up to CONNECTIONS more rows per round than wrk counted, never fewer.
  read -r acked counted bare_acked < <(acked_rows)
  local herald_rows=$((acked - ACKED_BEFORE)) bare_rows=$((bare_acked - BARE_BEFORE))
  echo
  echo "Nothing lost (acknowledgements, all rounds):"
  printf '  Herald: %d answered 2xx by wrk, %d not; %d deliveries acknowledged in the database' \
    "${ACK_OK[herald-ack]}" "${ACK_BAD[herald-ack]}" "$herald_rows"
  printf '; tracking counters (delivery_counts) say %d of %d rows\n' "$((counted - COUNTED_BEFORE))" "$herald_rows"
  printf '  bare:   %d answered 2xx by wrk, %d not; %d receipts acknowledged in the database\n' \
    "${ACK_OK[bare-ack]}" "${ACK_BAD[bare-ack]}" "$bare_rows"
  local pairs=$((TOKEN_USERS * POSTS)) slack=$((CONNECTIONS * (ROUNDS + 1))) verdict=OK
  if ((START[herald-ack] > pairs)); then
    echo "  note: Herald's acks went round all $pairs (person, post) pairs; repeats are idempotent, so rows < 2xx"
  elif ((herald_rows < ACK_OK[herald-ack] || herald_rows > ACK_OK[herald-ack] + slack)); then
    verdict=MISMATCH
  fi
  if ((START[bare-ack] > PEOPLE * POSTS)); then
    echo "  note: bare's acks went round all $((PEOPLE * POSTS)) receipts; repeats are idempotent, so rows < 2xx"
  elif ((bare_rows < ACK_OK[bare-ack] || bare_rows > ACK_OK[bare-ack] + slack)); then
    verdict=MISMATCH
  fi
  if ((counted - COUNTED_BEFORE != herald_rows)); then verdict=MISMATCH; fi
  echo "  verdict: $verdict (rows may exceed 2xx by up to $slack: requests in flight when wrk stopped)"
}

main() {
  command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
  command -v psql >/dev/null || die "psql is not installed (apt-get install postgresql-client)"
  build
  start_apps
  load_herald
  measure
  report
}

main "$@"
