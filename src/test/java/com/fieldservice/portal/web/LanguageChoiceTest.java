package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which language a page is in: the signed-in person's own, else the visitor's ?lang= choice (kept
 * in a cookie), else the browser's Accept-Language, else PORTAL_DEFAULT_LANGUAGE; URLs stay the same.
 */
class LanguageChoiceTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(Map.of("PORTAL_DEFAULT_LANGUAGE", "nl"));
        TestAccounts.customer(portal.jdbi(), "LANG", "claire@lang.test");
        TestAccounts.staff(portal.jdbi(), "admin@lang.test", "admin");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void aVisitorWhoseBrowserAsksForNoLanguageOfThePortalReadsTheDefault() {
        assertThat(lang(get(portal.visitor(), "/login", null))).isEqualTo("nl");
        assertThat(lang(get(portal.visitor(), "/login", "de-DE,de;q=0.9"))).isEqualTo("nl");
        assertThat(lang(get(portal.visitor(), "/login", "garbage;;q=x"))).isEqualTo("nl");
    }

    @Test
    void aVisitorReadsTheFirstLanguageTheirBrowserAsksForThatThePortalSpeaks() {
        assertThat(lang(get(portal.visitor(), "/login", "fr-BE,fr;q=0.9,en;q=0.8"))).isEqualTo("fr");
        assertThat(lang(get(portal.visitor(), "/track", "de-DE,en-GB;q=0.8,fr;q=0.5"))).isEqualTo("en");
        assertThat(lang(get(portal.visitor(), "/track", "fr;q=0.2,nl;q=0.9"))).isEqualTo("nl");
    }

    @Test
    void aLanguageLinkIsKeptInACookieAndWinsOverTheBrowser() {
        WebSession visitor = portal.visitor();
        HttpResponse<String> chosen = get(visitor, "/track?lang=fr", "nl-BE");
        assertThat(lang(chosen)).isEqualTo("fr");
        assertThat(chosen.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(Language.COOKIE + "=fr;"));
        Document later = Jsoup.parse(get(visitor, "/login", "nl-BE").body());
        assertThat(later.select("html").attr("lang")).isEqualTo("fr");
        assertThat(later.select("h1").text()).isEqualTo(Texts.get(Language.FR, "signIn.title"));
        // the switcher leads to the same page, its query kept
        assertThat(Jsoup.parse(get(visitor, "/set-password?token=abc", null).body())
                .select("#language-switcher a[hreflang=nl]").attr("href")).isEqualTo("/set-password?token=abc&lang=nl");
        assertThat(lang(get(visitor, "/login?lang=xx", "nl-BE"))).isEqualTo("fr");
    }

    @Test
    void aSignedInPersonReadsTheLanguageOfTheirAccountWhateverTheBrowserOrCookieSays() {
        WebSession claire = portal.signedIn("claire@lang.test");
        get(claire, "/login?lang=fr", null);
        assertThat(lang(get(claire, "/portal", "en"))).isEqualTo("fr");

        claire.get("/account");
        HttpResponse<String> saved = claire.post("/account/language", Map.of("language", "en"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/account?saved");
        assertThat(lang(get(claire, "/portal", "nl"))).isEqualTo("en");
        Document account = Jsoup.parse(claire.get("/account?saved").body());
        assertThat(account.select("#language option[selected]").val()).isEqualTo("en");
        assertThat(account.select("#language-saved").text()).isEqualTo(Texts.get(Language.EN, "account.language.saved"));

        HttpResponse<String> refused = claire.post("/account/language", Map.of("language", "de"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#language-error").text())
                .isEqualTo(Texts.get(Language.EN, "account.language.unknown"));
        assertThat(languageOf("claire@lang.test")).contains("en");
    }

    @Test
    void changingTheLanguageNeedsTheFormsToken() {
        WebSession claire = portal.signedIn("claire@lang.test");
        assertThat(claire.postRaw("/account/language", Map.of("language", "fr")).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorInvitesAContactInTheirLanguage() {
        WebSession admin = portal.signedIn("admin@lang.test");
        admin.get("/admin/accounts/invite");
        HttpResponse<String> invited = admin.post("/admin/accounts/invite", Map.of("company", "LANG", "first_name", "Jan",
                "last_name", "Peeters", "email", "jan@lang.test", "scope", "company", "language", "nl"));
        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(languageOf("jan@lang.test")).contains("nl");

        admin.get("/admin/accounts/invite");
        HttpResponse<String> wrong = admin.post("/admin/accounts/invite", Map.of("company", "LANG", "first_name", "Ann",
                "last_name", "Dupont", "email", "ann@lang.test", "scope", "company", "language", "klingon"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(wrong.body()).select("#language-error").text()).isNotEmpty();
    }

    @Test
    void csvExportsForFrenchAndDutchReadersSeparateWithSemicolonsAfterAByteOrderMark() {
        WebSession claire = portal.signedIn("claire@lang.test");
        claire.get("/account");
        claire.post("/account/language", Map.of("language", "fr"));
        String customers = claire.get("/portal/jobs.csv").body();
        assertThat(customers).startsWith("\uFEFF" + Texts.get(Language.FR, "portal.jobs.col.number") + ";"
                + Texts.get(Language.FR, "portal.jobs.col.name") + ";");

        WebSession admin = portal.signedIn("admin@lang.test");
        admin.get("/account");
        admin.post("/account/language", Map.of("language", "nl"));
        assertThat(admin.get("/backoffice/jobs.csv").body()).startsWith("\uFEFF" + Texts.get(Language.NL, "field.id2") + ";"
                + Texts.get(Language.NL, "field.name") + ";");
        // what scripts read does not change with anyone's language
        assertThat(admin.get("/backoffice/jobs.csv?names=reference").body()).startsWith("\uFEFFid2,name,company,");
        admin.post("/account/language", Map.of("language", "en"));
        assertThat(admin.get("/backoffice/jobs.csv").body()).startsWith("\uFEFF" + Texts.get(Language.EN, "field.id2") + ",");
    }

    private static Optional<String> languageOf(String username) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT language FROM account WHERE username = :u")
                .bind("u", username).mapTo(String.class).findOne());
    }

    private static HttpResponse<String> get(WebSession session, String path, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return session.send(request.build());
    }

    private static String lang(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("html").attr("lang");
    }
}
