package io.keywarden.kms.engine;

import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The engine's store with a read cache (docs/engine.md, "Read cache"), for stores that can say when
 * they changed ({@link KmsStore#changeStamp()}); any other store is used as it is. A read runs first
 * on the cache alone and, if it needs anything the cache lacks, again in a real read transaction that
 * fills the cache. The cache is dropped (materials zeroed) when this engine writes — at once — and
 * when the store's change stamp moves: the stamp is read again when it was last confirmed more than
 * {@code recheckNanos} ago, which bounds how long a change made by another process can go unseen.
 */
final class CachingStore implements KmsStore {

    /** Default bound on how late a change by another process is seen: 2 ms. */
    static final long DEFAULT_RECHECK_NANOS = 2_000_000L;

    private final KmsStore raw;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong localWrites = new AtomicLong();
    private volatile ReadCache current;

    private CachingStore(KmsStore raw, long recheckNanos, LongSupplier nanoTime) {
        this.raw = raw;
        this.recheckNanos = recheckNanos;
        this.nanoTime = nanoTime;
    }

    /** {@code raw} with a read cache if it has a change stamp, else {@code raw} itself. */
    static KmsStore over(KmsStore raw, long recheckNanos, LongSupplier nanoTime) {
        return raw.changeStamp() == NO_CHANGE_STAMP ? raw : new CachingStore(raw, recheckNanos, nanoTime);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        ReadCache cache = generation();
        try {
            return work.apply(new CachedReads(cache, null));
        } catch (RuntimeException e) {
            if (e != CachedReads.MISS) {
                throw e;
            }
        }
        return raw.read(tx -> work.apply(new CachedReads(cache, tx)));
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        try {
            return raw.write(work);
        } finally {
            invalidate();
        }
    }

    /** Drops the cache (this process changed, or may have changed, the store). */
    void invalidate() {
        localWrites.incrementAndGet();
        ReadCache c = current;
        if (c != null) {
            c.retire();
        }
    }

    /**
     * A token of what the store holds now: the same object while nothing changed (a write by this
     * engine at once, a change by another process once the stamp is read again, within
     * {@code recheckNanos}). MAC sessions hold on to it (docs/engine.md, "MAC sessions").
     */
    Object currentGeneration(long now) {
        return generation(now);
    }

    /** The time this store's recheck window is measured in (the engine's monotonic clock). */
    long nanoTime() {
        return nanoTime.getAsLong();
    }

    /** The generation valid now: the same while the stamp is confirmed and nothing was written here. */
    private ReadCache generation() {
        return generation(nanoTime.getAsLong());
    }

    private ReadCache generation(long now) {
        ReadCache c = current;
        long writes = localWrites.get();
        if (c != null && c.localWrites == writes && now - c.checkedAt < recheckNanos) {
            return c;
        }
        long stamp = raw.changeStamp();
        if (c != null && c.stamp == stamp && c.localWrites == writes) {
            c.checkedAt = now;
            return c;
        }
        ReadCache fresh = new ReadCache(stamp, writes, now);
        current = fresh;
        if (c != null) {
            c.retire();
        }
        return fresh;
    }

    @Override
    public long changeStamp() {
        return raw.changeStamp();
    }

    @Override
    public void backupTo(Path target) {
        raw.backupTo(target);
    }

    @Override
    public void close() {
        ReadCache c = current;
        if (c != null) {
            c.retire();
        }
        raw.close();
    }

    @Override
    public String toString() {
        return "CachingStore[" + raw + "]";
    }
}
