package io.keywarden.kms.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.config.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The store on a PostgreSQL database, shared by several Keywarden nodes (docs/store.md, PostgreSQL).
 * Rows are sealed and MACed exactly as in the SQLite store ({@link JdbcTransaction}); every node
 * must be given the same root key.
 *
 * <p>Write transactions run at READ COMMITTED and first take the transaction-level advisory lock
 * {@value #WRITE_LOCK} ({@code pg_advisory_xact_lock}): writes are serialized across every node and
 * connection, and since each statement after the lock sees everything committed before it, the
 * engine's read-check-write logic (maintenance claiming due keys, the audit chain's head) stays
 * correct across nodes. The lock waits at most {@value #LOCK_TIMEOUT} and is released by commit,
 * rollback or a lost connection. Commits are synchronous ({@code synchronous_commit=on}). Read
 * transactions are REPEATABLE READ, READ ONLY: one snapshot that blocks no writer. Connections come
 * from a HikariCP pool of {@code store.poolSize}. Thread-safe; transactions do not nest on one thread.
 */
public final class PostgresKmsStore implements KmsStore {

    /** The advisory lock key of write transactions (the ASCII bytes of "keywarde"). */
    public static final long WRITE_LOCK = 0x6b65797761726465L;
    static final String LOCK_TIMEOUT = "30s";

    private static final String BEGIN_WRITE = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE;"
            + " SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'; SET LOCAL synchronous_commit = on;"
            + " SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")";
    private static final String BEGIN_READ = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private final String label;
    private final HikariDataSource pool;
    private final StoreKeys keys;
    private final ThreadLocal<Boolean> inTransaction = new ThreadLocal<>();
    private int active;
    private boolean closed;

    private PostgresKmsStore(String label, HikariDataSource pool, StoreKeys keys) {
        this.label = label;
        this.pool = pool;
        this.keys = keys;
    }

    /**
     * Connects to the database of {@code settings}, creating the schema and the store's metadata
     * on first use (safe when several nodes start at once), and unlocks it with {@code rootKey}.
     *
     * @throws RootKeyException when the root key cannot be obtained or does not open the store
     * @throws KMSInternalException when the database cannot be reached or used
     */
    public static PostgresKmsStore open(StoreSettings settings, RootKeySource rootKey) {
        Objects.requireNonNull(rootKey, "rootKey");
        if (!settings.isPostgresql()) {
            throw new IllegalArgumentException("not PostgreSQL store settings: " + settings.type());
        }
        String label = label(settings.url());
        HikariDataSource pool = pool(settings, label);
        try {
            StoreKeys keys = initialize(label, pool, rootKey);
            return new PostgresKmsStore(label, pool, keys);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The URL without the {@code jdbc:} prefix, user information or parameters (which may hold a password). */
    public static String label(String url) {
        String s = url.startsWith("jdbc:") ? url.substring(5) : url;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int at = s.indexOf('@');
        int scheme = s.indexOf("//");
        if (at >= 0 && scheme >= 0 && at > scheme) {
            s = s.substring(0, scheme + 2) + s.substring(at + 1);
        }
        return s;
    }

    private static HikariDataSource pool(StoreSettings settings, String label) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("keywarden-store");
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setAutoCommit(false);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1); // report an unreachable database through our own error below
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("ApplicationName", "keywarden");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new KMSInternalException("store " + label + ": cannot set up the connection pool: "
                    + e.getClass().getSimpleName());
        }
    }

    private static StoreKeys initialize(String label, HikariDataSource pool, RootKeySource rootKey) {
        try (Connection c = pool.getConnection()) {
            try {
                exec(c, BEGIN_WRITE);
                PostgresSchema.createMissing(c);
                Map<String, String> meta = PostgresSchema.readMeta(c);
                if (meta.isEmpty()) {
                    StoreMeta.Created created = StoreMeta.create(rootKey, PostgresSchema.VERSION);
                    try {
                        PostgresSchema.writeMeta(c, created.meta());
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        created.keys().destroy();
                        throw e;
                    }
                    return created.keys();
                }
                StoreKeys keys = StoreMeta.unlock(label, meta, rootKey, PostgresSchema.VERSION);
                try {
                    int from = StoreMeta.version(label, meta, PostgresSchema.VERSION);
                    if (from < PostgresSchema.VERSION) {
                        PostgresSchema.migrate(c, from);
                        PostgresSchema.writeMeta(c, StoreMeta.withVersion(meta, keys, PostgresSchema.VERSION));
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    keys.destroy();
                    throw e;
                }
                return keys;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw PostgresFailures.of(label, "open", e);
        }
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return run(false, work);
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return run(true, work);
    }

    private <T> T run(boolean write, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        if (Boolean.TRUE.equals(inTransaction.get())) {
            throw new IllegalStateException("a store transaction cannot start inside another on the same thread");
        }
        enter();
        inTransaction.set(Boolean.TRUE);
        try (Connection c = connect()) {
            try {
                exec(c, write ? BEGIN_WRITE : BEGIN_READ);
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw PostgresFailures.of(label, write ? "begin write transaction" : "begin read transaction", e);
            }
            JdbcTransaction tx = new JdbcTransaction(c, write, keys, label, PostgresFailures::of);
            T result;
            try {
                result = work.apply(tx);
            } catch (Throwable t) {
                tx.end();
                rollbackQuietly(c);
                throw t;
            }
            tx.end();
            try {
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw PostgresFailures.of(label, "commit", e);
            }
            return result;
        } catch (SQLException e) {
            throw PostgresFailures.of(label, "close connection", e);
        } finally {
            inTransaction.remove();
            leave();
        }
    }

    private Connection connect() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw PostgresFailures.of(label, "connect", e);
        }
    }

    /**
     * Checks every row MAC and every sealed secret of the store.
     *
     * @throws StoreCorruptedException at the first problem
     */
    public void checkIntegrity() {
        read(tx -> {
            ((JdbcTransaction) tx).verifyAllRows();
            return null;
        });
    }

    /**
     * Not supported: back up a PostgreSQL store with PostgreSQL's own tools ({@code pg_dump}, or
     * continuous archiving), and keep the root key apart from the dump (docs/store.md).
     */
    @Override
    public void backupTo(Path target) {
        throw new UnsupportedOperationException("store " + label + " is a PostgreSQL database: back it up with"
                + " pg_dump (for example pg_dump -Fc -f keywarden.dump DATABASE) and keep the root key apart from"
                + " the dump; see docs/store.md");
    }

    private synchronized void enter() {
        if (closed) {
            throw new IllegalStateException("store " + label + " is closed");
        }
        active++;
    }

    private void leave() {
        boolean destroy;
        synchronized (this) {
            active--;
            destroy = closed && active == 0;
        }
        if (destroy) {
            pool.close();
            keys.destroy();
        }
    }

    /** Closes the pool; derived keys are zeroed once no transaction runs any more. */
    @Override
    public void close() {
        boolean destroy;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            destroy = active == 0;
        }
        if (destroy) {
            pool.close();
            keys.destroy();
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    @Override
    public String toString() {
        return "PostgresKmsStore[" + label + "]";
    }
}
