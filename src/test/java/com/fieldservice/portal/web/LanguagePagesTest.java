package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.jobs.DateInput;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import com.fieldservice.portal.support.FormValues;
import com.fieldservice.portal.support.TestAccounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * bring; {@code <html lang>} names the language. Then the pages that only data brings out (the
 * planning board with visits, a work order's visit forms and their messages, a work order awaiting
 * the team's reply and the grid's filter for them, /track's result, a closed work order's notice to
 * its customer), each checked to show what it is walked for.
 */
class LanguagePagesTest {

    /** English that no French or Dutch page should show (the demo's own English data aside). */
    private static final List<String> ENGLISH_MARKERS = List.of("Work order", "work order", "Sign in", "Sign out",
            "Back office", "Please", "Required", "Choose", "Search", "Previous", "Next", "Save",
            "Your ", "Technician", "Skip to content", "Service team");
    /**
     * The English names of installation statuses and countries, which the elements that show
     * them (an extra's {@code shows}, when it reads data) may not hold in French or Dutch; with
     * those of the statuses, types, priorities and skills translated in the database.
     */
    private static final List<String> ENGLISH_DATA = List.of("In service", "Out of service", "Removed", "Belgium",
            "Netherlands", "Germany", "United Kingdom", "Spain", "Italy", "United States");
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
    static List<Extra> extras;
    static Map<Language, List<String>> translatedReference;

    /**
     * A page walked besides the route table, as a visitor (posted when it has a form), with the
     * element it must show; {@code data}: those elements show reference data (statuses, countries,
     * names), which must read in the page's language.
     */
    record Extra(Visitor visitor, String path, Map<String, String> form, String shows, boolean data) {
        Extra(Visitor visitor, String path, Map<String, String> form, String shows) {
            this(visitor, path, form, shows, false);
        }
    }

    @BeforeAll
    static void start() {
        portal = TestPortal.start(Map.of("PORTAL_DEMO_JOBS", "300"));
        aliceJob = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT min(j.id2) FROM jobs j JOIN contact c ON c.company_id = j.company_id
                 WHERE c.email = 'alice@acme.demo.test'""").mapTo(Integer.class).one());
        anyJob = portal.jdbi().withHandle(h -> h.createQuery("SELECT max(id2) FROM jobs").mapTo(Integer.class).one());
        aliceAccount = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT id::text FROM account WHERE username = 'alice@acme.demo.test'").mapTo(String.class).one());
        extras = extras();
        extras.addAll(dataExtras());
        translatedReference = Map.of(Language.FR, translatedReference("fr"), Language.NL, translatedReference("nl"));
    }

    /** The base (English) names of statuses, types, priorities and skills that read otherwise in the language. */
    private static List<String> translatedReference(String language) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT x.name FROM (SELECT id, name FROM job_status UNION ALL SELECT id, name FROM job_type
                       UNION ALL SELECT id, name FROM job_priority UNION ALL SELECT id, name FROM skill) x
                 WHERE translated_name(x.id, :language) <> x.name""").bind("language", language).mapTo(String.class).list());
    }

    /**
     * Pages whose data is the portal's to name: a work order on an installation out of service,
     * at an address in the Netherlands, with an internal note by a member of staff who has no
     * name (the team's), and its edit that came too late (type, priority, due day, country and
     * status changed both sides); a customer's work order at an address in Germany.
     */
    private static List<Extra> dataExtras() {
        int job = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j JOIN project p ON p.id = j.project_id JOIN job_status s ON s.id = j.job_status_id
                 WHERE p.is_mobile_installation AND NOT s.is_closed
                   AND EXISTS (SELECT 1 FROM job_status_transition x WHERE x.from_job_status_id = s.id)
                 ORDER BY j.id2 LIMIT 1""").mapTo(Integer.class).one());
        portal.jdbi().useHandle(h -> h.execute("""
                UPDATE project SET project_status_id = (SELECT id FROM project_status WHERE code = 'STANDBY')
                 WHERE id = (SELECT project_id FROM jobs WHERE id2 = ?)""", job));
        Map<String, String> country = ids("SELECT code, id::text FROM db_country WHERE code IN ('NL', 'DE', 'BE')");
        Map<String, String> type = ids("SELECT code, id::text FROM job_type");
        Map<String, String> priority = ids("SELECT code, id::text FROM job_priority");

        TestAccounts.staff(portal.jdbi(), "desk@demo.test", "planner");
        portal.jdbi().useHandle(h -> h.execute("UPDATE app_user SET firstname = NULL, lastname = NULL WHERE username = 'desk@demo.test'"));
        WebSession desk = portal.signedIn("desk@demo.test");
        desk.get("/backoffice/jobs/" + job);
        assertThat(desk.post("/backoffice/jobs/" + job + "/comments", Map.of("comment", "Key at the front desk.",
                "visibility", "internal")).statusCode()).isEqualTo(303);

        // the form as one planner opened it, then saved meanwhile by another, then sent with other changes
        WebSession planner = portal.visitor();
        planner.signIn(Visitor.PLANNER.username, DemoData.DEMO_PASSWORD);
        Map<String, String> stale = FormValues.of(planner.get("/backoffice/jobs/" + job + "/edit").body());
        Map<String, String> theirs = new HashMap<>(stale);
        theirs.putAll(Map.of("job_type_id", type.get("MAINT"), "job_priority_id", priority.get("HIGH"),
                "due_date", "2026-12-20", "db_address_db_country_id", country.get("NL")));
        assertThat(planner.post("/backoffice/jobs/" + job + "/edit", theirs).statusCode()).isEqualTo(303);
        List<String> next = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT t.code FROM jobs j JOIN job_status_transition x ON x.from_job_status_id = j.job_status_id
                  JOIN job_status t ON t.id = x.to_job_status_id WHERE j.id2 = :job AND NOT t.is_closed ORDER BY t.sort_order""")
                .bind("job", job).mapTo(String.class).list());
        planner.get("/backoffice/jobs/" + job);
        assertThat(next.stream().anyMatch(code -> planner.post("/backoffice/jobs/" + job + "/status",
                Map.of("status", code)).statusCode() == 303)).as("a status the work order may move to").isTrue();
        Map<String, String> yours = new HashMap<>(stale);
        yours.putAll(Map.of("job_type_id", type.get("INSP"), "job_priority_id", priority.get("LOW"),
                "due_date", "2026-12-22", "db_address_db_country_id", country.get("DE")));

        int customerJob = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT min(j.id2) FROM jobs j JOIN contact c ON c.company_id = j.company_id
                 WHERE c.email = 'alice@acme.demo.test' AND j.db_address_id IS NOT NULL""").mapTo(Integer.class).one());
        portal.jdbi().useHandle(h -> h.execute("""
                UPDATE db_address SET db_country_id = (SELECT id FROM db_country WHERE code = 'DE')
                 WHERE id = (SELECT db_address_id FROM jobs WHERE id2 = ?)""", customerJob));

        List<Extra> all = new ArrayList<>();
        all.add(new Extra(Visitor.CUSTOMER, "/portal/jobs/" + customerJob, null, "#job-address", true));
        for (Visitor staff : List.of(Visitor.PLANNER, Visitor.ADMIN)) {
            all.add(new Extra(staff, "/backoffice/jobs/" + job, null,
                    "#installation-status, #db-address-db-country-id, #conversation-timeline .timeline-author", true));
            all.add(new Extra(staff, "/backoffice/jobs/" + job + "/edit", yours, "#changes", true));
        }
        return all;
    }

    private static Map<String, String> ids(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).setMapKeyColumn("code").setMapValueColumn("id")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() { }));
    }

    /**
     * The data-filled pages: a work order with visits (not one of the demo's repairs, whose English
     * description asks "Please diagnose") now awaits a reply; the rest is the demo's.
     */
    private static List<Extra> extras() {
        var visit = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id2, pl.date_start FROM jobs j JOIN job_planning pl ON pl.job_id = j.id
                 WHERE j.date_closed IS NULL AND coalesce(j.description, '') NOT LIKE '%Please%'
                 ORDER BY j.id2 LIMIT 1""")
                .map((rs, c) -> Map.entry(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).one());
        int visitJob = visit.getKey();
        String week = DateInput.weekOf(visit.getValue().atZoneSameInstant(ZoneId.of("Europe/Brussels")).toLocalDate());
        portal.jdbi().useHandle(h -> h.execute(
                "INSERT INTO job_awaiting_reply (job_id) SELECT id FROM jobs WHERE id2 = ? ON CONFLICT DO NOTHING", visitJob));
        var tracked = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id2, j.customer_reference FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE j.customer_reference IS NOT NULL AND s.visit_state = 'confirmed'
                   AND EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id)
                 ORDER BY j.id2 LIMIT 1""").map((rs, c) -> Map.entry(rs.getInt(1), rs.getString(2))).one());
        List<Integer> aliceClosed = portal.jdbi().withHandle(h -> h.createQuery("""
                (SELECT j.id2 FROM jobs j JOIN contact c ON c.company_id = j.company_id
                  WHERE c.email = 'alice@acme.demo.test' AND j.date_closed IS NOT NULL ORDER BY j.date_closed DESC LIMIT 1)
                UNION ALL
                (SELECT j.id2 FROM jobs j JOIN contact c ON c.company_id = j.company_id
                  WHERE c.email = 'alice@acme.demo.test' AND j.date_closed IS NOT NULL ORDER BY j.date_closed LIMIT 1)""")
                .mapTo(Integer.class).list());
        String refusedStatus = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT s.code FROM jobs j, job_status s
                 WHERE j.id2 = :job AND s.id <> j.job_status_id AND NOT EXISTS (SELECT 1 FROM job_status_transition x
                       WHERE x.from_job_status_id = j.job_status_id AND x.to_job_status_id = s.id)
                 ORDER BY s.sort_order LIMIT 1""").bind("job", visitJob).mapTo(String.class).one());
        String technician = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT id::text FROM app_user WHERE allow_service_app AND NOT disabled AND NOT archived ORDER BY code LIMIT 1")
                .mapTo(String.class).one());
        List<Extra> all = new ArrayList<>();
        all.add(new Extra(Visitor.ANONYMOUS, "/track", Map.of("number", String.valueOf(tracked.getKey()),
                "customer_reference", tracked.getValue()), "#tracked-next-visit"));
        aliceClosed.forEach(n -> all.add(new Extra(Visitor.CUSTOMER, "/portal/jobs/" + n, null, "#actions-closed, #actions-call")));
        for (Visitor staff : List.of(Visitor.PLANNER, Visitor.ADMIN)) {
            all.add(new Extra(staff, "/backoffice/planning?week=" + week, null, "#board .board-visit"));
            all.add(new Extra(staff, "/backoffice/planning?week=2026-W99", null, "#bad-week"));
            all.add(new Extra(staff, "/backoffice/jobs?awaiting_reply=1", null, ".awaiting-reply"));
            all.add(new Extra(staff, "/backoffice/jobs/" + visitJob, null, "#awaiting-reply"));
            all.add(new Extra(staff, "/backoffice/jobs/" + visitJob, null, "#visits .visit .visit-form"));
            all.add(new Extra(staff, "/backoffice/jobs/" + visitJob + "/visits", Map.of(), "#visit-errors li"));
            all.add(new Extra(staff, "/backoffice/jobs/" + visitJob + "/status", Map.of("status", refusedStatus), "#status-refused"));
        }
        all.add(new Extra(Visitor.ADMIN, "/backoffice/planning/technicians/" + technician + "/calendar", Map.of(), "#calendar-url"));
        return all;
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
        for (Extra extra : extras.stream().filter(e -> e.visitor() == visitor).toList()) {
            HttpResponse<String> answer;
            if (extra.form() == null) {
                answer = session.get(extra.path());
            } else {
                session.get(visitor == Visitor.ANONYMOUS ? "/login" : "/account");
                answer = session.post(extra.path(), extra.form());
            }
            String where = (extra.form() == null ? "GET " : "POST ") + extra.path() + " (" + answer.statusCode() + ")";
            assertThat(Jsoup.parse(answer.body()).select(extra.shows())).as(where + " shows " + extra.shows()).isNotEmpty();
            check(wrong, where, answer.body(), language);
            if (extra.data() && language != Language.EN) {
                String shown = Jsoup.parse(answer.body()).select(extra.shows()).text();
                Stream.concat(ENGLISH_DATA.stream(), translatedReference.get(language).stream())
                        .filter(english -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(english) + "(?!\\p{L})").matcher(shown).find())
                        .forEach(english -> wrong.add(where + ": English name “" + english + "” in " + extra.shows()));
            }
        }
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
        return path.replace("{number}", String.valueOf(number)).replace("{id}", aliceAccount).replaceAll("\\{[^}]+}", "1");
    }
}
