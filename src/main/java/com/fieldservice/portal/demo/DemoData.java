package com.fieldservice.portal.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty portal with a believable field-service company: sales organizations, equipment
 * catalogue, staff, customers with sites, contacts and installations, two years of work orders
 * in every status with their planned visits, and the demo sign-ins. Always the same data (fixed
 * seed, name-based ids, a fixed "today"), all in one transaction, and fast enough for a million
 * work orders: the large tables are streamed with COPY.
 */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 20_261_201L;

    /** The password of every demo sign-in. */
    public static final String DEMO_PASSWORD = "demo-password";

    /**
     * A demo sign-in.
     *
     * @param company     the customer's company name; null for staff and the API user
     * @param companyCode that company's code; null likewise
     */
    public record SignIn(String username, String role, String company, String companyCode, String password) {
    }

    public static final List<SignIn> SIGN_INS = List.of(
            new SignIn("planner@demo.test", "planner", null, null, DEMO_PASSWORD),
            new SignIn("admin@demo.test", "admin", null, null, DEMO_PASSWORD),
            new SignIn("alice@acme.demo.test", "customer", "Acme Facilities", Customers.ACME_CODE, DEMO_PASSWORD),
            new SignIn("bob@globex.demo.test", "customer", "Globex Retail", Customers.GLOBEX_CODE, DEMO_PASSWORD),
            new SignIn("api@demo.test", "api", null, null, DEMO_PASSWORD));

    /** What a fill did; {@code filled} false when the database had work orders already. */
    public record Result(boolean filled, int companies, int installations, long jobs, long visits, Duration elapsed) {
        static Result skipped(Duration elapsed) {
            return new Result(false, 0, 0, 0, 0, elapsed);
        }
    }

    /** The tables the fill writes, analysed afterwards so the planner knows their new sizes. */
    private static final List<String> FILLED_TABLES = List.of("sales_organization", "skill", "equipment_family",
            "equipment_brand", "equipment_model", "equipment_model_translation", "skill_translation",
            "equipment_family_translation", "app_user", "app_user_skill",
            "company", "db_address", "contact", "project", "account", "jobs", "job_planning");

    private DemoData() {
    }

    /** Fills the database if it has no work orders yet, with about {@code jobs} work orders. */
    public static Result fillIfEmpty(Jdbi jdbi, int jobs) {
        return fillIfEmpty(jdbi, jobs, Timeline.DEFAULT_TODAY, Timeline.DEFAULT_ZONE);
    }

    /** The same, with the dates laid out around another "today", in the business zone's days and hours. */
    public static Result fillIfEmpty(Jdbi jdbi, int jobs, LocalDate today, ZoneId zone) {
        long start = System.nanoTime();
        if (jobs <= 0) {
            return Result.skipped(Duration.ZERO);
        }
        Result result = jdbi.inTransaction(handle -> {
            handle.execute("LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE");
            if (handle.createQuery("SELECT EXISTS (SELECT 1 FROM jobs)").mapTo(Boolean.class).one()) {
                return Result.skipped(elapsed(start));
            }
            LOG.info("demo data: filling an empty database with {} work orders", jobs);
            return fill(handle, jobs, new Timeline(today, zone), start);
        });
        if (result.filled()) {
            jdbi.useHandle(handle -> FILLED_TABLES.forEach(table -> handle.execute("ANALYZE " + table)));
            result = new Result(true, result.companies(), result.installations(), result.jobs(), result.visits(),
                    elapsed(start));
            LOG.info("demo data: {} companies, {} installations, {} work orders, {} visits in {} s",
                    result.companies(), result.installations(), result.jobs(), result.visits(),
                    result.elapsed().toMillis() / 1000.0);
        } else {
            LOG.info("demo data: the database has work orders already; nothing added");
        }
        return result;
    }

    /** The demo sign-ins, one line each, for the start-up banner. */
    public static List<String> signInLines() {
        return SIGN_INS.stream().map(signIn -> String.format("  %-24s %-10s %s", signIn.username(), signIn.role(),
                signIn.company() == null ? "" : signIn.company())).toList();
    }

    private static Result fill(Handle handle, int jobs, Timeline timeline, long start) {
        Dice dice = new Dice(SEED);
        Lookups lookups = Lookups.load(handle);
        ReferenceRows.Ids reference = new ReferenceRows(handle, lookups, dice, timeline).insert();
        int technicians = Math.max(12, Math.min(800, jobs / 2_500));
        Staff.Ids staff = new Staff(handle, lookups, reference, dice).insert(technicians, Math.max(4, technicians / 10));
        Customers.Base base = new Customers(handle, lookups, reference, timeline, dice).insert(companiesFor(jobs));
        LOG.info("demo data: {} companies, {} installations, {} technicians ({} s)", base.customers().size(),
                base.installations().size(), technicians, elapsed(start).toSeconds());
        DemoAccounts.insert(handle, staff);
        WorkOrders.Counts counts = new WorkOrders(handle, lookups, reference, staff, base, timeline, dice)
                .insert(jobs, start);
        return new Result(true, base.customers().size(), base.installations().size(), counts.jobs(), counts.visits(),
                elapsed(start));
    }

    /** About 350 work orders per customer over two years (some 44 installations each, 8 orders apiece). */
    static int companiesFor(int jobs) {
        return Math.max(8, (int) Math.round(jobs / 350.0));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
