package com.fieldservice.portal.customer;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's actions on a job (comment, add files, cancel) and the files themselves. Each
 * post redirects back to the job on success (post/redirect/get); when refused, it answers 422
 * with the job's actions, the message and what was typed. Another company's job is not found.
 */
public final class JobActionsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JobActionsHandler.class);

    /** What a download holds of a stored file (10 MB at most) at a time. */
    static final int FILE_PART_BYTES = 1024 * 1024;

    private final JobActionsService actions;

    public JobActionsHandler(JobActionsService actions) {
        this.actions = actions;
    }

    /** GET /portal/jobs/{number}/activity: the comments, files and forms on a page of their own; reading it reads the team's replies. */
    public void page(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        JobActions job = number(ctx).flatMap(n -> actions.activity(n, who, ctx.method())).orElseThrow(NotFoundResponse::new);
        ctx.render("customer/job-actions-page.html", Map.of("job", job));
    }

    /** POST /portal/jobs/{number}/comments with the field {@code comment} */
    public void comment(Context ctx) {
        String text = Optional.ofNullable(ctx.formParam("comment")).orElse("");
        answer(ctx, "comment-added", text, who -> actions.comment(numberOrThrow(ctx), text, who));
    }

    /** POST /portal/jobs/{number}/files, multipart with up to five {@code files} */
    public void addFiles(Context ctx) {
        UploadLimits.withFiles(ctx, uploads ->
                answer(ctx, "files-added", "", who -> actions.addFiles(numberOrThrow(ctx), uploads, who)));
    }

    /** POST /portal/jobs/{number}/cancel */
    public void cancel(Context ctx) {
        answer(ctx, "canceled", "", who -> actions.cancel(numberOrThrow(ctx), who));
    }

    /** GET /portal/jobs/{number}/files/{id}: only to customers who may see the job. */
    public void customerFile(Context ctx) throws IOException {
        Principal who = RequestScope.requirePrincipal(ctx);
        int number = numberOrThrow(ctx);
        UUID id = RequestValues.guid(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        send(ctx, actions.customerFile(number, id, who).orElseThrow(NotFoundResponse::new));
    }

    /** GET /backoffice/jobs/{number}/files/{id} */
    public void backOfficeFile(Context ctx) throws IOException {
        int number = numberOrThrow(ctx);
        UUID id = RequestValues.guid(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        send(ctx, actions.anyFile(number, id).orElseThrow(NotFoundResponse::new));
    }

    /**
     * A stored file, as what its bytes are: images shown, PDFs downloaded; never sniffed, and
     * sandboxed should a browser render it as a page anyway. Its bytes are read and written a part
     * at a time, each part its own statement: a download to a slow phone holds a part in memory,
     * not the whole file, and no database connection between parts.
     */
    private void send(Context ctx, ReportDao.StoredFile file) throws IOException {
        Upload.Kind kind = Upload.Kind.ofContentType(file.contentType())
                .orElseThrow(() -> new IllegalStateException("stored file of unknown type " + file.contentType()));
        String ascii = file.fileName().replaceAll("[^A-Za-z0-9._ ()-]", "_");
        String utf8 = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", (kind.download() ? "attachment" : "inline")
                + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(kind.contentType());
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        try (OutputStream out = ctx.outputStream()) {
            for (int from = 0; from < file.size(); from += FILE_PART_BYTES) {
                // a file removed meanwhile breaks the download off: an incident, and the client sees it incomplete
                out.write(actions.filePart(file, from, FILE_PART_BYTES)
                        .orElseThrow(() -> new IllegalStateException("file " + file.id() + " removed during its download")));
            }
        } catch (EofException clientLeft) {
            // the browser stopped reading (a page left, a download cancelled): nobody to answer, nothing wrong
            LOG.info("file {} not sent whole: the client closed the connection", file.id());
        }
    }

    private interface Action {
        JobActionsService.Outcome run(Principal who);
    }

    private void answer(Context ctx, String done, String typed, Action action) {
        Principal who = RequestScope.requirePrincipal(ctx);
        int number = numberOrThrow(ctx);
        JobActionsService.Outcome outcome = action.run(who);
        if (outcome instanceof JobActionsService.Done) {
            ctx.redirect("/portal/jobs/" + number + "?actions=" + done + "#job-customer-actions", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof JobActionsService.Refused refused) {
            JobActions job = actions.actions(number, who).orElseThrow(NotFoundResponse::new);
            Map<String, FieldError> errors = refused.errors();
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            ctx.render("customer/job-actions-page.html",
                    Map.of("job", job.withRefusal(typed, errors, refused.messageKey())));
        } else {
            throw new NotFoundResponse();
        }
    }

    private static Optional<Integer> number(Context ctx) {
        return RequestValues.workOrderNumber(ctx.pathParam("number"));
    }

    private static int numberOrThrow(Context ctx) {
        return number(ctx).orElseThrow(NotFoundResponse::new);
    }
}
