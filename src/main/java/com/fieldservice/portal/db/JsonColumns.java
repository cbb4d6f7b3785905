package com.fieldservice.portal.db;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.QualifiedColumnMapperFactory;
import org.jdbi.v3.core.qualifier.QualifiedType;

/**
 * Reads a {@link Json} column into its type with the column names as PostgreSQL writes them
 * ({@code to_json} of a row: snake_case keys, ISO-8601 times with their offset). A SQL NULL,
 * which {@code json_agg} gives for no rows at all, is an empty list for a list.
 *
 * <p>Keys the record doesn't take are skipped: an aggregate may carry the columns it orders by.
 */
public final class JsonColumns implements QualifiedColumnMapperFactory {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public Optional<ColumnMapper<?>> build(QualifiedType<?> type, ConfigRegistry config) {
        if (!type.hasQualifier(Json.class)) {
            return Optional.empty();
        }
        JavaType target = JSON.getTypeFactory().constructType(type.getType());
        boolean list = List.class.isAssignableFrom(target.getRawClass());
        return Optional.of((rs, column, ctx) -> {
            String json = rs.getString(column);
            if (json == null) {
                return list ? List.of() : null;
            }
            try {
                return JSON.readValue(json, target);
            } catch (IOException e) {
                throw new SQLException("column " + column + " is not JSON of " + target, e);
            }
        });
    }
}
