package io.keywarden.kms.store;

import static io.keywarden.kms.store.Fixtures.alias;
import static io.keywarden.kms.store.Fixtures.key;
import static io.keywarden.kms.store.Fixtures.material;
import static io.keywarden.kms.store.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made behind the store's back are detected and never returned as data. */
class TamperTest {

    @TempDir
    Path tmp;

    Path dir;
    Path db;

    @BeforeEach
    void populate() {
        dir = tmp.resolve("store");
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            store.write(tx -> {
                for (String id : new String[] {"k1", "k2"}) {
                    tx.putKey(key(id));
                    tx.putMaterial(material(id, 1));
                    tx.putAlias(alias("alias/" + id, id));
                    tx.putImportToken(token("t-" + id, id, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
                }
                return null;
            });
            db = store.databaseFile();
        }
    }

    private void sql(String statement, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isPositive();
        }
    }

    private SqliteKmsStore reopen() {
        return SqliteKmsStore.open(dir, Fixtures.keyFile(tmp));
    }

    @Test
    void flippedByteOfASealedMaterialIsDetected() throws Exception {
        // Byte 21 is random (sealing IV or ciphertext): writing X'FF' changed nothing once in 256 runs, so the
        // byte is always set to a value it did not have.
        sql("UPDATE materials SET sealed_secret = substr(sealed_secret, 1, 20)"
                + " || (CASE WHEN substr(sealed_secret, 21, 1) = X'FF' THEN X'00' ELSE X'FF' END)"
                + " || substr(sealed_secret, 22) WHERE key_id = 'k1'");
        try (SqliteKmsStore store = reopen()) {
            assertThatThrownBy(() -> store.read(tx -> tx.findMaterial("k1", 1)))
                    .isInstanceOf(KMSInternalException.class)
                    .hasMessageContaining("is corrupted or was tampered with")
                    .hasMessageContaining("k1 v1");
            assertThatThrownBy(() -> store.read(tx -> tx.listMaterials("k1"))).isInstanceOf(KMSInternalException.class);
            assertThatThrownBy(store::checkIntegrity).isInstanceOf(StoreCorruptedException.class);
            // the untouched row still reads
            assertThat(store.read((StoreTransaction tx) -> tx.findMaterial("k2", 1))).isPresent();
        }
    }

    @Test
    void swappedSealedMaterialsAreDetected() throws Exception {
        sql("UPDATE materials SET sealed_secret = (SELECT sealed_secret FROM materials WHERE key_id = 'k2'),"
                + " mac = (SELECT mac FROM materials WHERE key_id = 'k2') WHERE key_id = 'k1'");
        try (SqliteKmsStore store = reopen()) {
            assertThatThrownBy(() -> store.read(tx -> tx.findMaterial("k1", 1)))
                    .isInstanceOf(StoreCorruptedException.class);
        }
    }

    @Test
    void changedColumnsOfEveryTableAreDetected() throws Exception {
        sql("UPDATE keys SET key_state = 'Disabled' WHERE key_id = 'k1'");
        sql("UPDATE keys SET record = replace(record, 'description of k2', 'evil') WHERE key_id = 'k2'");
        sql("UPDATE aliases SET target_key_id = 'k2' WHERE alias_name = 'alias/k1'");
        sql("UPDATE import_tokens SET valid_to = '2999-01-01T00:00:00Z' WHERE token_id = 't-k1'");
        sql("UPDATE materials SET key_material_id = 'x' WHERE key_id = 'k2'");
        try (SqliteKmsStore store = reopen()) {
            assertThatThrownBy(() -> store.read(tx -> tx.findKey("k1"))).isInstanceOf(StoreCorruptedException.class);
            assertThatThrownBy(() -> store.read(tx -> tx.findKey("k2"))).isInstanceOf(StoreCorruptedException.class);
            assertThatThrownBy(() -> store.read(tx -> tx.listKeys(null, 10)))
                    .isInstanceOf(StoreCorruptedException.class);
            assertThatThrownBy(() -> store.read(tx -> tx.findAlias("alias/k1")))
                    .isInstanceOf(StoreCorruptedException.class);
            assertThatThrownBy(() -> store.read(tx -> tx.findImportToken("t-k1")))
                    .isInstanceOf(StoreCorruptedException.class);
            assertThatThrownBy(() -> store.read(tx -> tx.findMaterial("k2", 1)))
                    .isInstanceOf(StoreCorruptedException.class);
            assertThat(store.read((StoreTransaction tx) -> tx.findAlias("alias/k2"))).isPresent();
        }
    }

    @Test
    void aRowMovedToAnotherIdentityIsDetected() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("DELETE FROM aliases WHERE alias_name = 'alias/k2'");
            s.execute("UPDATE aliases SET alias_name = 'alias/k2' WHERE alias_name = 'alias/k1'");
        }
        try (SqliteKmsStore store = reopen()) {
            assertThatThrownBy(() -> store.read(tx -> tx.findAlias("alias/k2")))
                    .isInstanceOf(StoreCorruptedException.class);
        }
    }

    @Test
    void randomBytesInTheMiddleOfTheDatabaseAreRefused() throws Exception {
        try (SqliteKmsStore store = reopen()) {
            store.write(tx -> {
                for (int i = 0; i < 400; i++) {
                    tx.putKey(key("bulk-" + i));
                    tx.putMaterial(material("bulk-" + i, 1));
                }
                return null;
            });
        }
        assertThat(db.resolveSibling(db.getFileName() + "-wal")).doesNotExist();
        long size = Files.size(db);
        assertThat(size).isGreaterThan(100_000);
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(size / 2);
            f.write(garbage);
        }
        assertThatThrownBy(() -> {
            try (SqliteKmsStore store = reopen()) {
                store.read(tx -> {
                    for (KeyRecord k : tx.listKeys(null, 1000)) {
                        tx.listMaterials(k.keyId());
                    }
                    return null;
                });
                store.checkIntegrity();
            }
        }).isInstanceOf(KMSInternalException.class).hasMessageContaining("is corrupted or was tampered with");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefused() throws Exception {
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        Files.write(db, noise);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        assertThatThrownBy(this::reopen)
                .isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("is corrupted or was tampered with")
                .hasMessageContaining("not an SQLite database");
    }

    @Test
    void aTruncatedDatabaseIsRefused() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThatThrownBy(() -> {
            try (SqliteKmsStore store = reopen()) {
                store.checkIntegrity();
            }
        }).isInstanceOf(KMSInternalException.class).hasMessageContaining("is corrupted or was tampered with");
    }

    @Test
    void alteredMetadataIsRefusedAtOpen() throws Exception {
        sql("UPDATE meta SET value = 'AAAAAAAAAAAAAAAAAAAAAA==' WHERE name = 'store_id'");
        assertThatThrownBy(this::reopen).isInstanceOf(RootKeyException.class)
                .hasMessageContaining("does not open this store");
    }

    @Test
    void theWrongRootKeyIsRefusedAtOpen() {
        RootKeySource other = RootKeySource.keyFile(tmp.resolve("other.key"));
        // creating a different key file requires a new store: make one elsewhere
        SqliteKmsStore.open(tmp.resolve("elsewhere"), other).close();
        assertThatThrownBy(() -> SqliteKmsStore.open(dir, other))
                .isInstanceOf(RootKeyException.class)
                .isInstanceOf(KMSInternalException.class)
                .hasMessageContaining("does not open this store")
                .hasMessageContaining("other.key");
    }

    @Test
    void aMissingRootKeyFileIsNotRecreatedForAnExistingStore() {
        assertThatThrownBy(() -> SqliteKmsStore.open(dir, RootKeySource.keyFile(tmp.resolve("missing.key"))))
                .isInstanceOf(RootKeyException.class).hasMessageContaining("does not exist");
        assertThat(tmp.resolve("missing.key")).doesNotExist();
    }

    @Test
    void aPassphraseGivenForAKeyFileStoreIsRefused() {
        assertThatThrownBy(() -> SqliteKmsStore.open(dir, new PassphraseRootKey("pw".toCharArray(), 1024, 1, 1)))
                .isInstanceOf(RootKeyException.class).hasMessageContaining("key-file");
    }
}
