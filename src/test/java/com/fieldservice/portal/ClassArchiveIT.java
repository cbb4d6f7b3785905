package com.fieldservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.PackagedJarIT.RunningJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/start-portal.sh, as the systemd unit runs it (with the unit's JVM options, so this Java
 * accepts them): the first stop writes the instance's class
 * archive, the next start maps it (with -Xshare:on a JVM that cannot map it refuses to start),
 * a start with a flight recording leaves it out (together they crash Java 17), and an archive
 * older than the jar is written again.
 */
class ClassArchiveIT {

    @TempDir
    Path dataDir;
    @TempDir
    Path archives;

    @Test
    void theFirstStopWritesTheArchiveTheNextStartMapsIt() throws Exception {
        Path archive = archives.resolve("classes-7071.jsa");
        int httpPort = PackagedJarIT.freePort();
        int dbPort = PackagedJarIT.freePort();

        try (RunningJar first = RunningJar.start(dataDir, httpPort, dbPort, script(archive))) {
            assertThat(first.commandLine()).contains("-XX:ArchiveClassesAtExit=" + archive);
            assertThat(archive).doesNotExist();
            first.stop();
            assertThat(first.exitCode()).isIn(0, 143);
        }
        assertThat(archive).isNotEmptyFile();

        try (RunningJar second = RunningJar.start(dataDir, httpPort, dbPort, script(archive, "-Xshare:on"))) {
            assertThat(second.commandLine()).contains("-XX:SharedArchiveFile=" + archive, "-Xshare:on").containsAll(unitOptions());
            assertThat(PackagedJarIT.get(httpPort, "/health").statusCode()).isEqualTo(200);
            second.stop();
        }

        // a flight recording from the start and the archive crashed Java 17: the archive is left out
        try (RunningJar recorded = RunningJar.start(dataDir, httpPort, dbPort,
                script(archive, "-XX:StartFlightRecording=filename=" + archives.resolve("start.jfr")))) {
            assertThat(recorded.commandLine()).noneMatch(option -> option.contains("ArchiveClasses") || option.contains("SharedArchive"));
            assertThat(PackagedJarIT.get(httpPort, "/health").statusCode()).isEqualTo(200);
            recorded.stop();
            assertThat(recorded.exitCode()).isIn(0, 143);
        }

        // the jar was replaced since (an upgrade): the archive no longer fits and is written again
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(RunningJar.jar()).toMillis() - 60_000));
        try (RunningJar third = RunningJar.start(dataDir, httpPort, dbPort, script(archive))) {
            assertThat(third.commandLine()).contains("-XX:ArchiveClassesAtExit=" + archive);
            assertThat(archive).doesNotExist();
            third.stop();
        }
        assertThat(archive).isNotEmptyFile();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(RunningJar.jar()));
    }

    private static List<String> script(Path archive, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("ops/start-portal.sh", archive.toString(), RunningJar.jar().toString()));
        command.addAll(unitOptions());
        command.addAll(List.of(jvmOptions));
        return command;
    }

    /** The JVM options of the systemd unit's ExecStart: the words after the jar. */
    private static List<String> unitOptions() throws IOException {
        String unit = Files.readString(Path.of("ops/work-order-portal@.service"));
        Matcher execStart = Pattern.compile("(?m)^ExecStart=((?:.*\\\\\\n)*.*)$").matcher(unit);
        assertThat(execStart.find()).as("the unit's ExecStart").isTrue();
        String command = execStart.group(1).replace("\\\n", " ");
        String options = command.substring(command.indexOf("work-order-portal.jar") + "work-order-portal.jar".length());
        List<String> words = List.of(options.trim().split("\\s+"));
        assertThat(words).as("the unit's JVM options").isNotEmpty().allMatch(word -> word.startsWith("-"));
        return words;
    }
}
