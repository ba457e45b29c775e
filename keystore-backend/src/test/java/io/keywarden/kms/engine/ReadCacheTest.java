package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.UpdateAliasRequest;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's read cache: a change made through the engine is seen by its next call; a change made
 * by another store instance on the same database (as another process would) is seen once the change
 * stamp is read again, within {@link CachingStore#DEFAULT_RECHECK_NANOS}; a store without a change
 * stamp is not cached at all.
 */
class ReadCacheTest {

    @TempDir
    Path dir;

    private SqliteKmsStore openStore() {
        return SqliteKmsStore.open(dir.resolve("store"), RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
    }

    private static EncryptRequest encrypt(String keyId) {
        return EncryptRequest.builder().keyId(keyId).plaintext(new byte[] {1, 2, 3}).build();
    }

    private static void pastTheRecheckWindow() throws InterruptedException {
        Thread.sleep(CachingStore.DEFAULT_RECHECK_NANOS / 1_000_000 + 20);
    }

    @Test
    void aChangeThroughTheEngineIsSeenByItsNextCall() {
        try (KmsEngine kms = new KmsEngine(openStore(), Clock.systemUTC(), EngineFixture.SETTINGS)) {
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            kms.encrypt(encrypt(keyId));
            kms.disableKey(DisableKeyRequest.builder().keyId(keyId).build());
            assertThatThrownBy(() -> kms.encrypt(encrypt(keyId))).isInstanceOf(DisabledException.class);
            kms.enableKey(EnableKeyRequest.builder().keyId(keyId).build());
            assertThat(kms.encrypt(encrypt(keyId)).keyId()).endsWith(keyId);
        }
    }

    @Test
    void aChangeByAnotherProcessIsSeenWithinTheRecheckWindow() throws Exception {
        try (KmsEngine app = new KmsEngine(openStore(), Clock.systemUTC(), EngineFixture.SETTINGS);
                KmsEngine admin = new KmsEngine(openStore(), Clock.systemUTC(), EngineFixture.SETTINGS)) {
            String a = app.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            String b = app.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            app.createAlias(CreateAliasRequest.builder().aliasName("alias/app").targetKeyId(a).build());
            for (int i = 0; i < 20; i++) {
                assertThat(app.encrypt(encrypt("alias/app")).keyId()).endsWith(a); // served from the cache
            }
            admin.disableKey(DisableKeyRequest.builder().keyId(a).build());
            pastTheRecheckWindow();
            assertThatThrownBy(() -> app.encrypt(encrypt(a))).isInstanceOf(DisabledException.class);
            admin.updateAlias(UpdateAliasRequest.builder().aliasName("alias/app").targetKeyId(b).build());
            pastTheRecheckWindow();
            assertThat(app.encrypt(encrypt("alias/app")).keyId()).endsWith(b);
            admin.enableKey(EnableKeyRequest.builder().keyId(a).build());
            pastTheRecheckWindow();
            assertThat(app.encrypt(encrypt(a)).keyId()).endsWith(a);
        }
    }

    @Test
    void theSqliteStampMovesWithEveryStampedTableAndNotWithAuditEvents() {
        try (KmsEngine kms = new KmsEngine(openStore(), Clock.systemUTC(), EngineFixture.SETTINGS);
                SqliteKmsStore other = openStore()) {
            long s0 = other.changeStamp();
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            long s1 = other.changeStamp();
            assertThat(s1).isGreaterThan(s0);
            kms.encrypt(encrypt(keyId));
            kms.flushAudit();
            assertThat(other.changeStamp()).isEqualTo(s1);
            kms.createAlias(CreateAliasRequest.builder().aliasName("alias/x").targetKeyId(keyId).build());
            assertThat(other.changeStamp()).isGreaterThan(s1);
        }
    }

    @Test
    void aStoreWithoutAChangeStampIsNotCached() {
        try (SqliteKmsStore sqlite = openStore()) {
            KmsStore plain = new KmsStore() {
                @Override
                public <T> T read(Function<StoreTransaction, T> work) {
                    return sqlite.read(work);
                }

                @Override
                public <T> T write(Function<StoreTransaction, T> work) {
                    return sqlite.write(work);
                }

                @Override
                public void backupTo(Path target) {
                    sqlite.backupTo(target);
                }

                @Override
                public void close() {
                }
            };
            assertThat(CachingStore.over(plain, 0, System::nanoTime)).isSameAs(plain);
            assertThat(CachingStore.over(sqlite, 0, System::nanoTime)).isInstanceOf(CachingStore.class);
        }
    }
}
