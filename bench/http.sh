#!/usr/bin/env bash
# Herald over HTTP against a bare Spring Boot app of the same stack (bench/bare), in one run:
# builds both, starts them on a throw-away PostgreSQL database, loads people and posts into
# Herald through its own API, drives both with wrk (Herald and bare alternating, medians of
# rounds), prints a table and a "nothing lost" recount of every writing workload, then
# stops both and drops the database. Parameters are environment variables (see bench/README.md):
#
#   bench/http.sh                                  # 2,000 people, 200 posts, 3 rounds of 15 s
#   BENCH_PEOPLE=50000 BENCH_POSTS=2000 BENCH_SPREAD=location bench/http.sh   # the issue's reference size
#   BENCH_ONLY="feed check-in-link surge" bench/http.sh   # some workloads only
#
# Needs: Java 17+, wrk, psql and a PostgreSQL server that lets BENCH_PG_USER create databases.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# --- parameters -----------------------------------------------------------------------------
PEOPLE=${BENCH_PEOPLE:-2000}            # people imported into Herald's directory
POSTS=${BENCH_POSTS:-200}               # posts published, each asking for acknowledgement
DURATION=${BENCH_DURATION:-15}          # seconds per wrk run
ROUNDS=${BENCH_ROUNDS:-3}               # rounds; the table shows medians
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}             # wrk threads
SESSIONS=${BENCH_SESSIONS:-32}          # people signed in with a session cookie (the pages)
TOKEN_USERS=${BENCH_TOKEN_USERS:-100}   # people with a personal access token (acks, /api/v1/me, check-ins)
READ_USERS=${BENCH_READ_USERS:-100}     # other people with a token, for reads through the API
FORM_USERS=${BENCH_FORM_USERS:-100}     # other people signed in, for the forms (acks, check-ins, surge)
INCIDENTS=${BENCH_INCIDENTS:-2}         # open incidents (one plan each) per check-in workload
SPREAD=${BENCH_SPREAD:-company}         # company: every post to everyone; location: each to one location
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
KEEP_DB=${BENCH_KEEP_DB:-false}         # true: leave the database for a look afterwards (drop it yourself)

# Herald's workloads: name, wrk script (its settings: settings()), bare counterpart (- for
# none), and the label of the report. The crisis ones (check-in-*, surge) run after the others,
# once incidents are open: an open alert changes every page (banner, feed, inbox).
WORKLOAD_TABLE="\
feed           herald-page.lua          bare-page.lua   GET /feed (session) vs /page
post           herald-page.lua          bare-page.lua   GET /announcements/{id} (session) vs /page
channel        herald-page.lua          bare-page.lua   GET /channels/company (session) vs /page
notifications  herald-page.lua          bare-page.lua   GET /notifications (session) vs /page
ack            herald-ack.lua           bare-ack.lua    POST ack (API, Bearer) vs /ack/{id}
form-ack       herald-form-ack.lua      bare-ack.lua    POST ack (form, session) vs /ack/{id}
read           herald-ack.lua           bare-ack.lua    POST read (API, Bearer) vs /ack/{id}
me             herald-me.lua            bare-health.lua GET /api/v1/me (Bearer) vs /health
check-in-api   herald-check-in.lua      bare-ack.lua    check-in (API, Bearer) vs /ack/{id}
check-in-form  herald-check-in.lua      bare-ack.lua    check-in (form, session) vs /ack/{id}
check-in-link  herald-check-in-link.lua bare-ack.lua    check-in (e-mail link) vs /ack/{id}
surge          herald-check-in.lua      -               crisis surge: alert page + check-in (form)"
ALL=$(awk '{ print $1 }' <<<"$WORKLOAD_TABLE" | xargs)
SELECTED=${ONLY:-$ALL}
for w in $SELECTED; do
  [[ " $ALL " == *" $w "* ]] || { echo "BENCH_ONLY: unknown workload $w (known: $ALL)" >&2; exit 2; }
done
selected() { # workload… — true when any of them runs
  local w
  for w in "$@"; do [[ " $SELECTED " == *" $w "* ]] && return 0; done
  return 1
}
[[ $SPREAD == company || $SPREAD == location ]] || { echo "BENCH_SPREAD must be company or location" >&2; exit 2; }

# The bench people by number (benchN@bench.test), one group per job so that no two
# workloads write the same (person, post) or (person, incident) pair: page readers,
# token holders (API acks, /api/v1/me, API check-ins), API readers (an acknowledgement is
# also a read), form users (form acks, form check-ins, the surge). Check-ins by e-mail
# link go to everyone, on incidents of their own.
S_FIRST=1
T_FIRST=$((S_FIRST + SESSIONS))
R_FIRST=$((T_FIRST + TOKEN_USERS))
F_FIRST=$((R_FIRST + READ_USERS))
if ((F_FIRST + FORM_USERS - 1 > PEOPLE)); then
  echo "BENCH_SESSIONS + BENCH_TOKEN_USERS + BENCH_READ_USERS + BENCH_FORM_USERS must not exceed BENCH_PEOPLE" >&2
  exit 2
fi
# The imported people's locations: person i is in the (i mod 5)-th, counting from 0.
LOCATION_NAMES="Warsaw Krakow Taipei London Remote"
LOCATIONS=5

DB="herald_bench_$(date +%s)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/herald-bench.XXXXXX")
HERALD="http://127.0.0.1:$HERALD_PORT"
BARE="http://127.0.0.1:$BARE_PORT"
ADMIN_EMAIL=admin@bench.test
# Only ever used in the throw-away database; long enough for Herald's password policy.
ADMIN_PASSWORD='bench-only passphrase 4719'
# The key that signs one-click check-in links (herald.crisis.link-secret), so that the bench
# can make the links Herald's e-mails would carry; see sign_links.
LINK_SECRET='bench-only check-in link key, 32+ characters'
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
  if [[ $KEEP_DB == true ]]; then
    log "kept database $DB; drop it with: psql -h $PG_HOST -p $PG_PORT -U $PG_USER -d postgres -c 'drop database $DB with (force)'"
  else
    "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
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
    java $HERALD_OPTS -jar "$(herald_jar)" --spring.mail.host= "--herald.crisis.link-secret=$LINK_SECRET" \
    >"$WORK/herald.log" 2>&1 &
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

# One post in the company channel, published at once; prints "<id> <audience>": "all", or
# with BENCH_SPREAD=location the number of the one location it goes to, round-robin in the
# order the import spreads the people (person i and post i: location i mod 5).
new_post() {
  local i=$1 id audience=all locations=''
  if [[ $SPREAD == location ]]; then
    audience=$((i % LOCATIONS))
    locations=", \"locations\": [\"$(cut -d' ' -f$((audience + 1)) <<<"$LOCATION_NAMES")\"]"
  fi
  id=$(api POST /api/v1/announcements -H 'Content-Type: application/json' -d "{
      \"channel\": \"company\", \"priority\": \"IMPORTANT\", \"ackRequired\": true,
      \"title\": \"Bench post number $i\",
      \"summary\": \"Summary of bench post $i, a sentence or two long.\",
      \"body\": \"Body of bench post $i with a [link](https://intranet.example/$i) and **some** Markdown.\"$locations}" |
    sed -E 's/^\{"id":([0-9]+).*/\1/')
  [[ $id =~ ^[0-9]+$ ]] && api POST "/api/v1/announcements/$id/publish" >/dev/null && echo "$id $audience"
}

# Signs bench person $1 in through the login form; prints "JSESSIONID=… <location>", or
# with $2 = csrf "JSESSIONID=… <csrf token> <location>": the session's CSRF token, from
# the feed's forms, stays valid for the whole session.
session_of() {
  local i=$1 jar="$WORK/s$1.jar" cookie csrf=''
  form_login "bench$i@bench.test" "$ADMIN_PASSWORD" "$jar"
  cookie=$(awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar")
  if [[ ${2:-} == csrf ]]; then
    csrf=" $(curl -sf -b "$jar" "$HERALD/feed" | csrf_of)"
  fi
  echo "$cookie$csrf $((i % LOCATIONS))"
}

# A token for bench person $1: prints "<token> <location>".
token_of() {
  local token
  token=$(new_token "bench$1@bench.test" "$ADMIN_PASSWORD") && echo "$token $(($1 % LOCATIONS))"
}

# Bench people $1 … $2 signed in (session_of … $4) or given a token (token_of), two at a
# time (each costs an Argon2 check): one line each into $WORK/$3.
people_with() {
  local first=$1 last=$2 file=$3 how=$4
  seq "$first" "$last" | xargs -P 2 -I{} bash -c "$how {} ${5:-}" >"$WORK/$file" || true
  [[ $(grep -c '^\(JSESSIONID=\|hrld_\)' "$WORK/$file") -eq $((last - first + 1)) ]] ||
    die "not every bench person $first…$last got a line in $file"
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
    awk -v n="$PEOPLE" -v places="$LOCATION_NAMES" 'BEGIN {
      split("Operations Engineering Sales HR Finance Communications Facilities Legal Support Research", d, " ");
      split(places, l, " ");
      split("Europe/Warsaw Europe/Warsaw Asia/Taipei Europe/London UTC", z, " ");
      for (i = 1; i <= n; i++)
        printf "bench%d@bench.test,First%d,Person%d,Specialist %d,%s,%s,%s,en\n", i, i % 400, i, i % 30, d[1 + i % 10], l[1 + i % 5], z[1 + i % 5];
    }'
  } >"$WORK/people.csv"
  # Not through api(): on a refusal (422) we want the problem details it answers with.
  curl -s -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/people.csv" \
    "$HERALD/api/v1/directory/import?dryRun=false" >"$WORK/import.json" || true
  grep -q '"applied":true' "$WORK/import.json" || die "directory import refused: $(head -c 2000 "$WORK/import.json")"

  if [[ $SPREAD == location ]]; then
    log "publishing $POSTS posts asking for acknowledgement, each to one location (POST /api/v1/announcements, …/publish)"
  else
    log "publishing $POSTS company-wide posts asking for acknowledgement (POST /api/v1/announcements, …/publish)"
  fi
  # Two at a time: each publish is one set-based fan-out, so the database and Herald share the cores.
  export -f api new_post
  export ADMIN_TOKEN HERALD SPREAD LOCATIONS LOCATION_NAMES
  seq 1 "$POSTS" | xargs -P 2 -I{} bash -c 'new_post {}' >"$WORK/post-ids.txt" || true
  [[ $(grep -cE '^[0-9]+ (all|[0-9]+)$' "$WORK/post-ids.txt") -eq $POSTS ]] || die "not every post was published"

  # DELIBERATE SHORTCUT, straight into the throw-away database: imported people get an
  # invitation link by e-mail and no password, and no API sets one. The bench people get
  # the administrator's Argon2 hash, i.e. the administrator's password.
  "${PSQL[@]}" -d "$DB" -c "
    update user_accounts set password_hash = (
        select a.password_hash from user_accounts a join employees e on e.id = a.employee_id
        where e.email = '$ADMIN_EMAIL')
    where employee_id in (select id from employees
        where email in (select 'bench' || g || '@bench.test' from generate_series(1, $((F_FIRST + FORM_USERS - 1))) g))" >/dev/null

  export -f form_login csrf_of new_token session_of token_of log die
  export WORK ADMIN_PASSWORD
  local file
  for file in cookies tokens readers forms; do : >"$WORK/$file.txt"; done
  if selected feed post channel notifications; then
    log "signing in $SESSIONS people for the pages (login form)"
    people_with "$S_FIRST" $((T_FIRST - 1)) cookies.txt session_of
    # The feed must be a signed-in page, not a redirect to /login.
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(head -1 "$WORK/cookies.txt" | cut -d' ' -f1)" "$HERALD/feed") == 200 ]] ||
      die "a bench session cookie does not open /feed"
  fi
  if selected ack me check-in-api; then
    log "making tokens for $TOKEN_USERS people (HTTP Basic)"
    people_with "$T_FIRST" $((R_FIRST - 1)) tokens.txt token_of
  fi
  if selected read; then
    log "making tokens for $READ_USERS other people, for reads (HTTP Basic)"
    people_with "$R_FIRST" $((F_FIRST - 1)) readers.txt token_of
  fi
  if selected form-ack check-in-form surge; then
    log "signing in $FORM_USERS people for the forms, with their sessions' CSRF tokens (login form)"
    people_with "$F_FIRST" $((F_FIRST + FORM_USERS - 1)) forms.txt session_of csrf
  fi
  log "Herald loaded in $((SECONDS - started)) s: $(cat "$WORK/import.json")"
}

# --- crisis incidents, for the check-in workloads ----------------------------------------------------
# A crisis plan through the plan form (no API writes plans), as the administrator: alert,
# update and all-clear templates, the administrator as the team lead, everyone as the
# default scope. Prints its id.
new_plan() {
  local name=$1 jar="$WORK/admin.jar" csrf location
  csrf=$(curl -sf -c "$jar" -b "$jar" "$HERALD/crisis/plans/new" | csrf_of)
  [[ -n $csrf ]] || die "no CSRF token on /crisis/plans/new"
  location=$(curl -s -o "$WORK/plan.html" -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "version=0" --data-urlencode "title=Bench plan $name" \
    --data-urlencode "scenario=FIRE_EVACUATION" --data-urlencode "severity=CRITICAL" \
    --data-urlencode "ownerEmail=$ADMIN_EMAIL" --data-urlencode "reviewIntervalDays=180" \
    --data-urlencode "lastReviewedOn=$(date -u +%F)" \
    --data-urlencode "team[0].role=LEAD" --data-urlencode "team[0].personEmail=$ADMIN_EMAIL" \
    --data-urlencode "steps[0].description=Account for everyone" --data-urlencode "steps[0].role=LEAD" \
    --data-urlencode "templates[0].kind=INITIAL_ALERT" --data-urlencode "templates[0].title=Bench alert ($name)" \
    --data-urlencode "templates[0].body=Leave the building by the nearest exit and check in." \
    --data-urlencode "templates[1].kind=UPDATE" --data-urlencode "templates[1].title=Bench update" \
    --data-urlencode "templates[1].body=An update on the situation." \
    --data-urlencode "templates[2].kind=ALL_CLEAR" --data-urlencode "templates[2].title=All clear" \
    --data-urlencode "templates[2].body=The situation is over." \
    --data-urlencode "media[0]=IN_APP" --data-urlencode "media[1]=EMAIL" --data-urlencode "everyone=true" \
    "$HERALD/crisis/plans")
  [[ $location =~ /crisis/plans/([0-9]+)$ ]] || die "the plan form did not create a plan (its answer: $WORK/plan.html)"
  echo "${BASH_REMATCH[1]}"
}

# BENCH_INCIDENTS incidents for check-in workload $1, each a plan of its own activated for
# everyone (POST /api/v1/crisis/plans/{id}/activate, no body: the plan's scope): lines
# "<incident id> <alert post id>" in $WORK/incidents-$1.txt. The alert's id is on the
# incident's page.
open_incidents() {
  local w=$1 n plan answer incident alert
  : >"$WORK/incidents-$w.txt"
  for ((n = 1; n <= INCIDENTS; n++)); do
    plan=$(new_plan "$w $n")
    answer=$(api POST "/api/v1/crisis/plans/$plan/activate") || die "activating plan $plan failed"
    incident=$(sed -E 's/.*"incidentId":([0-9]+).*/\1/' <<<"$answer")
    alert=$(curl -sf -b "$WORK/admin.jar" "$HERALD/crisis/incidents/$incident" |
      grep -o 'href="/announcements/[0-9]*"' | head -1 | grep -o '[0-9]*')
    [[ $incident =~ ^[0-9]+$ && $alert =~ ^[0-9]+$ ]] || die "incident of plan $plan: $answer, alert '$alert'"
    echo "$incident $alert" >>"$WORK/incidents-$w.txt"
  done
}

# The one-click check-in links of the alerts' e-mails, one per person and incident of
# check-in-link, in the order herald-check-in-link.lua takes them (incident by incident).
# SECOND DELIBERATE SHORTCUT: Herald builds these links when it sends an e-mail (they are
# not stored in outbox_messages, and without SMTP nothing is sent), so the bench signs
# them itself, exactly as CheckInToken does (incident.employee.expiry.id.HMAC-SHA256),
# with the key it gave Herald (herald.crisis.link-secret); the people's ids come from the
# throw-away database. Then a few signed-out sessions open a link's page for a CSRF token.
sign_links() {
  local expiry=$(($(date +%s) + 86400)) i jar csrf
  "${PSQL[@]}" -d "$DB" -c "select e.id from generate_series(1, $PEOPLE) g
      join employees e on e.email = 'bench' || g || '@bench.test' order by g" >"$WORK/employee-ids.txt"
  [[ $(wc -l <"$WORK/employee-ids.txt") -eq $PEOPLE ]] || die "not every bench person found in employees"
  awk 'NR == FNR { people[++n] = $1; next } { for (i = 1; i <= n; i++) print $1, people[i] }' \
    "$WORK/employee-ids.txt" "$WORK/incidents-check-in-link.txt" |
    perl -MDigest::SHA=hmac_sha256 -MMIME::Base64=encode_base64url -e '
      my ($key, $expiry) = @ARGV;
      while (<STDIN>) {
        my ($incident, $employee) = split;
        my $id = encode_base64url(join "", map { chr(int(rand(256))) } 1 .. 16);
        my $payload = "$incident.$employee.$expiry.$id";
        print $payload, ".", encode_base64url(hmac_sha256($payload, $key)), "\n";
      }' "$LINK_SECRET" "$expiry" >"$WORK/links.txt"
  : >"$WORK/link-sessions.txt"
  for ((i = 1; i <= SESSIONS; i++)); do
    jar="$WORK/anonymous$i.jar"
    # Opening a link changes nothing; its page is 200 while the link is usable.
    csrf=$(curl -sf -c "$jar" "$HERALD/check-in/$(tail -1 "$WORK/links.txt")" | csrf_of) ||
      die "a signed check-in link does not open its page"
    echo "$(awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar") $csrf" >>"$WORK/link-sessions.txt"
  done
}

open_crisis() {
  local w
  for w in check-in-api check-in-form check-in-link surge; do
    if selected "$w"; then
      log "opening $INCIDENTS incident(s) for $w (plan form, POST /api/v1/crisis/plans/{id}/activate)"
      open_incidents "$w"
    fi
  done
  if selected check-in-link; then
    log "signing $((PEOPLE * INCIDENTS)) one-click check-in links"
    sign_links
  fi
}

# --- measuring --------------------------------------------------------------------------------------
export BENCH_WRK_DIR="$ROOT/bench/wrk"

declare -A SCRIPT=() BARE_OF=() LABEL=()
while read -r name script bare label; do
  SCRIPT[$name]=$script
  BARE_OF[$name]=$bare
  LABEL[$name]=$label
done <<<"$WORKLOAD_TABLE"
WRITING=(ack form-ack read check-in-api check-in-form check-in-link surge)
CRISIS=(check-in-api check-in-form check-in-link surge)

# The settings of a workload's wrk script.
settings() {
  case $1 in
    feed) echo BENCH_PAGE=/feed ;;
    post) echo "BENCH_PAGE=/announcements/{post}" ;;
    channel) echo BENCH_PAGE=/channels/company ;;
    notifications) echo BENCH_PAGE=/notifications ;;
    ack) echo BENCH_RECEIPT=ack ;;
    read) echo BENCH_RECEIPT=read "BENCH_TOKENS=$WORK/readers.txt" ;;
    check-in-api) echo BENCH_CHECK_IN=api "BENCH_INCIDENTS=$WORK/incidents-$1.txt" ;;
    check-in-form) echo BENCH_CHECK_IN=form "BENCH_INCIDENTS=$WORK/incidents-$1.txt" ;;
    surge) echo BENCH_CHECK_IN=surge "BENCH_INCIDENTS=$WORK/incidents-$1.txt" ;;
  esac
}

# Runs wrk once; prints the RESULT line of bench/wrk/common.lua. Settings NAME=value follow.
run_wrk() {
  local url=$1 script=$2 seconds=$3
  shift 3
  env BENCH_COOKIES="$WORK/cookies.txt" BENCH_TOKENS="$WORK/tokens.txt" BENCH_FORMS="$WORK/forms.txt" \
    BENCH_POST_IDS="$WORK/post-ids.txt" BENCH_LINKS="$WORK/links.txt" BENCH_LINK_SESSIONS="$WORK/link-sessions.txt" \
    BENCH_READERS=$PEOPLE BENCH_POST_COUNT=$POSTS BENCH_THREADS=$THREADS "$@" \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s -s "$BENCH_WRK_DIR/$script" "$url" \
    2>>"$WORK/wrk-stderr.log" | tee -a "$WORK/wrk.log" | grep '^RESULT' || die "wrk $script printed no result"
}

CLK_TCK=$(getconf CLK_TCK)

cpu_ticks() { # pid — user + system time of a process so far, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

field() { # name result-line
  sed -E "s/.* $1=([^ ]*).*/\1/" <<<"$2"
}

declare -A RESULTS=() START=() OK=() BAD=() RUNS=() GAP=()

# One run of Herald's workload $1 (side h) or of its bare counterpart (side b). Writing
# runs take up where the previous run of the same kind stopped (START) and count their
# successes, warm-up included (every run writes).
run_side() {
  local w=$1 side=$2 seconds=$3 round=$4 key url script line
  if [[ $side == h ]]; then
    key=$w url=$HERALD script=${SCRIPT[$w]}
  else
    script=${BARE_OF[$w]} url=$BARE key=$script
  fi
  read -r -a extra <<<"$( [[ $side == h ]] && settings "$w")"
  local pid=$([[ $side == h ]] && echo "$HERALD_PID" || echo "$BARE_PID") before after
  before=$(cpu_ticks "$pid")
  line=$(run_wrk "$url" "$script" "$seconds" BENCH_START="${START[$key]:-0}" "${extra[@]}")
  after=$(cpu_ticks "$pid")
  # CPU the app's process spent per request: unlike requests per second, hardly moved by
  # whatever else the machine is doing at the time.
  line+=" cpu_ms=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$(field requests "$line")" \
    'BEGIN { printf "%.2f", (n > 0) ? t * 1000 / hz / n : 0 }')"
  if [[ $key == bare-ack.lua || " ${WRITING[*]} " == *" $key "* ]]; then
    START[$key]=$((${START[$key]:-0} + $(field span "$line")))
    # Numbers the less busy wrk thread never reached: pairs left out until a later round
    # goes round again.
    # (A mixed run issues more than one request per number: never below zero.)
    local gap=$(($(field span "$line") - $(field issued "$line")))
    GAP[$key]=$((${GAP[$key]:-0} + (gap > 0 ? gap : 0)))
    OK[$key]=$((${OK[$key]:-0} + $(field written "$line")))
    BAD[$key]=$((${BAD[$key]:-0} + $(field non2xx "$line") + $(field errors "$line")))
    RUNS[$key]=$((${RUNS[$key]:-0} + 1))
  fi
  if ((round > 0)); then
    RESULTS[$side:$w]+="$line"$'\n'
    log "round $round  $(printf '%-14s %-4s' "$w" "$([[ $side == h ]] && echo Herald || echo bare)") $(field rps "$line") req/s  p50 $(field p50_ms "$line") ms  p99 $(field p99_ms "$line") ms  CPU $(field cpu_ms "$line") ms/req  failed $(field non2xx "$line")  errors $(field errors "$line")"
  fi
}

# Warm-up (the JIT compiles, pools fill; not in the table), then the rounds: each workload
# of Herald, then its bare counterpart.
measure_phase() {
  local w round
  log "warming up ($WARMUP s each, not in the table): $*"
  for w in "$@"; do
    run_side "$w" h "$WARMUP" 0
    if [[ ${BARE_OF[$w]} != - ]]; then run_side "$w" b "$WARMUP" 0; fi
  done
  for ((round = 1; round <= ROUNDS; round++)); do
    for w in "$@"; do
      run_side "$w" h "$DURATION" "$round"
      if [[ ${BARE_OF[$w]} != - ]]; then run_side "$w" b "$DURATION" "$round"; fi
    done
  done
}

measure() {
  local w plain=() crisis=()
  for w in $ALL; do
    if ! selected "$w"; then continue; fi
    if [[ " ${CRISIS[*]} " == *" $w "* ]]; then crisis+=("$w"); else plain+=("$w"); fi
  done
  if ((${#plain[@]})); then measure_phase "${plain[@]}"; fi
  if ((${#crisis[@]})); then
    open_crisis
    measure_phase "${crisis[@]}"
  fi
}

median() { # numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

stat() { # side:workload field
  grep '^RESULT' <<<"${RESULTS[$1]}" | sed -E "s/.* $2=([^ ]*).*/\1/" | median
}

# --- the nothing-lost recount ----------------------------------------------------------------------
range() { # first last — the e-mails of bench people first … last, as SQL
  echo "(select 'bench' || g || '@bench.test' from generate_series($1, $2) g)"
}

incidents_of() { # workload — its incident ids as an SQL array
  echo "array[$(awk '{ print $1 }' "$WORK/incidents-$1.txt" | paste -sd,)]::bigint[]"
}

# The rows a writing workload has written, counted in the database: acknowledged or read
# deliveries of the bench posts (not the crisis alerts) of its people, or answered
# check-ins of its incidents, as they came in.
rows_of() {
  local what
  case $1 in
    ack) what="d.acknowledged_at is not null and e.email in $(range "$T_FIRST" $((R_FIRST - 1)))" ;;
    read) what="d.read_at is not null and e.email in $(range "$R_FIRST" $((F_FIRST - 1)))" ;;
    form-ack) what="d.acknowledged_at is not null and e.email in $(range "$F_FIRST" $((F_FIRST + FORM_USERS - 1)))" ;;
  esac
  case $1 in
    ack | read | form-ack)
      "${PSQL[@]}" -d "$DB" -c "select count(*) from deliveries d join announcements a on a.id = d.announcement_id
          join employees e on e.id = d.employee_id where a.check_in_path is null and $what" ;;
    check-in-api | check-in-form | check-in-link | surge)
      local via=APP
      if [[ $1 == check-in-api ]]; then via=API; elif [[ $1 == check-in-link ]]; then via=LINK; fi
      "${PSQL[@]}" -d "$DB" -c "select count(*) from crisis_check_ins where incident_id = any($(incidents_of "$1"))
          and first_answered_at is not null and answered_via = '$via' and status = 'SAFE'" ;;
  esac
}

pairs_of() { # workload — how many distinct (person, post) or (person, incident) pairs it has
  local per_person=$POSTS
  if [[ $SPREAD == location ]]; then per_person=$((POSTS / LOCATIONS)); fi
  case $1 in
    ack) echo $((TOKEN_USERS * per_person)) ;;
    read) echo $((READ_USERS * per_person)) ;;
    form-ack) echo $((FORM_USERS * per_person)) ;;
    check-in-api) echo $((TOKEN_USERS * INCIDENTS)) ;;
    check-in-form | surge) echo $((FORM_USERS * INCIDENTS)) ;;
    check-in-link) echo $((PEOPLE * INCIDENTS)) ;;
    bare-ack.lua) echo $((PEOPLE * POSTS)) ;;
  esac
}

# Herald's own counters against a recount of the rows they count: delivery_counts against
# deliveries (reads and acknowledgements, over all posts), and each incident's answers as
# GET /api/v1/crisis/incidents/{id} reports them against crisis_check_ins. Counters kept
# after the fact (events) get a few seconds to settle.
counters_agree() {
  local sql="select (select coalesce(sum(acknowledged), 0) || ' ' || coalesce(sum(read_count), 0) from delivery_counts)
      || ' ' || (select count(*) filter (where acknowledged_at is not null) || ' ' || count(*) filter (where read_at is not null) from deliveries)"
  local line deadline=$((SECONDS + 10))
  while :; do
    line=$("${PSQL[@]}" -d "$DB" -c "$sql")
    read -r c_ack c_read r_ack r_read <<<"$line"
    if [[ $c_ack == "$r_ack" && $c_read == "$r_read" ]] || ((SECONDS > deadline)); then break; fi
    sleep 1
  done
  printf '  Herald counters: delivery_counts say %d acknowledged and %d read; the deliveries, recounted: %d and %d\n' \
    "$c_ack" "$c_read" "$r_ack" "$r_read"
  [[ $c_ack == "$r_ack" && $c_read == "$r_read" ]] || return 1
  local w incident alert safe reported counted ok=0
  for w in "${CRISIS[@]}"; do
    if ! selected "$w"; then continue; fi
    reported=0
    while read -r incident alert; do
      # The incident's own "safe", before its byLocation list (which has one per location).
      safe=$(api GET "/api/v1/crisis/incidents/$incident" | sed -E 's/^\{[^[]*"safe":([0-9]+).*/\1/')
      reported=$((reported + safe))
    done <"$WORK/incidents-$w.txt"
    counted=$("${PSQL[@]}" -d "$DB" -c "select count(*) from crisis_check_ins where incident_id = any($(incidents_of "$w")) and status = 'SAFE'")
    printf '  Herald counters: the %d incidents of %s report %d safe; crisis_check_ins, recounted: %d\n' \
      "$INCIDENTS" "$w" "$reported" "$counted"
    [[ $reported == "$counted" ]] || ok=1
  done
  return $ok
}

report() {
  echo
  echo "Herald vs bare — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $PEOPLE people, $POSTS posts ($SPREAD),"
  echo "wrk $THREADS threads × $CONNECTIONS connections, medians of $ROUNDS rounds of $DURATION s"
  echo
  printf '| %-46s | %12s | %9s | %9s | %10s | %6s | %14s | %12s | %9s |\n' workload "Herald req/s" "p50 ms" "p99 ms" \
    "bare req/s" ratio "Herald CPU ms" "bare CPU ms" "CPU ratio"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..48})" "$(printf -- '-%.0s' {1..14})" \
    "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..8})" \
    "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..11})"
  local w h b hc bc
  for w in $ALL; do
    if ! selected "$w" || [[ ${BARE_OF[$w]} == - ]]; then continue; fi
    h=$(stat "h:$w" rps)
    b=$(stat "b:$w" rps)
    hc=$(stat "h:$w" cpu_ms)
    bc=$(stat "b:$w" cpu_ms)
    printf '| %-46s | %12.0f | %9.1f | %9.1f | %10.0f | %6s | %14.2f | %12.2f | %9s |\n' "${LABEL[$w]}" "$h" \
      "$(stat "h:$w" p50_ms)" "$(stat "h:$w" p99_ms)" "$b" "$(awk -v h="$h" -v b="$b" 'BEGIN { printf "%.2f", (b > 0) ? h / b : 0 }')" \
      "$hc" "$bc" "$(awk -v h="$hc" -v b="$bc" 'BEGIN { printf "%.2f", (h > 0) ? b / h : 0 }')"
  done
  if selected surge; then
    # An absolute target, no bare counterpart: its own line, with its verdict.
    local rps p99 failed
    rps=$(stat h:surge rps)
    p99=$(stat h:surge p99_ms)
    failed=$(grep '^RESULT' <<<"${RESULTS[h:surge]}" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(non2xx|errors)=/) { split($i, f, "="); n += f[2] } } END { print n + 0 }')
    printf '| %-46s | %12.0f | %9.1f | %9.1f | %10s | %6s | %14.2f | %12s | %9s |\n' "${LABEL[surge]}" "$rps" \
      "$(stat h:surge p50_ms)" "$p99" - - "$(stat h:surge cpu_ms)" - -
    echo
    printf 'Crisis surge: %.0f req/s (half of them check-ins), p99 %.1f ms, %d failed or errors over all rounds;\n' "$rps" "$p99" "$failed"
    printf "  the issue's target (>= 1000 req/s, p99 <= 500 ms, 0 errors): %s\n" \
      "$(awk -v r="$rps" -v p="$p99" -v f="$failed" 'BEGIN { print (r >= 1000 && p <= 500 && f == 0) ? "met" : "NOT met" }')"
  fi

  # Nothing lost: each success wrk counted should be one more row. wrk stops with up to one
  # request per connection in flight, which the server may still carry out, so the database
  # may hold up to CONNECTIONS more rows per run than wrk counted, never fewer. Once a
  # workload has gone round all its pairs, repeats write no new row: then every pair must
  # be there.
  echo
  echo "Nothing lost (every writing run, warm-up included):"
  local verdict=OK key rows pairs slack note
  for key in "${WRITING[@]}" bare-ack.lua; do
    [[ -n ${RUNS[$key]+x} ]] || continue
    if [[ $key == bare-ack.lua ]]; then
      rows=$("${PSQL[@]}" -d "$DB" -c "select count(*) from bench_receipts where acknowledged_at is not null")
    else
      rows=$(rows_of "$key")
    fi
    pairs=$(pairs_of "$key")
    slack=$((CONNECTIONS * RUNS[$key]))
    note=OK
    if ((START[$key] > pairs)); then
      # Every pair is there, but for those the less busy wrk thread skipped (GAP) that no
      # later round came back to.
      if ((rows > pairs || rows < pairs - GAP[$key] - slack)); then note=MISMATCH; fi
      note="$note (went round all $pairs pairs: repeats write no new row)"
    elif ((rows < OK[$key] || rows > OK[$key] + slack)); then
      note=MISMATCH
    fi
    if [[ $note == MISMATCH* ]]; then verdict=MISMATCH; fi
    printf '  %-14s %7d succeeded, %5d not; %7d rows in the database  %s\n' "${key%.lua}" "${OK[$key]}" "${BAD[$key]}" "$rows" "$note"
  done
  counters_agree || verdict=MISMATCH
  if [[ -s $WORK/wrk-stderr.log ]]; then
    echo "  answers other than success, as wrk saw them (the first few per wrk thread and run):"
    sort "$WORK/wrk-stderr.log" | uniq -c | sed 's/^/    /'
  fi
  echo "  verdict: $verdict (rows may exceed successes by up to $CONNECTIONS per run: requests in flight when wrk stopped)"
}

main() {
  command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
  command -v psql >/dev/null || die "psql is not installed (apt-get install postgresql-client)"
  command -v perl >/dev/null || die "perl is not installed"
  build
  start_apps
  load_herald
  measure
  report
}

# bench/insight-http.sh sources this file for its pieces (start and stop, database, sign-in,
# wrk runs, CPU from /proc) and runs its own main.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
