package com.fieldservice.portal.jobs;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** A small demo database and handy rows from it, for the job rules and service tests. */
final class JobFixtures {

    final Jdbi jdbi = TestDatabase.freshJdbi();
    final UUID fixedInstallation;
    final String fixedInstallationName;
    final UUID mobileInstallation;
    final UUID technician;
    final Principal planner;

    JobFixtures() {
        DemoData.fillIfEmpty(jdbi, 300);
        fixedInstallation = uuid("SELECT id FROM project WHERE NOT is_mobile_installation ORDER BY id2 LIMIT 1");
        fixedInstallationName = jdbi.withHandle(h -> h.createQuery("SELECT name FROM project WHERE id = ?")
                .bind(0, fixedInstallation).mapTo(String.class).one());
        mobileInstallation = uuid("SELECT id FROM project WHERE is_mobile_installation ORDER BY id2 LIMIT 1");
        technician = uuid("SELECT id FROM app_user WHERE allow_service_app AND NOT disabled AND NOT archived ORDER BY code LIMIT 1");
        UUID plannerAccount = uuid("SELECT id FROM account WHERE username = 'planner@demo.test'");
        planner = new Principal(plannerAccount, "planner@demo.test", Role.PLANNER, "Pat Planner", Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }

    UUID uuid(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(UUID.class).one());
    }

    /** The least a valid job on the fixed installation needs, plus these fields. */
    Map<String, String> input(String... fieldsAndValues) {
        Map<String, String> input = new HashMap<>();
        input.put("project_id", fixedInstallation.toString());
        input.put("name", "Boiler pressure drops");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            input.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return input;
    }
}
