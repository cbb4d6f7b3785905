-- The grid's name filters (backoffice/GridFilter) match the words of a company's, an installation's
-- or a technician's name: against the index when the names are looked up first, and row by row when
-- a page walks the newest jobs and checks each one's installation, or when a bitmap scan rechecks
-- the rows it found. Row by row, working out to_tsvector(name) again was most of the cost (the
-- "heat pump" installations: the page's statement took 11 ms, 4 ms with the words stored). So the
-- words are kept with the row, and the full-text indexes are built on them.
ALTER TABLE company ADD COLUMN name_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED;
DROP INDEX company_name_words;
CREATE INDEX company_name_words ON company USING gin (name_words);

ALTER TABLE project ADD COLUMN name_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED;
DROP INDEX project_name_words;
CREATE INDEX project_name_words ON project USING gin (name_words);

ALTER TABLE app_user ADD COLUMN name_words tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', person_name(firstname, lastname))) STORED;
DROP INDEX app_user_name_words;
CREATE INDEX app_user_name_words ON app_user USING gin (name_words);

ANALYZE company, project, app_user;
