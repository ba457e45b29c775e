package io.keywarden.kms.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --output text}, the AWS CLI's text format: a scalar on its own line; an object's scalar
 * members tab-separated in the order of their names, prefixed by the upper-cased name of the member
 * that holds it; nested objects and lists on the following lines.
 */
final class TextOutput {

    private TextOutput() {
    }

    static void print(JsonNode node, PrintWriter out) {
        format(node, null, null, out);
    }

    private static void format(JsonNode item, String identifier, List<String> scalarKeys, PrintWriter out) {
        if (item.isObject()) {
            formatObject(item, identifier, scalarKeys, out);
        } else if (item.isArray()) {
            formatList(item, identifier, out);
        } else {
            out.println(scalar(item));
        }
    }

    private static void formatList(JsonNode list, String identifier, PrintWriter out) {
        if (list.isEmpty()) {
            return;
        }
        boolean anyObject = false;
        boolean anyList = false;
        for (JsonNode el : list) {
            anyObject |= el.isObject();
            anyList |= el.isArray();
        }
        if (anyObject) {
            List<String> keys = allScalarKeys(list);
            for (JsonNode el : list) {
                format(el, identifier, keys, out);
            }
        } else if (anyList) {
            List<JsonNode> scalars = new ArrayList<>();
            List<JsonNode> nonScalars = new ArrayList<>();
            for (JsonNode el : list) {
                (el.isContainerNode() ? nonScalars : scalars).add(el);
            }
            if (!scalars.isEmpty()) {
                formatScalars(scalars, identifier, out);
            }
            for (JsonNode el : nonScalars) {
                format(el, identifier, null, out);
            }
        } else {
            List<JsonNode> all = new ArrayList<>();
            list.forEach(all::add);
            formatScalars(all, identifier, out);
        }
    }

    private static void formatScalars(List<JsonNode> elements, String identifier, PrintWriter out) {
        if (identifier != null) {
            for (JsonNode el : elements) {
                out.println(identifier.toUpperCase() + "\t" + scalar(el));
            }
        } else {
            List<String> values = new ArrayList<>();
            elements.forEach(el -> values.add(scalar(el)));
            out.println(String.join("\t", values));
        }
    }

    private static void formatObject(JsonNode obj, String identifier, List<String> scalarKeys, PrintWriter out) {
        List<String> scalars = new ArrayList<>();
        Map<String, JsonNode> nonScalars = new TreeMap<>();
        if (scalarKeys == null) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            obj.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.forEach((k, v) -> {
                if (v.isContainerNode()) {
                    nonScalars.put(k, v);
                } else {
                    scalars.add(scalar(v));
                }
            });
        } else {
            for (String k : scalarKeys) {
                JsonNode v = obj.get(k);
                scalars.add(v == null ? "" : scalar(v));
            }
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!scalarKeys.contains(k)) {
                    nonScalars.put(k, obj.get(k));
                }
            }
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.add(0, identifier.toUpperCase());
            }
            out.println(String.join("\t", scalars));
        }
        nonScalars.forEach((k, v) -> format(v, k, null, out));
    }

    private static List<String> allScalarKeys(JsonNode list) {
        TreeSet<String> keys = new TreeSet<>();
        for (JsonNode el : list) {
            if (el.isObject()) {
                el.fields().forEachRemaining(e -> {
                    if (!e.getValue().isContainerNode()) {
                        keys.add(e.getKey());
                    }
                });
            }
        }
        return new ArrayList<>(keys);
    }

    /** Python's str() of a JSON value: True/False, None. */
    private static String scalar(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        return v.asText();
    }
}
