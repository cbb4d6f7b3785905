package com.fieldservice.portal.customer;

import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.web.RequestValues;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /track}: anyone who holds a work order's number <i>and</i> its customer reference sees
 * that one work order's status as a customer reads it, the day it was reported and the day of
 * its next visit ({@link CustomerJobView.Tracked}), nothing else: nothing a person typed.
 * Every wrong pair (unknown number, wrong reference, a work order without reference, a number
 * that isn't one) gets the very same answer, so the page tells nothing about which half was
 * wrong; each counts as a failure for the client address's rate limit ({@link SignInThrottle}),
 * and a throttled address gets 429 with the time to wait. A lookup changes nothing, so sending
 * the form again is harmless.
 */
public final class TrackHandler {

    static final String FORM = "track";
    static final int MAX_REFERENCE = 50;

    private final Jdbi jdbi;
    private final SignInThrottle throttle;
    private final PortalFormat fmt;

    public TrackHandler(Jdbi jdbi, SignInThrottle throttle, PortalFormat fmt) {
        this.jdbi = jdbi;
        this.throttle = throttle;
        this.fmt = fmt;
    }

    /** GET /track */
    public void form(Context ctx) {
        ctx.render("customer/track.html", model("", ""));
    }

    /** POST /track */
    public void submit(Context ctx) {
        String number = Optional.ofNullable(ctx.formParam("number")).map(String::strip).orElse("");
        String reference = Optional.ofNullable(ctx.formParam("customer_reference")).map(String::strip).orElse("");
        Map<String, Object> model = model(number, reference);

        Optional<Duration> wait = throttle.waitBeforeNextAttempt(null, ctx.ip());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            model.put("retryAfter", seconds);
            ctx.render("customer/track.html", model);
            return;
        }
        if (number.isEmpty() || reference.isEmpty()) {
            // nothing was tried yet: say which field is missing, count nothing
            Map<String, FieldError> errors = new HashMap<>();
            if (number.isEmpty()) {
                errors.put("number", FieldError.of("portal.track.numberRequired"));
            }
            if (reference.isEmpty()) {
                errors.put("customer_reference", FieldError.of("portal.track.referenceRequired"));
            }
            model.put("errors", errors);
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("customer/track.html", model);
            return;
        }
        Optional<CustomerJobView.Tracked> job = reference.length() > MAX_REFERENCE ? Optional.empty()
                : RequestValues.workOrderNumber(number).flatMap(n ->
                        jdbi.withExtension(PortalJobDao.class, dao -> dao.track(n, reference)));
        if (job.isEmpty()) {
            throttle.recordFailure(FORM, null, ctx.ip());
            model.put("noMatch", true);
            ctx.render("customer/track.html", model);
            return;
        }
        model.put("job", job.get());
        ctx.header("Cache-Control", "no-store");
        ctx.render("customer/track.html", model);
    }

    private Map<String, Object> model(String number, String reference) {
        Map<String, Object> model = new HashMap<>();
        model.put("number", number);
        model.put("reference", reference);
        model.put("fmt", fmt);
        return model;
    }
}
