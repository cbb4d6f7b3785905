-- Each instance keeps the accounts that integrations sign their requests with (auth/ApiAccounts)
-- and which clients have no recent sign-in failure (auth/SignInThrottle), so that an API request
-- costs the work order's statement alone. What either answer depends on tells every instance on
-- portal_changes (V19): a new password or a removed account as 'account:<id>' (V26 already
-- names the account for its other columns), a recorded failure as 'sign_in_attempt'.

CREATE FUNCTION portal_notify_account_credentials() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_changes', 'account:' || OLD.id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER portal_notify_account_credentials AFTER UPDATE ON account FOR EACH ROW
    WHEN (NEW.password_hash IS DISTINCT FROM OLD.password_hash)
    EXECUTE FUNCTION portal_notify_account_credentials();

CREATE TRIGGER portal_notify_account_removed AFTER DELETE ON account FOR EACH ROW
    EXECUTE FUNCTION portal_notify_account_credentials();

CREATE TRIGGER portal_notify_change AFTER TRUNCATE ON account
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();

-- only failures are recorded (SignInThrottle.recordFailure); their removal can only lift a wait
CREATE TRIGGER portal_notify_change AFTER INSERT ON sign_in_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();
