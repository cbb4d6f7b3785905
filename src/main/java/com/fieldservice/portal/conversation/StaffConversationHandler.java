package com.fieldservice.portal.conversation;

import com.fieldservice.portal.customer.UploadLimits;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /backoffice/jobs/{number}/comments} and {@code /files}: a planner's reply to the
 * customer or internal note; {@code /read}: the customer's message needs no answer; {@code .../visibility}:
 * who reads a comment or a file of the team's from now on. Saved: back to the work order's timeline (post/redirect/get).
 * Refused: 422 with the work order's page, the form as it was filled in and the messages.
 */
public final class StaffConversationHandler {

    /** Shows the back office's work order page with this reply form, with this status. */
    public interface JobPage {
        void show(Context ctx, int number, ReplyForm form, HttpStatus status);
    }

    private final StaffConversation conversation;
    private final JobPage page;

    public StaffConversationHandler(StaffConversation conversation, JobPage page) {
        this.conversation = conversation;
        this.page = page;
    }

    /** Fields {@code comment} and {@code visibility} ({@code customer} or {@code internal}). */
    public void comment(Context ctx) {
        int number = number(ctx);
        String typed = Optional.ofNullable(ctx.formParam("comment")).orElse("");
        String visibility = ctx.formParam("visibility");
        answer(ctx, number, "comment-added", new ReplyForm("comment", typed, visibility, Map.of()),
                conversation.comment(number, typed, visibility, RequestScope.requirePrincipal(ctx)));
    }

    /** Multipart: up to five {@code files} and {@code visibility}. */
    public void addFiles(Context ctx) {
        int number = number(ctx);
        UploadLimits.withFiles(ctx, uploads -> {
            String visibility = ctx.formParam("visibility");
            answer(ctx, number, "files-added", new ReplyForm("files", "", visibility, Map.of()),
                    conversation.addFiles(number, uploads, visibility, RequestScope.requirePrincipal(ctx)));
        });
    }

    /** No fields: the customer's message is read and needs no answer. */
    public void markRead(Context ctx) {
        int number = number(ctx);
        answer(ctx, number, "marked-read", ReplyForm.empty(),
                conversation.markRead(number, RequestScope.requirePrincipal(ctx)));
    }

    /** {@code /comments/{id}/visibility} and {@code /files/{id}/visibility}: field {@code visibility}, who reads it from now on. */
    public void commentVisibility(Context ctx) {
        changeVisibility(ctx, "comment");
    }

    public void fileVisibility(Context ctx) {
        changeVisibility(ctx, "file");
    }

    private void changeVisibility(Context ctx, String entry) {
        int number = number(ctx);
        answer(ctx, number, "visibility-changed", new ReplyForm("entry", "", Visibility.CUSTOMER.code(), Map.of()), conversation.changeVisibility(number, entry,
                ctx.pathParam("id"), ctx.formParam("visibility"), RequestScope.requirePrincipal(ctx)));
    }

    private void answer(Context ctx, int number, String done, ReplyForm typed, StaffConversation.Outcome outcome) {
        if (outcome instanceof StaffConversation.Done) {
            ctx.redirect("/backoffice/jobs/" + number + "?conversation=" + done + "#conversation", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof StaffConversation.Refused refused) {
            page.show(ctx, number, new ReplyForm(typed.form(), typed.comment(), typed.visibility(), refused.errors()),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } else {
            throw new NotFoundResponse();
        }
    }

    private static int number(Context ctx) {
        return RequestValues.workOrderNumber(ctx.pathParam("number")).orElseThrow(NotFoundResponse::new);
    }
}
