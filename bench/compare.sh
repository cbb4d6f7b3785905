#!/usr/bin/env bash
# The portal's pages beside the stack's floor (../shared/perf-floor: Javalin, Thymeleaf, jdbi and
# PostgreSQL serving TechEmpower's Fortunes and nothing else), measured in ONE run: the machine
# is shared and noisy, so only figures taken side by side, in interleaved rounds, compare.
# Needs a running portal with demo data (bench/README.md), wrk, and ss (iproute2) to find the
# process that answers each page. Starts the floor on the portal's PostgreSQL, and stops it at
# the end.
#   BASE_URL (http://localhost:7070)  PORTAL_DATA_DIR (./data)  PORTAL_EMBEDDED_DB_PORT (54329)
#   FLOOR_DIR (../shared/perf-floor)  FLOOR_PORT (8081)
#   ROUNDS (2)  WARMUP (5)  DURATION (15)  USERS (8): per page and round, WARMUP seconds not
#   counted, then DURATION seconds measured with wrk -t1 -c$USERS
# Prints per page its req/s in each round, their mean, the client's p50/p99 and the server's
# p95 (Server-Timing) of the last round, and the mean req/s as a share of the floor's /fortunes.
# Then, per page, the processor time one request took in the last round (from /proc; the first
# round finds the floor, started for the run, still cold): the JVM that answered it (the portal's,
# or the floor's), PostgreSQL's processes, and the whole machine (wrk and the kernel's network
# work included); beside it, what the whole machine may spend per request for the page to reach
# its goal (issue 15: 30 % of the floor for a work order, 20 % for a list) in that round: all its
# processors' time divided by the goal's requests per second.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
source bench/paths.sh
base=${BASE_URL:-http://localhost:7070}
floor_port=${FLOOR_PORT:-8081}
rounds=${ROUNDS:-2}
work=$(mktemp -d)
floor_pid=
trap '[ -n "$floor_pid" ] && kill "$floor_pid"; rm -rf "$work"' EXIT

floor_pid=$(FLOOR_DB_PORT=${PORTAL_EMBEDDED_DB_PORT:-54329} FLOOR_DB_PASSWORD=${PGPASSWORD:-} \
    "${FLOOR_DIR:-../shared/perf-floor}/run.sh" "$floor_port")
sign_in planner@demo.test demo-password
planner=$COOKIE
sign_in alice@acme.demo.test demo-password
customer=$COOKIE
unset COOKIE
api=$(printf %s "${API_CREDENTIALS:-api@demo.test:demo-password}" | base64 -w0)
echo "work orders in the database: $(portal_sql 'SELECT count(*) FROM jobs')"

mkdir "$work/backoffice" "$work/customer" "$work/api" "$work/floor" "$work/results"
backoffice_paths "$work/backoffice"
portal_paths "$work/customer" alice@acme.demo.test
api_paths "$work/api"
echo /fortunes > "$work/floor/fortunes"

# name | base URL | cookie | basic auth | paths | goal (% of the floor)
pages=(
    "floor /fortunes|http://127.0.0.1:$floor_port|||$work/floor/fortunes|"
    "back-office work order|$base|$planner||$work/backoffice/detail|30"
    "customer work order|$base|$customer||$work/customer/detail|30"
    "GET /api/jobs/{id}|$base||$api|$work/api/api-job|30"
    "grid, default view|$base|$planner||$work/backoffice/grid-default|20"
    "grid, status+company|$base|$planner||$work/backoffice/grid-status-company|20"
    "grid, overdue|$base|$planner||$work/backoffice/grid-overdue|20"
    "grid, text|$base|$planner||$work/backoffice/grid-text|20"
    "grid, technician|$base|$planner||$work/backoffice/grid-technician|20"
    "grid, names|$base|$planner||$work/backoffice/grid-names|20"
    "grid, deep pages|$base|$planner||$work/backoffice/grid-deep|20"
    "customer list|$base|$customer||$work/customer/list|20"
)

# Processor time in clock ticks (/proc): of one process, of PostgreSQL's, of the whole machine
ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
postgres_ticks() { pgrep -x postgres | while read -r pid; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done | awk '{t += $1} END {print t + 0}'; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# the process that listens on a URL's port
listener() {
    local port=${1##*:}
    port=${port%%/*}
    ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
tick_ms=$((1000 / $(getconf CLK_TCK)))

# one page, one round: appends "req/s client-p50 client-p99 server-p95 ms-per-request(JVM
# PostgreSQL machine)" to its results file
run_page() {
    local index=$1 name url cookie auth paths out jvm before after
    IFS='|' read -r name url cookie auth paths _ <<< "${pages[$index]}"
    local wrk=(wrk -t1 -c"${USERS:-8}" -s bench/wrk-paths.lua "$url")
    jvm=$(listener "$url")
    COOKIE=$cookie AUTH=$auth PATHS=$paths "${wrk[@]}" -d"${WARMUP:-5}s" > /dev/null
    before="$(ticks_of "$jvm") $(postgres_ticks) $(machine_ticks)"
    out=$(COOKIE=$cookie AUTH=$auth PATHS=$paths "${wrk[@]}" -d"${DURATION:-15}s")
    after="$(ticks_of "$jvm") $(postgres_ticks) $(machine_ticks)"
    grep -q 'unexpected-status=0' <<< "$out" || echo "warning: $name answered errors or sign-in redirects: $(grep requests= <<< "$out")" >&2
    awk -v before="$before" -v after="$after" -v tick="$tick_ms" '
         /^Requests\/sec/ {rps=$2}
         /^requests=/ {split($1, r, "="); n=r[2]}
         /^client/ {split($2, m, "="); split($4, c, "="); p50=m[2]; p99=c[2]}
         /^server/ {split($3, s, "="); p95=s[2]}
         END {split(before, b, " "); split(after, a, " ")
              printf "%s %s %s %s", rps, p50, p99, p95
              for (i = 1; i <= 3; i++) printf " %.3f", n ? (a[i] - b[i]) * tick / n : 0
              print ""}' <<< "$out" >> "$work/results/$index"
}

for round in $(seq 1 "$rounds"); do
    echo "round $round of $rounds ($(date +%H:%M:%S), load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for index in "${!pages[@]}"; do
        run_page "$index"
    done
done

floor_rps=$(awk '{sum += $1} END {print sum / NR}' "$work/results/0")
printf '\n%-24s %-22s %9s %9s %9s %11s %9s\n' page "req/s by round" "mean" "p50" "p99" "server p95" "of floor"
for index in "${!pages[@]}"; do
    IFS='|' read -r name _ <<< "${pages[$index]}"
    awk -v name="$name" -v floor="$floor_rps" '
        {rounds = rounds (NR > 1 ? " / " : "") sprintf("%.0f", $1); sum += $1; p50 = $2; p99 = $3; p95 = $4}
        END {printf "%-24s %-22s %9.0f %9s %9s %11s %8.1f%%\n", name, rounds, sum / NR, p50, p99, p95, 100 * sum / NR / floor}' \
        "$work/results/$index"
done

cores=$(nproc)
floor_last=$(awk 'END {print $1}' "$work/results/0")
printf '\nProcessor time per request in the last round, ms (%s processors, the floor at %.0f req/s)\n' "$cores" "$floor_last"
printf '%-24s %9s %11s %9s %6s %18s\n' page "its JVM" "PostgreSQL" "machine" "goal" "machine at goal"
for index in "${!pages[@]}"; do
    IFS='|' read -r name _ _ _ _ goal <<< "${pages[$index]}"
    awk -v name="$name" -v floor="$floor_last" -v goal="$goal" -v cores="$cores" '
        END {budget = goal ? sprintf("%.2f", cores * 1000 / (goal / 100 * floor)) : "-"
             printf "%-24s %9.2f %11.2f %9.2f %6s %18s\n", name, $5, $6, $7, goal ? goal "%" : "-", budget}' \
        "$work/results/$index"
done
