package io.keywarden.kms.engine;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.policy.GrantTerms;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.util.List;

/** Which grants of a key a caller may use. */
final class GrantRules {

    private GrantRules() {
    }

    static List<GrantTerms> usable(StoreTransaction tx, KeyRecord key, Caller caller, List<String> grantTokens) {
        return List.of();
    }
}
