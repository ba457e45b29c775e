package io.keywarden.remote;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.spi.KmsBackendFactory;
import io.keywarden.kms.config.KeywardenConfig;

/** Registers the remote backend as {@code backend=remote} for keywarden.conf (through ServiceLoader). */
public final class RemoteBackendFactory implements KmsBackendFactory {

    @Override
    public String name() {
        return KeywardenConfig.REMOTE;
    }

    @Override
    public KmsBackend open(KeywardenConfig config) {
        return RemoteKmsBackend.open(RemoteSettings.from(config));
    }
}
