package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.audit.AuditTrail;
import io.keywarden.kms.config.StoreSettings;
import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.PostgresKmsStore;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.pg.PostgresCluster;
import io.keywarden.kms.store.pg.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines ("nodes") with their own stores and pools on one PostgreSQL database, as two servers
 * would run: maintenance happens exactly once, a state change on one is seen by the other at once,
 * and the audit chain both append to stays one verifiable chain.
 */
@ExtendWith(PostgresExtension.class)
class TwoEnginesOnPostgresTest {

    @TempDir
    Path tmp;

    final MutableClock clock1 = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final MutableClock clock2 = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    PostgresCluster.Database db;
    KmsStore store1;
    KmsStore store2;
    KmsEngine node1;
    KmsEngine node2;

    @BeforeEach
    void start() {
        db = PostgresExtension.cluster().newDatabase();
        StoreSettings settings = StoreSettings.postgresql(db.url(), db.user(), db.password(), 4);
        RootKeySource rootKey = RootKeySource.keyFile(tmp.resolve("root.key")); // one root key shared by both nodes
        store1 = PostgresKmsStore.open(settings, rootKey);
        store2 = PostgresKmsStore.open(settings, rootKey);
        node1 = new KmsEngine(store1, clock1, EngineFixture.SETTINGS);
        node2 = new KmsEngine(store2, clock2, EngineFixture.SETTINGS);
    }

    private boolean closed;

    @AfterEach
    void closeNodes() {
        if (!closed) {
            closed = true;
            node1.close();
            node2.close();
        }
    }

    @Test
    void concurrentMaintenanceOnBothNodesRotatesAndDeletesExactlyOnce() throws Exception {
        List<String> rotating = new ArrayList<>();
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = node1.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            node1.enableKeyRotation(EnableKeyRotationRequest.builder().keyId(id).rotationPeriodInDays(90).build());
            rotating.add(id);
            String gone = node2.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            node2.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder().keyId(gone).pendingWindowInDays(7).build());
            doomed.add(gone);
        }
        clock1.advance(Duration.ofDays(91));
        clock2.advance(Duration.ofDays(91));

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return node1.runDueTasks();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return node2.runDueTasks();
            });
            a.get(120, TimeUnit.SECONDS);
            b.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (String id : rotating) {
            assertThat(store1.read(tx -> tx.listMaterials(id)).size())
                    .as("material versions of %s after one rotation period, two nodes maintaining", id).isEqualTo(2);
            int current = store1.read(tx -> tx.findKey(id).orElseThrow().currentVersion());
            assertThat(current).isEqualTo(2);
        }
        for (String id : doomed) {
            boolean exists = store2.read(tx -> tx.findKey(id).isPresent());
            assertThat(exists).as("key %s past its deletion date still exists", id).isFalse();
        }
        // a second round on either node finds nothing due
        assertThat(node2.runDueTasks()).isZero();
        assertThat(node1.runDueTasks()).isZero();
    }

    @Test
    void aKeyDisabledOnOneNodeIsRefusedByTheOtherAtOnce() {
        String id = node1.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        byte[] plaintext = "across nodes".getBytes(StandardCharsets.UTF_8);
        byte[] blob = node2.encrypt(EncryptRequest.builder().keyId(id).plaintext(plaintext).build()).ciphertextBlob();
        assertThat(node1.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext()).isEqualTo(plaintext);

        node1.disableKey(DisableKeyRequest.builder().keyId(id).build());
        assertThatThrownBy(() -> node2.encrypt(EncryptRequest.builder().keyId(id).plaintext(plaintext).build()))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> node2.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()))
                .isInstanceOf(DisabledException.class);

        node2.enableKey(EnableKeyRequest.builder().keyId(id).build());
        assertThat(node1.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext()).isEqualTo(plaintext);
    }

    @Test
    void bothNodesAppendToOneAuditChainThatVerifies() throws Exception {
        String id = node1.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                KmsEngine node = t % 2 == 0 ? node1 : node2;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        byte[] blob = node.encrypt(EncryptRequest.builder().keyId(id)
                                .plaintext(new byte[] {(byte) i}).build()).ciphertextBlob();
                        node.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // data-plane events are durable with each writer's next group commit (docs/audit.md)
        node1.flushAudit();
        node2.flushAudit();
        long events = store1.read(tx -> tx.audit().head().orElseThrow().seq());
        assertThat(events).as("one event per call: CreateKey and 200 Encrypt/Decrypt").isEqualTo(201);
        // closing seals the chain with a signed digest; a third node verifies the whole of it
        closeNodes();
        try (KmsStore store3 = PostgresKmsStore.open(StoreSettings.postgresql(db.url(), db.user(), db.password(), 2),
                RootKeySource.keyFile(tmp.resolve("root.key")))) {
            assertThat(AuditTrail.verify(store3, null)).isEmpty();
        }
    }
}
