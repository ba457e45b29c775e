package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into typed KMS errors whose messages name the store and the operation, never data. */
final class SqlFailures {

    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;
    static final int SQLITE_CORRUPT = 11;
    static final int SQLITE_NOTADB = 26;
    static final int SQLITE_CONSTRAINT = 19;

    private SqlFailures() {
    }

    /** The primary SQLite result code of a failure (0 when unknown). */
    static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() != null) {
            return se.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    static boolean isBusy(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_BUSY || code == SQLITE_LOCKED;
    }

    static KMSInternalException of(Path store, String operation, SQLException e) {
        return of(store.toString(), operation, e);
    }

    static KMSInternalException of(String store, String operation, SQLException e) {
        int code = primaryCode(e);
        String detail = e.getMessage();
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            return new StoreCorruptedException(store, operation + ": " + detail, e);
        }
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            return new KMSInternalException("store " + store + " is busy: " + operation
                    + " waited too long for another connection or process: " + detail, e);
        }
        return new KMSInternalException("store " + store + ": " + operation + " failed: " + detail, e);
    }
}
