-- Email notifications: an outbox written in the same transaction as the change that causes a
-- message, delivered afterwards by a sender on any portal instance; what each person wants to
-- receive; the key that signs unsubscribe links.

-- One message to one recipient. The change writes what the message says (params, a snapshot
-- taken in its transaction); the sender renders it (subject, text, html), then delivers it or,
-- without an SMTP server, keeps it for /admin/outbox.
CREATE TABLE notification (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            varchar(40)  NOT NULL,
    job_id          uuid REFERENCES jobs (id) ON DELETE CASCADE,
    -- a person with an account, or the back office's mailbox (PORTAL_BACKOFFICE_MAIL, read when sending)
    audience        varchar(10)  NOT NULL DEFAULT 'person' CHECK (audience IN ('person', 'backoffice')),
    account_id      uuid REFERENCES account (id) ON DELETE SET NULL,
    -- the address(es) it goes to; none for a person without an email address (then skipped, and why)
    recipient       varchar(1000),
    -- the recipient's chosen language (account.language); null: the portal's default when sent
    language        varchar(10),
    params          jsonb        NOT NULL DEFAULT '{}',
    status          varchar(10)  NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'retrying', 'sent', 'failed', 'kept', 'skipped')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    -- a sender holds a row while it delivers it; after the lease another instance takes it over
    claimed_by      uuid,
    locked_until    timestamptz,
    -- the server's answer to the last failed attempt, or why the message was not sent at all
    last_error      varchar(2000),
    subject         varchar(500),
    body_text       text,
    body_html       text,
    date_create     timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK (status <> 'skipped' OR last_error IS NOT NULL)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status IN ('pending', 'retrying');
CREATE INDEX notification_created ON notification (date_create DESC);
CREATE INDEX notification_job ON notification (job_id);

-- A person's choice for one topic; no row: the topic's default.
CREATE TABLE notification_preference (
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    topic      varchar(40) NOT NULL,
    wanted     boolean     NOT NULL,
    PRIMARY KEY (account_id, topic)
);

-- The key that signs unsubscribe links, the same for every instance; made at the first start.
CREATE TABLE mail_signing_key (
    id  boolean PRIMARY KEY DEFAULT true CHECK (id),
    key bytea   NOT NULL
);
