package com.fieldservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that `mvn package` makes, run as people run it: on the embedded PostgreSQL, with
 * demo data, stopped with SIGTERM and started again over the same data directory.
 */
class PackagedJarIT {

    @TempDir
    Path dataDir;

    @Test
    void theJarServesOnEmbeddedPostgresAndKeepsItsDataAcrossARestart() throws Exception {
        int httpPort = freePort();
        int dbPort = freePort();

        long jobsBefore;
        try (RunningJar first = RunningJar.start(dataDir, httpPort, dbPort)) {
            assertThat(get(httpPort, "/health").statusCode()).isEqualTo(200);
            assertThat(get(httpPort, "/login").body()).contains("Work-order portal");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db-password")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/portal", "postgres", ""))
                    .as("no connection without the password").isInstanceOf(SQLException.class);
            jobsBefore = count(dbPort, "SELECT count(*) FROM jobs");
            assertThat(jobsBefore).isGreaterThan(0);
            update(dbPort, "UPDATE jobs SET internal_memo = 'survives a restart' WHERE id2 = (SELECT min(id2) FROM jobs)");
            assertThat(first.output()).anyMatch(line -> line.contains("planner@demo.test"));
            first.stop();
            assertThat(first.exitCode()).isIn(0, 143);
            assertThat(first.output()).anyMatch(line -> line.contains("portal stopped"));
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();

        try (RunningJar second = RunningJar.start(dataDir, httpPort, dbPort)) {
            assertThat(get(httpPort, "/health").statusCode()).isEqualTo(200);
            assertThat(count(dbPort, "SELECT count(*) FROM jobs")).isEqualTo(jobsBefore);
            assertThat(count(dbPort, "SELECT count(*) FROM jobs WHERE internal_memo = 'survives a restart'")).isEqualTo(1);
            second.stop();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As an operator opens psql: with the password the portal keeps next to the data. */
    static Connection connect(Path dataDir, int dbPort) throws SQLException, IOException {
        String password = Files.readString(dataDir.resolve("db-password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/portal", "postgres", password);
    }

    private long count(int dbPort, String sql) throws SQLException, IOException {
        try (Connection c = connect(dataDir, dbPort); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(int dbPort, String sql) throws SQLException, IOException {
        try (Connection c = connect(dataDir, dbPort)) {
            assertThat(c.createStatement().executeUpdate(sql)).isEqualTo(1);
        }
    }

    /** The packaged portal in its own JVM; its output is collected line by line. */
    static final class RunningJar implements AutoCloseable {
        private final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();
        private CompletableFuture<Boolean> reader;

        private RunningJar(Process process) {
            this.process = process;
        }

        static RunningJar start(Path dataDir, int httpPort, int dbPort) throws Exception {
            return start(dataDir, httpPort, dbPort, javaJar());
        }

        static RunningJar start(Path dataDir, int httpPort, int dbPort, List<String> command) throws Exception {
            RunningJar running = launch(dataDir, httpPort, dbPort, command);
            running.awaitLine("portal listening on", 120);
            return running;
        }

        /** The JVM's command line, as the operating system shows it. */
        List<String> commandLine() {
            return List.of(process.toHandle().info().arguments().orElseThrow());
        }

        /** Starts the jar as the README says, without waiting for it to listen. */
        static RunningJar launch(Path dataDir, int httpPort, int dbPort) throws Exception {
            return launch(dataDir, httpPort, dbPort, javaJar());
        }

        /** The README's command: java -jar, with the Java that runs the tests. */
        private static List<String> javaJar() {
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString());
        }

        /** The packaged jar, as `mvn package` made it. */
        static Path jar() {
            Path jar = Path.of(System.getProperty("portal.jar", "target/work-order-portal.jar"));
            assertThat(jar).exists();
            return jar;
        }

        /** Starts the jar with this command (the java command line, or a script that runs it), without waiting. */
        static RunningJar launch(Path dataDir, int httpPort, int dbPort, List<String> command) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().keySet().removeIf(name -> name.startsWith("PORTAL_"));
            builder.environment().put("PORTAL_DATA_DIR", dataDir.toString());
            builder.environment().put("PORTAL_PORT", String.valueOf(httpPort));
            builder.environment().put("PORTAL_EMBEDDED_DB_PORT", String.valueOf(dbPort));
            builder.environment().put("PORTAL_DEMO_JOBS", "300");
            RunningJar running = new RunningJar(builder.start());
            running.readOutput();
            return running;
        }

        private void readOutput() {
            reader = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        output.add(line);
                        synchronized (this) {
                            notifyAll();
                        }
                    }
                    return true;
                } catch (IOException e) {
                    return false;
                } finally {
                    synchronized (this) {
                        notifyAll();
                    }
                }
            });
        }

        /** Waits until the portal prints a line containing the text; returns that line. */
        String awaitLine(String text, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            synchronized (this) {
                while (true) {
                    var line = output.stream().filter(l -> l.contains(text)).findFirst();
                    if (line.isPresent()) {
                        return line.get();
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || reader.isDone()) {
                        throw new AssertionError("the portal did not print '" + text + "':\n" + String.join("\n", output));
                    }
                    wait(Math.min(left, 500));
                }
            }
        }

        int awaitExit(int seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("the portal did not exit within " + seconds + " s:\n" + String.join("\n", output));
            }
            reader.get(10, TimeUnit.SECONDS);
            return process.exitValue();
        }

        /** SIGKILL, as the out-of-memory killer does: no shutdown hook runs. */
        void kill() throws Exception {
            process.destroyForcibly();
            awaitExit(30);
        }

        void stop() throws Exception {
            // SIGTERM through the process handle: Process.destroy() would also close our end of its
            // output, and lose what the portal prints while it shuts down
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the portal did not stop within 60 s of SIGTERM");
            }
            reader.get(10, TimeUnit.SECONDS); // the last lines it printed
        }

        int exitCode() {
            return process.exitValue();
        }

        List<String> output() {
            return output;
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
