package io.keywarden.kms.audit;

import io.keywarden.kms.api.Tag;
import io.keywarden.kms.store.KeyRecord;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What of a request and of a response goes into an audit event: only fields named in an explicit
 * allow-list, and only values of harmless types (strings, numbers, booleans, enums, instants, string
 * maps and lists, tags). Plaintext, ciphertext, messages, signatures, MACs, import tokens, public and
 * wrapped key material and grant tokens are never listed, and a {@code byte[]} is never written
 * whatever its name, so a field added to a request later stays out until it is listed here.
 */
final class AuditFields {

    /** Request fields recorded in {@code requestParameters} (camelCase, as CloudTrail names them). */
    static final Set<String> REQUEST = Set.of(
            "keyId", "encryptionContext", "encryptionAlgorithm", "keySpec", "keyUsage", "origin", "description",
            "numberOfBytes", "keyPairSpec", "signingAlgorithm", "messageType", "macAlgorithm", "aliasName",
            "targetKeyId", "tagKeys", "tags", "pendingWindowInDays", "rotationPeriodInDays", "sourceKeyId",
            "destinationKeyId", "sourceEncryptionContext", "destinationEncryptionContext",
            "sourceEncryptionAlgorithm", "destinationEncryptionAlgorithm", "wrappingAlgorithm", "wrappingKeySpec",
            "expirationModel", "validTo", "policyName", "limit", "marker", "keyAgreementAlgorithm",
            "bypassPolicyLockoutSafetyCheck", "multiRegion", "customKeyStoreId", "includeKeyMaterial",
            "onlyRotationType", "grantId", "grantIds", "granteePrincipal", "retiringPrincipal", "operations",
            "name", "principalArn", "keyMaterialId", "dryRun", "maxMessages", "maxAgeSeconds");

    /** Response fields recorded in {@code responseElements}. */
    static final Set<String> RESPONSE = Set.of("keyId", "keyMaterialId", "currentKeyMaterialId", "grantId",
            "deletionDate", "pendingWindowInDays", "keyState", "encryptionAlgorithm", "signingAlgorithm",
            "macAlgorithm", "keyMetadata");

    /** Fields of a key's metadata recorded with CreateKey's and DescribeKey's responses. */
    static final Set<String> KEY_METADATA = Set.of("keyId", "arn", "awsAccountId", "keySpec", "keyUsage",
            "origin", "keyState", "creationDate", "description", "enabled", "multiRegion");

    private AuditFields() {
    }

    /** The request's allow-listed fields that are set; empty for a request that is not a record. */
    static Map<String, Object> request(Object request) {
        return fields(request, REQUEST);
    }

    /**
     * The allow-listed fields of an operation's result: an API response, or the key record a
     * state-changing transaction returned. Null when nothing is recorded (CloudTrail's
     * {@code "responseElements": null}).
     */
    static Map<String, Object> response(Object result) {
        if (result instanceof KeyRecord key) {
            Map<String, Object> meta = fields(key, KEY_METADATA);
            return meta.isEmpty() ? null : Map.of("keyMetadata", meta);
        }
        Map<String, Object> out = fields(result, RESPONSE);
        return out.isEmpty() ? null : out;
    }

    /** The allow-listed accessors of a record class, looked up once per class (not per call). */
    private static final class Allowed extends ClassValue<List<RecordComponent>> {
        private final Set<String> names;

        Allowed(Set<String> names) {
            this.names = names;
        }

        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<RecordComponent> out = new ArrayList<>();
            for (RecordComponent rc : type.getRecordComponents()) {
                if (names.contains(rc.getName())) {
                    out.add(rc);
                }
            }
            return List.copyOf(out);
        }
    }

    private static final Allowed REQUEST_FIELDS = new Allowed(REQUEST);
    private static final Allowed RESPONSE_FIELDS = new Allowed(RESPONSE);
    private static final Allowed KEY_METADATA_FIELDS = new Allowed(KEY_METADATA);

    private static Allowed allowed(Set<String> names) {
        return names == REQUEST ? REQUEST_FIELDS : names == RESPONSE ? RESPONSE_FIELDS
                : names == KEY_METADATA ? KEY_METADATA_FIELDS : new Allowed(names);
    }

    private static Map<String, Object> fields(Object value, Set<String> allowed) {
        Map<String, Object> out = new TreeMap<>();
        if (value == null) {
            return out;
        }
        for (RecordComponent rc : allowed(allowed).get(value.getClass())) {
            Object v;
            try {
                v = rc.getAccessor().invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            Object safe = rc.getName().equals("keyMetadata") ? fields(v, KEY_METADATA) : safe(v);
            if (safe != null && !(safe instanceof Map<?, ?> m && m.isEmpty() && v != null && v.getClass().isRecord())) {
                out.put(rc.getName(), safe);
            }
        }
        return out;
    }

    /** The value if its type is harmless, converted to JSON-ready form; null otherwise. */
    private static Object safe(Object v) {
        if (v == null || v instanceof byte[] || v instanceof char[]) {
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Instant t) {
            return t.toString();
        }
        if (v instanceof Tag t) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tagKey", t.tagKey());
            m.put("tagValue", t.tagValue());
            return m;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object sv = safe(e.getValue());
                if (e.getKey() instanceof String k && sv != null) {
                    out.put(k, sv);
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object sv = safe(o);
                if (sv != null) {
                    out.add(sv);
                }
            }
            return out;
        }
        return null;
    }
}
