package com.fieldservice.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;

/**
 * A contact of the demo's Acme reporting problems through the report form, on one of Acme's
 * open fixed installations: the form's one-time token, the installation, then what the test gives.
 */
public final class AcmeReports {

    private final WebSession customer;
    private final UUID installation;

    public AcmeReports(Jdbi jdbi, WebSession customer) {
        this.customer = customer;
        this.installation = jdbi.withHandle(h -> h.createQuery("""
                SELECT p.id FROM project p JOIN company c ON c.id = p.company_id
                  LEFT JOIN project_status ps ON ps.id = p.project_status_id
                 WHERE c.code = 'ACME' AND NOT p.is_mobile_installation AND NOT coalesce(ps.is_closed, false)
                 ORDER BY p.id2 LIMIT 1""").mapTo(UUID.class).one());
    }

    /** Reports with these fields and files, expecting the form to be accepted; the new work order's number. */
    public int report(Map<String, String> fields, List<WebSession.FilePart> files) {
        String token = Jsoup.parse(customer.get("/portal/report").body()).select("input[name=submission]").val();
        Map<String, String> form = new LinkedHashMap<>(Map.of("submission", token, "project_id", installation.toString()));
        form.putAll(fields);
        HttpResponse<String> answer = customer.postMultipart("/portal/report", form, files);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return Integer.parseInt(answer.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
    }
}
