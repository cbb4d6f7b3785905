package com.fieldservice.portal.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a PostgreSQL server writes into its data directory's postmaster.pid while it runs: its
 * process, the directory it serves and its shared-memory segment. The file outlives a server
 * that was killed, and names a process that may be gone (or, after a reboot, someone else).
 */
record PostmasterPid(long pid, Path dataDirectory, Optional<Integer> sharedMemoryId) {

    static final String FILE_NAME = "postmaster.pid";

    static Optional<PostmasterPid> read(Path pgData) throws IOException {
        Path file = pgData.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.of(new PostmasterPid(0, pgData, Optional.empty())); // torn by a crash: nobody's
        }
        // line 7: "<shared memory key> <shared memory id>"
        Optional<Integer> shmId = lines.size() < 7 ? Optional.empty()
                : Optional.of(lines.get(6).strip().split("\\s+")).filter(parts -> parts.length == 2 && parts[1].matches("\\d+"))
                .map(parts -> Integer.valueOf(parts[1]));
        return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), Path.of(lines.get(1).strip()), shmId));
    }

    /** Whether the process it names is alive and a PostgreSQL server (a killed one may linger as a zombie: not alive). */
    boolean isRunning() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(true))
                .isPresent();
    }

    boolean serves(Path pgData) throws IOException {
        return Files.exists(dataDirectory) && Files.isSameFile(dataDirectory, pgData);
    }

    /**
     * Whether processes of the dead server still use its shared memory: its backends outlive it
     * for a moment, and a new server must not start on the same files until they are gone.
     */
    boolean sharedMemoryInUse() throws IOException {
        Path segments = Path.of("/proc/sysvipc/shm");
        if (sharedMemoryId.isEmpty() || !Files.isReadable(segments)) {
            return false;
        }
        // columns: key shmid perms size cpid lpid nattch ...
        return Files.readAllLines(segments).stream().skip(1).map(line -> line.strip().split("\\s+"))
                .anyMatch(columns -> columns.length > 6 && columns[1].equals(String.valueOf(sharedMemoryId.get()))
                        && !columns[6].equals("0"));
    }
}
