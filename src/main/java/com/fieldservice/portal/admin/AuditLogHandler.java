package com.fieldservice.portal.admin;

import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.auth.AuditDao;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET /admin/audit: the audit log, newest first, by event and username, a page at a time (keyset on id). */
public final class AuditLogHandler {

    public static final int PAGE_SIZE = 50;

    private final Audit audit;

    public AuditLogHandler(Audit audit) {
        this.audit = audit;
    }

    public void show(Context ctx) {
        Optional<String> event = Optional.ofNullable(ctx.queryParam("event")).map(String::strip).filter(Audit.EVENTS::contains);
        Optional<String> user = Optional.ofNullable(ctx.queryParam("user")).map(String::strip)
                .filter(u -> !u.isEmpty()).map(u -> u.length() > 250 ? u.substring(0, 250) : u);
        Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).flatMap(AuditLogHandler::positiveLong);
        // one more than a page: tells whether there are older entries
        List<AuditDao.Entry> entries = audit.search(event, user.map(AccountAdminService::likeEscape), before, PAGE_SIZE + 1);
        boolean more = entries.size() > PAGE_SIZE;
        List<AuditDao.Entry> page = more ? entries.subList(0, PAGE_SIZE) : entries;
        Map<String, Object> model = new HashMap<>();
        model.put("entries", page);
        model.put("events", Audit.EVENTS);
        model.put("event", event.orElse(""));
        model.put("user", user.orElse(""));
        model.put("paged", before.isPresent());
        model.put("olderThan", more ? page.get(page.size() - 1).id() : null);
        ctx.render("admin/audit.html", model);
    }

    private static Optional<Long> positiveLong(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip())).filter(v -> v > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
