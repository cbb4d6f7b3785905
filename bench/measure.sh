# Sourced by the load scripts: one scenario at a time, measured with wrk (Debian package `wrk`),
# which costs the machine almost nothing beside the portal and its PostgreSQL.
#   USERS (8): concurrent connections, each sending its next request when the answer arrived
#   WARMUP (30) and DURATION (30): seconds of warm-up (the JIT compiles the hot paths; not
#   counted) and of measurement, per scenario
#   COOKIE (a signed-in session) or AUTH (base64 of user:password) is sent with every request
# Prints per scenario the client's median/p95/p99 and the server's own (Server-Timing).

command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

measure() {
    local name=$1 paths=$2
    local wrk=(wrk -t2 -c"${USERS:-8}" -s bench/wrk-paths.lua "${BASE_URL:-http://localhost:7070}")
    PATHS=$paths "${wrk[@]}" -d"${WARMUP:-30}s" > /dev/null
    local out
    out=$(PATHS=$paths "${wrk[@]}" -d"${DURATION:-30}s")
    printf '%-22s %s\n' "$name" "$(grep -E '^(requests|client|server)' <<< "$out" | tr '\n' ' ')"
}
