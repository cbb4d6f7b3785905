package com.fieldservice.portal.planning;

import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.Texts;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A visit as a calendar event, the same wherever it goes: one UID per visit (it stays when the
 * visit moves; its SEQUENCE grows, V25), and for the customer the same words in their
 * "Add to my calendar" download as in the emails that confirm, move or cancel it.
 */
public final class VisitEvents {

    private VisitEvents() {
    }

    /** The visit's UID in every calendar. */
    public static String uid(UUID visit) {
        return visit + "@work-order-portal";
    }

    /**
     * The customer's visit, its words in their language; the file itself stays iCalendar's
     * machine format. {@code technicianFirstName} may be null, {@code place} empty.
     */
    public static ICalendar.Event forCustomer(UUID visit, int sequence, int number, String jobName, OffsetDateTime start,
                                             OffsetDateTime end, String place, String technicianFirstName, Language language) {
        return new ICalendar.Event(uid(visit), start, end,
                Texts.format(language, "planning.calendar.visitSummary", number, jobName), place,
                technicianFirstName == null || technicianFirstName.isBlank() ? null
                        : Texts.format(language, "planning.calendar.visitWith", technicianFirstName), sequence);
    }

    /** "Haven 1050, 2030 Antwerpen", leaving out what is missing. */
    public static String place(String street, String number, String zip, String city) {
        return Stream.of(words(street, number), words(zip, city)).filter(p -> !p.isBlank()).collect(Collectors.joining(", "));
    }

    private static String words(String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }
}
