package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A page rendered without a request (bench/RenderGrid.java) is the one a request with the same values gets. */
class ThymeleafRendererTest {

    private final ThymeleafRenderer renderer = new ThymeleafRenderer(
            new DateDisplay(BusinessClock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneId.of("Europe/Brussels"))));

    @Test
    void thePageIsInTheRequestsLanguageForWhoeverIsSignedInWithTheRequestsId() {
        Principal planner = new Principal(UUID.randomUUID(), "planner@example.test", Role.PLANNER, "Pieter <Planner>",
                Optional.of(UUID.randomUUID()), Optional.empty(), Optional.empty(), false);
        Document page = render(new ThymeleafRenderer.Request(Language.NL, Map.of(), "request-17", planner, "form-token",
                List.of(new Language.Link(Language.FR, "/x?lang=fr"))));
        assertThat(page.select("html").attr("lang")).isEqualTo("nl");
        assertThat(page.getElementById("current-user").text()).isEqualTo("Pieter <Planner>");
        assertThat(page.select("#sign-out").text()).isEqualTo(Texts.get(Language.NL, "nav.signOut"));
        assertThat(page.select("input[name=_csrf]").val()).isEqualTo("form-token");
        assertThat(page.getElementById("reference").text()).isEqualTo("request-17");
    }

    @Test
    void signedOutTheSwitcherShowsTheRequestsLinks() {
        Document page = render(new ThymeleafRenderer.Request(Language.FR, Map.of(), "request-18", null, "form-token",
                List.of(new Language.Link(Language.NL, "/somewhere?lang=nl"))));
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.getElementById("current-user")).isNull();
        assertThat(page.select("#language-switcher a").eachAttr("href")).containsExactly("/somewhere?lang=nl");
    }

    private Document render(ThymeleafRenderer.Request request) {
        StringWriter out = new StringWriter();
        renderer.render("errors/404.html", Map.of(), request, out);
        return Jsoup.parse(out.toString());
    }
}
