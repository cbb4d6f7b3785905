package com.fieldservice.portal.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A table filled with PostgreSQL's COPY: {@link #copy} streams rows to the server as a producer
 * writes them; {@link #buffer} collects rows that must wait (the planned visits of jobs still
 * being copied) and {@link Buffer#copyInto} sends them later. Runs on the handle's connection,
 * so inside its transaction.
 */
final class CopyTable {

    private final String name;
    private final List<String> columns;

    CopyTable(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    /** Copies the rows the producer writes; returns how many. */
    long copy(Handle handle, Consumer<CopyWriter> producer) {
        PGCopyOutputStream stream = open(handle);
        CopyWriter writer = new CopyWriter(stream, columns.size());
        try {
            producer.accept(writer);
            writer.close();
            return writer.rows();
        } catch (RuntimeException e) {
            cancel(stream, e);
            throw e;
        }
    }

    Buffer buffer() {
        return new Buffer();
    }

    /** Rows of this table held in memory until {@link #copyInto}. */
    final class Buffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        private final CopyWriter writer = new CopyWriter(bytes, columns.size());

        CopyWriter writer() {
            return writer;
        }

        /** Copies the rows written since the last call, and empties the buffer. */
        void copyInto(Handle handle) {
            writer.flush();
            PGCopyOutputStream stream = open(handle);
            try {
                bytes.writeTo(stream);
                stream.close();
            } catch (IOException e) {
                cancel(stream, e);
                throw new UncheckedIOException("COPY into " + name + " failed", e);
            }
            bytes.reset();
        }

        /** Rows written, copied or not. */
        long rows() {
            return writer.rows();
        }
    }

    private PGCopyOutputStream open(Handle handle) {
        try {
            PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
            return new PGCopyOutputStream(connection, "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN",
                    1 << 16);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into " + name + ": " + e.getMessage(), e);
        }
    }

    private static void cancel(PGCopyOutputStream stream, Exception cause) {
        try {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
