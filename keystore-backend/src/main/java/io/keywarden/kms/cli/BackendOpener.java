package io.keywarden.kms.cli;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The only class of the CLI that knows the embedded engine and the store: every other class works
 * against {@link KmsBackend} (and {@link CliContext#openBackend}).
 */
final class BackendOpener {

    private BackendOpener() {
    }

    /** The embedded engine on the configured store; creates the store and its root key on first use. */
    static KmsBackend openBackend(KeywardenConfig config) {
        return Backends.open(config);
    }

    /** Writes a consistent copy of the configured store to {@code target}, which must not exist. */
    static void backup(KeywardenConfig config, Path target) {
        requireStore(config);
        try (SqliteKmsStore store = SqliteKmsStore.open(config.store(), RootKeySource.fromConfig(config))) {
            store.backupTo(target);
        }
    }

    /** Verifies {@code backupFile} with the configured root key, then replaces the store with it. */
    static void restore(Path backupFile, KeywardenConfig config) {
        if (config.store() == null) {
            throw new CliException.Failed("the backend is remote: the store is the server's (restore it there)");
        }
        SqliteKmsStore.restore(backupFile, config.store(), RootKeySource.fromConfig(config));
    }

    private static void requireStore(KeywardenConfig config) {
        if (config.store() == null) {
            throw new CliException.Failed("the backend is remote: the store is the server's (back it up there)");
        }
        if (!Files.isRegularFile(config.store().resolve(SqliteKmsStore.DB_FILE))) {
            throw new CliException.Failed("there is no store in " + config.store()
                    + " (create one with: keywarden init DIR)");
        }
    }
}
