package io.keywarden.kms.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An encryption context: the shorthand {@code k=v,k2=v2}, a JSON object {@code {"k":"v"}}, or
 * {@code file://FILE} holding either.
 */
public final class EncryptionContextArgument implements ITypeConverter<EncryptionContext> {

    @Override
    public EncryptionContext convert(String value) {
        return new EncryptionContext(parse(value));
    }

    static Map<String, String> parse(String value) {
        String text = TextArgument.read(value).strip();
        Map<String, String> context = new LinkedHashMap<>();
        if (text.startsWith("{")) {
            JsonNode node;
            try {
                node = JsonOutput.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new TypeConversionException("Invalid JSON: " + e.getOriginalMessage());
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw new TypeConversionException("Expected string values in the encryption context: "
                            + e.getKey() + " is not a string");
                }
                context.put(e.getKey(), e.getValue().asText());
            });
            return context;
        }
        if (text.isEmpty()) {
            return context;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new TypeConversionException(
                        "Expected key=value,key2=value2 or a JSON object {\"key\":\"value\"}");
            }
            context.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return context;
    }
}
