package io.keywarden.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.api.json.KmsJson;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The AWS JSON 1.1 codec: request bodies to the API's request records, response records to bodies,
 * errors to {@code {"__type": …, "message": …}}. Uses {@link KmsJson#wire()} (PascalCase members,
 * base64 blobs, epoch-seconds timestamps, unknown members ignored). Error messages name the member
 * that failed, never its value (it may be plaintext or key material).
 */
public final class JsonProtocol {

    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private final ObjectMapper mapper = KmsJson.wire();

    /** The request record of type {@code type} read from {@code body}; an empty body is {@code {}}. */
    public <T> T readRequest(byte[] body, Class<T> type) {
        byte[] json = body.length == 0 ? EMPTY_OBJECT : body;
        try {
            if (!mapper.readTree(json).isObject()) {
                throw new ValidationException("The request body is not a JSON object.");
            }
            return mapper.readValue(json, type);
        } catch (JsonMappingException e) {
            throw new ValidationException(describe(e));
        } catch (IOException e) {
            throw new SerializationException("The request body is not valid JSON.");
        }
    }

    /** The body of a successful response: the record as JSON, or {@code {}} for no output. */
    public byte[] writeResponse(Object response) {
        if (response == null) {
            return EMPTY_OBJECT.clone();
        }
        try {
            return mapper.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response of type " + response.getClass().getSimpleName(), e);
        }
    }

    /** The body of an error response. */
    public byte[] writeError(String errorType, String message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("__type", errorType);
        node.put("message", message);
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (path.isEmpty()) {
            return "1 validation error detected: the request body does not have the members of this operation.";
        }
        return "1 validation error detected: Value at '" + path + "' failed to satisfy constraint: "
                + "Member must be a valid value of its type";
    }

    /** The body is not JSON at all; AWS answers {@code SerializationException} (HTTP 400). */
    public static final class SerializationException extends io.keywarden.kms.api.errors.KmsException {
        public SerializationException(String message) {
            super(message);
        }
    }
}
