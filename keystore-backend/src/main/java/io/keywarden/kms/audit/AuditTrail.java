package io.keywarden.kms.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.store.AuditTable;
import io.keywarden.kms.store.KmsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a store's audit trail: lists events with filters, verifies the trail, exports the digest public key. */
public final class AuditTrail {

    private static final int PAGE = 1000;

    /** Which events {@link #list} returns; null fields do not filter. */
    public record Filter(String keyId, String principal, String operation, Instant start, Instant end,
            boolean errorsOnly) {

        boolean matches(JsonNode e) {
            if (operation != null && !operation.equals(e.path("eventName").asText())) {
                return false;
            }
            if (principal != null && !principal.equals(e.path("userIdentity").path("arn").asText())) {
                return false;
            }
            if (errorsOnly && e.path("errorCode").isMissingNode()) {
                return false;
            }
            if (start != null || end != null) {
                Instant t;
                try {
                    t = Instant.parse(e.path("eventTime").asText());
                } catch (RuntimeException ex) {
                    return false;
                }
                if (start != null && t.isBefore(start) || end != null && t.isAfter(end)) {
                    return false;
                }
            }
            return keyId == null || namesKey(e);
        }

        private boolean namesKey(JsonNode e) {
            for (JsonNode r : e.path("resources")) {
                String arn = r.path("ARN").asText();
                if (arn.equals(keyId) || arn.endsWith(":key/" + keyId)) {
                    return true;
                }
            }
            return keyId.equals(e.path("requestParameters").path("keyId").asText(null));
        }
    }

    private AuditTrail() {
    }

    /**
     * Gives each matching event's JSON, in sequence order, to {@code sink}: a compact row as the
     * event it stands for (docs/audit.md, "Compact events").
     */
    public static void list(KmsStore store, Filter filter, Consumer<String> sink) {
        long after = 0;
        while (true) {
            long from = after;
            List<AuditTable.EventRow> page = store.read(tx -> tx.audit().events(from, PAGE));
            for (AuditTable.EventRow r : AuditBlocks.expand(page, from)) { // a block row as its events
                String json = AuditEventBuilder.storedJson(r.event()); // a compact row rendered as its event
                JsonNode e = json == null ? null : CanonicalJson.read(json);
                if (e != null && filter.matches(e)) {
                    sink.accept(json);
                }
                after = r.seq();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /**
     * Verifies the whole trail against {@code publicKey} (X.509), or the store's own digest key when
     * null. The store's key row is MACed under the root key, so it cannot be swapped unnoticed.
     */
    public static List<AuditFinding> verify(KmsStore store, byte[] publicKey) {
        return store.read(tx -> {
            AuditTable t = tx.audit();
            List<AuditTable.EventRow> events = new ArrayList<>();
            long after = 0;
            while (true) {
                List<AuditTable.EventRow> page = t.events(after, PAGE);
                events.addAll(page);
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
            byte[] key = publicKey != null ? publicKey
                    : t.publicSigningKey().map(AuditTable.SigningKey::publicKey).orElse(null);
            return new AuditVerifier(key).verify(AuditBlocks.expand(events, 0), t.digests());
        });
    }

    /** The digest public key as PEM (SubjectPublicKeyInfo), if a digest was written yet. */
    public static Optional<String> publicKeyPem(KmsStore store) {
        return store.read(tx -> tx.audit().publicSigningKey()).map(k -> "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(k.publicKey()) + "\n-----END PUBLIC KEY-----\n");
    }

    /** Decodes a PEM or base64 public key. */
    public static byte[] decodePublicKey(String text) {
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }
}
