#!/usr/bin/env bash
# Latency of the customer portal's pages for alice@acme.demo.test (demo data), at 8 concurrent
# users: the work-order list (tabs, search, filters, sorts, pages), one work order, and the
# lookup by customer reference. Needs a running portal with demo data (see bench/README.md).
# Targets at 1,000,000 work orders: list and detail p95 <= 30 ms, lookup p95 <= 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
db_port=${PORTAL_EMBEDDED_DB_PORT:-54329}
user=${PORTAL_USER:-alice@acme.demo.test}
password=${PORTAL_PASSWORD:-demo-password}
sql() { psql -h 127.0.0.1 -p "$db_port" -U postgres portal -Atc "$1"; }

sign_in "$user" "$password"

company="(SELECT ct.company_id FROM account a JOIN contact ct ON ct.id = a.contact_id WHERE lower(a.username) = lower('$user'))"
echo "work orders in the database: $(sql 'SELECT count(*) FROM jobs'), of $user's company: $(sql "SELECT count(*) FROM jobs WHERE company_id = $company")"

list=$(mktemp); detail=$(mktemp); lookup=$(mktemp)
installations=$(sql "SELECT id FROM project WHERE company_id = $company ORDER BY id2 LIMIT 20")
cities=$(sql "SELECT DISTINCT a.city FROM project p JOIN db_address a ON a.id = p.db_address_id WHERE p.company_id = $company LIMIT 5")
{
    for sort in number reported status visit; do for dir in asc desc; do
        echo "/portal/jobs?sort=$sort&dir=$dir"; echo "/portal/jobs?tab=closed&sort=$sort&dir=$dir"; done; done
    for page in 1 2 3 5 8; do echo "/portal/jobs?tab=closed&page=$page"; done
    for q in boiler lift leak noise 2025 ACME; do echo "/portal/jobs?q=$q"; echo "/portal/jobs?tab=closed&q=$q"; done
    for id in $installations; do echo "/portal/jobs?installation=$id"; echo "/portal/jobs?tab=closed&installation=$id"; done
    while read -r city; do
        if [ -n "$city" ]; then echo "/portal/jobs?location=$(printf %s "$city" | sed 's/ /%20/g')"; fi
    done <<< "$cities"
} > "$list"
sql "SELECT '/portal/jobs/' || id2 FROM jobs WHERE company_id = $company ORDER BY random() LIMIT 2000" > "$detail"
sql "SELECT '/portal/lookup?customer_reference=' || customer_reference FROM jobs
      WHERE company_id = $company AND customer_reference IS NOT NULL ORDER BY random() LIMIT 1000" > "$lookup"
echo "/portal/lookup?customer_reference=NO-SUCH-REFERENCE" >> "$lookup"

measure list "$list"
measure detail "$detail"
measure lookup "$lookup"
rm -f "$list" "$detail" "$lookup"
