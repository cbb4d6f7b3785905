-- Each instance keeps the sessions it has seen in memory, with who they act for. Whatever ends a
-- session or changes what its person may do tells every instance on portal_changes (V19), naming
-- the account: 'web_session:<account id>' when sessions end (sign-out, a new password, disabling,
-- clean-up) or are changed by hand, 'account:<account id>' when the account, its staff member,
-- its contact or the contact's company changes in a way a signed-in person carries (name, role,
-- language, company, scope, disabled, archived). Signing in and the per-minute last_seen update
-- send nothing: those are the frequent statements, and no cache holds anything they change.

CREATE FUNCTION portal_notify_sessions_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a clean-up that found nothing to delete tells no one
    PERFORM pg_notify('portal_changes', 'web_session:' || ended.account_id)
       FROM (SELECT DISTINCT account_id FROM ended_sessions) ended;
    RETURN NULL;
END;
$$;

CREATE TRIGGER portal_notify_sessions_ended AFTER DELETE ON web_session
    REFERENCING OLD TABLE AS ended_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_sessions_ended();

-- Only a change other than the touch: last_seen moved back, another creation time, account or token.
CREATE FUNCTION portal_notify_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_changes', 'web_session:' || OLD.account_id);
    PERFORM pg_notify('portal_changes', 'web_session:' || NEW.account_id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER portal_notify_session_changed AFTER UPDATE ON web_session FOR EACH ROW
    WHEN (NEW.last_seen < OLD.last_seen OR NEW.date_create IS DISTINCT FROM OLD.date_create
          OR NEW.account_id IS DISTINCT FROM OLD.account_id OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token)
    EXECUTE FUNCTION portal_notify_session_changed();

CREATE TRIGGER portal_notify_change AFTER TRUNCATE ON web_session
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();

-- The signed-in accounts whose person reads this row (AccountDao.PRINCIPAL_COLUMNS and ACTIVE).
CREATE FUNCTION portal_notify_principal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'account' THEN
        PERFORM pg_notify('portal_changes', 'account:' || NEW.id);
    ELSIF TG_TABLE_NAME = 'app_user' THEN
        PERFORM pg_notify('portal_changes', 'account:' || a.id) FROM account a
          WHERE a.app_user_id = NEW.id AND EXISTS (SELECT 1 FROM web_session s WHERE s.account_id = a.id);
    ELSIF TG_TABLE_NAME = 'contact' THEN
        PERFORM pg_notify('portal_changes', 'account:' || a.id) FROM account a
          WHERE a.contact_id = NEW.id AND EXISTS (SELECT 1 FROM web_session s WHERE s.account_id = a.id);
    ELSE
        PERFORM pg_notify('portal_changes', 'account:' || a.id) FROM account a JOIN contact ct ON ct.id = a.contact_id
          WHERE ct.company_id = NEW.id AND EXISTS (SELECT 1 FROM web_session s WHERE s.account_id = a.id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER portal_notify_principal_changed AFTER UPDATE ON account FOR EACH ROW
    WHEN (NEW.username IS DISTINCT FROM OLD.username OR NEW.role IS DISTINCT FROM OLD.role
          OR NEW.language IS DISTINCT FROM OLD.language OR NEW.disabled IS DISTINCT FROM OLD.disabled
          OR NEW.app_user_id IS DISTINCT FROM OLD.app_user_id OR NEW.contact_id IS DISTINCT FROM OLD.contact_id)
    EXECUTE FUNCTION portal_notify_principal_changed();

CREATE TRIGGER portal_notify_principal_changed AFTER UPDATE ON app_user FOR EACH ROW
    WHEN (NEW.firstname IS DISTINCT FROM OLD.firstname OR NEW.lastname IS DISTINCT FROM OLD.lastname
          OR NEW.disabled IS DISTINCT FROM OLD.disabled OR NEW.archived IS DISTINCT FROM OLD.archived)
    EXECUTE FUNCTION portal_notify_principal_changed();

CREATE TRIGGER portal_notify_principal_changed AFTER UPDATE ON contact FOR EACH ROW
    WHEN (NEW.firstname IS DISTINCT FROM OLD.firstname OR NEW.lastname IS DISTINCT FROM OLD.lastname
          OR NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.portal_scope IS DISTINCT FROM OLD.portal_scope
          OR NEW.archived IS DISTINCT FROM OLD.archived)
    EXECUTE FUNCTION portal_notify_principal_changed();

CREATE TRIGGER portal_notify_principal_changed AFTER UPDATE ON company FOR EACH ROW
    WHEN (NEW.archived IS DISTINCT FROM OLD.archived)
    EXECUTE FUNCTION portal_notify_principal_changed();
