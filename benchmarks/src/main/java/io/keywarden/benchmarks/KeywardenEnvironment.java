package io.keywarden.benchmarks;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.envelope.DataKeyCachePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded engine as an application gets it from {@code keywarden.conf} (SQLite store, key
 * policies, audit trail), in a fresh temporary directory, with two providers on it: one without
 * data-key caching and one with the default {@code cache.dataKeys.*} limits. The request quotas
 * are raised, as the tests do, or the benchmarks would measure the throttle.
 */
public final class KeywardenEnvironment implements AutoCloseable {

    /** The {@code cache.dataKeys.*} defaults of docs/configuration.md (ESDK-cached uses the same limits). */
    public static final DataKeyCachePolicy CACHE_POLICY = DataKeyCachePolicy.defaults();

    public static final String QUOTAS = "quota.rate.symmetric=10000000\nquota.rate.rsa=10000000\nquota.rate.ecc=10000000\n"
            + "quota.rate.ml-dsa=10000000\nquota.rate.write=10000000\nquota.rate.describe=10000000\n"
            + "quota.rate.read=10000000\nquota.rate.list=10000000\nquota.rate.data-key-pair=10000000\n"
            + "quota.rate.import-parameters=10000000\n";

    private final Path dir;
    private final boolean ownsDir;
    public final KmsEngine engine;
    public final KeywardenRuntime runtime;
    public final KeywardenProvider provider;
    public final KeywardenRuntime cachedRuntime;
    public final KeywardenProvider cachedProvider;

    private KeywardenEnvironment(Path dir, boolean ownsDir) {
        this.dir = dir;
        this.ownsDir = ownsDir;
        try {
            Path config = dir.resolve("keywarden.conf");
            Files.writeString(config, "store=store\n" + QUOTAS);
            engine = EmbeddedKms.open(KeywardenConfig.load(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runtime = KeywardenRuntime.of(engine);
        provider = new KeywardenProvider(runtime);
        cachedRuntime = KeywardenRuntime.of(engine);
        cachedRuntime.setDataKeyCaching(CACHE_POLICY);
        cachedRuntime.setMacSessions(io.keywarden.provider.mac.MacSessionPolicy.defaults());
        cachedProvider = new KeywardenProvider(cachedRuntime);
    }

    /**
     * An environment in a new temporary directory, deleted by {@link #close()}: under the directory
     * of the system property {@code keywarden.bench.dir} when set (e.g. {@code /dev/shm}, to take the
     * disk's fsync latency out of the engine's figures), else under {@code java.io.tmpdir}.
     */
    public static KeywardenEnvironment temporary() {
        return new KeywardenEnvironment(temporaryDirectory(), true);
    }

    /** A new temporary directory under {@code keywarden.bench.dir} when set, else under {@code java.io.tmpdir}. */
    public static Path temporaryDirectory() {
        try {
            String base = System.getProperty("keywarden.bench.dir");
            return base == null || base.isBlank()
                    ? Files.createTempDirectory("keywarden-bench")
                    : Files.createTempDirectory(Files.createDirectories(Path.of(base)), "keywarden-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything under it. */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An environment in {@code dir} (kept). */
    public static KeywardenEnvironment in(Path dir) {
        return new KeywardenEnvironment(dir, false);
    }

    public Path dir() {
        return dir;
    }

    /** Creates a managed key and returns its id. */
    public String createKey(KeySpec spec, KeyUsage usage) {
        return engine.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build())
                .keyMetadata().keyId();
    }

    /** A handle for {@code keyId} on the uncached or the caching runtime. */
    public KmsKey handle(String keyId, boolean cached) {
        try {
            return KmsKeys.handle(cached ? cachedRuntime : runtime, keyId);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("no handle for a key just created", e);
        }
    }

    private final java.util.List<AutoCloseable> closeWith = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Closes {@code resource} (a subject's own, such as a writer thread) when this environment closes, first. */
    public void closeWith(AutoCloseable resource) {
        closeWith.add(resource);
    }

    @Override
    public void close() {
        try {
            for (AutoCloseable c : closeWith) {
                c.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a subject's resource did not close", e);
        } finally {
            engine.close();
            if (ownsDir) {
                delete(dir);
            }
        }
    }
}
