package io.keywarden.kms.store;

import io.keywarden.kms.config.StoreSettings;
import io.keywarden.kms.store.pg.PostgresCluster;
import io.keywarden.kms.store.pg.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link KmsStoreContract} on a fresh database of a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class PostgresKmsStoreTest extends KmsStoreContract {

    private PostgresCluster.Database db;

    @Override
    KmsStore openStore() {
        if (db == null) {
            db = PostgresExtension.cluster().newDatabase();
        }
        return PostgresKmsStore.open(settings(db), Fixtures.keyFile(tmp));
    }

    static StoreSettings settings(PostgresCluster.Database db) {
        return StoreSettings.postgresql(db.url(), db.user(), db.password(), 4);
    }

    @Override
    void checkIntegrity(KmsStore s) {
        ((PostgresKmsStore) s).checkIntegrity();
    }
}
