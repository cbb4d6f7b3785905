# Sourced by the load scripts: one scenario at a time, measured with wrk (Debian package `wrk`),
# which costs the machine almost nothing beside the portal and its PostgreSQL.
#   USERS (8): concurrent connections, each sending its next request when the answer arrived
#   WARMUP (30) and DURATION (30): seconds of warm-up (the JIT compiles the hot paths; not
#   counted) and of measurement, per scenario
#   COOKIE (a signed-in session) or AUTH (base64 of user:password) is sent with every request
#   PORTAL_DATA_DIR (./data): where the portal keeps db-password, for psql (or set PGPASSWORD)
# Prints per scenario the client's median/p95/p99 and the server's own (Server-Timing).

command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

# The embedded PostgreSQL asks for the password the portal keeps beside its data (PORTAL_DATA_DIR)
if [ -z "${PGPASSWORD:-}" ] && [ -r "${PORTAL_DATA_DIR:-./data}/db-password" ]; then
    PGPASSWORD=$(cat "${PORTAL_DATA_DIR:-./data}/db-password")
    export PGPASSWORD
fi

# sign_in USER PASSWORD: signs in as a browser does (the form's CSRF token and cookie, then the
# POST) and exports COOKIE with the session, for wrk and curl
sign_in() {
    local base=${BASE_URL:-http://localhost:7070} jar token status
    jar=$(mktemp)
    token=$(curl -s -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "_csrf=$token" \
        --data-urlencode "username=$1" --data-urlencode "password=$2" "$base/login")
    [ "$status" = 303 ] || { echo "could not sign in as $1 (HTTP $status)"; rm -f "$jar"; exit 1; }
    export COOKIE="portal_session=$(awk '$6 == "portal_session" {print $7}' "$jar")"
    rm -f "$jar"
}

# csrf_token: exports CSRF, the form token of the signed-in session (COOKIE), for scenarios that post forms
csrf_token() {
    CSRF=$(curl -s -H "Cookie: $COOKIE" "${BASE_URL:-http://localhost:7070}/backoffice" \
        | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    [ -n "$CSRF" ] || { echo "no form token for the signed-in session"; exit 1; }
    export CSRF
}

measure() {
    local name=$1 paths=$2
    local wrk=(wrk -t2 -c"${USERS:-8}" -s bench/wrk-paths.lua "${BASE_URL:-http://localhost:7070}")
    PATHS=$paths "${wrk[@]}" -d"${WARMUP:-30}s" > /dev/null
    local out
    out=$(PATHS=$paths "${wrk[@]}" -d"${DURATION:-30}s")
    printf '%-22s %s\n' "$name" "$(grep -E '^(requests|client|server)' <<< "$out" | tr '\n' ' ')"
}
