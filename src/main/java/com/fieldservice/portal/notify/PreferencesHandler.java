package com.fieldservice.portal.notify;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.web.RequestScope;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET and POST /account/notifications: each signed-in person chooses what they receive by email;
 * GET and POST /unsubscribe: the one-click link of every message, which works without signing in
 * and turns off only the topic it names, for only the account it was sent to. GET shows what the
 * link will do and asks to confirm; POST does it (the form, or a mail program acting on the
 * {@code List-Unsubscribe-Post} header of RFC 8058, which sends no CSRF token: the signed token
 * is the proof, see {@code AccessControl.CSRF_EXEMPT}).
 */
public final class PreferencesHandler {

    private final Preferences preferences;
    private final UnsubscribeTokens tokens;

    public PreferencesHandler(Preferences preferences, UnsubscribeTokens tokens) {
        this.preferences = preferences;
        this.tokens = tokens;
    }

    /** GET /account/notifications */
    public void form(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        render(ctx, preferences.of(who.accountId(), who.role() == Role.CUSTOMER), ctx.queryParam("saved") != null);
    }

    /** POST /account/notifications: a checkbox per topic; one left out is a no. */
    public void save(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        boolean customer = who.role() == Role.CUSTOMER;
        Map<Topic, Boolean> wanted = new LinkedHashMap<>();
        Topic.of(customer).forEach(topic -> wanted.put(topic, "on".equals(ctx.formParam(topic.code()))));
        preferences.save(who.accountId(), customer, wanted);
        ctx.redirect("/account/notifications?saved", HttpStatus.SEE_OTHER);
    }

    /** GET /unsubscribe?token=... */
    public void confirm(Context ctx) {
        String token = ctx.queryParam("token");
        Optional<UnsubscribeTokens.Subject> subject = tokens.verify(token);
        ctx.header("Cache-Control", "no-store");
        if (subject.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).render("notify/unsubscribe.html", Map.of("state", "unknown"));
            return;
        }
        ctx.render("notify/unsubscribe.html", Map.of("state", "confirm", "token", token,
                "topic", subject.get().topic().labelKey()));
    }

    /** POST /unsubscribe?token=... */
    public void unsubscribe(Context ctx) {
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse(ctx.formParam("token"));
        Optional<UnsubscribeTokens.Subject> subject = tokens.verify(token);
        ctx.header("Cache-Control", "no-store");
        if (subject.isEmpty() || !preferences.turnOff(subject.get().accountId(), subject.get().topic())) {
            ctx.status(HttpStatus.NOT_FOUND).render("notify/unsubscribe.html", Map.of("state", "unknown"));
            return;
        }
        ctx.render("notify/unsubscribe.html", Map.of("state", "done", "topic", subject.get().topic().labelKey()));
    }

    private static void render(Context ctx, Map<Topic, Boolean> choices, boolean saved) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("choices", choices);
        model.put("saved", saved);
        ctx.render("notify/preferences.html", model);
    }
}
