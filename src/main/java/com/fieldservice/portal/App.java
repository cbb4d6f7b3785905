package com.fieldservice.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.admin.AccountAdminHandler;
import com.fieldservice.portal.admin.AccountAdminService;
import com.fieldservice.portal.admin.AuditLogHandler;
import com.fieldservice.portal.admin.ForgotPasswordHandler;
import com.fieldservice.portal.admin.ForgotPasswordService;
import com.fieldservice.portal.notify.Mail;
import com.fieldservice.portal.admin.SetPasswordHandler;
import com.fieldservice.portal.admin.SetPasswordService;
import com.fieldservice.portal.api.JobApiHandler;
import com.fieldservice.portal.db.Database;
import com.fieldservice.portal.db.DatabaseException;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.auth.AccessControl;
import com.fieldservice.portal.auth.AccountHandler;
import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.auth.PasswordHandler;
import com.fieldservice.portal.auth.PasswordService;
import com.fieldservice.portal.auth.SessionCache;
import com.fieldservice.portal.auth.SessionStore;
import com.fieldservice.portal.auth.SignInHandler;
import com.fieldservice.portal.auth.SignInService;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.backoffice.BackOfficeHandler;
import com.fieldservice.portal.backoffice.JobFormHandler;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.ops.FinishInFlight;
import com.fieldservice.portal.ops.CacheEvents;
import com.fieldservice.portal.ops.Operations;
import com.fieldservice.portal.backoffice.JobDetailHandler;
import com.fieldservice.portal.backoffice.JobGridHandler;
import com.fieldservice.portal.backoffice.QuickFindHandler;
import com.fieldservice.portal.conversation.StaffConversation;
import com.fieldservice.portal.conversation.StaffConversationHandler;
import com.fieldservice.portal.customer.PortalFormat;
import com.fieldservice.portal.customer.PortalHandler;
import com.fieldservice.portal.customer.TrackHandler;
import com.fieldservice.portal.customer.JobActionsHandler;
import com.fieldservice.portal.customer.JobActionsService;
import com.fieldservice.portal.customer.ReportHandler;
import com.fieldservice.portal.customer.ReportService;
import com.fieldservice.portal.customer.UploadLimits;
import com.fieldservice.portal.planning.BoardHandler;
import com.fieldservice.portal.planning.CalendarHandler;
import com.fieldservice.portal.planning.TechnicianChoices;
import com.fieldservice.portal.planning.VisitHandler;
import com.fieldservice.portal.planning.VisitService;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Cookies;
import com.fieldservice.portal.web.Routes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import com.fieldservice.portal.web.ErrorPages;
import com.fieldservice.portal.web.HealthHandler;
import com.fieldservice.portal.web.IgnoreMethodOverride;
import com.fieldservice.portal.web.InputGuard;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.Json;
import com.fieldservice.portal.web.SecurityHeaders;
import com.fieldservice.portal.web.ServerTiming;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.fieldservice.portal.auth.Role.ADMIN;
import static com.fieldservice.portal.auth.Role.ANYONE;
import static com.fieldservice.portal.auth.Role.API;
import static com.fieldservice.portal.auth.Role.CUSTOMER;
import static com.fieldservice.portal.auth.Role.PLANNER;

/**
 * The wiring, and nothing else: settings → database → services → routes. Every route of the
 * portal is registered here, in one place.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** How long requests in flight may take to finish when the portal is asked to stop. */
    private static final long GRACEFUL_STOP_MILLIS = 20_000;

    private final Database database;
    private final Javalin javalin;
    private final List<Routes.Route> routeTable;
    private final Operations ops;
    private final Mail mail;

    private App(Database database, Javalin javalin, List<Routes.Route> routeTable, Operations ops, Mail mail) {
        this.database = database;
        this.javalin = javalin;
        this.routeTable = routeTable;
        this.ops = ops;
        this.mail = mail;
    }

    public static void main(String[] args) {
        try {
            App app = start(Settings.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "portal-shutdown"));
        } catch (Settings.SettingsException | DatabaseException e) {
            System.err.println("portal: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    public static App start(Settings settings) {
        long began = System.nanoTime();
        Operations ops = new Operations(settings.ops(), settings.secureCookies());
        Database database;
        try {
            database = Database.open(settings, ops::observe);
        } catch (RuntimeException e) {
            ops.close();
            throw e;
        }
        LOG.info("database ready in {} ms ({})", (System.nanoTime() - began) / 1_000_000,
                settings.embeddedDatabase() ? "embedded PostgreSQL, data in " + settings.dataDir() : "external PostgreSQL");
        try {
            BusinessClock clock = BusinessClock.system(settings.timeZone());
            // laid out around today, so that the demo's due dates and visits look current
            settings.demoJobs().ifPresent(jobs -> DemoData.fillIfEmpty(database.jdbi(), jobs, clock.today(), clock.zone()));
            List<Routes.Route> table = new ArrayList<>();
            ops.attach(database);
            Mail mail = new Mail(settings.mail(), database.jdbi(), clock);
            Javalin javalin = routes(settings, clock, database, ops, mail, table).start(settings.port());
            mail.started(javalin.port());
            App app = new App(database, javalin, List.copyOf(table), ops, mail);
            LOG.info("portal listening on http://localhost:{} ({} ms after start)", javalin.port(),
                    (System.nanoTime() - began) / 1_000_000);
            if (settings.demoJobs().isPresent()) {
                LOG.info("demo sign-ins, all with the password {}:\n{}", DemoData.DEMO_PASSWORD,
                        String.join("\n", DemoData.signInLines()));
            }
            return app;
        } catch (RuntimeException e) {
            ops.close();
            database.close();
            throw e;
        }
    }

    private static Javalin routes(Settings settings, BusinessClock clock, Database database, Operations ops, Mail mail,
                                  List<Routes.Route> table) {
        Jdbi jdbi = database.jdbi();
        // the heavy read-only pages read the replica, if there is one (PORTAL_DB_READ_URL)
        Jdbi reads = database.readJdbi();
        ObjectMapper json = Json.mapper();
        Cookies cookies = new Cookies(settings.secureCookies());
        Audit audit = new Audit(jdbi);
        // trusted only while this instance hears every change: otherwise each request reads its session
        SessionCache sessionCache = new SessionCache(ops.caches()::listening);
        SessionStore sessions = new SessionStore(jdbi, SessionStore.DEFAULT_IDLE, SessionStore.DEFAULT_ABSOLUTE,
                sessionCache, Clock.systemUTC());
        SignInThrottle throttle = new SignInThrottle(jdbi, ops.caches()::listening);
        SignInService signIn = new SignInService(jdbi, throttle, audit);
        AccessControl access = new AccessControl(sessions, signIn, audit, cookies);

        SignInHandler signInPages = new SignInHandler(signIn, sessions, audit, cookies);
        AccountHandler account = new AccountHandler(jdbi);
        PasswordHandler passwordPages = new PasswordHandler(new PasswordService(jdbi, throttle, audit));
        HealthHandler health = new HealthHandler(database);
        PortalFormat customerFormat = new PortalFormat(clock);
        BackOfficeHandler backOffice = new BackOfficeHandler(reads, clock);
        JobGridHandler jobGrid = new JobGridHandler(reads, clock);
        Workflow workflow = Workflow.load(jdbi);
        TechnicianChoices technicianChoices = new TechnicianChoices(ops.caches()::listening);
        JobDetailHandler jobDetail = new JobDetailHandler(jdbi, clock, workflow, technicianChoices);
        QuickFindHandler quickFind = new QuickFindHandler(jdbi);
        TrackHandler track = new TrackHandler(jdbi, throttle, customerFormat);
        JobApiHandler jobApi = new JobApiHandler(reads, json);
        VisitService visitService = new VisitService(jdbi, clock);
        JobService jobService = new JobService(jdbi, workflow, clock, visitService);
        JobFormHandler jobForms = new JobFormHandler(jobService, jdbi, clock);
        AccountAdminHandler admin = new AccountAdminHandler(new AccountAdminService(jdbi), cookies, settings.secureCookies(),
                settings.mail().sends());
        AuditLogHandler auditLog = new AuditLogHandler(audit);
        SetPasswordHandler setPassword = new SetPasswordHandler(new SetPasswordService(jdbi, throttle, audit));
        ForgotPasswordHandler forgotPassword = new ForgotPasswordHandler(new ForgotPasswordService(jdbi, throttle, audit));
        JobActionsService jobActions = new JobActionsService(jdbi, jobService, clock, settings.supportPhone());
        PortalHandler portal = new PortalHandler(jdbi, jobActions, customerFormat);
        ReportHandler report = new ReportHandler(new ReportService(jdbi, jobService, clock), jobActions, jdbi);
        JobActionsHandler customerActions = new JobActionsHandler(jobActions);
        VisitHandler visits = new VisitHandler(visitService, jobDetail);
        BoardHandler board = new BoardHandler(jdbi, clock);
        CalendarHandler calendars = new CalendarHandler(jdbi, clock, audit);
        StaffConversationHandler staffReplies = new StaffConversationHandler(new StaffConversation(jdbi), jobDetail::show);

        // every instance forgets what another one (or psql) changed
        ops.caches().onChange(workflow::reload, "job_status", "job_status_transition", "job_status_translation")
                .onChange(jobGrid::forgetLookups, "job_status", "job_type", "job_priority", "skill",
                        "job_status_translation", "job_type_translation", "job_priority_translation", "skill_translation")
                .onChange(backOffice::forget, "jobs", "job_status", "job_type", "job_priority",
                        "job_status_translation", "job_type_translation", "job_priority_translation")
                .onChange(technicianChoices::forget, "app_user", "app_user_skill")
                .onKeyedChange(sessionCache::forgetAccount, sessionCache::clear, "web_session", "account")
                .onChange(throttle::forgetClearClients, "sign_in_attempt")
                .start();

        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            ops.configure(c);
            c.jsonMapper(new JavalinJackson(json, false));
            c.fileRenderer(new ThymeleafRenderer(new DateDisplay(clock)));
            // assets are public; everything else declares its roles below. Read through the class
            // loader's own view of the jar: Jetty's handler mounts the whole jar (16,000 entries)
            // as a zip file system, twice per location, 20 MB of heap for as long as the JVM runs
            c.resourceHandler(new JavalinStaticResourceHandler());
            c.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=31622400");
                files.roles = Set.of(ANYONE);
            });
            c.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(ANYONE);
            });
            c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            // five files of 10 MB fit with room to say which one is too large; beyond, UploadLimits answers 413
            UploadLimits.configure(c.jetty.multipartConfig);
            c.jetty.modifyServer(server -> {
                server.setStopTimeout(GRACEFUL_STOP_MILLIS);
                server.setStopAtShutdown(false);
                // lets requests in flight finish, and those accepted just before the port closed
                server.insertHandler(new FinishInFlight());
                server.insertHandler(new IgnoreMethodOverride());
            });

            c.routes.before(ServerTiming::start);
            c.routes.before(ctx -> Language.beforeEach(ctx, settings.defaultLanguage(), cookies));
            c.routes.before(new SecurityHeaders(settings.secureCookies())::apply);
            c.routes.before(UploadLimits::refuseOversized);
            c.routes.beforeMatched(InputGuard::refuseUnstorableText);
            c.routes.beforeMatched(access::check);

            // Every route names the roles that may use it (deny by default: see AccessControl).
            Routes routes = new Routes(c.routes);
            routes.get("/", signInPages::root, ANYONE)
                    .get("/health", health::show, ANYONE)
                    .get("/ready", ops.readiness()::show, ANYONE)
                    // answers only the bearer of PORTAL_METRICS_TOKEN; 404 without the variable
                    .get("/metrics", ops.metrics()::scrape, ANYONE)
                    .get("/login", signInPages::form, ANYONE)
                    .post("/login", signInPages::submit, ANYONE)
                    .post("/logout", signInPages::signOut, ADMIN, PLANNER, CUSTOMER)
                    .get("/account", account::page, ADMIN, PLANNER, CUSTOMER)
                    .post("/account/language", account::changeLanguage, ADMIN, PLANNER, CUSTOMER)
                    .get("/account/password", passwordPages::form, ADMIN, PLANNER, CUSTOMER)
                    .post("/account/password", passwordPages::submit, ADMIN, PLANNER, CUSTOMER)
                    .get("/backoffice", backOffice::home, ADMIN, PLANNER)
                    .get("/backoffice/jobs", jobGrid::grid, ADMIN, PLANNER)
                    .get("/backoffice/jobs.csv", jobGrid::csv, ADMIN, PLANNER)
                    .get("/backoffice/find", quickFind::find, ADMIN, PLANNER)
                    .get("/backoffice/jobs/new", jobForms::newForm, ADMIN, PLANNER)
                    .post("/backoffice/jobs/new", jobForms::create, ADMIN, PLANNER)
                    .get("/backoffice/jobs/{number}/edit", jobForms::editForm, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/edit", jobForms::edit, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/status", jobForms::changeStatus, ADMIN, PLANNER)
                    .get("/backoffice/jobs/{number}", jobDetail::show, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/visits", visits::add, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/visits/{id}", visits::change, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/visits/{id}/delete", visits::delete, ADMIN, PLANNER)
                    .get("/backoffice/planning", board::board, ADMIN, PLANNER)
                    .post("/backoffice/planning/technicians/{id}/calendar", calendars::renew, ADMIN)
                    .get("/calendar/{token}", calendars::technicianFeed, ANYONE)
                    .get("/portal/jobs/{number}/visits/{n}/calendar.ics", calendars::customerVisit, CUSTOMER)
                    .get("/portal", portal::home, CUSTOMER)
                    .get("/portal/jobs", portal::jobs, CUSTOMER)
                    .get("/portal/jobs.csv", portal::csv, CUSTOMER)
                    .get("/portal/jobs/{number}", portal::job, CUSTOMER)
                    .get("/portal/lookup", portal::lookup, CUSTOMER)
                    .get("/track", track::form, ANYONE)
                    .post("/track", track::submit, ANYONE)
                    .get("/portal/report", report::form, CUSTOMER)
                    .post("/portal/report", report::submit, CUSTOMER)
                    .get("/portal/report/done/{number}", report::done, CUSTOMER)
                    .get("/portal/jobs/{number}/activity", customerActions::page, CUSTOMER)
                    .post("/portal/jobs/{number}/comments", customerActions::comment, CUSTOMER)
                    .post("/portal/jobs/{number}/files", customerActions::addFiles, CUSTOMER)
                    .post("/portal/jobs/{number}/cancel", customerActions::cancel, CUSTOMER)
                    .get("/portal/jobs/{number}/files/{id}", customerActions::customerFile, CUSTOMER)
                    .get("/backoffice/jobs/{number}/files/{id}", customerActions::backOfficeFile, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/comments", staffReplies::comment, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/files", staffReplies::addFiles, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/read", staffReplies::markRead, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/comments/{id}/visibility", staffReplies::commentVisibility, ADMIN, PLANNER)
                    .post("/backoffice/jobs/{number}/files/{id}/visibility", staffReplies::fileVisibility, ADMIN, PLANNER)
                    .get("/admin/accounts", admin::list, ADMIN)
                    .get("/admin/accounts/new-staff", admin::newStaff, ADMIN)
                    .post("/admin/accounts/new-staff", admin::createStaff, ADMIN)
                    .get("/admin/accounts/invite", admin::newInvite, ADMIN)
                    .post("/admin/accounts/invite", admin::invite, ADMIN)
                    .get("/admin/accounts/new-api", admin::newApiUser, ADMIN)
                    .post("/admin/accounts/new-api", admin::createApiUser, ADMIN)
                    .get("/admin/accounts/{id}", admin::show, ADMIN)
                    .get("/admin/accounts/{id}/edit", admin::editStaff, ADMIN)
                    .post("/admin/accounts/{id}/edit", admin::updateStaff, ADMIN)
                    .get("/admin/accounts/{id}/issued", admin::issued, ADMIN)
                    .post("/admin/accounts/{id}/reset", admin::reset, ADMIN)
                    .post("/admin/accounts/{id}/disable", admin::disable, ADMIN)
                    .post("/admin/accounts/{id}/enable", admin::enable, ADMIN)
                    .get("/admin/audit", auditLog::show, ADMIN)
                    .get("/set-password", setPassword::form, ANYONE)
                    .post("/set-password", setPassword::submit, ANYONE)
                    .get("/password/forgot", forgotPassword::form, ANYONE)
                    .post("/password/forgot", forgotPassword::submit, ANYONE)
                    .get("/account/notifications", mail.preferences::form, ADMIN, PLANNER, CUSTOMER)
                    .post("/account/notifications", mail.preferences::save, ADMIN, PLANNER, CUSTOMER)
                    .get("/unsubscribe", mail.preferences::confirm, ANYONE)
                    .post("/unsubscribe", mail.preferences::unsubscribe, ANYONE)
                    .get("/admin/outbox", mail.outbox::list, ADMIN)
                    .get("/admin/outbox/{id}", mail.outbox::show, ADMIN)
                    .post("/admin/outbox/{id}/retry", mail.outbox::retry, ADMIN)
                    .get("/api/jobs/{id}", jobApi::show, API);
            table.addAll(routes.table());

            c.routes.after(ServerTiming::finish);
            c.routes.error(404, ErrorPages::notFound);
            c.routes.exception(Exception.class, (e, ctx) -> {
                if (!UploadLimits.answerIfTooLarge(e, ctx) && !InputGuard.answerIfUnreadable(e, ctx)) {
                    ErrorPages.unexpected(e, ctx);
                }
            });
        });
    }

    /** Every route of the portal with the roles it declares. */
    public List<Routes.Route> routeTable() {
        return routeTable;
    }

    public int port() {
        return javalin.port();
    }

    public Database database() {
        return database;
    }

    /** This instance's listener for changes to what it caches. */
    public CacheEvents cacheEvents() {
        return ops.caches();
    }

    /**
     * Says it is no longer ready (/ready: 503) for PORTAL_DRAIN_SECONDS, then stops taking
     * requests, lets those in flight finish, then stops the database.
     */
    @Override
    public void close() {
        LOG.info("portal stopping");
        try {
            ops.drain();
            javalin.stop();
            mail.close();
        } finally {
            ops.close();
            database.close();
            LOG.info("portal stopped");
        }
    }
}
