package com.fieldservice.portal.notify;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.SingleValue;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The outbox, what people chose to receive, and the facts a message is written from. */
public interface NotificationDao {

    /** What a message about a work order may say; nothing internal (see customer/CustomerJobView). */
    /** Where a work order's work is done (job_address). */
    record Address(String street, String streetNumber, String zip, String city) {
    }

    @SqlQuery("""
            SELECT addr.street, addr.street_number, addr.zip, addr.city
              FROM jobs j LEFT JOIN LATERAL job_address(j) addr ON true WHERE j.id = :job""")
    Optional<Address> place(@Bind("job") UUID jobId);

    /** Whether moving from one status to the other makes the work order's visits confirmed ones. */
    @SqlQuery("""
            SELECT coalesce(bool_or(code = :from AND visit_state = 'proposed') AND bool_or(code = :to AND visit_state = 'confirmed'), false)
              FROM job_status WHERE code IN (:from, :to)""")
    boolean confirmsVisits(@Bind("from") String fromCode, @Bind("to") String toCode);

    @SqlQuery("""
            SELECT v.id, (SELECT pl.sequence FROM job_planning pl WHERE pl.id = v.id) AS sequence,
                   v.date_start AS start, v.date_end AS "end", v.technician_first_name AS technician
              FROM customer_visits(:job) v ORDER BY v.date_start""")
    List<Notifications.Visit> customerVisits(@Bind("job") UUID jobId);

    record JobFacts(UUID id, int number, String name, String customerReference, String installation,
                    String customerStatus, UUID reporterContactId, String reporterName) {
    }

    /**
     * A customer account that may see the work order. {@code topicChoice}/{@code companyChoice}:
     * what the person chose for the topic and for their company's other work orders, null if nothing.
     */
    record CustomerRecipient(UUID accountId, String email, String name, boolean reporter, Boolean topicChoice,
                             Boolean companyChoice) {
    }

    /** A member of staff as customers read them (by first name), none without one. */
    @SqlQuery("SELECT staff_name_for_customers(u) FROM app_user u WHERE id = :id")
    java.util.Optional<String> staffFirstName(@org.jdbi.v3.sqlobject.customizer.Bind("id") UUID appUserId);

    /** A person with an account and their address on record (null when there is none). */
    record Person(UUID accountId, String email, String name, boolean customer) {
    }

    record Claimed(long id, String kind, String audience, UUID accountId, String recipient, String language,
                   String params, String subject, String bodyText, String bodyHtml, String calendar, int attempts) {
    }

    record Row(long id, String kind, String audience, String recipient, String status, int attempts,
               java.time.OffsetDateTime dateCreate, java.time.OffsetDateTime nextAttemptAt,
               java.time.OffsetDateTime sentAt, String lastError, String subject, Integer jobNumber) {
    }

    record Full(long id, String kind, String audience, String recipient, String status, int attempts,
                java.time.OffsetDateTime dateCreate, java.time.OffsetDateTime sentAt, String lastError,
                String subject, String bodyText, String bodyHtml, String calendar) {
    }

    @SqlQuery("""
            SELECT j.id, j.id2 AS number, j.name, j.customer_reference, p.name AS installation,
                   s.customer_status, j.requested_by_contact_id AS reporter_contact_id, CASE WHEN rc.company_id = j.company_id THEN person_name(rc) END AS reporter_name
              FROM jobs j
              LEFT JOIN contact rc ON rc.id = j.requested_by_contact_id
              JOIN job_status s ON s.id = j.job_status_id
              LEFT JOIN project p ON p.id = j.project_id
             WHERE j.id = :job""")
    JobFacts jobFacts(@Bind("job") UUID jobId);

    @SqlQuery("""
            SELECT a.id AS account_id, nullif(btrim(ct.email), '') AS email, person_name(ct) AS name,
                   ct.id IS NOT DISTINCT FROM j.requested_by_contact_id AS reporter,
                   (SELECT wanted FROM notification_preference np WHERE np.account_id = a.id AND np.topic = :topic) AS topic_choice,
                   (SELECT wanted FROM notification_preference np WHERE np.account_id = a.id AND np.topic = 'company_jobs') AS company_choice
              FROM jobs j
              JOIN contact ct ON ct.company_id = j.company_id
              JOIN company co ON co.id = ct.company_id
              JOIN account a ON a.contact_id = ct.id AND a.role = 'customer'
             WHERE j.id = :job AND NOT a.disabled AND NOT ct.archived AND NOT co.archived
               AND customer_may_see(j, ct.company_id, CASE WHEN ct.portal_scope = 'own_requests' THEN ct.id END)
             ORDER BY a.username""")
    List<CustomerRecipient> customerRecipients(@Bind("job") UUID jobId, @Bind("topic") String topic);

    /** Back-office people who asked for this topic. */
    @SqlQuery("""
            SELECT a.id AS account_id, nullif(btrim(u.email), '') AS email, person_name(u) AS name, false AS customer
              FROM notification_preference np
              JOIN account a ON a.id = np.account_id AND a.role IN ('admin', 'planner') AND NOT a.disabled
              JOIN app_user u ON u.id = a.app_user_id AND NOT u.disabled AND NOT u.archived
             WHERE np.topic = :topic AND np.wanted
             ORDER BY a.username""")
    List<Person> staffWhoAsked(@Bind("topic") String topic);

    /** A person's account with the address messages go to: the contact's or staff member's email on record. */
    @SqlQuery("""
            SELECT a.id AS account_id, nullif(btrim(coalesce(ct.email, u.email)), '') AS email,
                   coalesce(person_name(u), person_name(ct), a.username) AS name, a.role = 'customer' AS customer
              FROM account a
              LEFT JOIN app_user u ON u.id = a.app_user_id
              LEFT JOIN contact ct ON ct.id = a.contact_id
             WHERE a.id = :account AND a.role <> 'api'""")
    Optional<Person> person(@Bind("account") UUID accountId);

    @SqlUpdate("""
            INSERT INTO notification (kind, audience, job_id, account_id, recipient, language, params, status, last_error)
            VALUES (:kind, :audience, :job, :account, :recipient, (SELECT a.language FROM account a WHERE a.id = :account),
                    CAST(:params AS jsonb), :status, :error)""")
    void insert(@Bind("kind") String kind, @Bind("audience") String audience, @Bind("job") UUID jobId,
                @Bind("account") UUID accountId, @Bind("recipient") String recipient,
                @Bind("params") String params, @Bind("status") String status, @Bind("error") String error);

    /** A password request's row becomes the message to the account found for it (not yet rendered). */
    @SqlUpdate("""
            UPDATE notification SET account_id = :account, recipient = :recipient, params = CAST(:params AS jsonb),
                   language = (SELECT a.language FROM account a WHERE a.id = :account)
             WHERE id = :id""")
    int answer(@Bind("id") long id, @Bind("account") UUID accountId, @Bind("recipient") String recipient,
               @Bind("params") String params);

    /** A message this sender holds, as it is now. */
    @SqlQuery("""
            SELECT n.id, n.kind, n.audience, n.account_id, n.recipient, n.language, n.params::text AS params,
                   n.subject, n.body_text, n.body_html, n.calendar, n.attempts
              FROM notification n WHERE n.id = :id AND n.claimed_by = :claim""")
    Optional<Claimed> held(@Bind("id") long id, @Bind("claim") UUID claim);

    /**
     * Takes the next message that is due and held by nobody (or by a sender whose lease ran out:
     * it died meanwhile) for {@code leaseSeconds}; another sender skips it, never waits for it.
     */
    @SqlQuery("""
            UPDATE notification n SET claimed_by = :claim, locked_until = now() + make_interval(secs => :lease)
             WHERE n.id = (SELECT id FROM notification
                            WHERE status IN ('pending', 'retrying') AND next_attempt_at <= now()
                              AND (locked_until IS NULL OR locked_until < now())
                            ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING n.id, n.kind, n.audience, n.account_id, n.recipient, n.language, n.params::text AS params,
                      n.subject, n.body_text, n.body_html, n.calendar, n.attempts""")
    Optional<Claimed> claim(@Bind("claim") UUID claim, @Bind("lease") long leaseSeconds);

    /** The message as it reads, kept once it is written; the claim must still be this sender's. */
    @SqlUpdate("""
            UPDATE notification SET recipient = :recipient, subject = :subject, body_text = :text, body_html = :html,
                   calendar = :calendar
             WHERE id = :id AND claimed_by = :claim""")
    int rendered(@Bind("id") long id, @Bind("claim") UUID claim, @Bind("recipient") String recipient,
                 @Bind("subject") String subject, @Bind("text") String text, @Bind("html") String html,
                 @Bind("calendar") String calendar);

    /**
     * Sent, kept or skipped: done with, once. Zero when the claim was lost (the lease ran out).
     * A password link, once sent, is no longer kept: like password_link, which keeps only hashes,
     * a copy of this table must not let anyone choose someone's password.
     */
    @SqlUpdate("""
            UPDATE notification SET status = :status, attempts = attempts + :tried, last_error = :error,
                   body_text = CASE WHEN :status = 'sent' AND params->>'token' IS NOT NULL
                                    THEN replace(body_text, params->>'token', '(removed once sent)') ELSE body_text END,
                   body_html = CASE WHEN :status = 'sent' AND params->>'token' IS NOT NULL
                                    THEN replace(body_html, params->>'token', '(removed once sent)') ELSE body_html END,
                   params = CASE WHEN :status = 'sent' THEN params - 'token' ELSE params END,
                   sent_at = CASE WHEN :status = 'sent' THEN now() END, claimed_by = NULL, locked_until = NULL
             WHERE id = :id AND claimed_by = :claim""")
    int finish(@Bind("id") long id, @Bind("claim") UUID claim, @Bind("status") String status,
               @Bind("tried") int tried, @Bind("error") String error);

    /** A failed attempt: tried again after a wait that doubles each time, until the last one fails for good. */
    @SqlUpdate("""
            UPDATE notification
               SET attempts = attempts + 1, last_error = left(:error, 2000),
                   status = CASE WHEN attempts + 1 >= :max THEN 'failed' ELSE 'retrying' END,
                   next_attempt_at = now() + least(make_interval(secs => :first * power(2, attempts)), interval '6 hours'),
                   claimed_by = NULL, locked_until = NULL
             WHERE id = :id AND claimed_by = :claim""")
    int failed(@Bind("id") long id, @Bind("claim") UUID claim, @Bind("error") String error,
               @Bind("max") int maxAttempts, @Bind("first") long firstWaitSeconds);

    /** Gives back what this sender holds but has not tried, when it stops. */
    @SqlUpdate("UPDATE notification SET claimed_by = NULL, locked_until = NULL WHERE claimed_by = :claim")
    int release(@Bind("claim") UUID claim);

    /** An administrator asks for one more try of a failed (or kept) message, now. */
    @SqlUpdate("""
            UPDATE notification SET status = CASE WHEN attempts = 0 THEN 'pending' ELSE 'retrying' END,
                   next_attempt_at = now(), claimed_by = NULL, locked_until = NULL
             WHERE id = :id AND status IN ('failed', 'kept')""")
    int retry(@Bind("id") long id);

    @SqlQuery("""
            SELECT n.id, n.kind, n.audience, n.recipient, n.status, n.attempts, n.date_create, n.next_attempt_at,
                   n.sent_at, n.last_error, n.subject, j.id2 AS job_number
              FROM notification n LEFT JOIN jobs j ON j.id = n.job_id
             WHERE CAST(:status AS text) IS NULL OR n.status = :status
             ORDER BY n.id DESC LIMIT :limit""")
    List<Row> latest(@Bind("status") String status, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT id, kind, audience, recipient, status, attempts, date_create, sent_at, last_error, subject, body_text, body_html,
                   calendar
              FROM notification WHERE id = :id""")
    Optional<Full> full(@Bind("id") long id);

    @SqlQuery("SELECT topic, wanted FROM notification_preference WHERE account_id = :account")
    List<Choice> choices(@Bind("account") UUID accountId);

    record Choice(String topic, boolean wanted) {
    }

    @SqlUpdate("""
            INSERT INTO notification_preference (account_id, topic, wanted) VALUES (:account, :topic, :wanted)
            ON CONFLICT (account_id, topic) DO UPDATE SET wanted = EXCLUDED.wanted""")
    void choose(@Bind("account") UUID accountId, @Bind("topic") String topic, @Bind("wanted") boolean wanted);

    @SqlUpdate("INSERT INTO mail_signing_key (key) VALUES (:key) ON CONFLICT DO NOTHING")
    void offerKey(@Bind("key") byte[] key);

    @SqlQuery("SELECT key FROM mail_signing_key")
    @SingleValue
    byte[] key();
}
