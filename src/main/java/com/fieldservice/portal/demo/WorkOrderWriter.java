package com.fieldservice.portal.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes one work order (a jobs row) and its planned visits (job_planning rows): what it is for
 * and about, who asked, its dates, which follow from its status (a completed order was visited
 * before it was closed; a planned one has a visit ahead), and for a mobile installation the
 * address the job takes place at.
 */
final class WorkOrderWriter {

    static final CopyTable JOBS = new CopyTable("jobs", "id", "parent_id", "working_sequence", "project_id",
            "company_id", "job_type_id", "job_priority_id", "job_status_id", "db_address_id",
            "requested_by_company_id", "requested_by_contact_id", "reference_back_office", "name", "description",
            "internal_memo", "prejob_information", "estimated_time", "earliest_date_plannable", "due_date",
            "date_create", "date_update", "date_closed", "suggested_user_id", "suggested_date_start", "skill_id",
            "customer_reference", "date_reported_by_company", "db_address_name", "db_address_street",
            "db_address_street_number", "db_address_city", "db_address_zip", "db_address_db_country_id",
            "db_address_latitude_decimal", "db_address_longitude_decimal");
    static final CopyTable PLANNING = new CopyTable("job_planning", "id", "job_id", "app_user_id", "date_start",
            "date_end", "date_create");

    private static final String[] TYPES = {"MAINT", "REPAIR", "INSP", "INST"};
    private static final double[] TYPE_WEIGHTS = {0.38, 0.37, 0.15, 0.10};
    private static final String[] PRIORITIES = {"URGENT", "HIGH", "NORMAL", "LOW"};
    private static final int[] PRIORITY_DAYS = {1, 3, 10, 30};
    private static final double[] REPAIR_PRIORITIES = {0.15, 0.30, 0.45, 0.10};
    private static final double[] PLANNED_PRIORITIES = {0.0, 0.05, 0.70, 0.25};

    /** A planned visit of the job's technician. */
    private record Visit(Instant start, Instant end) {
    }

    /** The extras the showcase asks for on a work order. */
    record Extras(boolean customerReference, boolean internalMemo) {
        static final Extras NONE = new Extras(false, false);
    }

    /**
     * What the caller decides of a work order: its number, where, in which status, when created,
     * and for a multi-job child its parent and place among the parent's children (else null).
     */
    record Order(int number, Customers.Customer customer, Customers.Installation installation,
                 StatusMix.Status status, Instant created, UUID parent, Integer sequence, Extras extras) {
    }

    private final Lookups lookups;
    private final ReferenceRows.Ids reference;
    private final Staff.Ids staff;
    private final Timeline timeline;
    private final Dice dice;
    private long visitCount;

    WorkOrderWriter(Lookups lookups, ReferenceRows.Ids reference, Staff.Ids staff, Timeline timeline, Dice dice) {
        this.lookups = lookups;
        this.reference = reference;
        this.staff = staff;
        this.timeline = timeline;
        this.dice = dice;
    }

    /** Writes the work order and its visits; returns its id. */
    UUID write(CopyWriter jobs, CopyWriter planning, Order order) {
        int number = order.number();
        Customers.Customer customer = order.customer();
        Customers.Installation installation = order.installation();
        StatusMix.Status status = order.status();
        Instant created = order.created();
        UUID id = DemoIds.of("job", number);
        Equipment.Family family = installation.family();
        String type = status.phase() == StatusMix.Phase.WORKSHOP || status.phase() == StatusMix.Phase.WORKSHOP_DONE
                ? "REPAIR" : TYPES[dice.weighted(TYPE_WEIGHTS)];
        int priority = dice.weighted(type.equals("REPAIR") ? REPAIR_PRIORITIES : PLANNED_PRIORITIES);
        int minutes = estimatedMinutes(type);
        double ageDays = Duration.between(created, timeline.now()).toMinutes() / 1440.0;

        boolean reported = dice.chance(type.equals("REPAIR") ? 0.7 : 0.15);
        LocalDate earliest = null;
        LocalDate due = null;
        if (dice.chance(0.92)) {
            boolean scheduled = type.equals("MAINT") || type.equals("INSP");
            LocalDate notBefore = timeline.dateOf(created).plusDays(scheduled ? dice.between(0, 14) : 0);
            earliest = notBefore;
            due = notBefore.plusDays(PRIORITY_DAYS[priority]);
        }

        UUID technician = staff.technician(family == null ? null : family.skill(), dice);
        List<Visit> visits = visits(status, created, ageDays, minutes);
        Instant closed = closedAt(status, created, ageDays, visits);
        Instant planCreated = visits.isEmpty() ? null : planningCreated(created, visits.get(0).start());
        for (Visit visit : visits) {
            planning.uuid(DemoIds.of("job-planning", visitCount++)).uuid(id).uuid(technician)
                    .timestamp(visit.start()).timestamp(visit.end()).timestamp(planCreated);
            planning.endRow();
        }
        Instant updated = closed != null ? closed : planCreated != null ? planCreated
                : status.code().equals("Open") ? null : min(created.plusSeconds(60L * dice.between(10, 2000)), timeline.now());
        // the suggested technician and start are the first visit of an open work order (planning/VisitService)
        boolean suggested = closed == null && !visits.isEmpty();

        jobs.uuid(id).uuid(order.parent()).integer(order.sequence()).uuid(installation.id()).uuid(customer.id())
                .uuid(Lookups.require(lookups.jobTypes(), type))
                .uuid(Lookups.require(lookups.jobPriorities(), PRIORITIES[priority]))
                .uuid(Lookups.require(lookups.jobStatuses(), status.code()))
                .uuid(installation.addressId())
                .uuid(reported ? customer.id() : null).uuid(reported ? dice.pick(customer.contacts()) : null)
                .text(status.code().equals("ExportedToErp")
                        ? "SO%d-%07d".formatted(timeline.dateOf(closed).getYear(), number + 1) : null);
        texts(jobs, type, family);
        jobs.text(order.extras().internalMemo() || dice.chance(0.10) ? dice.pick(Catalogue.INTERNAL_MEMOS) : null)
                .text(dice.chance(0.15) ? dice.pick(Catalogue.PREJOB_INFORMATION) : null)
                .integer(minutes).date(earliest).date(due)
                .timestamp(created).timestamp(updated).timestamp(closed)
                .uuid(suggested ? technician : null).timestamp(suggested ? visits.get(0).start() : null)
                .uuid(family == null ? null : reference.skills().get(family.skill()))
                .text(order.extras().customerReference() || dice.chance(reported ? 0.45 : 0.06)
                        ? customerReference(customer, created) : null)
                .timestamp(reported ? created.minusSeconds(60L * dice.between(5, 600)) : null);
        ownAddress(jobs, customer, installation);
        jobs.endRow();
        return id;
    }

    private int estimatedMinutes(String type) {
        return switch (type) {
            case "MAINT" -> 30 * dice.between(2, 8);
            case "REPAIR" -> 30 * dice.between(1, 6);
            case "INSP" -> 30 * dice.between(1, 4);
            default -> 60 * dice.between(2, 8);
        };
    }

    private void texts(CopyWriter jobs, String type, Equipment.Family family) {
        if (family == null) {
            jobs.text(dice.pick(Catalogue.SITE_JOB_NAMES.get(type)))
                    .text("Work on the whole site; see the site manager on arrival.");
        } else {
            jobs.text(Catalogue.withFamily(dice.pick(Catalogue.JOB_NAMES.get(type)), family))
                    .text(Catalogue.withFamily(dice.pick(Catalogue.DESCRIPTIONS.get(type)), family));
        }
    }

    /** The visits a work order in that status has had or has ahead; empty when it has none. */
    private List<Visit> visits(StatusMix.Status status, Instant created, double ageDays, int minutes) {
        LocalDate today = timeline.today();
        List<Visit> visits = new ArrayList<>(2);
        switch (status.phase()) {
            case SUGGESTED -> visits.add(visit(timeline.workingStart(today.plusDays(dice.between(1, 10)), dice), minutes));
            case PLANNED -> visits.add(visit(timeline.workingStart(
                    today.plusDays(dice.between(0, status.code().equals("Dispatched") ? 5 : 14)), dice), minutes));
            case IN_PROGRESS -> visits.add(visit(timeline.startedThisMorning(dice), minutes));
            case ON_HOLD -> visits.add(pastVisit(created, ageDays, actual(minutes)));
            case DONE -> {
                Visit first = pastVisit(created, ageDays, actual(minutes));
                visits.add(first);
                LocalDate again = timeline.dateOf(first.end()).plusDays(dice.between(1, 7));
                if (dice.chance(0.2) && Timeline.workday(again).isBefore(today)) {
                    visits.add(visit(timeline.workingStart(again, dice), actual(minutes)));
                }
            }
            default -> {
                // no visit: not planned yet, canceled, or in the workshop
            }
        }
        return visits;
    }

    /** A visit between the order's creation and yesterday, within ten days of the creation. */
    private Visit pastVisit(Instant created, double ageDays, int minutes) {
        int latest = (int) Math.max(0, Math.min(10, ageDays - 1));
        Instant start = timeline.workingStart(timeline.dateOf(created).plusDays(dice.between(0, latest)), dice);
        if (start.isBefore(created)) {
            start = created.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        }
        return visit(start, minutes);
    }

    private static Visit visit(Instant start, int minutes) {
        return new Visit(start, start.plus(minutes, ChronoUnit.MINUTES));
    }

    /** How long a visit took: near the estimate, on the quarter hour, at least a quarter of an hour. */
    private int actual(int estimated) {
        return Math.max(15, (int) Math.round(estimated * (0.7 + 0.8 * dice.fraction()) / 15) * 15);
    }

    private Instant closedAt(StatusMix.Status status, Instant created, double ageDays, List<Visit> visits) {
        long ageMinutes = (long) (ageDays * 1440);
        return switch (status.phase()) {
            case DONE -> visits.get(visits.size() - 1).end().plus(dice.between(10, 120), ChronoUnit.MINUTES);
            case CANCELED -> created.plus(between(30, Math.min(ageMinutes, 14 * 1440)), ChronoUnit.MINUTES);
            case WORKSHOP_DONE -> created.plus(between(2 * 1440, Math.min(ageMinutes, 20 * 1440)), ChronoUnit.MINUTES);
            default -> null;
        };
    }

    /** When the visit was planned: a little after the order came in, and before the visit. */
    private Instant planningCreated(Instant created, Instant firstVisit) {
        Instant planned = min(created.plus(dice.between(10, 2880), ChronoUnit.MINUTES), firstVisit.minus(1, ChronoUnit.HOURS));
        return planned.isBefore(created) ? created : planned;
    }

    private long between(long min, long max) {
        return max <= min ? min : min + dice.below((int) Math.min(Integer.MAX_VALUE, max - min + 1));
    }

    private String customerReference(Customers.Customer customer, Instant created) {
        return Catalogue.customerReference(dice.pick(Catalogue.CUSTOMER_REFERENCES),
                timeline.dateOf(created).getYear(), customer.code(), dice);
    }

    /** The job's own address, for a mobile installation; nothing otherwise. */
    private void ownAddress(CopyWriter jobs, Customers.Customer customer, Customers.Installation installation) {
        if (!installation.mobile()) {
            jobs.text(null).text(null).text(null).text(null).text(null).nullField().coordinate(null).coordinate(null);
            return;
        }
        Places.Address address = customer.country().address(dice);
        jobs.text(dice.pick(Catalogue.MOBILE_SITES) + " " + address.city()).text(address.street())
                .text(address.number()).text(address.city()).text(address.zip())
                .uuid(lookups.countries().get(customer.country().code()))
                .coordinate(address.latitude()).coordinate(address.longitude());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
