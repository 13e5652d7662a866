#!/usr/bin/env bash
# The insight dashboards over HTTP on the reference data set, in one run: builds Herald and
# bench/bare, starts both on a throw-away PostgreSQL database (bench/http.sh's pieces),
# generates the data set with set-based SQL in that database (the shape of InsightBenchmark),
# lets Herald's own scheduled roll-up count it, then drives GET /insight and GET
# /insight/channels as a signed-in administrator with wrk at 4 connections, each followed
# by the bare app's /page, and prints p50/p95/p99, req/s and CPU ms per request (Herald's
# JVM and the database's backends) against the issue's target, p95 <= 100 ms. Stops both
# apps and drops the database on exit. Parameters are environment variables (bench/README.md):
#
#   bench/insight-http.sh                                     # 50,000 people, 2,000 posts, ~20 M deliveries
#   BENCH_PEOPLE=5000 BENCH_POSTS=200 BENCH_WARMUP=5 BENCH_DURATION=5 BENCH_ROUNDS=1 bench/insight-http.sh   # a check, < 2 min
#
# Needs: Java 17+, wrk, psql and a PostgreSQL server that lets BENCH_PG_USER create databases.
set -euo pipefail
cd "$(dirname "$0")/.."

# --- parameters -----------------------------------------------------------------------------
INSIGHT_PEOPLE=${BENCH_PEOPLE:-50000}   # employees generated (InsightBenchmark: 50,000)
INSIGHT_POSTS=${BENCH_POSTS:-2000}      # posts generated over the last year (InsightBenchmark: 2,000)
ADMIN_SESSIONS=${BENCH_SESSIONS:-4}     # sessions of the administrator the requests rotate over
FOLD_DEADLINE=${BENCH_FOLD_DEADLINE:-3600} # seconds to wait for Herald's roll-up of the data set

# bench/http.sh's pieces, with its parameters as this bench needs them: its PEOPLE and POSTS
# size the bare app's table (the bare /page reads 20 rows over an index, whatever the size),
# 4 connections (the issue's target), and the escalation sweep held back as InsightBenchmark
# does (see "Shortcuts" in bench/README.md).
BENCH_PEOPLE=${BENCH_BARE_READERS:-2000}
BENCH_POSTS=${BENCH_BARE_POSTS:-200}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-4}
# Ports of their own, so that this bench and bench/http.sh can run on one machine.
BENCH_HERALD_PORT=${BENCH_HERALD_PORT:-18280}
BENCH_BARE_PORT=${BENCH_BARE_PORT:-18281}
BENCH_DURATION=${BENCH_DURATION:-20}
# The dashboards are slow enough that 10 s are only ~100 requests: the JIT needs longer (with
# 30 s, Herald's CPU per request still fell from round to round).
BENCH_WARMUP=${BENCH_WARMUP:-60}
BENCH_HERALD_OPTS="-Dherald.escalation.sweep-interval=1h ${BENCH_HERALD_OPTS:-}"
BENCH_ONLY= # http.sh's own workload list does not apply here
# shellcheck source=bench/http.sh
source bench/http.sh

DASHBOARDS=(insight insight-channels)
declare -A PAGE=([insight]=/insight [insight-channels]=/insight/channels)
declare -A TOOK=()

# --- the reference data set, with set-based SQL ----------------------------------------------------
# DELIBERATE SHORTCUT (the third in bench/README.md): 20 million deliveries through the API
# would take days, so the data set is written straight into the throw-away database with the
# statements of InsightBenchmark: departments, locations, channels (company, department,
# location, mandatory and subscribed topics), posts over the last year (one in four asking
# for an acknowledgement within three days), deliveries with reads and acknowledgements.
# The sizes scale with BENCH_PEOPLE and BENCH_POSTS; at 2,000 posts this is InsightBenchmark's
# set exactly (a post every 4.38 hours, bench topic 9 dormant after its oldest tenth).
generate() {
  local started=$SECONDS
  log "generating $INSIGHT_PEOPLE people and $INSIGHT_POSTS posts with their deliveries (set-based SQL)"
  "${PSQL[@]}" -d "$DB" -v people="$INSIGHT_PEOPLE" -v posts="$INSIGHT_POSTS" <<'SQL'
insert into departments (name, created_at) select 'Bench department ' || g, now() from generate_series(1, 20) g;
insert into locations (name, time_zone, created_at)
select 'Bench site ' || g, 'Europe/Warsaw', now() from generate_series(1, 10) g;
select min(id) as first_department from departments where name like 'Bench department %' \gset
select min(id) as first_location from locations where name like 'Bench site %' \gset
insert into employees (email, first_name, last_name, department_id, location_id, time_zone, language, active,
    created_at, updated_at)
select 'person' || g || '@insight-bench.test', 'Person', 'No ' || g, :first_department + g % 20,
    :first_location + (g / 7) % 10, 'Europe/Warsaw', 'en', true, now(), now()
from generate_series(1, :people) g;

-- 40 channels: one company-wide, one per department and location, nine topics (three
-- mandatory, six with subscribers: a fifth of the people each).
insert into channels (slug, name, kind, created_at)
values ('bench-company', 'Bench company', 'COMPANY', now() - interval '400' day);
insert into channels (slug, name, kind, department_id, created_at)
select 'bench-dept-' || d.id, d.name, 'DEPARTMENT', d.id, now() - interval '400' day
from departments d where d.name like 'Bench department %';
insert into channels (slug, name, kind, location_id, created_at)
select 'bench-site-' || l.id, l.name, 'LOCATION', l.id, now() - interval '400' day
from locations l where l.name like 'Bench site %';
insert into channels (slug, name, kind, mandatory, created_at)
select 'bench-topic-' || g, 'Bench topic ' || g, 'TOPIC', g <= 3, now() - interval '400' day
from generate_series(1, 9) g;
insert into channel_subscriptions (channel_id, employee_id, subscribed_at)
select c.id, e.id, now() from channels c join employees e on e.email like '%@insight-bench.test'
    and mod(e.id * 7 + c.id, 10) < 2
where c.slug like 'bench-topic-%' and c.mandatory = false;

-- The posts over the last year: a tenth company-wide and a fortieth on mandatory topics
-- (everyone), the rest a department, a site or a topic's subscribers; one in four asks for
-- an acknowledgement within three days. Bench topic 9 stays dormant after its oldest posts.
select min(id) as author from employees where email like '%@insight-bench.test' \gset
insert into announcements (channel_id, author_id, title, body, priority, status, ack_required, ack_due_at,
    published_at, recipients, created_at, updated_at)
select c.id, :author, 'Bench post ' || g, 'Body', case when g % 4 = 0 then 'IMPORTANT' else 'INFO' end,
    'PUBLISHED', g % 4 = 0, case when g % 4 = 0 then p.at + interval '3' day end, p.at, 0, p.at, p.at
from generate_series(1, :posts) g
cross join lateral (select now() - (g * 8760.0 / :posts) * interval '1' hour - interval '1' hour as at) p
join channels c on c.slug = case when g % 20 < 2 then 'bench-company'
    when g % 40 = 2 then 'bench-topic-' || (1 + g % 3)
    when g % 20 = 2 then 'bench-topic-' || (4 + g % 5)
    when g % 20 < 12 then 'bench-dept-' || (:first_department + (g / 20) % 20)
    when g % 20 < 17 then 'bench-site-' || (:first_location + (g / 20) % 10)
    else 'bench-topic-' || (case when g > :posts * 9 / 10 then 9 else 4 + g % 5 end) end;

-- Deliveries with reads (78 %, sooner or later) and acknowledgements (70 % of the reads of a
-- post asking for one), written without the feed's index, which is built once afterwards.
drop index ix_deliveries_employee_published;
SQL
  # One statement per audience, as InsightBenchmark does.
  local fields="insert into deliveries (announcement_id, employee_id, published_at, delivered_at, department_id,
      location_id, read_at, acknowledged_at, acknowledged_revision)
    select a.id, e.id, a.published_at, a.published_at, e.department_id, e.location_id, r.read_at,
      case when a.ack_required and r.read_at is not null and mod(e.id * 31 + a.id, 10) < 7
        then least(r.read_at + interval '30' minute, now()) end,
      case when a.ack_required and r.read_at is not null and mod(e.id * 31 + a.id, 10) < 7 then 1 end
    from announcements a join channels c on c.id = a.channel_id "
  local read=" cross join lateral (select case when mod(e.id * 17 + a.id * 13, 100) < 78 then least(
      a.published_at + (mod(e.id * 7919 + a.id * 104729, 1000) * mod(e.id * 7919 + a.id * 104729, 1000)
      / 200.0) * interval '1' minute, now()) end as read_at) r where a.title like 'Bench post %'"
  "${PSQL[@]}" -d "$DB" <<SQL
$fields join employees e on e.active and e.email like '%@insight-bench.test'
    and (c.kind = 'COMPANY' or (c.kind = 'TOPIC' and c.mandatory)) $read;
$fields join employees e on e.department_id = c.department_id and e.active $read and c.kind = 'DEPARTMENT';
$fields join employees e on e.location_id = c.location_id and e.active $read and c.kind = 'LOCATION';
$fields join channel_subscriptions s on s.channel_id = c.id join employees e on e.id = s.employee_id
    and e.active $read and c.kind = 'TOPIC' and c.mandatory = false;
create index ix_deliveries_employee_published on deliveries (employee_id, published_at, announcement_id);
update announcements a set recipients = (select count(*) from deliveries d where d.announcement_id = a.id)
where a.title like 'Bench post %';
SQL
  TOOK[generated]=$((SECONDS - started))
}

# Herald's counters of these deliveries. The tracking counters (delivery_counts, which the
# post pages read) with DeliveryCounts#recount's statement, in SQL: it is a bean, out of
# reach over HTTP. Insight's own figures by Herald itself: one insight_changes row per post
# with recount = true is what a publication appends (InsightRollUp#recountLater), and
# Herald's scheduled roll-up (herald.insight.fold-interval, 15 s) then counts every post
# from its deliveries, as it would after publishing them.
count_deliveries() {
  local started=$SECONDS
  log "recounting delivery_counts (DeliveryCounts#recount's statement)"
  "${PSQL[@]}" -d "$DB" <<'SQL'
delete from delivery_counts where announcement_id in (select id from announcements where title like 'Bench post %');
insert into delivery_counts (announcement_id, department_id, location_id, shard, delivered, read_count, acknowledged,
    acknowledged_on_time)
select d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), mod(d.employee_id, 8), count(*),
    sum(case when d.read_at is not null then 1 else 0 end),
    sum(case when d.acknowledged_at is not null and d.acknowledged_revision >= a.ack_revision then 1 else 0 end),
    sum(case when d.acknowledged_at is not null and d.acknowledged_revision >= a.ack_revision
        and d.acknowledged_at <= coalesce(d.ack_due_at, a.ack_due_at, d.acknowledged_at) then 1 else 0 end)
from deliveries d join announcements a on a.id = d.announcement_id
where a.title like 'Bench post %'
group by d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), mod(d.employee_id, 8);
SQL
  TOOK[counted]=$((SECONDS - started))
  started=$SECONDS
  log "asking Herald's roll-up to count every post (insight_changes, recount = true) and waiting for it"
  "${PSQL[@]}" -d "$DB" -c "insert into insight_changes (announcement_id, recount)
      select id, true from announcements where title like 'Bench post %'"
  local left
  while :; do
    left=$("${PSQL[@]}" -d "$DB" -c "select count(*) from insight_changes")
    if ((left == 0)); then break; fi
    if ((SECONDS - started > FOLD_DEADLINE)); then die "Herald's roll-up did not count the posts in $FOLD_DEADLINE s"; fi
    kill -0 "$HERALD_PID" 2>/dev/null || die "Herald stopped while rolling up"
    sleep 5
  done
  TOOK[folded]=$((SECONDS - started))
  started=$SECONDS
  log "vacuum analyze (as autovacuum would have by now)"
  "${PSQL[@]}" -d "$DB" -c "vacuum analyze"
  TOOK[vacuumed]=$((SECONDS - started))
  read -r DELIVERIES COUNT_ROWS READ_TIME_ROWS <<<"$("${PSQL[@]}" -F ' ' -d "$DB" -c "
      select (select count(*) from deliveries), (select count(*) from insight_counts),
             (select count(*) from insight_read_times)")"
  # Herald's figures must equal a recount of the deliveries.
  local mismatch
  mismatch=$("${PSQL[@]}" -d "$DB" -c "
      select count(*) from (select announcement_id, sum(delivered) as delivered, sum(read_count) as read_count,
              sum(acknowledged) as acknowledged from insight_counts group by announcement_id) k
      full join (select announcement_id, count(*) as delivered, count(read_at) as read_count,
              count(acknowledged_at) as acknowledged from deliveries group by announcement_id) d
          using (announcement_id)
      where k.delivered is distinct from d.delivered or k.read_count is distinct from d.read_count
          or k.acknowledged is distinct from d.acknowledged")
  ((mismatch == 0)) || die "insight_counts differs from a recount of the deliveries for $mismatch posts"
  log "$DELIVERIES deliveries; generated in ${TOOK[generated]} s, delivery_counts ${TOOK[counted]} s, Herald's roll-up ${TOOK[folded]} s ($COUNT_ROWS count rows, $READ_TIME_ROWS read-time rows), vacuum ${TOOK[vacuumed]} s"
}

# The administrator signed in BENCH_SESSIONS times through the login form (the dashboards
# need HR, COMMS_MANAGER or ADMIN): "JSESSIONID=… 0" lines for herald-page.lua. Then one look
# at each dashboard: a 200 with the page's own markup, not a redirect to the login form.
sign_in() {
  local i jar status
  log "signing the administrator in $ADMIN_SESSIONS times (login form)"
  : >"$WORK/cookies.txt"
  for ((i = 1; i <= ADMIN_SESSIONS; i++)); do
    jar="$WORK/admin$i.jar"
    form_login "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$jar"
    echo "$(awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar") 0" >>"$WORK/cookies.txt"
  done
  local cookie
  cookie=$(head -1 "$WORK/cookies.txt" | cut -d' ' -f1)
  status=$(curl -s -o "$WORK/insight.html" -w '%{http_code}' -H "Cookie: $cookie" "$HERALD/insight")
  [[ $status == 200 ]] && grep -q 'data-insight-overview' "$WORK/insight.html" ||
    die "GET /insight answered $status without the overview (see $WORK/insight.html)"
  status=$(curl -s -o "$WORK/channels.html" -w '%{http_code}' -H "Cookie: $cookie" "$HERALD/insight/channels")
  [[ $status == 200 ]] && grep -q 'data-channel="bench-topic-9"' "$WORK/channels.html" ||
    die "GET /insight/channels answered $status without the bench channels (see $WORK/channels.html)"
  CHANNELS_SHOWN=$(grep -c 'data-channel="' "$WORK/channels.html")
}

# --- measuring ----------------------------------------------------------------------------------------
# CPU ticks of the database's client backends so far, "pid ticks" a line: the dashboards'
# work is mostly SQL, which Herald's own CPU does not show. Both apps' connections are in
# the database, but only one app is driven at a time (the other sits idle).
db_ticks() {
  local pid
  for pid in $("${PSQL[@]}" -d postgres -c "select pid from pg_stat_activity where datname = '$DB'
      and backend_type = 'client backend' and pid <> pg_backend_pid()"); do
    if [[ -r /proc/$pid/stat ]]; then echo "$pid $(cpu_ticks "$pid")"; fi
  done
}

# One wrk run of a dashboard (side h) or of the bare /page (side b); the RESULT line with
# cpu_ms (the app's JVM) and db_ms (the database's backends) per request.
run_page() {
  local w=$1 side=$2 seconds=$3 round=$4 line pid before after requests
  db_ticks >"$WORK/db-before.txt"
  if [[ $side == h ]]; then
    pid=$HERALD_PID
    before=$(cpu_ticks "$pid")
    line=$(run_wrk "$HERALD" herald-page.lua "$seconds" "BENCH_PAGE=${PAGE[$w]}")
  else
    pid=$BARE_PID
    before=$(cpu_ticks "$pid")
    line=$(run_wrk "$BARE" bare-page.lua "$seconds")
  fi
  after=$(cpu_ticks "$pid")
  db_ticks >"$WORK/db-after.txt"
  requests=$(field requests "$line")
  line+=" cpu_ms=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" \
    'BEGIN { printf "%.2f", (n > 0) ? t * 1000 / hz / n : 0 }')"
  # A backend that started during the run counts from zero.
  line+=" db_ms=$(awk -v hz="$CLK_TCK" -v n="$requests" 'NR == FNR { b[$1] = $2; next } { t += $2 - b[$1] }
    END { printf "%.2f", (n > 0) ? t * 1000 / hz / n : 0 }' "$WORK/db-before.txt" "$WORK/db-after.txt")"
  if ((round > 0)); then
    RESULTS[$side:$w]+="$line"$'\n'
    log "round $round  $(printf '%-17s %-6s' "$w" "$([[ $side == h ]] && echo Herald || echo bare)") $(field rps "$line") req/s  p50 $(field p50_ms "$line")  p95 $(field p95_ms "$line")  p99 $(field p99_ms "$line") ms  CPU $(field cpu_ms "$line") + DB $(field db_ms "$line") ms/req  failed $(field non2xx "$line")  errors $(field errors "$line")"
  fi
}

measure_dashboards() {
  local w round
  log "warming up ($WARMUP s each, not in the table)"
  for w in "${DASHBOARDS[@]}"; do
    run_page "$w" h "$WARMUP" 0
    # The bare page is warm after a few thousand requests, i.e. seconds.
    run_page "$w" b $((WARMUP < 10 ? WARMUP : 10)) 0
  done
  for ((round = 1; round <= ROUNDS; round++)); do
    LOADS+="$(cut -d' ' -f1 /proc/loadavg) "
    for w in "${DASHBOARDS[@]}"; do
      run_page "$w" h "$DURATION" "$round"
      run_page "$w" b "$DURATION" "$round"
    done
  done
}

report_dashboards() {
  echo
  echo "Insight dashboards over HTTP — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, 1-minute load at each round: $LOADS"
  echo "$INSIGHT_PEOPLE people, $INSIGHT_POSTS posts, $DELIVERIES deliveries ($COUNT_ROWS insight_counts rows); $CHANNELS_SHOWN channels on the map"
  echo "(generated in ${TOOK[generated]} s, delivery_counts ${TOOK[counted]} s, Herald's roll-up ${TOOK[folded]} s, vacuum ${TOOK[vacuumed]} s)"
  echo "wrk $THREADS threads × $CONNECTIONS connections, signed in as the administrator ($ADMIN_SESSIONS sessions); medians of $ROUNDS rounds of $DURATION s"
  echo
  printf '| %-24s | %7s | %7s | %7s | %7s | %13s | %9s | %14s | %11s | %8s | %18s |\n' page "req/s" "p50 ms" "p95 ms" \
    "p99 ms" "Herald CPU ms" "DB CPU ms" "bare /page r/s" "bare p95 ms" "bare CPU" "target p95 <= 100"
  echo "|--------------------------|---------|---------|---------|---------|---------------|-----------|----------------|-------------|----------|--------------------|"
  local w p95 failed verdict=met
  for w in "${DASHBOARDS[@]}"; do
    p95=$(stat "h:$w" p95_ms)
    failed=$(grep '^RESULT' <<<"${RESULTS[h:$w]}" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(non2xx|errors)=/) { split($i, f, "="); n += f[2] } } END { print n + 0 }')
    printf '| %-24s | %7.0f | %7.1f | %7.1f | %7.1f | %13.2f | %9.2f | %14.0f | %11.1f | %8.2f | %18s |\n' "GET ${PAGE[$w]}" \
      "$(stat "h:$w" rps)" "$(stat "h:$w" p50_ms)" "$p95" "$(stat "h:$w" p99_ms)" "$(stat "h:$w" cpu_ms)" \
      "$(stat "h:$w" db_ms)" "$(stat "b:$w" rps)" "$(stat "b:$w" p95_ms)" "$(stat "b:$w" cpu_ms)" \
      "$(awk -v p="$p95" -v f="$failed" 'BEGIN { print (p <= 100 && f == 0) ? "met" : "NOT met" }')$( ((failed > 0)) && echo " ($failed failed)")"
    if awk -v p="$p95" -v f="$failed" 'BEGIN { exit !(p > 100 || f > 0) }'; then verdict="NOT met"; fi
  done
  echo
  echo "Target (issue 16: dashboards p95 <= 100 ms at 4 connections on the reference set): $verdict"
  if ((INSIGHT_PEOPLE != 50000 || INSIGHT_POSTS != 2000)); then
    echo "  (the reference set is 50,000 people and 2,000 posts; this run had $INSIGHT_PEOPLE and $INSIGHT_POSTS)"
  fi
  if [[ -s $WORK/wrk-stderr.log ]]; then
    echo "Answers other than success, as wrk saw them:"
    sort "$WORK/wrk-stderr.log" | uniq -c | sed 's/^/  /'
  fi
}

insight_main() {
  command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
  command -v psql >/dev/null || die "psql is not installed (apt-get install postgresql-client)"
  log "machine load: $(uptime)"
  build
  start_apps
  generate
  count_deliveries
  sign_in
  LOADS=""
  measure_dashboards
  report_dashboards
}

insight_main "$@"
