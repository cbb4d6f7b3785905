-- The grid of one technician's jobs sorted by due date walked the whole list in due-date order,
-- checking each job against the technician's set: for a technician with 2,600 of 1,000,000 jobs,
-- some 10,000 index entries for the page of the 26 soonest due (8.6 ms, the slowest half of that
-- grid). With the job's due date on the visit, like its number (V41), the technician's own index
-- entries give both orders (backoffice/GridStatements.PAGE_BY_NUMBERS): about 1 ms.
--
-- The due date is a copy kept by the database, never written by the application: set from the job
-- whenever a visit is written, and carried to the job's visits whenever the job's due date (or
-- number) changes. A visit's writer reads the job FOR SHARE, so a visit added while another
-- transaction changes that job's due date waits for it and copies the new date. On a database with
-- a million visits, this migration takes about a minute (instances starting meanwhile wait for it).
ALTER TABLE job_planning ADD COLUMN job_due_date date;
UPDATE job_planning pl SET job_due_date = j.due_date FROM jobs j WHERE j.id = pl.job_id AND j.due_date IS NOT NULL;
-- a copy of a checked date, checked as every date of a visit is (V12)
ALTER TABLE job_planning ADD CONSTRAINT job_planning_job_due_date_plausible CHECK (plausible(job_due_date));

DROP TRIGGER job_planning_job_number ON job_planning;
DROP FUNCTION job_planning_job_number();
CREATE FUNCTION job_planning_from_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT j.id2, j.due_date INTO NEW.job_id2, NEW.job_due_date FROM jobs j WHERE j.id = NEW.job_id FOR SHARE;
    RETURN NEW;
END $$;
CREATE TRIGGER job_planning_from_job BEFORE INSERT OR UPDATE OF job_id, job_id2, job_due_date ON job_planning
    FOR EACH ROW EXECUTE FUNCTION job_planning_from_job();

DROP TRIGGER jobs_number_to_visits ON jobs;
DROP FUNCTION jobs_number_to_visits();
CREATE FUNCTION jobs_to_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE job_planning SET job_id2 = NEW.id2, job_due_date = NEW.due_date WHERE job_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER jobs_to_visits AFTER UPDATE OF id2, due_date ON jobs
    FOR EACH ROW WHEN (OLD.id2 IS DISTINCT FROM NEW.id2 OR OLD.due_date IS DISTINCT FROM NEW.due_date)
    EXECUTE FUNCTION jobs_to_visits();

-- both orders read from the indexes alone
CREATE INDEX job_planning_user_number_due ON job_planning (app_user_id, job_id2) INCLUDE (job_due_date);
DROP INDEX job_planning_user_number;
ALTER INDEX job_planning_user_number_due RENAME TO job_planning_user_number;
CREATE INDEX jobs_suggested_user_due ON jobs (suggested_user_id, id2) INCLUDE (id, due_date) WHERE suggested_user_id IS NOT NULL;
DROP INDEX jobs_suggested_user;
ALTER INDEX jobs_suggested_user_due RENAME TO jobs_suggested_user;
