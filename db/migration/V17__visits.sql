-- Visits (job_planning) are real objects: several per work order, added, moved and removed by
-- planners; what state a visit is in follows from its work order's status, written here once.

-- A visit is proposed while its work order waits for confirmation (Suggested, Dispatched and
-- any other status before Planned), confirmed once it is Planned or later, done when closed.
ALTER TABLE job_status ADD COLUMN visit_state varchar(10)
    CHECK (visit_state IN ('proposed', 'confirmed', 'done'));
UPDATE job_status SET visit_state = CASE
    WHEN is_closed THEN 'done'
    WHEN code IN ('Planned', 'InProgress', 'WaitingFurtherActions', 'Workshop', 'WorkshopInQueue',
                  'WorkshopInProgress', 'WorkshopWaitingFurtherAction') THEN 'confirmed'
    ELSE 'proposed' END;
ALTER TABLE job_status ALTER COLUMN visit_state SET NOT NULL;

-- A customer reads "scheduled" only once a visit is confirmed: Dispatched is still waiting for
-- the technician's acceptance, so the customer reads "received" there, as for Suggested.
UPDATE job_status SET customer_status = 'received' WHERE code = 'Dispatched';

-- The one suggestion row per job (V5) is gone: every visit is a visit, and the job's
-- suggested_user_id / suggested_date_start mirror its first visit.
DROP INDEX job_planning_one_suggestion;
ALTER TABLE job_planning DROP COLUMN is_suggestion;
UPDATE jobs j SET suggested_user_id = first.app_user_id, suggested_date_start = first.date_start
  FROM (SELECT DISTINCT ON (job_id) job_id, app_user_id, date_start FROM job_planning
         ORDER BY job_id, date_start, id) first
 WHERE first.job_id = j.id AND j.date_closed IS NULL
   AND (j.suggested_user_id IS DISTINCT FROM first.app_user_id OR j.suggested_date_start IS DISTINCT FROM first.date_start);

-- The visits a customer sees of a work order: confirmed ones, and those of a work order carried
-- out (not of a cancelled one); with the technician's first name. The customer's work-order page
-- lists them and the "next visit" of their list is the first of them from now on: one definition.
CREATE FUNCTION customer_visits(job uuid)
    RETURNS TABLE (id uuid, date_start timestamptz, date_end timestamptz, technician_first_name text, state text)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT jp.id, jp.date_start, jp.date_end, staff_name_for_customers(u), s.visit_state::text
      FROM job_planning jp
      JOIN jobs j ON j.id = jp.job_id
      JOIN job_status s ON s.id = j.job_status_id
      JOIN app_user u ON u.id = jp.app_user_id
     WHERE jp.job_id = job AND s.visit_state <> 'proposed' AND s.customer_status <> 'cancelled'
$$;

-- The planning board reads a week of visits across technicians.
CREATE INDEX job_planning_start ON job_planning (date_start) INCLUDE (app_user_id, job_id, date_end);

-- A technician's week as an iCalendar feed behind a secret URL: only a hash of the secret is
-- kept; renewing it replaces the row, and the old URL stops working.
CREATE TABLE technician_calendar (
    app_user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    renewed_at  timestamptz NOT NULL DEFAULT now()
);
