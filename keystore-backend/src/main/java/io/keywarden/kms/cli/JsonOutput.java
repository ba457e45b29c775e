package io.keywarden.kms.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.keywarden.kms.api.json.KmsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints responses as the AWS CLI v2 does: members in PascalCase, absent members omitted, blobs in
 * base64, timestamps in ISO 8601 with an offset, 4-space indentation; or as {@code --output text}.
 * {@code --query} takes a member name or a dotted path of member names.
 */
final class JsonOutput {

    /** {@code 2024-05-01T12:00:00.123000+00:00}, the AWS CLI v2's timestamp format (in UTC). */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    /** {@link KmsJson}'s configuration (shared with the server's protocol) with ISO 8601 timestamps. */
    static final ObjectMapper MAPPER = KmsJson.builder()
            .addModule(new SimpleModule("keywarden-cli").addSerializer(Instant.class, new InstantSerializer()))
            .build();

    /** Python's {@code json.dumps(indent=4)}: "key": value, arrays one element a line, {} and [] when empty. */
    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        PRETTY = MAPPER.writer(printer);
    }

    private JsonOutput() {
    }

    /** The response as a JSON tree with the AWS CLI's member names. */
    static JsonNode tree(Object response) {
        return MAPPER.valueToTree(response);
    }

    static void print(Object response, OutputFormat format, String query, PrintWriter out) {
        JsonNode node = tree(response);
        if (query != null) {
            node = select(node, query);
        }
        if (format == OutputFormat.text) {
            TextOutput.print(node, out);
        } else {
            out.println(json(node));
        }
        out.flush();
    }

    /**
     * The member named by {@code query}: a member name ({@code CiphertextBlob}) or a dotted path of
     * member names ({@code KeyMetadata.KeyId}); JSON null when there is none. No other JMESPath.
     */
    static JsonNode select(JsonNode node, String query) {
        JsonNode current = node;
        for (String name : query.split("\\.", -1)) {
            JsonNode next = current.isObject() ? current.get(name) : null;
            if (next == null) {
                return NullNode.getInstance();
            }
            current = next;
        }
        return current;
    }

    static String json(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(TIMESTAMP.format(value));
        }
    }
}
