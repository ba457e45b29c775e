package io.keywarden.provider;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.provider.envelope.DataKeyCachePolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Reads the data-key cache settings of {@code keywarden.conf}, so that unchanged applications get
 * caching by configuration alone (docs/configuration.md):
 *
 * <pre>
 * cache.dataKeys=on                      # off by default
 * cache.dataKeys.maxAgeSeconds=300       # 1..86400
 * cache.dataKeys.maxMessages=65536       # messages per data key
 * cache.dataKeys.maxBytes=4294967296     # plaintext bytes per data key
 * cache.dataKeys.maxEntries=100          # entries per cache
 * </pre>
 */
final class DataKeyCacheSettings {

    static final String PREFIX = "cache.dataKeys";

    private DataKeyCacheSettings() {
    }

    /** The policy the file asks for, or null when caching is off. */
    static DataKeyCachePolicy read(Path configFile) {
        return fromProperties(load(configFile));
    }

    static Properties load(Path configFile) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(configFile)) {
            p.load(r);
        } catch (IOException e) {
            throw new KeywardenConfig.ConfigException("config", "cannot read " + configFile + ": " + e.getMessage());
        }
        return p;
    }

    static DataKeyCachePolicy fromProperties(Properties p) {
        if (!enabled(p, PREFIX)) {
            return null;
        }
        try {
            DataKeyCachePolicy d = DataKeyCachePolicy.defaults();
            return new DataKeyCachePolicy(
                    Duration.ofSeconds(number(p, PREFIX, "maxAgeSeconds", d.maxAge().toSeconds())),
                    number(p, PREFIX, "maxMessages", d.maxMessages()),
                    number(p, PREFIX, "maxBytes", d.maxBytes()),
                    (int) number(p, PREFIX, "maxEntries", d.maxEntries()));
        } catch (IllegalArgumentException e) {
            if (e instanceof KeywardenConfig.ConfigException) {
                throw e;
            }
            throw new KeywardenConfig.ConfigException(PREFIX + ".*", e.getMessage());
        }
    }

    /** Whether {@code prefix} is {@code on} (or {@code true}); off by default. */
    static boolean enabled(Properties p, String prefix) {
        String enabled = p.getProperty(prefix, "off").trim();
        if (enabled.equals("off") || enabled.equals("false")) {
            return false;
        }
        if (!enabled.equals("on") && !enabled.equals("true")) {
            throw new KeywardenConfig.ConfigException(prefix, "must be on or off");
        }
        return true;
    }

    static long number(Properties p, String prefix, String name, long def) {
        String v = p.getProperty(prefix + "." + name);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new KeywardenConfig.ConfigException(prefix + "." + name, "must be a whole number");
        }
    }
}
