-- The grid's installation filter at a million jobs: counting the jobs of the installations a name
-- matches ("fire alarm panel", some 6,000 installations) read each job from the table for its
-- number, a thousand rows to say "more than 1,000". With the number in the index the count reads
-- the index alone (about 250 buffers instead of 1,300). Lookups by installation alone use it as before.
CREATE INDEX jobs_project_id2 ON jobs (project_id, id2);
DROP INDEX jobs_project;
