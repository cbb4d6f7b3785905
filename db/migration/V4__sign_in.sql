-- Sign-in: server-side sessions shared by every portal instance, the attempts that rate-limit
-- sign-in, one-time links to set a password, and the audit log.

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of this table
-- does not let anyone act as the people in it.
CREATE TABLE web_session (
    token_hash   bytea PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf_token   varchar(64) NOT NULL,
    date_create  timestamptz NOT NULL DEFAULT now(),
    last_seen    timestamptz NOT NULL DEFAULT now(),
    client_address varchar(64),
    user_agent   varchar(255)
);
CREATE INDEX web_session_account ON web_session (account_id);
CREATE INDEX web_session_last_seen ON web_session (last_seen);

-- Every sign-in attempt on a public form, for the per-account and per-address rate limits.
CREATE TABLE sign_in_attempt (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempted_at   timestamptz  NOT NULL DEFAULT now(),
    form           varchar(30)  NOT NULL,
    username       varchar(250),
    client_address varchar(64)  NOT NULL,
    succeeded      boolean      NOT NULL DEFAULT false
);
CREATE INDEX sign_in_attempt_username ON sign_in_attempt (lower(username), attempted_at) WHERE NOT succeeded;
CREATE INDEX sign_in_attempt_address ON sign_in_attempt (client_address, attempted_at) WHERE NOT succeeded;

-- A one-time link to choose a password: sent to an invited or reset contact, or a new staff member.
CREATE TABLE password_link (
    token_hash  bytea PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    date_create timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_link_account ON password_link (account_id);

CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL DEFAULT now(),
    account_id     uuid REFERENCES account (id),
    -- as typed or as known at the time, so that the entry still reads after a rename
    username       varchar(250),
    event          varchar(40)  NOT NULL,
    detail         varchar(1000),
    client_address varchar(64)
);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at DESC);
CREATE INDEX audit_log_event ON audit_log (event, occurred_at DESC);
CREATE INDEX audit_log_username ON audit_log (lower(username), occurred_at DESC);

-- A new password invalidates nothing by itself; disabling an account ends its sessions at once.
CREATE FUNCTION end_sessions_of_disabled_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.disabled AND NOT OLD.disabled THEN
        DELETE FROM web_session WHERE account_id = NEW.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER account_disabled_ends_sessions AFTER UPDATE OF disabled ON account
    FOR EACH ROW EXECUTE FUNCTION end_sessions_of_disabled_account();
