package com.fieldservice.portal.customer;

import com.fieldservice.portal.support.TestAccounts;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Two customer companies for the portal's tests, inserted with plain SQL. Acme has installations
 * in Antwerpen and Gent, a mobile generator, work orders in every customer-facing status, a
 * multi-job, one work order full of hostile markup and 30 more to fill pages. Globex has one
 * installation and one work order. Every internal field holds a {@link #SENTINELS sentinel}
 * that must never reach a customer.
 */
final class PortalFixtures {

    static final String ALICE = "alice@acme.portal.test";
    static final String OLIVIA = "olivia@acme.portal.test";
    static final String BOB = "bob@globex.portal.test";

    static final UUID ACME = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    static final UUID GLOBEX = UUID.fromString("b0000000-0000-4000-8000-000000000001");
    static final UUID ACME_BOILER = UUID.fromString("a0000000-0000-4000-8000-0000000000b1");
    static final UUID ACME_LIFT = UUID.fromString("a0000000-0000-4000-8000-0000000000b2");
    static final UUID ACME_GENERATOR = UUID.fromString("a0000000-0000-4000-8000-0000000000b3");
    static final UUID ACME_XSS_PUMP = UUID.fromString("a0000000-0000-4000-8000-0000000000b4");
    static final UUID GLOBEX_FREEZER = UUID.fromString("b0000000-0000-4000-8000-0000000000b1");

    /** Planned, visit ahead with Tomasz, reference PO-SHARED, requested by Olivia, every internal field set. */
    static final int PLANNED = 1001;
    /** Open ("received"), reference po-shared (same, other case), requested by Alice. */
    static final int RECEIVED = 1002;
    /** Completed, reference ACME-UNIQUE. */
    static final int DONE = 1003;
    /** Canceled, no reference. */
    static final int CANCELLED = 1004;
    static final int IN_PROGRESS = 1005;
    static final int WAITING = 1006;
    /** Child of {@link #PLANNED}. */
    static final int CHILD = 1007;
    static final int XSS = 1008;
    /** On the mobile generator: its own address in Brugge. */
    static final int MOBILE = 1009;
    /** Requested by a contact of another company (Globex): that contact is not named to Acme. */
    static final int REQUESTED_ELSEWHERE = 1010;
    static final int FIRST_BULK = 1100;
    static final int BULK = 30;
    static final int GLOBEX_JOB = 2001;

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    /** Internal values: none may appear in any portal answer. */
    static final List<String> SENTINELS = List.of("SENTINEL-MEMO", "SENTINEL-PREJOB", "SENTINEL-QTYREMARK",
            "SENTINEL-RBO-JOB", "SENTINEL-RBO-PROJECT", "SENTINEL-RBO-CONTACT", "SENTINELCOMPACME",
            "SENTINELCOMPGLOBEX", "SENTINEL-TYPECODE", "SENTINEL-PRIOCODE", "SENTINEL-ADDRCODE", "SENTINEL-USERCODE",
            "Sentinel-Lastname", "sentinel.tech@staff.test", "+99 SENTINEL PHONE", "+99 SENTINEL MOBILE",
            "sentinel-username", "SENTINEL-SKILL", "SENTINEL-STATUS-NAME", "Holger-Elsewhere", "SENTINEL-INTERNAL-NOTE",
            "SENTINEL-INTERNAL-FILE");
    /** The service team's internal file on {@link #PLANNED}: no customer may fetch it. */
    static final UUID INTERNAL_FILE = UUID.fromString("c0000000-0000-4000-8000-0000000000f1");
    /** Tomasz's reply to the customer on {@link #PLANNED}. */
    static final String REPLY = "We come on Monday morning.";
    /** Text of Acme's that Globex must never see, and the other way round. */
    static final String ACME_MARK = "ACME-ONLY";
    static final String GLOBEX_MARK = "GLOBEX-ONLY";

    private PortalFixtures() {
    }

    static void insert(Jdbi jdbi) {
        jdbi.useHandle(h -> h.createScript(SQL).execute());
        TestAccounts.customer(jdbi, "SENTINELCOMPACME", ALICE);
        TestAccounts.customer(jdbi, "SENTINELCOMPACME", OLIVIA);
        TestAccounts.customer(jdbi, "SENTINELCOMPGLOBEX", BOB);
        jdbi.useHandle(h -> {
            h.execute("UPDATE contact SET firstname = 'Olivia', lastname = 'Own', portal_scope = 'own_requests' WHERE email = ?", OLIVIA);
            h.execute("UPDATE contact SET firstname = 'Alice', lastname = 'Acme' WHERE email = ?", ALICE);
            h.execute("UPDATE jobs SET requested_by_contact_id = (SELECT id FROM contact WHERE email = ?), "
                    + "requested_by_company_id = company_id WHERE id2 IN (?, ?)", OLIVIA, PLANNED, CHILD);
            h.execute("UPDATE jobs SET requested_by_contact_id = (SELECT id FROM contact WHERE email = ?), "
                    + "requested_by_company_id = company_id WHERE id2 = ?", ALICE, RECEIVED);
        });
    }

    static String status(String code) {
        return "(SELECT id FROM job_status WHERE code = '" + code + "')";
    }

    private static final String SQL = """
            INSERT INTO job_type (id, code, name) VALUES ('c0000000-0000-4000-8000-000000000001', 'SENTINEL-TYPECODE', 'Repair visit');
            INSERT INTO job_priority (id, code, name, sequence) VALUES ('c0000000-0000-4000-8000-000000000002', 'SENTINEL-PRIOCODE', 'Urgent', 0);
            INSERT INTO skill (id, code, name) VALUES ('c0000000-0000-4000-8000-000000000003', 'SENTINEL-SKILL', 'Gas');
            UPDATE job_status SET name = 'SENTINEL-STATUS-NAME' WHERE code = 'Planned';

            INSERT INTO company (id, code, name) VALUES
                ('a0000000-0000-4000-8000-000000000001', 'SENTINELCOMPACME', 'Acme Facilities'),
                ('b0000000-0000-4000-8000-000000000001', 'SENTINELCOMPGLOBEX', 'Globex Retail');
            INSERT INTO db_address (id, code, company_id, name, street, street_number, city, zip, db_country_id) VALUES
                ('a0000000-0000-4000-8000-0000000000a1', 'SENTINEL-ADDRCODE', 'a0000000-0000-4000-8000-000000000001',
                 'Acme head office', 'Haven', '1050', 'Antwerpen', '2030', (SELECT id FROM db_country WHERE code = 'BE')),
                ('a0000000-0000-4000-8000-0000000000a2', NULL, 'a0000000-0000-4000-8000-000000000001',
                 'Acme depot', 'Dok Noord', '7', 'Gent', '9000', NULL),
                ('b0000000-0000-4000-8000-0000000000a1', NULL, 'b0000000-0000-4000-8000-000000000001',
                 'Globex store', 'Rue GLOBEX-ONLY', '1', 'Liège', '4000', NULL);

            INSERT INTO contact (id, reference_back_office, company_id, firstname, lastname, email)
            VALUES ('b0000000-0000-4000-8000-0000000000c1', 'SENTINEL-RBO-CONTACT', 'b0000000-0000-4000-8000-000000000001',
                    'Holger', 'Holger-Elsewhere', 'holger@globex.test');

            INSERT INTO app_user (id, username, firstname, lastname, code, email, phone, mobile)
            VALUES ('c0000000-0000-4000-8000-0000000000e1', 'sentinel-username', 'Tomasz', 'Sentinel-Lastname',
                    'SENTINEL-USERCODE', 'sentinel.tech@staff.test', '+99 SENTINEL PHONE', '+99 SENTINEL MOBILE');

            INSERT INTO project (id, reference_back_office, company_id, db_address_id, location, name, serial_number) VALUES
                ('a0000000-0000-4000-8000-0000000000b1', 'SENTINEL-RBO-PROJECT', 'a0000000-0000-4000-8000-000000000001',
                 'a0000000-0000-4000-8000-0000000000a1', 'Boiler room, level -1', 'Acme main boiler', 'SN-BOILER-1'),
                ('a0000000-0000-4000-8000-0000000000b2', NULL, 'a0000000-0000-4000-8000-000000000001',
                 'a0000000-0000-4000-8000-0000000000a2', 'Shaft A', 'Acme goods lift', 'SN-LIFT-2'),
                ('a0000000-0000-4000-8000-0000000000b4', NULL, 'a0000000-0000-4000-8000-000000000001',
                 'a0000000-0000-4000-8000-0000000000a2', NULL, '<script>alert(1)</script> pump', NULL),
                ('b0000000-0000-4000-8000-0000000000b1', NULL, 'b0000000-0000-4000-8000-000000000001',
                 'b0000000-0000-4000-8000-0000000000a1', 'Cold store', 'Globex freezer GLOBEX-ONLY', 'SN-GLOBEX-ONLY');
            INSERT INTO project (id, company_id, name, is_mobile_installation)
            VALUES ('a0000000-0000-4000-8000-0000000000b3', 'a0000000-0000-4000-8000-000000000001', 'Acme mobile generator', true);

            INSERT INTO jobs (id, id2, project_id, job_type_id, job_priority_id, skill_id, job_status_id, reference_back_office,
                              name, description, internal_memo, prejob_information, estimated_quantity_remark,
                              customer_reference, date_reported_by_company, date_create)
            VALUES ('a0000000-0000-4000-8000-00000000f001', 1001, 'a0000000-0000-4000-8000-0000000000b1',
                    'c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002',
                    'c0000000-0000-4000-8000-000000000003', (SELECT id FROM job_status WHERE code = 'Planned'),
                    'SENTINEL-RBO-JOB', 'Boiler makes a noise ACME-ONLY', 'Loud banging when it starts.',
                    'SENTINEL-MEMO', 'SENTINEL-PREJOB', 'SENTINEL-QTYREMARK', 'PO-SHARED',
                    '2030-01-05 09:00:00+00', '2030-01-05 09:10:00+00');
            INSERT INTO job_planning (job_id, app_user_id, date_start, date_end) VALUES
                ('a0000000-0000-4000-8000-00000000f001', 'c0000000-0000-4000-8000-0000000000e1',
                 '2099-05-04 07:30:00+00', '2099-05-04 09:30:00+00');

            -- the service team's conversation on 1001 and 1002: a reply to the customer, internal notes and a file
            INSERT INTO job_comment (job_id, app_user_id, author_name, by_customer, text, visibility, date_create) VALUES
                ('a0000000-0000-4000-8000-00000000f001', 'c0000000-0000-4000-8000-0000000000e1', 'Tomasz', false,
                 'We come on Monday morning.', 'customer', '2030-01-05 10:00:00+00'),
                ('a0000000-0000-4000-8000-00000000f001', 'c0000000-0000-4000-8000-0000000000e1', 'Tomasz', false,
                 'SENTINEL-INTERNAL-NOTE: bring the spare burner', 'internal', '2030-01-05 10:05:00+00');
            INSERT INTO job_attachment (id, job_id, file_name, content_type, size, bytes, app_user_id, visibility) VALUES
                ('c0000000-0000-4000-8000-0000000000f1', 'a0000000-0000-4000-8000-00000000f001', 'SENTINEL-INTERNAL-FILE.pdf',
                 'application/pdf', 8, decode('255044462d312e34', 'hex'), 'c0000000-0000-4000-8000-0000000000e1', 'internal');

            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, customer_reference, date_create,
                              internal_memo, prejob_information, estimated_quantity_remark, reference_back_office)
            VALUES ('a0000000-0000-4000-8000-00000000f002', 1002, 'a0000000-0000-4000-8000-0000000000b2',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'Open'),
                    'Lift stuck between floors ACME-ONLY', 'po-shared', '2030-01-06 09:00:00+00',
                    'SENTINEL-MEMO', 'SENTINEL-PREJOB', 'SENTINEL-QTYREMARK', 'SENTINEL-RBO-JOB');
            INSERT INTO job_comment (job_id, app_user_id, author_name, by_customer, text, visibility) VALUES
                ('a0000000-0000-4000-8000-00000000f002', 'c0000000-0000-4000-8000-0000000000e1', 'Tomasz', false,
                 'SENTINEL-INTERNAL-NOTE: the lift company owes us', 'internal');
            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, customer_reference, date_create, internal_memo)
            VALUES ('a0000000-0000-4000-8000-00000000f003', 1003, 'a0000000-0000-4000-8000-0000000000b1',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'Completed'),
                    'Yearly boiler service ACME-ONLY', 'ACME-UNIQUE', '2029-06-01 09:00:00+00', 'SENTINEL-MEMO');
            INSERT INTO job_planning (job_id, app_user_id, date_start, date_end) VALUES
                ('a0000000-0000-4000-8000-00000000f003', 'c0000000-0000-4000-8000-0000000000e1',
                 '2029-06-03 07:30:00+00', '2029-06-03 09:30:00+00');
            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, date_create)
            VALUES ('a0000000-0000-4000-8000-00000000f004', 1004, 'a0000000-0000-4000-8000-0000000000b2',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'Canceled'),
                    'Cancelled lift check ACME-ONLY', '2029-07-01 09:00:00+00'),
                   ('a0000000-0000-4000-8000-00000000f005', 1005, 'a0000000-0000-4000-8000-0000000000b1',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'InProgress'),
                    'Burner repair ACME-ONLY', '2030-01-07 09:00:00+00'),
                   ('a0000000-0000-4000-8000-00000000f006', 1006, 'a0000000-0000-4000-8000-0000000000b1',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'WaitingFurtherActions'),
                    'Waiting for a valve ACME-ONLY', '2030-01-08 09:00:00+00');
            INSERT INTO jobs (id, id2, parent_id, working_sequence, project_id, job_type_id, job_status_id, name, date_create)
            VALUES ('a0000000-0000-4000-8000-00000000f007', 1007, 'a0000000-0000-4000-8000-00000000f001', 1,
                    'a0000000-0000-4000-8000-0000000000b1', 'c0000000-0000-4000-8000-000000000001',
                    (SELECT id FROM job_status WHERE code = 'Open'), 'Replace the pressure gauge ACME-ONLY', '2030-01-05 10:00:00+00');
            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, description, customer_reference, date_create)
            VALUES ('a0000000-0000-4000-8000-00000000f008', 1008, 'a0000000-0000-4000-8000-0000000000b4',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'Open'),
                    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '"><img src=x onerror=alert(1)>',
                    '2030-01-04 09:00:00+00');
            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, date_create, db_address_name,
                              db_address_street, db_address_street_number, db_address_city, db_address_zip)
            VALUES ('a0000000-0000-4000-8000-00000000f009', 1009, 'a0000000-0000-4000-8000-0000000000b3',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'Open'),
                    'Generator on the festival site ACME-ONLY', '2030-01-03 09:00:00+00', 'Festival site', 'Zeedijk', '12',
                    'Brugge', '8000');
            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, date_create,
                              requested_by_company_id, requested_by_contact_id)
            VALUES ('a0000000-0000-4000-8000-00000000f010', 1010, 'a0000000-0000-4000-8000-0000000000b2',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'Open'),
                    'Asked for by a partner ACME-ONLY', '2029-12-01 09:00:00+00',
                    'b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-0000000000c1');

            INSERT INTO jobs (id2, project_id, job_type_id, job_status_id, name, date_create)
            SELECT 1100 + n, 'a0000000-0000-4000-8000-0000000000b2', 'c0000000-0000-4000-8000-000000000001',
                   (SELECT id FROM job_status WHERE code = 'Open'), 'Bulk lift check ' || n || ' ACME-ONLY',
                   timestamptz '2028-01-01 09:00:00+00' + n * interval '1 day'
              FROM generate_series(0, 29) n;

            INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, customer_reference, description,
                              internal_memo, date_create)
            VALUES ('b0000000-0000-4000-8000-00000000f001', 2001, 'b0000000-0000-4000-8000-0000000000b1',
                    'c0000000-0000-4000-8000-000000000001', (SELECT id FROM job_status WHERE code = 'Planned'),
                    'Freezer too warm GLOBEX-ONLY', 'GLOBEX-REF', 'GLOBEX-ONLY description', 'SENTINEL-MEMO',
                    '2030-01-05 09:00:00+00');
            INSERT INTO job_planning (job_id, app_user_id, date_start, date_end) VALUES
                ('b0000000-0000-4000-8000-00000000f001', 'c0000000-0000-4000-8000-0000000000e1',
                 '2099-06-01 07:30:00+00', '2099-06-01 09:30:00+00');
            """;
}
