-- The planning board reads each technician's visits of a week along (app_user_id, date_start)
-- (planning/BoardDao): with the visit's end and work order in the index too, PostgreSQL answers
-- from the index alone instead of visiting the table for each of the week's visits.
CREATE INDEX job_planning_user_week ON job_planning (app_user_id, date_start) INCLUDE (date_end, job_id);
DROP INDEX job_planning_user;
ALTER INDEX job_planning_user_week RENAME TO job_planning_user;
