package com.fieldservice.portal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads a UUID as the driver has it: sixteen bytes once a statement is prepared on the server,
 * where jdbi's own mapper asks for its text and parses that (a twentieth of the grid's profile).
 * A UUID written as text still reads as its UUID.
 */
final class UuidColumns implements ColumnMapper<UUID> {

    @Override
    public UUID map(ResultSet row, int column, StatementContext context) throws SQLException {
        Object value = row.getObject(column);
        if (value instanceof UUID id) {
            return id;
        }
        return value == null ? null : UUID.fromString(value.toString());
    }
}
