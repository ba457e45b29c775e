package io.keywarden.kms.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.api.Tag;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * List parameters, as the AWS CLI takes them: space-separated values ({@code --tag-keys a b}), or
 * one JSON array ({@code --tag-keys '["a","b"]'}), or {@code file://FILE} holding the JSON. Tags are
 * {@code TagKey=k,TagValue=v} per value, or a JSON array of {@code {"TagKey":…,"TagValue":…}}.
 */
final class ListArguments {

    private ListArguments() {
    }

    static List<String> strings(CommandSpec spec, String option, List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String raw : values) {
            String v = TextArgument.read(raw).strip();
            if (v.startsWith("[")) {
                for (JsonNode n : json(spec, option, v)) {
                    if (!n.isTextual()) {
                        throw new ParameterException(spec.commandLine(), option + ": expected a JSON array of strings");
                    }
                    out.add(n.asText());
                }
            } else {
                out.add(v);
            }
        }
        return out;
    }

    static List<Tag> tags(CommandSpec spec, String option, List<String> values) {
        if (values == null) {
            return null;
        }
        List<Tag> out = new ArrayList<>();
        for (String raw : values) {
            String v = TextArgument.read(raw).strip();
            if (v.startsWith("[")) {
                for (JsonNode n : json(spec, option, v)) {
                    if (!n.isObject() || !n.path("TagKey").isTextual()) {
                        throw new ParameterException(spec.commandLine(),
                                option + ": expected a JSON array of {\"TagKey\":\"…\",\"TagValue\":\"…\"}");
                    }
                    out.add(new Tag(n.get("TagKey").asText(), n.path("TagValue").asText("")));
                }
            } else {
                out.add(shorthandTag(spec, option, v));
            }
        }
        return out;
    }

    private static Tag shorthandTag(CommandSpec spec, String option, String v) {
        String key = null;
        String value = "";
        for (String part : v.split(",", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            if (name.equals("TagKey")) {
                key = part.substring(eq + 1);
            } else if (name.equals("TagValue")) {
                value = part.substring(eq + 1);
            } else {
                throw new ParameterException(spec.commandLine(),
                        option + ": expected TagKey=KEY,TagValue=VALUE, got '" + v + "'");
            }
        }
        if (key == null) {
            throw new ParameterException(spec.commandLine(), option + ": TagKey is missing in '" + v + "'");
        }
        return new Tag(key, value);
    }

    private static JsonNode json(CommandSpec spec, String option, String v) {
        try {
            JsonNode node = JsonOutput.MAPPER.readTree(v);
            if (!node.isArray()) {
                throw new ParameterException(spec.commandLine(), option + ": expected a JSON array");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ParameterException(spec.commandLine(), option + ": invalid JSON: " + e.getOriginalMessage());
        }
    }
}
