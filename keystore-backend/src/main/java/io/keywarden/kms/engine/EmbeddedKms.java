package io.keywarden.kms.engine;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.KmsStores;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens the embedded default backend named by a {@code keywarden.conf}: the engine on its store
 * (the local SQLite store, or PostgreSQL with {@code store.type=postgresql}), with a daemon thread that applies due tasks (automatic rotation, deletion at the
 * end of its window, expiry of imported material) once a minute.
 */
public final class EmbeddedKms {

    static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(1);

    private EmbeddedKms() {
    }

    public static KmsEngine open(KeywardenConfig config) {
        KmsStore store = KmsStores.open(config);
        KmsEngine engine = new KmsEngine(store, Clock.systemUTC(), EngineSettings.from(config), true,
                config.service());
        engine.startMaintenance(MAINTENANCE_INTERVAL);
        return engine;
    }
}
