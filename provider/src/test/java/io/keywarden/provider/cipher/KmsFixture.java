package io.keywarden.provider.cipher;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.KmsSecretKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A real embedded engine on SQLite in a temp dir, a counting backend over it, a provider and handles. */
final class KmsFixture implements AutoCloseable {

    static final EngineSettings SETTINGS =
            new EngineSettings("arn:aws:iam::111122223333:root", "111122223333", "us-east-1", 100_000, 50);

    final KmsEngine kms;
    final CountingBackend backend;
    final KeywardenRuntime runtime;
    final KeywardenProvider provider;

    KmsFixture(Path dir) {
        SqliteKmsStore store = SqliteKmsStore.open(dir.resolve("store"),
                RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
        kms = new KmsEngine(store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), SETTINGS);
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
        kms.close();
    }
}
