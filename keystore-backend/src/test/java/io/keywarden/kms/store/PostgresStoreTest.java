package io.keywarden.kms.store;

import static io.keywarden.kms.store.Fixtures.alias;
import static io.keywarden.kms.store.Fixtures.key;
import static io.keywarden.kms.store.Fixtures.material;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.config.StoreSettings;
import io.keywarden.kms.store.pg.PostgresCluster;
import io.keywarden.kms.store.pg.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the PostgreSQL store: changes behind its back, several nodes opening it, its limits. */
@ExtendWith(PostgresExtension.class)
class PostgresStoreTest {

    @TempDir
    Path tmp;

    PostgresCluster.Database db;

    @BeforeEach
    void database() {
        db = PostgresExtension.cluster().newDatabase();
    }

    private PostgresKmsStore open() {
        return PostgresKmsStore.open(PostgresKmsStoreTest.settings(db), Fixtures.keyFile(tmp));
    }

    private void populate() {
        try (PostgresKmsStore store = open()) {
            store.write(tx -> {
                for (String id : new String[] {"k1", "k2"}) {
                    tx.putKey(key(id));
                    tx.putMaterial(material(id, 1));
                    tx.putAlias(alias("alias/" + id, id));
                }
                return null;
            });
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = PostgresCluster.connect(db); PreparedStatement ps = c.prepareStatement(statement)) {
            assertThat(ps.executeUpdate()).isPositive();
        }
    }

    @Test
    void changedRowsAreDetectedAndNeverReturned() throws Exception {
        populate();
        sql("UPDATE keys SET key_state = 'Disabled' WHERE key_id = 'k1'");
        sql("UPDATE materials SET sealed_secret = overlay(sealed_secret placing '\\xff'::bytea from 21 for 1)"
                + " WHERE key_id = 'k2'");
        sql("UPDATE aliases SET target_key_id = 'k2' WHERE alias_name = 'alias/k1'");
        try (PostgresKmsStore store = open()) {
            assertThatThrownBy(() -> store.read(tx -> tx.findKey("k1"))).isInstanceOf(StoreCorruptedException.class)
                    .hasMessageContaining("is corrupted or was tampered with").hasMessageContaining("k1");
            assertThatThrownBy(() -> store.read(tx -> tx.findMaterial("k2", 1)))
                    .isInstanceOf(StoreCorruptedException.class).hasMessageContaining("k2 v1");
            assertThatThrownBy(() -> store.read(tx -> tx.findAlias("alias/k1")))
                    .isInstanceOf(StoreCorruptedException.class);
            assertThatThrownBy(store::checkIntegrity).isInstanceOf(StoreCorruptedException.class);
            // untouched rows still read
            assertThat((boolean) store.read(tx -> tx.findKey("k2").isPresent())).isTrue();
            assertThat((boolean) store.read(tx -> tx.findAlias("alias/k2").isPresent())).isTrue();
        }
    }

    @Test
    void aSealedSecretCopiedToAnotherKeyDoesNotOpen() throws Exception {
        populate();
        sql("UPDATE materials SET sealed_secret = (SELECT sealed_secret FROM materials WHERE key_id = 'k2'),"
                + " mac = (SELECT mac FROM materials WHERE key_id = 'k2') WHERE key_id = 'k1'");
        try (PostgresKmsStore store = open()) {
            assertThatThrownBy(() -> store.read(tx -> tx.findMaterial("k1", 1)))
                    .isInstanceOf(StoreCorruptedException.class);
        }
    }

    @Test
    void alteredMetadataOrAnotherRootKeyIsRefusedAtOpen() throws Exception {
        populate();
        assertThatThrownBy(() -> PostgresKmsStore.open(PostgresKmsStoreTest.settings(db),
                RootKeySource.keyFile(tmp.resolve("missing.key"))))
                .isInstanceOf(RootKeyException.class).hasMessageContaining("does not exist");
        SqliteKmsStore.open(tmp.resolve("other"), RootKeySource.keyFile(tmp.resolve("other.key"))).close();
        assertThatThrownBy(() -> PostgresKmsStore.open(PostgresKmsStoreTest.settings(db),
                RootKeySource.keyFile(tmp.resolve("other.key"))))
                .isInstanceOf(RootKeyException.class).hasMessageContaining("does not open this store");
        sql("UPDATE meta SET value = 'AAAAAAAAAAAAAAAAAAAAAA==' WHERE name = 'store_id'");
        assertThatThrownBy(this::open).isInstanceOf(RootKeyException.class)
                .hasMessageContaining("does not open this store");
    }

    @Test
    void nodesStartingAtOnceCreateOneStore() throws Exception {
        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<PostgresKmsStore> stores = new ArrayList<>();
        try {
            List<Future<PostgresKmsStore>> opened = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                opened.add(pool.submit(() -> {
                    together.await();
                    return open();
                }));
            }
            for (Future<PostgresKmsStore> f : opened) {
                stores.add(f.get(120, TimeUnit.SECONDS));
            }
            Fixtures.writeKeyWithMaterial(stores.get(0), "k1");
            for (PostgresKmsStore s : stores) {
                byte[] secret = s.read(tx -> tx.findMaterial("k1", 1).orElseThrow().secret());
                assertThat(secret).isEqualTo(material("k1", 1).secret());
            }
        } finally {
            stores.forEach(PostgresKmsStore::close);
            pool.shutdownNow();
        }
        try (Connection c = PostgresCluster.connect(db);
                PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE name = 'schema_version'");
                var rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(Integer.toString(PostgresSchema.VERSION));
        }
    }

    @Test
    void backupPointsAtPgDumpAndTheLabelHidesCredentials() {
        try (PostgresKmsStore store = open()) {
            assertThatThrownBy(() -> store.backupTo(tmp.resolve("b.db")))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("pg_dump");
        }
        assertThat(PostgresKmsStore.label("jdbc:postgresql://kw:secret@db.example:5432/keywarden?password=secret"))
                .isEqualTo("postgresql://db.example:5432/keywarden");
        assertThat(StoreSettings.postgresql("jdbc:postgresql://h/db", "u", "secret-pw", 3).toString())
                .doesNotContain("secret-pw");
    }

    @Test
    void anUnreachableDatabaseIsATypedErrorNamingTheStore() {
        StoreSettings nowhere = StoreSettings.postgresql("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "u", "p", 1);
        assertThatThrownBy(() -> PostgresKmsStore.open(nowhere, Fixtures.keyFile(tmp)))
                .isInstanceOf(KMSInternalException.class).hasMessageContaining("postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("connectTimeout");
    }
}
