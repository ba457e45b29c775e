package io.keywarden.kms.store.pg;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a real PostgreSQL: {@code @ExtendWith(PostgresExtension.class)}, then
 * {@link #cluster()}. One cluster serves the whole test run and is stopped when it ends; a test that
 * needs PostgreSQL fails (never skips) when it is not installed.
 */
public final class PostgresExtension implements BeforeAllCallback {

    private static PostgresCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    private static synchronized void cluster(ExtensionContext context) {
        if (cluster == null) {
            PostgresCluster started = PostgresCluster.start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(PostgresExtension.class.getName(), (ExtensionContext.Store.CloseableResource) () -> {
                        synchronized (PostgresExtension.class) {
                            started.stop();
                            cluster = null;
                        }
                    });
            cluster = started;
        }
    }

    /** The cluster of this test run (after {@code beforeAll}). */
    public static synchronized PostgresCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("use @ExtendWith(PostgresExtension.class) on the test class");
        }
        return cluster;
    }
}
