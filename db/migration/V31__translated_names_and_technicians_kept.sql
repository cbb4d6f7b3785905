-- translated_name() (V18) was a SQL function over the reference_name_translation view, seven
-- tables in a UNION ALL. PostgreSQL plans a SQL function's query again at every execution of the
-- statement that calls it, once per call site: the back-office work order, with seven names,
-- spent most of its database time (18 ms of 20) planning those lookups. In PL/pgSQL the plan is
-- kept for the life of the connection; the answer is the same.
CREATE OR REPLACE FUNCTION translated_name(thing uuid, language text) RETURNS varchar
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN (SELECT value_translated FROM reference_name_translation WHERE id = thing AND language_code = language);
END;
$$;

-- The technicians the visit forms suggest are kept per skill on each instance (TechnicianChoices):
-- a change to a technician or to their skills tells every instance.
CREATE TRIGGER portal_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();
CREATE TRIGGER portal_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_user_skill
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();
