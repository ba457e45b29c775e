package io.keywarden.kms.engine;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.time.Instant;

/** An engine on a real SQLite store in a temporary directory, with a clock the test moves. */
final class EngineFixture implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final EngineSettings SETTINGS =
            new EngineSettings("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, "us-east-1", 100_000, 50);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final KmsEngine kms;

    EngineFixture(Path dir) {
        this(dir, SETTINGS);
    }

    EngineFixture(Path dir, EngineSettings settings) {
        SqliteKmsStore store = SqliteKmsStore.open(dir.resolve("store"),
                RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
        kms = new KmsEngine(store, clock, settings);
    }

    KeyMetadata create(KeySpec spec, KeyUsage usage) {
        return kms.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build()).keyMetadata();
    }

    KeyMetadata createExternal(KeySpec spec, KeyUsage usage) {
        return kms.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage)
                .origin(OriginType.EXTERNAL).build()).keyMetadata();
    }

    String symmetricKey() {
        return create(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT).keyId();
    }

    @Override
    public void close() {
        kms.close();
    }
}
