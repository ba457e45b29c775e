package io.keywarden.kms.audit;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.time.Clock;

/** Child JVM of {@link DataPlaneAuditTest}: makes data-plane calls and exits without closing the engine. */
public final class ExitWithoutCloseMain {

    private ExitWithoutCloseMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int calls = Integer.parseInt(args[1]);
        KmsEngine kms = new KmsEngine(SqliteKmsStore.open(dir, RootKeySource.keyFile(dir.resolve("root.key"))),
                Clock.systemUTC(), DataPlaneAuditTest.SETTINGS);
        String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        for (int i = 0; i < calls; i++) {
            kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(new byte[] {(byte) i}).build());
        }
        System.exit(0); // no close: the shutdown hook writes what is queued
    }
}
