package com.fieldservice.portal.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** The database can't be reached, started or migrated; the message says which and why in one line. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether a failure comes from not reaching the database, a passing state rather than a bug:
     * no connection from the pool in time, a broken connection (SQLSTATE class 08), or a server
     * shutting down, crashed or still recovering (57P01, 57P02, 57P03).
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message: the one that says what actually failed. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
