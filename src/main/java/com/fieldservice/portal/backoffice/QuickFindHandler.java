package com.fieldservice.portal.backoffice;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /backoffice/find?q=...}: the box in the top bar, for the number or the reference a
 * customer reads out on the phone. An existing work-order number opens it; else a customer or
 * back-office reference that names exactly one job opens that one, several open the grid on
 * them; nothing matched: a page that says so, with the box again. Two indexed lookups at most.
 */
public final class QuickFindHandler {

    private final Jdbi jdbi;

    public QuickFindHandler(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void find(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).map(String::trim).orElse("");
        if (q.length() > JobQuery.MAX_TEXT) {
            q = q.substring(0, JobQuery.MAX_TEXT);
        }
        if (q.isEmpty()) {
            ctx.render("backoffice/find.html", Map.of("q", ""));
            return;
        }
        String text = q;
        String target = jdbi.withHandle(handle -> {
            BackOfficeDao dao = handle.attach(BackOfficeDao.class);
            Optional<Integer> number = JobQuery.workOrderNumber(text);
            if (number.isPresent() && dao.numberExists(number.get())) {
                return "/backoffice/jobs/" + number.get();
            }
            List<Integer> matches = dao.byReference(text);
            if (matches.size() == 1) {
                return "/backoffice/jobs/" + matches.get(0);
            }
            if (matches.size() > 1) {
                return "/backoffice/jobs?ref=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
            }
            return null;
        });
        if (target != null) {
            ctx.redirect(target, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.render("backoffice/find.html", Map.of("q", q, "nothing", true));
    }
}
