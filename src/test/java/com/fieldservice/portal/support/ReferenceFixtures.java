package com.fieldservice.portal.support;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Work orders for testing the reference API, inserted with plain SQL so that the tests do not
 * depend on the code they check. One customer (Acme) with a boiler in its Antwerp plant:
 * <ul>
 *   <li>{@link #FULL_JOB}: every field the schema allows filled, every embedded entity present
 *       (its own address excepted: a job at a known address has none), the child of
 *       {@link #PARENT_JOB}, completed, with a visit in the past;</li>
 *   <li>siblings on the same boiler, one per counter the project exposes (planned with a visit
 *       far in the future, to be planned, waiting further actions, and a canceled one whose visit
 *       must not count as the last job);</li>
 *   <li>{@link #MOBILE_JOB}: a job on a mobile generator, carrying its own address;</li>
 *   <li>{@link #MINIMAL_JOB}: only what the schema requires.</li>
 * </ul>
 */
public final class ReferenceFixtures {

    public static final UUID FULL_JOB = UUID.fromString("d1a620fb-efca-4aec-b2fb-04d37a6deaf8");
    public static final UUID PARENT_JOB = UUID.fromString("fe8d8064-6a26-4204-8718-a624886c6932");
    public static final UUID MOBILE_JOB = UUID.fromString("0b5e7c1e-3a47-4f6b-9d0e-6c1f2a3b4c5d");
    public static final UUID MINIMAL_JOB = UUID.fromString("5f0c1d2e-8a9b-4c3d-9e1f-0a1b2c3d4e5f");
    public static final UUID BOILER = UUID.fromString("d910e461-acd7-42e0-8ec6-146fab4fb28d");
    public static final UUID PLANT = UUID.fromString("fd87e9a3-d763-45d2-bbcc-dd91f6f67b86");

    public static final int FULL_JOB_ID2 = 4711;
    /** The start of the full job's visit, in the past. */
    public static final String LAST_VISIT = "2025-03-10T08:00:00.000000+00:00";
    /** The start of the planned sibling's visit, far in the future. */
    public static final String NEXT_VISIT = "2099-05-04T07:30:00.000000+00:00";

    private ReferenceFixtures() {
    }

    /** Inserts all the fixtures above (once per database). */
    public static void insert(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.createScript(SQL).execute());
    }

    private static final String SQL = """
            INSERT INTO sales_organization (id, code, name, description, db_country_id, db_currency_id, db_language_id,
                                            accountancy_code, archived, default_unit_of_measure_system_type, street, street2,
                                            street_number, zip, city, email, phone, fax, url, vat_reg_code)
            VALUES ('343213b6-c321-4af0-85cb-acb327eb87db', 'SO-BE', 'Field Service Belgium', 'Sales and service in Belgium',
                    (SELECT id FROM db_country WHERE code = 'BE'), (SELECT id FROM db_currency WHERE code = 'EUR'),
                    (SELECT id FROM db_language WHERE code = 'nl'), '700100', false, 'metric', 'Noorderlaan', 'Building B',
                    '133', '2030', 'Antwerpen', 'service@fieldservice.example', '+32 3 555 01 00', '+32 3 555 01 01',
                    'https://fieldservice.example/be', 'BE0123456789');

            INSERT INTO equipment_family (id, code, name, description, sales_organization_id)
            VALUES ('09746890-1819-4efa-b713-66a4f5717e02', 'HEAT', 'Heating', 'Heat production', '343213b6-c321-4af0-85cb-acb327eb87db');
            INSERT INTO equipment_family (id, code, name, description, parent_id, sales_organization_id)
            VALUES ('ac968438-29cf-4074-b68a-58a235fe94ef', 'BOIL', 'Gas boilers', 'Wall-hung and floor-standing gas boilers',
                    '09746890-1819-4efa-b713-66a4f5717e02', '343213b6-c321-4af0-85cb-acb327eb87db');

            INSERT INTO equipment_brand (id, code, name, sales_organization_id)
            VALUES ('5d53c63b-0016-476f-839b-fa486d1793bc', 'VAIL', 'Vaillant', '343213b6-c321-4af0-85cb-acb327eb87db');

            INSERT INTO equipment_model (id, code, name, description, equipment_brand_id, equipment_family_id,
                                         date_in_production_since, date_out_of_production_since, date_end_support,
                                         sales_organization_id, replacement_period_nb_months, warranty_period_nb_months)
            VALUES ('3ffdcd3e-5c5d-4ab1-bc8d-3aa70b0f56dc', 'ECOTEC-PLUS-48', 'ecoTEC plus 48 kW', 'Condensing gas boiler, 48 kW',
                    '5d53c63b-0016-476f-839b-fa486d1793bc', 'ac968438-29cf-4074-b68a-58a235fe94ef',
                    '2015-01-01 00:00:00+00', '2024-12-31 00:00:00+00', '2034-12-31 00:00:00+00',
                    '343213b6-c321-4af0-85cb-acb327eb87db', 180, 24);
            INSERT INTO equipment_model_translation (equipment_model_id, field_name, language_code, value_translated) VALUES
                ('3ffdcd3e-5c5d-4ab1-bc8d-3aa70b0f56dc', 'name', 'fr', 'ecoTEC plus 48 kW (chaudière)'),
                ('3ffdcd3e-5c5d-4ab1-bc8d-3aa70b0f56dc', 'name', 'nl', 'ecoTEC plus 48 kW (ketel)');

            INSERT INTO project_status (id, code, name, is_default, is_closed, sales_organization_id)
            VALUES ('e83d4ba2-57fa-4ca0-ac13-cb45d7862518', 'WARRANTY', 'Under warranty', false, false,
                    '343213b6-c321-4af0-85cb-acb327eb87db');

            INSERT INTO job_priority (id, code, name, sequence, sales_organization_id)
            VALUES ('26c82597-0811-4425-b1ac-61523ce00dad', 'PLANT-STOP', 'Plant stopped', 0, '343213b6-c321-4af0-85cb-acb327eb87db');

            INSERT INTO company (id, code, name, sales_organization_id, vat_reg_code, email, phone)
            VALUES ('dc95ceb4-036f-4255-a41b-d07c56d468f5', 'ACME', 'Acme Chemicals', '343213b6-c321-4af0-85cb-acb327eb87db',
                    'BE0987654321', 'facilities@acme.example', '+32 3 555 77 00'),
                   ('2d120632-543b-4b70-b510-de934c094570', 'ACME-HOLD', 'Acme Holding', '343213b6-c321-4af0-85cb-acb327eb87db',
                    'BE0111222333', 'info@acme-holding.example', '+32 2 555 00 00');
            INSERT INTO db_address (id, code, company_id, name, street, street_number, city, zip, db_country_id,
                                    latitude_decimal, longitude_decimal)
            VALUES ('54a38994-eb6c-48c2-b69b-41ad9f2365c9', 'ADDR-ACME-ANT', 'dc95ceb4-036f-4255-a41b-d07c56d468f5',
                    'Acme plant Antwerp', 'Haven', '1050', 'Antwerpen', '2030', (SELECT id FROM db_country WHERE code = 'BE'),
                    51.2637, 4.3542);
            UPDATE company SET db_address_id = '54a38994-eb6c-48c2-b69b-41ad9f2365c9' WHERE code = 'ACME';

            INSERT INTO contact (id, reference_back_office, company_id, firstname, lastname, email, phone)
            VALUES ('2a922631-3303-4fc9-81ac-9a3ba9090464', 'CT-0017', 'dc95ceb4-036f-4255-a41b-d07c56d468f5', 'Marie', 'Peeters',
                    'marie.peeters@acme.example', '+32 3 555 77 17'),
                   ('8ec2d0c2-894a-4747-a682-9d3c33b76264', 'CT-0018', 'dc95ceb4-036f-4255-a41b-d07c56d468f5', 'Jan', 'Claes',
                    'jan.claes@acme.example', '+32 3 555 77 18'),
                   ('787852fb-1516-49c5-ae5a-f27cd0686863', 'CT-0900', '2d120632-543b-4b70-b510-de934c094570', 'Sofie', 'Maes',
                    'sofie.maes@acme-holding.example', '+32 2 555 00 09');

            INSERT INTO user_group (id, code, name) VALUES ('6a47344a-dcb0-4d83-8483-03508bb730fc', 'TECH', 'Technicians');
            INSERT INTO app_user (id, username, firstname, lastname, code, is_team_leader, email)
            VALUES ('daf8d667-a5b6-446b-9016-cd1c2c081343', 'lucas.janssens', 'Lucas', 'Janssens', 'TL01', true,
                    'lucas.janssens@fieldservice.example');
            INSERT INTO app_user (id, db_language_id, username, firstname, lastname, code, archived, disabled, emergency_contact,
                                  bankaccount, social_security, place_of_birth, nationality, functions, birthdate, skype, notes,
                                  sales_organization_id, is_team_leader, team_leader_user_id, email, phone, fax, mobile,
                                  private_email, private_phone, private_fax, private_mobile, private_street,
                                  private_street_number, private_city, private_zip, private_db_country_id, allow_hero_app,
                                  allow_sales_app, allow_service_app, user_group_id)
            VALUES ('45a9aec8-1a0e-4ebf-a212-5e6d24effd2d', (SELECT id FROM db_language WHERE code = 'nl'), 'tom.wouters',
                    'Tom', 'Wouters', 'TECH07', false, false, 'An Wouters +32 470 00 00 01', 'BE68 5390 0754 7034',
                    '85.07.30-033.61', 'Mechelen', 'Belgian', 'Service technician', '1985-07-30', 'tom.wouters.fs',
                    'Gas certified since 2012', '343213b6-c321-4af0-85cb-acb327eb87db', false,
                    'daf8d667-a5b6-446b-9016-cd1c2c081343', 'tom.wouters@fieldservice.example', '+32 3 555 01 07',
                    '+32 3 555 01 08', '+32 470 12 34 56', 'tom@wouters.example', '+32 15 55 55 55', '+32 15 55 55 56',
                    '+32 471 65 43 21', 'Bruul', '42', 'Mechelen', '2800', (SELECT id FROM db_country WHERE code = 'BE'),
                    true, false, true, '6a47344a-dcb0-4d83-8483-03508bb730fc');

            INSERT INTO skill (id, code, name, description, sales_organization_id)
            VALUES ('4de1e331-a5fe-4288-a201-e15c3e9ec2c2', 'GAS', 'Gas certified', 'May work on gas installations',
                    '343213b6-c321-4af0-85cb-acb327eb87db');

            -- the plant (a location) and the boiler in it
            INSERT INTO project (id, id2, reference_back_office, company_id, db_address_id, name)
            VALUES ('fd87e9a3-d763-45d2-bbcc-dd91f6f67b86', 814, 'LOC-ACME-ANT', 'dc95ceb4-036f-4255-a41b-d07c56d468f5',
                    '54a38994-eb6c-48c2-b69b-41ad9f2365c9', 'Acme plant Antwerp');
            INSERT INTO project (id, id2, parent_id, root_parent_id, reference_back_office, equipment_family_id, equipment_model_id,
                                 project_status_id, company_id, db_address_id, location, contact_id, owner_user_id, name,
                                 description, serial_number, barcode, date_start_production, date_create, date_update,
                                 updated_by_user_id, customer_reference, warranty_date_until, last_standard_result_score_1,
                                 last_standard_result_score_2, target_standard_result_score_1, target_standard_result_score_2,
                                 date_built, shutdown_consequence, back_office_timestamp, is_mobile_installation)
            VALUES ('d910e461-acd7-42e0-8ec6-146fab4fb28d', 815, 'fd87e9a3-d763-45d2-bbcc-dd91f6f67b86',
                    'fd87e9a3-d763-45d2-bbcc-dd91f6f67b86', 'EQ-ACME-0815', 'ac968438-29cf-4074-b68a-58a235fe94ef',
                    '3ffdcd3e-5c5d-4ab1-bc8d-3aa70b0f56dc', 'e83d4ba2-57fa-4ca0-ac13-cb45d7862518',
                    'dc95ceb4-036f-4255-a41b-d07c56d468f5', '54a38994-eb6c-48c2-b69b-41ad9f2365c9', 'Boiler room, level -1',
                    '2a922631-3303-4fc9-81ac-9a3ba9090464', 'daf8d667-a5b6-446b-9016-cd1c2c081343', 'Main boiler',
                    'Heats the offices and the lab', 'VA-48-2023-00815', '5412345678908', '2023-04-01 00:00:00+00',
                    '2023-03-15 10:00:00+00', '2024-11-02 14:30:00+00', 'daf8d667-a5b6-446b-9016-cd1c2c081343', 'ACME-ASSET-77',
                    '2027-04-01 00:00:00+00', 'A', '92', 'A', '95', '2023-01-20', 'Offices and lab unheated',
                    '2024-11-02 14:31:00+00', false);

            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, reference_back_office, name)
            VALUES ('fe8d8064-6a26-4204-8718-a624886c6932', 4710, 'd910e461-acd7-42e0-8ec6-146fab4fb28d',
                    (SELECT id FROM job_type WHERE code = 'MAINT'), (SELECT id FROM job_status WHERE code = 'InProgress'),
                    'WO-2025-0100', 'Yearly maintenance of the boiler room');
            INSERT INTO jobs (id, id2, parent_id, working_sequence, project_id, job_type_id, job_priority_id, job_status_id,
                              db_address_id, contact_id, requested_by_company_id, requested_by_contact_id, reference_back_office,
                              name, description, internal_memo, prejob_information, estimated_time, earliest_date_plannable,
                              due_date, date_create, date_update, date_closed, suggested_user_id, suggested_date_start, skill_id,
                              customer_reference, approval_responsible_user_id, date_reported_by_company,
                              estimated_quantity_remark)
            VALUES ('d1a620fb-efca-4aec-b2fb-04d37a6deaf8', 4711, 'fe8d8064-6a26-4204-8718-a624886c6932', 2,
                    'd910e461-acd7-42e0-8ec6-146fab4fb28d', (SELECT id FROM job_type WHERE code = 'MAINT'),
                    '26c82597-0811-4425-b1ac-61523ce00dad', (SELECT id FROM job_status WHERE code = 'Completed'),
                    '54a38994-eb6c-48c2-b69b-41ad9f2365c9', '8ec2d0c2-894a-4747-a682-9d3c33b76264',
                    '2d120632-543b-4b70-b510-de934c094570', '787852fb-1516-49c5-ae5a-f27cd0686863', 'WO-2025-0101',
                    'Service the main boiler', 'Yearly service: burner, heat exchanger, flue gas analysis',
                    'Customer asked twice about the invoice', 'Call Jan Claes 30 minutes before arrival', 90,
                    '2025-03-01', '2025-03-31', '2025-02-27 09:15:00.123456+00',
                    '2025-03-10 17:45:00+00', '2025-03-10 17:40:00+00', '45a9aec8-1a0e-4ebf-a212-5e6d24effd2d',
                    '2025-03-10 08:00:00+00', '4de1e331-a5fe-4288-a201-e15c3e9ec2c2', 'PO-88812',
                    'daf8d667-a5b6-446b-9016-cd1c2c081343', '2025-02-27 09:00:00+00', 'Gasket set, ignition electrode');
            INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
            VALUES ('d1a620fb-efca-4aec-b2fb-04d37a6deaf8', '45a9aec8-1a0e-4ebf-a212-5e6d24effd2d',
                    '2025-03-10 08:00:00+00', '2025-03-10 10:00:00+00');

            -- siblings on the boiler, one per counter, and a canceled one whose later visit does not count
            INSERT INTO jobs (project_id, job_type_id, job_status_id, name)
            SELECT 'd910e461-acd7-42e0-8ec6-146fab4fb28d', (SELECT id FROM job_type WHERE code = 'REPAIR'), s.id, 'Sibling ' || s.code
              FROM job_status s WHERE s.code IN ('Planned', 'ToBePlanned', 'WaitingFurtherActions', 'Canceled');
            INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
            SELECT j.id, '45a9aec8-1a0e-4ebf-a212-5e6d24effd2d', '2099-05-04 07:30:00+00', '2099-05-04 09:30:00+00'
              FROM jobs j WHERE j.name = 'Sibling Planned';
            INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
            SELECT j.id, '45a9aec8-1a0e-4ebf-a212-5e6d24effd2d', '2025-03-20 08:00:00+00', '2025-03-20 09:00:00+00'
              FROM jobs j WHERE j.name = 'Sibling Canceled';

            -- a mobile generator: its jobs carry their own address
            INSERT INTO project (id, company_id, name, is_mobile_installation)
            VALUES ('aa5b6c7d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', 'dc95ceb4-036f-4255-a41b-d07c56d468f5', 'Mobile generator 60 kVA', true);
            INSERT INTO jobs (id, project_id, job_type_id, job_status_id, name, db_address_name, db_address_street,
                              db_address_street2, db_address_street_number, db_address_city, db_address_zip,
                              db_address_db_country_id, db_address_phone, db_address_email, db_address_latitude_decimal,
                              db_address_longitude_decimal)
            VALUES ('0b5e7c1e-3a47-4f6b-9d0e-6c1f2a3b4c5d', 'aa5b6c7d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
                    (SELECT id FROM job_type WHERE code = 'INSP'), (SELECT id FROM job_status WHERE code = 'Open'),
                    'Inspect the generator on the Ghent site', 'Ghent festival site', 'Kortrijksesteenweg', 'Gate 3', '12',
                    'Gent', '9000', (SELECT id FROM db_country WHERE code = 'BE'), '+32 9 555 12 12', 'site@acme.example',
                    51.036700, 3.710700);

            -- the least a job can be
            INSERT INTO project (id, company_id, db_address_id, name)
            VALUES ('c0ffee00-0000-4000-8000-000000000001', 'dc95ceb4-036f-4255-a41b-d07c56d468f5',
                    '54a38994-eb6c-48c2-b69b-41ad9f2365c9', 'Spare pump');
            INSERT INTO jobs (id, project_id, job_type_id, job_status_id, name)
            VALUES ('5f0c1d2e-8a9b-4c3d-9e1f-0a1b2c3d4e5f', 'c0ffee00-0000-4000-8000-000000000001',
                    (SELECT id FROM job_type WHERE code = 'REPAIR'), (SELECT id FROM job_status WHERE code = 'Open'),
                    'Pump leaks');
            """;
}
