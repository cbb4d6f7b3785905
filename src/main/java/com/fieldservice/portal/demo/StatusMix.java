package com.fieldservice.portal.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which status a work order of a given age is in. Each status has the ages (in days) at which
 * work orders are typically in it and its share of all work orders: a fresh order is Open or To
 * be Planned, one from last year was long since completed and exported to the ERP. The share is
 * spread evenly over the status's ages, so a status's weight at an age is share / width.
 *
 * <p>Every status must appear whatever the number of work orders, for Acme and Globex alike:
 * {@link #showcase} reserves one work order per status and company, at an age that fits it.
 */
final class StatusMix {

    /** What has happened to a work order in a status, which decides its dates and visits. */
    enum Phase {
        /** not planned yet */
        NEW,
        /** a technician and a start suggested: one planned visit */
        SUGGESTED,
        /** one visit ahead */
        PLANNED,
        /** the visit is going on today */
        IN_PROGRESS,
        /** visited; waiting for parts or a second visit */
        ON_HOLD,
        /** visited and closed */
        DONE,
        CANCELED,
        /** in the company's workshop: no visit */
        WORKSHOP,
        WORKSHOP_DONE
    }

    record Status(String code, Phase phase, int minAge, int maxAge, double share) {
    }

    /** A work order reserved for a status and a company (0: Acme, 1: Globex). */
    record Reserved(Status status, int customer, int number) {
    }

    static final int HISTORY_DAYS = 730;

    static final List<Status> STATUSES = List.of(
            new Status("Open", Phase.NEW, 0, 10, 2.0),
            new Status("Waiting", Phase.NEW, 0, 40, 0.8),
            new Status("Activated", Phase.NEW, 0, 20, 0.6),
            new Status("ToBePlanned", Phase.NEW, 0, 30, 3.0),
            new Status("Pooling", Phase.NEW, 0, 30, 1.0),
            new Status("Suggested", Phase.SUGGESTED, 0, 14, 1.0),
            new Status("Dispatched", Phase.PLANNED, 0, 10, 1.0),
            new Status("DispatchRejected", Phase.NEW, 1, 20, 0.4),
            new Status("Planned", Phase.PLANNED, 1, 30, 3.5),
            new Status("InProgress", Phase.IN_PROGRESS, 0, 14, 1.2),
            new Status("WaitingFurtherActions", Phase.ON_HOLD, 3, 90, 1.5),
            new Status("Completed", Phase.DONE, 1, 21, 3.0),
            new Status("ExportedToErp", Phase.DONE, 7, HISTORY_DAYS, 66.0),
            new Status("Canceled", Phase.CANCELED, 0, HISTORY_DAYS, 7.0),
            new Status("Workshop", Phase.WORKSHOP, 0, 14, 0.4),
            new Status("WorkshopInQueue", Phase.WORKSHOP, 1, 20, 0.5),
            new Status("WorkshopInProgress", Phase.WORKSHOP, 1, 30, 0.5),
            new Status("WorkshopWaitingFurtherAction", Phase.WORKSHOP, 3, 60, 0.4),
            new Status("WorkshopCompleted", Phase.WORKSHOP_DONE, 5, HISTORY_DAYS, 5.0));

    private static final Map<String, Status> BY_CODE = new HashMap<>();

    static {
        STATUSES.forEach(status -> BY_CODE.put(status.code(), status));
    }

    /** weights[day][status]: the weight of each status for work orders that many days old. */
    private final double[][] weights = new double[HISTORY_DAYS + 1][STATUSES.size()];

    StatusMix() {
        for (int day = 0; day <= HISTORY_DAYS; day++) {
            for (int s = 0; s < STATUSES.size(); s++) {
                Status status = STATUSES.get(s);
                if (day >= status.minAge() && day <= status.maxAge()) {
                    weights[day][s] = status.share() / (status.maxAge() - status.minAge() + 1);
                }
            }
        }
    }

    static Status byCode(String code) {
        Status status = BY_CODE.get(code);
        if (status == null) {
            throw new IllegalArgumentException("no status " + code);
        }
        return status;
    }

    Status draw(double ageDays, Dice dice) {
        int day = (int) Math.max(0, Math.min(HISTORY_DAYS, ageDays));
        return STATUSES.get(dice.weighted(weights[day]));
    }

    /**
     * Reserves, among work orders 0..count-1 (oldest first, age falling evenly from
     * {@link #HISTORY_DAYS} to 0), one per status and showcase company, as near as possible to the
     * middle of the status's ages.
     */
    static Map<Integer, Reserved> showcase(int count) {
        Map<Integer, Reserved> reserved = new HashMap<>();
        for (Status status : STATUSES) {
            double age = (status.minAge() + status.maxAge()) / 2.0;
            int target = (int) Math.round((1 - age / HISTORY_DAYS) * (count - 1));
            for (int customer = 0; customer < 2; customer++) {
                Integer number = freeNear(target, count, reserved);
                if (number != null) {
                    reserved.put(number, new Reserved(status, customer, number));
                }
            }
        }
        return reserved;
    }

    private static Integer freeNear(int target, int count, Map<Integer, Reserved> reserved) {
        for (int distance = 0; distance < count; distance++) {
            for (int candidate : new int[] {target - distance, target + distance}) {
                if (candidate >= 0 && candidate < count && !reserved.containsKey(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
