-- Dates that can't be real are refused here too, whatever program writes them. The portal takes
-- years 1900–2999 as a person types them (jobs/DateInput); a time typed with an offset of up to
-- ±18 hours lands, in UTC, between 1899-12-31 00:00 and 3000-01-02 00:00, so that is the range
-- kept here. Beyond it lie typing slips (year 0, 20255) and what the driver writes for years it
-- can't send (-infinity, infinity), which no page can show.
CREATE FUNCTION plausible(t timestamptz) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN t >= '1899-12-31 00:00:00+00' AND t < '3000-01-02 00:00:00+00';

-- days without a time (an equipment's build date, a birthdate) need no room for offsets
CREATE FUNCTION plausible(d date) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN d >= '1900-01-01' AND d <= '2999-12-31';

-- ---------------------------------------------------------------------------------- repairs
-- (modified_dateutc needs no value here: every UPDATE stamps it with now(), by trigger.)
-- A date that a person or an integration typed becomes NULL: a typing slip tells nothing, and a
-- date moved to the edge of the range would read as if someone had meant it. A time the
-- portal stamps itself (created, updated, closed) and a visit's times, which may not be empty,
-- move to the nearest edge instead: the row stays whole (date_closed still says it is closed,
-- a visit still ends after it starts).
CREATE FUNCTION pg_temp.nearest_plausible(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN t < '1899-12-31 00:00:00+00' THEN '1899-12-31 00:00:00+00'::timestamptz
                WHEN t >= '3000-01-02 00:00:00+00' THEN '3000-01-01 23:59:59+00'::timestamptz
                ELSE t END;

UPDATE jobs SET
    earliest_date_plannable  = CASE WHEN plausible(earliest_date_plannable) THEN earliest_date_plannable END,
    due_date                 = CASE WHEN plausible(due_date) THEN due_date END,
    suggested_date_start     = CASE WHEN plausible(suggested_date_start) THEN suggested_date_start END,
    date_reported_by_company = CASE WHEN plausible(date_reported_by_company) THEN date_reported_by_company END,
    date_create              = pg_temp.nearest_plausible(date_create),
    date_closed              = pg_temp.nearest_plausible(date_closed)
 WHERE NOT plausible(earliest_date_plannable) OR NOT plausible(due_date) OR NOT plausible(suggested_date_start)
    OR NOT plausible(date_reported_by_company) OR NOT plausible(date_create) OR NOT plausible(date_closed);

-- the suggested visit lasts the estimate: it must end within the range too (JobRules says the same)
UPDATE jobs SET estimated_time = NULL
 WHERE estimated_time > 0 AND NOT plausible(suggested_date_start + make_interval(mins => estimated_time));

-- every UPDATE of a job stamps date_update and modified_dateutc with now() (the jobs trigger)
UPDATE jobs SET date_update = now() WHERE NOT plausible(date_update) OR NOT plausible(modified_dateutc);

UPDATE job_planning SET
    date_start  = least(pg_temp.nearest_plausible(date_start), '3000-01-01 23:00:00+00'),
    date_end    = greatest(pg_temp.nearest_plausible(date_end),
                           least(pg_temp.nearest_plausible(date_start), '3000-01-01 23:00:00+00') + interval '1 minute'),
    date_create = pg_temp.nearest_plausible(date_create)
 WHERE NOT (plausible(date_start) AND plausible(date_end) AND plausible(date_create) AND plausible(modified_dateutc));

UPDATE project SET
    date_start_production = CASE WHEN plausible(date_start_production) THEN date_start_production END,
    warranty_date_until   = CASE WHEN plausible(warranty_date_until) THEN warranty_date_until END,
    back_office_timestamp = CASE WHEN plausible(back_office_timestamp) THEN back_office_timestamp END,
    date_built            = CASE WHEN plausible(date_built) THEN date_built END,
    date_create           = pg_temp.nearest_plausible(date_create),
    date_update           = pg_temp.nearest_plausible(date_update)
 WHERE NOT plausible(date_start_production) OR NOT plausible(warranty_date_until)
    OR NOT plausible(back_office_timestamp) OR NOT plausible(date_built) OR NOT plausible(date_create)
    OR NOT plausible(date_update) OR NOT plausible(modified_dateutc);

UPDATE equipment_model SET
    date_in_production_since     = CASE WHEN plausible(date_in_production_since) THEN date_in_production_since END,
    date_out_of_production_since = CASE WHEN plausible(date_out_of_production_since) THEN date_out_of_production_since END,
    date_end_support             = CASE WHEN plausible(date_end_support) THEN date_end_support END
 WHERE NOT plausible(date_in_production_since) OR NOT plausible(date_out_of_production_since)
    OR NOT plausible(date_end_support) OR NOT plausible(modified_dateutc);

UPDATE app_user SET birthdate = CASE WHEN plausible(birthdate) THEN birthdate END
 WHERE NOT plausible(birthdate) OR NOT plausible(modified_dateutc);

-- ------------------------------------------------------------------------------ constraints
-- every date and time of work orders, their visits, installations, equipment models and staff:
-- <table>_<column>_plausible
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND table_name IN ('jobs', 'job_planning', 'project', 'equipment_model', 'app_user')
                  AND data_type IN ('date', 'timestamp with time zone')
    LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (plausible(%I))',
                       col.table_name, col.table_name || '_' || col.column_name || '_plausible', col.column_name);
    END LOOP;
END $$;
