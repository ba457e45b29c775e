package io.keywarden.kms.api.spi;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;

/**
 * A backend that lives in another module, found with {@link java.util.ServiceLoader}: the remote
 * backend (module {@code remote}) registers one named {@code remote}. {@link Backends} picks the
 * factory named by keywarden.conf's {@code backend} setting.
 */
public interface KmsBackendFactory {

    /** The value of {@code backend} this factory serves, for example {@code remote}. */
    String name();

    /** Opens a backend for the configuration; a misconfiguration is a {@link KeywardenConfig.ConfigException}. */
    KmsBackend open(KeywardenConfig config);
}
