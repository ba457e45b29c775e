package io.keywarden.kms.engine;

import io.keywarden.kms.config.KeywardenConfig;
import java.util.Objects;

/**
 * What the engine needs to know of its place: the caller's principal and account, the region that
 * appears in ARNs, and the resource quotas.
 */
public record EngineSettings(String principal, String account, String region, int keysPerAccount, int aliasesPerKey) {

    public EngineSettings {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    public static EngineSettings from(KeywardenConfig config) {
        return new EngineSettings(config.principal(), config.account(), config.region(),
                config.keysPerAccount(), config.aliasesPerKey());
    }

    public String keyArn(String keyId) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
    }

    public String aliasArn(String aliasName) {
        return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
    }
}
