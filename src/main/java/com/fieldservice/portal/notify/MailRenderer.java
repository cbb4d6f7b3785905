package com.fieldservice.portal.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.planning.ICalendar;
import com.fieldservice.portal.planning.VisitEvents;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Language;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a message from its row: the subject ({@code mail.<template>.subject}), the plain-text
 * part ({@code templates/mail/<template>.txt}) and the HTML part ({@code .html}, every value
 * escaped), in the recipient's language, with its links and, for a message someone may turn off,
 * the one-click unsubscribe link of that topic; a message about a visit also carries the visit
 * as an iCalendar attachment ({@link #calendar}).
 */
public final class MailRenderer {

    /** A message ready to send. {@code unsubscribe}: the link of its List-Unsubscribe header, if it has one. */
    public record Rendered(String subject, String text, String html, Optional<String> unsubscribe) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TemplateEngine engine = new TemplateEngine();
    private final MailTexts texts = new MailTexts();
    private final Links links;
    private final UnsubscribeTokens tokens;
    private final DateDisplay dates;
    private final BusinessClock clock;

    public MailRenderer(Links links, UnsubscribeTokens tokens, BusinessClock clock) {
        this.links = links;
        this.tokens = tokens;
        this.clock = clock;
        this.dates = new DateDisplay(clock);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(texts);
    }

    public Rendered render(Kind kind, Locale locale, Optional<UUID> account, String paramsJson) {
        Map<String, Object> params = params(paramsJson);
        Map<String, Object> model = new HashMap<>();
        model.put("p", params);
        model.put("template", kind.template());
        // a colleague who follows the company's work orders reads who reported it, where the message says so;
        // a reply by staff without a first name is the team's, named in the reader's language
        String intro = "mail." + kind.template();
        boolean colleague = Boolean.FALSE.equals(params.get("yours")) && texts.has(locale, intro + ".introColleague");
        boolean team = kind == Kind.REPLY && (params.get("author") == null || params.get("author").toString().isBlank());
        model.put("introKey", intro + (colleague ? ".introColleague" : team ? ".introTeam" : ".intro"));
        model.put("customer", kind.toCustomer());
        model.put("showTrack", kind == Kind.REPORT_RECEIVED);
        Object number = params.get("number");
        if (number != null) {
            int n = ((Number) number).intValue();
            model.put("jobLink", kind.toCustomer() ? links.customerJob(n) : links.backOfficeJob(n));
        }
        model.put("trackLink", links.to("/track"));
        model.put("preferencesLink", links.to("/account/notifications"));
        if (params.get("token") != null) {
            model.put("passwordLink", links.setPassword((String) params.get("token")));
            long minutes = ((Number) params.get("minutes")).longValue();
            // an administrator's link (invitation, reset) lasts days and reads in hours; "forgot password" in minutes
            model.put("validity", kind == Kind.PASSWORD_RESET ? minutes : minutes / 60);
        }
        if (params.get("start") != null) {
            model.put("visitStart", dates.dayTime(OffsetDateTime.parse((String) params.get("start"))));
            model.put("visitEnd", dates.dayTime(OffsetDateTime.parse((String) params.get("end"))));
        }
        Optional<String> unsubscribe = unsubscribeLink(kind, account);
        model.put("unsubscribeLink", unsubscribe.orElse(null));
        String subject = texts.text(locale, "mail." + kind.template() + ".subject", number == null ? "" : number,
                params.getOrDefault("reference", "")).replaceAll("[\\r\\n]+", " ");
        model.put("subject", subject);
        Context context = new Context(locale, model);
        return new Rendered(subject, engine.process(kind.layout() + ".txt", context),
                engine.process(kind.layout() + ".html", context), unsubscribe);
    }

    /**
     * The visit's calendar event, for a message about a visit (empty for any other): the visit as
     * it was when the message was written (its params), under the same UID and with its SEQUENCE,
     * as a REQUEST (confirmed, moved) or a CANCEL, in the recipient's language.
     */
    public Optional<String> calendar(Kind kind, Locale locale, String paramsJson, ICalendar.Parties parties) {
        Map<String, Object> params = params(paramsJson);
        if (params.get("visit") == null) {
            return Optional.empty();
        }
        ICalendar.Event event = VisitEvents.forCustomer(UUID.fromString((String) params.get("visit")),
                ((Number) params.get("sequence")).intValue(), ((Number) params.get("number")).intValue(),
                (String) params.get("jobName"), OffsetDateTime.parse((String) params.get("start")),
                OffsetDateTime.parse((String) params.get("end")), (String) params.get("place"),
                (String) params.get("technician"), Language.of(locale, Language.EN));
        return Optional.of(ICalendar.message(clock.zone(), method(kind), event, parties, clock.instant()));
    }

    /** What a message's calendar asks of the recipient's calendar: remove a cancelled visit, else add or update it. */
    static ICalendar.Method method(Kind kind) {
        return kind == Kind.VISIT_CANCELLED ? ICalendar.Method.CANCEL : ICalendar.Method.REQUEST;
    }

    /** The one-click link that turns this kind of message off for this person; none for the back office's mailbox. */
    public Optional<String> unsubscribeLink(Kind kind, Optional<UUID> account) {
        return kind.topic().flatMap(topic -> account.map(id -> links.unsubscribe(tokens.sign(id, topic))));
    }

    private static Map<String, Object> params(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable message parameters", e);
        }
    }
}
