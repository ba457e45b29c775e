package io.keywarden.kms.engine;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.MalformedPolicyDocumentException;
import io.keywarden.kms.policy.Authorization;
import io.keywarden.kms.policy.Decision;
import io.keywarden.kms.policy.GrantTerms;
import io.keywarden.kms.policy.PolicyDocument;
import io.keywarden.kms.policy.PolicyParser;
import io.keywarden.kms.policy.RequestContext;
import io.keywarden.kms.store.AliasRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's one authorization point: builds the {@link RequestContext} of a call (the request's
 * own condition keys, the key's, the caller's — made only when a condition reads them), loads the key policy, the caller's identity policy
 * and the key's grants from the store transaction, and asks {@link Authorization}. A refusal is an
 * {@link AccessDeniedException} with AWS's message.
 */
final class Authorizer {

    private static final int CACHE_LIMIT = 1024;

    private final EngineSettings settings;
    private final Clock clock;
    private final Map<String, PolicyDocument> keyPolicies = new ConcurrentHashMap<>();
    private final Map<String, PolicyDocument> identityPolicies = new ConcurrentHashMap<>();
    private final GrantLookup grants;

    /** The grants of a key that a caller may use (grant tokens included). */
    interface GrantLookup {
        List<GrantTerms> usable(StoreTransaction tx, KeyRecord key, Caller caller, List<String> grantTokens);
    }

    Authorizer(EngineSettings settings, Clock clock, GrantLookup grants) {
        this.settings = settings;
        this.clock = clock;
        this.grants = grants;
    }

    /** Refuses {@code op} on {@code key} (named in the request by {@code identifier}) unless allowed. */
    void onKey(StoreTransaction tx, Call call, Operation op, KeyRecord key, String identifier) {
        Decision d = decideOnKey(tx, call, op, key, identifier);
        if (!d.allowed()) {
            throw new AccessDeniedException(d.message());
        }
    }

    Decision decideOnKey(StoreTransaction tx, Call call, Operation op, KeyRecord key, String identifier) {
        RequestFacts facts = call.facts().forOperation(op);
        RequestContext request = context(tx, call.caller(), op.action(), key, identifier, facts);
        PolicyDocument policy = keyPolicy(key.policy());
        return Authorization.onKey(policy, identityPolicy(tx, call.caller()), key.awsAccountId(), request,
                op.grantOperation(), facts.encryptionContext, grants.usable(tx, key, call.caller(), facts.grantTokens));
    }

    /** Refuses an account-level action unless the caller's account allows it. */
    void onAccount(StoreTransaction tx, Call call, Operation op) {
        RequestContext request = context(tx, call.caller(), op.action(), null, null, call.facts());
        Decision d = Authorization.onAccount(identityPolicy(tx, call.caller()), settings.account(), request);
        if (!d.allowed()) {
            throw new AccessDeniedException(d.message());
        }
    }

    /**
     * The lockout safety check of CreateKey and PutKeyPolicy: refuses a policy under which the caller
     * could not call PutKeyPolicy again.
     */
    void checkLockout(StoreTransaction tx, Call call, PolicyDocument newPolicy, KeyRecord key) {
        RequestContext request = context(tx, call.caller(), "kms:PutKeyPolicy", key, null, RequestFacts.NONE);
        if (!Authorization.callerKeepsControl(newPolicy, identityPolicy(tx, call.caller()), key.awsAccountId(),
                request)) {
            throw new MalformedPolicyDocumentException(
                    "The new key policy will not allow you to update the key policy in the future.");
        }
    }

    /**
     * The request as policies see it. Its condition keys are only made if a condition reads one —
     * the default key policy reads none — inside the transaction {@code tx} the evaluation runs in.
     */
    RequestContext context(StoreTransaction tx, Caller caller, String action, KeyRecord key, String identifier,
            RequestFacts facts) {
        return RequestContext.withLazyKeys(caller.principalArn(), caller.account(), action,
                key == null ? "*" : key.arn(), () -> conditionKeys(tx, caller, key, identifier, facts));
    }

    private Map<String, List<String>> conditionKeys(StoreTransaction tx, Caller caller, KeyRecord key,
            String identifier, RequestFacts facts) {
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (key != null) {
            keys.put("kms:KeySpec", List.of(key.keySpec().name()));
            keys.put("kms:KeyUsage", List.of(key.keyUsage().name()));
            keys.put("kms:KeyOrigin", List.of(key.origin().name()));
            keys.put("kms:MultiRegion", List.of("false"));
            List<AliasRecord> aliases = tx.aliasesOf(key.keyId());
            if (!aliases.isEmpty()) {
                keys.put("kms:ResourceAliases", aliases.stream().map(AliasRecord::aliasName).toList());
            }
            key.tags().forEach(t -> keys.put("aws:ResourceTag/" + t.tagKey(), List.of(String.valueOf(t.tagValue()))));
        }
        String alias = requestAlias(identifier);
        if (alias != null) {
            keys.put("kms:RequestAlias", List.of(alias));
        }
        keys.putAll(facts.keys); // request parameters (CreateKey's KeySpec…) over the key's
        keys.put("kms:CallerAccount", List.of(caller.account()));
        keys.put("aws:PrincipalArn", List.of(caller.principalArn()));
        keys.put("aws:PrincipalAccount", List.of(caller.account()));
        keys.put("aws:SecureTransport", List.of(Boolean.toString(caller.secureTransport())));
        if (caller.sourceIp() != null) {
            keys.put("aws:SourceIp", List.of(caller.sourceIp()));
        }
        if (caller.viaService() != null) {
            keys.put("kms:ViaService", List.of(caller.viaService()));
        }
        keys.put("aws:CurrentTime", List.of(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
        keys.put("aws:EpochTime", List.of(Long.toString(clock.instant().getEpochSecond())));
        return keys;
    }

    /** The alias a request named its key by ({@code alias/x} or an alias ARN), as {@code alias/x}. */
    private static String requestAlias(String identifier) {
        if (identifier == null) {
            return null;
        }
        if (identifier.startsWith("alias/")) {
            return identifier;
        }
        int i = identifier.indexOf(":alias/");
        return identifier.startsWith("arn:") && i > 0 ? identifier.substring(i + 1) : null;
    }

    /**
     * The parsed key policy. A stored policy that no longer parses (stored before policies were
     * validated) allows nothing: authorization fails closed.
     */
    PolicyDocument keyPolicy(String json) {
        PolicyDocument cached = keyPolicies.get(json);
        if (cached != null) {
            return cached;
        }
        PolicyDocument parsed;
        try {
            parsed = PolicyParser.parseKeyPolicy(json);
        } catch (MalformedPolicyDocumentException e) {
            parsed = new PolicyDocument(null, null, List.of());
        }
        if (keyPolicies.size() >= CACHE_LIMIT) {
            keyPolicies.clear();
        }
        keyPolicies.put(json, parsed);
        return parsed;
    }

    private PolicyDocument identityPolicy(StoreTransaction tx, Caller caller) {
        if (caller.isRoot()) {
            return null; // the root user is not subject to identity policies
        }
        String json = tx.findIdentityPolicy(caller.principalArn()).orElse(null);
        if (json == null) {
            return null;
        }
        PolicyDocument cached = identityPolicies.get(json);
        if (cached == null) {
            try {
                cached = PolicyParser.parseIdentityPolicy(json);
            } catch (MalformedPolicyDocumentException e) {
                cached = new PolicyDocument(null, null, List.of());
            }
            if (identityPolicies.size() >= CACHE_LIMIT) {
                identityPolicies.clear();
            }
            identityPolicies.put(json, cached);
        }
        return cached;
    }
}
