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

    /**
     * The configured backend: the embedded engine on the store (created with its root key on first use),
     * its throttled calls retried; or the remote backend.
     */
    static KmsBackend openBackend(KeywardenConfig config) {
        if (config.isRemote()) {
            return Backends.open(config); // the remote backend retries on its own (docs/server.md)
        }
        return io.keywarden.kms.client.RetryingBackend.wrap(io.keywarden.kms.engine.EmbeddedKms.open(config),
                config.service().retryMaxAttempts(), config.service().retryMaxDelayMillis());
    }

    /** Runs {@code work} on the configured store, opened for it alone (the audit commands). */
    static <T> T withStore(KeywardenConfig config, java.util.function.Function<io.keywarden.kms.store.KmsStore, T> work) {
        requireStore(config);
        try (io.keywarden.kms.store.KmsStore store = io.keywarden.kms.store.KmsStores.open(config)) {
            return work.apply(store);
        }
    }

    /** The backend acting for another principal ({@code --principal}); only the embedded engine can. */
    static KmsBackend actAs(KmsBackend backend, String principalArn) {
        KmsBackend inner = io.keywarden.kms.client.RetryingBackend.unwrap(backend);
        if (!(inner instanceof io.keywarden.kms.engine.KmsEngine engine)) {
            throw new CliException.Config("--principal works only with the embedded engine");
        }
        KmsBackend other = engine.forCaller(io.keywarden.kms.api.Caller.of(principalArn));
        return inner == backend ? other
                : io.keywarden.kms.client.RetryingBackend.wrap(other, engine.service().retryMaxAttempts(),
                        engine.service().retryMaxDelayMillis());
    }

    /** Writes a consistent copy of the configured store to {@code target}, which must not exist. */
    static void backup(KeywardenConfig config, Path target) {
        requireStore(config);
        if (config.storage().isPostgresql()) {
            throw new CliException.Failed("the store is a PostgreSQL database: back it up with pg_dump"
                    + " (docs/store.md); keep the root key apart from the dump");
        }
        try (SqliteKmsStore store = SqliteKmsStore.open(config.store(), RootKeySource.fromConfig(config))) {
            store.backupTo(target);
        }
    }

    /** Verifies {@code backupFile} with the configured root key, then replaces the store with it. */
    static void restore(Path backupFile, KeywardenConfig config) {
        if (config.store() == null) {
            throw new CliException.Failed("the backend is remote: the store is the server's (restore it there)");
        }
        if (config.storage().isPostgresql()) {
            throw new CliException.Failed("the store is a PostgreSQL database: restore it with pg_restore"
                    + " (docs/store.md)");
        }
        SqliteKmsStore.restore(backupFile, config.store(), RootKeySource.fromConfig(config));
    }

    private static void requireStore(KeywardenConfig config) {
        if (config.store() == null) {
            throw new CliException.Failed("the backend is remote: the store is the server's (back it up there)");
        }
        if (!config.storage().isPostgresql() && !Files.isRegularFile(config.store().resolve(SqliteKmsStore.DB_FILE))) {
            throw new CliException.Failed("there is no store in " + config.store()
                    + " (create one with: keywarden init DIR)");
        }
    }
}
