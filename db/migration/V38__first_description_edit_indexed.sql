-- A work order's timeline opens with the customer's report as they wrote it: the description before
-- the first edit that changed it (conversation/TimelineDao.JOB_COLUMNS), read at each page of the work
-- order, on both sides. It went through every history entry of the work order: 2.4 ms of the page's
-- statement for one with 200 entries. The edits that change a description are few; this index holds
-- only those.
CREATE INDEX job_history_description_edits ON job_history (job_id, id)
    WHERE kind = 'edited' AND changes -> 'description' IS NOT NULL;
