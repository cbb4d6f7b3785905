package com.fieldservice.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyWriterTest {

    @Test
    void escapesTextAndWritesNullsInCopyTextFormat() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CopyWriter writer = new CopyWriter(bytes, 5)) {
            writer.text("a\tb\nc\\d\re").text(null).integer(42).timestamp(Instant.parse("2026-03-01T08:30:00Z"))
                    .uuid(new UUID(0, 1));
            writer.endRow();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "a\\tb\\nc\\\\d\\re\t\\N\t42\t2026-03-01T08:30:00Z\t00000000-0000-0000-0000-000000000001\n");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() {
        CopyWriter writer = new CopyWriter(new ByteArrayOutputStream(), 2);
        writer.text("only one");
        assertThatThrownBy(writer::endRow).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void coordinatesKeepSixDecimals() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CopyWriter writer = new CopyWriter(bytes, 2)) {
            writer.coordinate(50.85).coordinate(-0.1276004);
            writer.endRow();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("50.850000\t-0.127600\n");
    }
}
