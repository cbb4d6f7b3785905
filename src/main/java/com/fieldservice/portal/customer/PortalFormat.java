package com.fieldservice.portal.customer;

import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.PerLanguage;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the portal writes dates and statuses for customers, in the templates (as {@code fmt}) and
 * in the CSV alike. Times are shown in the service company's zone.
 */
public final class PortalFormat implements PerLanguage<PortalFormat> {

    /** The English CSV's moments, as a spreadsheet reads them. */
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** One step of a work order's timeline: its message key and complete, current or upcoming. */
    public record Step(String key, String state) {
        public boolean current() {
            return "current".equals(state);
        }
    }

    /** Every time a customer reads is in the business zone, as the planner reads it. */
    private final BusinessClock clock;
    private final Language language;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dayTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter csvDate;
    private final DateTimeFormatter csvDateTime;
    private final Map<Language, PortalFormat> languages;

    /** The English format, with its French and Dutch siblings. */
    public PortalFormat(BusinessClock clock) {
        this(clock, Language.EN, new EnumMap<>(Language.class));
        for (Language other : Language.values()) {
            languages.put(other, other == Language.EN ? this : new PortalFormat(clock, other, languages));
        }
    }

    /**
     * English: "4 May 2099", "Tue 4 May 2099, 07:30"; French and Dutch as Belgians write them,
     * "04/05/2099", "mar. 04/05/2099, 07:30" / "di 04/05/2099, 07:30". The CSV writes days as a
     * spreadsheet of that language reads them (ISO in English, 04/05/2099 in French and Dutch).
     */
    private PortalFormat(BusinessClock clock, Language language, Map<Language, PortalFormat> languages) {
        this.clock = clock;
        this.language = language;
        this.languages = languages;
        Locale locale = language.locale();
        boolean english = language == Language.EN;
        this.date = DateTimeFormatter.ofPattern(english ? "d MMM yyyy" : "dd/MM/yyyy", locale);
        this.dayTime = DateTimeFormatter.ofPattern(english ? "EEE d MMM yyyy, HH:mm" : "EEE dd/MM/yyyy, HH:mm", locale);
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
        this.csvDate = english ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.ofPattern("dd/MM/yyyy", locale);
        this.csvDateTime = english ? ISO_DATE_TIME : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", locale);
    }

    @Override
    public PortalFormat in(Language other) {
        return languages.get(other);
    }

    /** The language this format writes in. */
    public Language language() {
        return language;
    }

    public String date(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(date);
    }

    public String dayTime(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(dayTime);
    }

    /** "Tue 4 May 2099, 07:30–09:30"; the end's date too when the visit spans days. */
    public String visit(OffsetDateTime start, OffsetDateTime end) {
        if (end == null) {
            return dayTime(start);
        }
        boolean sameDay = clock.dayOf(start).equals(clock.dayOf(end));
        return dayTime(start) + "–" + (sameDay ? clock.local(end).format(time) : dayTime(end));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute: the local time with its offset. */
    public String iso(OffsetDateTime time) {
        return time == null ? null : clock.local(time).toOffsetDateTime().toString();
    }

    /** The local day of an instant, as a {@code <time datetime>} attribute and in the CSV ("2099-05-04"). */
    public String isoDay(OffsetDateTime time) {
        return csvDate(time);
    }

    String csvDate(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(csvDate);
    }

    String csvDateTime(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(csvDateTime);
    }

    /** The badge colours of a customer-facing status (Bootstrap's, with enough contrast). */
    public String badge(String customerStatus) {
        switch (customerStatus == null ? "" : customerStatus) {
            case "scheduled":
                return "text-bg-primary";
            case "in_progress":
                return "text-bg-info";
            case "waiting":
                return "text-bg-warning";
            case "done":
                return "text-bg-success";
            case "cancelled":
                return "text-bg-dark";
            default:
                return "text-bg-secondary";
        }
    }

    /**
     * The simple timeline a customer reads: reported → scheduled → in progress → done, or
     * reported → cancelled. "Waiting" is a pause within "in progress".
     */
    public List<Step> timeline(String customerStatus) {
        if ("cancelled".equals(customerStatus)) {
            return List.of(new Step("received", "complete"), new Step("cancelled", "current"));
        }
        List<String> keys = List.of("received", "scheduled", "in_progress", "done");
        String at = "waiting".equals(customerStatus) ? "in_progress" : customerStatus;
        int reached = Math.max(0, keys.indexOf(at));
        return java.util.stream.IntStream.range(0, keys.size())
                .mapToObj(i -> new Step(keys.get(i), i < reached || (i == reached && "done".equals(at)) ? "complete"
                        : i == reached ? "current" : "upcoming"))
                .toList();
    }
}
