package io.keywarden.kms.engine;

import io.keywarden.kms.config.KeywardenConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What the engine needs to know of its place: the caller's principal and account, the region that
 * appears in ARNs, the resource quotas, and how long a new grant takes to become visible without
 * its grant token ({@code grantPropagation}: zero by default; AWS KMS's grants are eventually
 * consistent, and a positive delay emulates that).
 */
public record EngineSettings(String principal, String account, String region, int keysPerAccount, int aliasesPerKey,
        int grantsPerKey, Duration grantPropagation) {

    /** The default of {@code quota.grantsPerKey}, as AWS KMS's. */
    public static final int DEFAULT_GRANTS_PER_KEY = 50_000;

    public EngineSettings {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        grantPropagation = grantPropagation == null ? Duration.ZERO : grantPropagation;
    }

    /** Settings with the default grant quota and immediately visible grants. */
    public EngineSettings(String principal, String account, String region, int keysPerAccount, int aliasesPerKey) {
        this(principal, account, region, keysPerAccount, aliasesPerKey, DEFAULT_GRANTS_PER_KEY, Duration.ZERO);
    }

    public static EngineSettings from(KeywardenConfig config) {
        return new EngineSettings(config.principal(), config.account(), config.region(),
                config.keysPerAccount(), config.aliasesPerKey(), config.grantsPerKey(), Duration.ZERO);
    }

    /** The same settings with another grants-per-key quota and grant propagation delay. */
    public EngineSettings withGrants(int perKey, Duration propagation) {
        return new EngineSettings(principal, account, region, keysPerAccount, aliasesPerKey, perKey, propagation);
    }

    public String keyArn(String keyId) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
    }

    public String aliasArn(String aliasName) {
        return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
    }
}
