package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /backoffice/jobs/{number}}: one work order for the back office, in groups, with its
 * parent, its children, its planned visits and its history. Five statements whatever the job
 * holds: the job with every joined entity, the children, the visits, the history and the
 * statuses it may move to.
 */
public final class JobDetailHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final BusinessClock clock;

    public JobDetailHandler(Jdbi jdbi, BusinessClock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One field's change in a history entry: old → new (or a free detail, with no old). */
    public record Change(String field, String oldValue, String newValue, boolean hasOld) {
    }

    public record HistoryView(BackOfficeDao.HistoryEntry entry, List<Change> changes) {
    }

    public void show(Context ctx) {
        Optional<Integer> number = JobQuery.workOrderNumber(ctx.pathParam("number"));
        if (number.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        boolean found = jdbi.withHandle(handle -> {
            BackOfficeDao dao = handle.attach(BackOfficeDao.class);
            Optional<BackOfficeDao.JobDetail> job = dao.detail(number.get(), clock.startOf(clock.today()));
            if (job.isEmpty()) {
                return false;
            }
            model.put("job", job.get());
            model.put("children", dao.children(job.get().id()));
            model.put("visits", dao.visits(job.get().id()));
            model.put("history", dao.history(job.get().id()).stream()
                    .map(entry -> new HistoryView(entry, changes(entry.changes()))).toList());
            model.put("transitions", dao.transitions(job.get().statusId()));
            return true;
        });
        if (!found) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.render("backoffice/job.html", model);
    }

    /** {"field": {"old": x, "new": y}, ...} as a list; any other shape as field: value. */
    static List<Change> changes(String json) {
        List<Change> changes = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(json == null ? "{}" : json);
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isObject() && (value.has("old") || value.has("new"))) {
                    changes.add(new Change(field.getKey(), text(value.get("old")), text(value.get("new")), true));
                } else {
                    changes.add(new Change(field.getKey(), null, text(value), false));
                }
            }
        } catch (java.io.IOException e) {
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
