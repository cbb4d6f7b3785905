#!/usr/bin/env bash
# The same pages read in English, French and Dutch, in interleaved rounds: a page must not be
# slower in another language (translated names come from the database, dates and numbers are
# formatted per language, messages from three bundles). The signed-in account's own language
# decides (account.language, as a person sets it on their account page); it is put back at the end.
# Needs a running portal with demo data (see bench/README.md).
#   BASE_URL (http://localhost:7070)  PORTAL_EMBEDDED_DB_PORT (54329)  ROUNDS (2)  USERS, WARMUP, DURATION (measure.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
source bench/paths.sh
work=$(mktemp -d)
planner=planner@demo.test
customer=alice@acme.demo.test
language_of() { portal_sql "SELECT coalesce(language, '') FROM account WHERE lower(username) = lower('$1')"; }
set_language() { portal_sql "UPDATE account SET language = nullif('$2', '') WHERE lower(username) = lower('$1')" > /dev/null; }
planner_was=$(language_of $planner)
customer_was=$(language_of $customer)
cleanup() {
    set_language $planner "$planner_was"
    set_language $customer "$customer_was"
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/bo" "$work/customer"
backoffice_paths "$work/bo"
portal_paths "$work/customer" $customer

for round in $(seq "${ROUNDS:-2}"); do
    for language in en fr nl; do
        set_language $planner $language
        set_language $customer $language
        sign_in $planner demo-password
        measure "r$round $language bo-detail" "$work/bo/detail"
        measure "r$round $language bo-grid" "$work/bo/grid-default"
        sign_in $customer demo-password
        measure "r$round $language customer-job" "$work/customer/detail"
        measure "r$round $language customer-list" "$work/customer/list"
    done
done
