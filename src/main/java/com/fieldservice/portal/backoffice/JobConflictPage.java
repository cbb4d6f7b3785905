package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.jobs.FieldChange;
import com.fieldservice.portal.jobs.FieldSpec;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.reference.ChoicesDao;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.RequestValues;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The page for an edit that came too late (409): each field either side changed, by its label,
 * before / theirs (who, when: the template writes the moment in the business zone) / yours as the
 * detail page writes them in the reader's language (names, not GUIDs; its dates and decimals), a
 * choice where both changed it, and every value the person sent carried in the form, so that
 * saving again loses nothing they typed.
 */
final class JobConflictPage {

    /** One field's row: the change itself (raw values for the form) and its values as shown. */
    public record Row(FieldChange change, String before, String theirs, String yours, boolean multiline) {
        public String field() {
            return change.field();
        }

        /** Only form fields are saved again; the status only the workflow moves. */
        public boolean saved() {
            return !FieldChange.STATUS.equals(change.field());
        }
    }

    private JobConflictPage() {
    }

    /**
     * The page's model, its values in the reader's language as the detail page writes them. The
     * installation and the parent keep the form's own names for them (company, serial number; #number).
     */
    static Map<String, Object> model(int number, JobService.Conflict conflict, ChoicesDao choices, JobPageDao dao,
                                     FieldValues values, Language language) {
        List<FieldValues.Value> all = conflict.fields().stream()
                .flatMap(c -> Stream.of(c.before(), c.theirs(), c.yours()).map(v -> new FieldValues.Value(c.field(), v)))
                .toList();
        Map<String, String> names = values.names(dao, all, language);
        Shown shown = (field, value) -> shown(field, value, names, choices, values, language);
        List<Row> rows = conflict.fields().stream().map(change -> new Row(change,
                shown.apply(change.field(), change.before()), shown.apply(change.field(), change.theirs()),
                shown.apply(change.field(), change.yours()),
                kind(change.field()).orElse(null) == FieldSpec.Kind.MULTILINE))
                .toList();
        // every writable field, as it will be saved unless chosen otherwise below
        Map<String, String> carried = new LinkedHashMap<>();
        JobFields.ALL.forEach(spec -> carried.put(spec.name(), Objects.requireNonNullElse(conflict.merged().get(spec.name()), "")));
        rows.stream().filter(row -> row.change().toChoose()).forEach(row -> carried.remove(row.field()));

        Map<String, Object> model = new HashMap<>();
        model.put("number", number);
        model.put("version", conflict.currentVersion());
        model.put("rows", rows);
        model.put("carried", carried);
        return model;
    }

    /** The field's kind in the catalogue; none for the status, which is no form field. */
    private static Optional<FieldSpec.Kind> kind(String field) {
        return FieldChange.STATUS.equals(field) ? Optional.empty() : Optional.of(JobFields.get(field).kind());
    }

    private interface Shown {
        String apply(String field, String value);
    }

    /** A value as a person reads it; null when there is none. */
    private static String shown(String field, String value, Map<String, String> names, ChoicesDao choices,
                                FieldValues values, Language language) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (FieldChange.STATUS.equals(field)) {
            return values.shown(field, value, names, language);
        }
        return switch (JobFields.get(field).kind()) {
            case REFERENCE -> switch (field) {
                case "project_id" -> RequestValues.guid(value).flatMap(choices::installation)
                        .map(ChoicesDao.InstallationChoice::label).orElse(null);
                case "_parent_id" -> RequestValues.guid(value).flatMap(choices::jobNumber).map(n -> "#" + n).orElse(null);
                default -> RequestValues.guid(value).isPresent() ? values.shown(field, value, names, language) : null;
            };
            case DATE_TIME -> {
                String written = values.shown(field, value, names, language);
                yield written.equals(value) ? value.strip().replace('T', ' ') : written;
            }
            case MULTILINE -> value.replace("\r\n", "\n");
            default -> values.shown(field, value, names, language);
        };
    }
}
