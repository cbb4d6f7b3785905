#!/usr/bin/env bash
# Latency of GET /api/jobs/{id} for random work orders, at 8 concurrent users.
# Needs a running portal on the embedded database (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
source bench/paths.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "work orders in the database: $(portal_sql 'SELECT count(*) FROM jobs')"
api_paths "$work"
export AUTH=$(printf %s "${API_CREDENTIALS:-api@demo.test:demo-password}" | base64 -w0)
measure api-job "$work/api-job"
