-- The names of statuses, types, priorities and skills in French and Dutch (V18) are cached with
-- the lookups they translate; a change to one tells every instance, as V19 does for the lookups.
DO $$
DECLARE
    cached text;
BEGIN
    FOREACH cached IN ARRAY ARRAY['job_status_translation', 'job_type_translation', 'job_priority_translation', 'skill_translation']
    LOOP
        EXECUTE format('CREATE TRIGGER portal_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change()', cached);
    END LOOP;
END;
$$;
