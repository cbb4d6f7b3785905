package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.conversation.ReplyStateDao;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The back office's landing page: the open work by status, what needs attention (overdue, due
 * this week, not yet planned, reported by customers today), each linking to the grid filtered on
 * it, and the jobs opened and closed per week over the last 13 weeks. Three statements, each on
 * an index of open jobs or of dates (V6), reused for 30 seconds; and the work orders awaiting the
 * team's reply, counted afresh on every visit from their own small table (V16). Days and weeks (from Monday) are those of the business
 * zone, as the grid's date filters.
 */
public final class BackOfficeHandler {

    private final Jdbi jdbi;
    private final BusinessClock clock;

    public BackOfficeHandler(Jdbi jdbi, BusinessClock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A bar of the chart: its week, the two counts and their heights in the SVG's units. */
    public record Bar(LocalDate week, long opened, long closed, double openedHeight, double closedHeight) {
    }

    /**
     * The dashboard's numbers are reused for this long: at a million jobs they cost some 250 ms of
     * database time (counting the open jobs without a visit probes job_planning once per open
     * job), and a planner glancing at the landing page needs them to the half-minute, not to the
     * millisecond. The page says when they were counted.
     */
    private static final long FRESH_NANOS = 30_000_000_000L;

    private record Snapshot(Map<String, Object> model, long countedAt) {
    }

    /**
     * Once the jobs or their lookups changed (on any instance), the numbers are counted again, but
     * not more often than this: a busy day changes jobs every second.
     */
    private static final long RECOUNT_NANOS = 2_000_000_000L;

    private volatile Snapshot snapshot;
    private volatile boolean changed;

    /** The jobs or the lookups changed: the next view counts again (at most every two seconds). */
    public void forget() {
        changed = true;
    }

    public void home(Context ctx) {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        long age = current == null ? Long.MAX_VALUE : now - current.countedAt();
        if (age > FRESH_NANOS || changed && age > RECOUNT_NANOS) {
            changed = false;
            current = new Snapshot(Map.copyOf(count()), now);
            snapshot = current;
        }
        Map<String, Object> model = new HashMap<>(current.model());
        // not from the snapshot: a planner who just answered expects the count to drop (one row per waiting work order)
        model.put("awaitingReply", jdbi.withExtension(ReplyStateDao.class, ReplyStateDao::awaitingReply));
        ThymeleafRenderer.renderBytes(ctx, "backoffice/home.html", model);
    }

    private Map<String, Object> count() {
        LocalDate today = clock.today();
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstWeek = weekStart.minusWeeks(12);
        Map<String, Object> model = new HashMap<>();
        jdbi.useHandle(handle -> {
            BackOfficeDao dao = handle.attach(BackOfficeDao.class);
            model.put("statuses", dao.openByStatus());
            model.put("headline", dao.headline(weekStart, weekStart.plusDays(6), today,
                    clock.startOf(today), clock.startOf(today.plusDays(1))));
            List<BackOfficeDao.Week> weeks = dao.weeks(firstWeek, clock.startOf(firstWeek), clock.zone().getId());
            long max = Math.max(1, weeks.stream().mapToLong(w -> Math.max(w.opened(), w.closed())).max().orElse(1));
            model.put("bars", weeks.stream().map(w -> new Bar(w.week(), w.opened(), w.closed(),
                    100.0 * w.opened() / max, 100.0 * w.closed() / max)).toList());
            model.put("chartMax", max);
        });
        model.put("weekFrom", weekStart);
        model.put("weekTo", weekStart.plusDays(6));
        model.put("countedAt", clock.now());
        return model;
    }
}
