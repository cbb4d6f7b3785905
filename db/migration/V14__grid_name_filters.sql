-- The grid's company, installation and technician filters take what a planner knows: the start of
-- a name in any case (lower(name) LIKE 'acme f%'), words of it (to_tsvector('simple', name) @@
-- 'facil:*'), a code, a number or a serial number (backoffice/GridFilter). Each is looked up in its
-- own table first, so each needs its index there: at a million work orders there are some 125,000
-- installations, and reading them all costs more than the whole page may. app_user needs none: a
-- few hundred staff are read faster than an index.
CREATE INDEX company_code_lower ON company (lower(code));
CREATE INDEX company_name_words ON company USING gin (to_tsvector('simple', name));
CREATE INDEX project_name_prefix ON project (lower(name) text_pattern_ops);
CREATE INDEX project_name_words ON project USING gin (to_tsvector('simple', name));
CREATE INDEX project_reference_lower ON project (lower(reference_back_office));
