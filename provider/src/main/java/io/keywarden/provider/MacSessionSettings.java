package io.keywarden.provider;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.provider.mac.MacSessionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Reads the MAC session settings of {@code keywarden.conf} (docs/configuration.md):
 *
 * <pre>
 * cache.macKeys=on                       # off by default
 * cache.macKeys.maxAgeSeconds=300        # 1..86400, per authorization
 * cache.macKeys.maxMessages=65536        # MACs per authorization, 1..2^32
 * cache.macKeys.maxEntries=100           # open sessions (one per key and algorithm)
 * </pre>
 */
final class MacSessionSettings {

    static final String PREFIX = "cache.macKeys";

    private MacSessionSettings() {
    }

    /** The policy the file asks for, or null when MAC sessions are off. */
    static MacSessionPolicy read(Path configFile) {
        return fromProperties(DataKeyCacheSettings.load(configFile));
    }

    static MacSessionPolicy fromProperties(Properties p) {
        if (!DataKeyCacheSettings.enabled(p, PREFIX)) {
            return null;
        }
        MacSessionPolicy d = MacSessionPolicy.defaults();
        try {
            return new MacSessionPolicy(
                    Duration.ofSeconds(DataKeyCacheSettings.number(p, PREFIX, "maxAgeSeconds", d.maxAge().toSeconds())),
                    DataKeyCacheSettings.number(p, PREFIX, "maxMessages", d.maxMessages()),
                    (int) Math.min(Integer.MAX_VALUE,
                            DataKeyCacheSettings.number(p, PREFIX, "maxEntries", d.maxEntries())));
        } catch (IllegalArgumentException e) {
            if (e instanceof KeywardenConfig.ConfigException) {
                throw e;
            }
            throw new KeywardenConfig.ConfigException(PREFIX + ".*", e.getMessage());
        }
    }
}
