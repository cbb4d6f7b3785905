#!/usr/bin/env bash
# Latency of GET /api/jobs/{id} for random work orders, at 8 concurrent users.
# Needs a running portal on the embedded database (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASE_URL:-http://localhost:7070}
db_port=${PORTAL_EMBEDDED_DB_PORT:-54329}
paths=$(mktemp)
psql -h 127.0.0.1 -p "$db_port" -U postgres portal -Atc \
    "SELECT '/api/jobs/' || id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (42) LIMIT 5000" > "$paths"
echo "work orders in the database: $(psql -h 127.0.0.1 -p "$db_port" -U postgres portal -Atc 'SELECT count(*) FROM jobs')"
java bench/LoadBench.java "$base" "$paths" "${USERS:-8}" "${REQUESTS:-20000}" 2000 ${API_CREDENTIALS:-}
rm -f "$paths"
