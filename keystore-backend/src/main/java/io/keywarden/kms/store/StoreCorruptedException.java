package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.nio.file.Path;

/**
 * The store's data failed an integrity check: a row MAC or a sealed secret did not verify, the
 * database file failed {@code PRAGMA quick_check}, or the file is not a database at all. The data is
 * never used. On the wire this is an ordinary {@code KMSInternalException}.
 */
public final class StoreCorruptedException extends KMSInternalException {

    public StoreCorruptedException(Path store, String problem) {
        super("store " + store + " is corrupted or was tampered with: " + problem);
    }

    public StoreCorruptedException(Path store, String problem, Throwable cause) {
        super("store " + store + " is corrupted or was tampered with: " + problem, cause);
    }

    /** For a store named by a label other than a path (a PostgreSQL store's URL without credentials). */
    public StoreCorruptedException(String store, String problem) {
        super("store " + store + " is corrupted or was tampered with: " + problem);
    }

    public StoreCorruptedException(String store, String problem, Throwable cause) {
        super("store " + store + " is corrupted or was tampered with: " + problem, cause);
    }

    @Override
    public String errorType() {
        return "KMSInternalException";
    }
}
