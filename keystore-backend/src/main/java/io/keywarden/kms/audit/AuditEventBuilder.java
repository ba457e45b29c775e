package io.keywarden.kms.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.keywarden.kms.api.Caller;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds one CloudTrail-shaped KMS event (docs/audit.md): who called (userIdentity), what
 * (eventName, allow-listed requestParameters), on which key (resources), with what outcome
 * (responseElements, or errorCode and errorMessage). The request part is fixed when the call starts;
 * {@link #success} and {@link #failure} give the canonical JSON of the finished event, {@link #compactLater}
 * the compact row a data-plane success is stored as, and {@link #storedJson} the event a stored row stands for.
 */
public final class AuditEventBuilder {

    /** The eventVersion written. */
    public static final String EVENT_VERSION = "1.08";

    /** Operations that change nothing (CloudTrail's {@code readOnly: true}) beyond Get/List/Describe. */
    private static final Set<String> READ_ONLY = Set.of("Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "Sign", "Verify", "GenerateMac", "VerifyMac", "GenerateRandom", "DeriveSharedSecret", "OpenMacSession");

    private final String eventName;
    private final Caller caller;
    private final String region;
    private final String keyAccount;
    private final Instant time;
    private final Map<String, Object> requestParameters;
    private final String requestId;
    /** One event per builder (its success or its failure): the id is drawn with the request's. */
    private final String eventId;

    /**
     * @param eventName the operation, for example {@code Encrypt}
     * @param request the API request (only its allow-listed fields are kept); may be null
     * @param keyAccount the account that owns the keys of this engine (resource ARNs)
     */
    public AuditEventBuilder(String eventName, Object request, Caller caller, String region, String keyAccount,
            Instant time) {
        this(eventName, caller, region, keyAccount, time, AuditFields.request(request), EventIds.next(),
                EventIds.next());
    }

    private AuditEventBuilder(String eventName, Caller caller, String region, String keyAccount, Instant time,
            Map<String, Object> requestParameters, String requestId, String eventId) {
        this.eventName = eventName;
        this.caller = caller;
        this.region = region;
        this.keyAccount = keyAccount;
        this.time = time;
        this.requestParameters = requestParameters;
        this.requestId = requestId;
        this.eventId = eventId;
    }

    public String eventName() {
        return eventName;
    }

    /** Whether the operation only reads (CloudTrail's readOnly). */
    public static boolean isReadOnly(String eventName) {
        return READ_ONLY.contains(eventName) || eventName.startsWith("Get") || eventName.startsWith("List")
                || eventName.startsWith("Describe");
    }

    /**
     * Data-plane operations: cryptographic calls that change nothing. Their success events are
     * committed by the writer's next group commit instead of before the call returns.
     */
    private static final Set<String> DATA_PLANE = Set.of("Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "Sign", "Verify", "GenerateMac", "VerifyMac", "GenerateRandom", "DeriveSharedSecret", "DirectEncrypt",
            "DirectDecrypt", "DirectWrapKey", "DirectUnwrapKey", "OpenMacSession");

    /** Whether {@code eventName} is a data-plane operation (see {@link #DATA_PLANE}). */
    public static boolean isDataPlane(String eventName) {
        return DATA_PLANE.contains(eventName);
    }

    /** The event of a successful call whose result was {@code result} (response or key record). */
    public String success(Object result) {
        Map<String, Object> response = AuditFields.response(result);
        return CanonicalJson.writeMembers(fields -> event(fields, response, null, null));
    }

    /**
     * {@link #success}'s event in its compact form (docs/audit.md, "Compact events"), to write later on
     * any thread: what the event is made from — the call's fields and the allow-listed fields of
     * {@code result}, copied now (so that the caller may zero or reuse what the result holds;
     * everything else it reads is immutable) — as one canonical JSON array, without the fields every
     * event of the kind repeats. {@link #storedJson} turns it into exactly the text {@link #success} writes.
     */
    public Supplier<String> compactLater(Object result) {
        Map<String, Object> response = AuditFields.response(result);
        return () -> CanonicalJson.write(Arrays.asList(COMPACT_TAG, region, keyAccount, eventName, eventTime(time),
                eventId, requestId, caller.principalArn(), caller.account(), caller.sourceIp(), caller.userAgent(),
                caller.viaService(), requestParameters, response));
    }

    /** The first element of a compact event. */
    static final String COMPACT_TAG = "kwc1";

    private static final int COMPACT_LENGTH = 14;

    /**
     * The event a stored text stands for, as canonical JSON: the text itself when it is an event
     * object, the event it renders to when it is a compact event ({@link #compactLater}); null when it
     * is neither (a damaged or tampered row: the verifier names it).
     */
    public static String storedJson(String stored) {
        if (stored == null || stored.isEmpty() || stored.charAt(0) != '[') {
            return stored;
        }
        JsonNode n = CanonicalJson.read(stored);
        if (n == null || !n.isArray() || n.size() != COMPACT_LENGTH || !COMPACT_TAG.equals(n.get(0).textValue())) {
            return null;
        }
        try {
            Caller caller = new Caller(text(n, 7), text(n, 8), text(n, 9), text(n, 10), false, text(n, 11));
            AuditEventBuilder b = new AuditEventBuilder(required(n, 3), caller, text(n, 1), text(n, 2),
                    Instant.parse(required(n, 4)), members(n.get(12)), required(n, 6), required(n, 5));
            Map<String, Object> response = n.get(13).isNull() ? null : members(n.get(13));
            if (response != null && response.isEmpty()) {
                return null; // never written so: responseElements is null or has members
            }
            return CanonicalJson.writeMembers(fields -> b.event(fields, response, null, null));
        } catch (RuntimeException e) { // a malformed value: the row is not a compact event
            return null;
        }
    }

    /** Element {@code i}: a string or null. */
    private static String text(JsonNode array, int i) {
        JsonNode v = array.get(i);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("element " + i + " is not a string");
        }
        return v.textValue();
    }

    private static String required(JsonNode array, int i) {
        String v = text(array, i);
        if (v == null) {
            throw new IllegalArgumentException("element " + i + " is missing");
        }
        return v;
    }

    /** An object's members as the values the builder holds (strings, numbers, booleans, maps, lists). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> members(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        return CanonicalJson.MAPPER.convertValue(object, Map.class);
    }

    /** The event of a refused or failed call. The message is the error's own (KMS messages carry no secrets). */
    public String failure(String errorCode, String errorMessage) {
        return CanonicalJson.writeMembers(fields -> event(fields, null, errorCode, orEmpty(errorMessage)));
    }

    /** The fields of {@link #success}'s event as a map (what {@link #success} writes, for tests and Jackson). */
    Map<String, Object> successEvent(Object result) {
        Map<String, Object> e = new LinkedHashMap<>(32);
        event(e::put, AuditFields.response(result), null, null);
        return e;
    }

    /** The fields of {@link #failure}'s event as a map. */
    Map<String, Object> failureEvent(String errorCode, String errorMessage) {
        Map<String, Object> e = new LinkedHashMap<>(32);
        event(e::put, null, errorCode, orEmpty(errorMessage));
        return e;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * The event's fields, given in key order (the canonical JSON's order), so that they are written in
     * one pass, straight into the text (no map per event; {@link CanonicalJson#writeMembers} checks the order).
     */
    private void event(CanonicalJson.Members e, Map<String, Object> responseElements, String errorCode,
            String errorMessage) {
        e.put("awsRegion", region);
        if (errorCode != null) {
            e.put("errorCode", errorCode);
            e.put("errorMessage", errorMessage);
        }
        e.put("eventCategory", "Management");
        e.put("eventID", eventId);
        e.put("eventName", eventName);
        e.put("eventSource", "kms.amazonaws.com");
        e.put("eventTime", eventTime(time));
        e.put("eventType", "AwsApiCall");
        e.put("eventVersion", EVENT_VERSION);
        e.put("managementEvent", true);
        e.put("readOnly", isReadOnly(eventName));
        e.put("recipientAccountId", keyAccount);
        e.put("requestID", requestId);
        e.put("requestParameters", requestParameters.isEmpty() ? null : requestParameters);
        e.put("resources", resources(responseElements));
        e.put("responseElements", responseElements);
        e.put("sourceIPAddress", caller.sourceIp());
        e.put("userAgent", caller.userAgent());
        e.put("userIdentity", UserIdentities.json(caller));
    }

    /** The text of the last second an event was stamped with: formatting an Instant per event shows in profiles. */
    private record SecondText(long second, String text) {
    }

    private static volatile SecondText lastSecond = new SecondText(Long.MIN_VALUE, "");

    /** {@code time} truncated to seconds, ISO-8601 ({@code 2024-05-01T12:00:00Z}). */
    static String eventTime(Instant time) {
        SecondText s = lastSecond;
        if (s.second() != time.getEpochSecond()) {
            s = new SecondText(time.getEpochSecond(), time.truncatedTo(ChronoUnit.SECONDS).toString());
            lastSecond = s;
        }
        return s.text();
    }

    private static final List<String> KEY_FIELDS = List.of("keyId", "targetKeyId", "sourceKeyId", "destinationKeyId");

    /** The KMS keys the request names (or the call created), as CloudTrail's resources. */
    private List<Object> resources(Map<String, Object> responseElements) {
        List<String> arns = new ArrayList<>(2);
        for (String field : KEY_FIELDS) {
            addKey(arns, requestParameters.get(field));
        }
        if (responseElements != null) {
            addKey(arns, responseElements.get("keyId"));
            if (responseElements.get("keyMetadata") instanceof Map<?, ?> meta) {
                addKey(arns, meta.get("keyId"));
            }
        }
        List<Object> out = new ArrayList<>(arns.size());
        for (String arn : arns) {
            out.add(resource(arn));
        }
        return out;
    }

    private void addKey(List<String> arns, Object id) {
        if (!(id instanceof String s) || s.isEmpty() || s.startsWith("alias/")
                || s.startsWith("arn:aws:kms:") && s.contains(":alias/")) {
            return;
        }
        String arn = s.startsWith("arn:") ? s : "arn:aws:kms:" + region + ":" + keyAccount + ":key/" + s;
        if (!arns.contains(arn)) {
            arns.add(arn);
        }
    }

    /** Resource entries kept; past this the cache starts again (they are per key). */
    static final int RESOURCES_LIMIT = 4096;

    private record Resource(String account, RawValue json) {
    }

    /** Each key's resource entry as canonical JSON, by ARN: the same in every event on the key. */
    private static final Map<String, Resource> RESOURCES = new ConcurrentHashMap<>();

    /** {@code {"ARN":…,"accountId":…,"type":"AWS::KMS::Key"}} for {@code arn}, made once and kept (bounded). */
    private RawValue resource(String arn) {
        String account = arnAccount(arn); // this engine's account when the ARN has none: not the ARN's alone
        Resource cached = RESOURCES.get(arn);
        if (cached != null && cached.account().equals(account)) {
            return cached.json();
        }
        if (RESOURCES.size() >= RESOURCES_LIMIT) {
            RESOURCES.clear();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ARN", arn);
        r.put("accountId", account);
        r.put("type", "AWS::KMS::Key");
        Resource made = new Resource(account, CanonicalJson.fragment(r));
        RESOURCES.put(arn, made);
        return made.json();
    }

    /**
     * The fifth {@code :}-separated field of an ARN (its account), or this engine's account when the
     * ARN has fewer — exactly {@code arn.split(":")[4]} when that exists (split drops trailing empty
     * fields), without splitting the whole ARN twice per event.
     */
    String arnAccount(String arn) {
        int from = 0;
        for (int field = 0; field < 4; field++) {
            int colon = arn.indexOf(':', from);
            if (colon < 0) {
                return keyAccount;
            }
            from = colon + 1;
        }
        boolean onlyColonsLeft = true;
        for (int i = from; i < arn.length() && onlyColonsLeft; i++) {
            onlyColonsLeft = arn.charAt(i) == ':';
        }
        if (onlyColonsLeft) {
            return keyAccount;
        }
        int end = arn.indexOf(':', from);
        return end < 0 ? arn.substring(from) : arn.substring(from, end);
    }
}
