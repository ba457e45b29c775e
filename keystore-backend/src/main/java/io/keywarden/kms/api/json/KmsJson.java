package io.keywarden.kms.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one JSON configuration of the API records, shared by the CLI's output and the server's wire
 * protocol: members in PascalCase (as AWS KMS names them; {@code AWSAccountId} by annotation), absent
 * members omitted, byte arrays as base64, enums by name, unknown members ignored on input.
 * Timestamps differ between the two uses, so each adds its own {@link Instant} handling:
 * {@link #wire()} uses AWS JSON 1.1's epoch seconds.
 */
public final class KmsJson {

    private static final ObjectMapper WIRE = builder()
            .addModule(new SimpleModule("keywarden-wire-instants")
                    .addSerializer(Instant.class, new EpochSecondsSerializer())
                    .addDeserializer(Instant.class, new EpochSecondsDeserializer()))
            .build();

    private KmsJson() {
    }

    /** The shared configuration, to which a user adds its timestamp handling and builds. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The mapper of the AWS JSON 1.1 protocol: timestamps as epoch seconds (JSON numbers with a
     * fraction when the instant has one; fractions, and numeric strings, accepted on input).
     */
    public static ObjectMapper wire() {
        return WIRE;
    }

    /** Epoch seconds of an instant, exact: {@code 1700000000} or {@code 1700000000.123}. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
    }

    /** The instant of a number of epoch seconds, to the nanosecond. */
    public static Instant instant(BigDecimal epochSeconds) {
        BigDecimal seconds = epochSeconds.setScale(0, java.math.RoundingMode.FLOOR);
        int nanos = epochSeconds.subtract(seconds).movePointRight(9).intValue();
        return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
    }

    private static final class EpochSecondsSerializer extends StdSerializer<Instant> {
        EpochSecondsSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(epochSeconds(value).toPlainString());
        }
    }

    private static final class EpochSecondsDeserializer extends StdDeserializer<Instant> {
        EpochSecondsDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            try {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    return instant(p.getDecimalValue());
                }
                if (t == JsonToken.VALUE_STRING) {
                    return instant(new BigDecimal(p.getText().trim()));
                }
            } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "not a timestamp in epoch seconds");
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
    }
}
