package com.fieldservice.portal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.web.ErrorPages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the JSON API answers, as the reference does: {@code application/json} by default,
 * {@code text/json} for a client that asks for it and not for {@code application/json}, and error
 * bodies of one shape: {@code {"status", "error", "message"}}, plus the invalid fields on a 400.
 */
public final class ApiResponses {

    public static final String APPLICATION_JSON = "application/json";
    public static final String TEXT_JSON = "text/json; charset=utf-8";

    private final ObjectMapper json;

    public ApiResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Writes a JSON document that is already serialized (as the database built it). */
    public void ok(Context ctx, String document) {
        write(ctx, HttpStatus.OK, document);
    }

    public void notFound(Context ctx, String message) {
        error(ctx, HttpStatus.NOT_FOUND, "not_found", message, Map.of());
    }

    /** A 400 naming the invalid fields, each with what is wrong with it. */
    public void invalidFields(Context ctx, Map<String, String> problemsByField) {
        error(ctx, HttpStatus.BAD_REQUEST, "invalid_request", "The request has invalid fields.", problemsByField);
    }

    /** The media type to answer with for this Accept header (media ranges, parameters ignored). */
    static String contentTypeFor(String accept) {
        if (accept == null) {
            return APPLICATION_JSON;
        }
        Set<String> asked = Arrays.stream(accept.split(","))
                .map(range -> range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return asked.contains("text/json") && !asked.contains("application/json") ? TEXT_JSON : APPLICATION_JSON;
    }

    private void error(Context ctx, HttpStatus status, String error, String message, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getCode());
        body.put("error", error);
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("invalid_fields", fields.entrySet().stream()
                    .map(field -> Map.of("field", field.getKey(), "message", field.getValue()))
                    .collect(Collectors.toList()));
        }
        try {
            ErrorPages.keepBody(ctx);
            write(ctx, status, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    private static void write(Context ctx, HttpStatus status, String document) {
        ctx.status(status);
        ctx.header("Vary", "Accept");
        ctx.contentType(contentTypeFor(ctx.header("Accept")));
        ctx.result(document);
    }
}
