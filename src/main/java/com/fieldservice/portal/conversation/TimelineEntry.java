package com.fieldservice.portal.conversation;

import com.fieldservice.portal.customer.Upload;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * One entry of a work order's timeline, as {@link TimelineDao} reads it for one side.
 *
 * @param kind           {@code report} (the description as the customer reported it), {@code comment},
 *                       {@code file} or {@code status} (a change of the status the customer reads)
 * @param author         who: a customer by name; staff by full name for the back office, by first
 *                       name only (or none) for customers; null when the customer reads the team's
 * @param byCustomer     written, sent or done by a contact of the customer
 * @param internal       for the service team only (never in a customer's timeline)
 * @param customerStatus for {@code status}: the status as customers read it
 * @param seq            for {@code comment}: its number (the address of its visibility change); the order of one moment
 */
public record TimelineEntry(String kind, OffsetDateTime at, String author, boolean byCustomer, boolean internal,
                            String text, UUID fileId, String fileName, String contentType, Integer size,
                            String customerStatus, Long seq) {

    /** A photo browsers show (a thumbnail); other files are links. */
    public boolean image() {
        return contentType != null && Upload.Kind.ofContentType(contentType).map(k -> !k.download()).orElse(false);
    }

    /** For people: "340 KB", "2.4 MB". */
    public String readableSize() {
        if (size == null) {
            return "";
        }
        if (size < 1024 * 1024) {
            return Math.max(1, Math.round(size / 1024.0)) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
