package com.fieldservice.portal.notify;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * /admin/outbox (administrators): every message, newest first, by status (pending, retrying,
 * failed with the server's answer, sent, kept when no SMTP server is set, skipped and why); a
 * message in full, with its calendar attachment if it has one; one more try of a failed or kept one.
 */
public final class OutboxHandler {

    static final List<String> STATUSES = List.of("pending", "retrying", "failed", "sent", "kept", "skipped");
    static final int SHOWN = 200;
    private final Jdbi jdbi;
    private final MailSender sender;
    private final boolean sends;

    public OutboxHandler(Jdbi jdbi, MailSender sender, boolean sends) {
        this.jdbi = jdbi;
        this.sender = sender;
        this.sends = sends;
    }

    /** GET /admin/outbox?status=... */
    public void list(Context ctx) {
        String status = Optional.ofNullable(ctx.queryParam("status")).filter(Set.copyOf(STATUSES)::contains).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", jdbi.withExtension(NotificationDao.class, dao -> dao.latest(status, SHOWN)));
        model.put("status", status);
        model.put("statuses", STATUSES);
        model.put("sends", sends);
        model.put("shown", SHOWN);
        ctx.render("notify/outbox.html", model);
    }

    /** GET /admin/outbox/{id} */
    public void show(Context ctx) {
        Optional<NotificationDao.Full> message = id(ctx).flatMap(id -> jdbi.withExtension(NotificationDao.class,
                dao -> dao.full(id)));
        if (message.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.render("notify/message.html", Map.of("m", message.get(), "retried", ctx.queryParam("retried") != null,
                "calendarFile", MailSender.CALENDAR_FILE));
    }

    /** POST /admin/outbox/{id}/retry */
    public void retry(Context ctx) {
        Optional<Long> id = id(ctx);
        if (id.isEmpty() || jdbi.withExtension(NotificationDao.class, dao -> dao.retry(id.get())) == 0) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        sender.wake();
        ctx.redirect("/admin/outbox/" + id.get() + "?retried", HttpStatus.SEE_OTHER);
    }

    private static Optional<Long> id(Context ctx) {
        String raw = ctx.pathParam("id");
        return raw.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(raw)) : Optional.empty();
    }
}
