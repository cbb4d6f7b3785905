package com.fieldservice.portal.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes rows in PostgreSQL's COPY text format (tab between fields, \N for null, backslash
 * escapes for backslash, tab, newline and carriage return) to a stream, one field at a time, as
 * the rows are produced: nothing is held but the write buffer. Counts the fields of each row
 * against the table's columns, so a forgotten field fails here rather than as a shifted column.
 */
final class CopyWriter implements AutoCloseable {

    private static final String NULL = "\\N";

    private final Writer out;
    private final int columns;
    private int fieldsInRow;
    private long rows;

    CopyWriter(OutputStream stream, int columns) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.columns = columns;
    }

    CopyWriter text(String value) {
        if (value == null) {
            return raw(NULL);
        }
        startField();
        try {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    CopyWriter uuid(UUID value) {
        return raw(value == null ? NULL : value.toString());
    }

    CopyWriter integer(Integer value) {
        return raw(value == null ? NULL : value.toString());
    }

    CopyWriter bool(boolean value) {
        return raw(value ? "t" : "f");
    }

    /** An instant, as ISO-8601 in UTC (PostgreSQL reads "2026-03-01T08:30:00Z" into timestamptz). */
    CopyWriter timestamp(Instant value) {
        return raw(value == null ? NULL : value.toString());
    }

    CopyWriter date(LocalDate value) {
        return raw(value == null ? NULL : value.toString());
    }

    /** A latitude or longitude, with the six decimals numeric(9, 6) keeps. */
    CopyWriter coordinate(Double value) {
        return raw(value == null ? NULL
                : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString());
    }

    CopyWriter nullField() {
        return raw(NULL);
    }

    void endRow() {
        if (fieldsInRow != columns) {
            throw new IllegalStateException("a COPY row has " + fieldsInRow + " fields, the table " + columns + " columns");
        }
        write("\n");
        fieldsInRow = 0;
        rows++;
    }

    long rows() {
        return rows;
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the stream; for a COPY stream, that ends the COPY. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CopyWriter raw(String field) {
        startField();
        write(field);
        return this;
    }

    private void startField() {
        if (fieldsInRow++ > 0) {
            write("\t");
        }
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
