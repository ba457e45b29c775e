package io.keywarden.kms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    @TempDir
    Path tmp;

    @Test
    void backupWhileWritingThenRestoreIntoAFreshDirectory() throws Exception {
        Path dir = tmp.resolve("store");
        Path backup = tmp.resolve("backups/b1.db");
        Files.createDirectories(backup.getParent());
        AtomicInteger written = new AtomicInteger();
        int before;
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            for (int i = 0; i < 30; i++) {
                Fixtures.writeKeyWithMaterial(store, "k-" + i);
            }
            store.write(tx -> {
                tx.putAlias(Fixtures.alias("alias/first", "k-0"));
                tx.putImportToken(Fixtures.token("t-0", "k-0", new byte[] {5, 6, 7}));
                return null;
            });
            written.set(30);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    Fixtures.writeKeyWithMaterial(store, "k-" + written.getAndIncrement());
                }
            });
            Thread.sleep(50);
            before = written.get();
            store.backupTo(backup);
            // the writer keeps going once the backup is taken (on a loaded machine it may not have
            // been scheduled during it): wait for its next writes, bounded, before stopping it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (written.get() <= before + 1 && System.nanoTime() < deadline && !writer.isDone()) {
                Thread.sleep(10);
            }
            stop.set(true);
            writer.get(30, TimeUnit.SECONDS);
            assertThat(written.get()).as("writes went on around the backup").isGreaterThan(before + 1);
            assertThatThrownBy(() -> store.backupTo(backup)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rw-------");

        Path fresh = tmp.resolve("fresh");
        SqliteKmsStore.restore(backup, fresh, Fixtures.keyFile(tmp));
        try (SqliteKmsStore restored = SqliteKmsStore.open(fresh, Fixtures.keyFile(tmp))) {
            restored.checkIntegrity();
            long count = restored.read(tx -> tx.countKeys(Fixtures.ACCOUNT));
            assertThat(count).isBetween((long) before - 1, (long) written.get());
            restored.read(tx -> {
                // a consistent snapshot: keys 0..count-1, each with its material
                for (int i = 0; i < count; i++) {
                    assertThat(tx.findMaterial("k-" + i, 1).orElseThrow().secret())
                            .isEqualTo(Fixtures.secretOf("k-" + i, 1));
                }
                assertThat(tx.findAlias("alias/first")).isPresent();
                assertThat(tx.findImportToken("t-0").orElseThrow().wrappingPrivateKey()).containsExactly(5, 6, 7);
                return null;
            });
            Fixtures.writeKeyWithMaterial(restored, "after-restore");
        }
    }

    @Test
    void restoreReplacesAnExistingStore() {
        Path dir = tmp.resolve("store");
        Path backup = tmp.resolve("b.db");
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            Fixtures.writeKeyWithMaterial(store, "old");
            store.backupTo(backup);
            Fixtures.writeKeyWithMaterial(store, "newer");
        }
        SqliteKmsStore.restore(backup, dir, Fixtures.keyFile(tmp));
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            assertThat(store.read((StoreTransaction tx) -> tx.findKey("old"))).isPresent();
            assertThat(store.read((StoreTransaction tx) -> tx.findKey("newer"))).isEmpty();
            store.checkIntegrity();
        }
    }

    @Test
    void corruptedOrTamperedBackupsAreRefusedAndTheStoreIsLeftIntact() throws Exception {
        Path dir = tmp.resolve("store");
        Path backup = tmp.resolve("b.db");
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            for (int i = 0; i < 300; i++) {
                Fixtures.writeKeyWithMaterial(store, "k-" + i);
            }
            store.backupTo(backup);
        }
        byte[] storeBefore = Files.readAllBytes(dir.resolve(SqliteKmsStore.DB_FILE));

        Path damaged = tmp.resolve("damaged.db");
        Files.copy(backup, damaged);
        byte[] garbage = new byte[8192];
        new Random(3).nextBytes(garbage);
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(garbage);
        }
        assertThatThrownBy(() -> SqliteKmsStore.restore(damaged, dir, Fixtures.keyFile(tmp)))
                .isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("damaged.db is corrupted or was tampered with");

        Path tampered = tmp.resolve("tampered.db");
        Files.copy(backup, tampered);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tampered); Statement s = c.createStatement()) {
            s.execute("UPDATE keys SET key_state = 'Disabled' WHERE key_id = 'k-7'");
        }
        assertThatThrownBy(() -> SqliteKmsStore.restore(tampered, dir, Fixtures.keyFile(tmp)))
                .isInstanceOf(StoreCorruptedException.class).hasMessageContaining("k-7");

        RootKeySource otherKey = RootKeySource.keyFile(tmp.resolve("other.key"));
        SqliteKmsStore.open(tmp.resolve("other"), otherKey).close();
        assertThatThrownBy(() -> SqliteKmsStore.restore(backup, dir, otherKey))
                .isInstanceOf(RootKeyException.class);

        assertThatThrownBy(() -> SqliteKmsStore.restore(tmp.resolve("missing.db"), dir, Fixtures.keyFile(tmp)))
                .isInstanceOf(KMSInternalException.class).hasMessageContaining("does not exist");

        assertThat(Files.readAllBytes(dir.resolve(SqliteKmsStore.DB_FILE))).isEqualTo(storeBefore);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restore"));
        }
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            store.checkIntegrity();
            assertThat(store.read((StoreTransaction tx) -> tx.countKeys(Fixtures.ACCOUNT))).isEqualTo(300);
        }
    }
}
