package io.keywarden.provider.envelope;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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
 * <p><b>Refresh ahead.</b> With {@code maxMessages} of at least {@value #MIN_REFRESH_AHEAD_MESSAGES},
 * the first hit that finds an entry half used by messages (counting reserved ones) or three
 * quarters through its {@code maxAge} is told so
 * ({@link Lease#refreshDue}); its caller passes {@link #refreshAhead} the same backend call a miss
 * would make, and makes it, while the other threads keep using the entry. The fresh entry waits
 * beside the old one and takes its place when the old one is used up, so one thread calls the
 * backend per entry, instead of every thread that finds the entry used up at once. A refresh that
 * fails, or does not finish in time, changes nothing: the next miss calls the backend itself and
 * reports its error. At most one refresh per entry, only while the entry is in use; at most
 * {@code 2 × maxEntries} data keys are held. A decryption cache refreshes ahead only the entries of
 * wrapped keys whose entry was used up before: a data key that is decrypted once for each message
 * it encrypted is used up by the encryption side's own limit, and a refresh would be a wasted call.
 *
 * <p><b>Eviction</b> is FIFO: when a new key would make more than {@code maxEntries} entries, the
 * entry put longest ago is evicted (hits do not refresh an entry's place).
 */
public final class DataKeyCache {

    /** What the cache keeps per data key. The data key is returned as a copy by {@link DataKeyCache#acquire}. */
    public static final class Entry {
        private static final VarHandle MESSAGES;
        private static final VarHandle BYTES;
        private static final VarHandle REFRESH;
        private static final int LIVE = 0;
        private static final int USED_UP = 1;
        private static final int DROPPED = 2;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MESSAGES = lookup.findVarHandle(Entry.class, "messages", long.class);
                BYTES = lookup.findVarHandle(Entry.class, "bytes", long.class);
                REFRESH = lookup.findVarHandle(Entry.class, "refreshClaimed", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final byte[] dataKey;
        private final byte[] wrappedKey;
        private final String keyArn;
        private final long created;
        private volatile long messages; // MESSAGES: compare-and-set, never past maxMessages
        private volatile long bytes; // BYTES: atomic adds (both counters in the entry: one cache line per hit)
        private final StampedLock lock = new StampedLock();
        private boolean zeroed; // written under the write lock, read under a (validated optimistic) read
        private volatile boolean refreshClaimed; // REFRESH: set once, by the hit that reports refreshDue
        /** The refreshed entry waiting to replace this one; under the cache's evictionLock. */
        private Entry successor;
        /** LIVE, USED_UP (a successor may take its place) or DROPPED; under the cache's evictionLock. */
        private int state = LIVE;

        /** Whether this entry is refreshed ahead when due (see the class comment). */
        private final boolean refreshAhead;

        /**
         * @param messages already counted: 1 when put with its first message, 0 when refreshed ahead
         * @param refreshAhead whether to refresh it ahead when due
         */
        Entry(byte[] dataKey, byte[] wrappedKey, String keyArn, long created, long messages, boolean refreshAhead) {
            this.messages = messages;
            this.refreshAhead = refreshAhead;
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

        /** True for exactly one caller: the one that is to start this entry's refresh. */
        boolean claimRefresh() {
            return !refreshClaimed && REFRESH.compareAndSet(this, false, true);
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
     * that a concurrent eviction cannot zero them. {@code refreshDue}: this hit found the entry due
     * for its refresh (see the class comment), and its caller is the one to pass {@link #refreshAhead}
     * a fresh data key's call.
     */
    public record Lease(Entry entry, byte[] dataKey, byte[] wrappedKey, String keyArn, boolean refreshDue) {
        @Override
        public String toString() {
            return "Lease[keyArn=" + keyArn + "]";
        }
    }

    /** A data key from the backend for {@link #refreshAhead}; the cache copies and zeroes it. */
    public record Fresh(byte[] dataKey, byte[] wrappedKey, String keyArn) {
        @Override
        public String toString() {
            return "DataKeyCache.Fresh[keyArn=" + keyArn + "]";
        }
    }

    /** Refresh ahead only with at least this many messages per entry (below, a refresh is a large share). */
    static final long MIN_REFRESH_AHEAD_MESSAGES = 64;

    private final DataKeyCachePolicy policy;
    private final LongSupplier nanoTime;
    private final Executor refreshes;
    private final long maxAgeNanos;
    /** A hit at or past these reports the entry's refresh as due; Long.MAX_VALUE: never. */
    private final long refreshAtMessages;
    private final long refreshAtAgeNanos;
    private final ConcurrentHashMap<CacheKey, Entry> entries = new ConcurrentHashMap<>();
    private final Object evictionLock = new Object();
    private final ArrayDeque<Slot> order = new ArrayDeque<>(); // put order, oldest first; under evictionLock
    /** Whether every entry is refreshed ahead, or only those of keys whose entry was used up before. */
    private final boolean refreshNewKeys;
    /** With refreshNewKeys off: the keys whose entry was used up, the last maxEntries of them; under evictionLock. */
    private final LinkedHashMap<CacheKey, Boolean> usedUpBefore;

    /** An encryption cache: every entry is refreshed ahead when due. */
    public DataKeyCache(DataKeyCachePolicy policy) {
        this(policy, true);
    }

    /**
     * @param refreshNewKeys true for an encryption cache (every entry is refreshed ahead when due);
     *        false for a decryption cache, whose entry for a wrapped key is refreshed ahead only if an
     *        entry for the same key was used up before (a data key decrypted once per message it
     *        encrypted never needs a second Decrypt)
     */
    public DataKeyCache(DataKeyCachePolicy policy, boolean refreshNewKeys) {
        this(policy, System::nanoTime, Runnable::run, refreshNewKeys);
    }

    DataKeyCache(DataKeyCachePolicy policy, LongSupplier nanoTime) {
        this(policy, nanoTime, Runnable::run, true);
    }

    /** @param refreshes where refreshes run: on the calling thread, except in tests of their timing */
    DataKeyCache(DataKeyCachePolicy policy, LongSupplier nanoTime, Executor refreshes, boolean refreshNewKeys) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.refreshNewKeys = refreshNewKeys;
        int remembered = policy.maxEntries();
        this.usedUpBefore = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, Boolean> eldest) {
                return size() > remembered;
            }
        };
        this.nanoTime = nanoTime;
        this.refreshes = Objects.requireNonNull(refreshes, "refreshes");
        this.maxAgeNanos = policy.maxAge().toNanos();
        boolean ahead = policy.maxMessages() >= MIN_REFRESH_AHEAD_MESSAGES;
        this.refreshAtMessages = ahead ? policy.maxMessages() / 2 : Long.MAX_VALUE;
        this.refreshAtAgeNanos = ahead ? maxAgeNanos - maxAgeNanos / 4 : Long.MAX_VALUE;
    }

    /** The most messages a thread reserves from an entry at a time. */
    static final int MAX_RESERVATION = 16;

    /** A thread adds the bytes it counted on its reserved entry once they reach this many. */
    static final long BYTES_PER_FLUSH = 64 * 1024;

    private static final ThreadLocal<Reservation> RESERVATIONS = ThreadLocal.withInitial(Reservation::new);

    /**
     * A lease on a usable entry for {@code key}, counting one message; null if none (the caller then
     * puts one). When the entry in the map is used up and its refreshed successor takes its place,
     * the lease is on the successor.
     */
    public Lease acquire(byte[] key) {
        CacheKey k = new CacheKey(key);
        Reservation r = RESERVATIONS.get();
        Entry e = entries.get(k);
        for (int attempt = 0; e != null && attempt < 3; attempt++) {
            Lease l = acquire(k, e, r);
            if (l != null) {
                return l;
            }
            Entry next = entries.get(k); // a successor, if one took the used-up entry's place
            e = next == e ? null : next;
        }
        return null;
    }

    private Lease acquire(CacheKey k, Entry e, Reservation r) {
        r.moveTo(e);
        long age = nanoTime.getAsLong() - e.created;
        if (age >= maxAgeNanos || e.bytes() + r.pendingBytes >= policy.maxBytes()) {
            usedUp(k, e);
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
                usedUp(k, e);
                r.drop();
                return null;
            }
            r.holdsLast = got < 0;
            r.left = Math.abs(got);
            r.size = Math.min(MAX_RESERVATION, 2 * r.size);
        }
        r.left--;
        boolean refreshDue = e.refreshAhead && (e.messages() >= refreshAtMessages || age >= refreshAtAgeNanos)
                && e.claimRefresh();
        Lease lease = new Lease(e, dataKey, e.wrappedKey == null ? null : e.wrappedKey.clone(), e.keyArn, refreshDue);
        if (r.left == 0 && r.holdsLast) {
            usedUp(k, e); // the last message was just taken: zero the kept key now rather than at the next miss
            r.drop();
        }
        return lease;
    }

    /**
     * Refreshes {@code leased}'s entry (the lease reported {@code refreshDue}): makes {@code call}
     * (the backend call a miss would make), whose data key waits to take the entry's place when the
     * entry is used up. If the entry is already used up by then, and nothing else was put for the
     * key, it is put; if the entry was evicted, cleared or replaced, or the call fails, the result is
     * dropped (zeroed) and the next miss calls again. Never throws for the call's failure.
     */
    public void refreshAhead(byte[] key, Lease leased, Supplier<Fresh> call) {
        CacheKey k = new CacheKey(key.clone());
        Entry e = leased.entry();
        try {
            refreshes.execute(() -> refresh(k, e, call));
        } catch (RejectedExecutionException notNow) {
            // not refreshed ahead: the miss when the entry is used up calls the backend itself
        }
    }

    private void refresh(CacheKey k, Entry e, Supplier<Fresh> call) {
        Fresh f;
        try {
            f = call.get();
        } catch (RuntimeException failed) {
            return; // a refusal or an outage: the next miss calls again and reports it to its caller
        }
        Entry s;
        try {
            s = new Entry(f.dataKey(), f.wrappedKey(), f.keyArn(), nanoTime.getAsLong(), 0, true);
        } finally {
            Arrays.fill(f.dataKey(), (byte) 0);
        }
        synchronized (evictionLock) {
            if (e.state == Entry.LIVE && entries.get(k) == e) {
                e.successor = s;
                return;
            }
            if (e.state == Entry.USED_UP && !entries.containsKey(k)) {
                insert(k, s);
                return;
            }
        }
        s.zero();
    }

    /**
     * Adds a fresh entry (already counting one message), replacing and zeroing any entry for the same
     * key, and evicting (zeroing) the entries put longest ago so that at most maxEntries remain.
     */
    public Lease put(byte[] key, byte[] dataKey, byte[] wrappedKey, String keyArn) {
        CacheKey k = new CacheKey(key.clone());
        Lease lease;
        synchronized (evictionLock) {
            Entry e = new Entry(dataKey, wrappedKey, keyArn, nanoTime.getAsLong(), 1,
                    refreshNewKeys || usedUpBefore.containsKey(k));
            lease = new Lease(e, e.dataKey.clone(), e.wrappedKey == null ? null : e.wrappedKey.clone(), keyArn, false);
            insert(k, e);
        }
        return lease;
    }

    /** Puts {@code e} for {@code k} (see {@link #put}); under evictionLock. */
    private void insert(CacheKey k, Entry e) {
        if (!entries.containsKey(k)) {
            while (entries.size() >= policy.maxEntries() && !order.isEmpty()) {
                Slot oldest = order.poll();
                drop(oldest.key(), oldest.entry());
            }
        }
        Entry old = entries.put(k, e);
        if (old != null) {
            dropEntry(old);
        }
        addSlot(k, e);
    }

    /** Adds {@code e}'s place in the put order, purging the slots of dropped entries now and then; under evictionLock. */
    private void addSlot(CacheKey k, Entry e) {
        order.add(new Slot(k, e));
        if (order.size() > 2 * policy.maxEntries()) {
            order.removeIf(s -> entries.get(s.key()) != s.entry()); // slots of expired or replaced entries
        }
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

    /** Zeroes and drops every entry, and the refreshed entries waiting beside them. */
    public void clear() {
        synchronized (evictionLock) {
            for (Slot s : order) {
                drop(s.key(), s.entry());
            }
            order.clear();
            usedUpBefore.clear();
        }
    }

    /**
     * {@code e} is used up (its messages, age or bytes): its successor, if one is waiting and
     * {@code e} is still the entry for {@code k}, takes its place; {@code e} is dropped and zeroed.
     */
    private void usedUp(CacheKey k, Entry e) {
        synchronized (evictionLock) {
            if (e.state == Entry.LIVE) {
                e.state = Entry.USED_UP;
                if (!refreshNewKeys) {
                    usedUpBefore.put(k, Boolean.TRUE);
                }
                Entry s = e.successor;
                e.successor = null;
                if (s != null && entries.replace(k, e, s)) {
                    addSlot(k, s);
                } else {
                    entries.remove(k, e);
                    if (s != null) {
                        s.zero();
                    }
                }
            }
        }
        e.zero();
    }

    /** Drops {@code e} if it is still the entry for {@code k}, and zeroes it and its successor; under evictionLock. */
    private void drop(CacheKey k, Entry e) {
        entries.remove(k, e);
        dropEntry(e);
    }

    private static void dropEntry(Entry e) {
        e.state = Entry.DROPPED;
        if (e.successor != null) {
            e.successor.zero();
            e.successor = null;
        }
        e.zero();
    }

    /** An entry's place in the put order. */
    private record Slot(CacheKey key, Entry entry) {
        @Override
        public String toString() {
            return "Slot[" + entry + "]";
        }
    }
}
