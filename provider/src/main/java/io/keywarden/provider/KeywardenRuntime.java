package io.keywarden.provider;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.provider.envelope.DataKeyCache;
import io.keywarden.provider.envelope.DataKeyCachePolicy;
import io.keywarden.provider.mac.MacSessionPolicy;
import io.keywarden.provider.mac.MacSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend a provider instance works with, opened on first use from the configuration file.
 * The file is the one given to {@link KeywardenProvider#configure(String)}, else the
 * {@code keywarden.config} system property, else the {@code KEYWARDEN_CONFIG} environment variable.
 * One backend per store directory is shared by every provider instance in the JVM.
 */
public final class KeywardenRuntime {

    private static final Map<Object, KmsBackend> OPEN = new ConcurrentHashMap<>();

    private final String configuredPath;
    private volatile KmsBackend backend;
    private volatile DataKeyCachePolicy cachePolicy;
    private final Map<DataKeyCachePolicy, DataKeyCache[]> caches = new ConcurrentHashMap<>();
    private volatile MacSessionPolicy macPolicy;
    private final Map<MacSessionPolicy, MacSessions> macSessions = new ConcurrentHashMap<>();

    KeywardenRuntime(String configuredPath) {
        this.configuredPath = configuredPath;
    }

    /** A runtime on an already open backend (tests, and applications that build their own). */
    public static KeywardenRuntime of(KmsBackend backend) {
        KeywardenRuntime r = new KeywardenRuntime(null);
        r.backend = backend;
        return r;
    }

    /** The backend, opened on first use; a misconfiguration is a ProviderException naming the setting. */
    public KmsBackend backend() {
        KmsBackend b = backend;
        if (b == null) {
            synchronized (this) {
                b = backend;
                if (b == null) {
                    Path config = configFile();
                    b = shared(load(config), config.toString());
                    if (cachePolicy == null) {
                        cachePolicy = settings(config, DataKeyCacheSettings::read);
                    }
                    if (macPolicy == null) {
                        macPolicy = settings(config, MacSessionSettings::read);
                    }
                    backend = b;
                }
            }
        }
        return b;
    }

    private Path configFile() {
        String path = configuredPath;
        String source = "the provider argument";
        if (path == null || path.isBlank()) {
            path = System.getProperty("keywarden.config");
            source = "the system property keywarden.config";
        }
        if (path == null || path.isBlank()) {
            path = System.getenv("KEYWARDEN_CONFIG");
            source = "the environment variable KEYWARDEN_CONFIG";
        }
        if (path == null || path.isBlank()) {
            throw new ProviderException("Keywarden is not configured: give the path of keywarden.conf as the "
                    + "argument of its security.provider line, the system property keywarden.config, or the "
                    + "environment variable KEYWARDEN_CONFIG");
        }
        Path file = Path.of(path.trim()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ProviderException("Keywarden configuration file " + file + " (from " + source
                    + ") does not exist or is not a file");
        }
        return file;
    }

    /**
     * A runtime on the backend of an already read configuration (the KMS key store's
     * {@code load(stream, …)}); the backend is shared with every runtime on the same store.
     */
    public static KeywardenRuntime of(KeywardenConfig config, String source) {
        KeywardenRuntime r = new KeywardenRuntime(null);
        r.backend = shared(config, source);
        return r;
    }

    private static KeywardenConfig load(Path config) {
        try {
            return KeywardenConfig.load(config);
        } catch (KeywardenConfig.ConfigException e) {
            throw new ProviderException(e.getMessage() + " (in " + config + ")", e);
        }
    }

    private static <T> T settings(Path config, java.util.function.Function<Path, T> reader) {
        try {
            return reader.apply(config);
        } catch (KeywardenConfig.ConfigException e) {
            throw new ProviderException(e.getMessage() + " (in " + config + ")", e);
        }
    }

    /** One backend per store directory in the JVM, whichever configuration names it. */
    private static KmsBackend shared(KeywardenConfig config, String source) {
        Object key = config.isRemote() ? "remote:" + new java.util.TreeMap<>(config.remote())
                : config.store().toAbsolutePath().normalize();
        return OPEN.computeIfAbsent(key, k -> {
            try {
                if (config.isRemote()) {
                    return Backends.open(config); // retries on its own (docs/server.md)
                }
                // throttled calls are retried with bounded, jittered exponential backoff (docs/configuration.md)
                return io.keywarden.kms.client.RetryingBackend.wrap(io.keywarden.kms.engine.EmbeddedKms.open(config),
                        config.service().retryMaxAttempts(), config.service().retryMaxDelayMillis());
            } catch (KeywardenConfig.ConfigException e) {
                throw new ProviderException(e.getMessage() + " (in " + source + ")", e);
            } catch (RuntimeException e) {
                throw new ProviderException("Keywarden cannot open the backend configured in " + source + ": "
                        + e.getMessage(), e);
            }
        });
    }

    /**
     * Turns data-key caching on for envelope encryption with this policy (null: off, the default).
     * A {@code KmsEncryptionSpec} with a cache policy overrides this for one cipher.
     */
    public void setDataKeyCaching(DataKeyCachePolicy policy) {
        this.cachePolicy = policy;
    }

    /**
     * The runtime-wide cache policy, or null when caching is off: the one set by
     * {@link #setDataKeyCaching}, else the {@code cache.dataKeys} settings of keywarden.conf.
     */
    public DataKeyCachePolicy dataKeyCaching() {
        if (backend == null) {
            backend();
        }
        return cachePolicy;
    }

    /** The encryption cache for a policy, shared by every cipher of this runtime using it. */
    public DataKeyCache encryptionCache(DataKeyCachePolicy policy) {
        return caches(policy)[0];
    }

    /** The decryption cache for a policy (keyed by wrapped key), shared likewise. */
    public DataKeyCache decryptionCache(DataKeyCachePolicy policy) {
        return caches(policy)[1];
    }

    /** The caches of the policy last asked for, found without hashing the record (once per message). */
    private volatile PolicyCaches last;

    private record PolicyCaches(DataKeyCachePolicy policy, DataKeyCache[] caches) {
    }

    private DataKeyCache[] caches(DataKeyCachePolicy policy) {
        PolicyCaches l = last;
        if (l != null && l.policy() == policy) {
            return l.caches();
        }
        DataKeyCache[] c = caches.computeIfAbsent(policy,
                p -> new DataKeyCache[] {new DataKeyCache(p, true), new DataKeyCache(p, false)});
        last = new PolicyCaches(policy, c);
        return c;
    }

    /**
     * Turns MAC sessions on for {@code HmacSHA*} on managed keys with this policy (null: off, the
     * default), where the backend offers them (docs/engine.md, "MAC sessions").
     */
    public void setMacSessions(MacSessionPolicy policy) {
        this.macPolicy = policy;
    }

    /**
     * The MAC sessions to use, or null when they are off: those of the policy set by
     * {@link #setMacSessions}, else of the {@code cache.macKeys} settings of keywarden.conf.
     */
    public MacSessions macSessions() {
        if (backend == null) {
            backend();
        }
        MacSessionPolicy p = macPolicy;
        return p == null ? null : macSessions.computeIfAbsent(p, MacSessions::new);
    }
}
