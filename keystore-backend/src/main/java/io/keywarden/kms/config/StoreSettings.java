package io.keywarden.kms.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the embedded engine keeps its data (docs/configuration.md, {@code store.*}): the local SQLite
 * store in the {@code store} directory (the default), or a PostgreSQL database shared by several
 * nodes. {@link #toString()} never shows the password.
 *
 * @param type {@value #SQLITE} or {@value #POSTGRESQL}
 * @param url the JDBC URL of the PostgreSQL database ({@code jdbc:postgresql://host:port/db}); null for SQLite
 * @param user the database user; null to let the driver decide
 * @param password the database password (from {@code store.password} or {@code store.passwordFile}); null for none
 * @param poolSize the most connections a node holds open to the database
 */
public record StoreSettings(String type, String url, String user, String password, int poolSize) {

    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";
    public static final int DEFAULT_POOL_SIZE = 10;

    /** The default: the SQLite store in the {@code store} directory. */
    public static StoreSettings sqlite() {
        return new StoreSettings(SQLITE, null, null, null, DEFAULT_POOL_SIZE);
    }

    /** A PostgreSQL store. */
    public static StoreSettings postgresql(String url, String user, String password, int poolSize) {
        return new StoreSettings(POSTGRESQL, url, user, password, poolSize);
    }

    public boolean isPostgresql() {
        return POSTGRESQL.equals(type);
    }

    /** Reads the {@code store.*} settings; relative paths resolve against {@code baseDir}. */
    static StoreSettings fromProperties(Properties p, Path baseDir) {
        String type = p.getProperty("store.type", SQLITE).trim();
        if (type.equals(SQLITE)) {
            return sqlite();
        }
        if (!type.equals(POSTGRESQL)) {
            throw new KeywardenConfig.ConfigException("store.type", "must be 'sqlite' or 'postgresql'");
        }
        String url = p.getProperty("store.url", "").trim();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new KeywardenConfig.ConfigException("store.url",
                    "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database) with store.type=postgresql");
        }
        String user = p.getProperty("store.user");
        String password = p.getProperty("store.password");
        String passwordFile = p.getProperty("store.passwordFile");
        if (password != null && passwordFile != null) {
            throw new KeywardenConfig.ConfigException("store.passwordFile", "cannot be combined with store.password");
        }
        if (passwordFile != null) {
            password = readPassword(baseDir.resolve(passwordFile.trim()).normalize());
        }
        int pool = 0;
        String poolValue = p.getProperty("store.poolSize", Integer.toString(DEFAULT_POOL_SIZE)).trim();
        try {
            pool = Integer.parseInt(poolValue);
        } catch (NumberFormatException e) {
            pool = 0;
        }
        if (pool < 1 || pool > 1000) {
            throw new KeywardenConfig.ConfigException("store.poolSize", "must be a whole number from 1 to 1000");
        }
        return postgresql(url, user == null || user.isBlank() ? null : user.trim(), password, pool);
    }

    private static String readPassword(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            // one line: a trailing newline is not part of the password
            return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            throw new KeywardenConfig.ConfigException("store.passwordFile", "cannot be read: " + file);
        }
    }

    @Override
    public String toString() {
        return "StoreSettings[type=" + type + ", url=" + url + ", user=" + user
                + ", password=" + (password == null ? "none" : "(hidden)") + ", poolSize=" + poolSize + "]";
    }
}
