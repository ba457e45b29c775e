package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance thread rotates and deletes keys when their time comes, with no operation called
 * on them: the test looks at the store directly, never through the engine (whose operations would
 * settle a key's due tasks themselves).
 */
class MaintenanceTest {

    @TempDir
    Path dir;

    @Test
    void dueTasksHappenWithoutAnyCall() throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        SqliteKmsStore store = SqliteKmsStore.open(dir.resolve("store"),
                RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
        try (KmsEngine kms = new KmsEngine(store, clock, EngineFixture.SETTINGS)) {
            String rotating = kms.createKey(io.keywarden.kms.api.CreateKeyRequest.builder().build())
                    .keyMetadata().keyId();
            String doomed = kms.createKey(io.keywarden.kms.api.CreateKeyRequest.builder().build())
                    .keyMetadata().keyId();
            kms.enableKeyRotation(EnableKeyRotationRequest.builder().keyId(rotating).rotationPeriodInDays(90).build());
            kms.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder().keyId(doomed).pendingWindowInDays(7).build());

            kms.startMaintenance(Duration.ofMillis(20));
            clock.advance(Duration.ofDays(91));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !(materials(store, rotating) == 2 && !exists(store, doomed))) {
                Thread.sleep(20);
            }
            assertThat(materials(store, rotating)).as("material versions after one period").isEqualTo(2);
            assertThat(exists(store, doomed)).as("the key whose deletion window passed").isFalse();
        }
    }

    private static int materials(SqliteKmsStore store, String keyId) {
        return store.read(tx -> tx.listMaterials(keyId).size());
    }

    private static boolean exists(SqliteKmsStore store, String keyId) {
        return store.read(tx -> tx.findKey(keyId).isPresent());
    }
}
