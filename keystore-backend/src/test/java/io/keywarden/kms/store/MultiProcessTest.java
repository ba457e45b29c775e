package io.keywarden.kms.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Durability against killed processes, and two processes writing one store at once. */
class MultiProcessTest {

    private static final int ROUNDS = 11;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path dir = tmp.resolve("store");
        Path keyFile = tmp.resolve("root.key");
        Random random = new Random();
        Set<String> acknowledged = new LinkedHashSet<>();
        int roundsWithWrites = 0;
        for (int round = 0; round < ROUNDS; round++) {
            ChildProcesses.Writer child = ChildProcesses.start(dir, keyFile, "r" + round, -1);
            // kill at a random moment of the write loop: after the first acknowledged write
            child.awaitLines(2, 20_000);
            Thread.sleep(random.nextInt(200));
            child.process.destroyForcibly();
            List<String> lines = child.finish();
            assertThat(child.process.exitValue()).as("killed, not exited").isNotZero();
            List<String> ids = new ArrayList<>(lines.subList(1, lines.size()));
            if (!ids.isEmpty()) {
                roundsWithWrites++;
            }
            acknowledged.addAll(ids);
        }
        assertThat(roundsWithWrites).as("rounds killed while writing").isEqualTo(ROUNDS);
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, RootKeySource.keyFile(keyFile))) {
            store.checkIntegrity();
            store.read(tx -> {
                for (String id : acknowledged) {
                    assertThat(tx.findKey(id)).as("acknowledged key %s", id).isPresent();
                    assertThat(tx.findMaterial(id, 1).orElseThrow().secret()).isEqualTo(Fixtures.secretOf(id, 1));
                }
                // at most one unacknowledged write per round (committed, killed before printing)
                List<KeyRecord> all = tx.listKeys(null, 1_000_000);
                assertThat(all.size()).isBetween(acknowledged.size(), acknowledged.size() + ROUNDS);
                for (KeyRecord k : all) {
                    assertThat(tx.findMaterial(k.keyId(), 1)).as("a key is never without its material").isPresent();
                }
                return null;
            });
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void twoProcessesWriteConcurrently() throws Exception {
        Path dir = tmp.resolve("store");
        Path keyFile = tmp.resolve("root.key");
        int perProcess = 120;
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, RootKeySource.keyFile(keyFile))) {
            ChildProcesses.Writer child = ChildProcesses.start(dir, keyFile, "child", perProcess);
            child.awaitReady(20_000);
            for (int i = 0; i < perProcess; i++) {
                Fixtures.writeKeyWithMaterial(store, "parent-" + i);
            }
            List<String> lines = child.finish();
            assertThat(child.process.exitValue()).isZero();
            assertThat(lines).hasSize(perProcess + 1);
            store.checkIntegrity();
            store.read(tx -> {
                assertThat(tx.countKeys(Fixtures.ACCOUNT)).isEqualTo(2L * perProcess);
                for (int i = 0; i < perProcess; i++) {
                    for (String prefix : List.of("parent-", "child-")) {
                        assertThat(tx.findMaterial(prefix + i, 1).orElseThrow().secret())
                                .isEqualTo(Fixtures.secretOf(prefix + i, 1));
                    }
                }
                return null;
            });
        }
    }
}
