package com.fieldservice.portal.time;

import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.PerLanguage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the back office and the admin pages write dates (every template has it as {@code local}),
 * and the CSV exports too: always in the business zone, never in the offset a value happens to
 * carry, 24-hour times. Day fields show their day only. In English "2026-12-15 09:30"; in French
 * and Dutch as a Belgian writes it, "15/12/2026 09:30". One instance per language, made once.
 */
public final class DateDisplay implements PerLanguage<DateDisplay> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);
    /** For {@code <time datetime>}: the local time with its offset, so it names the same moment. */
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final BusinessClock clock;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayTime;
    private final DateTimeFormatter dayTimeSeconds;
    private final DateTimeFormatter timeSeconds;
    private final DateTimeFormatter weekday;
    private final Map<Language, DateDisplay> languages;

    /** The English display, with its French and Dutch siblings. */
    public DateDisplay(BusinessClock clock) {
        this.clock = clock;
        this.languages = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            languages.put(language, language == Language.EN ? this : new DateDisplay(clock, language, languages));
        }
        String dayPattern = "uuuu-MM-dd";
        this.day = pattern(dayPattern, Locale.ROOT);
        this.dayTime = pattern(dayPattern + " HH:mm", Locale.ROOT);
        this.dayTimeSeconds = pattern(dayPattern + " HH:mm:ss", Locale.ROOT);
        this.timeSeconds = pattern("HH:mm:ss", Locale.ROOT);
        this.weekday = pattern("EEE dd/MM", Language.EN.locale());
    }

    private DateDisplay(BusinessClock clock, Language language, Map<Language, DateDisplay> languages) {
        this.clock = clock;
        this.languages = languages;
        String dayPattern = "dd/MM/uuuu";
        this.day = pattern(dayPattern, language.locale());
        this.dayTime = pattern(dayPattern + " HH:mm", language.locale());
        this.dayTimeSeconds = pattern(dayPattern + " HH:mm:ss", language.locale());
        this.timeSeconds = pattern("HH:mm:ss", language.locale());
        this.weekday = pattern("EEE dd/MM", language.locale());
    }

    private static DateTimeFormatter pattern(String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale);
    }

    @Override
    public DateDisplay in(Language language) {
        return languages.get(language);
    }

    /** "2026-12-15" (fr, nl: "15/12/2026"), the day of a moment in the business zone; "" for none. */
    public String day(OffsetDateTime value) {
        return format(value, day);
    }

    /** "2026-12-15" (fr, nl: "15/12/2026"), a day field (a day, in no zone); "" for none. */
    public String day(LocalDate value) {
        return value == null ? "" : value.format(day);
    }

    /** "2026-12-15 09:30" (fr, nl: "15/12/2026 09:30"); "" for none. */
    public String dayTime(OffsetDateTime value) {
        return format(value, dayTime);
    }

    /** "2026-12-15 09:30:12", where the second matters (the audit log). */
    public String dayTimeSeconds(OffsetDateTime value) {
        return format(value, dayTimeSeconds);
    }

    /** A day with its weekday's short name, as a week's column heads it: "Mon 07/12" (fr: "lun. 07/12", nl: "ma 07/12"). */
    public String weekday(LocalDate value) {
        return value == null ? "" : value.format(weekday);
    }

    /** "09:30". */
    public String time(OffsetDateTime value) {
        return format(value, TIME);
    }

    /** "09:30:12". */
    public String timeSeconds(OffsetDateTime value) {
        return format(value, timeSeconds);
    }

    /** "2026-12-15T09:30", as a date-and-time field holds it (what jobs/DateInput reads back); "" for none. */
    public String input(OffsetDateTime value) {
        return format(value, INPUT);
    }

    /** "2026-12-15T09:30:00+01:00", the machine-readable form of the same local time. */
    public String iso(OffsetDateTime value) {
        return value == null ? null : clock.local(value).toOffsetDateTime().format(MACHINE);
    }

    private String format(OffsetDateTime value, DateTimeFormatter pattern) {
        return value == null ? "" : clock.local(value).format(pattern);
    }
}
