package io.keywarden.kms.policy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a policy is evaluated against: the caller, the action ({@code kms:Decrypt}), the resource
 * (a key ARN, or {@code *} for account-level actions) and the condition keys with their values.
 * Condition key names are case-insensitive; a multi-valued key (kms:EncryptionContextKeys,
 * aws:TagKeys, kms:GrantOperations, kms:ResourceAliases) has several values.
 */
public record RequestContext(String principalArn, String principalAccount, String action, String resource,
        Map<String, List<String>> keys) {

    public RequestContext {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        keys = java.util.Collections.unmodifiableMap(copy);
    }

    /** The values of a condition key; null when the request does not have it. */
    public List<String> values(String key) {
        return keys.get(key);
    }

    /** The same request for another action (the lockout check asks about kms:PutKeyPolicy). */
    public RequestContext withAction(String otherAction) {
        return new RequestContext(principalArn, principalAccount, otherAction, resource, keys);
    }
}
