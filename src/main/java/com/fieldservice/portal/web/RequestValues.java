package com.fieldservice.portal.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one parser for each kind of value taken from a request (path, query or form): work-order
 * numbers, GUIDs, page numbers and page sizes; days and times are {@code jobs/DateInput}'s.
 * None of them throws: a value that makes no sense is empty, or the default, and the caller
 * decides whether that is a 404, a message at the field or the first page.
 */
public final class RequestValues {

    /** As people write a work order's number: "4711", "#4711", "WO-4711", "wo 4711". */
    private static final Pattern WORK_ORDER_NUMBER = Pattern.compile("(?i)\\s*(?:#|wo-?)?\\s*(\\d{1,9})\\s*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\s*(\\d{1,9})\\s*");
    /** The reference's GUIDs: 8-4-4-4-12 hexadecimal digits, either case (UUID.fromString takes far more). */
    private static final Pattern GUID = Pattern.compile(
            "\\s*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\s*");

    private RequestValues() {
    }

    public static Optional<Integer> workOrderNumber(String text) {
        return digits(WORK_ORDER_NUMBER, text);
    }

    /** Zero or a positive number of at most nine digits (a version, a cursor's id). */
    public static Optional<Integer> wholeNumber(String text) {
        return digits(WHOLE_NUMBER, text);
    }

    public static Optional<UUID> guid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = GUID.matcher(text);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    /** The page asked for, from 1 to {@code last}; the first when unreadable. */
    public static int pageNumber(String text, int last) {
        return wholeNumber(text).map(page -> Math.max(1, Math.min(last, page))).orElse(1);
    }

    /** One of the sizes a page offers; the first of them when another is asked for. */
    public static int pageSize(String text, List<Integer> offered) {
        return wholeNumber(text).filter(offered::contains).orElse(offered.get(0));
    }

    /** Whether a list is asked for whole ({@code ?timeline=all}): any other value means its usual part. */
    public static boolean whole(String text) {
        return "all".equals(text);
    }

    private static Optional<Integer> digits(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = pattern.matcher(text);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
