package io.keywarden.kms.api.spi;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import java.util.ServiceLoader;

/**
 * Opens the backend keywarden.conf names: the embedded engine on its store, or the
 * {@link KmsBackendFactory} registered under the {@code backend} setting (for {@code remote}: the
 * remote module, which must be on the class path). Used by the CLI and the JCA provider alike.
 */
public final class Backends {

    private Backends() {
    }

    public static KmsBackend open(KeywardenConfig config) {
        if (!config.isRemote()) {
            return EmbeddedKms.open(config);
        }
        for (KmsBackendFactory f : ServiceLoader.load(KmsBackendFactory.class, Backends.class.getClassLoader())) {
            if (f.name().equals(config.backend())) {
                return f.open(config);
            }
        }
        throw new KeywardenConfig.ConfigException("backend", "is '" + config.backend() + "', but the module that "
                + "provides it (io.keywarden:remote) is not on the class path");
    }
}
