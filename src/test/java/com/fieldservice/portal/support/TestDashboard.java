package com.fieldservice.portal.support;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.backoffice.BackOfficeHandler;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The back office's dashboard over a database, as a planner sees it at the moment of a given
 * clock (the portal itself always runs on the real time): its "today", "this week" and weeks.
 */
public final class TestDashboard {

    private TestDashboard() {
    }

    /** The dashboard page, counted afresh at {@code clock}'s moment. */
    public static Document at(Jdbi jdbi, BusinessClock clock) {
        BackOfficeHandler dashboard = new BackOfficeHandler(jdbi, clock);
        Javalin server = Javalin.create(c -> {
            c.fileRenderer(new ThymeleafRenderer(new DateDisplay(clock)));
            c.routes.before(ctx -> RequestScope.setPrincipal(ctx, new Principal(UUID.randomUUID(), "pat", Role.PLANNER,
                    "Pat", Optional.empty(), Optional.empty(), Optional.empty(), false)));
            c.routes.get("/backoffice", dashboard::home);
        }).start(0);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/backoffice")).build(), HttpResponse.BodyHandlers.ofString());
            return Jsoup.parse(answer.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            server.stop();
        }
    }

    /** A headline figure of the page ("dash-overdue", "dash-due-week", ...), without thousands separators. */
    public static String headline(Document page, String id) {
        return page.getElementById(id).selectFirst("span").text().replace(",", "");
    }
}
