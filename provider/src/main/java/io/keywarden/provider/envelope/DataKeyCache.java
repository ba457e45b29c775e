package io.keywarden.provider.envelope;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A bounded cache of plaintext data keys under a {@link DataKeyCachePolicy}. Entries are looked up by
 * an opaque byte key (the caller builds it from the key id, the canonical context and, for
 * decryption, the wrapped key). {@link #acquire} hands out a copy of the data key and counts one
 * message; entries past a limit, and entries evicted for room, are zeroed. Thread-safe.
 */
public final class DataKeyCache {

    /** What the cache keeps per data key. The data key is returned as a copy by {@link DataKeyCache#acquire}. */
    public static final class Entry {
        private final byte[] dataKey;
        private final byte[] wrappedKey;
        private final String keyArn;
        private final long created;
        private long messages;
        private long bytes;

        Entry(byte[] dataKey, byte[] wrappedKey, String keyArn, long created) {
            this.dataKey = dataKey.clone();
            this.wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
            this.keyArn = keyArn;
            this.created = created;
        }

        void zero() {
            Arrays.fill(dataKey, (byte) 0);
        }

        @Override
        public String toString() {
            return "DataKeyCache.Entry[keyArn=" + keyArn + ", messages=" + messages + ", bytes=" + bytes + "]";
        }
    }

    /**
     * One use of an entry: copies of its data key (the holder zeroes it) and wrapped key, taken under
     * the cache's lock so that a concurrent eviction cannot zero them.
     */
    public record Lease(Entry entry, byte[] dataKey, byte[] wrappedKey, String keyArn) {
        @Override
        public String toString() {
            return "Lease[keyArn=" + keyArn + "]";
        }
    }

    private final DataKeyCachePolicy policy;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    public DataKeyCache(DataKeyCachePolicy policy) {
        this(policy, System::nanoTime);
    }

    DataKeyCache(DataKeyCachePolicy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
    }

    public DataKeyCachePolicy policy() {
        return policy;
    }

    /** A lease on a usable entry for {@code key}, counting one message; null if none (the caller then puts one). */
    public synchronized Lease acquire(byte[] key) {
        Key k = new Key(key);
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        if (!usable(e)) {
            entries.remove(k);
            e.zero();
            return null;
        }
        e.messages++;
        return lease(e);
    }

    private static Lease lease(Entry e) {
        return new Lease(e, e.dataKey.clone(), e.wrappedKey == null ? null : e.wrappedKey.clone(), e.keyArn);
    }

    /** Adds a fresh entry (already counting one message), evicting the oldest beyond maxEntries. */
    public synchronized Lease put(byte[] key, byte[] dataKey, byte[] wrappedKey, String keyArn) {
        Entry e = new Entry(dataKey, wrappedKey, keyArn, nanoTime.getAsLong());
        e.messages = 1;
        Entry old = entries.put(new Key(key), e);
        if (old != null) {
            old.zero();
        }
        Iterator<Entry> it = entries.values().iterator();
        while (entries.size() > policy.maxEntries() && it.hasNext()) {
            it.next().zero();
            it.remove();
        }
        return lease(e);
    }

    /** Counts plaintext bytes encrypted or decrypted with an entry. */
    public synchronized void addBytes(Entry e, long n) {
        e.bytes += n;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Zeroes and drops every entry. */
    public synchronized void clear() {
        entries.values().forEach(Entry::zero);
        entries.clear();
    }

    private boolean usable(Entry e) {
        return nanoTime.getAsLong() - e.created < policy.maxAge().toNanos()
                && e.messages < policy.maxMessages() && e.bytes < policy.maxBytes();
    }

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Key[<" + bytes.length + " bytes>]";
        }
    }
}
