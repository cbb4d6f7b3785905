package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database written before V15, where the report form kept the phone number given as a comment
 * "Phone to reach me: …", migrates: the number becomes the work order's contact phone and the
 * comment goes; every other comment stays, now the customer's to read, with its author's person.
 */
class ContactPhoneMigrationTest {

    @Test
    void thePhoneKeptAsACommentBecomesTheWorkOrdersContactPhone() {
        String url = TestDatabase.emptyDatabaseUrl();
        migrate(url, "14");
        Jdbi jdbi = TestDatabase.jdbi(url);
        jdbi.useHandle(h -> {
            UUID company = h.createQuery("INSERT INTO company (code, name) VALUES ('C1', 'Acme') RETURNING id")
                    .mapTo(UUID.class).one();
            UUID address = h.createQuery("""
                    INSERT INTO db_address (company_id, street, city, zip) VALUES (?, 'Rue Haute 1', 'Brussels', '1000')
                    RETURNING id""").bind(0, company).mapTo(UUID.class).one();
            UUID installation = h.createQuery("INSERT INTO project (company_id, name, db_address_id) VALUES (?, 'Boiler room', ?) RETURNING id")
                    .bind(0, company).bind(1, address).mapTo(UUID.class).one();
            UUID contact = h.createQuery("INSERT INTO contact (company_id, firstname, lastname) VALUES (?, 'Alice', 'Aerts') RETURNING id")
                    .bind(0, company).mapTo(UUID.class).one();
            UUID customer = h.createQuery("""
                    INSERT INTO account (username, password_hash, role, contact_id) VALUES ('alice', 'x', 'customer', ?) RETURNING id""")
                    .bind(0, contact).mapTo(UUID.class).one();
            UUID user = h.createQuery("INSERT INTO app_user (username, code, firstname, lastname) VALUES ('pat', 'P1', 'Pat', 'Planner') RETURNING id")
                    .mapTo(UUID.class).one();
            UUID planner = h.createQuery("""
                    INSERT INTO account (username, password_hash, role, app_user_id) VALUES ('pat', 'x', 'planner', ?) RETURNING id""")
                    .bind(0, user).mapTo(UUID.class).one();
            UUID phoned = job(h, installation, "phoned");
            UUID longNumber = job(h, installation, "long number");
            UUID silent = job(h, installation, "silent");
            comment(h, phoned, customer, true, "Phone to reach me: +32 3 555 01 00");
            comment(h, phoned, customer, true, "The boiler leaks again.");
            comment(h, phoned, planner, false, "Phone to reach me: +32 2 000 00 00");
            comment(h, longNumber, customer, true, "Phone to reach me: " + "9".repeat(60));
            comment(h, silent, customer, true, "Please phone to reach me: after six.");
        });

        migrate(url, null);

        List<String> phones = jdbi.withHandle(h -> h.createQuery(
                "SELECT name || ': ' || coalesce(contact_phone, 'none') FROM jobs ORDER BY name").mapTo(String.class).list());
        assertThat(phones).containsExactly("long number: " + "9".repeat(50), "phoned: +32 3 555 01 00", "silent: none");
        List<String> comments = jdbi.withHandle(h -> h.createQuery("""
                SELECT concat_ws('/', j.name, c.text, c.visibility, (c.contact_id IS NOT NULL)::text, (c.app_user_id IS NOT NULL)::text)
                  FROM job_comment c JOIN jobs j ON j.id = c.job_id ORDER BY c.id""").mapTo(String.class).list());
        assertThat(comments).containsExactly(
                "phoned/The boiler leaks again./customer/true/false",
                "phoned/Phone to reach me: +32 2 000 00 00/customer/false/true",
                "silent/Please phone to reach me: after six./customer/true/false");
    }

    private static UUID job(Handle h, UUID installation, String name) {
        return h.createQuery("""
                INSERT INTO jobs (project_id, job_type_id, job_status_id, name)
                SELECT ?, (SELECT id FROM job_type WHERE is_default), (SELECT id FROM job_status WHERE code = 'Open'), ?
                RETURNING id""").bind(0, installation).bind(1, name).mapTo(UUID.class).one();
    }

    private static void comment(Handle h, UUID job, UUID account, boolean byCustomer, String text) {
        h.execute("INSERT INTO job_comment (job_id, account_id, author_name, by_customer, text) VALUES (?, ?, 'someone', ?, ?)",
                job, account, byCustomer, text);
    }

    private static void migrate(String url, String target) {
        var configuration = Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        assertThat(configuration.load().migrate().success).isTrue();
    }
}
