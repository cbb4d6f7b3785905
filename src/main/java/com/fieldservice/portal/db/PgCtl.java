package com.fieldservice.portal.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own pg_ctl, for what the embedded-server library doesn't do: stop a server left
 * over by a crashed portal and start the server again after it died. It runs the binaries the
 * data directory was last served with (postmaster.opts names them), the way the library does:
 * in a user namespace when the portal runs as root, which PostgreSQL refuses.
 */
final class PgCtl {

    private final Path pgData;
    private final Path log;

    PgCtl(Path pgData, Path log) {
        this.pgData = pgData;
        this.log = log;
    }

    /** Fast shutdown: sessions are ended, the server checkpoints and removes its postmaster.pid. */
    void stopFast() throws IOException {
        run(List.of("stop", "-m", "fast", "-w", "-t", "120"));
    }

    /**
     * Starts the server again with the binary and options it last ran with (postmaster.opts),
     * once its postmaster.pid is gone, and waits until it accepts connections: after replaying
     * its write-ahead log.
     */
    void startAsBefore() throws IOException {
        run(List.of("restart", "-w", "-t", "600", "-l", log.toString()));
    }

    private void run(List<String> action) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binary().toString());
        command.addAll(List.of("-D", pgData.toString()));
        command.addAll(action);
        // the server inherits pg_ctl's output: send it to a file, or reading it would never end
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(11, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroy();
                throw new IOException("pg_ctl " + action.get(0) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pg_ctl " + action.get(0) + " ran", e);
        }
    }

    /** postmaster.opts starts with the server binary's full path; pg_ctl sits next to it. */
    private Path binary() throws IOException {
        String opts = Files.readString(pgData.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        int end = opts.indexOf(" \"");
        Path postgres = Path.of(end < 0 ? opts : opts.substring(0, end));
        return postgres.resolveSibling("pg_ctl");
    }
}
