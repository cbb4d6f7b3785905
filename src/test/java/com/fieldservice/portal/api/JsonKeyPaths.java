package com.fieldservice.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key paths of a JSON document in document order, e.g. "project.equipment_model.translations[].field_name":
 * objects by key, arrays as "[]" over all their elements. Compares shapes, not values.
 */
final class JsonKeyPaths {

    private JsonKeyPaths() {
    }

    static List<String> of(JsonNode document) {
        Set<String> paths = new LinkedHashSet<>();
        collect(document, "", paths);
        return new ArrayList<>(paths);
    }

    /** The path of every leaf (a value that is neither an object nor an array) with its value. */
    static List<Map.Entry<String, JsonNode>> leaves(JsonNode document) {
        List<Map.Entry<String, JsonNode>> leaves = new ArrayList<>();
        collectLeaves(document, "", leaves);
        return leaves;
    }

    /** The node at a path from {@link #of}; for "[]" the first element. Missing node if absent. */
    static JsonNode at(JsonNode document, String path) {
        JsonNode node = document;
        for (String step : path.split("\\.")) {
            boolean array = step.endsWith("[]");
            node = node.path(array ? step.substring(0, step.length() - 2) : step);
            if (array) {
                node = node.path(0);
            }
        }
        return node;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                paths.add(child);
                collect(field.getValue(), child, paths);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", paths));
        }
    }

    private static void collectLeaves(JsonNode node, String path, List<Map.Entry<String, JsonNode>> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    collectLeaves(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves));
        } else if (node.isArray()) {
            node.forEach(element -> collectLeaves(element, path + "[]", leaves));
        } else {
            leaves.add(Map.entry(path, node));
        }
    }
}
