package io.keywarden.kms.engine;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.GrantOperation;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.policy.GrantTerms;
import io.keywarden.kms.store.GrantRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which grants of a key a caller may use: its grants on the key that have become visible (see
 * {@link EngineSettings#grantPropagation()}), and the grants named by the request's grant tokens
 * (up to ten), which are usable at once. A token that does not match its grant, or names a grant
 * that no longer exists or belongs to another key, adds nothing. Whether a grant allows the
 * operation with the request's encryption context is {@link GrantTerms#allows}'s to say.
 */
final class GrantRules {

    private final EngineSettings settings;
    private final Clock clock;

    GrantRules(EngineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    List<GrantTerms> usable(StoreTransaction tx, KeyRecord key, Caller caller, List<String> grantTokens) {
        checkTokens(grantTokens);
        Map<String, GrantRecord> usable = new LinkedHashMap<>();
        for (String token : grantTokens) {
            GrantRecord g = tx.findGrant(GrantTokenCodec.grantIdOf(token)).orElse(null);
            if (g != null && g.keyId().equals(key.keyId()) && GrantTokenCodec.matches(token, g.tokenHashes())) {
                usable.put(g.grantId(), g);
            }
        }
        for (GrantRecord g : tx.listGrants(key.keyId(), null, caller.principalArn(), null, settings.grantsPerKey())) {
            if (visible(g)) {
                usable.putIfAbsent(g.grantId(), g);
            }
        }
        List<GrantTerms> out = new ArrayList<>();
        usable.values().forEach(g -> out.add(terms(g)));
        return out;
    }

    /** Whether a grant is visible without its token: created at least the propagation delay ago. */
    boolean visible(GrantRecord g) {
        return !g.createdAt().plus(settings.grantPropagation()).isAfter(clock.instant());
    }

    static GrantTerms terms(GrantRecord g) {
        return new GrantTerms(g.grantId(), g.granteePrincipal(),
                g.operations().stream().map(GrantOperation::name).collect(Collectors.toSet()),
                g.constraints() == null ? null : g.constraints().encryptionContextEquals(),
                g.constraints() == null ? null : g.constraints().encryptionContextSubset());
    }

    /** At most ten tokens of 1 to 8192 characters, as AWS KMS's GrantTokens; the tokens are never echoed. */
    static void checkTokens(List<String> tokens) {
        if (tokens.size() > GrantTokenCodec.MAX_TOKENS) {
            throw new ValidationException("1 validation error detected: Value at 'grantTokens' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + GrantTokenCodec.MAX_TOKENS);
        }
        for (String t : tokens) {
            if (t == null || t.isEmpty() || t.length() > GrantTokenCodec.MAX_TOKEN_LENGTH) {
                throw new ValidationException("1 validation error detected: Value at 'grantTokens' failed to satisfy "
                        + "constraint: Member must satisfy constraint: [Member must have length less than or equal to "
                        + GrantTokenCodec.MAX_TOKEN_LENGTH + ", Member must have length greater than or equal to 1]");
            }
        }
    }
}
