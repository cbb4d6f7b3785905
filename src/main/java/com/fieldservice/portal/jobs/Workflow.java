package com.fieldservice.portal.jobs;

import com.fieldservice.portal.reference.TranslatedName;
import com.fieldservice.portal.web.Language;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The job statuses and the transitions between them, loaded once from the tables job_status
 * and job_status_transition (the migrations hold the graph; the jobs trigger enforces it too).
 * Every screen and the API ask this class, never an if-chain of their own.
 */
public final class Workflow {

    public record Status(UUID id, String code, String name, boolean isClosed, boolean allowedOnCreate,
                         String customerStatus, int sortOrder, String nameFr, String nameNl) {

        /** Its name in a language, else the base name. */
        public String name(Language language) {
            return TranslatedName.pick(language, name, nameFr, nameNl);
        }
    }

    record Transition(UUID fromJobStatusId, UUID toJobStatusId) {
    }

    interface Dao {
        @SqlQuery("SELECT id, code, name, is_closed, allowed_on_create, customer_status, sort_order,"
                + " translated_name(id, 'fr') AS name_fr, translated_name(id, 'nl') AS name_nl FROM job_status")
        List<Status> statuses();

        @SqlQuery("SELECT from_job_status_id, to_job_status_id FROM job_status_transition")
        List<Transition> transitions();
    }

    public static final String INITIAL = "Open";

    /** The graph as last read; replaced whole when the tables change ({@link #reload}). */
    private record Graph(Map<String, Status> byCode, Map<String, List<Status>> next) {
        static Graph of(List<Status> statuses, List<Transition> transitions) {
            List<Status> ordered = statuses.stream().sorted(Comparator.comparingInt(Status::sortOrder)).toList();
            Map<String, Status> byCode = new LinkedHashMap<>();
            ordered.forEach(status -> byCode.put(status.code(), status));
            Map<UUID, Status> byId = ordered.stream().collect(Collectors.toMap(Status::id, s -> s));
            return new Graph(byCode, ordered.stream().collect(Collectors.toMap(Status::code, from -> transitions.stream()
                    .filter(t -> t.fromJobStatusId().equals(from.id()))
                    .map(t -> byId.get(t.toJobStatusId()))
                    .sorted(Comparator.comparingInt(Status::sortOrder))
                    .toList())));
        }
    }

    private final Jdbi jdbi;
    private volatile Graph graph;

    private Workflow(Jdbi jdbi) {
        this.jdbi = jdbi;
        reload();
    }

    public static Workflow load(Jdbi jdbi) {
        return new Workflow(jdbi);
    }

    /** Reads the graph again: the statuses or their transitions changed (on any instance). */
    public void reload() {
        graph = jdbi.withExtension(Dao.class, dao -> Graph.of(dao.statuses(), dao.transitions()));
    }

    public List<Status> statuses() {
        return List.copyOf(graph.byCode().values());
    }

    public Optional<Status> status(String code) {
        return Optional.ofNullable(code).map(graph.byCode()::get);
    }

    public Status statusOrThrow(String code) {
        return status(code).orElseThrow(() -> new IllegalArgumentException("no job status " + code));
    }

    /** The statuses a job may move to from this one, in the workflow's order. */
    public List<Status> allowedFrom(String code) {
        return graph.next().getOrDefault(code, List.of());
    }

    /**
     * What a status needs of a work order before it may enter it, as a message key: Dispatched a
     * technician, Planned a visit. Empty when nothing is missing. The status form and JobService ask here.
     */
    public static Optional<String> unmetNeed(String to, boolean hasTechnician, boolean hasVisit) {
        if ("Dispatched".equals(to) && !hasTechnician) {
            return Optional.of("workflow.needs.technician");
        }
        if ("Planned".equals(to) && !hasVisit) {
            return Optional.of("workflow.needs.visit");
        }
        return Optional.empty();
    }

    public boolean allows(String from, String to) {
        return allowedFrom(from).stream().anyMatch(s -> s.code().equals(to));
    }
}
