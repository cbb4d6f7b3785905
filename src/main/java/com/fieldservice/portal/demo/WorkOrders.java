package com.fieldservice.portal.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the work orders and their visits into the database, oldest first, so that work-order
 * numbers (id2) rise with the creation date: COPY by chunks of {@value #CHUNK} orders, each
 * followed by the COPY of its visits (held in memory meanwhile: a job_planning row must follow
 * its job). About one order in thirty is a multi-job: a parent followed by its children, on the
 * same installation, numbered by working_sequence.
 */
final class WorkOrders {

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrders.class);
    static final int CHUNK = 100_000;
    private static final double MULTI_JOB_SHARE = 0.03;

    record Counts(long jobs, long visits) {
    }

    private final Handle handle;
    private final Customers.Base base;
    private final Timeline timeline;
    private final Dice dice;
    private final WorkOrderWriter writer;
    private final StatusMix mix = new StatusMix();

    WorkOrders(Handle handle, Lookups lookups, ReferenceRows.Ids reference, Staff.Ids staff, Customers.Base base,
               Timeline timeline, Dice dice) {
        this.handle = handle;
        this.base = base;
        this.timeline = timeline;
        this.dice = dice;
        this.writer = new WorkOrderWriter(lookups, reference, staff, timeline, dice);
    }

    Counts insert(int count, long startNanos) {
        Map<Integer, StatusMix.Reserved> showcase = StatusMix.showcase(count);
        CopyTable.Buffer visits = WorkOrderWriter.PLANNING.buffer();
        int[] next = {0};
        while (next[0] < count) {
            int end = Math.min(count, next[0] + CHUNK);
            WorkOrderWriter.JOBS.copy(handle, jobs -> {
                while (next[0] < end) {
                    next[0] = writeGroup(next[0], count, showcase, jobs, visits.writer());
                }
            });
            visits.copyInto(handle);
            LOG.info("demo data: {} of {} work orders, {} visits ({} s)", next[0], count, visits.rows(),
                    (System.nanoTime() - startNanos) / 1_000_000_000);
        }
        return new Counts(count, visits.rows());
    }

    /** Writes work order {@code number}, with its children if it is a multi-job; returns the next number. */
    private int writeGroup(int number, int count, Map<Integer, StatusMix.Reserved> showcase, CopyWriter jobs,
                           CopyWriter visits) {
        Instant created = createdAt(number, count);
        StatusMix.Reserved reserved = showcase.get(number);
        Customers.Installation installation;
        StatusMix.Status status;
        WorkOrderWriter.Extras extras;
        if (reserved != null) {
            installation = installationOf(base.customers().get(reserved.customer()));
            status = reserved.status();
            boolean even = StatusMix.STATUSES.indexOf(status) % 2 == 0;
            extras = new WorkOrderWriter.Extras(even, !even);
        } else {
            installation = dice.pick(base.installations());
            status = mix.draw(ageDays(created), dice);
            extras = WorkOrderWriter.Extras.NONE;
        }
        Customers.Customer customer = base.customers().get(installation.customer());
        UUID parent = writer.write(jobs, visits,
                new WorkOrderWriter.Order(number, customer, installation, status, created, null, null, extras));

        int children = reserved == null && dice.chance(MULTI_JOB_SHARE) ? dice.between(2, 4) : 0;
        if (children == 0 || number + children >= count || anyReserved(showcase, number + 1, number + children)) {
            return number + 1;
        }
        int progress = dice.below(children);
        for (int child = 1; child <= children; child++) {
            writer.write(jobs, visits, new WorkOrderWriter.Order(number + child, customer, installation,
                    childStatus(status, child - 1, progress), created.plus(2L * child, ChronoUnit.MINUTES), parent,
                    child, WorkOrderWriter.Extras.NONE));
        }
        return number + children + 1;
    }

    /**
     * A child's status: while the parent is being carried out, the children before the one in
     * hand are completed and those after it still planned; otherwise they share the parent's.
     */
    private static StatusMix.Status childStatus(StatusMix.Status parent, int child, int inHand) {
        boolean underway = switch (parent.code()) {
            case "Planned", "InProgress", "WaitingFurtherActions" -> true;
            default -> false;
        };
        if (!underway || child == inHand) {
            return parent;
        }
        return StatusMix.byCode(child < inHand ? "Completed" : "Planned");
    }

    private Customers.Installation installationOf(Customers.Customer customer) {
        return base.installations().get(customer.firstInstallation() + dice.below(customer.installationCount()));
    }

    /**
     * Creation dates spread evenly over the days of the history, oldest first, each day's orders
     * between 07:00 and 19:00 (today's: until now), on the minute.
     */
    private Instant createdAt(int number, int count) {
        double position = (number + dice.fraction()) / count * (StatusMix.HISTORY_DAYS + 1);
        int day = (int) position;
        return timeline.during(timeline.today().minusDays(StatusMix.HISTORY_DAYS - day), position - day)
                .truncatedTo(ChronoUnit.MINUTES);
    }

    private double ageDays(Instant created) {
        return (timeline.now().getEpochSecond() - created.getEpochSecond()) / 86_400.0;
    }

    private static boolean anyReserved(Map<Integer, StatusMix.Reserved> showcase, int from, int to) {
        for (int n = from; n <= to; n++) {
            if (showcase.containsKey(n)) {
                return true;
            }
        }
        return false;
    }
}
