package com.fieldservice.portal.customer;

import com.fieldservice.portal.web.Slots;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How large a multipart request may be. Each file may be 10 MB ({@link Upload#MAX_BYTES}); Jetty
 * lets through a little more so that a file just over the limit is named in the form's own
 * message (422, form kept). Beyond that, the request is refused with 413 and a page that says
 * why: announced by its Content-Length before any of it is read, or found while reading it. And
 * only so many requests hold their files in memory at once ({@link #IN_FLIGHT}).
 */
public final class UploadLimits {

    /** What Jetty still reads of one file: enough to tell "this file is over 10 MB" in the form. */
    static final long JETTY_MAX_FILE_MB = 12;
    /** Five files of 10 MB and the form's fields fit; six files of 10 MB get the form's "at most 5". */
    static final long MAX_REQUEST_MB = 64;

    /**
     * The requests that may hold their files' bytes at once ({@link Upload#from} reads each file
     * whole, and the request keeps them until it is answered): as many of {@link #MAX_REQUEST_MB}
     * as a quarter of the heap holds, at least one, at most 16; the others wait their turn. Ten
     * uploads of five 10 MB files at once against a 256 MB heap ran it out of memory: three of them
     * were lost with a 500.
     */
    public static final Slots IN_FLIGHT = new Slots(inFlight(Runtime.getRuntime().maxMemory()));

    public static int inFlight(long maxHeapBytes) {
        return (int) Math.max(1, Math.min(16, maxHeapBytes / 4 / (MAX_REQUEST_MB * 1024 * 1024)));
    }

    /**
     * Handles a request with its {@code files}, read into memory once the whole body has arrived
     * (Jetty keeps parts over 1 MB on disk meanwhile) and a slot of {@link #IN_FLIGHT} is free:
     * a client sending slowly waits for nobody's slot.
     */
    public static void withFiles(Context ctx, Consumer<List<Upload>> handler) {
        List<UploadedFile> received = ctx.isMultipartFormData() ? ctx.uploadedFiles("files") : List.of();
        IN_FLIGHT.during(() -> handler.accept(received.stream().map(Upload::from).toList()));
    }

    private UploadLimits() {
    }

    public static void configure(MultipartConfig multipart) {
        multipart.maxFileSize(JETTY_MAX_FILE_MB, SizeUnit.MB);
        multipart.maxTotalRequestSize(MAX_REQUEST_MB, SizeUnit.MB);
        multipart.maxInMemoryFileSize(1, SizeUnit.MB);
    }

    /** Before anything reads the body: a multipart post announcing more than the limit is refused at once. */
    public static void refuseOversized(Context ctx) {
        if (ctx.method() == HandlerType.POST && ctx.isMultipartFormData()
                && ctx.contentLength() > MAX_REQUEST_MB * 1024 * 1024) {
            answer(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    /** True when the exception is Jetty refusing a multipart body over the limits, now answered with 413. */
    public static boolean answerIfTooLarge(Exception e, Context ctx) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && (t.getMessage().startsWith("max file size exceeded") || t.getMessage().startsWith("max length exceeded"))) {
                answer(ctx);
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void answer(Context ctx) {
        // the rest of the body is not read: the connection closes after this answer
        ctx.header("Connection", "close");
        ctx.status(HttpStatus.CONTENT_TOO_LARGE);
        boolean onAJob = ctx.path().startsWith("/portal/jobs/") || ctx.path().startsWith("/backoffice/jobs/");
        ctx.render("customer/too-large.html", Map.of("back", onAJob ? ctx.path().replaceFirst("/files$", "") : "/portal/report"));
    }
}
