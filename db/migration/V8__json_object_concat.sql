-- Joins two JSON objects into one, keeping every key in order (json, unlike jsonb, keeps order).
-- json_build_object takes at most 50 keys; the reference's work order has more, so the read API
-- builds it in parts and joins them with this.
CREATE FUNCTION json_object_concat(head json, tail json) RETURNS json
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
               WHEN head::text ~ '^\{\s*\}$' THEN tail
               WHEN tail::text ~ '^\{\s*\}$' THEN head
               ELSE (left(rtrim(head::text), -1) || ', ' || substr(ltrim(tail::text), 2))::json
           END
$$;
