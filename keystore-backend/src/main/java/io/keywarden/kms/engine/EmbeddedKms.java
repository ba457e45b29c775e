package io.keywarden.kms.engine;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens the embedded default backend named by a {@code keywarden.conf}: the engine on the local
 * SQLite store, with a daemon thread that applies due tasks (automatic rotation, deletion at the
 * end of its window, expiry of imported material) once a minute.
 */
public final class EmbeddedKms {

    static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(1);

    private EmbeddedKms() {
    }

    public static KmsEngine open(KeywardenConfig config) {
        KmsStore store = SqliteKmsStore.open(config.store(), RootKeySource.fromConfig(config));
        KmsEngine engine = new KmsEngine(store, Clock.systemUTC(), EngineSettings.from(config), true,
                config.service());
        engine.startMaintenance(MAINTENANCE_INTERVAL);
        return engine;
    }
}
