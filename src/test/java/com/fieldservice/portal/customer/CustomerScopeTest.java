package com.fieldservice.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the customer's side that reads or writes work orders is limited by the one
 * customer scope, so a query added without it fails here before a customer could see another
 * company's work order. The HTTP tests (PortalReadTest, JobActionsTest, ReportTest) check the
 * same from the outside, route by route.
 */
class CustomerScopeTest {

    private static final Path PACKAGE = Path.of("src/main/java/com/fieldservice/portal/customer");
    private static final Pattern TOUCHES_JOBS = Pattern.compile("(?i)\\b(from|join|update)\\s+(jobs\\b|customer_visits\\()");

    /** The statements that read work orders without the scope, and why that is right. */
    private static final Map<String, String> UNSCOPED = Map.of(
            "PortalJobDao.track", "the public tracking page: the number and the customer's reference together",
            "PortalJobDao.visits", "the visits (customer_visits reads their job) of a work order found just before by detail (scoped) or track",
            "ReportDao.anyJob", "the back office's download of a file, for planners only",
            "ReportDao.lockJob", "locks, by id, a job found through customerJob (scoped) just before",
            "ReportDao.jobId", "the id of the job just created in the same transaction",
            "ReportDao.keepContactPhone", "the phone number given with the job just created, in the same transaction",
            "ReportDao.submitted", "the job this account's own form created (its one-time token)");

    @Test
    void everyStatementOnWorkOrdersIsLimitedByTheCustomerScope() throws Exception {
        List<String> unscoped = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Class<?> type : classesOfThePackage()) {
            for (Method method : type.getDeclaredMethods()) {
                String sql = sql(method);
                if (sql == null || !TOUCHES_JOBS.matcher(sql).find()) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName();
                found.add(name);
                if (!sql.contains(CustomerScope.VISIBLE_JOB) && !UNSCOPED.containsKey(name)) {
                    unscoped.add(name);
                }
            }
        }
        assertThat(unscoped).as("statements on jobs without CustomerScope.VISIBLE_JOB").isEmpty();
        // the check sees the statements it is meant to see, and the list of exceptions is not stale
        assertThat(found).contains("PortalJobDao.page", "PortalJobDao.detail", "ReportDao.customerJob")
                .containsAll(UNSCOPED.keySet());
    }

    @Test
    void theScopeIsTheDatabasesOneRule() {
        assertThat(CustomerScope.VISIBLE_JOB).startsWith("customer_may_see(j,");
    }

    /** SQL lives in the DAOs' annotations, where the check above reads it; none is assembled elsewhere. */
    @Test
    void noStatementIsWrittenOutsideTheDaos() throws IOException {
        Pattern inline = Pattern.compile("\\.(createQuery|createUpdate|createCall|execute|select)\\(");
        try (Stream<Path> files = Files.list(PACKAGE)) {
            List<String> offenders = files.filter(file -> {
                try {
                    return inline.matcher(Files.readString(file)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(file -> file.getFileName().toString()).toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String sql(Method method) {
        SqlQuery query = method.getAnnotation(SqlQuery.class);
        if (query != null) {
            return query.value();
        }
        SqlUpdate update = method.getAnnotation(SqlUpdate.class);
        return update == null ? null : update.value();
    }

    private static List<Class<?>> classesOfThePackage() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(PACKAGE)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".java")) {
                    classes.add(Class.forName(CustomerScope.class.getPackageName() + "." + name.replace(".java", "")));
                }
            }
        }
        return classes;
    }
}
