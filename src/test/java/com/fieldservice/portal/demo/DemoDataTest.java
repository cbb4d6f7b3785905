package com.fieldservice.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Passwords;
import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    static final int JOBS = 2_000;
    static Jdbi jdbi;
    static DemoData.Result result;

    @BeforeAll
    static void fill() {
        jdbi = TestDatabase.freshJdbi();
        result = DemoData.fillIfEmpty(jdbi, JOBS);
    }

    @Test
    void fillsTheRequestedNumberOfWorkOrders() {
        assertThat(result.filled()).isTrue();
        assertThat(result.jobs()).isEqualTo(JOBS);
        assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(JOBS);
        assertThat(count("SELECT count(*) FROM job_planning")).isEqualTo(result.visits()).isPositive();
        assertThat(count("SELECT count(*) FROM project")).isEqualTo(result.installations());
        assertThat(count("SELECT count(*) FROM company")).isEqualTo(result.companies());
    }

    @Test
    void dayFieldsAreDaysOfTheBusinessZoneWithoutATimeOfDay() {
        assertThat(count("SELECT count(*) FROM jobs WHERE due_date IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'jobs'"
                + " AND column_name IN ('due_date', 'earliest_date_plannable') AND data_type = 'date'")).isEqualTo(2);
    }

    @Test
    void everyJobStatusIsUsed() {
        assertThat(count("SELECT count(*) FROM job_status s WHERE NOT EXISTS "
                + "(SELECT 1 FROM jobs j WHERE j.job_status_id = s.id)")).isZero();
    }

    @Test
    void theFiveSignInsExistWithArgon2idHashesOfTheDemoPassword() {
        List<Map<String, Object>> accounts = jdbi.withHandle(h -> h.createQuery("""
                SELECT a.username, a.role, a.password_hash, a.app_user_id, co.code AS company
                  FROM account a
                  LEFT JOIN contact c ON c.id = a.contact_id
                  LEFT JOIN company co ON co.id = c.company_id
                 ORDER BY a.username""").mapToMap().list());
        assertThat(accounts).extracting(a -> a.get("username") + "/" + a.get("role") + "/" + a.get("company"))
                .containsExactly("admin@demo.test/admin/null", "alice@acme.demo.test/customer/ACME",
                        "api@demo.test/api/null", "bob@globex.demo.test/customer/GLOBEX",
                        "planner@demo.test/planner/null");
        for (Map<String, Object> account : accounts) {
            String hash = (String) account.get("password_hash");
            assertThat(hash).startsWith("$argon2id$");
            assertThat(Passwords.verify("demo-password", hash)).isTrue();
            assertThat(Passwords.verify("wrong-password", hash)).isFalse();
        }
        assertThat(accounts).filteredOn(a -> List.of("admin", "planner").contains(a.get("role")))
                .allSatisfy(a -> assertThat(a.get("app_user_id")).isNotNull());
        assertThat(DemoData.SIGN_INS).extracting(DemoData.SignIn::username)
                .containsExactlyInAnyOrder("planner@demo.test", "admin@demo.test", "alice@acme.demo.test",
                        "bob@globex.demo.test", "api@demo.test");
    }

    @Test
    void acmeAndGlobexOwnInstallationsAndWorkOrdersInSeveralStatuses() {
        for (String company : List.of("Acme Facilities", "Globex Retail")) {
            Map<String, Object> facts = jdbi.withHandle(h -> h.createQuery("""
                    SELECT (SELECT count(*) FROM project p WHERE p.company_id = c.id) AS installations,
                           (SELECT count(DISTINCT j.job_status_id) FROM jobs j WHERE j.company_id = c.id) AS statuses,
                           (SELECT count(*) FROM jobs j WHERE j.company_id = c.id AND j.customer_reference IS NOT NULL) AS refs,
                           (SELECT count(*) FROM jobs j WHERE j.company_id = c.id AND j.internal_memo IS NOT NULL) AS memos
                      FROM company c WHERE c.name = :name""").bind("name", company).mapToMap().one());
            assertThat((Long) facts.get("installations")).as(company).isGreaterThan(5);
            assertThat((Long) facts.get("statuses")).as(company).isGreaterThanOrEqualTo(StatusMix.STATUSES.size());
            assertThat((Long) facts.get("refs")).as(company).isPositive();
            assertThat((Long) facts.get("memos")).as(company).isPositive();
        }
        assertThat(count("SELECT count(*) FROM company WHERE code IN ('ACME', 'GLOBEX')")).isEqualTo(2);
    }

    @Test
    void jobsOnMobileInstallationsCarryTheirOwnAddress() {
        assertThat(count("SELECT count(*) FROM project WHERE is_mobile_installation AND db_address_id IS NULL"))
                .isPositive();
        assertThat(count("""
                SELECT count(*) FROM jobs j JOIN project p ON p.id = j.project_id
                 WHERE p.is_mobile_installation""")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM jobs j JOIN project p ON p.id = j.project_id
                 WHERE p.is_mobile_installation
                   AND (j.db_address_street IS NULL OR j.db_address_city IS NULL OR j.db_address_zip IS NULL
                        OR j.db_address_id IS NOT NULL)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM jobs j JOIN project p ON p.id = j.project_id
                 WHERE NOT p.is_mobile_installation AND j.db_address_id IS DISTINCT FROM p.db_address_id""")).isZero();
    }

    @Test
    void installationsHangUnderSites() {
        assertThat(count("SELECT count(*) FROM project WHERE parent_id IS NOT NULL AND root_parent_id IS NOT NULL"))
                .isPositive();
        assertThat(count("""
                SELECT count(*) FROM project child JOIN project parent ON parent.id = child.parent_id
                 WHERE parent.parent_id IS NOT NULL AND child.root_parent_id = parent.root_parent_id""")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM project p JOIN project root ON root.id = p.root_parent_id
                 WHERE root.parent_id IS NOT NULL OR root.company_id <> p.company_id""")).isZero();
    }

    @Test
    void multiJobChildrenShareTheirParentsInstallationInSequence() {
        assertThat(count("SELECT count(*) FROM jobs WHERE parent_id IS NOT NULL")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM jobs child JOIN jobs parent ON parent.id = child.parent_id
                 WHERE child.project_id <> parent.project_id OR child.working_sequence IS NULL""")).isZero();
    }

    @Test
    void datesAreConsistentWithTheStatuses() {
        assertThat(count("""
                SELECT count(*) FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.is_closed <> (j.date_closed IS NOT NULL)""")).isZero();
        assertThat(count("SELECT count(*) FROM jobs WHERE date_closed < date_create")).isZero();
        assertThat(count("SELECT count(*) FROM jobs WHERE due_date < earliest_date_plannable")).isZero();
        assertThat(count("SELECT count(*) FROM jobs WHERE estimated_time < 0")).isZero();
        assertThat(count("SELECT count(*) FROM jobs WHERE date_reported_by_company > date_create")).isZero();
        assertThat(count("SELECT count(*) FROM jobs WHERE date_create < now() - interval '3 years'")).isZero();
        assertThat(count("""
                SELECT count(*) FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.code = 'Suggested' AND (j.suggested_user_id IS NULL OR j.suggested_date_start IS NULL
                       OR NOT EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id
                                         AND p.app_user_id = j.suggested_user_id
                                         AND p.date_start = j.suggested_date_start))""")).isZero();
        // an open work order's suggestion is its first visit, as the planning keeps it
        assertThat(count("""
                SELECT count(*) FROM jobs j
                  LEFT JOIN LATERAL (SELECT app_user_id, date_start FROM job_planning p WHERE p.job_id = j.id
                                      ORDER BY date_start, id LIMIT 1) first ON true
                 WHERE j.date_closed IS NULL AND (j.suggested_user_id IS DISTINCT FROM first.app_user_id
                                                  OR j.suggested_date_start IS DISTINCT FROM first.date_start)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.code IN ('Planned', 'Dispatched', 'InProgress', 'Completed', 'ExportedToErp')
                   AND NOT EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.code = 'Completed' AND j.date_closed < (SELECT max(date_end) FROM job_planning p
                                                                 WHERE p.job_id = j.id)""")).isZero();
    }

    @Test
    void workOrdersCarryReferencesMemosAndInformation() {
        assertThat(count("SELECT count(*) FROM jobs WHERE customer_reference ~ '^PO-20[0-9]{2}-[0-9]{5}$'"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM jobs WHERE internal_memo IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM jobs WHERE prejob_information IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM jobs WHERE date_reported_by_company IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(DISTINCT job_type_id) FROM jobs")).isEqualTo(4);
        assertThat(count("SELECT count(DISTINCT job_priority_id) FROM jobs")).isEqualTo(4);
    }

    @Test
    void referenceRowsAreFilled() {
        assertThat(count("SELECT count(*) FROM sales_organization WHERE db_country_id IS NOT NULL "
                + "AND db_currency_id IS NOT NULL AND db_language_id IS NOT NULL")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM equipment_family WHERE parent_id IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(DISTINCT language_code) FROM equipment_model_translation")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM app_user WHERE team_leader_user_id IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM app_user_skill")).isPositive();
        assertThat(count("SELECT count(*) FROM contact")).isGreaterThanOrEqualTo(2L * result.companies());
    }

    @Test
    void aSecondFillAddsNothing() {
        DemoData.Result again = DemoData.fillIfEmpty(jdbi, JOBS);
        assertThat(again.filled()).isFalse();
        assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(JOBS);
        assertThat(count("SELECT count(*) FROM account")).isEqualTo(5);
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
