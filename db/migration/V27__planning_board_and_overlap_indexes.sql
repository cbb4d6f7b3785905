-- The planning at a million work orders and their visits.

-- The overlap check of a visit being added or moved (planning/VisitDao.overlapping): another visit
-- of the technician ending after the new one starts and starting before it ends. Along
-- (app_user_id, date_start) it read every past visit of the technician (thousands of rows, from
-- the table); along the end it reads the few that end after the new start.
CREATE INDEX job_planning_user_end ON job_planning (app_user_id, date_end);

-- The work waiting beside the board (planning/BoardDao.waiting): open work orders of a few statuses,
-- of a skill or any, oldest due date first. Along jobs_open_due_key the statuses were checked in
-- the table, row by row, past thousands of open work orders of other statuses (and with a skill,
-- the planner read every open work order instead); with the status and the skill in the key they
-- are checked in the index, and only the waiting work orders are read.
CREATE INDEX jobs_open_due_status ON jobs ((coalesce(due_date, 'infinity'::timestamptz)), id2, job_status_id, skill_id)
    WHERE date_closed IS NULL;
