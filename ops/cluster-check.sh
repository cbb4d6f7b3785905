#!/usr/bin/env bash
# Proves on one machine that the portal runs as several instances without losing a request:
#   - a PostgreSQL primary and a streaming replica (Debian's postgresql package, installed with
#     apt-get if missing), three portal instances started together on the empty database (the
#     replica serves their heavy reads), nginx in front (ops/nginx.conf, its ports rewritten);
#   - a mixed load (ops/cluster-load.py: planners browse, comment and edit, customers browse and
#     report problems) for DURATION seconds at least, while each instance is restarted in turn
#     (SIGTERM, start, wait for /ready) and then one is killed with kill -9 and started again; the
#     load goes on until all of that is done;
#   - then checks in the primary that every write acknowledged to the load tool is there, prints
#     "requests: N, failed: F, lost writes: L", stops everything it started and exits non-zero
#     unless every failed request was in flight on the killed instance and L is 0.
#
#   mvn -B -q package -DskipTests && ops/cluster-check.sh            (as root; DURATION=180 by default)
#
# Not part of `mvn verify`: it takes minutes and installs packages.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/work-order-portal.jar}
DURATION=${DURATION:-180}
DEMO_JOBS=${DEMO_JOBS:-2000}
BASE_PORT=${BASE_PORT:-47100}
PRIMARY_PORT=$((BASE_PORT + 1)); REPLICA_PORT=$((BASE_PORT + 2)); NGINX_PORT=$((BASE_PORT + 80))
INSTANCES=($((BASE_PORT + 11)) $((BASE_PORT + 12)) $((BASE_PORT + 13)))
TOKEN=cluster-check-metrics-token-0123456789

[[ -r "$JAR" ]] || { echo "no $JAR: run mvn -B -q package -DskipTests first" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "run as root (installs packages, runs PostgreSQL as its user)" >&2; exit 2; }

say() { echo "cluster-check: $*" >&2; }

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v nginx >/dev/null || missing+=(nginx)
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
if [[ ${#missing[@]} -gt 0 ]]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

WORK=$(mktemp -d /tmp/portal-cluster.XXXXXX)
chmod 755 "$WORK"
declare -A PIDS=()
as_pg() { runuser -u postgres -- "$@"; }
psql_primary() { "$PGBIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d portal -v ON_ERROR_STOP=1 -qAt "$@"; }

cleanup() {
    set +e
    for port in "${INSTANCES[@]}"; do
        [[ -n "${PIDS[$port]:-}" ]] && kill -TERM "${PIDS[$port]}" 2>/dev/null
    done
    for port in "${INSTANCES[@]}"; do
        [[ -n "${PIDS[$port]:-}" ]] && wait "${PIDS[$port]}" 2>/dev/null
    done
    [[ -f "$WORK/nginx.pid" ]] && nginx -c "$WORK/nginx-main.conf" -p "$WORK" -s stop 2>/dev/null
    [[ -d "$WORK/replica" ]] && as_pg "$PGBIN/pg_ctl" -D "$WORK/replica" -m fast -w stop >/dev/null 2>&1
    [[ -d "$WORK/primary" ]] && as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -m fast -w stop >/dev/null 2>&1
    if [[ -n "${KEEP:-}" ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- PostgreSQL: a primary and a streaming replica ------------------------------------------
say "PostgreSQL primary on $PRIMARY_PORT, streaming replica on $REPLICA_PORT ($PGBIN)"
for dir in pg primary replica; do
    mkdir -p "$WORK/$dir" && chown postgres "$WORK/$dir" && chmod 700 "$WORK/$dir"
done
touch "$WORK/primary.log" "$WORK/replica.log" && chown postgres "$WORK/primary.log" "$WORK/replica.log"
as_pg "$PGBIN/initdb" -D "$WORK/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
echo "host replication postgres 127.0.0.1/32 trust" >> "$WORK/primary/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w \
    -o "-p $PRIMARY_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=4 -c max_connections=200" start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qc "CREATE DATABASE portal"
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/replica" -R -X stream --checkpoint=fast
as_pg "$PGBIN/pg_ctl" -D "$WORK/replica" -l "$WORK/replica.log" -w \
    -o "-p $REPLICA_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=200" start >/dev/null
[[ $("$PGBIN/psql" -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -qAtc "SELECT pg_is_in_recovery()") == t ]]

# --- three instances, started together on the empty database ------------------------------------
start_instance() {
    local port=$1 demo=${2:-}
    (
        export PORTAL_PORT=$port PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/portal" PORTAL_DB_USER=postgres
        export PORTAL_DB_READ_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/portal"
        export PORTAL_TRUSTED_PROXIES=127.0.0.1/32 PORTAL_METRICS_TOKEN=$TOKEN PORTAL_DRAIN_SECONDS=2 PORTAL_LOG_FORMAT=json
        [[ -n "$demo" ]] && export PORTAL_DEMO_JOBS=$demo
        exec java -Xmx384m -XX:+UseSerialGC -jar "$JAR" >> "$WORK/portal-$port.log" 2>&1
    ) &
    PIDS[$port]=$!
}
await_ready() {
    local port=$1 deadline=$((SECONDS + 180))
    until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do
        (( SECONDS < deadline )) || { say "instance $port not ready; its log:"; tail -20 "$WORK/portal-$port.log" >&2; exit 1; }
        sleep 0.3
    done
}
say "three instances on ${INSTANCES[*]} (the first fills $DEMO_JOBS demo work orders)"
start_instance "${INSTANCES[0]}" "$DEMO_JOBS"
start_instance "${INSTANCES[1]}"
start_instance "${INSTANCES[2]}"
for port in "${INSTANCES[@]}"; do await_ready "$port"; done
[[ $(psql_primary -c "SELECT count(*) FROM flyway_schema_history WHERE success GROUP BY version HAVING count(*) > 1" | wc -l) -eq 0 ]] \
    || { say "a migration ran twice"; exit 1; }

# --- nginx in front ---------------------------------------------------------------------------
sed -e "s/listen 80;/listen 127.0.0.1:$NGINX_PORT;/" \
    -e "s/127.0.0.1:7071/127.0.0.1:${INSTANCES[0]}/" -e "s/127.0.0.1:7072/127.0.0.1:${INSTANCES[1]}/" \
    -e "s/127.0.0.1:7073/127.0.0.1:${INSTANCES[2]}/" "$ROOT/ops/nginx.conf" > "$WORK/portal-site.conf"
cat > "$WORK/nginx-main.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/nginx-body;
    proxy_temp_path $WORK/nginx-proxy;
    include $WORK/portal-site.conf;
}
NGINX
nginx -c "$WORK/nginx-main.conf" -p "$WORK"
until curl -sf "http://127.0.0.1:$NGINX_PORT/ready" >/dev/null; do sleep 0.2; done
say "nginx on $NGINX_PORT"

# --- the mixed load, with rolling restarts and a kill -9 ---------------------------------------
psql_primary -c "SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE NOT s.is_closed ORDER BY j.id2 LIMIT 400" > "$WORK/jobs.txt"
say "load for $DURATION s"
python3 "$ROOT/ops/cluster-load.py" --url "http://127.0.0.1:$NGINX_PORT" --seconds "$DURATION" \
    --jobs "$WORK/jobs.txt" --out "$WORK" --until "$WORK/load-done" > "$WORK/load.txt" &
LOAD=$!

step=$((DURATION / 5))
for port in "${INSTANCES[@]}"; do
    sleep "$step"
    say "restarting $port: SIGTERM, start, ready"
    kill -TERM "${PIDS[$port]}"
    wait "${PIDS[$port]}" || true
    start_instance "$port"
    await_ready "$port"
done
sleep "$step"
victim=${INSTANCES[1]}
say "kill -9 of $victim"
KILLED_AT=$(date +%s.%N)
kill -KILL "${PIDS[$victim]}"
wait "${PIDS[$victim]}" 2>/dev/null || true
start_instance "$victim"
await_ready "$victim"
sleep "$step"
touch "$WORK/load-done"
wait "$LOAD"
cat "$WORK/load.txt" >&2

# --- the check -----------------------------------------------------------------------------------
read -r N F < <(sed -E 's/requests: ([0-9]+), failed: ([0-9]+).*/\1 \2/' "$WORK/load.txt")
# a failure counts against the cluster unless it happened within 10 s after the kill -9 (a request
# that was in flight on the killed instance), and there can be no more of those than load workers
late=$(awk -v k="$KILLED_AT" '$1 < k || $1 > k + 10' "$WORK/failures.txt" | wc -l)
workers=8
psql_primary <<SQL
CREATE TEMP TABLE ack (kind text, marker text);
\copy ack FROM '$WORK/acks.txt' WITH (FORMAT text, DELIMITER ' ')
\o $WORK/lost.txt
SELECT a.kind, a.marker FROM ack a
 WHERE NOT CASE a.kind
       WHEN 'report'  THEN EXISTS (SELECT 1 FROM jobs j WHERE strpos(j.description, a.marker) > 0)
       WHEN 'comment' THEN EXISTS (SELECT 1 FROM job_comment c WHERE c.text = a.marker)
       WHEN 'edit'    THEN EXISTS (SELECT 1 FROM job_history h WHERE strpos(h.changes::text, a.marker) > 0)
       END;
SQL
L=$(grep -c . "$WORK/lost.txt" || true)
W=$(grep -c . "$WORK/acks.txt" || true)

echo "requests: $N, failed: $F, lost writes: $L"
say "acknowledged writes checked: $W; failures outside the kill -9 window: $late"
if [[ -s "$WORK/failures.txt" ]]; then say "failed requests:"; cat "$WORK/failures.txt" >&2; fi
say "a sample of /metrics:"
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${INSTANCES[0]}/metrics" \
    | grep -E '^(http_server_requests_seconds_count\{method="GET",route="/backoffice/jobs"|hikaricp_connections_active|portal_(reports|comments|status_changes|sign_in_failures)_total|portal_db_statements_seconds_count\{dao="JobDao")' | head -12 >&2 || true
if [[ "$L" -ne 0 || "$late" -ne 0 || "$F" -gt "$workers" ]]; then
    say "FAILED"
    exit 1
fi
say "passed"
