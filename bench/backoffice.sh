#!/usr/bin/env bash
# Latency of the back office's read pages at 8 concurrent users, signed in as the demo planner,
# one wrk run per scenario (bench/measure.sh); then a CSV export of 100,000 rows timed with curl while the
# portal's heap is sampled. Needs a running portal with demo data (see bench/README.md).
#   BASE_URL (http://localhost:7070)  PORTAL_EMBEDDED_DB_PORT (54329)  USERS, WARMUP, DURATION (measure.sh)
#   PORTAL_PID: the portal's JVM, to sample its heap during the CSV export (optional)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
source bench/paths.sh
base=${BASE_URL:-http://localhost:7070}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sign_in planner@demo.test demo-password

echo "work orders in the database: $(portal_sql 'SELECT count(*) FROM jobs')"

backoffice_paths "$work"

for scenario in grid-default grid-status-company grid-overdue grid-text grid-technician grid-names grid-deep detail find dashboard; do
    measure "$scenario" "$work/$scenario"
done

# CSV export of about 100,000 rows: the jobs due from the day that leaves 100,000 after it
from=$(portal_sql "SELECT due_date FROM jobs WHERE due_date IS NOT NULL
                     ORDER BY due_date DESC OFFSET 99999 LIMIT 1")
echo "csv: jobs due from $from: $(portal_sql "SELECT count(*) FROM jobs WHERE due_date >= '$from'::date")"
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
