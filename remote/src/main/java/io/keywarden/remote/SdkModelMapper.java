package io.keywarden.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.json.KmsJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between the API's records and the AWS SDK's model objects through the one shape they
 * share, the AWS JSON 1.1 document: a record becomes JSON with {@link KmsJson#wire()}, and that JSON
 * fills an SDK builder member by member through the SDK's own field metadata ({@link SdkField}: the
 * wire name and type of each member); an SDK object is read back the same way. So the mapping follows
 * the AWS model for every operation without a hand-written mapper per record.
 */
final class SdkModelMapper {

    private final ObjectMapper json = KmsJson.wire();

    /** An SDK builder (from a model class's {@code builder()}) filled from a record, then built. */
    Object toSdk(Object record, SdkPojo builder) {
        JsonNode tree = json.valueToTree(record);
        tree.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("Keywarden")) { // a Keywarden-only member (KeywardenRsaParameters): never dropped silently
                throw new KmsUnsupportedOperationException(name + " is a Keywarden extension that the remote backend "
                        + "(the AWS SDK's KMS API) cannot send; use the embedded backend for it.");
            }
        });
        fill(builder, tree);
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /** The record of type {@code type} with the members of an SDK model object. */
    <T> T fromSdk(SdkPojo sdk, Class<T> type) {
        try {
            return json.treeToValue(read(sdk), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the SDK's " + sdk.getClass().getSimpleName() + " as " + type.getSimpleName(), e);
        }
    }

    private void fill(SdkPojo builder, JsonNode tree) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode value = tree.get(field.locationName());
            if (value != null && !value.isNull()) {
                field.set(builder, toSdkValue(field, value));
            }
        }
    }

    private Object toSdkValue(SdkField<?> field, JsonNode value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return value.asText();
        } else if (type == MarshallingType.INTEGER) {
            return value.asInt();
        } else if (type == MarshallingType.LONG) {
            return value.asLong();
        } else if (type == MarshallingType.BOOLEAN) {
            return value.asBoolean();
        } else if (type == MarshallingType.DOUBLE) {
            return value.asDouble();
        } else if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(value.asText()));
        } else if (type == MarshallingType.INSTANT) {
            return KmsJson.instant(value.decimalValue());
        } else if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, value);
            return ((SdkBuilder<?, ?>) nested).build();
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(toSdkValue(member, v)));
            return list;
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), toSdkValue(member, e.getValue()));
            }
            return map;
        }
        throw new IllegalStateException("the SDK member " + field.memberName() + " has an unsupported type " + type);
    }

    private JsonNode read(SdkPojo pojo) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = toJson(field, field.getValueOrDefault(pojo));
            if (value != null) {
                node.set(field.locationName(), value);
            }
        }
        return node;
    }

    private JsonNode toJson(SdkField<?> field, Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        if (value instanceof String s) {
            return f.textNode(s);
        } else if (value instanceof Integer i) {
            return f.numberNode(i);
        } else if (value instanceof Long l) {
            return f.numberNode(l);
        } else if (value instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (value instanceof Double d) {
            return f.numberNode(d);
        } else if (value instanceof SdkBytes bytes) {
            return f.textNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        } else if (value instanceof Instant instant) {
            BigDecimal seconds = KmsJson.epochSeconds(instant);
            return f.numberNode(seconds);
        } else if (value instanceof SdkPojo nested) {
            return read(nested);
        } else if (value instanceof List<?> list) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = f.arrayNode();
            list.forEach(v -> array.add(toJson(member, v)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = f.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(member, v)));
            return object;
        }
        throw new IllegalStateException("the SDK member " + field.memberName() + " has an unsupported value type "
                + value.getClass().getSimpleName());
    }
}
