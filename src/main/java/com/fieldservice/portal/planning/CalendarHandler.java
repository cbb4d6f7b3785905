package com.fieldservice.portal.planning;

import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.customer.CustomerJobView;
import com.fieldservice.portal.customer.CustomerScope;
import com.fieldservice.portal.customer.PortalJobDao;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import com.fieldservice.portal.web.Texts;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Visits as iCalendar: a customer's confirmed visit ("Add to my calendar", within their scope),
 * and a technician's feed (this week and the next) behind a secret URL. The secret is 256 random
 * bits, shown once when an administrator renews it (which the audit log records) and kept only
 * as its SHA-256; renewing it makes the old URL answer 404.
 */
public final class CalendarHandler {

    /** How many weeks a technician's feed holds, from the Monday of this week. */
    static final int FEED_WEEKS = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final BusinessClock clock;
    private final Audit audit;

    public CalendarHandler(Jdbi jdbi, BusinessClock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /** GET /portal/jobs/{number}/visits/{n}/calendar.ics: the n-th visit the customer sees, if confirmed. */
    public void customerVisit(Context ctx) {
        CustomerScope scope = CustomerScope.of(RequestScope.requirePrincipal(ctx));
        int number = RequestValues.workOrderNumber(ctx.pathParam("number")).orElseThrow(NotFoundResponse::new);
        int ordinal = RequestValues.wholeNumber(ctx.pathParam("n")).orElseThrow(NotFoundResponse::new);
        Language language = Language.of(ctx);
        Optional<String> calendar = jdbi.withHandle(handle -> {
            PortalJobDao dao = handle.attach(PortalJobDao.class);
            return dao.detail(scope, number).flatMap(job -> dao.visits(job.jobId()).stream()
                    .filter(visit -> visit.ordinal() == ordinal && visit.confirmed()).findFirst()
                    .map(visit -> ICalendar.of(clock.zone(), Texts.format(language, "portal.job.title", number),
                            List.of(event(job, visit, language)), clock.instant())));
        });
        if (calendar.isEmpty()) {
            throw new NotFoundResponse();
        }
        ctx.header("Content-Disposition", "attachment; filename=\"visit-" + number + "-" + ordinal + ".ics\"");
        ctx.contentType(ICalendar.CONTENT_TYPE).result(calendar.get());
    }

    /** The customer's visit: the same event, by UID and SEQUENCE, as the emails about it carry. */
    private static ICalendar.Event event(CustomerJobView.Detail job, CustomerJobView.Visit visit, Language language) {
        return VisitEvents.forCustomer(visit.id(), visit.sequence(), job.number(), job.name(), visit.start(), visit.end(),
                VisitEvents.place(job.street(), job.streetNumber(), job.zip(), job.city()), visit.technicianFirstName(), language);
    }

    /** GET /calendar/{token}: a technician's visits of this week and the next, without signing in. */
    public void technicianFeed(Context ctx) {
        String token = ctx.pathParam("token");
        LocalDate monday = clock.today().with(DayOfWeek.MONDAY);
        Optional<String> calendar = jdbi.withHandle(handle -> {
            CalendarDao dao = handle.attach(CalendarDao.class);
            return dao.technicianOf(hash(token)).map(technician -> ICalendar.of(clock.zone(), dao.technicianName(technician),
                    dao.visits(technician, clock.startOf(monday), clock.startOf(monday.plusWeeks(FEED_WEEKS))).stream()
                            .map(CalendarHandler::event).toList(), clock.instant()));
        });
        if (calendar.isEmpty()) {
            throw new NotFoundResponse();
        }
        ctx.contentType(ICalendar.CONTENT_TYPE).result(calendar.get());
    }

    private static ICalendar.Event event(CalendarDao.FeedVisit visit) {
        return new ICalendar.Event(VisitEvents.uid(visit.id()), visit.dateStart(), visit.dateEnd(),
                visit.number() + " · " + visit.installationName(),
                VisitEvents.place(visit.street(), visit.streetNumber(), visit.zip(), visit.city()), visit.jobName(),
                visit.sequence());
    }

    /** POST /backoffice/planning/technicians/{id}/calendar: a new secret URL, shown once; the old one stops working. */
    public void renew(Context ctx) {
        UUID technician = RequestValues.guid(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        int renewed = jdbi.withExtension(CalendarDao.class, dao -> dao.renew(technician, hash(token)));
        if (renewed == 0) {
            throw new NotFoundResponse();
        }
        String name = jdbi.withExtension(CalendarDao.class, dao -> dao.technicianName(technician));
        audit.record(RequestScope.requirePrincipal(ctx), Audit.CALENDAR_LINK_RENEWED, name + " (" + technician + ")", ctx.ip());
        ctx.status(HttpStatus.OK);
        ctx.render("planning/calendar-link.html", Map.of("technician", name == null ? "" : name,
                "url", ctx.scheme() + "://" + ctx.host() + "/calendar/" + token));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
