package com.fieldservice.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.notify.NotificationDao;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the customer's side that reads or writes work orders is limited by the one
 * customer scope, so a query added without it fails here before a customer could see another
 * company's work order: the customer package's own statements, the statements and statement
 * constants of the other packages' DAOs it uses (the conversation's timeline), and the choice of
 * which customers a message about a work order goes to. Nowhere else is the rule written again.
 * The HTTP tests (PortalReadTest, JobActionsTest, ReportTest, ConversationTest) check the same
 * from the outside, route by route.
 */
class CustomerScopeTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path PACKAGE = MAIN.resolve("com/fieldservice/portal/customer");
    private static final Pattern TOUCHES_JOBS = Pattern.compile("(?i)\\b(from|join|update)\\s+(jobs\\b|customer_visits\\()");
    /** A DAO of another package that the customer package uses. */
    private static final Pattern IMPORTED_DAO = Pattern.compile("^import (com\\.fieldservice\\.portal\\.(?!customer\\.)[\\w.]+Dao);",
            Pattern.MULTILINE);

    /** The statements (methods and statement constants) that read work orders without the scope, and why that is right. */
    private static final Map<String, String> UNSCOPED = Map.ofEntries(
            Map.entry("PortalJobDao.track", "the public tracking page: the number and the customer's reference together"),
            Map.entry("PortalJobDao.visits", "the visits (customer_visits reads their job) of a work order found just before by detail (scoped) or track"),
            Map.entry("ReportDao.anyJob", "the back office's download of a file, for planners only"),
            Map.entry("ReportDao.lockJob", "locks, by id, a job found through customerJob (scoped) just before"),
            Map.entry("ReportDao.jobId", "the id of the job just created in the same transaction"),
            Map.entry("ReportDao.keepContactPhone", "the phone number given with the job just created, in the same transaction"),
            Map.entry("ReportDao.submitted", "the job this account's own form created (its one-time token)"),
            Map.entry("TimelineDao.JOB_COLUMNS", "a part: the customer's FOR_CUSTOMER adds the scope to it, the back office's FOR_STAFF doesn't"),
            Map.entry("TimelineDao.FOR_STAFF", "the back office's timeline (read by backoffice/JobPageDao, never by a customer's page)"),
            Map.entry("TimelineDao.STAFF_LATEST", "the back office's shortened timeline: FOR_STAFF"),
            Map.entry("TimelineDao.jobId", "the back office finds a work order by its number (StaffConversation)"),
            Map.entry("TimelineDao.lockJob", "locks, by id, a job the caller found before (scoped on the customer's side)"),
            Map.entry("TimelineDao.record", "a history entry, by id, for a job the caller found before (scoped on the customer's side)"),
            Map.entry("ReplyStateDao.answerWithdrawn", "the back office takes back an answer (StaffConversation), by the job's id"));

    /**
     * The statements of notify/NotificationDao that read contacts with a work order without the
     * scope, and why that is right. Every other one chooses customers to write to, and must ask
     * the rule whether each may see the work order.
     */
    private static final Map<String, String> NOT_RECIPIENTS = Map.of(
            "NotificationDao.jobFacts", "the reporter's name a message about the work order quotes, never whom it goes to");

    /**
     * The only source files that may name a contact's portal scope ({@code portal_scope},
     * {@code own_requests}), and why: a copy of the rule anywhere else would drift from the database's one.
     */
    private static final Map<String, String> SCOPE_NAMED = Map.of(
            "auth/AccountDao.java", "builds a signed-in customer's scope (Principal.onlyOwnRequests, read by CustomerScope.of)",
            "customer/CustomerScope.java", "the scope itself (its documentation)",
            "notify/NotificationDao.java", "customerRecipients passes each contact's scope to customer_may_see",
            "admin/AdminAccountDao.java", "account administration lists and sets contacts' scopes",
            "admin/AccountAdminService.java", "account administration: the scopes an administrator chooses from",
            "demo/Customers.java", "demo data gives its contacts a scope");
    private static final Pattern NAMES_THE_SCOPE = Pattern.compile("portal_scope|own_requests");

    @Test
    void everyStatementOnWorkOrdersIsLimitedByTheCustomerScope() throws Exception {
        List<String> unscoped = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<Class<?>> checked = new ArrayList<>(classesOfThePackage());
        checked.addAll(daosOfOtherPackagesUsed());
        for (Class<?> type : checked) {
            statements(type).forEach((name, sql) -> {
                if (TOUCHES_JOBS.matcher(sql).find()) {
                    found.add(name);
                    if (!sql.contains(CustomerScope.VISIBLE_JOB) && !UNSCOPED.containsKey(name)) {
                        unscoped.add(name);
                    }
                }
            });
        }
        assertThat(unscoped).as("statements on jobs without CustomerScope.VISIBLE_JOB (add it, or add the statement to"
                + " UNSCOPED with the reason no customer reads another company's work order through it)").isEmpty();
        // the check sees the statements it is meant to see, and the list of exceptions is not stale
        assertThat(found).contains("PortalJobDao.page", "PortalJobDao.detail", "ReportDao.customerJob",
                "TimelineDao.FOR_CUSTOMER", "TimelineDao.CUSTOMER_JSON", "TimelineDao.CUSTOMER_LATEST")
                .containsAll(UNSCOPED.keySet());
    }

    @Test
    void theOtherPackagesDaosTheCustomerPackageUsesAreChecked() throws IOException {
        assertThat(daosOfOtherPackagesUsed()).extracting(Class::getSimpleName)
                .as("found by the customer package's imports").contains("TimelineDao", "ReplyStateDao");
    }

    @Test
    void everyMessageToCustomersGoesOnlyToThoseWhoMaySeeTheWorkOrder() {
        List<String> found = new ArrayList<>();
        List<String> unscoped = new ArrayList<>();
        Pattern readsContacts = Pattern.compile("(?i)\\b(from|join)\\s+contact\\b");
        statements(NotificationDao.class).forEach((name, sql) -> {
            if (readsContacts.matcher(sql).find() && TOUCHES_JOBS.matcher(sql).find()) {
                found.add(name);
                if (!sql.contains("customer_may_see(j,") && !NOT_RECIPIENTS.containsKey(name)) {
                    unscoped.add(name);
                }
            }
        });
        assertThat(unscoped).as("statements choosing customers to write to about a work order without customer_may_see(j, …)")
                .isEmpty();
        assertThat(found).contains("NotificationDao.customerRecipients").containsAll(NOT_RECIPIENTS.keySet());
    }

    @Test
    void theScopeIsTheDatabasesOneRule() {
        assertThat(CustomerScope.VISIBLE_JOB).startsWith("customer_may_see(j,");
    }

    /** Only the places that build or edit a scope name it: no statement writes the rule again beside customer_may_see. */
    @Test
    void noOtherCodeNamesTheScope() throws IOException {
        TreeSet<String> naming = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (NAMES_THE_SCOPE.matcher(Files.readString(file)).find()) {
                    naming.add(MAIN.resolve("com/fieldservice/portal").relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        assertThat(naming).as("files naming portal_scope or own_requests outside SCOPE_NAMED (call customer_may_see"
                + " through CustomerScope.VISIBLE_JOB instead, or add the file with the reason)")
                .containsExactlyInAnyOrderElementsOf(SCOPE_NAMED.keySet());
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

    /**
     * A type's statements by "Type.member": its methods' {@code @SqlQuery}/{@code @SqlUpdate}
     * and, for a DAO of another package, its String constants (the parts other DAOs' statements are built from).
     */
    private static Map<String, String> statements(Class<?> type) {
        Map<String, String> statements = new LinkedHashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            String sql = sql(method);
            if (sql != null) {
                statements.put(type.getSimpleName() + "." + method.getName(), sql);
            }
        }
        if (!type.getPackageName().equals(CustomerScope.class.getPackageName())) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        statements.put(type.getSimpleName() + "." + field.getName(), (String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return statements;
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

    /** The DAOs of other packages that the customer package imports (the conversation's, today). */
    private static List<Class<?>> daosOfOtherPackagesUsed() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(PACKAGE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher imported = IMPORTED_DAO.matcher(Files.readString(file));
                while (imported.find()) {
                    names.add(imported.group(1));
                }
            }
        }
        List<Class<?>> daos = new ArrayList<>();
        for (String name : names) {
            try {
                daos.add(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name, e);
            }
        }
        return daos;
    }
}
