package com.fieldservice.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class DemoDataDeterminismTest {

    private static final String JOBS_DIGEST = """
            SELECT md5(string_agg(concat_ws('|', id, id2, parent_id, working_sequence, name, description,
                                            job_status_id, job_type_id, job_priority_id, project_id, company_id,
                                            db_address_id, db_address_street, customer_reference, internal_memo,
                                            date_create, earliest_date_plannable, due_date, date_closed,
                                            suggested_user_id, suggested_date_start), E'\\n' ORDER BY id2))
              FROM jobs""";
    private static final String REST_DIGEST = """
            SELECT md5(concat(
                (SELECT string_agg(concat_ws('|', id, job_id, app_user_id, date_start, date_end), ',' ORDER BY id) FROM job_planning),
                (SELECT string_agg(concat_ws('|', id, id2, parent_id, name, serial_number, db_address_id), ',' ORDER BY id) FROM project),
                (SELECT string_agg(concat_ws('|', id, code, name, db_address_id), ',' ORDER BY id) FROM company),
                (SELECT string_agg(concat_ws('|', id, street, city, zip, latitude_decimal), ',' ORDER BY id) FROM db_address),
                (SELECT string_agg(concat_ws('|', id, username, code), ',' ORDER BY id) FROM app_user)))""";

    @Test
    void twoFillsOfFreshDatabasesGiveTheSameData() {
        Jdbi first = TestDatabase.freshJdbi();
        Jdbi second = TestDatabase.freshJdbi();
        DemoData.fillIfEmpty(first, 1_500);
        DemoData.fillIfEmpty(second, 1_500);
        assertThat(digest(second, JOBS_DIGEST)).isEqualTo(digest(first, JOBS_DIGEST)).isNotNull();
        assertThat(digest(second, REST_DIGEST)).isEqualTo(digest(first, REST_DIGEST)).isNotNull();
    }

    @Test
    void aDatabaseWithWorkOrdersIsLeftAlone() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        DemoData.fillIfEmpty(jdbi, 300);
        String before = digest(jdbi, JOBS_DIGEST);
        DemoData.Result again = DemoData.fillIfEmpty(jdbi, 5_000);
        assertThat(again.filled()).isFalse();
        assertThat(digest(jdbi, JOBS_DIGEST)).isEqualTo(before);
        long jobs = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM jobs").mapTo(Long.class).one());
        assertThat(jobs).isEqualTo(300);
    }

    @Test
    void evenATinyFillHasTheShowcaseCustomersInSeveralStatuses() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        DemoData.fillIfEmpty(jdbi, 50);
        long statuses = jdbi.withHandle(h -> h.createQuery("""
                SELECT count(DISTINCT j.job_status_id) FROM jobs j JOIN company c ON c.id = j.company_id
                 WHERE c.code = 'ACME'""").mapTo(Long.class).one());
        assertThat(statuses).isGreaterThanOrEqualTo(5);
    }

    private static String digest(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
