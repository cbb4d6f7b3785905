-- What customers write on their work orders: a problem reported in the portal, its photos and
-- documents, comments, and the one-time tokens that make a double submit create one job.

-- The urgencies a customer may choose when reporting a problem. The most urgent one(s) stay for
-- the back office: they carry an emergency call-out (and its price), so a planner escalates to
-- them after speaking to the customer. A priority added later is not offered until someone says so.
ALTER TABLE job_priority ADD COLUMN customer_choosable boolean NOT NULL DEFAULT false;
UPDATE job_priority SET customer_choosable = sequence > (SELECT min(sequence) FROM job_priority);

-- Photos and PDFs attached to a work order. Kept in the database, in the same transaction as
-- the job or comment they come with; content_type is what the bytes are, never what the name says.
CREATE TABLE job_attachment (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id       uuid         NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    file_name    varchar(255) NOT NULL CHECK (btrim(file_name) <> ''),
    content_type varchar(50)  NOT NULL
        CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf')),
    size         integer      NOT NULL CHECK (size > 0 AND size <= 10485760),
    bytes        bytea        NOT NULL,
    uploaded_by  uuid REFERENCES account (id),
    date_create  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT job_attachment_size_matches CHECK (octet_length(bytes) = size)
);
CREATE INDEX job_attachment_job ON job_attachment (job_id, date_create);

-- Comments on a work order, seen by the customer and the back office alike. author_name is as
-- shown to customers, fixed when written: a customer's name, a staff member's first name only.
CREATE TABLE job_comment (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id      uuid          NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    account_id  uuid REFERENCES account (id),
    author_name varchar(250)  NOT NULL,
    by_customer boolean       NOT NULL,
    text        varchar(4000) NOT NULL CHECK (btrim(text) <> ''),
    date_create timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX job_comment_job ON job_comment (job_id, date_create);

-- A report form carries a one-time token; the job it created is recorded under it in the job's
-- own transaction, so the same form sent twice finds the job instead of creating another.
CREATE TABLE report_submission (
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token       varchar(64) NOT NULL,
    job_id      uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    date_create timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, token)
);
