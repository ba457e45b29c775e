package io.keywarden.kms.policy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a policy is evaluated against: the caller, the action ({@code kms:Decrypt}), the resource
 * (a key ARN, or {@code *} for account-level actions) and the condition keys with their values.
 * Condition key names are case-insensitive; a multi-valued key (kms:EncryptionContextKeys,
 * aws:TagKeys, kms:GrantOperations, kms:ResourceAliases) has several values.
 *
 * <p>The condition keys may be given {@linkplain #withLazyKeys lazily}: most policies (the default
 * key policy among them) never read one, so the engine does not build them unless a condition is
 * evaluated. They are then built once, on the first read, and shared by {@link #withAction}'s copies.
 */
public final class RequestContext {

    private final String principalArn;
    private final String principalAccount;
    private final String action;
    private final String resource;
    private final Keys keys;

    /** A request whose condition keys are known now. */
    public RequestContext(String principalArn, String principalAccount, String action, String resource,
            Map<String, List<String>> keys) {
        this(principalArn, principalAccount, action, resource, new Keys(normalized(keys)));
    }

    private RequestContext(String principalArn, String principalAccount, String action, String resource, Keys keys) {
        this.principalArn = principalArn;
        this.principalAccount = principalAccount;
        this.action = action;
        this.resource = resource;
        this.keys = keys;
    }

    /**
     * A request whose condition keys are made by {@code keys} when a condition first reads one (at
     * most once). The supplier runs on the thread that evaluates the policy, so it may read the
     * store transaction the evaluation runs in.
     */
    public static RequestContext withLazyKeys(String principalArn, String principalAccount, String action,
            String resource, Supplier<Map<String, List<String>>> keys) {
        return new RequestContext(principalArn, principalAccount, action, resource,
                new Keys(Objects.requireNonNull(keys, "keys")));
    }

    public String principalArn() {
        return principalArn;
    }

    public String principalAccount() {
        return principalAccount;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    /** The condition keys and their values (key names case-insensitive, unmodifiable). */
    public Map<String, List<String>> keys() {
        return keys.get();
    }

    /** The values of a condition key; null when the request does not have it. */
    public List<String> values(String key) {
        return keys.get().get(key);
    }

    /** The same request for another action (the lockout check asks about kms:PutKeyPolicy). */
    public RequestContext withAction(String otherAction) {
        return new RequestContext(principalArn, principalAccount, otherAction, resource, keys);
    }

    /** Condition values are not shown: the request, not its keys. */
    @Override
    public String toString() {
        return "RequestContext[principalArn=" + principalArn + ", action=" + action + ", resource=" + resource + "]";
    }

    private static Map<String, List<String>> normalized(Map<String, List<String>> keys) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** The condition keys, made at most once. */
    private static final class Keys {
        private Supplier<Map<String, List<String>>> source;
        private volatile Map<String, List<String>> made;

        Keys(Map<String, List<String>> made) {
            this.made = made;
        }

        Keys(Supplier<Map<String, List<String>>> source) {
            this.source = source;
        }

        Map<String, List<String>> get() {
            Map<String, List<String>> m = made;
            if (m == null) {
                synchronized (this) {
                    m = made;
                    if (m == null) {
                        m = normalized(source.get());
                        made = m;
                        source = null;
                    }
                }
            }
            return m;
        }
    }
}
