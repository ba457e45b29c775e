package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption and decryption with one key from several threads while the key rotates. */
class ConcurrencyTest {

    private static final int WORKERS = 4;
    private static final int ROUNDS = 40;
    private static final int ROTATIONS = 10;

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private record Sealed(byte[] blob, byte[] plaintext, Map<String, String> context) {
    }

    @Test
    void everyCiphertextDecryptsWhileTheKeyRotates() throws Exception {
        String keyId = f.symmetricKey();
        Queue<Sealed> sealed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger rotated = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        // Keep pace with the rotator (at most one rotation behind), so that on a fast
                        // engine or a starved rotator thread the rotations still fall within the run.
                        while (rotated.get() < i * ROTATIONS / ROUNDS - 1) {
                            Thread.sleep(1);
                        }
                        byte[] plaintext = ByteBuffer.allocate(8).putInt(worker).putInt(i).array();
                        Map<String, String> context = Map.of("worker", Integer.toString(worker), "round", Integer.toString(i));
                        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext)
                                .encryptionContext(context).build()).ciphertextBlob();
                        sealed.add(new Sealed(blob, plaintext, context));
                        // Decrypt something sealed by any worker, possibly under older material.
                        Sealed any = sealed.peek();
                        assertThat(f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(any.blob())
                                .encryptionContext(any.context()).build()).plaintext()).isEqualTo(any.plaintext());
                        assertThat(f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).keyId(keyId)
                                .encryptionContext(context).build()).plaintext()).isEqualTo(plaintext);
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < ROTATIONS; r++) {
                    // Spread the rotations over the workers' run: rotate after each share of the encryptions.
                    int due = (r + 1) * WORKERS * ROUNDS / (ROTATIONS + 2);
                    while (sealed.size() < due) {
                        Thread.sleep(1);
                    }
                    f.kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(keyId));
                    rotated.incrementAndGet();
                }
                return null;
            }));
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS); // rethrows any failure of a worker or the rotator
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(sealed).hasSize(WORKERS * ROUNDS);
        Set<String> materials = new HashSet<>();
        for (Sealed s : sealed) {
            var opened = f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(s.blob())
                    .encryptionContext(s.context()).build());
            assertThat(opened.plaintext()).isEqualTo(s.plaintext());
            materials.add(opened.keyMaterialId());
        }
        assertThat(f.kms.listKeyRotations(ListKeyRotationsRequest.builder().keyId(keyId).build()).rotations())
                .hasSize(ROTATIONS);
        // The rotations were spread over the run, so the ciphertexts span several material versions.
        assertThat(materials).hasSizeGreaterThan(1);
    }
}
