#!/usr/bin/env bash
# Cold and warm start-up of the packaged portal on its embedded PostgreSQL: the time from
# `java -jar` to the first 200 from /health. Cold: an empty data directory (initdb, Flyway
# migrations). Warm: the same directory again. Then the same through ops/start-portal.sh, as
# the systemd unit starts it (its JVM options too): a first run writes the class archive as it
# stops, then a cold start maps it. Build first: mvn -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/work-order-portal.jar
data=$(mktemp -d)
archive=$(mktemp -u).jsa
# the JVM options the systemd unit gives the portal, read from its ExecStart
unit_options=$(sed -n '/^ExecStart=/,/[^\\]$/p' ops/work-order-portal@.service | tr -d '\\\n' | sed 's/.*work-order-portal\.jar *//')
port=${PORT:-7091}
db_port=${DB_PORT:-54391}

start_once() {
    local began=$(date +%s%N)
    PORTAL_DATA_DIR=$data PORTAL_PORT=$port PORTAL_EMBEDDED_DB_PORT=$db_port "$@" > "$data.log" 2>&1 &
    local pid=$!
    until curl -sf "http://localhost:$port/health" > /dev/null; do
        kill -0 $pid 2>/dev/null || { cat "$data.log"; exit 1; }
        sleep 0.05
    done
    local ready=$(date +%s%N)
    kill -TERM $pid
    wait $pid || true
    echo $(( (ready - began) / 1000000 ))
}

echo "cold start (empty data directory): $(start_once java -jar "$jar") ms"
for run in 1 2 3; do
    echo "warm start #$run: $(start_once java -jar "$jar") ms"
done
echo "the unit's JVM options: $unit_options"
# shellcheck disable=SC2086 # one word per option
echo "start that writes the class archive (ops/start-portal.sh): $(start_once ops/start-portal.sh "$archive" "$jar" $unit_options) ms"
echo "class archive: $(du -h "$archive" | cut -f1)"
for run in 1 2 3; do
    rm -rf "$data"; mkdir "$data"
    # shellcheck disable=SC2086
    echo "cold start with the class archive #$run: $(start_once ops/start-portal.sh "$archive" "$jar" $unit_options) ms"
done
echo "jar size: $(du -h "$jar" | cut -f1) ($(stat -c %s "$jar") bytes)"
rm -rf "$data" "$data.log" "$archive"
