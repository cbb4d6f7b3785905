package com.fieldservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.PackagedJarIT.RunningJar;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged portal, crashed the ways hosts crash it while planners save edits: its
 * PostgreSQL killed, the portal killed, both killed. Every edit acknowledged to a planner
 * (the redirect after the post) must be in the database afterwards, with the value sent or a
 * later one, and the portal must come back with no step by hand. The steps share one data
 * directory, as one installation lives through them one after the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final int CLIENTS = 4;
    private static final int JOBS_PER_CLIENT = 3;

    @TempDir
    static Path dataDir;
    private int httpPort;
    private int dbPort;
    private RunningJar portal;
    /** job number → the highest write number a planner was told was saved, and by which planner */
    private final Map<Integer, Acknowledged> acknowledged = new ConcurrentHashMap<>();

    record Acknowledged(int client, int write) {
    }

    @BeforeAll
    void startThePortal() throws Exception {
        httpPort = PackagedJarIT.freePort();
        dbPort = PackagedJarIT.freePort();
        portal = RunningJar.start(dataDir, httpPort, dbPort);
    }

    @AfterAll
    void stopThePortal() throws Exception {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    @Order(1)
    void killingTheEmbeddedPostgresDuringWritesLosesNoAcknowledgedWriteAndThePortalRecoversByItself() throws Exception {
        try (Burst burst = new Burst()) {
            burst.awaitAcknowledged(20);
            long killedAt = System.nanoTime();
            long killed = postmasterPid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            // the watchdog may bring it back faster than /health can be asked, so the outage is read
            // from the portal's own log; the 503 answers themselves: ExternalDatabaseRestartTest
            portal.awaitLine("the embedded PostgreSQL (PID " + killed + ") stopped unexpectedly", 10);
            awaitHealth(200, Duration.ofSeconds(60));
            assertThat(postmasterPid()).as("a new server, started by the portal").isNotEqualTo(killed);
            long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            String back = portal.awaitLine("the embedded PostgreSQL is back", 10);
            System.out.println("crash recovery of the embedded PostgreSQL: healthy again " + recoveredMillis
                    + " ms after kill -9; the portal logged: " + back);
            burst.awaitAcknowledged(burst.acknowledgedCount() + 20);
            burst.stop();
            assertThat(burst.statuses()).as("answers during the outage: a page or the 503 page, never a 500")
                    .isSubsetOf(200, 303, 503);
        }
        assertEveryAcknowledgedWriteIsKept();
    }

    @Test
    @Order(2)
    void aSecondPortalOnTheSameDataDirectoryRefusesToStart() throws Exception {
        RunningJar second = RunningJar.launch(dataDir, PackagedJarIT.freePort(), PackagedJarIT.freePort());
        assertThat(second.awaitExit(60)).isEqualTo(1);
        assertThat(second.output()).contains("portal: cannot start: another portal is already running on the data directory "
                + dataDir + "; stop it first, or give this portal its own PORTAL_DATA_DIR");
        assertThat(PackagedJarIT.get(httpPort, "/health").statusCode()).as("the first one still serves").isEqualTo(200);
    }

    @Test
    @Order(3)
    void killingThePortalDuringWritesLosesNoAcknowledgedWriteAndItStartsAgainAsIs() throws Exception {
        killThePortalDuringEdits(20);
        long leftover = postmasterPid();
        assertThat(ProcessHandle.of(leftover)).as("its PostgreSQL is left running").isPresent();

        long began = System.nanoTime();
        portal = RunningJar.start(dataDir, httpPort, dbPort);
        System.out.println("start after kill -9 of the portal: listening after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) + " ms");
        assertThat(portal.awaitLine("left running by a portal that did not stop cleanly", 1)).contains("PID " + leftover);
        // pg_ctl's fast stop returns once the server removed its postmaster.pid; the process ends
        // (and is reaped by init, its parent since the portal died) a moment later
        Optional<ProcessHandle> stillThere = ProcessHandle.of(leftover);
        if (stillThere.isPresent()) {
            stillThere.get().onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(leftover)).as("stopped, not shared").isEmpty();
        assertEveryAcknowledgedWriteIsKept();
    }

    @Test
    @Order(4)
    void aStalePostmasterPidOfAServerThatIsGoneDoesNotStopTheStart() throws Exception {
        killThePortalDuringEdits(10);
        // as after a power cut: the server is gone too, its postmaster.pid stays behind
        long gone = postmasterPid();
        ProcessHandle server = ProcessHandle.of(gone).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

        portal = RunningJar.start(dataDir, httpPort, dbPort);
        assertThat(portal.awaitLine("removed the stale postmaster.pid", 1)).contains("PID " + gone);
        assertThat(PackagedJarIT.get(httpPort, "/health").statusCode()).isEqualTo(200);
        assertEveryAcknowledgedWriteIsKept();
    }

    private void killThePortalDuringEdits(int acknowledgedBefore) throws Exception {
        try (Burst burst = new Burst()) {
            burst.awaitAcknowledged(acknowledgedBefore);
            portal.kill();
            burst.stop();
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    private HttpResponse<String> awaitHealth(int status, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpResponse<String> health;
        do {
            health = PackagedJarIT.get(httpPort, "/health");
        } while (health.statusCode() != status && System.nanoTime() < deadline);
        assertThat(health.statusCode()).as("/health within " + patience).isEqualTo(status);
        return health;
    }

    private void assertEveryAcknowledgedWriteIsKept() throws Exception {
        assertThat(acknowledged).isNotEmpty();
        Map<Integer, String> memos;
        try (Connection c = PackagedJarIT.connect(dataDir, dbPort);
             ResultSet rs = c.createStatement().executeQuery("SELECT id2, internal_memo FROM jobs WHERE internal_memo LIKE 'planner %'")) {
            memos = new java.util.HashMap<>();
            while (rs.next()) {
                memos.put(rs.getInt(1), rs.getString(2));
            }
        }
        acknowledged.forEach((job, ack) -> {
            String stored = memos.get(job);
            assertThat(stored).as("work order %d", job).startsWith("planner " + ack.client() + " write ");
            int write = Integer.parseInt(stored.substring(stored.lastIndexOf(' ') + 1));
            assertThat(write).as("work order %d keeps the acknowledged write %d or a later one", job, ack.write())
                    .isGreaterThanOrEqualTo(ack.write());
        });
    }

    /**
     * Planners saving edits as fast as the portal takes them, each on work orders of their own
     * (so that no edit conflicts with another), each edit with a higher number than the last.
     */
    private final class Burst implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger acknowledgedCount = new AtomicInteger();
        private final Set<Integer> statuses = new CopyOnWriteArraySet<>();
        private final ExecutorService planners = Executors.newFixedThreadPool(CLIENTS);

        Burst() throws Exception {
            List<Integer> jobs = jobNumbers();
            for (int client = 0; client < CLIENTS; client++) {
                int planner = client;
                List<Integer> own = jobs.subList(client * JOBS_PER_CLIENT, (client + 1) * JOBS_PER_CLIENT);
                planners.submit(() -> edit(planner, own));
            }
        }

        private List<Integer> jobNumbers() throws Exception {
            try (Connection c = PackagedJarIT.connect(dataDir, dbPort);
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT id2 FROM jobs WHERE date_closed IS NULL ORDER BY id2 LIMIT " + CLIENTS * JOBS_PER_CLIENT)) {
                List<Integer> numbers = new ArrayList<>();
                while (rs.next()) {
                    numbers.add(rs.getInt(1));
                }
                return numbers;
            }
        }

        private Void edit(int planner, List<Integer> jobs) throws Exception {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            int write = acknowledged.values().stream().mapToInt(Acknowledged::write).max().orElse(0);
            boolean signedIn = false;
            while (running.get()) {
                try {
                    if (!signedIn) {
                        signedIn = signIn(browser);
                        continue;
                    }
                    for (int job : jobs) {
                        write++;
                        if (save(browser, job, "planner " + planner + " write " + write)) {
                            acknowledged.put(job, new Acknowledged(planner, write));
                            acknowledgedCount.incrementAndGet();
                            synchronized (this) {
                                notifyAll();
                            }
                        }
                    }
                } catch (IOException portalGone) {
                    signedIn = false; // killed under us: sign in again, if the test still runs
                }
            }
            return null;
        }

        private boolean signIn(HttpClient browser) throws Exception {
            HttpResponse<String> form = send(browser, get("/login"));
            if (form.statusCode() != 200) {
                return false;
            }
            String token = Jsoup.parse(form.body()).select("input[name=_csrf]").attr("value");
            return send(browser, post("/login", Map.of("username", "planner@demo.test", "password", "demo-password",
                    "_csrf", token))).statusCode() == 303;
        }

        private boolean save(HttpClient browser, int job, String memo) throws Exception {
            HttpResponse<String> page = send(browser, get("/backoffice/jobs/" + job + "/edit"));
            if (page.statusCode() != 200) {
                return false;
            }
            FormElement form = (FormElement) Jsoup.parse(page.body()).selectFirst("form[method=post][action$=/edit]");
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            form.formData().forEach(field -> fields.putIfAbsent(field.key(), field.value()));
            fields.put("internal_memo", memo);
            HttpResponse<String> saved = send(browser, post("/backoffice/jobs/" + job + "/edit", fields));
            return saved.statusCode() == 303 && saved.headers().firstValue("Location").orElse("").endsWith("?saved");
        }

        private HttpResponse<String> send(HttpClient browser, HttpRequest request) throws Exception {
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.add(response.statusCode());
            return response;
        }

        private HttpRequest get(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).GET().build();
        }

        private HttpRequest post(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        int acknowledgedCount() {
            return acknowledgedCount.get();
        }

        synchronized void awaitAcknowledged(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledgedCount.get() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                assertThat(left).as("%d edits acknowledged within 60 s (got %d; answers %s)", count,
                        acknowledgedCount.get(), statuses).isPositive();
                wait(left);
            }
        }

        Set<Integer> statuses() {
            return statuses;
        }

        void stop() throws InterruptedException {
            running.set(false);
            planners.shutdown();
            assertThat(planners.awaitTermination(60, TimeUnit.SECONDS)).as("planners stopped").isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (running.get()) {
                stop();
            }
        }
    }
}
