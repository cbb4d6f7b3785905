package com.fieldservice.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.api.JobApiHandler;
import com.fieldservice.portal.db.Database;
import com.fieldservice.portal.db.DatabaseException;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.home.HomeHandler;
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

    private App(Database database, Javalin javalin) {
        this.database = database;
        this.javalin = javalin;
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
            Javalin javalin = routes(settings, database).start(settings.port());
            App app = new App(database, javalin);
            LOG.info("portal listening on http://localhost:{}", javalin.port());
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Javalin routes(Settings settings, Database database) {
        ObjectMapper json = Json.mapper();
        HomeHandler home = new HomeHandler();
        HealthHandler health = new HealthHandler(database);
        JobApiHandler jobApi = new JobApiHandler(database.jdbi(), json);

        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(json, false));
            c.fileRenderer(new ThymeleafRenderer());
            c.staticFiles.enableWebjars();
            c.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            c.jetty.modifyServer(server -> {
                server.setStopTimeout(GRACEFUL_STOP_MILLIS);
                server.setStopAtShutdown(false);
                // lets requests in flight finish while new ones are refused
                server.insertHandler(new GracefulHandler());
            });

            c.routes.before(SecurityHeaders::apply);
            c.routes.get("/", home::show);
            c.routes.get("/health", health::show);
            c.routes.get("/api/jobs/{id}", jobApi::show);

            c.routes.error(404, ErrorPages::notFound);
            c.routes.exception(Exception.class, ErrorPages::unexpected);
        });
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
        javalin.stop();
        database.close();
        LOG.info("portal stopped");
    }
}
