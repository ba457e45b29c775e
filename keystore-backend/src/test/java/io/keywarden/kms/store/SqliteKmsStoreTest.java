package io.keywarden.kms.store;

/** {@link KmsStoreContract} on the SQLite store in a temporary directory. */
class SqliteKmsStoreTest extends KmsStoreContract {

    @Override
    KmsStore openStore() {
        return SqliteKmsStore.open(tmp.resolve("store"), Fixtures.keyFile(tmp));
    }

    @Override
    void checkIntegrity(KmsStore s) {
        ((SqliteKmsStore) s).checkIntegrity();
    }
}
