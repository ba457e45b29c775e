package io.keywarden.provider.keystore;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Objects;

/**
 * Loads the {@code KMS} key store from a given {@code keywarden.conf} instead of the provider's
 * configuration: {@code keyStore.load(new KmsLoadStoreParameter(Path.of("keywarden.conf")))}. The
 * file's relative paths are resolved against its own directory, as everywhere else.
 */
public final class KmsLoadStoreParameter implements KeyStore.LoadStoreParameter {

    private final Path config;

    public KmsLoadStoreParameter(Path config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration file. */
    public Path config() {
        return config;
    }

    /** No protection: the backend's own access control applies, not a key store password. */
    @Override
    public KeyStore.ProtectionParameter getProtectionParameter() {
        return null;
    }

    @Override
    public String toString() {
        return "KmsLoadStoreParameter[" + config + "]";
    }
}
