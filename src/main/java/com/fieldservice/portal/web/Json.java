package com.fieldservice.portal.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one JSON configuration: dates as the reference writes them, ISO-8601 with a numeric offset. */
public final class Json {

    /** "2026-01-30T22:36:47.489839+00:00", as in the reference's samples. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule referenceDates = new SimpleModule("reference-dates")
                .addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(format(value));
                    }
                })
                .addSerializer(LocalDate.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(format(value.atStartOfDay().atOffset(ZoneOffset.UTC)));
                    }
                });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(referenceDates)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static String format(OffsetDateTime value) {
        return DATE_TIME.format(value.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
