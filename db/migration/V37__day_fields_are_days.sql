-- A work order's "not before" (earliest_date_plannable) and "due" (due_date) are days, not
-- instants: they were kept as the moment their day begins in the business zone (a job due on
-- 18 June as 2099-06-17 22:00+00), so whoever read the stored value or the API's date part in
-- UTC got the day before. They become dates; the API writes a date as the day at midnight UTC
-- (reference_time(date), V13), "2099-06-18T00:00:00.000000+00:00".
--
-- Each stored instant becomes the day it falls on in the business zone. Flyway is given no
-- placeholder for the zone (PORTAL_TIME_ZONE), so this uses the portal's default zone,
-- Europe/Brussels, named here so that the result does not depend on the session's TimeZone.
-- A portal run in another zone stored the start of its own local day: read in Brussels that is
-- still the same day for a zone west of Brussels (UTC, Lisbon, the Americas), but the day before
-- for a zone east of it, whose database would need this conversion adapted before it runs.
--
-- A day outside the years the portal accepts (1900–2999, jobs/DateInput, V12's plausible(date))
-- becomes empty, as V12 did with typed dates: V12 kept instants up to a day beyond those years
-- (room for offsets), which a day does not need.
--
-- The sort keys of the grid and of the planning board fold a missing due date into 'infinity':
-- as a timestamptz, coalesce(<date>, 'infinity'::timestamptz) would turn the day into an instant
-- in the session's zone, which an index can't hold. Those three indexes are made again, under
-- their names, with the key 'infinity'::date (the same order: no due date sorts last). The
-- other indexes on the columns (jobs_due_date, jobs_open_due), the CHECK that the due day is not
-- before the earliest one and the plausibility CHECKs (now plausible(date)) are rebuilt by the
-- ALTER itself, unchanged. One ALTER for both columns: the table is rewritten once.
DROP INDEX jobs_due_key, jobs_open_due_key, jobs_open_due_status;

ALTER TABLE jobs
    ALTER COLUMN earliest_date_plannable TYPE date USING
        CASE WHEN plausible((earliest_date_plannable AT TIME ZONE 'Europe/Brussels')::date)
             THEN (earliest_date_plannable AT TIME ZONE 'Europe/Brussels')::date END,
    ALTER COLUMN due_date TYPE date USING
        CASE WHEN plausible((due_date AT TIME ZONE 'Europe/Brussels')::date)
             THEN (due_date AT TIME ZONE 'Europe/Brussels')::date END;

-- as V20: the whole grid by due date, answered from the index alone
CREATE INDEX jobs_due_key ON jobs (coalesce(due_date, 'infinity'::date), id2) INCLUDE (id, due_date);
-- as V6: open work orders by due date
CREATE INDEX jobs_open_due_key ON jobs ((coalesce(due_date, 'infinity'::date)), id2) WHERE date_closed IS NULL;
-- as V27: the work waiting beside the planning board
CREATE INDEX jobs_open_due_status ON jobs ((coalesce(due_date, 'infinity'::date)), id2, job_status_id, skill_id)
    WHERE date_closed IS NULL;
