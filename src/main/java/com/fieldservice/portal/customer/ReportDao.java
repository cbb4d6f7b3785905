package com.fieldservice.portal.customer;

import com.fieldservice.portal.web.Language;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What the customer's write side reads and writes: their company's installations, the urgencies
 * they may choose, their jobs, their files and the report tokens of those jobs.
 * Every query that answers a customer names their company, and reads jobs within their
 * {@link CustomerScope}: another company's rows are never found.
 */
public interface ReportDao extends SqlObject {

    /** An installation as a customer picks it: never closed, always of their company. */
    record InstallationOption(UUID id, int id2, String name, String serialNumber, String location, String siteName,
                              boolean isMobileInstallation) {
        public String label() {
            StringBuilder label = new StringBuilder(name);
            if (serialNumber != null) {
                label.append(" · ").append(serialNumber);
            }
            if (location != null) {
                label.append(" · ").append(location);
            }
            if (siteName != null && !siteName.equals(name)) {
                label.append(" (").append(siteName).append(')');
            }
            return label.toString();
        }
    }

    record PriorityOption(UUID id, String label, boolean isDefault) {
    }

    /** A job as its customer may act on it. */
    record CustomerJob(UUID id, int number, String statusCode, boolean closed, UUID companyId,
                       java.time.OffsetDateTime closedOn) {
    }

    /** A stored file's name, type and size in bytes; its bytes are read a part at a time ({@link #part}). */
    record StoredFile(UUID id, String fileName, String contentType, int size) {
    }

    String OPEN_INSTALLATIONS = """
            SELECT p.id, p.id2, p.name, p.serial_number, p.location, site.name AS site_name, p.is_mobile_installation
              FROM project p
              LEFT JOIN project_status ps ON ps.id = p.project_status_id
              LEFT JOIN project site ON site.id = p.parent_id
             WHERE p.company_id = :company AND NOT coalesce(ps.is_closed, false)
            """;

    @SqlQuery("""
            SELECT count(*) FROM project p LEFT JOIN project_status ps ON ps.id = p.project_status_id
             WHERE p.company_id = :company AND NOT coalesce(ps.is_closed, false) AND NOT p.is_mobile_installation""")
    int countFixedInstallations(@Bind("company") UUID company);

    @SqlQuery(OPEN_INSTALLATIONS + " AND NOT p.is_mobile_installation ORDER BY lower(p.name), p.id2 LIMIT :limit")
    List<InstallationOption> fixedInstallations(@Bind("company") UUID company, @Bind("limit") int limit);

    /** Every word typed appears in the name, serial number, location or site of the installation. */
    @SqlQuery(OPEN_INSTALLATIONS + """
               AND NOT p.is_mobile_installation
               AND NOT EXISTS (
                   SELECT 1 FROM regexp_split_to_table(lower(:text), '\\s+') AS word
                    WHERE word <> ''
                      AND strpos(lower(concat_ws(' ', p.name, p.serial_number, p.location, site.name)), word) = 0)
             ORDER BY lower(p.name), p.id2 LIMIT :limit""")
    List<InstallationOption> searchInstallations(@Bind("company") UUID company, @Bind("text") String text,
                                                 @Bind("limit") int limit);

    @SqlQuery(OPEN_INSTALLATIONS + " AND p.is_mobile_installation ORDER BY lower(p.name), p.id2")
    List<InstallationOption> mobileInstallations(@Bind("company") UUID company);

    @SqlQuery(OPEN_INSTALLATIONS + " AND p.id = :id")
    Optional<InstallationOption> installation(@Bind("company") UUID company, @Bind("id") UUID id);

    @SqlQuery("SELECT id, coalesce(translated_name(id, :language), name) AS label, is_default FROM job_priority"
            + " WHERE customer_choosable ORDER BY sequence, label")
    List<PriorityOption> customerPriorities(@Bind("language") String language);

    /** The urgencies named in English (which one is the default does not depend on the language). */
    default List<PriorityOption> customerPriorities() {
        return customerPriorities(Language.EN.code());
    }

    @SqlQuery("SELECT nullif(btrim(coalesce(mobile, phone)), '') FROM contact WHERE id = :id")
    Optional<String> contactPhone(@Bind("id") UUID contactId);

    /**
     * The numbers of the open jobs this customer may see with this customer reference, whatever its
     * case. Only those: a colleague's job that the customer may not see is not even counted.
     */
    @SqlQuery("""
            SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id
             WHERE lower(j.customer_reference) = lower(:reference) AND NOT s.is_closed AND\s""" + CustomerScope.VISIBLE_JOB + """

             ORDER BY j.id2 LIMIT 10""")
    List<Integer> openJobsWithReference(@BindMethods CustomerScope scope, @Bind("reference") String reference);

    String JOB = """
            SELECT j.id, j.id2 AS number, s.code AS status_code, s.is_closed AS closed, j.company_id,
                   j.date_closed AS closed_on
              FROM jobs j JOIN job_status s ON s.id = j.job_status_id
            """;

    /** The job, if this customer may see it. */
    @SqlQuery(JOB + " WHERE j.id2 = :number AND " + CustomerScope.VISIBLE_JOB)
    Optional<CustomerJob> customerJob(@Bind("number") int number, @BindMethods CustomerScope scope);

    @SqlQuery(JOB + " WHERE j.id2 = :number")
    Optional<CustomerJob> anyJob(@Bind("number") int number);

    /**
     * Holds the job's row until the transaction ends, so that it isn't closed meanwhile, and
     * takes the lock that the back office's uploads take too: two uploads at once queue here, the
     * second counts the first's files, and together they never pass the limit per work order.
     */
    @SqlQuery(JOB + " WHERE j.id = :id FOR NO KEY UPDATE OF j")
    CustomerJob lockJob(@Bind("id") UUID id);

    @SqlQuery("SELECT id FROM jobs WHERE id2 = :number")
    UUID jobId(@Bind("number") int number);

    /** A file of the job, for the back office: internal ones too. */
    @SqlQuery("SELECT id, file_name, content_type, size FROM job_attachment WHERE id = :id AND job_id = :jobId")
    Optional<StoredFile> file(@Bind("jobId") UUID jobId, @Bind("id") UUID id);

    /** A file of the job as its customer may fetch it: never an internal one. */
    @SqlQuery("""
            SELECT id, file_name, content_type, size FROM job_attachment
             WHERE id = :id AND job_id = :jobId AND visibility = 'customer'""")
    Optional<StoredFile> customerFile(@Bind("jobId") UUID jobId, @Bind("id") UUID id);

    /**
     * {@code length} bytes of a stored file from byte {@code from} (0 is the first), or nothing if
     * it is gone. The column is stored uncompressed (V42), so PostgreSQL reads only that part.
     */
    @SqlQuery("SELECT substring(bytes FROM :from + 1 FOR :length) FROM job_attachment WHERE id = :id")
    Optional<byte[]> part(@Bind("id") UUID id, @Bind("from") int from, @Bind("length") int length);

    /** The phone number the customer gave when reporting, on the job just created. */
    @SqlUpdate("UPDATE jobs SET contact_phone = :phone WHERE id = :jobId")
    void keepContactPhone(@Bind("jobId") UUID jobId, @Bind("phone") String phone);

    @SqlQuery("""
            SELECT j.id2 FROM report_submission r JOIN jobs j ON j.id = r.job_id
             WHERE r.token = :token AND r.account_id = :account""")
    Optional<Integer> submitted(@Bind("token") String token, @Bind("account") UUID account);

    /** 0 when the token was used already (a concurrent double submit waits here for the first to commit). */
    @SqlUpdate("""
            INSERT INTO report_submission (token, account_id, job_id) VALUES (:token, :account, :jobId)
            ON CONFLICT (account_id, token) DO NOTHING""")
    int recordSubmission(@Bind("token") String token, @Bind("account") UUID account, @Bind("jobId") UUID jobId);
}
