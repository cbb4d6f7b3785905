package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.jobs.FieldSpec;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.support.Inert;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Script and attribute-breaking payloads stored in every free-text field, then every page
 * that shows them: each renders them as text, nothing runs.
 */
class StoredPayloadsTest {

    static TestPortal portal;
    static WebSession admin;
    static int job;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 200);
        TestAccounts.staff(portal.jdbi(), "admin@payload.test", "admin");
        job = portal.jdbi().withHandle(h -> {
            String payload = Inert.ALL;
            h.execute("UPDATE app_user SET firstname = ?, lastname = ? WHERE username = 'admin@payload.test'",
                    Inert.SCRIPT, Inert.ATTRIBUTE);
            h.execute("UPDATE company SET name = left(?, 255)", payload);
            h.execute("UPDATE project SET name = left(?, 255), serial_number = left(?, 100), location = left(?, 255)",
                    payload, payload, payload);
            h.execute("UPDATE contact SET firstname = left(?, 100), lastname = left(?, 100)", payload, payload);
            int number = h.createQuery("SELECT min(id2) FROM jobs WHERE db_address_street IS NULL").mapTo(Integer.class).one();
            for (FieldSpec field : JobFields.ALL) {
                boolean text = field.kind() == FieldSpec.Kind.TEXT || field.kind() == FieldSpec.Kind.MULTILINE;
                if (text && !field.name().startsWith("db_address_")) {
                    int length = field.maxLength().orElse(4000);
                    h.execute("UPDATE jobs SET " + field.name() + " = left(?, ?) WHERE id2 = ?", payload, length, number);
                }
            }
            return number;
        });
        admin = portal.signedIn("admin@payload.test");
        // a sign-in attempt whose username is a payload lands in the audit log
        portal.visitor().signIn(Inert.ATTRIBUTE, "whatever");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyPageShowingStoredTextRendersItInert() {
        List<String> pages = List.of("/backoffice", "/account/password", "/admin/accounts", "/admin/audit",
                "/backoffice/jobs", "/backoffice/jobs?q=xss", "/backoffice/jobs/" + job, "/backoffice/find?q=nothing-has-this-reference",
                "/backoffice/jobs/" + job + "/edit", "/backoffice/jobs/new?from=" + job, "/backoffice/jobs/new?parent=" + job);
        for (String path : pages) {
            var answer = admin.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            Inert.assertInert(answer.body(), path);
        }
        Document edit = Inert.assertInert(admin.get("/backoffice/jobs/" + job + "/edit").body(), "edit");
        assertThat(edit.select("input[name=name]").val()).startsWith(Inert.SCRIPT);
        assertThat(edit.select("textarea[name=description]").text()).startsWith(Inert.SCRIPT);
        assertThat(Inert.assertInert(admin.get("/admin/audit").body(), "audit").text()).contains(Inert.ATTRIBUTE);
        assertThat(Inert.assertInert(admin.get("/backoffice").body(), "nav").select("#current-user").text())
                .isEqualTo(Inert.SCRIPT + " " + Inert.ATTRIBUTE);
    }

    @Test
    void echoedInputIsInertToo() {
        var refused = admin.post("/backoffice/jobs/" + job + "/status", Map.of("status", Inert.ALL));
        assertThat(refused.statusCode()).isEqualTo(422);
        Inert.assertInert(refused.body(), "status refused");
        var invalid = admin.post("/backoffice/jobs/new", Map.of("project_search", Inert.ALL, "name", Inert.ALL));
        assertThat(invalid.statusCode()).isEqualTo(422);
        Inert.assertInert(invalid.body(), "new job form");
        Inert.assertInert(portal.visitor().signIn(Inert.ALL, "x").body(), "sign-in form");
    }
}
