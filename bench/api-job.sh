#!/usr/bin/env bash
# Latency of GET /api/jobs/{id} for random work orders, at 8 concurrent users.
# Needs a running portal on the embedded database (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
db_port=${PORTAL_EMBEDDED_DB_PORT:-54329}
paths=$(mktemp)
psql -h 127.0.0.1 -p "$db_port" -U postgres portal -Atc \
    "SELECT '/api/jobs/' || id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (42) LIMIT 5000" > "$paths"
echo "work orders in the database: $(psql -h 127.0.0.1 -p "$db_port" -U postgres portal -Atc 'SELECT count(*) FROM jobs')"
export AUTH=$(printf %s "${API_CREDENTIALS:-api@demo.test:demo-password}" | base64 -w0)
measure api-job "$paths"
rm -f "$paths"
