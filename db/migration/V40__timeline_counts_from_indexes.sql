-- A work order's page reads only the newest comments and files of its conversation
-- (conversation/TimelineDao), but tells how many it holds in all, and which of them the reader may
-- see depends on their visibility. With the visibility in the index, the count is read from the
-- index alone: 0.39 ms (a heap page per comment) became 0.06 ms for 200 entries. Same keys as the
-- indexes they replace, so every other statement reads them as before.
CREATE INDEX job_comment_job_visibility ON job_comment (job_id, date_create) INCLUDE (visibility);
DROP INDEX job_comment_job;
ALTER INDEX job_comment_job_visibility RENAME TO job_comment_job;

CREATE INDEX job_attachment_job_visibility ON job_attachment (job_id, date_create) INCLUDE (visibility);
DROP INDEX job_attachment_job;
ALTER INDEX job_attachment_job_visibility RENAME TO job_attachment_job;
