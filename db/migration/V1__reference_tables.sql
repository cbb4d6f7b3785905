-- Everything a work order points at: lookups, people, customers, addresses and installations.
-- Column names and lengths follow the reference API's model, so that a row reads as its JSON.
-- Every table carries modified_dateutc, kept by the database: integrations poll it for changes.

CREATE FUNCTION set_modified_dateutc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.modified_dateutc := now();
    RETURN NEW;
END $$;

-- Attaches the modified_dateutc trigger to a table; every table below calls it once.
CREATE FUNCTION keep_modified_dateutc(table_name regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_modified_dateutc()',
                   table_name::text || '_modified_dateutc', table_name);
END $$;

CREATE TABLE db_country (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code             varchar(10)  NOT NULL UNIQUE,
    name             varchar(100) NOT NULL,
    modified_dateutc timestamptz  NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('db_country');

CREATE TABLE db_language (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code             varchar(10)  NOT NULL UNIQUE,
    name             varchar(100) NOT NULL,
    modified_dateutc timestamptz  NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('db_language');

CREATE TABLE db_currency (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code             varchar(3)   NOT NULL UNIQUE,
    name             varchar(100) NOT NULL,
    modified_dateutc timestamptz  NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('db_currency');

CREATE TABLE sales_organization (
    id                                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                                varchar(50)   NOT NULL UNIQUE,
    name                                varchar(255)  NOT NULL,
    description                         varchar(4000),
    db_country_id                       uuid REFERENCES db_country (id),
    db_currency_id                      uuid REFERENCES db_currency (id),
    db_language_id                      uuid REFERENCES db_language (id),
    accountancy_code                    varchar(50),
    archived                            boolean       NOT NULL DEFAULT false,
    default_unit_of_measure_system_type varchar(50),
    street                              varchar(50),
    street2                             varchar(50),
    street_number                       varchar(50),
    zip                                 varchar(50),
    city                                varchar(50),
    email                               varchar(250),
    phone                               varchar(50),
    fax                                 varchar(50),
    url                                 varchar(250),
    vat_reg_code                        varchar(50),
    modified_dateutc                    timestamptz   NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('sales_organization');

CREATE TABLE job_type (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                  varchar(50)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    description           varchar(4000),
    is_default            boolean      NOT NULL DEFAULT false,
    sales_organization_id uuid REFERENCES sales_organization (id),
    modified_dateutc      timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX job_type_one_default ON job_type (is_default) WHERE is_default;
SELECT keep_modified_dateutc('job_type');

CREATE TABLE job_priority (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                  varchar(50)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    is_default            boolean      NOT NULL DEFAULT false,
    -- sort order: 0 comes first (the most urgent)
    sequence              integer      NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    sales_organization_id uuid REFERENCES sales_organization (id),
    modified_dateutc      timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX job_priority_one_default ON job_priority (is_default) WHERE is_default;
SELECT keep_modified_dateutc('job_priority');

CREATE TABLE skill (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                  varchar(50)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    description           varchar(4000),
    sales_organization_id uuid REFERENCES sales_organization (id),
    modified_dateutc      timestamptz  NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('skill');

CREATE TABLE project_status (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                  varchar(50)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    is_default            boolean      NOT NULL DEFAULT false,
    is_closed             boolean      NOT NULL DEFAULT false,
    sales_organization_id uuid REFERENCES sales_organization (id),
    modified_dateutc      timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX project_status_one_default ON project_status (is_default) WHERE is_default;
SELECT keep_modified_dateutc('project_status');

CREATE TABLE equipment_family (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                  varchar(50)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    description           varchar(4000),
    parent_id             uuid REFERENCES equipment_family (id),
    sales_organization_id uuid REFERENCES sales_organization (id),
    modified_dateutc      timestamptz  NOT NULL DEFAULT now(),
    CHECK (parent_id <> id)
);
SELECT keep_modified_dateutc('equipment_family');

CREATE TABLE equipment_brand (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                  varchar(50)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    sales_organization_id uuid REFERENCES sales_organization (id),
    modified_dateutc      timestamptz  NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('equipment_brand');

CREATE TABLE equipment_model (
    id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                         varchar(50)  NOT NULL UNIQUE,
    name                         varchar(255) NOT NULL,
    description                  varchar(4000),
    equipment_brand_id           uuid REFERENCES equipment_brand (id),
    equipment_family_id          uuid REFERENCES equipment_family (id),
    date_in_production_since     timestamptz,
    date_out_of_production_since timestamptz,
    date_end_support             timestamptz,
    sales_organization_id        uuid REFERENCES sales_organization (id),
    replacement_period_nb_months integer CHECK (replacement_period_nb_months >= 0),
    warranty_period_nb_months    integer CHECK (warranty_period_nb_months >= 0),
    modified_dateutc             timestamptz  NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('equipment_model');

-- The model's translated texts (name, description...) per language.
CREATE TABLE equipment_model_translation (
    equipment_model_id uuid          NOT NULL REFERENCES equipment_model (id) ON DELETE CASCADE,
    field_name         varchar(50)   NOT NULL,
    language_code      varchar(10)   NOT NULL,
    value_translated   varchar(4000) NOT NULL,
    PRIMARY KEY (equipment_model_id, field_name, language_code)
);

CREATE TABLE user_group (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code             varchar(50)  NOT NULL UNIQUE,
    name             varchar(255) NOT NULL,
    modified_dateutc timestamptz  NOT NULL DEFAULT now()
);
SELECT keep_modified_dateutc('user_group');

-- The reference's "user": back-office staff and technicians ("user" is reserved in SQL).
CREATE TABLE app_user (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    db_language_id          uuid REFERENCES db_language (id),
    username                varchar(250) NOT NULL,
    firstname               varchar(100),
    lastname                varchar(100),
    code                    varchar(50) UNIQUE,
    archived                boolean      NOT NULL DEFAULT false,
    disabled                boolean      NOT NULL DEFAULT false,
    emergency_contact       varchar(255),
    bankaccount             varchar(50),
    social_security         varchar(50),
    place_of_birth          varchar(100),
    nationality             varchar(50),
    functions               varchar(255),
    birthdate               date,
    skype                   varchar(100),
    notes                   varchar(4000),
    sales_organization_id   uuid REFERENCES sales_organization (id),
    is_team_leader          boolean      NOT NULL DEFAULT false,
    team_leader_user_id     uuid REFERENCES app_user (id),
    email                   varchar(250),
    phone                   varchar(50),
    fax                     varchar(50),
    mobile                  varchar(50),
    private_email           varchar(250),
    private_phone           varchar(50),
    private_fax             varchar(50),
    private_mobile          varchar(50),
    private_street          varchar(50),
    private_street_number   varchar(50),
    private_city            varchar(50),
    private_zip             varchar(50),
    private_db_country_id   uuid REFERENCES db_country (id),
    allow_hero_app          boolean      NOT NULL DEFAULT false,
    allow_sales_app         boolean      NOT NULL DEFAULT false,
    allow_service_app       boolean      NOT NULL DEFAULT false,
    user_group_id           uuid REFERENCES user_group (id),
    modified_dateutc        timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));
SELECT keep_modified_dateutc('app_user');

-- Which technician masters which skill (planning matches jobs.skill_id against it).
CREATE TABLE app_user_skill (
    app_user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    skill_id    uuid NOT NULL REFERENCES skill (id),
    PRIMARY KEY (app_user_id, skill_id)
);
CREATE INDEX app_user_skill_skill ON app_user_skill (skill_id);

CREATE TABLE company (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code                  varchar(50)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    db_address_id         uuid,
    sales_organization_id uuid REFERENCES sales_organization (id),
    vat_reg_code          varchar(50),
    email                 varchar(250),
    phone                 varchar(50),
    archived              boolean      NOT NULL DEFAULT false,
    modified_dateutc      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX company_name ON company (lower(name));
SELECT keep_modified_dateutc('company');

-- Addresses are archived, never deleted: old work orders keep pointing at them.
CREATE TABLE db_address (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code              varchar(50) UNIQUE,
    company_id        uuid REFERENCES company (id),
    name              varchar(100),
    street            varchar(50)  NOT NULL,
    street2           varchar(50),
    street_number     varchar(50),
    city              varchar(50)  NOT NULL,
    zip               varchar(50)  NOT NULL,
    db_country_id     uuid REFERENCES db_country (id),
    phone             varchar(50),
    email             varchar(250),
    latitude_decimal  numeric(9, 6) CHECK (latitude_decimal BETWEEN -90 AND 90),
    longitude_decimal numeric(9, 6) CHECK (longitude_decimal BETWEEN -180 AND 180),
    archived          boolean      NOT NULL DEFAULT false,
    modified_dateutc  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX db_address_company ON db_address (company_id);
SELECT keep_modified_dateutc('db_address');
ALTER TABLE company ADD FOREIGN KEY (db_address_id) REFERENCES db_address (id);
CREATE FUNCTION refuse_address_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'addresses are archived, never deleted (db_address %)', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER db_address_never_deleted BEFORE DELETE ON db_address
    FOR EACH ROW EXECUTE FUNCTION refuse_address_delete();

CREATE TABLE contact (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reference_back_office varchar(50) UNIQUE,
    company_id            uuid         NOT NULL REFERENCES company (id),
    firstname             varchar(100),
    lastname              varchar(100) NOT NULL,
    email                 varchar(250),
    phone                 varchar(50),
    mobile                varchar(50),
    job_title             varchar(100),
    archived              boolean      NOT NULL DEFAULT false,
    -- what the contact sees in the portal: the company's work orders, or only those they requested
    portal_scope          varchar(20)  NOT NULL DEFAULT 'company' CHECK (portal_scope IN ('company', 'own_requests')),
    modified_dateutc      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX contact_company ON contact (company_id);
SELECT keep_modified_dateutc('contact');

-- The reference's "project": an installation or a piece of equipment at a customer's site.
CREATE TABLE project (
    id                             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    id2                            integer GENERATED BY DEFAULT AS IDENTITY UNIQUE,
    parent_id                      uuid REFERENCES project (id),
    root_parent_id                 uuid REFERENCES project (id),
    reference_back_office          varchar(50) UNIQUE,
    equipment_family_id            uuid REFERENCES equipment_family (id),
    equipment_model_id             uuid REFERENCES equipment_model (id),
    project_status_id              uuid REFERENCES project_status (id),
    company_id                     uuid         NOT NULL REFERENCES company (id),
    db_address_id                  uuid REFERENCES db_address (id),
    location                       varchar(255),
    contact_id                     uuid REFERENCES contact (id),
    owner_user_id                  uuid REFERENCES app_user (id),
    name                           varchar(255) NOT NULL CHECK (btrim(name) <> ''),
    description                    varchar(4000),
    serial_number                  varchar(100),
    barcode                        varchar(100),
    date_start_production          timestamptz,
    date_create                    timestamptz  NOT NULL DEFAULT now(),
    date_update                    timestamptz,
    updated_by_user_id             uuid REFERENCES app_user (id),
    customer_reference             varchar(50),
    warranty_date_until            timestamptz,
    last_standard_result_score_1   varchar(50),
    last_standard_result_score_2   varchar(50),
    target_standard_result_score_1 varchar(50),
    target_standard_result_score_2 varchar(50),
    date_built                     date,
    shutdown_consequence           varchar(4000),
    back_office_timestamp          timestamptz,
    -- a mobile installation has no fixed address: each of its jobs carries its own
    is_mobile_installation         boolean      NOT NULL DEFAULT false,
    modified_dateutc               timestamptz  NOT NULL DEFAULT now(),
    CHECK (parent_id <> id),
    CHECK (is_mobile_installation OR db_address_id IS NOT NULL)
);
CREATE INDEX project_company ON project (company_id);
CREATE INDEX project_parent ON project (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX project_serial_number ON project (lower(serial_number));
CREATE INDEX project_name ON project (lower(name));
SELECT keep_modified_dateutc('project');

-- Who may sign in: back-office staff (linked to their app_user), customer contacts (linked to
-- their contact) and integrations (API users, separate from people, as in the reference).
CREATE TABLE account (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username         varchar(250) NOT NULL,
    password_hash    varchar(255) NOT NULL,
    role             varchar(20)  NOT NULL CHECK (role IN ('admin', 'planner', 'customer', 'api')),
    app_user_id      uuid REFERENCES app_user (id),
    contact_id       uuid REFERENCES contact (id),
    disabled         boolean      NOT NULL DEFAULT false,
    date_create      timestamptz  NOT NULL DEFAULT now(),
    modified_dateutc timestamptz  NOT NULL DEFAULT now(),
    CHECK ((role IN ('admin', 'planner')) = (app_user_id IS NOT NULL)),
    CHECK ((role = 'customer') = (contact_id IS NOT NULL))
);
CREATE UNIQUE INDEX account_username ON account (lower(username));
SELECT keep_modified_dateutc('account');
