package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.store.pg.PostgresCluster;
import io.keywarden.kms.store.pg.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/**
 * Two server nodes, each its own JVM started with {@link ServerMain}, sharing nothing but a
 * PostgreSQL database (and the root key file): any node serves any key, a node killed mid-stream
 * loses nothing acknowledged, and rotation under load on both nodes stays consistent.
 */
@ExtendWith(PostgresExtension.class)
class MultiNodeTest {

    @TempDir
    Path tmp;

    ServerNode node1;
    ServerNode node2;
    KmsClient client1;
    KmsClient client2;

    @BeforeEach
    void startNodes() throws Exception {
        PostgresCluster.Database db = PostgresExtension.cluster().newDatabase();
        Path rootKey = tmp.resolve("shared-root.key");
        // both nodes start at once on the empty database: one creates the store, the other waits and opens it
        CompletableFuture<ServerNode> a = CompletableFuture.supplyAsync(() -> start(tmp.resolve("node1"), db, rootKey));
        CompletableFuture<ServerNode> b = CompletableFuture.supplyAsync(() -> start(tmp.resolve("node2"), db, rootKey));
        node1 = a.get(180, TimeUnit.SECONDS);
        node2 = b.get(180, TimeUnit.SECONDS);
        client1 = node1.client();
        client2 = node2.client();
    }

    private static ServerNode start(Path dir, PostgresCluster.Database db, Path rootKey) {
        try {
            return ServerNode.start(dir, db, rootKey);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (KmsClient c : new KmsClient[] {client1, client2}) {
            if (c != null) {
                c.close();
            }
        }
        for (ServerNode n : new ServerNode[] {node1, node2}) {
            if (n != null) {
                n.close();
            }
        }
    }

    @Test
    void aKeyCreatedThroughOneNodeIsUsedThroughTheOther() {
        KeyMetadata key = client1.createKey(r -> r.description("made on node 1")).keyMetadata();
        client2.createAlias(r -> r.aliasName("alias/shared").targetKeyId(key.keyId()));
        SdkBytes plaintext = SdkBytes.fromString("served by any node", StandardCharsets.UTF_8);

        SdkBytes blob = client2.encrypt(r -> r.keyId("alias/shared").plaintext(plaintext)).ciphertextBlob();
        assertThat(client1.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).isEqualTo(plaintext);
        assertThat(client2.describeKey(r -> r.keyId(key.keyId())).keyMetadata().description()).isEqualTo("made on node 1");
        assertThat(client1.listAliases(r -> r.keyId(key.keyId())).aliases()).extracting(a -> a.aliasName())
                .containsExactly("alias/shared");

        // no node caches key state: a key disabled through one node is refused by the other on the next request
        client1.disableKey(r -> r.keyId(key.keyId()));
        assertThatThrownBy(() -> client2.encrypt(r -> r.keyId(key.keyId()).plaintext(plaintext)))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> client2.decrypt(r -> r.ciphertextBlob(blob))).isInstanceOf(DisabledException.class);
        client2.enableKey(r -> r.keyId(key.keyId()));
        assertThat(client1.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).isEqualTo(plaintext);
    }

    /** A stream of Encrypts through node 1, failing over to node 2 (the client's endpoint list) when a call fails. */
    @Test
    void aNodeKilledMidStreamLosesNothingAcknowledged() throws Exception {
        String keyId = client1.createKey(r -> r.description("stream")).keyMetadata().keyId();
        List<KmsClient> endpoints = List.of(client1, client2);
        List<SdkBytes> plaintexts = new ArrayList<>();
        List<SdkBytes> ciphertexts = new ArrayList<>();
        int[] servedBy = new int[2];
        int current = 0;
        int total = 240;
        int killAt = 60;
        int failovers = 0;
        for (int i = 0; i < total; i++) {
            if (i == killAt) {
                // killed while the stream runs: a background kill, so requests are in flight when it lands
                CompletableFuture.runAsync(() -> {
                    try {
                        node1.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            SdkBytes plaintext = SdkBytes.fromString("message " + i, StandardCharsets.UTF_8);
            SdkBytes blob = null;
            for (int attempt = 0; blob == null; attempt++) {
                assertThat(attempt).as("attempts for message %d", i).isLessThan(4);
                try {
                    blob = endpoints.get(current).encrypt(r -> r.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
                } catch (SdkClientException e) {
                    // the node is unreachable: carry on through the other one
                    current = 1 - current;
                    failovers++;
                }
            }
            servedBy[current]++;
            plaintexts.add(plaintext);
            ciphertexts.add(blob);
        }
        assertThat(node1.isAlive()).isFalse();
        assertThat(failovers).as("failovers").isPositive();
        assertThat(servedBy[0]).as("acknowledged by node 1 before it died").isGreaterThanOrEqualTo(killAt);
        assertThat(servedBy[1]).as("acknowledged by node 2").isPositive();
        assertThat(ciphertexts).hasSize(total);
        for (int i = 0; i < total; i++) {
            SdkBytes blob = ciphertexts.get(i);
            assertThat(client2.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).as("message %d", i)
                    .isEqualTo(plaintexts.get(i));
        }
        // the surviving node still writes: the dead node's connections released the store's write lock
        String after = client2.createKey(r -> r.description("after the kill")).keyMetadata().keyId();
        assertThat(client2.describeKey(r -> r.keyId(after)).keyMetadata().enabled()).isTrue();
    }

    @Test
    void rotationUnderConcurrentUseOfBothNodes() throws Exception {
        String keyId = client1.createKey(r -> r.description("rotating")).keyMetadata().keyId();
        AtomicBoolean running = new AtomicBoolean(true);
        List<SdkBytes[]> made = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            KmsClient mine = w == 0 ? client1 : client2;
            KmsClient other = w == 0 ? client2 : client1;
            int worker = w;
            workers.add(pool.submit(() -> {
                int n = 0;
                while (running.get() || n < 10) {
                    SdkBytes plaintext = SdkBytes.fromString("w" + worker + "-" + n, StandardCharsets.UTF_8);
                    SdkBytes blob = mine.encrypt(r -> r.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
                    assertThat(other.decrypt(r -> r.ciphertextBlob(blob)).plaintext()).isEqualTo(plaintext);
                    made.add(new SdkBytes[] {plaintext, blob});
                    n++;
                }
                return n;
            }));
        }
        int rotations = 3;
        try {
            for (int r = 0; r < rotations; r++) {
                Thread.sleep(400);
                client1.rotateKeyOnDemand(b -> b.keyId(keyId));
            }
            Thread.sleep(400);
        } finally {
            running.set(false);
        }
        for (Future<Integer> f : workers) {
            assertThat(f.get(120, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(10);
        }
        pool.shutdownNow();

        List<RotationsListEntry> seen1 = client1.listKeyRotations(r -> r.keyId(keyId)).rotations();
        List<RotationsListEntry> seen2 = client2.listKeyRotations(r -> r.keyId(keyId)).rotations();
        assertThat(seen1).hasSize(rotations).isEqualTo(seen2);
        assertThat(client2.describeKey(r -> r.keyId(keyId)).keyMetadata())
                .isEqualTo(client1.describeKey(r -> r.keyId(keyId)).keyMetadata());

        Set<String> materials = new HashSet<>();
        synchronized (made) {
            for (SdkBytes[] pair : made) {
                for (KmsClient c : List.of(client1, client2)) {
                    DecryptResponse d = c.decrypt(r -> r.ciphertextBlob(pair[1]));
                    assertThat(d.plaintext()).isEqualTo(pair[0]);
                    materials.add(d.keyMaterialId());
                }
            }
        }
        assertThat(materials).as("key material versions the ciphertexts were made under").hasSizeGreaterThan(1)
                .hasSizeLessThanOrEqualTo(rotations + 1);
    }
}
