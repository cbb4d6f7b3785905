-- Who waits for whom in a work order's conversation. Kept beside the conversation, in the same
-- transaction as the message (conversation/Conversation), so that the back office's "awaiting
-- reply" filter and count and the customer's "new reply" mark read a small table by its key,
-- never the comments and files of a million work orders.

-- A work order whose customer wrote (a comment or a file, after reporting it) since the service
-- team last answered them: one row, until a planner answers the customer or marks it read.
CREATE TABLE job_awaiting_reply (
    job_id uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    since  timestamptz NOT NULL DEFAULT now()
);

-- How many times the service team answered the customer (a comment or files the customer sees)...
CREATE TABLE job_team_replies (
    job_id  uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    replies integer NOT NULL CHECK (replies > 0)
);

-- ...and how many of those answers each contact had when they last opened the work order: a
-- contact has a reply to read while the first is greater. Per contact: Alice reading an answer
-- does not read it for Bob, her colleague.
CREATE TABLE job_replies_read (
    job_id     uuid    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    contact_id uuid    NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    replies    integer NOT NULL CHECK (replies >= 0),
    PRIMARY KEY (job_id, contact_id)
);
CREATE INDEX job_replies_read_contact ON job_replies_read (contact_id);

-- What customers wrote before this migration and nobody answered since. A file sent with the
-- report itself was saved in the job's own transaction (the same date_create): it is the report,
-- not a message. Answers written before are taken as read (job_team_replies starts empty).
WITH customer_wrote AS (
    SELECT c.job_id, c.date_create AS at FROM job_comment c WHERE c.by_customer
    UNION ALL
    SELECT a.job_id, a.date_create FROM job_attachment a JOIN jobs j ON j.id = a.job_id
     WHERE a.contact_id IS NOT NULL AND a.date_create > j.date_create),
team_answered AS (
    SELECT c.job_id, max(c.date_create) AS at FROM job_comment c
     WHERE NOT c.by_customer AND c.visibility = 'customer' GROUP BY c.job_id
    UNION ALL
    SELECT a.job_id, max(a.date_create) FROM job_attachment a
     WHERE a.contact_id IS NULL AND a.visibility = 'customer' GROUP BY a.job_id)
INSERT INTO job_awaiting_reply (job_id, since)
SELECT w.job_id, min(w.at) FROM customer_wrote w
 WHERE w.at > coalesce((SELECT max(t.at) FROM team_answered t WHERE t.job_id = w.job_id), '-infinity')
 GROUP BY w.job_id;
