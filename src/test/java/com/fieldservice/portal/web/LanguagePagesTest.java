package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Walks every page of the route table, in every language, as a visitor, a customer, a planner and
 * an administrator (over the demo data, so that lists, work orders and accounts are filled in),
 * plus the forms' answers to an empty form (every field's message). No page may show a missing
 * key's marker ({@code ??key_fr??}); a French or Dutch page may hold no English text of the
 * bundles and none of a short list of English words that only a forgotten template text would
 * bring; {@code <html lang>} names the language.
 */
class LanguagePagesTest {

    /** English that no French or Dutch page should show (the demo's own English data aside). */
    private static final List<String> ENGLISH_MARKERS = List.of("Work order", "work order", "Sign in", "Sign out",
            "Back office", "Please", "Required", "Choose", "Search", "Previous", "Next", "Save",
            "Your ", "Technician", "Skip to content");
    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[A-Za-z0-9_.\\-]+_[a-z]*\\?\\?");
    /** Forms whose empty submission answers a page with its messages, and changes nothing. */
    private static final Set<String> FORMS = Set.of("/login", "/track", "/account/password", "/account/language",
            "/backoffice/jobs/new", "/backoffice/jobs/{number}/edit", "/portal/report", "/admin/accounts/invite",
            "/admin/accounts/new-staff", "/admin/accounts/new-api", "/portal/jobs/{number}/comments",
            "/backoffice/jobs/{number}/comments");

    static TestPortal portal;
    static int aliceJob;
    static int anyJob;
    static String aliceAccount;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(Map.of("PORTAL_DEMO_JOBS", "300"));
        aliceJob = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT min(j.id2) FROM jobs j JOIN contact c ON c.company_id = j.company_id
                 WHERE c.email = 'alice@acme.demo.test'""").mapTo(Integer.class).one());
        anyJob = portal.jdbi().withHandle(h -> h.createQuery("SELECT max(id2) FROM jobs").mapTo(Integer.class).one());
        aliceAccount = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT id::text FROM account WHERE username = 'alice@acme.demo.test'").mapTo(String.class).one());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    enum Visitor {
        ANONYMOUS(null, null), CUSTOMER(Role.CUSTOMER, "alice@acme.demo.test"), PLANNER(Role.PLANNER, "planner@demo.test"),
        ADMIN(Role.ADMIN, "admin@demo.test");

        final Role role;
        final String username;

        Visitor(Role role, String username) {
            this.role = role;
            this.username = username;
        }
    }

    @ParameterizedTest
    @EnumSource(Visitor.class)
    void everyPageReadsInFrench(Visitor visitor) {
        walk(visitor, Language.FR);
    }

    @ParameterizedTest
    @EnumSource(Visitor.class)
    void everyPageReadsInDutch(Visitor visitor) {
        walk(visitor, Language.NL);
    }

    @ParameterizedTest
    @EnumSource(Visitor.class)
    void everyPageReadsInEnglish(Visitor visitor) {
        walk(visitor, Language.EN);
    }

    private static void walk(Visitor visitor, Language language) {
        // the empty sign-in form counts as a failed attempt: no walk inherits another's slowdown
        portal.jdbi().useHandle(h -> h.execute("DELETE FROM sign_in_attempt"));
        WebSession session = session(visitor, language);
        List<String> wrong = new ArrayList<>();
        int pages = 0;
        for (Routes.Route route : portal.app().routeTable()) {
            boolean served = route.roles().contains(Role.ANYONE) || (visitor.role != null && route.roles().contains(visitor.role));
            if (!served || route.path().startsWith("/api/") || route.path().contains("/files/")) {
                continue;
            }
            String path = concrete(route.path(), visitor);
            HttpResponse<String> answer;
            if (route.method() == HandlerType.GET) {
                answer = session.get(path);
            } else if (FORMS.contains(route.path())) {
                session.get(visitor == Visitor.ANONYMOUS ? "/login" : "/account");
                answer = session.post(path, Map.of());
            } else {
                continue;
            }
            if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                pages++;
                check(wrong, route.method() + " " + path + " (" + answer.statusCode() + ")", answer.body(), language);
            }
        }
        assertThat(pages).as("pages walked").isGreaterThan(3);
        assertThat(wrong).isEmpty();
    }

    /** The visitor reading the portal in a language: by ?lang= before signing in, on their account after. */
    private static WebSession session(Visitor visitor, Language language) {
        WebSession session = portal.visitor();
        if (visitor == Visitor.ANONYMOUS) {
            session.get("/login?lang=" + language.code());
            return session;
        }
        session.signIn(visitor.username, DemoData.DEMO_PASSWORD);
        session.get("/account");
        HttpResponse<String> saved = session.post("/account/language", Map.of("language", language.code()));
        assertThat(saved.statusCode()).isEqualTo(303);
        return session;
    }

    static void check(List<String> wrong, String where, String html, Language language) {
        Document page = Jsoup.parse(html);
        if (!page.select("html").attr("lang").equals(language.code())) {
            wrong.add(where + ": <html lang=" + page.select("html").attr("lang") + ">");
        }
        StringBuilder text = new StringBuilder(page.text());
        page.select("[placeholder],[title],[aria-label]").forEach(e -> text.append(' ').append(e.attr("placeholder"))
                .append(' ').append(e.attr("title")).append(' ').append(e.attr("aria-label")));
        String all = text.toString();
        if (MISSING_KEY.matcher(html).find()) {
            wrong.add(where + ": a missing key " + MISSING_KEY.matcher(html).results().map(r -> r.group()).toList());
        }
        if (language == Language.EN) {
            return;
        }
        ENGLISH_MARKERS.stream().filter(all::contains).forEach(marker -> wrong.add(where + ": English “" + marker + "”"));
        untranslated(language).stream().filter(all::contains)
                .forEach(english -> wrong.add(where + ": English text “" + english + "”"));
    }

    /** The English texts of the bundles that read differently in the language, long enough to be a sentence. */
    private static List<String> untranslated(Language language) {
        List<String> texts = new ArrayList<>();
        for (String bundle : Texts.BUNDLES) {
            Properties english = Texts.file(bundle, Language.EN);
            Properties translated = Texts.file(bundle, language);
            english.stringPropertyNames().stream()
                    .map(key -> english.getProperty(key).equals(translated.getProperty(key)) ? null : english.getProperty(key))
                    .filter(t -> t != null && !t.contains("{") && t.split(" ").length >= 3)
                    .forEach(texts::add);
        }
        return texts;
    }

    private static String concrete(String path, Visitor visitor) {
        int number = visitor == Visitor.CUSTOMER ? aliceJob : anyJob;
        return path.replace("{number}", String.valueOf(number)).replace("{id}", aliceAccount);
    }
}
