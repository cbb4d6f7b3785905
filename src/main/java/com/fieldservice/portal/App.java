package com.fieldservice.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.api.JobApiHandler;
import com.fieldservice.portal.db.Database;
import com.fieldservice.portal.db.DatabaseException;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.auth.AccessControl;
import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.auth.PasswordHandler;
import com.fieldservice.portal.auth.PasswordService;
import com.fieldservice.portal.auth.SessionStore;
import com.fieldservice.portal.auth.SignInHandler;
import com.fieldservice.portal.auth.SignInService;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.backoffice.BackOfficeHandler;
import com.fieldservice.portal.backoffice.JobDetailHandler;
import com.fieldservice.portal.backoffice.JobGridHandler;
import com.fieldservice.portal.backoffice.QuickFindHandler;
import com.fieldservice.portal.portal.PortalHandler;
import com.fieldservice.portal.web.Cookies;
import com.fieldservice.portal.web.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import com.fieldservice.portal.web.ErrorPages;
import com.fieldservice.portal.web.HealthHandler;
import com.fieldservice.portal.web.Json;
import com.fieldservice.portal.web.SecurityHeaders;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;
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

    private App(Database database, Javalin javalin, List<Routes.Route> routeTable) {
        this.database = database;
        this.javalin = javalin;
        this.routeTable = routeTable;
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
        Database database = Database.open(settings);
        try {
            settings.demoJobs().ifPresent(jobs -> DemoData.fillIfEmpty(database.jdbi(), jobs));
            List<Routes.Route> table = new ArrayList<>();
            Javalin javalin = routes(settings, database, table).start(settings.port());
            App app = new App(database, javalin, List.copyOf(table));
            LOG.info("portal listening on http://localhost:{}", javalin.port());
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Javalin routes(Settings settings, Database database, List<Routes.Route> table) {
        Jdbi jdbi = database.jdbi();
        ObjectMapper json = Json.mapper();
        Cookies cookies = new Cookies(settings.secureCookies());
        Audit audit = new Audit(jdbi);
        SessionStore sessions = new SessionStore(jdbi, SessionStore.DEFAULT_IDLE, SessionStore.DEFAULT_ABSOLUTE);
        SignInService signIn = new SignInService(jdbi, new SignInThrottle(jdbi), audit);
        AccessControl access = new AccessControl(sessions, signIn, audit, cookies);

        SignInHandler signInPages = new SignInHandler(signIn, sessions, audit, cookies);
        PasswordHandler passwordPages = new PasswordHandler(new PasswordService(jdbi, audit));
        HealthHandler health = new HealthHandler(database);
        BackOfficeHandler backOffice = new BackOfficeHandler(jdbi);
        JobGridHandler jobGrid = new JobGridHandler(jdbi);
        JobDetailHandler jobDetail = new JobDetailHandler(jdbi);
        QuickFindHandler quickFind = new QuickFindHandler(jdbi);
        PortalHandler portal = new PortalHandler();
        JobApiHandler jobApi = new JobApiHandler(jdbi, json);

        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(json, false));
            c.fileRenderer(new ThymeleafRenderer());
            // assets are public; everything else declares its roles below
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
            c.jetty.modifyServer(server -> {
                server.setStopTimeout(GRACEFUL_STOP_MILLIS);
                server.setStopAtShutdown(false);
                // lets requests in flight finish while new ones are refused
                server.insertHandler(new GracefulHandler());
            });

            c.routes.before(SecurityHeaders::apply);
            c.routes.beforeMatched(access::check);

            // Every route names the roles that may use it (deny by default: see AccessControl).
            Routes routes = new Routes(c.routes);
            routes.get("/", signInPages::root, ANYONE)
                    .get("/health", health::show, ANYONE)
                    .get("/login", signInPages::form, ANYONE)
                    .post("/login", signInPages::submit, ANYONE)
                    .post("/logout", signInPages::signOut, ADMIN, PLANNER, CUSTOMER)
                    .get("/account/password", passwordPages::form, ADMIN, PLANNER, CUSTOMER)
                    .post("/account/password", passwordPages::submit, ADMIN, PLANNER, CUSTOMER)
                    .get("/backoffice", backOffice::home, ADMIN, PLANNER)
                    .get("/backoffice/jobs", jobGrid::grid, ADMIN, PLANNER)
                    .get("/backoffice/jobs.csv", jobGrid::csv, ADMIN, PLANNER)
                    .get("/backoffice/jobs/{number}", jobDetail::show, ADMIN, PLANNER)
                    .get("/backoffice/find", quickFind::find, ADMIN, PLANNER)
                    .get("/portal", portal::home, CUSTOMER)
                    .get("/api/jobs/{id}", jobApi::show, API);
            table.addAll(routes.table());

            c.routes.error(404, ErrorPages::notFound);
            c.routes.exception(Exception.class, ErrorPages::unexpected);
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

    /** Stops taking requests, lets those in flight finish, then stops the database. */
    @Override
    public void close() {
        LOG.info("portal stopping");
        try {
            javalin.stop();
        } finally {
            database.close();
            LOG.info("portal stopped");
        }
    }
}
