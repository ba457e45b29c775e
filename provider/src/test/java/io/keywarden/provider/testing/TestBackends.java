package io.keywarden.provider.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where the provider's tests get their KMS. The implementation is chosen by the system property
 * {@value #PROPERTY} ({@code embedded}, the default, or {@code remote}) among those found through
 * {@link ServiceLoader} on the test classpath: the provider's own tests register {@code embedded}
 * (an engine on a fresh SQLite store); the server module's tests register {@code remote} (a fresh
 * Keywarden server reached through the remote backend) and run the provider's test-jar with it
 * (docs/server.md, "The provider suite on the server").
 */
public interface TestBackends {

    String PROPERTY = "keywarden.test.backend";

    /** The value of {@value #PROPERTY} that selects this implementation. */
    String name();

    /** A fresh, empty KMS for one fixture, with its files under {@code dir}. */
    TestKmsInstance open(Path dir);

    /** Opens a fresh KMS on the implementation {@value #PROPERTY} selects. */
    static TestKmsInstance openSelected(Path dir) {
        return selected().open(dir);
    }

    /** The implementation {@value #PROPERTY} selects; an unknown name fails naming those available. */
    static TestBackends selected() {
        String wanted = System.getProperty(PROPERTY, "embedded");
        List<String> available = new ArrayList<>();
        for (TestBackends b : ServiceLoader.load(TestBackends.class)) {
            if (b.name().equals(wanted)) {
                return b;
            }
            available.add(b.name());
        }
        throw new IllegalStateException("no test backend '" + wanted + "' on the classpath (" + PROPERTY
                + "); available: " + available);
    }
}
