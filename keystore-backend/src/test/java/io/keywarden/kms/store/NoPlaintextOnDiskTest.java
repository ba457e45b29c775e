package io.keywarden.kms.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets never reach the store's files in plaintext, neither in the database nor in its WAL. */
class NoPlaintextOnDiskTest {

    @TempDir
    Path tmp;

    @Test
    void secretsAreNotInAnyFileOfTheStore() throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] symmetric = new byte[32];
        random.nextBytes(symmetric);
        byte[] pkcs8 = new byte[1200];
        random.nextBytes(pkcs8);
        pkcs8[0] = 0x30;
        pkcs8[1] = (byte) 0x82;
        byte[] wrappingKey = new byte[1200];
        random.nextBytes(wrappingKey);
        List<byte[]> secrets = List.of(symmetric, pkcs8, wrappingKey);

        Path dir = tmp.resolve("store");
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            store.write(tx -> {
                tx.putKey(Fixtures.key("k1"));
                tx.putMaterial(new MaterialRecord("k1", 1, "m1", Fixtures.T0, null, symmetric, null));
                tx.putMaterial(new MaterialRecord("k1", 2, "m2", Fixtures.T0, null, pkcs8, new byte[] {1}));
                tx.putImportToken(Fixtures.token("t1", "k1", wrappingKey));
                return null;
            });
            // while open, the data sits in the write-ahead log
            assertThat(dir.resolve(SqliteKmsStore.DB_FILE + "-wal")).exists();
            assertNoSecretIn(dir, secrets);
            assertThat(store.read((StoreTransaction tx) -> tx.findMaterial("k1", 2)).orElseThrow().secret()).isEqualTo(pkcs8);
        }
        assertNoSecretIn(dir, secrets);
        // the scan itself can find the bytes when they are there
        Path control = dir.resolve("control.bin");
        Files.write(control, pkcs8);
        assertThat(Fixtures.contains(Fixtures.readAll(control), java.util.Arrays.copyOfRange(pkcs8, 100, 132)))
                .isTrue();
        Files.delete(control);
    }

    private static void assertNoSecretIn(Path dir, List<byte[]> secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            byte[] content = Fixtures.readAll(f);
            for (byte[] secret : secrets) {
                assertThat(Fixtures.contains(content, secret)).as("whole secret in %s", f).isFalse();
                // any 16-byte window of it would be just as bad
                for (int off = 0; off + 16 <= secret.length; off += 16) {
                    assertThat(Fixtures.contains(content, java.util.Arrays.copyOfRange(secret, off, off + 16)))
                            .as("16 secret bytes at %d in %s", off, f).isFalse();
                }
            }
        }
    }
}
