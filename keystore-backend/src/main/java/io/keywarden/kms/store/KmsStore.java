package io.keywarden.kms.store;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The engine's storage interface. A write transaction is serializable across threads and processes
 * and durable when {@link #write} returns; if {@code work} throws, nothing of it is kept. Secrets
 * (key material, wrapping keys) are sealed under the store's root key before they are written.
 * A store that finds its data corrupted or tampered with throws
 * {@link io.keywarden.kms.api.errors.KMSInternalException} instead of using it.
 */
public interface KmsStore extends AutoCloseable {

    <T> T read(Function<StoreTransaction, T> work);

    <T> T write(Function<StoreTransaction, T> work);

    /** What {@link #changeStamp()} returns for a store that cannot tell when it changed. */
    long NO_CHANGE_STAMP = -1;

    /**
     * A number that differs after every committed change to keys, key materials, aliases, grants or
     * identity policies, whoever made it (this process or another one on the same store); reading it
     * is one cheap query. The engine caches key records and materials only for a store that returns
     * a stamp (docs/engine.md, "Read cache"); the default, {@link #NO_CHANGE_STAMP}, means it caches
     * nothing of this store.
     */
    default long changeStamp() {
        return NO_CHANGE_STAMP;
    }

    /** Writes a consistent copy of the whole store to {@code target} while it stays in use. */
    void backupTo(Path target);

    @Override
    void close();
}
