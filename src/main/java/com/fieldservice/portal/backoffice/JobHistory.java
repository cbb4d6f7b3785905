package com.fieldservice.portal.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.jobs.FieldChange;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.Texts;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A work order's history as a person reads it: each change under its field's label (the
 * catalogue's, {@link com.fieldservice.portal.jobs.JobFields#labelKey}) with values as the page shows them: a type, a person,
 * an installation by name, a status by its name, a day or a time as the page writes it in the
 * business zone; never a column name or a GUID. The history keeps the form's values (GUIDs, local
 * dates); the names they point at are read in one statement for the whole history.
 */
final class JobHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The key the workflow's changes are recorded under. */
    private static final String STATUS_KEY = "status";
    /** Who reads a comment or a file (conversation/Visibility), named as its form names it. */
    private static final String VISIBILITY = "visibility";
    private static final String VISIBILITY_TEXT = "conversation.visibility.";

    /** One field's change as recorded: old → new (or a free detail, with no old); null is none. */
    record Change(String field, String oldValue, String newValue, boolean hasOld) {
    }

    /**
     * One field's change as the page shows it: under its label (the field's name when the catalogue
     * has none), the values ready to show, none written as such.
     */
    record ShownChange(String field, String label, String oldValue, String newValue, boolean hasOld) {
    }

    /** {@code kind}: created, edited, status...; {@code kindLabel}: what the page calls it ({@code history.kind.<kind>}, else the kind). */
    record Entry(OffsetDateTime changedAt, String changedBy, String kind, String kindLabel, List<ShownChange> changes) {
    }

    private final FieldValues values;

    JobHistory(BusinessClock clock) {
        this.values = new FieldValues(clock);
    }

    /** The history as the page shows it, in a language: its names, dates and texts. */
    List<Entry> read(JobPageDao dao, List<JobPageDao.HistoryEntry> stored, Language language) {
        List<List<Change>> raw = stored.stream().map(entry -> changes(entry.changes())).toList();
        List<FieldValues.Value> all = new ArrayList<>();
        raw.stream().flatMap(List::stream).forEach(change -> {
            all.add(new FieldValues.Value(change.field(), change.oldValue()));
            all.add(new FieldValues.Value(change.field(), change.newValue()));
        });
        Map<String, String> names = values.names(dao, all, language);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            JobPageDao.HistoryEntry entry = stored.get(i);
            List<ShownChange> shown = raw.get(i).stream().map(change -> new ShownChange(change.field(),
                    textOr(language, "field." + change.field(), change.field()),
                    orNone(shown(change.field(), change.oldValue(), names, language), language),
                    orNone(shown(change.field(), change.newValue(), names, language), language),
                    change.hasOld())).toList();
            entries.add(new Entry(entry.changedAt(), entry.changedBy(), entry.kind(),
                    textOr(language, "history.kind." + entry.kind(), entry.kind()), shown));
        }
        return entries;
    }

    /** The text of a key in a language, or the given words when there is no such key. */
    private static String textOr(Language language, String key, String otherwise) {
        return Texts.has(key) ? Texts.get(language, key) : otherwise;
    }

    private static String orNone(String value, Language language) {
        return value == null ? Texts.get(language, "value.none") : value;
    }

    /** A value as the detail page shows the field's value; who reads a comment as its form names it. */
    private String shown(String field, String value, Map<String, String> names, Language language) {
        if (value != null && VISIBILITY.equals(field) && Texts.has(VISIBILITY_TEXT + value)) {
            return Texts.get(language, VISIBILITY_TEXT + value);
        }
        return values.shown(field, value, names, language);
    }

    /** {"field": {"old": x, "new": y}, ...} as a list, the workflow's "status" as the status field; any other shape as field: value. */
    static List<Change> changes(String json) {
        List<Change> changes = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(json == null ? "{}" : json);
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = STATUS_KEY.equals(field.getKey()) ? FieldChange.STATUS : field.getKey();
                JsonNode value = field.getValue();
                if (value.isObject() && (value.has("old") || value.has("new"))) {
                    changes.add(new Change(name, text(value.get("old")), text(value.get("new")), true));
                } else {
                    changes.add(new Change(name, null, text(value), false));
                }
            }
        } catch (IOException e) {
            changes.add(new Change("changes", null, json, false));
        }
        return changes;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
