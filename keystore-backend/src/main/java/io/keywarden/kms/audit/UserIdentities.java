package io.keywarden.kms.audit;

import com.fasterxml.jackson.databind.util.RawValue;
import io.keywarden.kms.api.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code userIdentity} of a caller's events (type, principalId, arn, accountId, invokedBy),
 * made once per caller and kept (bounded), with its canonical JSON: it is the same for every event
 * of the caller, and the principal id is a SHA-256 of the ARN.
 */
final class UserIdentities {

    /** Callers kept; past this the cache starts again (a deployment has a handful of callers). */
    static final int LIMIT = 4096;

    private record Identity(Map<String, Object> fields, RawValue json) {
    }

    private static final Map<Caller, Identity> IDENTITIES = new ConcurrentHashMap<>();

    private UserIdentities() {
    }

    /** The caller's userIdentity, sorted by key and unmodifiable. */
    static Map<String, Object> of(Caller caller) {
        return identity(caller).fields();
    }

    /** The caller's userIdentity as canonical JSON, to be copied into events as it is. */
    static RawValue json(Caller caller) {
        return identity(caller).json();
    }

    private static Identity identity(Caller caller) {
        Identity cached = IDENTITIES.get(caller);
        if (cached != null) {
            return cached;
        }
        if (IDENTITIES.size() >= LIMIT) {
            IDENTITIES.clear();
        }
        Map<String, Object> fields = make(caller);
        Identity made = new Identity(fields, CanonicalJson.fragment(fields));
        IDENTITIES.put(caller, made);
        return made;
    }

    private static Map<String, Object> make(Caller caller) {
        TreeMap<String, Object> u = new TreeMap<>();
        String arn = caller.principalArn();
        boolean root = caller.isRoot();
        String type = root ? "Root" : arn.contains(":assumed-role/") ? "AssumedRole"
                : arn.contains(":role/") ? "Role" : arn.contains(":federated-user/") ? "FederatedUser" : "IAMUser";
        u.put("type", type);
        u.put("principalId", principalId(arn, caller.account(), root));
        u.put("arn", arn);
        u.put("accountId", caller.account());
        if (caller.viaService() != null) {
            u.put("invokedBy", caller.viaService());
        }
        return Collections.unmodifiableSortedMap(u);
    }

    /**
     * A stable stand-in for AWS's unique principal id: the account id for the root user, otherwise
     * {@code AID} + the first 17 hex digits (upper case) of SHA-256 of the ARN.
     */
    static String principalId(String arn, String account, boolean root) {
        if (root) {
            return account;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            return "AID" + HexFormat.of().formatHex(h).substring(0, 17).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
