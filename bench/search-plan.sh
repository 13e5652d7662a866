#!/usr/bin/env bash
# Directory search over 50,000 people on PostgreSQL: loads a synthetic directory into a throw-away
# database with Herald's own migrations, then prints the plans and timings of the search queries.
# Usage: bench/search-plan.sh [psql connection options, default: -h 127.0.0.1 -U postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
PSQL=(psql -X -q -v ON_ERROR_STOP=1 ${@:--h 127.0.0.1 -U postgres})
DB="bench_search_$(date +%s)"
"${PSQL[@]}" -d postgres -c "create database $DB"
trap '"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null' EXIT

for f in src/main/resources/db/migration/common/V1__*.sql src/main/resources/db/migration/common/V2__*.sql \
         src/main/resources/db/migration/common/V3__*.sql src/main/resources/db/migration/postgresql/V4__*.sql; do
  "${PSQL[@]}" -d "$DB" -f "$f"
done

"${PSQL[@]}" -d "$DB" <<'SQL'
insert into departments (name, created_at) select 'Department ' || g, now() from generate_series(1, 40) g;
insert into locations (name, time_zone, created_at) select 'Site ' || g, 'Europe/Warsaw', now() from generate_series(1, 25) g;
-- Names combine 400 first and 2,000 last names, as a real directory repeats names.
insert into employees (email, first_name, last_name, job_title, department_id, location_id, time_zone, language,
                       active, created_at, updated_at, search_text, skills)
select 'person' || g || '@bench.test',
       'first' || (g % 400), 'kowal' || (g % 2000), 'engineer ' || (g % 30),
       1 + g % 40, 1 + g % 25, 'Europe/Warsaw', 'pl', g % 50 <> 0, now(), now(),
       'first' || (g % 400) || ' | kowal' || (g % 2000) || ' | person' || g || '@bench.test | engineer '
         || (g % 30) || ' | skill' || (g % 97) || ' | department ' || (1 + g % 40) || ' | site ' || (1 + g % 25),
       'skill' || (g % 97)
from generate_series(1, 50000) g;
analyze employees;
SQL

echo "== one word, page of 25 (search 'kowal1234')"
"${PSQL[@]}" -d "$DB" -c "explain (analyze, buffers, costs off)
  select * from employees e where e.active and e.search_text like '%kowal1234%'
  order by e.last_name, e.first_name, e.id limit 25"
echo "== its count"
"${PSQL[@]}" -d "$DB" -c "explain (analyze, costs off)
  select count(*) from employees e where e.active and e.search_text like '%kowal1234%'"
echo "== two words (search 'first7 kowal7')"
"${PSQL[@]}" -d "$DB" -c "explain (analyze, costs off)
  select * from employees e where e.active and e.search_text like '%first7%' and e.search_text like '%kowal7%'
  order by e.last_name, e.first_name, e.id limit 25"
