package io.keywarden.provider.envelope;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongSupplier;

/**
 * A bounded cache of plaintext data keys under a {@link DataKeyCachePolicy}. Entries are looked up by
 * an opaque byte key (the caller builds it from the key id, the canonical context and, for
 * decryption, the wrapped key). {@link #acquire} hands out a copy of the data key and counts one
 * message; entries past a limit, and entries evicted for room, are zeroed. Thread-safe.
 *
 * <p><b>Concurrency.</b> A hit ({@link #acquire}) and {@link #addBytes} take no lock. The entries
 * live in a {@link ConcurrentHashMap}. A hit checks the entry's age and byte count, copies its data
 * key under a {@link StampedLock} optimistic read (retried under the read lock if a zeroing
 * interfered; zeroing takes the write lock, so a copy is never of a partly zeroed key, and a zeroed
 * entry's key is never handed out), then counts the message. Copying before counting means a counted
 * message always gets its key.
 *
 * <p><b>Per-thread reservations.</b> A thread does not count its messages on the entry one by one
 * (two counters written on every hit move the entry's cache line between the cores at every
 * message). Each thread reserves messages from the entry with one compare-and-set that never passes
 * {@code maxMessages} — 1 at first, doubling up to {@value #MAX_RESERVATION} while the thread keeps
 * using that entry — and uses them up locally. The
 * bound stays hard: an entry serves at most {@code maxMessages} messages whatever the threads; a
 * reservation that is not used up (its thread moved on, or the entry was dropped) is simply never
 * served, so an entry may serve fewer. The thread whose reservation took the entry's last messages
 * drops and zeroes it when it has used them. Plaintext bytes a thread counts on the entry it has
 * reserved from are added to the entry every {@value #BYTES_PER_FLUSH} bytes, when the thread moves
 * to another entry, and are included in that thread's own checks, so another thread's check may miss
 * at most {@value #BYTES_PER_FLUSH} bytes per thread (maxBytes is a hygiene bound: the per-message
 * key, not the byte count, keeps GCM within its limits).
 *
 * <p><b>Eviction</b> is FIFO: when a new key would make more than {@code maxEntries} entries, the
 * entry put longest ago is evicted (hits do not refresh an entry's place).
 */
public final class DataKeyCache {

    /** What the cache keeps per data key. The data key is returned as a copy by {@link DataKeyCache#acquire}. */
    public static final class Entry {
        private static final VarHandle MESSAGES;
        private static final VarHandle BYTES;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MESSAGES = lookup.findVarHandle(Entry.class, "messages", long.class);
                BYTES = lookup.findVarHandle(Entry.class, "bytes", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final byte[] dataKey;
        private final byte[] wrappedKey;
        private final String keyArn;
        private final long created;
        private volatile long messages = 1; // MESSAGES: compare-and-set, never past maxMessages
        private volatile long bytes; // BYTES: atomic adds (both counters in the entry: one cache line per hit)
        private final StampedLock lock = new StampedLock();
        private boolean zeroed; // written under the write lock, read under a (validated optimistic) read

        Entry(byte[] dataKey, byte[] wrappedKey, String keyArn, long created) {
            this.dataKey = dataKey.clone();
            this.wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
            this.keyArn = keyArn;
            this.created = created;
        }

        /**
         * Reserves up to {@code n} more messages, never past {@code max}; how many it got (0: none
         * left) and, as a negative number, when the reservation took the last ones: {@code -got}.
         */
        long reserve(long n, long max) {
            long m;
            long got;
            do {
                m = messages;
                got = Math.min(n, max - m);
                if (got <= 0) {
                    return 0;
                }
            } while (!MESSAGES.compareAndSet(this, m, m + got));
            return m + got == max ? -got : got;
        }

        /** A copy of the data key, or null once the entry is zeroed; never a partly zeroed copy. */
        byte[] copyDataKey() {
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                boolean gone = zeroed;
                byte[] copy = dataKey.clone();
                if (lock.validate(stamp)) {
                    return gone ? discard(copy) : copy;
                }
                Arrays.fill(copy, (byte) 0);
            }
            stamp = lock.readLock();
            try {
                return zeroed ? null : dataKey.clone();
            } finally {
                lock.unlockRead(stamp);
            }
        }

        private static byte[] discard(byte[] copy) {
            Arrays.fill(copy, (byte) 0);
            return null;
        }

        void zero() {
            long stamp = lock.writeLock();
            try {
                zeroed = true;
                Arrays.fill(dataKey, (byte) 0);
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        /** For tests: whether every byte of the kept data key is zero. */
        boolean dataKeyIsZero() {
            long stamp = lock.readLock();
            try {
                for (byte b : dataKey) {
                    if (b != 0) {
                        return false;
                    }
                }
                return true;
            } finally {
                lock.unlockRead(stamp);
            }
        }

        long messages() {
            return messages;
        }

        long bytes() {
            return bytes;
        }

        void addBytes(long n) {
            BYTES.getAndAdd(this, n);
        }

        @Override
        public String toString() {
            return "DataKeyCache.Entry[keyArn=" + keyArn + ", messages=" + messages + ", bytes=" + bytes
                    + "]";
        }
    }

    /**
     * One use of an entry: copies of its data key (the holder zeroes it) and wrapped key, taken so
     * that a concurrent eviction cannot zero them.
     */
    public record Lease(Entry entry, byte[] dataKey, byte[] wrappedKey, String keyArn) {
        @Override
        public String toString() {
            return "Lease[keyArn=" + keyArn + "]";
        }
    }

    private final DataKeyCachePolicy policy;
    private final LongSupplier nanoTime;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Object evictionLock = new Object();
    private final ArrayDeque<Slot> order = new ArrayDeque<>(); // put order, oldest first; under evictionLock

    public DataKeyCache(DataKeyCachePolicy policy) {
        this(policy, System::nanoTime);
    }

    DataKeyCache(DataKeyCachePolicy policy, LongSupplier nanoTime) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoTime = nanoTime;
        this.maxAgeNanos = policy.maxAge().toNanos();
    }

    public DataKeyCachePolicy policy() {
        return policy;
    }

    /** The most messages a thread reserves from an entry at a time. */
    static final int MAX_RESERVATION = 16;

    /** A thread adds the bytes it counted on its reserved entry once they reach this many. */
    static final long BYTES_PER_FLUSH = 64 * 1024;

    /** One thread's reservation on one entry (see the class comment); used by its own thread only. */
    private static final class Reservation {
        Entry entry;
        long left;
        long size = 1;
        boolean holdsLast;
        long pendingBytes;

        /** Makes this the reservation on {@code e}, adding the bytes counted on the previous entry. */
        void moveTo(Entry e) {
            if (entry != e) {
                flush();
                start(e);
            }
        }

        void flush() {
            if (entry != null && pendingBytes > 0) {
                entry.addBytes(pendingBytes);
            }
            pendingBytes = 0;
        }

        /** Forgets the entry (dropped from the cache): its counts no longer matter. */
        void drop() {
            pendingBytes = 0;
            start(null);
        }

        private void start(Entry e) {
            entry = e;
            left = 0;
            size = 1;
            holdsLast = false;
        }
    }

    private static final ThreadLocal<Reservation> RESERVATIONS = ThreadLocal.withInitial(Reservation::new);

    /** A lease on a usable entry for {@code key}, counting one message; null if none (the caller then puts one). */
    public Lease acquire(byte[] key) {
        Key k = new Key(key);
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        Reservation r = RESERVATIONS.get();
        r.moveTo(e);
        if (nanoTime.getAsLong() - e.created >= maxAgeNanos || e.bytes() + r.pendingBytes >= policy.maxBytes()) {
            retire(k, e);
            r.drop();
            return null;
        }
        // Copy first, count second: a counted message always gets its key, even if the entry is
        // zeroed right after (its last message, a concurrent eviction).
        byte[] dataKey = e.copyDataKey();
        if (dataKey == null) {
            r.drop();
            return null; // zeroed by a concurrent eviction, expiry or clear after the lookup
        }
        if (r.left == 0) {
            long got = e.reserve(r.size, policy.maxMessages());
            if (got == 0) {
                Arrays.fill(dataKey, (byte) 0);
                retire(k, e);
                r.drop();
                return null;
            }
            r.holdsLast = got < 0;
            r.left = Math.abs(got);
            r.size = Math.min(MAX_RESERVATION, 2 * r.size);
        }
        r.left--;
        if (r.left == 0 && r.holdsLast) {
            retire(k, e); // the last message was just taken: zero the kept key now rather than at the next miss
            r.drop();
        }
        return new Lease(e, dataKey, e.wrappedKey == null ? null : e.wrappedKey.clone(), e.keyArn);
    }

    /**
     * Adds a fresh entry (already counting one message), replacing and zeroing any entry for the same
     * key, and evicting (zeroing) the entries put longest ago so that at most maxEntries remain.
     */
    public Lease put(byte[] key, byte[] dataKey, byte[] wrappedKey, String keyArn) {
        Key k = new Key(key.clone());
        Entry e = new Entry(dataKey, wrappedKey, keyArn, nanoTime.getAsLong());
        Lease lease = new Lease(e, e.dataKey.clone(), e.wrappedKey == null ? null : e.wrappedKey.clone(), keyArn);
        synchronized (evictionLock) {
            if (!entries.containsKey(k)) {
                while (entries.size() >= policy.maxEntries() && !order.isEmpty()) {
                    Slot oldest = order.poll();
                    retire(oldest.key(), oldest.entry());
                }
            }
            Entry old = entries.put(k, e);
            if (old != null) {
                old.zero();
            }
            order.add(new Slot(k, e));
            if (order.size() > 2 * policy.maxEntries()) {
                order.removeIf(s -> entries.get(s.key()) != s.entry()); // slots of expired or replaced entries
            }
        }
        return lease;
    }

    /** Counts plaintext bytes encrypted or decrypted with an entry (checked at the entry's next acquire). */
    public void addBytes(Entry e, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("byte count must be >= 0");
        }
        Reservation r = RESERVATIONS.get();
        if (r.entry != e) {
            e.addBytes(n);
            return;
        }
        r.pendingBytes += n;
        if (r.pendingBytes >= BYTES_PER_FLUSH) {
            r.flush();
        }
    }

    public int size() {
        return entries.size();
    }

    /** For tests: the length of the put order (live entries plus slots of dropped ones not yet purged). */
    int slots() {
        synchronized (evictionLock) {
            return order.size();
        }
    }

    /** Zeroes and drops every entry. */
    public void clear() {
        synchronized (evictionLock) {
            for (Slot s : order) {
                retire(s.key(), s.entry());
            }
            order.clear();
        }
    }

    /** Drops {@code e} if it is still the entry for {@code k}, and zeroes it in any case. */
    private void retire(Key k, Entry e) {
        entries.remove(k, e);
        e.zero();
    }

    /** An entry's place in the put order. */
    private record Slot(Key key, Entry entry) {
        @Override
        public String toString() {
            return "Slot[" + entry + "]";
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        /**
         * A hash of every byte, eight at a time: {@code Arrays.hashCode} goes byte by byte, which on
         * a decryption key (key id, context and the ~200-byte wrapped key) cost 7% of a cached 1 KiB
         * message.
         */
        @Override
        public int hashCode() {
            long h = bytes.length;
            int i = 0;
            for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
                h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
            }
            for (; i < bytes.length; i++) {
                h = (h ^ bytes[i]) * 0x9E3779B97F4A7C15L;
            }
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public String toString() {
            return "Key[<" + bytes.length + " bytes>]";
        }
    }
}
