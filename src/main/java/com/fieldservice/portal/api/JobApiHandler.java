package com.fieldservice.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /api/jobs/{id}}: one work order in the reference API's JSON shape. */
public final class JobApiHandler {

    /** The reference's GUIDs: 8-4-4-4-12 hexadecimal digits, either case. */
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JobResourceDao jobs;
    private final ApiResponses responses;

    public JobApiHandler(Jdbi jdbi, ObjectMapper json) {
        this.jobs = jdbi.onDemand(JobResourceDao.class);
        this.responses = new ApiResponses(json);
    }

    public void show(Context ctx) {
        Optional<UUID> id = parseGuid(ctx.pathParam("id"));
        if (id.isEmpty()) {
            responses.invalidFields(ctx, Map.of("id", "must be a GUID, such as d1a620fb-efca-4aec-b2fb-04d37a6deaf8"));
            return;
        }
        jobs.findJobJson(id.get()).ifPresentOrElse(
                document -> responses.ok(ctx, document),
                () -> responses.notFound(ctx, "No work order with id " + id.get() + "."));
    }

    static Optional<UUID> parseGuid(String text) {
        return GUID.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
