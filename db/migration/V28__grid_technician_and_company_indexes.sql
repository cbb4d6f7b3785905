-- The work-order grid at a million jobs.

-- A technician named as a planner types it (the grid's technician filter): by code in any case,
-- by the start of their name, or by words that start words of their name, each through an index
-- as for companies and installations. Read from the table, with the grid's count statement ruling
-- sequential scans out, the technicians cost a parallel plan and its workers on every request.
CREATE INDEX app_user_code_lower ON app_user (lower(code));
CREATE INDEX app_user_name_prefix ON app_user (lower(person_name(firstname, lastname)) text_pattern_ops);
CREATE INDEX app_user_name_words ON app_user USING gin (to_tsvector('simple', person_name(firstname, lastname)));

-- A company's jobs in some statuses (the grid's status and company filters together), read from
-- the index alone rather than from every job of the company.
CREATE INDEX jobs_company_status ON jobs (company_id, job_status_id, id2);
