package io.keywarden.kms.store;

import io.keywarden.kms.config.KeywardenConfig;

/** Opens the store a {@code keywarden.conf} names: SQLite in {@code store} (the default) or PostgreSQL ({@code store.type}). */
public final class KmsStores {

    private KmsStores() {
    }

    public static KmsStore open(KeywardenConfig config) {
        RootKeySource rootKey = RootKeySource.fromConfig(config);
        if (config.storage().isPostgresql()) {
            return PostgresKmsStore.open(config.storage(), rootKey);
        }
        return SqliteKmsStore.open(config.store(), rootKey);
    }
}
