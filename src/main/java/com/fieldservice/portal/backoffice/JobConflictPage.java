package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.jobs.FieldChange;
import com.fieldservice.portal.jobs.FieldSpec;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.reference.ChoicesDao;
import com.fieldservice.portal.web.RequestValues;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The page for an edit that came too late (409): each field either side changed, by its label,
 * before / theirs (who, when: the template writes the moment in the business zone) / yours as a person reads them (names, not GUIDs; dates as the
 * form writes them), a choice where both changed it, and every value the person sent carried
 * in the form, so that saving again loses nothing they typed.
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

    static Map<String, Object> model(int number, JobService.Conflict conflict, ChoicesDao choices) {
        UUID[] references = conflict.fields().stream().filter(c -> kind(c.field()).orElse(null) == FieldSpec.Kind.REFERENCE)
                .flatMap(c -> Stream.of(c.before(), c.theirs(), c.yours()))
                .map(RequestValues::guid).flatMap(Optional::stream).distinct().toArray(UUID[]::new);
        Map<UUID, String> names = new HashMap<>();
        choices.named(references).forEach(choice -> names.put(choice.id(), choice.label()));

        List<Row> rows = conflict.fields().stream().map(change -> new Row(change,
                shown(change.field(), change.before(), names, choices), shown(change.field(), change.theirs(), names, choices),
                shown(change.field(), change.yours(), names, choices),
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

    /** A value as a person reads it; null when there is none. */
    private static String shown(String field, String value, Map<UUID, String> names, ChoicesDao choices) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (FieldChange.STATUS.equals(field)) {
            return choices.statusName(value).orElse(value);
        }
        return switch (JobFields.get(field).kind()) {
            case REFERENCE -> RequestValues.guid(value).flatMap(id -> switch (field) {
                case "project_id" -> choices.installation(id).map(ChoicesDao.InstallationChoice::label);
                case "_parent_id" -> choices.jobNumber(id).map(n -> "#" + n);
                default -> Optional.ofNullable(names.get(id));
            }).orElse(null);
            case DATE_TIME -> value.strip().replace('T', ' ');
            case MULTILINE -> value.replace("\r\n", "\n");
            default -> value;
        };
    }
}
