package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;

/**
 * The durable embedded store: one directory holding the SQLite database {@value #DB_FILE} (WAL mode,
 * {@code synchronous=FULL}, foreign keys on). Write transactions take SQLite's write lock up front
 * ({@code BEGIN IMMEDIATE}) and wait up to {@value #BUSY_TIMEOUT_MS} ms per attempt, {@value
 * #BEGIN_ATTEMPTS} attempts, for other connections or processes; read transactions see a snapshot.
 * Secrets are sealed and every row is MACed under keys derived from the root key (see
 * {@code docs/store.md}). Thread-safe; transactions do not nest on one thread.
 */
public final class SqliteKmsStore implements KmsStore {

    /** The database file inside the store directory. */
    public static final String DB_FILE = "keywarden.db";

    static final int BUSY_TIMEOUT_MS = 5000;
    static final int BEGIN_ATTEMPTS = 3;
    private static final int POOL_MAX = 4;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path label;
    private final Path dbFile;
    private final StoreKeys keys;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final ThreadLocal<Boolean> inTransaction = new ThreadLocal<>();
    private int active;
    private boolean closed;

    private SqliteKmsStore(Path label, Path dbFile, StoreKeys keys, Connection first) {
        this.label = label;
        this.dbFile = dbFile;
        this.keys = keys;
        idle.push(first);
    }

    /**
     * Opens the store in {@code dir}, creating the directory (permissions 0700), the database and
     * its schema on first use.
     *
     * @throws StoreCorruptedException when the database is corrupted or not a database
     * @throws RootKeyException when the root key cannot be obtained or does not open the store
     * @throws KMSInternalException for other failures
     */
    public static SqliteKmsStore open(Path dir, RootKeySource rootKey) {
        Objects.requireNonNull(rootKey, "rootKey");
        Path d = dir.toAbsolutePath().normalize();
        StoreFiles.createPrivateDirectory(d);
        return openFile(d, d.resolve(DB_FILE), rootKey, true);
    }

    /**
     * Replaces the database of the store in {@code storeDir} with {@code backupFile}, after
     * verifying the backup completely: SQLite integrity check, root key verifier, every row MAC and
     * every sealed secret. A backup that fails any check is refused and the store is left as it was.
     * The store must not be open in any process while it is restored.
     *
     * @throws StoreCorruptedException when the backup is damaged or was tampered with
     * @throws RootKeyException when {@code rootKey} does not open the backup
     */
    public static void restore(Path backupFile, Path storeDir, RootKeySource rootKey) {
        Path backup = backupFile.toAbsolutePath().normalize();
        Path dir = storeDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(backup)) {
            throw new KMSInternalException("backup " + backup + " does not exist or is not a file");
        }
        StoreFiles.createPrivateDirectory(dir);
        Path staged = dir.resolve(DB_FILE + ".restore");
        StoreFiles.deleteDatabase(staged);
        try {
            StoreFiles.copyPrivate(backup, staged);
            try (SqliteKmsStore candidate = openFile(backup, staged, rootKey, false)) {
                candidate.checkIntegrity();
            }
            StoreFiles.setRollbackJournal(backup, staged);
            StoreFiles.replaceDatabase(dir, staged, dir.resolve(DB_FILE));
        } catch (RuntimeException e) {
            StoreFiles.deleteDatabase(staged);
            throw e;
        }
    }

    static SqliteKmsStore openFile(Path label, Path dbFile, RootKeySource rootKey, boolean mayCreate) {
        if (mayCreate) {
            StoreFiles.createPrivateFile(dbFile);
        }
        checkHeader(label, dbFile);
        if (mayCreate) {
            formatIfNew(label, dbFile);
        }
        Connection c = connect(label, dbFile);
        try {
            checkQuick(label, c, "quick_check");
            StoreKeys keys = SqliteSchema.isEmpty(c)
                    ? initialize(label, c, rootKey, mayCreate)
                    : unlock(label, c, rootKey, SqliteSchema.readMeta(c));
            if (SqliteSchema.lacksAdditions(c)) {
                SqliteSchema.addMissing(c);
            }
            return new SqliteKmsStore(label, dbFile, keys, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqlFailures.of(label, "open", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * The page size of a new store's database (docs/store.md): 16 KiB rather than SQLite's 4 KiB,
     * since the store is mostly the append-only audit trail of ~1 KB events, whose single writer
     * bounds the uncached data plane: 14–49% faster with it (docs/performance-history.md, "16 KiB
     * store pages"). A database's page size is fixed once it is in WAL mode, so stores created
     * before keep theirs.
     */
    static final int NEW_DATABASE_PAGE_SIZE = 16 * 1024;

    /** Gives a new, still empty database file its page size, then WAL mode (which writes its header). */
    private static void formatIfNew(Path label, Path dbFile) {
        try {
            if (Files.size(dbFile) != 0) {
                return;
            }
        } catch (IOException e) {
            throw new KMSInternalException("store " + label + ": cannot read " + dbFile + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = config.createConnection("jdbc:sqlite:" + dbFile)) {
            exec(c, "PRAGMA page_size = " + NEW_DATABASE_PAGE_SIZE); // ignored if another process formatted it first
            exec(c, "PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw SqlFailures.of(label, "format new database", e);
        }
    }

    private static void checkHeader(Path label, Path dbFile) {
        try (InputStream in = Files.newInputStream(dbFile)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (head.length > 0 && !Arrays.equals(head, SQLITE_MAGIC)) {
                throw new StoreCorruptedException(label, dbFile.getFileName() + " is not an SQLite database");
            }
        } catch (IOException e) {
            throw new KMSInternalException("store " + label + ": cannot read " + dbFile + ": " + e.getMessage(), e);
        }
    }

    private static void checkQuick(Path label, Connection c, String pragma) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new StoreCorruptedException(label, pragma + " failed: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
    }

    private static StoreKeys initialize(Path label, Connection c, RootKeySource rootKey, boolean mayCreate)
            throws SQLException {
        if (!mayCreate) {
            throw new StoreCorruptedException(label, "the database holds no keywarden schema");
        }
        begin(label, c, true);
        try {
            if (!SqliteSchema.isEmpty(c)) {
                // another process created it while we waited for the lock
                exec(c, "ROLLBACK");
                return unlock(label, c, rootKey, SqliteSchema.readMeta(c));
            }
            SqliteSchema.create(c);
            StoreMeta.Created created = StoreMeta.create(rootKey, SqliteSchema.VERSION);
            try {
                SqliteSchema.writeMeta(c, created.meta());
                exec(c, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                created.keys().destroy();
                throw e;
            }
            return created.keys();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    private static StoreKeys unlock(Path label, Connection c, RootKeySource rootKey, Map<String, String> meta)
            throws SQLException {
        StoreKeys keys = StoreMeta.unlock(label.toString(), meta, rootKey, SqliteSchema.VERSION);
        if (StoreMeta.version(label.toString(), meta, SqliteSchema.VERSION) < SqliteSchema.VERSION) {
            try {
                migrate(label, c, keys);
            } catch (RuntimeException | SQLException e) {
                keys.destroy();
                throw e;
            }
        }
        return keys;
    }

    /**
     * Brings the schema to {@link SqliteSchema#VERSION} in one write transaction and re-computes the
     * verifier over the new metadata; a process that finds the store already migrated does nothing.
     */
    private static void migrate(Path label, Connection c, StoreKeys keys) throws SQLException {
        begin(label, c, true);
        try {
            Map<String, String> meta = SqliteSchema.readMeta(c);
            int from = StoreMeta.version(label.toString(), meta, SqliteSchema.VERSION);
            if (from < SqliteSchema.VERSION) {
                SqliteSchema.migrate(c, from);
                SqliteSchema.writeMeta(c, StoreMeta.withVersion(meta, keys, SqliteSchema.VERSION));
            }
            exec(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
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
        Connection c = acquire();
        boolean healthy = false;
        inTransaction.set(Boolean.TRUE);
        try {
            begin(label, c, write);
            JdbcTransaction tx = new JdbcTransaction(c, write, keys, label.toString(), SqliteKmsStore::failure);
            T result;
            try {
                result = work.apply(tx);
            } catch (Throwable t) {
                tx.end();
                healthy = rollbackQuietly(c);
                throw t;
            }
            tx.end();
            try {
                exec(c, "COMMIT");
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw SqlFailures.of(label, "commit", e);
            }
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw SqlFailures.of(label, write ? "begin write transaction" : "begin read transaction", e);
        } finally {
            inTransaction.remove();
            release(c, healthy);
        }
    }

    /** Starts a transaction; a write lock still busy after the busy timeout is retried a bounded number of times. */
    private static void begin(Path label, Connection c, boolean write) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                exec(c, write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
                return;
            } catch (SQLException e) {
                if (!SqlFailures.isBusy(e) || attempt >= BEGIN_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Checks the whole store: SQLite's full {@code PRAGMA integrity_check}, every row MAC and every
     * sealed secret.
     *
     * @throws StoreCorruptedException at the first problem
     */
    public void checkIntegrity() {
        read(tx -> {
            try {
                checkQuick(label, connectionOf(tx), "integrity_check");
            } catch (SQLException e) {
                throw SqlFailures.of(label, "integrity check", e);
            }
            ((JdbcTransaction) tx).verifyAllRows();
            return null;
        });
    }

    private Connection connectionOf(StoreTransaction tx) {
        return ((JdbcTransaction) tx).connection();
    }

    /**
     * Writes a consistent copy of the database to {@code target} (with {@code VACUUM INTO}) while
     * the store stays in use. The copy holds only sealed secrets; it is useless without the root key,
     * which is not in it and must be kept separately. {@code target} must not exist.
     */
    @Override
    public void backupTo(Path target) {
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t)) {
            throw new IllegalArgumentException("backup target " + t + " already exists");
        }
        Path partial = t.resolveSibling(t.getFileName() + ".partial");
        Connection c = acquire();
        boolean healthy = false;
        try {
            Files.deleteIfExists(partial);
            StoreFiles.createPrivateFile(partial);
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, partial.toString());
                ps.execute();
            }
            healthy = true;
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(partial, t, StandardCopyOption.ATOMIC_MOVE);
            StoreFiles.syncDirectory(t.getParent());
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw SqlFailures.of(label, "backup to " + t, e);
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(partial);
            throw new IllegalArgumentException("backup target " + t + " already exists");
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new KMSInternalException("store " + label + ": backup to " + t + " failed: " + e.getMessage(), e);
        } finally {
            release(c, healthy);
        }
    }

    /**
     * The {@code change_stamp} counter, which triggers bump on every change to keys, materials,
     * aliases, grants and identity policies, from any connection or process.
     */
    @Override
    public long changeStamp() {
        Connection c = acquire();
        boolean healthy = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT n FROM change_stamp WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            long n = rs.next() ? rs.getLong(1) : 0;
            healthy = true;
            return n;
        } catch (SQLException e) {
            throw SqlFailures.of(label, "read change stamp", e);
        } finally {
            release(c, healthy);
        }
    }

    /** The database file of this store. */
    public Path databaseFile() {
        return dbFile;
    }

    private Connection acquire() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("store " + label + " is closed");
            }
            active++;
            Connection c = idle.poll();
            if (c != null) {
                return c;
            }
        }
        try {
            return connect(label, dbFile);
        } catch (RuntimeException e) {
            release(null, false);
            throw e;
        }
    }

    private void release(Connection c, boolean healthy) {
        boolean destroy;
        synchronized (this) {
            active--;
            if (c != null && healthy && !closed && idle.size() < POOL_MAX) {
                idle.push(c);
                c = null;
            }
            destroy = closed && active == 0;
        }
        closeQuietly(c);
        if (destroy) {
            keys.destroy();
        }
    }

    /** Closes the store; derived keys are zeroed once no transaction runs any more. */
    @Override
    public void close() {
        List<Connection> toClose;
        boolean destroy;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
            destroy = active == 0;
        }
        toClose.forEach(SqliteKmsStore::closeQuietly);
        if (destroy) {
            keys.destroy();
        }
    }

    static Connection connect(Path label, Path dbFile) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + dbFile);
            try {
                exec(c, "PRAGMA cell_size_check = ON");
                return c;
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.of(label, "open database", e);
        }
    }

    private static KMSInternalException failure(String store, String operation, SQLException e) {
        return SqlFailures.of(store, operation, e);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean rollbackQuietly(Connection c) {
        try {
            exec(c, "ROLLBACK");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "SqliteKmsStore[" + label + "]";
    }
}
