#!/usr/bin/env bash
# Latency of the planning at 8 concurrent users, signed in as the demo planner, one wrk run per
# scenario (bench/measure.sh): the board for one week (this week and the ones around it, with and
# without a skill or team filter), adding a visit and moving one (each a POST answered 303, with
# the overlap check, the history entry and the work order's suggestion in the same transaction).
# The visits the scenarios write are in 2098, away from the demo's; they are removed at the end
# and the work orders' suggestions set back from their first visit.
# Needs a running portal with demo data (see bench/README.md).
#   BASE_URL (http://localhost:7070)  PORTAL_EMBEDDED_DB_PORT (54329)  USERS, WARMUP, DURATION (measure.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
source bench/paths.sh
work=$(mktemp -d)
cleanup() {
    portal_sql "
        CREATE TEMP TABLE touched AS SELECT DISTINCT job_id FROM job_planning
         WHERE date_start >= '2098-01-01' AND date_start < '2099-01-01';
        DELETE FROM job_planning WHERE date_start >= '2098-01-01' AND date_start < '2099-01-01';
        UPDATE jobs j SET suggested_user_id = first.app_user_id, suggested_date_start = first.date_start
          FROM touched t LEFT JOIN LATERAL (SELECT app_user_id, date_start FROM job_planning pl WHERE pl.job_id = t.job_id
                                             ORDER BY date_start, id LIMIT 1) first ON true
         WHERE j.id = t.job_id;" > /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

sign_in planner@demo.test demo-password
csrf_token

echo "work orders: $(portal_sql 'SELECT count(*) FROM jobs'), visits: $(portal_sql 'SELECT count(*) FROM job_planning'),"\
     "technicians: $(portal_sql 'SELECT count(*) FROM app_user WHERE allow_service_app')"

# the board: this week, the four around it, and each with a skill or a team
portal_sql "SELECT '/backoffice/planning?week=' || to_char(now() + w * interval '1 week', 'IYYY-\"W\"IW') || f.filter
               FROM generate_series(-2, 2) w
              CROSS JOIN (SELECT '' AS filter UNION ALL SELECT '&skill=' || id FROM (SELECT id FROM skill LIMIT 3) s
                          UNION ALL SELECT '&team=' || id FROM (SELECT id FROM app_user WHERE is_team_leader LIMIT 3) t) f" \
    > "$work/board-week"
# adding a visit to an open work order, at a time of 2098 (confirmed: overlaps are allowed, the check still runs)
portal_sql "SELECT 'POST /backoffice/jobs/' || j.id2 || '/visits _csrf={csrf}&technician=' || u.code
                    || '&start=2098-' || to_char(1 + j.n % 12, 'FM00') || '-' || to_char(1 + j.n % 28, 'FM00') || 'T09%3A00'
                    || '&end=2098-' || to_char(1 + j.n % 12, 'FM00') || '-' || to_char(1 + j.n % 28, 'FM00') || 'T10%3A30&allow_overlap=1'
               FROM (SELECT id2, row_number() OVER () AS n FROM (SELECT id2 FROM jobs WHERE date_closed IS NULL
                                                                  ORDER BY md5(id::text) LIMIT 500) o) j
               JOIN LATERAL (SELECT code FROM app_user WHERE allow_service_app ORDER BY code OFFSET j.n % 12 LIMIT 1) u ON true" \
    > "$work/visit-add"
# moving a visit: 300 visits of open work orders are placed in 2098 first, each then moved between two days
portal_sql "WITH picked AS (
                 SELECT id, id2, row_number() OVER () AS n FROM (SELECT id, id2 FROM jobs WHERE date_closed IS NULL
                                                                   ORDER BY md5(id::text) DESC LIMIT 300) o),
             placed AS (
                 INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                 SELECT p.id, (SELECT id FROM app_user WHERE allow_service_app ORDER BY code OFFSET p.n % 12 LIMIT 1),
                        '2098-06-01 11:00+00', '2098-06-01 12:00+00' FROM picked p
                 RETURNING id, job_id, app_user_id)
             SELECT 'POST /backoffice/jobs/' || j.id2 || '/visits/' || pl.id || ' _csrf={csrf}&technician=' || u.code
                    || '&start=2098-06-' || to_char(d, 'FM00') || 'T13%3A00&end=2098-06-' || to_char(d, 'FM00') || 'T14%3A00&allow_overlap=1'
               FROM placed pl JOIN jobs j ON j.id = pl.job_id JOIN app_user u ON u.id = pl.app_user_id
              CROSS JOIN generate_series(2, 3) d" > "$work/visit-move"

for scenario in board-week visit-add visit-move; do
    measure "$scenario" "$work/$scenario"
done
