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

    public boolean isReport() {
        return "report".equals(kind);
    }

    public boolean isComment() {
        return "comment".equals(kind);
    }

    public boolean isFile() {
        return "file".equals(kind);
    }

    public boolean isStatus() {
        return "status".equals(kind);
    }

    /** The text that says what happened ("commented", "sent a file"...). */
    public String kindKey() {
        return "conversation.kind." + kind;
    }

    /** Who reads it, as {@link Visibility} codes it; and the other one, what a change of who reads it would make it. */
    public String visibility() {
        return (internal ? Visibility.INTERNAL : Visibility.CUSTOMER).code();
    }

    public String otherVisibility() {
        return (internal ? Visibility.CUSTOMER : Visibility.INTERNAL).code();
    }

    /** The classes that tell a comment, which side wrote it and whether it is the team's alone. */
    public String sideClasses() {
        return (isComment() ? "job-comment " : "") + (byCustomer ? "border-primary" : "border-secondary")
                + (internal ? " timeline-internal" : "");
    }

    /** Named in full: a member of staff, to the back office ({@code customerView} false); customers read the team's. */
    public boolean namedInFull(boolean customerView) {
        return !customerView && author != null;
    }

    /** Planners choose who reads the team's comments and files; what a customer sent stays theirs. */
    public boolean visibilityChangeable() {
        return !byCustomer && (isComment() || isFile());
    }

    /** Where its change of who reads it is posted, under the back office's work order {@code workOrderPath}. */
    public String visibilityAction(String workOrderPath) {
        return workOrderPath + (isComment() ? "/comments/" + seq : "/files/" + fileId) + "/visibility";
    }

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
