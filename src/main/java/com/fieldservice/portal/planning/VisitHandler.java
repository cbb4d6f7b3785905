package com.fieldservice.portal.planning;

import com.fieldservice.portal.auth.LocalPath;
import com.fieldservice.portal.backoffice.JobDetailHandler;
import com.fieldservice.portal.conversation.ReplyForm;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /backoffice/jobs/{number}/visits} (add), {@code .../visits/{id}} (change) and
 * {@code .../visits/{id}/delete}: each calls VisitService once, then goes back where the planner
 * came from (the work order, or the planning board with {@code return_to}); a refusal answers
 * 422 with the work order's page and the form as it was filled in; a stale form 409.
 */
public final class VisitHandler {

    private static final String BOARD = "/backoffice/planning";

    private final VisitService visits;
    private final JobDetailHandler page;

    public VisitHandler(VisitService visits, JobDetailHandler page) {
        this.visits = visits;
        this.page = page;
    }

    public void add(Context ctx) {
        int number = number(ctx);
        answer(ctx, number, null, visits.add(number, input(ctx), RequestScope.requirePrincipal(ctx)), input(ctx));
    }

    public void change(Context ctx) {
        int number = number(ctx);
        UUID visit = RequestValues.guid(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        answer(ctx, number, visit, visits.move(number, visit, input(ctx), RequestScope.requirePrincipal(ctx)), input(ctx));
    }

    public void delete(Context ctx) {
        int number = number(ctx);
        UUID visit = RequestValues.guid(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        answer(ctx, number, visit, visits.remove(number, visit, version(ctx), RequestScope.requirePrincipal(ctx)),
                new VisitService.VisitInput(null, null, null, false, Optional.empty()));
    }

    private void answer(Context ctx, int number, UUID visit, VisitService.Outcome outcome, VisitService.VisitInput input) {
        if (outcome instanceof VisitService.Saved saved) {
            String back = returnTo(ctx).orElse("/backoffice/jobs/" + number);
            String mark = saved.warnings().isEmpty() ? "visit-saved" : "visit-saved&visit-warning=skill";
            ctx.redirect(back + (back.contains("?") ? "&" : "?") + mark + "=" + number, HttpStatus.SEE_OTHER);
        } else if (outcome instanceof VisitService.Invalid invalid) {
            page.show(ctx, number, ReplyForm.empty(), new VisitForm(visit, input.values(), invalid.errors(),
                    invalid.overlapWith().orElse(null)), HttpStatus.UNPROCESSABLE_CONTENT);
        } else if (outcome instanceof VisitService.Conflict) {
            page.show(ctx, number, ReplyForm.empty(), new VisitForm(visit, input.values(),
                    Map.of("visit", FieldError.of("planning.visit.changedMeanwhile")), null),
                    HttpStatus.CONFLICT);
        } else {
            throw new NotFoundResponse();
        }
    }

    private static int number(Context ctx) {
        return RequestValues.workOrderNumber(ctx.pathParam("number")).orElseThrow(NotFoundResponse::new);
    }

    private static VisitService.VisitInput input(Context ctx) {
        return new VisitService.VisitInput(ctx.formParam("technician"), ctx.formParam("start"), ctx.formParam("end"),
                "1".equals(ctx.formParam("allow_overlap")), version(ctx));
    }

    /** The version the form was read at; without one, the change is made on the work order as it is. */
    private static Optional<Integer> version(Context ctx) {
        return RequestValues.wholeNumber(ctx.formParam("version"));
    }

    /** Back to the planning board when the form came from it; nowhere else. */
    private static Optional<String> returnTo(Context ctx) {
        return LocalPath.of(ctx.formParam("return_to"))
                .filter(path -> path.equals(BOARD) || path.startsWith(BOARD + "?"));
    }
}
