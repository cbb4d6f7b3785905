package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database itself refuses what the reference forbids, whatever program writes to it. */
class SchemaConstraintsTest {

    static Jdbi jdbi;
    Handle handle;
    UUID fixedInstallation;
    UUID mobileInstallation;
    UUID installationAddress;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.freshJdbi();
    }

    @BeforeEach
    void installations() {
        handle = jdbi.open();
        handle.begin();
        UUID company = handle.createQuery("INSERT INTO company (code, name) VALUES ('C1', 'Acme') RETURNING id")
                .mapTo(UUID.class).one();
        installationAddress = handle.createQuery("""
                INSERT INTO db_address (company_id, street, city, zip) VALUES (:company, 'Rue Haute 1', 'Brussels', '1000')
                RETURNING id""").bind("company", company).mapTo(UUID.class).one();
        fixedInstallation = handle.createQuery("""
                INSERT INTO project (company_id, name, db_address_id) VALUES (:company, 'Boiler room', :address)
                RETURNING id""").bind("company", company).bind("address", installationAddress).mapTo(UUID.class).one();
        mobileInstallation = handle.createQuery("""
                INSERT INTO project (company_id, name, is_mobile_installation) VALUES (:company, 'Mobile generator', true)
                RETURNING id""").bind("company", company).mapTo(UUID.class).one();
    }

    @AfterEach
    void rollback() {
        handle.rollback();
        handle.close();
    }

    private void insertJob(String columns, String values) {
        insertJob(fixedInstallation, columns, values);
    }

    /** Inserts a job on the installation with these extra columns; the values list starts with a comma too. */
    private void insertJob(UUID installation, String columns, String values) {
        attempt("INSERT INTO jobs (project_id, job_type_id, job_status_id, name" + columns + ") "
                + "SELECT '" + installation + "', (SELECT id FROM job_type WHERE is_default), "
                + "(SELECT id FROM job_status WHERE code = 'Open'), 'Leaking valve'" + values);
    }

    @Test
    void aValidJobIsAcceptedAndGetsNumberCompanyAndAddressFromTheDatabase() {
        insertJob("", "");
        var row = handle.createQuery("SELECT id2, company_id, db_address_id, modified_dateutc FROM jobs").mapToMap().one();
        assertThat(row.get("id2")).isNotNull();
        assertThat(row.get("company_id")).isNotNull();
        assertThat(row.get("db_address_id")).isEqualTo(installationAddress);
        assertThat(row.get("modified_dateutc")).isNotNull();
    }

    @Test
    void nameIsRequiredAndAtMost255Characters() {
        assertThatCode(() -> insertJob(", description", ", NULL")).doesNotThrowAnyException();
        assertThatThrownBy(() -> attempt("UPDATE jobs SET name = NULL")).hasMessageContaining("\"name\"");
        assertThatThrownBy(() -> attempt("UPDATE jobs SET name = '  '")).hasMessageContaining("jobs_name_check");
        assertThatThrownBy(() -> attempt("UPDATE jobs SET name = repeat('x', 256)"))
                .hasMessageContaining("character varying(255)");
        assertThatCode(() -> attempt("UPDATE jobs SET name = repeat('x', 255)")).doesNotThrowAnyException();
    }

    @Test
    void textLimitsFollowTheReference() {
        assertThatThrownBy(() -> insertJob(", description", ", repeat('x', 4001)")).hasMessageContaining("(4000)");
        assertThatThrownBy(() -> insertJob(", customer_reference", ", repeat('x', 51)")).hasMessageContaining("(50)");
        assertThatThrownBy(() -> insertJob(", reference_back_office", ", repeat('x', 51)")).hasMessageContaining("(50)");
        assertThatThrownBy(() -> insertJob(", estimated_quantity_remark", ", repeat('x', 4001)")).hasMessageContaining("(4000)");
        assertThatCode(() -> insertJob(", description, customer_reference", ", repeat('x', 4000), repeat('x', 50)"))
                .doesNotThrowAnyException();
    }

    @Test
    void dueDateMayNotBeBeforeTheEarliestDate() {
        assertThatThrownBy(() -> insertJob(", earliest_date_plannable, due_date", ", '2026-03-10', '2026-03-09'"))
                .hasMessageContaining("jobs_due_date_not_before_earliest");
        assertThatCode(() -> insertJob(", earliest_date_plannable, due_date", ", '2026-03-10', '2026-03-10'"))
                .doesNotThrowAnyException();
    }

    @Test
    void everyDateOfWorkOrdersVisitsInstallationsEquipmentAndStaffIsCheckedForItsYear() {
        List<String> unchecked = handle.createQuery("""
                SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c
                 WHERE c.table_schema = current_schema()
                   AND c.table_name IN ('jobs', 'job_planning', 'project', 'equipment_model', 'app_user')
                   AND c.data_type IN ('date', 'timestamp with time zone')
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                                    WHERE k.conname = c.table_name || '_' || c.column_name || '_plausible'
                                      AND pg_get_constraintdef(k.oid) = 'CHECK (plausible(' || c.column_name || '))')""")
                .mapTo(String.class).list();
        assertThat(unchecked).isEmpty();
    }

    @Test
    void datesOutsideTheYearsAPersonCanTypeAreRefusedWhateverWritesThem() {
        for (String odd : List.of("'infinity'", "'-infinity'", "'10000-01-01 00:00+00'", "'0001-01-01 00:00+00 BC'",
                "'1899-12-30 23:59:59+00'", "'3000-01-02 00:00+00'")) {
            assertThatThrownBy(() -> insertJob(", due_date", ", " + odd)).as(odd).hasMessageContaining("jobs_due_date_plausible");
            assertThatThrownBy(() -> insertJob(", suggested_date_start", ", " + odd)).as(odd)
                    .hasMessageContaining("jobs_suggested_date_start_plausible");
            assertThatThrownBy(() -> attempt("UPDATE project SET warranty_date_until = " + odd)).as(odd)
                    .hasMessageContaining("project_warranty_date_until_plausible");
        }
        assertThatThrownBy(() -> attempt("UPDATE project SET date_built = '3000-01-01'")).hasMessageContaining("project_date_built_plausible");
        // 1900-01-01 00:00 at +18:00 and 2999-12-31 23:59 at -18:00, the extremes a person can type;
        // the day fields are days, of those years
        assertThatCode(() -> insertJob(", date_reported_by_company", ", '1899-12-31 06:00+00'")).doesNotThrowAnyException();
        assertThatCode(() -> insertJob(", earliest_date_plannable, due_date", ", '1900-01-01', '2999-12-31'"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> insertJob(", earliest_date_plannable", ", '1899-12-31'"))
                .hasMessageContaining("jobs_earliest_date_plannable_plausible");
        insertJob("", "");
        UUID technician = handle.createQuery("INSERT INTO app_user (username, code) VALUES ('tech', 'T1') RETURNING id")
                .mapTo(UUID.class).one();
        String visit = "INSERT INTO job_planning (job_id, app_user_id, date_start, date_end) SELECT id, '" + technician
                + "', %s, %s FROM jobs LIMIT 1";
        assertThatThrownBy(() -> attempt(visit.formatted("'2999-12-31 23:00+00'", "'infinity'")))
                .hasMessageContaining("job_planning_date_end_plausible");
        assertThatThrownBy(() -> attempt(visit.formatted("'-infinity'", "'2026-01-01 00:00+00'")))
                .hasMessageContaining("job_planning_date_start_plausible");
        assertThatCode(() -> attempt(visit.formatted("'3000-01-01 22:00+00'", "'3000-01-01 23:59+00'")))
                .doesNotThrowAnyException();
    }

    @Test
    void estimatedTimeIsNotNegative() {
        assertThatThrownBy(() -> insertJob(", estimated_time", ", -1")).hasMessageContaining("estimated_time");
        assertThatCode(() -> insertJob(", estimated_time", ", 0")).doesNotThrowAnyException();
    }

    @Test
    void coordinatesStayInRange() {
        String address = ", db_address_street, db_address_city, db_address_zip";
        String coordinates = address + ", db_address_latitude_decimal, db_address_longitude_decimal";
        assertThatThrownBy(() -> insertJob(mobileInstallation, coordinates, ", 'Quai 1', 'Liège', '4000', 90.5, 5.5"))
                .hasMessageContaining("jobs_latitude_range");
        assertThatThrownBy(() -> insertJob(mobileInstallation, coordinates, ", 'Quai 1', 'Liège', '4000', 50.6, -180.5"))
                .hasMessageContaining("jobs_longitude_range");
        assertThatCode(() -> insertJob(mobileInstallation, coordinates, ", 'Quai 1', 'Liège', '4000', -90, 180"))
                .doesNotThrowAnyException();
    }

    @Test
    void aMobileInstallationsJobCarriesItsOwnStreetCityAndZip() {
        assertThatThrownBy(() -> insertJob(mobileInstallation, "", "")).hasMessageContaining("mobile installation");
        assertThatThrownBy(() -> insertJob(mobileInstallation, ", db_address_street, db_address_city", ", 'Quai 1', 'Liège'"))
                .hasMessageContaining("jobs_own_address_complete");
        assertThatCode(() -> insertJob(mobileInstallation, ", db_address_street, db_address_city, db_address_zip",
                ", 'Quai 1', 'Liège', '4000'")).doesNotThrowAnyException();
    }

    @Test
    void aFixedInstallationsJobUsesTheInstallationsAddress() {
        UUID elsewhere = handle.createQuery("""
                INSERT INTO db_address (street, city, zip) VALUES ('Elsewhere 9', 'Ghent', '9000') RETURNING id""")
                .mapTo(UUID.class).one();
        assertThatThrownBy(() -> insertJob(", db_address_id", ", '" + elsewhere + "'"))
                .hasMessageContaining("address of its installation");
    }

    @Test
    void statusChangesFollowTheWorkflowAndClosingSetsDateClosed() {
        insertJob("", "");
        assertThatThrownBy(() -> attempt("UPDATE jobs SET job_status_id = (SELECT id FROM job_status WHERE code = 'Completed')"))
                .hasMessageContaining("workflow");
        attempt("UPDATE jobs SET job_status_id = (SELECT id FROM job_status WHERE code = 'Canceled')");
        assertThat(handle.createQuery("SELECT date_closed IS NOT NULL FROM jobs").mapTo(Boolean.class).one()).isTrue();
    }

    @Test
    void everyUpdateRaisesTheVersionAndTheModificationTime() {
        insertJob("", "");
        handle.execute("UPDATE jobs SET modified_dateutc = '2000-01-01', version = 41");
        var row = handle.createQuery("SELECT version, modified_dateutc > '2001-01-01' AS fresh FROM jobs").mapToMap().one();
        assertThat(row.get("version")).isEqualTo(1);
        assertThat(row.get("fresh")).isEqualTo(true);
    }

    @Test
    void addressesAreNeverDeleted() {
        assertThatThrownBy(() -> attempt("DELETE FROM db_address WHERE id = '" + installationAddress + "'"))
                .hasMessageContaining("archived, never deleted");
    }

    private void attempt(String sql) {
        handle.execute("SAVEPOINT attempt");
        try {
            handle.execute(sql);
            handle.execute("RELEASE SAVEPOINT attempt");
        } catch (RuntimeException e) {
            handle.execute("ROLLBACK TO SAVEPOINT attempt");
            throw e;
        }
    }
}
