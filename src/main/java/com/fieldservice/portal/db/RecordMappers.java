package com.fieldservice.portal.db;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row to any of the portal's records through its canonical constructor, columns matched
 * by name as jdbi's {@link ConstructorMapper} does (snake_case to camelCase, {@code @Nested}).
 * Registered once for every record of the portal, so DAOs need no per-method mapper annotation.
 *
 * <p>Why not jdbi's own per-method registration: jdbi matches columns to parameters anew for
 * each result set, by name, for every column: for a wide record that was a tenth of a page's
 * CPU. A query's columns are the same every time it runs, so the matching is kept per record
 * and column list, and reused.
 */
public final class RecordMappers implements RowMapperFactory {

    private static final String PORTAL_PACKAGE = "com.fieldservice.portal.";

    private final Map<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        if (type instanceof Class<?> record && record.isRecord() && record.getName().startsWith(PORTAL_PACKAGE)) {
            return Optional.of(mappers.computeIfAbsent(record, RecordMappers::matchedOncePerColumns));
        }
        return Optional.empty();
    }

    private static <T> RowMapper<T> matchedOncePerColumns(Class<T> record) {
        return new MatchedOnce<>(ConstructorMapper.of(record));
    }

    /** The constructor mapper, specialized once per distinct column list. */
    private static final class MatchedOnce<T> implements RowMapper<T> {
        private final RowMapper<T> byName;
        private final Map<List<String>, RowMapper<T>> byColumns = new ConcurrentHashMap<>();

        MatchedOnce(RowMapper<T> byName) {
            this.byName = byName;
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            List<String> columns = columns(rs.getMetaData());
            RowMapper<T> matched = byColumns.get(columns);
            if (matched == null) {
                matched = byName.specialize(rs, ctx);
                byColumns.putIfAbsent(columns, matched);
            }
            return matched;
        }

        private static List<String> columns(ResultSetMetaData meta) throws SQLException {
            String[] labels = new String[meta.getColumnCount()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = meta.getColumnLabel(i + 1);
            }
            return Arrays.asList(labels);
        }
    }
}
