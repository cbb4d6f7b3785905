package com.fieldservice.portal.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The field-service company's people (app_user): technicians in teams of eight, each team led
 * by its first member, each technician with one to three skills; and the back office (planners,
 * call centre, service managers), the first two of whom sign in to the demo as planner and admin.
 */
final class Staff {

    static final int TEAM_SIZE = 8;
    static final String EMAIL_DOMAIN = "fieldservice.demo.test";

    /** The people the work-order generator assigns work to. */
    record Ids(List<UUID> technicians, Map<String, int[]> techniciansBySkill, List<UUID> backOffice,
               UUID planner, UUID admin) {

        /** A technician able to work on it; any technician when nobody has the skill. */
        UUID technician(String skill, Dice dice) {
            int[] able = skill == null ? null : techniciansBySkill.get(skill);
            return able == null || able.length == 0 ? dice.pick(technicians) : technicians.get(dice.pick(able));
        }
    }

    private static final CopyTable APP_USER = new CopyTable("app_user", "id", "db_language_id", "username",
            "firstname", "lastname", "code", "functions", "sales_organization_id", "is_team_leader",
            "team_leader_user_id", "email", "phone", "mobile", "allow_service_app", "allow_hero_app");
    private static final CopyTable APP_USER_SKILL = new CopyTable("app_user_skill", "app_user_id", "skill_id");

    static final Person PLANNER = new Person("Sofie", "Peeters");
    static final Person ADMIN = new Person("Marc", "Dubois");

    private final Handle handle;
    private final Lookups lookups;
    private final ReferenceRows.Ids reference;
    private final Dice dice;
    private final Set<String> usernames = new HashSet<>();

    Staff(Handle handle, Lookups lookups, ReferenceRows.Ids reference, Dice dice) {
        this.handle = handle;
        this.lookups = lookups;
        this.reference = reference;
        this.dice = dice;
    }

    Ids insert(int technicianCount, int backOfficeCount) {
        List<UUID> technicians = new ArrayList<>();
        List<UUID> backOffice = new ArrayList<>();
        Map<String, List<Integer>> bySkill = new HashMap<>();
        List<Equipment.Skill> skills = Equipment.SKILLS;

        APP_USER.copy(handle, row -> {
            for (int i = 0; i < backOfficeCount; i++) {
                Places.Country country = i < 2 ? Places.BELGIUM : pickCountry();
                Person person = i == 0 ? PLANNER : i == 1 ? ADMIN : Person.of(country, dice);
                String function = i == 0 ? "Planner" : i == 1 ? "Service manager" : dice.pick(Catalogue.BACK_OFFICE_FUNCTIONS);
                UUID id = DemoIds.of("back-office", i);
                backOffice.add(id);
                writeUser(row, id, person, country, "BO%03d".formatted(i + 1), function, false, null, false);
            }
            Places.Country teamCountry = Places.BELGIUM;
            for (int i = 0; i < technicianCount; i++) {
                boolean leader = i % TEAM_SIZE == 0;
                if (leader) {
                    teamCountry = pickCountry();
                }
                UUID id = DemoIds.of("technician", i);
                UUID leaderId = leader ? null : DemoIds.of("technician", i - i % TEAM_SIZE);
                technicians.add(id);
                writeUser(row, id, Person.of(teamCountry, dice), teamCountry, "T%04d".formatted(i + 1),
                        leader ? "Team leader" : "Field technician", leader, leaderId, true);
            }
        });

        APP_USER_SKILL.copy(handle, row -> {
            for (int i = 0; i < technicianCount; i++) {
                Set<Integer> mastered = new TreeSet<>();
                mastered.add(i % skills.size());
                for (int extra = dice.below(3); extra > 0; extra--) {
                    mastered.add(dice.below(skills.size()));
                }
                for (int skill : mastered) {
                    String code = skills.get(skill).code();
                    bySkill.computeIfAbsent(code, c -> new ArrayList<>()).add(i);
                    row.uuid(technicians.get(i)).uuid(reference.skills().get(code));
                    row.endRow();
                }
            }
        });

        Map<String, int[]> techniciansBySkill = new HashMap<>();
        bySkill.forEach((code, list) -> techniciansBySkill.put(code, list.stream().mapToInt(Integer::intValue).toArray()));
        return new Ids(List.copyOf(technicians), Map.copyOf(techniciansBySkill), List.copyOf(backOffice),
                backOffice.get(0), backOffice.get(1));
    }

    private Places.Country pickCountry() {
        return Places.COUNTRIES.get(dice.weighted(Places.CUSTOMER_SHARE));
    }

    private void writeUser(CopyWriter row, UUID id, Person person, Places.Country country, String code,
                           String function, boolean leader, UUID leaderId, boolean technician) {
        String username = person.uniqueHandle(usernames);
        int countryIndex = Places.COUNTRIES.indexOf(country);
        row.uuid(id).uuid(Lookups.require(lookups.languages(), country.language())).text(username)
                .text(person.firstname()).text(person.lastname()).text(code).text(function)
                .uuid(reference.salesOrganization(countryIndex)).bool(leader).uuid(leaderId)
                .text(username + "@" + EMAIL_DOMAIN).text(country.phone(dice))
                .text(technician ? country.phone(dice) : null).bool(technician).bool(technician);
        row.endRow();
    }
}
