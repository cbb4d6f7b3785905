package com.fieldservice.portal.demo;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The ids of the reference rows the migrations ship (V3), by code. */
record Lookups(Map<String, UUID> countries, Map<String, UUID> currencies, Map<String, UUID> languages,
               Map<String, UUID> jobTypes, Map<String, UUID> jobPriorities, Map<String, UUID> jobStatuses,
               Map<String, UUID> projectStatuses) {

    static Lookups load(Handle handle) {
        return new Lookups(ids(handle, "db_country"), ids(handle, "db_currency"), ids(handle, "db_language"),
                ids(handle, "job_type"), ids(handle, "job_priority"), ids(handle, "job_status"),
                ids(handle, "project_status"));
    }

    private static Map<String, UUID> ids(Handle handle, String table) {
        return handle.createQuery("SELECT code, id FROM " + table)
                .map((rs, ctx) -> Map.entry(rs.getString("code"), rs.getObject("id", UUID.class)))
                .stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static UUID require(Map<String, UUID> ids, String code) {
        UUID id = ids.get(code);
        if (id == null) {
            throw new IllegalStateException("reference row '" + code + "' is missing; are the migrations applied?");
        }
        return id;
    }
}
