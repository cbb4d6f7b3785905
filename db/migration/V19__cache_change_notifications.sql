-- Several portal instances keep small caches of the lookups, the workflow and the dashboard's
-- counts. Whenever one of those tables changes, from any instance or from psql, PostgreSQL tells
-- every instance listening on the channel portal_changes which table it was (once per
-- transaction and table: identical notifications of one transaction are folded into one).
CREATE FUNCTION portal_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('portal_changes', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    cached text;
BEGIN
    FOREACH cached IN ARRAY ARRAY['job_status', 'job_status_transition', 'job_type', 'job_priority', 'skill', 'jobs']
    LOOP
        EXECUTE format('CREATE TRIGGER portal_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change()', cached);
    END LOOP;
END;
$$;
