package io.keywarden.kms.store;

import static io.keywarden.kms.store.Fixtures.ACCOUNT;
import static io.keywarden.kms.store.Fixtures.T0;
import static io.keywarden.kms.store.Fixtures.alias;
import static io.keywarden.kms.store.Fixtures.key;
import static io.keywarden.kms.store.Fixtures.material;
import static io.keywarden.kms.store.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.NotFoundException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link KmsStore} has, run against each store by a subclass
 * ({@link SqliteKmsStoreTest}, {@link PostgresKmsStoreTest}).
 */
abstract class KmsStoreContract {

    @TempDir
    Path tmp;

    KmsStore store;

    /** Opens the store under test (again, after {@link KmsStore#close()}: the same data). */
    abstract KmsStore openStore();

    /** Verifies every row MAC and sealed secret of {@code s}. */
    abstract void checkIntegrity(KmsStore s);

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keysRoundTripAndReplace() {
        KeyRecord k = key("k1");
        store.write(tx -> {
            tx.putKey(k);
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.findKey("k1"))).contains(k);
        assertThat(store.read((StoreTransaction tx) -> tx.findKey("nope"))).isEmpty();

        KeyRecord changed = k.withDescription("new").withState(KeyState.PendingDeletion, T0.plusSeconds(7), 7);
        store.write(tx -> {
            tx.putKey(changed);
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.findKey("k1"))).contains(changed);
        assertThat(store.read((StoreTransaction tx) -> tx.countKeys(ACCOUNT))).isEqualTo(1);
        assertThat(store.read((StoreTransaction tx) -> tx.countKeys("999999999999"))).isZero();
    }

    @Test
    void replacingAKeyKeepsItsMaterialsAndAliases() {
        store.write(tx -> {
            tx.putKey(key("k1"));
            tx.putMaterial(material("k1", 1));
            tx.putAlias(alias("alias/a", "k1"));
            tx.putKey(key("k1").withDescription("again"));
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.listMaterials("k1"))).hasSize(1);
        assertThat(store.read((StoreTransaction tx) -> tx.aliasesOf("k1"))).hasSize(1);
    }

    @Test
    void materialsRoundTripInVersionOrderAndAreWrittenOnce() {
        store.write(tx -> {
            tx.putKey(key("k1"));
            tx.putMaterial(material("k1", 2));
            tx.putMaterial(material("k1", 1));
            tx.putMaterial(new MaterialRecord("k1", 3, "m3", null, null, new byte[] {1, 2}, new byte[] {3, 4}));
            return null;
        });
        List<MaterialRecord> all = store.read(tx -> tx.listMaterials("k1"));
        assertThat(all).extracting(MaterialRecord::version).containsExactly(1, 2, 3);
        MaterialRecord m2 = all.get(1);
        MaterialRecord expected = material("k1", 2);
        assertThat(m2.keyMaterialId()).isEqualTo(expected.keyMaterialId());
        assertThat(m2.createdAt()).isEqualTo(expected.createdAt());
        assertThat(m2.rotationType()).isEqualTo(expected.rotationType());
        assertThat(m2.secret()).isEqualTo(expected.secret());
        assertThat(m2.publicKey()).isNull();
        assertThat(all.get(2).publicKey()).containsExactly(3, 4);
        assertThat(all.get(2).createdAt()).isNull();
        assertThat(store.read((StoreTransaction tx) -> tx.findMaterial("k1", 1)).orElseThrow().secret())
                .isEqualTo(material("k1", 1).secret());
        assertThat(store.read((StoreTransaction tx) -> tx.findMaterial("k1", 9))).isEmpty();

        assertThatThrownBy(() -> store.write(tx -> {
            tx.putMaterial(material("k1", 1));
            return null;
        })).isInstanceOf(KMSInternalException.class).hasMessageContaining("already exists");

        store.write(tx -> {
            tx.deleteMaterials("k1");
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.listMaterials("k1"))).isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.findKey("k1"))).isPresent();
    }

    @Test
    void aliasesRoundTripOrderAndPage() {
        store.write(tx -> {
            tx.putKey(key("k1"));
            tx.putKey(key("k2"));
            for (String name : List.of("alias/c", "alias/a", "alias/e", "alias/b", "alias/d")) {
                tx.putAlias(alias(name, name.compareTo("alias/c") <= 0 ? "k1" : "k2"));
            }
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.listAliases(null, 2))).extracting(AliasRecord::aliasName)
                .containsExactly("alias/a", "alias/b");
        assertThat(store.read((StoreTransaction tx) -> tx.listAliases("alias/b", 2))).extracting(AliasRecord::aliasName)
                .containsExactly("alias/c", "alias/d");
        assertThat(store.read((StoreTransaction tx) -> tx.listAliases("alias/d", 10))).extracting(AliasRecord::aliasName)
                .containsExactly("alias/e");
        assertThat(store.read((StoreTransaction tx) -> tx.aliasesOf("k1"))).extracting(AliasRecord::aliasName)
                .containsExactly("alias/a", "alias/b", "alias/c");
        assertThat(store.read((StoreTransaction tx) -> tx.findAlias("alias/a"))).contains(alias("alias/a", "k1"));

        AliasRecord moved = new AliasRecord("alias/a", "k2", T0, T0.plusSeconds(60));
        store.write(tx -> {
            tx.putAlias(moved);
            tx.deleteAlias("alias/e");
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.findAlias("alias/a"))).contains(moved);
        assertThat(store.read((StoreTransaction tx) -> tx.findAlias("alias/e"))).isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.aliasesOf("k2"))).extracting(AliasRecord::aliasName)
                .containsExactly("alias/a", "alias/d");
    }

    @Test
    void importTokensRoundTripAndAreDeletedPerKey() {
        byte[] pkcs8 = new byte[600];
        new java.util.Random(1).nextBytes(pkcs8);
        store.write(tx -> {
            tx.putKey(key("k1"));
            tx.putKey(key("k2"));
            tx.putImportToken(token("t1", "k1", pkcs8));
            tx.putImportToken(token("t2", "k2", pkcs8));
            return null;
        });
        ImportTokenRecord t1 = store.read(tx -> tx.findImportToken("t1")).orElseThrow();
        assertThat(t1.keyId()).isEqualTo("k1");
        assertThat(t1.wrappingAlgorithm()).isEqualTo(token("t1", "k1", pkcs8).wrappingAlgorithm());
        assertThat(t1.validTo()).isEqualTo(token("t1", "k1", pkcs8).validTo());
        assertThat(t1.wrappingPrivateKey()).isEqualTo(pkcs8);
        store.write(tx -> {
            tx.deleteImportTokens("k1");
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.findImportToken("t1"))).isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.findImportToken("t2"))).isPresent();
    }

    @Test
    void deleteKeyRemovesEverythingOfTheKey() {
        store.write(tx -> {
            tx.putKey(key("k1"));
            tx.putKey(key("k2"));
            tx.putMaterial(material("k1", 1));
            tx.putMaterial(material("k2", 1));
            tx.putAlias(alias("alias/one", "k1"));
            tx.putAlias(alias("alias/two", "k2"));
            tx.putImportToken(token("t1", "k1", new byte[] {9}));
            return null;
        });
        store.write(tx -> {
            tx.deleteKey("k1");
            return null;
        });
        store.read(tx -> {
            assertThat(tx.findKey("k1")).isEmpty();
            assertThat(tx.listMaterials("k1")).isEmpty();
            assertThat(tx.findAlias("alias/one")).isEmpty();
            assertThat(tx.findImportToken("t1")).isEmpty();
            assertThat(tx.findKey("k2")).isPresent();
            assertThat(tx.listMaterials("k2")).hasSize(1);
            assertThat(tx.findAlias("alias/two")).isPresent();
            return null;
        });
    }

    @Test
    void listKeysIsOrderedAndPaged() {
        store.write(tx -> {
            for (String id : List.of("d", "a", "c", "e", "b")) {
                tx.putKey(key(id));
            }
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.listKeys(null, 2))).extracting(KeyRecord::keyId).containsExactly("a", "b");
        assertThat(store.read((StoreTransaction tx) -> tx.listKeys("b", 2))).extracting(KeyRecord::keyId).containsExactly("c", "d");
        assertThat(store.read((StoreTransaction tx) -> tx.listKeys("d", 2))).extracting(KeyRecord::keyId).containsExactly("e");
        assertThat(store.read((StoreTransaction tx) -> tx.listKeys("e", 2))).isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.listKeys(null, 0))).isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.countKeys(ACCOUNT))).isEqualTo(5);
    }

    @Test
    void dueKeyIdsFollowNextDueAt() {
        Instant now = Instant.parse("2030-06-01T00:00:00.000500Z");
        store.write(tx -> {
            tx.putKey(key("never"));
            tx.putKey(key("deleting").withState(KeyState.PendingDeletion, now.minusSeconds(10), 7));
            // rotation dates count only when rotation is enabled
            tx.putKey(key("rotating").withRotation(true, 90, now.minusSeconds(20)));
            tx.putKey(key("rotation-off").withRotation(false, 90, now.minusSeconds(30)));
            // same millisecond as now, but later: not due yet
            tx.putKey(Fixtures.expiring("expiring-later", now.plusNanos(300)));
            tx.putKey(Fixtures.expiring("expiring-exactly", now));
            tx.putKey(Fixtures.expiring("expired-long-ago", now.minusSeconds(3600)));
            tx.putKey(Fixtures.expiring("future", now.plusSeconds(3600)));
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.dueKeyIds(now, 10)))
                .containsExactly("expired-long-ago", "rotating", "deleting", "expiring-exactly");
        assertThat(store.read((StoreTransaction tx) -> tx.dueKeyIds(now, 2))).containsExactly("expired-long-ago", "rotating");
        assertThat(store.read((StoreTransaction tx) -> tx.dueKeyIds(now.minusSeconds(7200), 10))).isEmpty();

        // a key that is no longer due leaves the index
        store.write(tx -> {
            tx.putKey(key("deleting"));
            return null;
        });
        assertThat(store.read((StoreTransaction tx) -> tx.dueKeyIds(now, 10))).doesNotContain("deleting");
    }

    @Test
    void exceptionInWorkRollsBackAndPassesThroughUnchanged() {
        NotFoundException thrown = new NotFoundException("Key 'x' does not exist");
        assertThatThrownBy(() -> store.write(tx -> {
            tx.putKey(key("k1"));
            tx.putMaterial(material("k1", 1));
            throw thrown;
        })).isSameAs(thrown);
        RuntimeException plain = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> store.write(tx -> {
            tx.putKey(key("k2"));
            throw plain;
        })).isSameAs(plain);
        assertThat(store.read((StoreTransaction tx) -> tx.listKeys(null, 10))).isEmpty();
        assertThat(store.read((StoreTransaction tx) -> tx.listMaterials("k1"))).isEmpty();
        // the store still works after rollbacks
        Fixtures.writeKeyWithMaterial(store, "k3");
        assertThat(store.read((StoreTransaction tx) -> tx.findKey("k3"))).isPresent();
    }

    @Test
    void readTransactionRefusesEveryWrite() {
        store.write(tx -> {
            tx.putKey(key("k1"));
            return null;
        });
        List<java.util.function.Consumer<StoreTransaction>> writes = List.of(
                tx -> tx.putKey(key("k2")),
                tx -> tx.deleteKey("k1"),
                tx -> tx.putMaterial(material("k1", 1)),
                tx -> tx.deleteMaterials("k1"),
                tx -> tx.putAlias(alias("alias/x", "k1")),
                tx -> tx.deleteAlias("alias/x"),
                tx -> tx.putImportToken(token("t", "k1", new byte[] {1})),
                tx -> tx.deleteImportTokens("k1"));
        for (var w : writes) {
            assertThatThrownBy(() -> store.read(tx -> {
                w.accept(tx);
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read transaction");
        }
        assertThat(store.read((StoreTransaction tx) -> tx.listKeys(null, 10))).extracting(KeyRecord::keyId).containsExactly("k1");
    }

    @Test
    void transactionsDoNotNestOrOutliveTheirWork() {
        assertThatThrownBy(() -> store.write(tx -> store.read(inner -> inner.findKey("k"))))
                .isInstanceOf(IllegalStateException.class);
        StoreTransaction leaked = store.read(tx -> tx);
        assertThatThrownBy(() -> leaked.findKey("k")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAliasToAMissingKeyIsRefusedAsInternalError() {
        assertThatThrownBy(() -> store.write(tx -> {
            tx.putAlias(alias("alias/x", "missing"));
            return null;
        })).isInstanceOf(KMSInternalException.class).message().containsIgnoringCase("foreign key");
    }

    @Test
    void concurrentWritersFromManyThreadsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Fixtures.writeKeyWithMaterial(store, "t" + thread + "-" + i);
                        store.read(tx -> tx.listKeys(null, 5));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.read((StoreTransaction tx) -> tx.countKeys(ACCOUNT))).isEqualTo(150);
        checkIntegrity(store);
    }

    @Test
    void dataSurvivesReopenAndClosedStoreRefusesWork() {
        Fixtures.writeKeyWithMaterial(store, "k1");
        store.close();
        assertThatThrownBy(() -> store.read(tx -> null)).isInstanceOf(IllegalStateException.class);
        try (KmsStore again = openStore()) {
            Optional<MaterialRecord> m = again.read(tx -> tx.findMaterial("k1", 1));
            assertThat(m.orElseThrow().secret()).isEqualTo(material("k1", 1).secret());
            checkIntegrity(again);
        }
    }
}
