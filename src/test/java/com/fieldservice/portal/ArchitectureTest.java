package com.fieldservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules of the code's shape that no single feature test would notice being broken. */
class ArchitectureTest {

    static final int MAX_LINES = 400;

    private static final Path MAIN = Path.of("src/main/java/com/fieldservice/portal");

    @Test
    void noMainSourceFileIsOver400Lines() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> lines(file) > MAX_LINES)
                    .map(file -> name(file) + " (" + lines(file) + " lines)")
                    .sorted().toList();
            assertThat(tooLong).as("main source files over " + MAX_LINES + " lines").isEmpty();
        }
    }

    /**
     * A person's name is made of their first and last name in one place, the database's
     * person_name(): no statement of the portal joins the two columns itself.
     */
    @Test
    void noStatementWritesAPersonsNameItself() throws IOException {
        Pattern ownName = Pattern.compile("concat(_ws)?\\([^)]*firstname[^)]*lastname|firstname\\s*\\|\\||\\|\\|\\s*[a-z_.]*lastname");
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> writers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> ownName.matcher(text(file)).find())
                    .map(ArchitectureTest::name).sorted().toList();
            assertThat(writers).as("main sources that write a person's name instead of calling person_name()").isEmpty();
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return MAIN.relativize(file).toString().replace('\\', '/');
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
