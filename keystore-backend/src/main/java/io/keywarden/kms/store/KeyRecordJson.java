package io.keywarden.kms.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@link KeyRecord} as JSON; instants are ISO-8601 strings ({@link Instant#toString()}), exact to the nanosecond. */
final class KeyRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("instants")
            .addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                    gen.writeString(value.toString());
                }
            })
            .addDeserializer(Instant.class, new JsonDeserializer<>() {
                @Override
                public Instant deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
                    try {
                        return Instant.parse(parser.getValueAsString());
                    } catch (DateTimeParseException e) {
                        throw ctx.weirdStringException(parser.getText(), Instant.class, "not an ISO-8601 instant");
                    }
                }
            }));

    private KeyRecordJson() {
    }

    static String write(KeyRecord key) {
        try {
            return MAPPER.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize key " + key.keyId(), e);
        }
    }

    static KeyRecord read(String json) throws IOException {
        return MAPPER.readValue(json, KeyRecord.class);
    }
}
