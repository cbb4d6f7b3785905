package com.fieldservice.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import com.fieldservice.portal.web.Routes;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administration pages and the set-password page over HTTP, against the whole portal. */
class AdminPagesTest {

    static TestPortal portal;
    static UUID adminId;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        adminId = TestAccounts.staff(portal.jdbi(), "root@portal.test", "admin");
        TestAccounts.staff(portal.jdbi(), "pat@portal.test", "planner");
        TestAccounts.customer(portal.jdbi(), "ACME", "casey@acme.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    /** Every test signs in from 127.0.0.1: failures of one must not throttle the next. */
    @BeforeEach
    void forgetFailedAttempts() {
        portal.jdbi().useHandle(h -> h.execute("DELETE FROM sign_in_attempt"));
    }

    @Test
    void anAdminCreatesAPlannerWhoSetsTheirPasswordWithTheLinkAndSignsIn() {
        WebSession admin = admin();
        HttpResponse<String> created = post(admin, "/admin/accounts/new-staff",
                Map.of("email", "maria@portal.test", "first_name", "Maria", "last_name", "Lopez", "role", "planner"));
        assertThat(created.statusCode()).isEqualTo(303);
        String issuedPage = created.headers().firstValue("Location").orElseThrow();
        assertThat(issuedPage).matches("/admin/accounts/[0-9a-f-]{36}/issued");

        HttpResponse<String> shown = admin.get(issuedPage);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control")).contains("no-store");
        String link = Jsoup.parse(shown.body()).select("#set-password-link").attr("value");
        assertThat(link).startsWith(portal.url("/set-password?token="));
        assertThat(shown.body()).doesNotContain("style=", "<script>");

        // once only
        Document again = Jsoup.parse(admin.get(issuedPage).body());
        assertThat(again.select("#set-password-link")).isEmpty();
        assertThat(again.select("#already-shown")).hasSize(1);

        WebSession maria = portal.visitor();
        HttpResponse<String> form = maria.get(path(link));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(form.body()).select("input[name=token]").attr("value")).isEqualTo(token(link));
        HttpResponse<String> set = maria.post("/set-password",
                Map.of("token", token(link), "new_password", "maria-secret-1", "confirm_password", "maria-secret-1"));
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(set.headers().firstValue("Location")).contains("/login?password-set");
        assertThat(Jsoup.parse(maria.get("/login?password-set").body()).select("#password-set").text())
                .isEqualTo("Your password is saved. Sign in with it now.");

        HttpResponse<String> signedIn = portal.visitor().signIn("maria@portal.test", "maria-secret-1");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/backoffice");
        assertThat(auditEvents("maria@portal.test")).contains("password_set");

        // a used link is refused, with the same answer as an unknown one
        WebSession late = portal.visitor();
        late.get("/login");
        HttpResponse<String> reused = late.get(path(link));
        assertThat(reused.statusCode()).isEqualTo(410);
        HttpResponse<String> reusedPost = late.post("/set-password",
                Map.of("token", token(link), "new_password", "other-secret-2", "confirm_password", "other-secret-2"));
        assertThat(reusedPost.statusCode()).isEqualTo(410);
        HttpResponse<String> unknown = late.get("/set-password?token=nonsense");
        assertThat(unknown.statusCode()).isEqualTo(410);
        assertThat(refusal(reused)).isEqualTo(refusal(unknown)).isEqualTo(refusal(reusedPost))
                .contains("unknown, has expired or was used already");
        assertThat(portal.visitor().signIn("maria@portal.test", "other-secret-2").statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredLinkIsRefusedLikeAnUnknownOne() {
        String link = createStaff("late@portal.test");
        portal.jdbi().useHandle(h -> h.execute(
                "UPDATE password_link SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE username = ?)",
                "late@portal.test"));
        WebSession visitor = portal.visitor();
        visitor.get("/login");
        HttpResponse<String> expired = visitor.get(path(link));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(refusal(expired)).isEqualTo(refusal(visitor.get("/set-password?token=" + "x".repeat(43))));
        assertThat(visitor.post("/set-password", Map.of("token", token(link), "new_password", "late-secret-1",
                "confirm_password", "late-secret-1")).statusCode()).isEqualTo(410);
    }

    @Test
    void theNewPasswordFollowsThePasswordRules() {
        String link = createStaff("rules@portal.test");
        WebSession visitor = portal.visitor();
        visitor.get(path(link));
        HttpResponse<String> tooShort = visitor.post("/set-password",
                Map.of("token", token(link), "new_password", "short", "confirm_password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(tooShort.body());
        assertThat(page.select("#new_password-error").text()).isEqualTo("The new password needs at least 8 characters.");
        assertThat(page.select("#error-summary")).hasSize(1);
        assertThat(page.select("input[name=token]").attr("value")).isEqualTo(token(link));
        assertThat(page.select("input[type=password]").eachAttr("value")).allMatch(String::isEmpty);
        HttpResponse<String> mismatch = visitor.post("/set-password",
                Map.of("token", token(link), "new_password", "long-enough-1", "confirm_password", "long-enough-2"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(mismatch.body()).select("#confirm_password-error").text()).isEqualTo("The two new passwords differ.");
        // the link still works after a refused password
        assertThat(visitor.post("/set-password", Map.of("token", token(link), "new_password", "long-enough-1",
                "confirm_password", "long-enough-1")).statusCode()).isEqualTo(303);
    }

    @Test
    void anInvitedCustomerWhoSeesOnlyTheirOwnRequestsSetsAPasswordAndLandsOnThePortal() {
        TestAccounts.company(portal.jdbi(), "GLOBEX");
        WebSession admin = admin();
        Document form = Jsoup.parse(admin.get("/admin/accounts/invite").body());
        assertThat(form.select("select#company option").eachAttr("value")).contains("ACME", "GLOBEX");
        assertThat(form.select("input[name=scope][checked]").attr("value")).isEqualTo("company");

        HttpResponse<String> invited = post(admin, "/admin/accounts/invite", Map.of("company", "GLOBEX", "first_name", "Gina",
                "last_name", "Globex", "email", "gina@globex.test", "scope", "own_requests"));
        assertThat(invited.statusCode()).isEqualTo(303);
        String link = Jsoup.parse(admin.get(invited.headers().firstValue("Location").orElseThrow()).body())
                .select("#set-password-link").attr("value");
        String scope = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.portal_scope FROM account a JOIN contact c ON c.id = a.contact_id WHERE a.username = 'gina@globex.test'""")
                .mapTo(String.class).one());
        assertThat(scope).isEqualTo("own_requests");

        WebSession gina = portal.visitor();
        gina.get(path(link));
        assertThat(gina.post("/set-password", Map.of("token", token(link), "new_password", "gina-secret-1",
                "confirm_password", "gina-secret-1")).statusCode()).isEqualTo(303);
        HttpResponse<String> signedIn = gina.signIn("gina@globex.test", "gina-secret-1");
        assertThat(signedIn.headers().firstValue("Location")).contains("/portal");
        assertThat(gina.get("/portal").statusCode()).isEqualTo(200);
    }

    @Test
    void disablingASignedInAccountEndsItsSessionAtOnce() {
        UUID planner = TestAccounts.staff(portal.jdbi(), "soon.disabled@portal.test", "planner");
        WebSession victim = portal.signedIn("soon.disabled@portal.test");
        assertThat(victim.get("/backoffice").statusCode()).isEqualTo(200);

        WebSession admin = admin();
        HttpResponse<String> disabled = post(admin, "/admin/accounts/" + planner + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(admin.get(disabled.headers().firstValue("Location").orElseThrow()).body())
                .select("#account-status").text()).isEqualTo("Disabled");

        HttpResponse<String> next = victim.get("/backoffice");
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        assertThat(portal.visitor().signIn("soon.disabled@portal.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);

        assertThat(post(admin, "/admin/accounts/" + planner + "/enable", Map.of()).statusCode()).isEqualTo(303);
        assertThat(portal.visitor().signIn("soon.disabled@portal.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(auditEvents("root@portal.test")).contains("account_disabled", "account_enabled");
    }

    @Test
    void aResetEndsTheSessionsAndTheOldPasswordStopsWorkingAtOnce() {
        UUID customer = TestAccounts.customer(portal.jdbi(), "ACME", "reset.me@acme.test");
        WebSession person = portal.signedIn("reset.me@acme.test");
        assertThat(person.get("/portal").statusCode()).isEqualTo(200);

        WebSession admin = admin();
        HttpResponse<String> reset = post(admin, "/admin/accounts/" + customer + "/reset", Map.of());
        assertThat(reset.statusCode()).isEqualTo(303);
        String link = Jsoup.parse(admin.get(reset.headers().firstValue("Location").orElseThrow()).body())
                .select("#set-password-link").attr("value");
        assertThat(link).as("no SMTP server: the administrator is shown the link, once").isNotEmpty();
        assertThat(portal.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery("""
                SELECT count(*) FROM notification WHERE kind = 'account_reset' AND account_id = ?""")
                .bind(0, customer).mapTo(Integer.class).one())).as("and the message is in the outbox").isEqualTo(1);

        assertThat(person.get("/portal").statusCode()).isEqualTo(303);
        assertThat(portal.visitor().signIn("reset.me@acme.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);

        WebSession again = portal.visitor();
        again.get(path(link));
        assertThat(again.post("/set-password", Map.of("token", token(link), "new_password", "brand-new-pw",
                "confirm_password", "brand-new-pw")).statusCode()).isEqualTo(303);
        assertThat(portal.visitor().signIn("reset.me@acme.test", "brand-new-pw").statusCode()).isEqualTo(303);
        assertThat(auditEvents("root@portal.test")).contains("password_link_issued");
    }

    @Test
    void anAdminCantDisableThemselfAndIsToldWhy() {
        WebSession admin = admin();
        Document own = Jsoup.parse(admin.get("/admin/accounts/" + adminId).body());
        assertThat(own.select("#disable")).isEmpty();
        assertThat(own.select("#self-note")).hasSize(1);
        HttpResponse<String> refused = post(admin, "/admin/accounts/" + adminId + "/disable", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#account-error").text())
                .isEqualTo("You can’t disable your own account: ask another administrator.");
        assertThat(admin.get("/admin/accounts").statusCode()).isEqualTo(200);

        HttpResponse<String> demoted = post(admin, "/admin/accounts/" + adminId + "/edit",
                Map.of("email", "root@portal.test", "first_name", "Pat", "last_name", "Planner", "role", "planner"));
        assertThat(demoted.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(demoted.body()).select("#role-error").text())
                .isEqualTo("You can’t take the administrator role away from yourself: ask another administrator.");
    }

    @Test
    void aWrongFormComesBackWithWhatWasTypedAndAMessageAtEachWrongField() {
        WebSession admin = admin();
        HttpResponse<String> wrong = post(admin, "/admin/accounts/new-staff",
                Map.of("email", "maria at portal", "first_name", "Maria <b>", "last_name", "", "role", "planner"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(wrong.body());
        assertThat(page.select("input[name=email]").attr("value")).isEqualTo("maria at portal");
        assertThat(page.select("input[name=first_name]").attr("value")).isEqualTo("Maria <b>");
        assertThat(page.select("select[name=role] option[selected]").attr("value")).isEqualTo("planner");
        assertThat(page.select("#email-error").text()).isEqualTo("Enter an email address like name@example.com.");
        assertThat(page.select("#last_name-error").text()).isEqualTo("Enter the last name.");
        assertThat(page.select("#first_name-error")).isEmpty();
        assertThat(page.select("#error-summary li a").eachAttr("href")).containsExactly("#email", "#last_name");
        assertThat(wrong.body()).doesNotContain("<b>");

        HttpResponse<String> wrongInvite = post(admin, "/admin/accounts/invite",
                Map.of("company", "", "first_name", "Gina", "last_name", "G", "email", "casey@ACME.test", "scope", "own_requests"));
        assertThat(wrongInvite.statusCode()).isEqualTo(422);
        Document invite = Jsoup.parse(wrongInvite.body());
        assertThat(invite.select("#company-error").text()).isEqualTo("Choose the company.");
        assertThat(invite.select("#email-error").text()).isEqualTo("An account with this username already exists.");
        assertThat(invite.select("input[name=scope][checked]").attr("value")).isEqualTo("own_requests");
        assertThat(invite.select("input[name=first_name]").attr("value")).isEqualTo("Gina");
        assertThat(count("account WHERE username = 'maria at portal'") + count("contact WHERE lastname = 'G'")).isZero();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        UUID planner = TestAccounts.staff(portal.jdbi(), "csrf.target@portal.test", "planner");
        WebSession admin = admin();
        int accounts = count("account");
        HttpResponse<String> create = admin.postRaw("/admin/accounts/new-staff",
                Map.of("email", "forged@portal.test", "first_name", "F", "last_name", "G", "role", "admin"));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(admin.postRaw("/admin/accounts/" + planner + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.postRaw("/admin/accounts/" + planner + "/reset", Map.of("_csrf", "guess")).statusCode()).isEqualTo(403);
        assertThat(count("account")).isEqualTo(accounts);
        assertThat(count("account WHERE id = '" + planner + "' AND NOT disabled")).isEqualTo(1);
        assertThat(count("password_link WHERE account_id = '" + planner + "'")).isZero();
        assertThat(portal.visitor().postRaw("/set-password", Map.of("token", "x", "new_password", "p", "confirm_password", "p"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void everyAdministrationRouteRefusesPlannersCustomersAndVisitors() {
        String someAccount = adminId.toString();
        List<Routes.Route> adminRoutes = portal.app().routeTable().stream()
                .filter(route -> route.path().startsWith("/admin")).toList();
        assertThat(adminRoutes).hasSizeGreaterThanOrEqualTo(15).allSatisfy(route -> assertThat(route.roles()).containsOnly(Role.ADMIN));
        assertThat(portal.app().routeTable().stream().filter(route -> route.path().equals("/set-password")))
                .hasSize(2).allSatisfy(route -> assertThat(route.roles()).containsOnly(Role.ANYONE));

        WebSession planner = portal.signedIn("pat@portal.test");
        WebSession customer = portal.signedIn("casey@acme.test");
        planner.get("/backoffice");
        customer.get("/portal");
        for (Routes.Route route : adminRoutes) {
            String path = route.path().replace("{id}", someAccount);
            boolean get = route.method() == HandlerType.GET;
            for (WebSession who : List.of(planner, customer)) {
                HttpResponse<String> answer = get ? who.get(path) : who.post(path, Map.of());
                assertThat(answer.statusCode()).as(route.method() + " " + path).isEqualTo(403);
            }
            HttpResponse<String> anonymous = get ? portal.visitor().get(path) : portal.visitor().post(path, Map.of());
            assertThat(anonymous.statusCode()).as("anonymous " + route.method() + " " + path).isEqualTo(303);
            assertThat(anonymous.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/login");
        }
        assertThat(count("account WHERE id = '" + adminId + "' AND NOT disabled")).isEqualTo(1);
    }

    @Test
    void theAccountListFiltersByRoleAndText() {
        WebSession admin = admin();
        Document all = Jsoup.parse(admin.get("/admin/accounts").body());
        assertThat(all.select("#accounts tbody tr").size()).isGreaterThanOrEqualTo(3);
        Document customers = Jsoup.parse(admin.get("/admin/accounts?role=customer&q=acme%20ltd&sort=name").body());
        assertThat(customers.select("#accounts tbody tr td:eq(0)").eachText()).contains("casey@acme.test")
                .allMatch(name -> name.endsWith("@acme.test"));
        assertThat(customers.select("#accounts tbody tr td:eq(3)").eachText()).allMatch("ACME Ltd"::equals);
        assertThat(customers.select("select#role option[selected]").attr("value")).isEqualTo("customer");
        assertThat(customers.select("input#q").attr("value")).isEqualTo("acme ltd");
        Document none = Jsoup.parse(admin.get("/admin/accounts?q=nobody-has-this").body());
        assertThat(none.select("#no-accounts")).hasSize(1);
        assertThat(admin.get("/admin/accounts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/accounts/not-a-uuid/edit").statusCode()).isEqualTo(404);
    }

    @Test
    void anApiUserIsCreatedWithAPasswordShownOnceThatWorksOnTheApi() {
        WebSession admin = admin();
        HttpResponse<String> created = post(admin, "/admin/accounts/new-api", Map.of("username", "erp@portal.test"));
        assertThat(created.statusCode()).isEqualTo(303);
        String page = created.headers().firstValue("Location").orElseThrow();
        String password = Jsoup.parse(admin.get(page).body()).select("#api-password").attr("value");
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Jsoup.parse(admin.get(page).body()).select("#api-password")).isEmpty();

        String credentials = java.util.Base64.getEncoder().encodeToString(("erp@portal.test:" + password).getBytes());
        HttpResponse<String> api = portal.send(java.net.http.HttpRequest.newBuilder(URI.create(portal.url("/api/jobs/" + UUID.randomUUID())))
                .header("Authorization", "Basic " + credentials).GET().build());
        assertThat(api.statusCode()).isEqualTo(404);
    }

    @Test
    void theAuditLogShowsTheNewestFirstAndFiltersByEvent() {
        WebSession admin = admin();
        createStaff("audited@portal.test");
        Document page = Jsoup.parse(admin.get("/admin/audit").body());
        List<Long> ids = page.select("#audit tbody tr").eachAttr("data-id").stream().map(Long::parseLong).toList();
        assertThat(ids).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Document created = Jsoup.parse(admin.get("/admin/audit?event=account_created&user=ROOT@").body());
        assertThat(created.select("#audit tbody tr .audit-event").eachText()).isNotEmpty().allMatch("account_created"::equals);
        assertThat(created.select("#audit tbody tr").text()).contains("root@portal.test", "audited@portal.test (planner)", "127.0.0.1");
        assertThat(created.select("select#event option[selected]").attr("value")).isEqualTo("account_created");
        assertThat(Jsoup.parse(admin.get("/admin/audit?event=account_created&user=nobody").body()).select("#no-entries")).hasSize(1);
    }

    @Test
    void theAuditLogPagesByKeyset() {
        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO audit_log (username, event, detail) SELECT 'bulk@portal.test', 'sign_out', 'n' || i FROM generate_series(1, 60) i"""));
        WebSession admin = admin();
        Document first = Jsoup.parse(admin.get("/admin/audit?event=sign_out&user=bulk").body());
        assertThat(first.select("#audit tbody tr")).hasSize(50);
        assertThat(first.select("#audit tbody tr").first().text()).contains("n60");
        String older = first.select("a#older").attr("href");
        assertThat(older).contains("before=").contains("event=sign_out");
        Document second = Jsoup.parse(admin.get(older).body());
        assertThat(second.select("#audit tbody tr")).hasSize(10);
        assertThat(second.select("#audit tbody tr").first().text()).contains("n10");
        assertThat(second.select("a#older")).isEmpty();
        assertThat(second.select("a#newest")).hasSize(1);
    }

    @Test
    void failedLinkAttemptsAreThrottledPerAddress() {
        try (TestPortal own = TestPortal.start()) {
            WebSession guesser = own.visitor();
            guesser.get("/login");
            for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                assertThat(guesser.get("/set-password?token=guess" + i).statusCode()).isEqualTo(410);
            }
            HttpResponse<String> throttled = guesser.get("/set-password?token=one-more-guess");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
            assertThat(Jsoup.parse(throttled.body()).select("#set-password-error").text()).startsWith("Too many attempts");
            assertThat(guesser.post("/set-password", Map.of("token", "guess6", "new_password", "whatever-1",
                    "confirm_password", "whatever-1")).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void everyAdministrationPageRendersInTheLayoutWithNothingInline() {
        UUID planner = TestAccounts.staff(portal.jdbi(), "rendered@portal.test", "planner");
        UUID customer = TestAccounts.customer(portal.jdbi(), "ACME", "rendered@acme.test");
        WebSession admin = admin();
        for (String path : List.of("/admin/accounts", "/admin/accounts?sort=name&role=planner&q=x&page=7",
                "/admin/accounts/new-staff", "/admin/accounts/invite", "/admin/accounts/new-api",
                "/admin/accounts/" + planner, "/admin/accounts/" + planner + "/edit", "/admin/accounts/" + customer,
                "/admin/accounts/" + customer + "/issued", "/admin/audit", "/admin/audit?event=sign_in&before=3")) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("[style]")).as(path).isEmpty();
            assertThat(html.select("script:not([src])")).as(path).isEmpty();
            assertThat(html.select("nav.navbar a[href=/admin/accounts]")).as(path).hasSize(1);
            assertThat(html.select("form[method=post]")).as(path)
                    .allSatisfy(form -> assertThat(form.select("input[name=_csrf]").attr("value")).isNotEmpty());
        }
        assertThat(admin.get("/admin/accounts/" + customer + "/edit").statusCode()).isEqualTo(404);
        Document edit = Jsoup.parse(admin.get("/admin/accounts/" + planner + "/edit").body());
        assertThat(edit.select("input[name=email]").attr("value")).isEqualTo("rendered@portal.test");
        assertThat(edit.select("select[name=role] option[selected]").attr("value")).isEqualTo("planner");
        assertThat(Jsoup.parse(admin.get("/admin/accounts?q=nobody-has-this").body()).select("#account-count").text())
                .isEqualTo("No account");
        assertThat(Jsoup.parse(admin.get("/admin/accounts?q=rendered@portal").body()).select("#account-count").text())
                .isEqualTo("1 account");
    }

    @Test
    void withManyCompaniesTheInvitationAsksForTheCompanyCode() {
        try (TestPortal big = TestPortal.start()) {
            TestAccounts.staff(big.jdbi(), "root@portal.test", "admin");
            big.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO company (code, name) SELECT 'C' || i, 'Company ' || i FROM generate_series(1, 301) i"));
            WebSession admin = big.signedIn("root@portal.test");
            Document form = Jsoup.parse(admin.get("/admin/accounts/invite").body());
            assertThat(form.select("select#company")).isEmpty();
            assertThat(form.select("input#company[type=text]")).hasSize(1);

            HttpResponse<String> unknown = admin.post("/admin/accounts/invite", Map.of("company", "C999", "first_name", "",
                    "last_name", "Doe", "email", "doe@c1.test", "scope", "company"));
            assertThat(unknown.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(unknown.body());
            assertThat(page.select("input#company").attr("value")).isEqualTo("C999");
            assertThat(page.select("#company-error").text()).isEqualTo("There is no active company with this code.");

            admin.get("/admin/accounts/invite");
            assertThat(admin.post("/admin/accounts/invite", Map.of("company", "c42", "first_name", "",
                    "last_name", "Doe", "email", "doe@c42.test", "scope", "company")).statusCode()).isEqualTo(303);
        }
    }

    // --- helpers

    private static WebSession admin() {
        return portal.signedIn("root@portal.test");
    }

    /** Posts as a signed-in person with the CSRF token of their session, as the portal's forms do. */
    private static HttpResponse<String> post(WebSession who, String path, Map<String, String> fields) {
        who.get("/admin/accounts");
        return who.post(path, fields);
    }

    /** Creates a planner through the pages and returns the link the administrator was shown. */
    private static String createStaff(String email) {
        WebSession admin = admin();
        HttpResponse<String> created = post(admin, "/admin/accounts/new-staff",
                Map.of("email", email, "first_name", "New", "last_name", "Planner", "role", "planner"));
        assertThat(created.statusCode()).isEqualTo(303);
        String link = Jsoup.parse(admin.get(created.headers().firstValue("Location").orElseThrow()).body())
                .select("#set-password-link").attr("value");
        assertThat(link).isNotEmpty();
        return link;
    }

    private static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String token(String link) {
        return URI.create(link).getQuery().substring("token=".length());
    }

    private static String refusal(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select("#set-password-error").text();
    }

    private static int count(String fromWhere) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + fromWhere).mapTo(Integer.class).one());
    }

    private static List<String> auditEvents(String username) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT event FROM audit_log WHERE username = ? ORDER BY id")
                .bind(0, username).mapTo(String.class).list());
    }
}
