#!/usr/bin/env bash
# Latency of a work order's page when its conversation is long: 50 work orders are given 200
# timeline entries each (190 comments and 10 files, from both sides, some internal to the team,
# each with its history entry as the portal writes it), then their pages are measured at 8
# concurrent users (bench/measure.sh): the back office's work order as the demo planner
# (detail-timeline), and the customer's work order as Alice for those of them she may see
# (portal-detail-timeline). Targets at 1,000,000 work orders: the detail pages' p95 <= 30 ms.
# The rows are written straight into job_comment, job_attachment and job_history in one
# statement, then vacuumed as an older conversation would be; exactly those rows (by their ids) are
# removed when the script ends.
# Needs a running portal with demo data (see bench/README.md).
#   BASE_URL (http://localhost:7070)  PORTAL_EMBEDDED_DB_PORT (54329)  USERS, WARMUP, DURATION (measure.sh)
#   PORTAL_USER (alice@acme.demo.test), PORTAL_PASSWORD (demo-password): the customer
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
source bench/paths.sh
customer=${PORTAL_USER:-alice@acme.demo.test}
customer_password=${PORTAL_PASSWORD:-demo-password}
work=$(mktemp -d)
# what the script wrote, one "table id" a line (the insert's RETURNING), for the clean-up
touch "$work/written"

# ids_of TABLE: the ids written into TABLE, as a PostgreSQL array literal ('{}' when none)
ids_of() { awk -v t="$1" 'BEGIN { printf "{" } $1 == t { printf "%s%s", sep, $2; sep = "," } END { printf "}" }' "$work/written"; }

cleanup() {
    # through a file, not -c: ten thousand ids are more than one argument may hold
    cat > "$work/cleanup.sql" <<SQL
BEGIN;
DELETE FROM job_history WHERE id = ANY ('$(ids_of job_history)'::bigint[]);
DELETE FROM job_comment WHERE id = ANY ('$(ids_of job_comment)'::bigint[]);
DELETE FROM job_attachment WHERE id = ANY ('$(ids_of job_attachment)'::uuid[]);
COMMIT;
SQL
    psql -h 127.0.0.1 -p "${PORTAL_EMBEDDED_DB_PORT:-54329}" -U postgres portal -Aqt -v ON_ERROR_STOP=1 \
        -f "$work/cleanup.sql" > /dev/null || { echo "clean-up failed: what was written is listed in $work/written" >&2; return; }
    rm -rf "$work"
}
trap cleanup EXIT

company=$(customer_company "$customer")
customer_sees="customer_may_see(j, $company, (SELECT ct.id FROM account a JOIN contact ct ON ct.id = a.contact_id
                                               WHERE lower(a.username) = lower('$customer') AND ct.portal_scope = 'own_requests'))"

# 40 work orders of any company (sampled, the same ones every run) and 10 that the customer sees
portal_sql "SELECT id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (31) LIMIT 40" > "$work/jobs"
portal_sql "SELECT id FROM jobs j WHERE company_id = $company AND $customer_sees ORDER BY md5(id::text) LIMIT 10" >> "$work/jobs"
jobs=$(sort -u "$work/jobs" | sed "s/.*/'&'/" | paste -sd, -)
[ -n "$jobs" ] || { echo "no work orders to give a timeline"; exit 1; }

# Per work order, entries n = 1..200 three hours apart from its creation: every 20th a file (PNG or
# PDF, by the customer's contact or the team, two of the team's internal), the others comments
# (every 3rd by the customer's contact, the team's alternately by the demo planner and a
# technician, a quarter of those internal), of one to seven sentences. Each has its history entry.
portal_sql "
WITH staff AS (
    SELECT s.turn, a.id AS account_id, u.id AS app_user_id, staff_name_for_customers(u) AS first_name
      FROM (SELECT 0 AS turn, (SELECT app_user_id FROM account WHERE lower(username) = 'planner@demo.test') AS id
            UNION ALL
            SELECT 1, coalesce((SELECT id FROM app_user WHERE allow_service_app ORDER BY code LIMIT 1),
                               (SELECT app_user_id FROM account WHERE lower(username) = 'planner@demo.test'))) s
      JOIN app_user u ON u.id = s.id
      LEFT JOIN LATERAL (SELECT id FROM account WHERE app_user_id = u.id ORDER BY lower(username) LIMIT 1) a ON true),
entries AS (
    SELECT j.id AS job_id, n, coalesce(j.date_create, now()) + n * interval '3 hours' AS at,
           ct.id AS contact_id, coalesce(ct.name, 'Customer contact') AS contact_name, n % 20 = 0 AS is_file,
           ct.id IS NOT NULL AND CASE WHEN n % 20 = 0 THEN (n / 20) % 2 = 1 ELSE n % 3 = 0 END AS by_customer,
           CASE WHEN n % 20 = 0 THEN (n / 20) % 4 = 0 ELSE n % 4 = 1 END AS internal_if_team
      FROM jobs j
      LEFT JOIN LATERAL (SELECT c.id, person_name(c) AS name FROM contact c WHERE c.company_id = j.company_id
                          ORDER BY c.id = j.requested_by_contact_id DESC, c.id LIMIT 1) ct ON true
     CROSS JOIN generate_series(1, 200) n
     WHERE j.id IN ($jobs)),
comments AS (
    INSERT INTO job_comment (job_id, account_id, app_user_id, contact_id, author_name, by_customer, text, visibility, date_create)
    SELECT e.job_id, CASE WHEN NOT e.by_customer THEN s.account_id END, CASE WHEN NOT e.by_customer THEN s.app_user_id END,
           CASE WHEN e.by_customer THEN e.contact_id END,
           CASE WHEN e.by_customer THEN e.contact_name ELSE s.first_name END, e.by_customer,
           repeat(CASE WHEN e.by_customer THEN 'The boiler still knocks at night, mostly after the heating starts. '
                       WHEN e.internal_if_team THEN 'Order the seal kit from the supplier before the next visit. '
                       ELSE 'We checked the pressure and replaced the valve seal; it holds for now. ' END, 1 + e.n % 7),
           CASE WHEN NOT e.by_customer AND e.internal_if_team THEN 'internal' ELSE 'customer' END, e.at
      FROM entries e JOIN staff s ON s.turn = e.n % 2
     WHERE NOT e.is_file
    RETURNING id, job_id, date_create, author_name, by_customer, app_user_id, visibility, text),
files AS (
    INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes, uploaded_by, app_user_id, contact_id,
                                visibility, date_create)
    SELECT e.job_id, 'timeline-' || e.n || CASE WHEN pdf THEN '.pdf' ELSE '.png' END,
           CASE WHEN pdf THEN 'application/pdf' ELSE 'image/png' END, octet_length(b.bytes), b.bytes,
           CASE WHEN NOT e.by_customer THEN s.account_id END, CASE WHEN NOT e.by_customer THEN s.app_user_id END,
           CASE WHEN e.by_customer THEN e.contact_id END,
           CASE WHEN NOT e.by_customer AND e.internal_if_team THEN 'internal' ELSE 'customer' END, e.at
      FROM entries e JOIN staff s ON s.turn = 0
     CROSS JOIN LATERAL (SELECT (e.n / 20) % 3 = 0 AS pdf) k
     CROSS JOIN LATERAL (SELECT CASE WHEN k.pdf THEN convert_to(E'%PDF-1.4\n%%EOF\n', 'UTF8')
                                     ELSE '\\x89504e470d0a1a0a0000000d49484452'::bytea END AS bytes) b
     WHERE e.is_file
    RETURNING id, job_id, date_create, app_user_id, contact_id, visibility, file_name),
history AS (
    INSERT INTO job_history (job_id, changed_by, kind, changes, version, changed_at)
    SELECT c.job_id, CASE WHEN c.by_customer THEN c.author_name ELSE person_name(u) END, 'comment',
           jsonb_build_object('visibility', c.visibility, 'comment', left(c.text, 200)), j.version, c.date_create
      FROM comments c JOIN jobs j ON j.id = c.job_id LEFT JOIN app_user u ON u.id = c.app_user_id
    UNION ALL
    SELECT f.job_id, coalesce(person_name(fc), person_name(u)), 'file',
           jsonb_build_object('visibility', f.visibility, 'file', f.file_name), j.version, f.date_create
      FROM files f JOIN jobs j ON j.id = f.job_id LEFT JOIN app_user u ON u.id = f.app_user_id
      LEFT JOIN contact fc ON fc.id = f.contact_id
    RETURNING id)
SELECT 'job_comment ' || id FROM comments
UNION ALL SELECT 'job_attachment ' || id FROM files
UNION ALL SELECT 'job_history ' || id FROM history" > "$work/written"

# as autovacuum would have done long since for a conversation written over weeks: the pages' counts
# are read from the indexes alone only where the table's pages are marked visible to all
portal_sql "VACUUM (ANALYZE) job_comment, job_attachment, job_history" > /dev/null
echo "work orders: $(portal_sql 'SELECT count(*) FROM jobs'); written: $(awk '{print $1}' "$work/written" | sort | uniq -c | tr '\n' ' ')"

portal_sql "SELECT '/backoffice/jobs/' || id2 FROM jobs WHERE id IN ($jobs) ORDER BY id2" > "$work/detail-timeline"
portal_sql "SELECT '/portal/jobs/' || id2 FROM jobs j WHERE id IN ($jobs) AND $customer_sees ORDER BY id2" \
    > "$work/portal-detail-timeline"

sign_in planner@demo.test demo-password
measure detail-timeline "$work/detail-timeline"
if [ -s "$work/portal-detail-timeline" ]; then
    sign_in "$customer" "$customer_password"
    measure portal-detail-timeline "$work/portal-detail-timeline"
fi
