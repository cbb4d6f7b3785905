package com.fieldservice.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.web.RequestValues;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /api/jobs/{id}}: one work order in the reference API's JSON shape. */
public final class JobApiHandler {

    private final JobResourceDao jobs;
    private final ApiResponses responses;

    public JobApiHandler(Jdbi jdbi, ObjectMapper json) {
        this.jobs = jdbi.onDemand(JobResourceDao.class);
        this.responses = new ApiResponses(json);
    }

    public void show(Context ctx) {
        Optional<UUID> id = RequestValues.guid(ctx.pathParam("id"));
        if (id.isEmpty()) {
            responses.invalidFields(ctx, Map.of("id", "must be a GUID, such as d1a620fb-efca-4aec-b2fb-04d37a6deaf8"));
            return;
        }
        jobs.findJobJson(id.get()).ifPresentOrElse(
                document -> responses.ok(ctx, document),
                () -> responses.notFound(ctx, "No work order with id " + id.get() + "."));
    }
}
