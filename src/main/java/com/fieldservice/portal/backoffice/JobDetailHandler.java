package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.conversation.ReplyForm;
import com.fieldservice.portal.conversation.TimelineDao;
import com.fieldservice.portal.db.QueryPlans;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.planning.TechnicianChoices;
import com.fieldservice.portal.planning.VisitDao;
import com.fieldservice.portal.planning.VisitForm;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.RequestValues;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /backoffice/jobs/{number}}: one work order for the back office, in groups, with its
 * parent, its children, its planned visits, its conversation with the customer and its history.
 * At most two statements whatever the job holds ({@link JobPageDao}), each planned once per
 * connection ({@link QueryPlans}): the job with every joined entity, since when its
 * customer awaits a reply and its lists (children, visits, timeline, history: the report and the
 * newest entries of the timeline, the newest of the history, all of either with
 * {@code ?timeline=all} or {@code ?history=all}); then the names its history's values point at,
 * when it has any. The statuses it may move to come from the workflow the portal holds in memory,
 * the technicians a visit may go to from {@link TechnicianChoices}.
 */
public final class JobDetailHandler {

    /** A status the job may move to, named in the reader's language. */
    public record Transition(String code, String name) {
    }

    private final Jdbi jdbi;
    private final BusinessClock clock;
    private final Workflow workflow;
    private final TechnicianChoices technicians;
    private final JobHistory history;
    private final DateDisplay dates;

    public JobDetailHandler(Jdbi jdbi, BusinessClock clock, Workflow workflow, TechnicianChoices technicians) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.workflow = workflow;
        this.technicians = technicians;
        this.history = new JobHistory(clock);
        this.dates = new DateDisplay(clock);
    }

    public void show(Context ctx) {
        Optional<Integer> number = JobQuery.workOrderNumber(ctx.pathParam("number"));
        if (number.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        show(ctx, number.get(), ReplyForm.empty(), HttpStatus.OK);
    }

    /** The page with the reply forms as given (after a refused reply: what was typed, and why). */
    public void show(Context ctx, int number, ReplyForm reply, HttpStatus status) {
        show(ctx, number, reply, VisitForm.empty(), status);
    }

    /** The page with a visit form as given (after a refused visit: what was typed, and why). */
    public void show(Context ctx, int number, ReplyForm reply, VisitForm visit, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("reply", reply);
        model.put("visitForm", visit);
        Language reader = Language.of(ctx);
        String language = reader.code();
        boolean found = jdbi.withHandle(handle -> {
            JobPageDao dao = handle.attach(JobPageDao.class);
            // the report and the newest entries, the newest history; all of either when asked for
            boolean wholeTimeline = RequestValues.whole(ctx.queryParam("timeline"));
            boolean wholeHistory = RequestValues.whole(ctx.queryParam("history"));
            Optional<JobPageDao.JobPage> page = dao.page(number, clock.today(), language,
                    wholeTimeline ? Integer.MAX_VALUE : TimelineDao.NEWEST_SHOWN,
                    wholeHistory ? JobPageDao.HISTORY_MOST : JobPageDao.HISTORY_SHOWN);
            if (page.isEmpty()) {
                return false;
            }
            JobPageDao.JobDetail job = page.get().job();
            List<VisitDao.Listed> visits = page.get().visits();
            model.put("job", job);
            model.put("rows", JobDetailRows.of(job, reader, dates.in(reader)));
            model.put("children", page.get().children());
            model.put("visits", visits);
            // a closed job's visits can't change: no form suggests anyone
            model.put("technicians", job.closed() ? List.of() : technicians.withSkill(handle, job.skillId()));
            model.put("timeline", page.get().timeline());
            model.put("timelineEarlier", page.get().timelineTotal() - page.get().timeline().size());
            model.put("historyTotal", page.get().historyTotal());
            model.put("awaitingSince", job.awaitingReplySince());
            model.put("history", history.read(dao, page.get().history(), reader));
            model.put("historyHidden", page.get().historyTotal() > page.get().history().size());
            List<Transition> transitions = workflow.allowedFrom(job.statusCode()).stream()
                    .map(to -> new Transition(to.code(), to.name(reader))).toList();
            model.put("transitions", transitions);
            // what a status still needs of the job (a technician, a visit), said before the planner submits
            Map<String, String> needs = new HashMap<>();
            transitions.forEach(t -> Workflow.unmetNeed(t.code(), job.suggestedUser() != null || !visits.isEmpty(),
                    !visits.isEmpty()).ifPresent(need -> needs.put(t.code(), need)));
            model.put("needs", needs);
            return true;
        });
        if (!found) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.status(status);
        ThymeleafRenderer.renderBytes(ctx, "backoffice/job.html", model);
    }
}
