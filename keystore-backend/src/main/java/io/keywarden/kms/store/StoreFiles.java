package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** File-level operations of a store: owner-only creation, copies, atomic replacement and fsync. */
final class StoreFiles {

    private StoreFiles() {
    }

    static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (FileAlreadyExistsException raced) {
            // created concurrently
        } catch (IOException e) {
            throw new KMSInternalException("cannot create store directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty file with permissions 0600 unless it exists; SQLite gives its -wal and -shm the same. */
    static void createPrivateFile(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException exists) {
            // an existing store
        } catch (IOException e) {
            throw new KMSInternalException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    static void copyPrivate(Path from, Path to) {
        createPrivateFile(to);
        try (InputStream in = Files.newInputStream(from);
                OutputStream out = Files.newOutputStream(to, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new KMSInternalException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a database file and its -wal, -shm and -journal companions. */
    static void deleteDatabase(Path db) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            } catch (IOException e) {
                throw new KMSInternalException("cannot delete " + db + suffix + ": " + e.getMessage(), e);
            }
        }
    }

    /** Switches a closed database to a rollback journal, so the single file is self-contained. */
    static void setRollbackJournal(Path label, Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw SqlFailures.of(label, "prepare the restored database", e);
        }
        if (Files.exists(db.resolveSibling(db.getFileName() + "-wal"))) {
            throw new KMSInternalException("store " + label + ": the restored database still has a write-ahead log");
        }
    }

    /**
     * Atomically replaces {@code db} with {@code staged}. The current database's write-ahead log is
     * checkpointed first (refused when another connection holds it), so no stale log can be applied to
     * the new file.
     */
    static void replaceDatabase(Path dir, Path staged, Path db) {
        if (Files.exists(db)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + SqliteKmsStore.BUSY_TIMEOUT_MS);
                try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    if (rs.next() && rs.getInt(1) != 0) {
                        throw new KMSInternalException("store " + dir
                                + " is in use by another process; close it everywhere before restoring");
                    }
                }
            } catch (SQLException e) {
                if (SqlFailures.isBusy(e)) {
                    throw new KMSInternalException("store " + dir
                            + " is in use by another process; close it everywhere before restoring", e);
                }
                // a corrupted current database is abandoned anyway: replace it
            }
        }
        try {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
            Files.move(staged, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new KMSInternalException("store " + dir + ": cannot put the restored database in place: "
                    + e.getMessage(), e);
        }
    }

    /** Makes a directory's entries (renames, new files) durable; best effort where unsupported. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not supported on this platform
        }
    }
}
