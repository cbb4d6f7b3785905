package com.fieldservice.portal.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic GUIDs for demo rows: a name-based (version 3) UUID of the row's kind and number,
 * so every run gives every row the same id, and a generator can name a row of another table
 * (the head office address of company 12, say) without looking it up.
 */
final class DemoIds {

    private DemoIds() {
    }

    static UUID of(String kind, long number) {
        return UUID.nameUUIDFromBytes(("fieldservice-demo/" + kind + "/" + number).getBytes(StandardCharsets.UTF_8));
    }

    static UUID of(String kind, String key) {
        return UUID.nameUUIDFromBytes(("fieldservice-demo/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }
}
