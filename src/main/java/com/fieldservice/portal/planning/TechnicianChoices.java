package com.fieldservice.portal.planning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;

/**
 * Whom the visit forms of a work order suggest: the active technicians with its skill (every one
 * when it asks for none), read once per skill and kept until a technician or their skills change
 * on any instance ({@code forget}, from the change notifications). A work order's page then reads
 * no technicians: the list is the same for every job of a skill. While the notifications are not
 * {@code trusted}, every page reads the list again.
 */
public final class TechnicianChoices {

    private final BooleanSupplier trusted;
    /** Replaced at every forgetting, so that a read begun before it is kept in the discarded map. */
    private volatile Map<Optional<UUID>, List<VisitDao.Technician>> bySkill = new ConcurrentHashMap<>();

    public TechnicianChoices(BooleanSupplier trusted) {
        this.trusted = trusted;
    }

    public List<VisitDao.Technician> withSkill(Handle handle, UUID skill) {
        if (!trusted.getAsBoolean()) {
            return handle.attach(VisitDao.class).technicians(skill);
        }
        Map<Optional<UUID>, List<VisitDao.Technician>> known = bySkill;
        return known.computeIfAbsent(Optional.ofNullable(skill),
                key -> List.copyOf(handle.attach(VisitDao.class).technicians(skill)));
    }

    /** A technician, a person's skills or a skill changed: the next page reads the lists again. */
    public void forget() {
        bySkill = new ConcurrentHashMap<>();
    }
}
