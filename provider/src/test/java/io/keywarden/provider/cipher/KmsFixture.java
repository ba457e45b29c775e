package io.keywarden.provider.cipher;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.testing.TestBackends;
import io.keywarden.provider.testing.TestKmsInstance;
import java.nio.file.Path;

/**
 * A fresh KMS from the selected test backend ({@link TestBackends}), a counting backend over it (it
 * counts this client's calls, embedded or remote alike), a provider and handles.
 */
final class KmsFixture implements AutoCloseable {

    private final TestKmsInstance instance;
    final KmsBackend kms;
    final CountingBackend backend;
    final KeywardenRuntime runtime;
    final KeywardenProvider provider;

    KmsFixture(Path dir) {
        instance = TestBackends.openSelected(dir);
        kms = instance.backend();
        backend = new CountingBackend(kms);
        runtime = KeywardenRuntime.of(backend);
        provider = new KeywardenProvider(runtime);
    }

    String createAesKey() {
        return kms.createKey(CreateKeyRequest.builder().keySpec(KeySpec.SYMMETRIC_DEFAULT)
                .keyUsage(KeyUsage.ENCRYPT_DECRYPT).build()).keyMetadata().keyId();
    }

    KmsSecretKey handle(String keyId) throws Exception {
        return (KmsSecretKey) KmsKeys.handle(runtime, keyId);
    }

    @Override
    public void close() {
        instance.close();
    }
}
