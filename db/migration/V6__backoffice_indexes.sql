-- The back office's reads at a million work orders: the job grid (default order: newest number
-- first, keyset-paged on id2), its common filters, the dashboard's counts and its weekly chart.
-- "Open" is date_closed IS NULL: the jobs trigger sets date_closed exactly when the status is a
-- closed one, so it is a column of the row that partial indexes can use (a status's is_closed
-- lives in another table). Open jobs are a few percent of all jobs, so their indexes stay small.

-- grid filtered on one status, newest first (replaces nothing: jobs_status stays for the FK)
CREATE INDEX jobs_status_id2 ON jobs (job_status_id, id2);
-- grid "open only" / "not yet planned", newest first
CREATE INDEX jobs_open_id2 ON jobs (id2) WHERE date_closed IS NULL;
-- dashboard: open jobs by status, one grouped query
CREATE INDEX jobs_open_status ON jobs (job_status_id) WHERE date_closed IS NULL;
-- overdue and due this week (count and grid)
CREATE INDEX jobs_open_due ON jobs (due_date) WHERE date_closed IS NULL;
-- open jobs sorted by due date (the grid's sort key: no due date sorts last), keyset on (key, id2)
CREATE INDEX jobs_open_due_key ON jobs ((coalesce(due_date, 'infinity'::timestamptz)), id2) WHERE date_closed IS NULL;
-- grid sorted by last change, keyset on (modified_dateutc, id2)
CREATE INDEX jobs_modified_id2 ON jobs (modified_dateutc, id2);
-- dashboard chart: jobs opened and closed per week
CREATE INDEX jobs_date_create ON jobs (date_create);
CREATE INDEX jobs_date_closed ON jobs (date_closed) WHERE date_closed IS NOT NULL;
-- dashboard: reported by customers today
CREATE INDEX jobs_reported ON jobs (date_reported_by_company) WHERE requested_by_contact_id IS NOT NULL;
-- grid filtered on a technician: their visits' jobs
CREATE INDEX job_planning_user_job ON job_planning (app_user_id, job_id);
