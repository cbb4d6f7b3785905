package com.fieldservice.portal.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** What each person chose to receive: a choice per topic, the topic's default where they made none. */
public final class Preferences {

    private final Jdbi jdbi;

    public Preferences(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every topic of the person's side, in the page's order, with whether they receive it. */
    public Map<Topic, Boolean> of(UUID accountId, boolean customer) {
        Map<String, Boolean> chosen = new LinkedHashMap<>();
        jdbi.withExtension(NotificationDao.class, dao -> dao.choices(accountId))
                .forEach(choice -> chosen.put(choice.topic(), choice.wanted()));
        Map<Topic, Boolean> all = new LinkedHashMap<>();
        Topic.of(customer).forEach(topic -> all.put(topic, chosen.getOrDefault(topic.code(), topic.wantedByDefault())));
        return all;
    }

    /** Saves a choice for each topic of the person's side, together. */
    public void save(UUID accountId, boolean customer, Map<Topic, Boolean> wanted) {
        jdbi.useTransaction(handle -> {
            NotificationDao dao = handle.attach(NotificationDao.class);
            Topic.of(customer).forEach(topic -> dao.choose(accountId, topic.code(), wanted.getOrDefault(topic, false)));
        });
    }

    /** Turns one topic off for one person, if the account still exists; whether it does. */
    public boolean turnOff(UUID accountId, Topic topic) {
        return jdbi.inTransaction(handle -> {
            NotificationDao dao = handle.attach(NotificationDao.class);
            if (dao.person(accountId).isEmpty()) {
                return false;
            }
            dao.choose(accountId, topic.code(), false);
            return true;
        });
    }
}
