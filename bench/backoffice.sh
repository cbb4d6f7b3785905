#!/usr/bin/env bash
# Latency of the back office's read pages at 8 concurrent users, signed in as the demo planner,
# one wrk run per scenario (bench/measure.sh); then a CSV export of 100,000 rows timed with curl while the
# portal's heap is sampled. Needs a running portal with demo data (see bench/README.md).
#   BASE_URL (http://localhost:7070)  PORTAL_EMBEDDED_DB_PORT (54329)  USERS, WARMUP, DURATION (measure.sh)
#   PORTAL_PID: the portal's JVM, to sample its heap during the CSV export (optional)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
base=${BASE_URL:-http://localhost:7070}
db_port=${PORTAL_EMBEDDED_DB_PORT:-54329}
psql_portal() { psql -h 127.0.0.1 -p "$db_port" -U postgres portal -Atc "$1"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sign_in planner@demo.test demo-password

echo "work orders in the database: $(psql_portal 'SELECT count(*) FROM jobs')"

# the paths of each scenario, from the data itself
psql_portal "SELECT 'x' FROM generate_series(1, 10)" | sed 's#.*#/backoffice/jobs#' > "$work/grid-default"
psql_portal "SELECT '/backoffice/jobs?status=' || s.code || '&company=' || c.code
               FROM (SELECT company_id, job_status_id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 500) j
               JOIN company c ON c.id = j.company_id JOIN job_status s ON s.id = j.job_status_id" > "$work/grid-status-company"
printf '%s\n' '/backoffice/jobs?overdue=1' '/backoffice/jobs?overdue=1&sort=due_date&dir=asc' > "$work/grid-overdue"
psql_portal "SELECT DISTINCT '/backoffice/jobs?q=' || split_part(name, ' ', 1)
               FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (9) LIMIT 50" > "$work/grid-text"
psql_portal "SELECT '/backoffice/jobs?q=' || customer_reference FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (11)
              WHERE customer_reference IS NOT NULL LIMIT 200" >> "$work/grid-text"
psql_portal "SELECT '/backoffice/jobs?technician=' || code || sort FROM app_user TABLESAMPLE SYSTEM (50) REPEATABLE (23)
               CROSS JOIN (VALUES (''), ('&sort=due_date&dir=asc')) AS s(sort)
              WHERE EXISTS (SELECT 1 FROM job_planning pl WHERE pl.app_user_id = app_user.id) LIMIT 40" > "$work/grid-technician"
# the name filters as a planner types them: a company's first word in lower case, an installation's
# words, a technician's last name; each also with a status, as planners narrow a list
psql_portal "SELECT '/backoffice/jobs?company=' || lower(split_part(c.name, ' ', 1)) || s.status
               FROM (SELECT company_id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (25) LIMIT 100) j
               JOIN company c ON c.id = j.company_id CROSS JOIN (VALUES (''), ('&status=Open')) AS s(status)" > "$work/grid-names"
psql_portal "SELECT '/backoffice/jobs?installation=' || replace(lower(split_part(p.name, ' – ', 1)), ' ', '+')
               FROM (SELECT project_id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (27) LIMIT 100) j
               JOIN project p ON p.id = j.project_id" >> "$work/grid-names"
psql_portal "SELECT '/backoffice/jobs?technician=' || replace(lower(lastname), ' ', '+') FROM app_user TABLESAMPLE SYSTEM (50)
               REPEATABLE (29) WHERE EXISTS (SELECT 1 FROM job_planning pl WHERE pl.app_user_id = app_user.id) LIMIT 40" >> "$work/grid-names"
# deep pages: the keyset link of a page far down the default list (as "Next" links lead there)
psql_portal "SELECT '/backoffice/jobs?after=' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (13) LIMIT 500" > "$work/grid-deep"
psql_portal "SELECT '/backoffice/jobs?open=1&after=' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (15)
              WHERE date_closed IS NULL LIMIT 200" >> "$work/grid-deep"
psql_portal "SELECT '/backoffice/jobs/' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (17) LIMIT 2000" > "$work/detail"
psql_portal "SELECT '/backoffice/find?q=' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (19) LIMIT 500" > "$work/find"
psql_portal "SELECT '/backoffice/find?q=' || customer_reference FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (21)
              WHERE customer_reference IS NOT NULL LIMIT 500" >> "$work/find"
printf '%s\n' /backoffice > "$work/dashboard"

for scenario in grid-default grid-status-company grid-overdue grid-text grid-technician grid-names grid-deep detail find dashboard; do
    measure "$scenario" "$work/$scenario"
done

# CSV export of about 100,000 rows: the jobs due from the day that leaves 100,000 after it
from=$(psql_portal "SELECT (due_date AT TIME ZONE 'UTC')::date FROM jobs WHERE due_date IS NOT NULL
                     ORDER BY due_date DESC OFFSET 99999 LIMIT 1")
echo "csv: jobs due from $from: $(psql_portal "SELECT count(*) FROM jobs WHERE due_date >= '$from'::date")"
heap_sampler() {
    [ -n "${PORTAL_PID:-}" ] || return 0
    while sleep 0.5; do jcmd "$PORTAL_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap|total/ {print; exit}'; done
}
heap_sampler > "$work/heap" &
sampler=$!
curl -s -H "Cookie: $COOKIE" -o "$work/export.csv" -w 'csv: http=%{http_code} bytes=%{size_download} time=%{time_total}s first-byte=%{time_starttransfer}s\n' \
    "$base/backoffice/jobs.csv?due_from=$from&sort=due_date&dir=asc" || true
kill "$sampler" 2>/dev/null || true
echo "csv rows (with header): $(wc -l < "$work/export.csv")"
if [ -s "$work/heap" ]; then
    echo "heap while exporting (jcmd GC.heap_info, highest 'used'):"
    sort -t' ' -k1 "$work/heap" | grep -o 'used [0-9]*K' | sort -k2 -n | tail -1
fi
