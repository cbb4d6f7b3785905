package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.jobs.FieldChange;
import com.fieldservice.portal.jobs.FieldSpec;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.NumberDisplay;
import com.fieldservice.portal.web.RequestValues;
import com.fieldservice.portal.web.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A work order's field values, as the form keeps them (GUIDs, status codes, local dates), written
 * as the detail page writes them in the reader's language: a type, a person or a country by its
 * name, a status by its name, a day or a time in the business zone, a decimal with the language's
 * sign. The history and the edit-conflict page both read their values through here.
 */
final class FieldValues {

    /** One value of a field, as kept. */
    record Value(String field, String value) {
    }

    private final BusinessClock clock;
    private final DateDisplay dates;

    FieldValues(BusinessClock clock) {
        this.clock = clock;
        this.dates = new DateDisplay(clock);
    }

    /** The names these values point at, in the language: the entities by GUID and the statuses by code, in one statement. */
    Map<String, String> names(JobPageDao dao, List<Value> values, Language language) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Value value : values) {
            if (value.value() == null) {
                continue;
            }
            if (FieldChange.STATUS.equals(value.field())) {
                codes.add(value.value());
            } else if (isReference(value.field()) && RequestValues.guid(value.value()).isPresent()) {
                ids.add(value.value());
            }
        }
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty() || !codes.isEmpty()) {
            dao.names(ids.toArray(String[]::new), codes.toArray(String[]::new), language.code())
                    .forEach(named -> names.put(named.key(), named.name(language)));
        }
        return names;
    }

    /** A value as the detail page shows the field's value; null when there is none. */
    String shown(String field, String value, Map<String, String> names, Language language) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (FieldChange.STATUS.equals(field)) {
            return names.getOrDefault(value, value);
        }
        FieldSpec spec = JobFields.byName().get(field);
        if (spec == null) {
            return value;
        }
        try {
            return switch (spec.kind()) {
                case REFERENCE -> names.getOrDefault(value, Texts.get(language, "history.gone"));
                case DATE -> dates.in(language).day(LocalDate.parse(value.strip()));
                case DATE_TIME -> dates.in(language).dayTime(clock.at(LocalDateTime.parse(value.strip())));
                case COUNT -> "estimated_time".equals(field)
                        ? Texts.format(language, "bo.job.minutes", Integer.parseInt(value.strip())) : value;
                case DECIMAL -> NumberDisplay.in(language).decimal(new BigDecimal(value.strip()));
                default -> value;
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return value;
        }
    }

    static boolean isReference(String field) {
        FieldSpec spec = JobFields.byName().get(field);
        return spec != null && spec.kind() == FieldSpec.Kind.REFERENCE;
    }
}
