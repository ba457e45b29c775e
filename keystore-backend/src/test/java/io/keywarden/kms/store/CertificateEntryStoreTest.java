package io.keywarden.kms.store;

import static io.keywarden.kms.store.Fixtures.T0;
import static io.keywarden.kms.store.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateEntryStoreTest {

    @TempDir
    Path tmp;

    private static final byte[] A = {0x30, 1, 2, 3};
    private static final byte[] B = {0x30, 9, 8};

    private SqliteKmsStore open() {
        return SqliteKmsStore.open(tmp.resolve("store"), Fixtures.keyFile(tmp));
    }

    private static Optional<CertificateEntryRecord> find(SqliteKmsStore store, String name) {
        return store.read(tx -> tx.findCertificateEntry(name));
    }

    private static List<CertificateEntryRecord> list(SqliteKmsStore store, String after) {
        return store.read(tx -> tx.listCertificateEntries(after, 10));
    }

    @Test
    void entriesRoundTripListAndFollowTheirKey() {
        try (SqliteKmsStore store = open()) {
            store.write(tx -> {
                tx.putKey(key("k1"));
                tx.putCertificateEntry(new CertificateEntryRecord("server", "k1", List.of(A, B), T0));
                tx.putCertificateEntry(new CertificateEntryRecord("ca", null, List.of(B), T0));
                return null;
            });
            CertificateEntryRecord e = store.read(tx -> tx.findCertificateEntry("server")).orElseThrow();
            assertThat(e.keyId()).isEqualTo("k1");
            assertThat(e.certificateChain()).containsExactly(A, B);
            assertThat(e.creationDate()).isEqualTo(T0);
            assertThat(list(store, null))
                    .extracting(CertificateEntryRecord::entryName).containsExactly("ca", "server");
            assertThat(list(store, "ca"))
                    .extracting(CertificateEntryRecord::entryName).containsExactly("server");

            store.write(tx -> {
                tx.deleteKey("k1");
                return null;
            });
            assertThat(find(store, "server")).isEmpty();
            assertThat(find(store, "ca")).isPresent();
            store.write(tx -> {
                tx.deleteCertificateEntry("ca");
                return null;
            });
            assertThat(list(store, null)).isEmpty();
        }
    }

    @Test
    void foreignKeyRefusesAnEntryForAMissingKey() {
        try (SqliteKmsStore store = open()) {
            assertThatThrownBy(() -> store.write(tx -> {
                tx.putCertificateEntry(new CertificateEntryRecord("x", "nokey", List.of(A), T0));
                return null;
            })).isInstanceOf(KMSInternalException.class);
        }
    }

    @Test
    void movedOrAlteredChainsDoNotVerify() throws Exception {
        Path db;
        try (SqliteKmsStore store = open()) {
            store.write(tx -> {
                tx.putKey(key("k1"));
                tx.putCertificateEntry(new CertificateEntryRecord("server", "k1", List.of(A), T0));
                return null;
            });
            db = store.databaseFile();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE certificate_entries SET key_id = NULL");
        }
        try (SqliteKmsStore store = open()) {
            assertThatThrownBy(() -> store.read(tx -> tx.findCertificateEntry("server")))
                    .isInstanceOf(StoreCorruptedException.class);
            assertThatThrownBy(store::checkIntegrity).isInstanceOf(StoreCorruptedException.class);
        }
    }

    @Test
    void aVersion1StoreIsMigrated() throws Exception {
        Path db;
        try (SqliteKmsStore store = open()) {
            store.write(tx -> {
                tx.putKey(key("k1"));
                return null;
            });
            db = store.databaseFile();
        }
        downgradeToVersion1(db);

        try (SqliteKmsStore store = open()) {
            assertThat(store.<Optional<KeyRecord>>read(tx -> tx.findKey("k1"))).isPresent();
            store.write(tx -> {
                tx.putCertificateEntry(new CertificateEntryRecord("server", "k1", List.of(A), T0));
                return null;
            });
            store.checkIntegrity();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(SqliteSchema.readMeta(c).get(SqliteSchema.META_SCHEMA_VERSION)).isEqualTo("2");
        }
        try (SqliteKmsStore store = open()) {
            assertThat(find(store, "server")).isPresent();
        }
    }

    /** What a store written by the version-1 code looks like: no certificate table, version 1, its verifier. */
    private void downgradeToVersion1(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE certificate_entries");
            Map<String, String> meta = new HashMap<>(SqliteSchema.readMeta(c));
            meta.put(SqliteSchema.META_SCHEMA_VERSION, "1");
            Map<String, String> params = new HashMap<>();
            meta.forEach((k, v) -> {
                if (k.startsWith(SqliteSchema.META_PARAM_PREFIX)) {
                    params.put(k.substring(SqliteSchema.META_PARAM_PREFIX.length()), v);
                }
            });
            StoreKeys keys = new StoreKeys(Fixtures.keyFile(tmp).deriveRootKey(params, false),
                    Base64.getDecoder().decode(meta.get(SqliteSchema.META_STORE_ID)));
            meta.put(SqliteSchema.META_VERIFIER,
                    Base64.getEncoder().encodeToString(keys.verifier(SqliteSchema.verifiedMeta(meta))));
            keys.destroy();
            SqliteSchema.writeMeta(c, meta);
        }
    }
}
