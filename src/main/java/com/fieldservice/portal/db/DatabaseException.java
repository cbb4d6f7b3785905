package com.fieldservice.portal.db;

/** The database can't be reached, started or migrated; the message says which and why in one line. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
