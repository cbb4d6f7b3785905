package com.fieldservice.portal.auth;

import com.fieldservice.portal.db.QueryPlans;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Writes and reads the audit log. The event names are the constants below, nothing else. */
public final class Audit {

    public static final String SIGN_IN = "sign_in";
    public static final String SIGN_IN_FAILED = "sign_in_failed";
    public static final String SIGN_IN_THROTTLED = "sign_in_throttled";
    public static final String SIGN_OUT = "sign_out";
    public static final String ACCESS_REFUSED = "access_refused";
    public static final String CSRF_REFUSED = "csrf_refused";
    public static final String PASSWORD_CHANGED = "password_changed";
    public static final String ACCOUNT_CREATED = "account_created";
    public static final String ACCOUNT_UPDATED = "account_updated";
    public static final String ACCOUNT_DISABLED = "account_disabled";
    public static final String ACCOUNT_ENABLED = "account_enabled";
    public static final String PASSWORD_LINK_ISSUED = "password_link_issued";
    public static final String PASSWORD_SET = "password_set";
    /** A technician's calendar feed got a new secret address (planning/CalendarHandler). */
    public static final String CALENDAR_LINK_RENEWED = "calendar_link_renewed";

    public static final List<String> EVENTS = List.of(SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_OUT,
            ACCESS_REFUSED, CSRF_REFUSED, PASSWORD_CHANGED, ACCOUNT_CREATED, ACCOUNT_UPDATED, ACCOUNT_DISABLED,
            ACCOUNT_ENABLED, PASSWORD_LINK_ISSUED, PASSWORD_SET, CALENDAR_LINK_RENEWED);

    private final Jdbi jdbi;

    public Audit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void record(Optional<UUID> accountId, String username, String event, String detail, String clientAddress) {
        jdbi.useExtension(AuditDao.class, dao -> dao.insert(accountId.orElse(null), username, event, detail, clientAddress));
    }

    public void record(Principal who, String event, String detail, String clientAddress) {
        record(Optional.of(who.accountId()), who.username(), event, detail, clientAddress);
    }

    public List<AuditDao.Entry> search(Optional<String> event, Optional<String> username, Optional<Long> before, int limit) {
        // each filter given or not, on an id past which to page: the plan depends on which
        return jdbi.inTransaction(handle -> {
            QueryPlans.forValues(handle);
            return handle.attach(AuditDao.class).search(event.orElse(null), username.orElse(null), before.orElse(null), limit);
        });
    }
}
