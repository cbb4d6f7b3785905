-- An installation's status (project_status, reference rows like the job statuses) is named per
-- language as V18 names the other reference data: one row per status, field and language; a
-- missing row reads the base name.
CREATE TABLE project_status_translation (
    project_status_id uuid          NOT NULL REFERENCES project_status (id) ON DELETE CASCADE,
    field_name        varchar(50)   NOT NULL,
    language_code     varchar(10)   NOT NULL,
    value_translated  varchar(4000) NOT NULL,
    PRIMARY KEY (project_status_id, field_name, language_code));

INSERT INTO project_status_translation (project_status_id, field_name, language_code, value_translated)
SELECT s.id, 'name', t.language_code, t.value_translated
  FROM (VALUES
    ('ACTIVE',  'fr', 'En service'),
    ('ACTIVE',  'nl', 'In dienst'),
    ('STANDBY', 'fr', 'Hors service'),
    ('STANDBY', 'nl', 'Buiten dienst'),
    ('REMOVED', 'fr', 'Retirée'),
    ('REMOVED', 'nl', 'Verwijderd')
  ) AS t(code, language_code, value_translated)
  JOIN project_status s ON s.code = t.code;

-- translated_name() (V18) reads this view: the installation statuses join the other reference data.
CREATE OR REPLACE VIEW reference_name_translation AS
    SELECT job_status_id AS id, language_code, value_translated FROM job_status_translation WHERE field_name = 'name'
    UNION ALL SELECT job_type_id, language_code, value_translated FROM job_type_translation WHERE field_name = 'name'
    UNION ALL SELECT job_priority_id, language_code, value_translated FROM job_priority_translation WHERE field_name = 'name'
    UNION ALL SELECT skill_id, language_code, value_translated FROM skill_translation WHERE field_name = 'name'
    UNION ALL SELECT equipment_family_id, language_code, value_translated FROM equipment_family_translation WHERE field_name = 'name'
    UNION ALL SELECT equipment_model_id, language_code, value_translated FROM equipment_model_translation WHERE field_name = 'name'
    UNION ALL SELECT project_status_id, language_code, value_translated FROM project_status_translation WHERE field_name = 'name';

-- A comment of the service team by someone with no first name was stored under the English label
-- "Service team". The comment keeps the fact instead (no author name, by staff): each page and
-- message names the team in its reader's language. A customer's comment always has its author.
ALTER TABLE job_comment ALTER COLUMN author_name DROP NOT NULL,
    ADD CONSTRAINT job_comment_customer_named CHECK (author_name IS NOT NULL OR NOT by_customer);
UPDATE job_comment SET author_name = NULL WHERE NOT by_customer AND author_name = 'Service team';
