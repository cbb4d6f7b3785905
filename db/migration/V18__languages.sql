-- The portal speaks English, French and Dutch.

-- A person's language, chosen on their account page or by the admin who invited them; null:
-- the portal's default (PORTAL_DEFAULT_LANGUAGE).
ALTER TABLE account ADD COLUMN language varchar(2) CHECK (language IN ('en', 'fr', 'nl'));

-- Names of the reference data per language, as the reference model keeps its models' texts
-- (equipment_model_translation): one row per thing, field and language; a missing row reads the
-- base name. The customer-facing statuses are texts of the portal (messages/customer*.properties).
CREATE TABLE job_status_translation (
    job_status_id    uuid          NOT NULL REFERENCES job_status (id) ON DELETE CASCADE,
    field_name       varchar(50)   NOT NULL,
    language_code    varchar(10)   NOT NULL,
    value_translated varchar(4000) NOT NULL,
    PRIMARY KEY (job_status_id, field_name, language_code)
);
CREATE TABLE job_type_translation (
    job_type_id      uuid          NOT NULL REFERENCES job_type (id) ON DELETE CASCADE,
    field_name       varchar(50)   NOT NULL,
    language_code    varchar(10)   NOT NULL,
    value_translated varchar(4000) NOT NULL,
    PRIMARY KEY (job_type_id, field_name, language_code)
);
CREATE TABLE job_priority_translation (
    job_priority_id  uuid          NOT NULL REFERENCES job_priority (id) ON DELETE CASCADE,
    field_name       varchar(50)   NOT NULL,
    language_code    varchar(10)   NOT NULL,
    value_translated varchar(4000) NOT NULL,
    PRIMARY KEY (job_priority_id, field_name, language_code)
);
CREATE TABLE skill_translation (
    skill_id         uuid          NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    field_name       varchar(50)   NOT NULL,
    language_code    varchar(10)   NOT NULL,
    value_translated varchar(4000) NOT NULL,
    PRIMARY KEY (skill_id, field_name, language_code)
);
CREATE TABLE equipment_family_translation (
    equipment_family_id uuid          NOT NULL REFERENCES equipment_family (id) ON DELETE CASCADE,
    field_name          varchar(50)   NOT NULL,
    language_code       varchar(10)   NOT NULL,
    value_translated    varchar(4000) NOT NULL,
    PRIMARY KEY (equipment_family_id, field_name, language_code)
);

INSERT INTO job_status_translation (job_status_id, field_name, language_code, value_translated)
SELECT s.id, 'name', t.language_code, t.value_translated
  FROM (VALUES
    ('Open',                         'fr', 'Ouvert'),
    ('Open',                         'nl', 'Open'),
    ('Waiting',                      'fr', 'En attente'),
    ('Waiting',                      'nl', 'Wachtend'),
    ('Activated',                    'fr', 'Activé'),
    ('Activated',                    'nl', 'Geactiveerd'),
    ('ToBePlanned',                  'fr', 'À planifier'),
    ('ToBePlanned',                  'nl', 'In te plannen'),
    ('Pooling',                      'fr', 'En pool'),
    ('Pooling',                      'nl', 'In pool'),
    ('Suggested',                    'fr', 'Proposé'),
    ('Suggested',                    'nl', 'Voorgesteld'),
    ('Dispatched',                   'fr', 'Envoyé au technicien'),
    ('Dispatched',                   'nl', 'Doorgestuurd naar technieker'),
    ('DispatchRejected',             'fr', 'Envoi refusé'),
    ('DispatchRejected',             'nl', 'Doorsturen geweigerd'),
    ('Planned',                      'fr', 'Planifié'),
    ('Planned',                      'nl', 'Ingepland'),
    ('InProgress',                   'fr', 'En cours'),
    ('InProgress',                   'nl', 'In uitvoering'),
    ('WaitingFurtherActions',        'fr', 'En attente d’actions'),
    ('WaitingFurtherActions',        'nl', 'Wacht op verdere acties'),
    ('Completed',                    'fr', 'Terminé'),
    ('Completed',                    'nl', 'Afgewerkt'),
    ('ExportedToErp',                'fr', 'Terminé - Exporté vers l’ERP'),
    ('ExportedToErp',                'nl', 'Afgewerkt - Geëxporteerd naar ERP'),
    ('Canceled',                     'fr', 'Annulé'),
    ('Canceled',                     'nl', 'Geannuleerd'),
    ('Workshop',                     'fr', 'Atelier'),
    ('Workshop',                     'nl', 'Werkplaats'),
    ('WorkshopInQueue',              'fr', 'Atelier - En file d’attente'),
    ('WorkshopInQueue',              'nl', 'Werkplaats - In de wachtrij'),
    ('WorkshopInProgress',           'fr', 'En cours (atelier)'),
    ('WorkshopInProgress',           'nl', 'In uitvoering (werkplaats)'),
    ('WorkshopWaitingFurtherAction', 'fr', 'Atelier - En attente d’actions'),
    ('WorkshopWaitingFurtherAction', 'nl', 'Werkplaats - Wacht op verdere acties'),
    ('WorkshopCompleted',            'fr', 'Atelier - Terminé'),
    ('WorkshopCompleted',            'nl', 'Werkplaats - Afgewerkt')
  ) AS t(code, language_code, value_translated)
  JOIN job_status s ON s.code = t.code;

INSERT INTO job_type_translation (job_type_id, field_name, language_code, value_translated)
SELECT x.id, 'name', t.language_code, t.value_translated
  FROM (VALUES
    ('INSP',   'fr', 'Inspection'),   ('INSP',   'nl', 'Inspectie'),
    ('INST',   'fr', 'Installation'), ('INST',   'nl', 'Installatie'),
    ('MAINT',  'fr', 'Entretien'),    ('MAINT',  'nl', 'Onderhoud'),
    ('REPAIR', 'fr', 'Dépannage'),    ('REPAIR', 'nl', 'Herstelling')
  ) AS t(code, language_code, value_translated)
  JOIN job_type x ON x.code = t.code;

INSERT INTO job_priority_translation (job_priority_id, field_name, language_code, value_translated)
SELECT x.id, 'name', t.language_code, t.value_translated
  FROM (VALUES
    ('URGENT', 'fr', 'Urgent'),  ('URGENT', 'nl', 'Dringend'),
    ('HIGH',   'fr', 'Haute'),   ('HIGH',   'nl', 'Hoog'),
    ('NORMAL', 'fr', 'Normale'), ('NORMAL', 'nl', 'Normaal'),
    ('LOW',    'fr', 'Basse'),   ('LOW',    'nl', 'Laag')
  ) AS t(code, language_code, value_translated)
  JOIN job_priority x ON x.code = t.code;

-- Every translated name of the reference data, by the thing's id (ids are unique across the tables).
CREATE VIEW reference_name_translation AS
    SELECT job_status_id AS id, language_code, value_translated FROM job_status_translation WHERE field_name = 'name'
    UNION ALL SELECT job_type_id, language_code, value_translated FROM job_type_translation WHERE field_name = 'name'
    UNION ALL SELECT job_priority_id, language_code, value_translated FROM job_priority_translation WHERE field_name = 'name'
    UNION ALL SELECT skill_id, language_code, value_translated FROM skill_translation WHERE field_name = 'name'
    UNION ALL SELECT equipment_family_id, language_code, value_translated FROM equipment_family_translation WHERE field_name = 'name'
    UNION ALL SELECT equipment_model_id, language_code, value_translated FROM equipment_model_translation WHERE field_name = 'name';

-- A reference thing's name in a language (en, fr, nl), null when it has none there: the caller
-- falls back to the base name. For the small lookups (statuses, types...), never per work order.
CREATE FUNCTION translated_name(thing uuid, language text) RETURNS varchar
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT value_translated FROM reference_name_translation WHERE id = thing AND language_code = language
$$;
