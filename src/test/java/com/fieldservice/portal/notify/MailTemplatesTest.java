package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.TestDatabase;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every kind of message renders both parts from its texts in the language it is given, with
 * whatever people typed escaped in the HTML part and no line break in the subject.
 */
class MailTemplatesTest {

    static final String TYPED = "<script>alert('x')</script> & \"quotes\"";
    final MailRenderer renderer = new MailRenderer(new Links(Optional.of("https://portal.example.com")),
            new UnsubscribeTokens(TestDatabase.freshJdbi()), TestClock.DEFAULT);

    static String params(Kind kind) {
        String typed = TYPED.replace("\"", "\\\"");
        return kind.layout().equals("password-link")
                ? "{\"token\":\"abc\",\"minutes\":4320,\"name\":\"" + typed + "\"}"
                : "{\"number\":4711,\"jobName\":\"Boiler\",\"reference\":\"" + typed + "\\nBcc: x@evil.test\",\"installation\":\""
                + typed + "\",\"reporter\":\"Alice\",\"name\":\"" + typed + "\",\"comment\":\"" + typed
                + "\",\"author\":\"Pat\",\"technician\":\"Tom\",\"start\":\"2026-07-01T07:00:00Z\",\"end\":\"2026-07-01T09:00:00Z\"}";
    }

    @Test
    void everyKindRendersBothPartsWithWhatWasTypedEscaped() {
        for (Kind kind : Kind.values()) {
            MailRenderer.Rendered mail = renderer.render(kind, Locale.ENGLISH, Optional.of(UUID.randomUUID()), params(kind));
            assertThat(mail.subject()).as(kind + " subject").isNotBlank().doesNotContain("\n", "\r");
            assertThat(mail.text()).as(kind + " text").contains("Hello " + TYPED, "The service team").doesNotContain("??");
            assertThat(mail.html()).as(kind + " html").contains("&lt;script&gt;").doesNotContain("<script>", "??");
            assertThat(mail.unsubscribe().isPresent()).as(kind + " unsubscribe").isEqualTo(kind.topic().isPresent());
            if (kind.layout().equals("job-message")) {
                assertThat(mail.text()).contains("4711");
            }
        }
    }

    @Test
    void aReplyByStaffWithoutAFirstNameIsTheTeamsInTheReadersLanguage() {
        String team = params(Kind.REPLY).replace("\"author\":\"Pat\"", "\"author\":\"\"");
        assertThat(renderer.render(Kind.REPLY, Locale.ENGLISH, Optional.empty(), team).text())
                .contains("The service team wrote on work order 4711:");
        assertThat(renderer.render(Kind.REPLY, Locale.forLanguageTag("nl-BE"), Optional.empty(), team).text())
                .contains("Het serviceteam schreef over werkbon 4711:");
        assertThat(renderer.render(Kind.REPLY, Locale.forLanguageTag("fr-BE"), Optional.empty(), params(Kind.REPLY)).text())
                .contains("Pat, de l’équipe de service, a écrit à propos de l’ordre de travail 4711 :");
    }

    @Test
    void aColleagueWhoFollowsTheCompanysWorkOrdersReadsEveryKindToo() {
        for (Kind kind : Kind.values()) {
            if (kind.toCustomer() && kind.layout().equals("job-message")) {
                String colleague = params(kind).replace("{\"number\"", "{\"yours\":false,\"number\"");
                assertThat(renderer.render(kind, Locale.ENGLISH, Optional.empty(), colleague).text()).as(kind.toString())
                        .contains("4711");
            }
        }
    }

    @Test
    void visitTimesReadInTheBusinessZoneAndAnInvitationInHours() {
        MailRenderer.Rendered visit = renderer.render(Kind.VISIT_MOVED, Locale.ENGLISH, Optional.empty(), params(Kind.VISIT_MOVED));
        assertThat(visit.text()).contains("Tom now comes from 2026-07-01 09:00 to 2026-07-01 11:00");
        MailRenderer.Rendered invitation = renderer.render(Kind.INVITATION, Locale.ENGLISH, Optional.empty(), params(Kind.INVITATION));
        assertThat(invitation.text()).contains("for 72 hours", "https://portal.example.com/set-password?token=abc");
    }
}
