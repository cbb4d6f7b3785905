#!/usr/bin/env bash
# Latency of the customer portal's pages for alice@acme.demo.test (demo data), at 8 concurrent
# users: the work-order list (tabs, search, filters, sorts, pages), one work order, and the
# lookup by customer reference. Needs a running portal with demo data (see bench/README.md).
# Targets at 1,000,000 work orders: list and detail p95 <= 30 ms, lookup p95 <= 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
source bench/paths.sh
user=${PORTAL_USER:-alice@acme.demo.test}
password=${PORTAL_PASSWORD:-demo-password}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sign_in "$user" "$password"
echo "work orders in the database: $(portal_sql 'SELECT count(*) FROM jobs'), of $user's company: $(portal_sql "SELECT count(*) FROM jobs WHERE company_id = $(customer_company "$user")")"
portal_paths "$work" "$user"
for scenario in list detail lookup; do
    measure "$scenario" "$work/$scenario"
done
