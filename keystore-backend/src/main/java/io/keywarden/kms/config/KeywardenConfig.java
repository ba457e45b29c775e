package io.keywarden.kms.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings in {@code keywarden.conf}, a Java properties file shared by the CLI and the JCA
 * provider. Relative paths are resolved against the directory of the file. Every setting is
 * documented in {@code docs/configuration.md}.
 *
 * <ul>
 *   <li>{@code store} — the store directory (required).</li>
 *   <li>{@code principal} — the caller's ARN (default {@code arn:aws:iam::111122223333:root}).</li>
 *   <li>{@code region} — the region in ARNs (default {@code us-east-1}).</li>
 *   <li>{@code rootKey.file} — the root key file (default {@code STORE/root.key}).</li>
 *   <li>{@code rootKey.passphraseEnv} — instead of the key file, the name of an environment
 *       variable holding a passphrase, stretched with Argon2id.</li>
 *   <li>{@code quota.keysPerAccount} (default 100000), {@code quota.aliasesPerKey} (default 50),
 *       {@code quota.grantsPerKey} (default 50000).</li>
 *   <li>{@code audit.digest.interval}, {@code audit.commitIntervalMillis}, {@code quota.rate.<class>}, {@code retry.maxAttempts},
 *       {@code retry.maxDelayMillis}: see {@link ServiceSettings}.</li>
 *   <li>{@code backend} — {@code embedded} (the default: the engine on {@code store}) or {@code remote} (a
 *       Keywarden server or AWS KMS, configured by the {@code remote.*} settings, kept in {@link #remote()}
 *       without their prefix; {@code store} is then not needed).</li>
 *   <li>{@code store.type} — {@code sqlite} (the default: the database in {@code store}) or {@code postgresql}
 *       ({@code store.url}, {@code store.user}, {@code store.password} or {@code store.passwordFile},
 *       {@code store.poolSize}), kept in {@link #storage()}.</li>
 * </ul>
 */
public record KeywardenConfig(
        Path store,
        String principal,
        String region,
        Path rootKeyFile,
        String passphraseEnv,
        int keysPerAccount,
        int aliasesPerKey,
        int grantsPerKey,
        ServiceSettings service,
        String backend,
        Map<String, String> remote,
        Path baseDir,
        StoreSettings storage) {

    /** The embedded backend (the default). */
    public static final String EMBEDDED = "embedded";
    /** A remote backend: a Keywarden server, or AWS KMS. */
    public static final String REMOTE = "remote";

    public KeywardenConfig {
        remote = remote == null ? Map.of() : Map.copyOf(remote);
        service = service == null ? ServiceSettings.defaults() : service;
        storage = storage == null ? StoreSettings.sqlite() : storage;
    }

    /** A configuration on the default SQLite store. */
    public KeywardenConfig(Path store, String principal, String region, Path rootKeyFile, String passphraseEnv,
            int keysPerAccount, int aliasesPerKey, int grantsPerKey, ServiceSettings service, String backend,
            Map<String, String> remote, Path baseDir) {
        this(store, principal, region, rootKeyFile, passphraseEnv, keysPerAccount, aliasesPerKey, grantsPerKey,
                service, backend, remote, baseDir, StoreSettings.sqlite());
    }

    /** An embedded configuration with the default grants-per-key quota, {@link ServiceSettings} and no remote settings. */
    public KeywardenConfig(Path store, String principal, String region, Path rootKeyFile, String passphraseEnv,
            int keysPerAccount, int aliasesPerKey) {
        this(store, principal, region, rootKeyFile, passphraseEnv, keysPerAccount, aliasesPerKey, 50_000,
                ServiceSettings.defaults(), EMBEDDED, Map.of(), store == null ? null : store.getParent());
    }

    /** Whether the backend is the remote one. */
    public boolean isRemote() {
        return REMOTE.equals(backend);
    }

    public static final String DEFAULT_PRINCIPAL = "arn:aws:iam::111122223333:root";
    public static final String DEFAULT_REGION = "us-east-1";

    /** The account id of {@link #principal()}: the fifth field of the ARN. */
    public String account() {
        String[] parts = principal.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[4].matches("\\d{12}")) {
            throw new ConfigException("principal", "is not an IAM ARN of the form arn:aws:iam::<12-digit account>:…");
        }
        return parts[4];
    }

    public static KeywardenConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("config", "cannot read " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return fromProperties(p, dir);
    }

    public static KeywardenConfig fromProperties(Properties p, Path baseDir) {
        String backend = p.getProperty("backend", EMBEDDED).trim();
        if (!backend.equals(EMBEDDED) && !backend.equals(REMOTE)) {
            throw new ConfigException("backend", "must be 'embedded' or 'remote'");
        }
        Map<String, String> remote = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("remote.")) {
                remote.put(name.substring("remote.".length()), p.getProperty(name).trim());
            }
        }
        String storeValue = p.getProperty("store");
        if ((storeValue == null || storeValue.isBlank()) && backend.equals(EMBEDDED)) {
            throw new ConfigException("store", "is missing: name the store directory");
        }
        Path store = storeValue == null || storeValue.isBlank() ? null : baseDir.resolve(storeValue.trim()).normalize();
        String rootKey = p.getProperty("rootKey.file");
        Path rootKeyFile = rootKey != null ? baseDir.resolve(rootKey.trim()).normalize()
                : store == null ? null : store.resolve("root.key");
        KeywardenConfig c = new KeywardenConfig(
                store,
                p.getProperty("principal", DEFAULT_PRINCIPAL).trim(),
                p.getProperty("region", DEFAULT_REGION).trim(),
                rootKeyFile,
                blankToNull(p.getProperty("rootKey.passphraseEnv")),
                intSetting(p, "quota.keysPerAccount", 100_000),
                intSetting(p, "quota.aliasesPerKey", 50),
                intSetting(p, "quota.grantsPerKey", 50_000),
                ServiceSettings.fromProperties(p),
                backend,
                remote,
                baseDir,
                StoreSettings.fromProperties(p, baseDir));
        c.account();
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int intSetting(Properties p, String name, int def) {
        String v = p.getProperty(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a positive whole number");
        }
    }

    /** A setting is missing or wrong; the message names the setting. */
    public static final class ConfigException extends IllegalArgumentException {
        private final String setting;

        public ConfigException(String setting, String problem) {
            super("keywarden.conf: setting '" + setting + "' " + problem);
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }
}
