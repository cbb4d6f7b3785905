-- What several queries need the same way is written here once. Each function is plain SQL with
-- one expression (or one query), neither STRICT nor SECURITY DEFINER nor with a SET clause, so
-- PostgreSQL inlines it where it is called: the planner sees the expression itself and still
-- uses the indexes on the columns it reads (a row argument's fields become plain columns).
-- db/OneDefinitionTest checks that each is inlined.

-- Whether a customer may see a work order: of their company, and, for a contact who sees only
-- their own requests (contact not null), requested by them. Every query of the customer's side
-- that reads work orders calls it (customer/CustomerScope binds it); only the public tracking
-- page, which needs the number and the customer's reference together, does without.
CREATE FUNCTION customer_may_see(j jobs, company uuid, contact uuid) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT j.company_id = company AND (contact IS NULL OR j.requested_by_contact_id = contact)
$$;

-- A person as people read them: "first last", either part alone, or null when there is none.
CREATE FUNCTION person_name(firstname text, lastname text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(btrim(coalesce(firstname, '') || ' ' || coalesce(lastname, '')), '')
$$;

CREATE FUNCTION person_name(u app_user) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT person_name(u.firstname, u.lastname)
$$;

CREATE FUNCTION person_name(c contact) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT person_name(c.firstname, c.lastname)
$$;

-- A member of staff as customers read them: by first name only (comments, planned visits).
CREATE FUNCTION staff_name_for_customers(u app_user) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(btrim(u.firstname), '')
$$;

-- Where a work order is carried out: its own address when it has one (a mobile installation's
-- work order; the constraint jobs_one_address makes it either that or db_address_id), else the
-- address it points at. Exactly one row: LEFT JOIN LATERAL job_address(j) addr ON true.
-- Inlined as a subquery that looks the address up by its primary key (it takes the work order's
-- row, so use it for the rows of a page or a filter that asks for it, not in a join of every job).
CREATE FUNCTION job_address(j jobs)
    RETURNS TABLE (name text, street text, street2 text, street_number text, zip text, city text,
                   db_country_id uuid, phone text, email text, latitude_decimal numeric, longitude_decimal numeric)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN own THEN j.db_address_name ELSE a.name END,
           CASE WHEN own THEN j.db_address_street ELSE a.street END,
           CASE WHEN own THEN j.db_address_street2 ELSE a.street2 END,
           CASE WHEN own THEN j.db_address_street_number ELSE a.street_number END,
           CASE WHEN own THEN j.db_address_zip ELSE a.zip END,
           CASE WHEN own THEN j.db_address_city ELSE a.city END,
           CASE WHEN own THEN j.db_address_db_country_id ELSE a.db_country_id END,
           CASE WHEN own THEN j.db_address_phone ELSE a.phone END,
           CASE WHEN own THEN j.db_address_email ELSE a.email END,
           CASE WHEN own THEN j.db_address_latitude_decimal ELSE a.latitude_decimal END,
           CASE WHEN own THEN j.db_address_longitude_decimal ELSE a.longitude_decimal END
      FROM (SELECT j.db_address_id IS NULL AS own) kind
      LEFT JOIN db_address a ON a.id = j.db_address_id
$$;

-- A time as the reference API writes it, "2026-01-30T22:36:47.489839+00:00", whatever the
-- session's time zone; a day (date) at midnight UTC. STABLE: to_char is.
CREATE FUNCTION reference_time(t timestamptz) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
$$;

CREATE FUNCTION reference_time(d date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(d, 'YYYY-MM-DD"T00:00:00.000000+00:00"')
$$;
