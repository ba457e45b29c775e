package io.keywarden.kms.engine;

import io.keywarden.kms.store.AliasRecord;
import io.keywarden.kms.store.GrantRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.MaterialRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generation of the engine's read cache (docs/engine.md, "Read cache"): what read transactions
 * found — key records, aliases, opened key materials, identity policies, a caller's grants — while
 * the store's change stamp stayed {@link #stamp} and this process wrote nothing. Bounded to
 * {@value #MAX_ENTRIES} entries (further lookups go to the store). {@link #retire()} zeroes the
 * materials it holds; a material is handed out as a copy taken under its holder's lock, so retiring
 * never disturbs a call that already has its copy, and a call that comes too late finds nothing.
 */
final class ReadCache {

    static final int MAX_ENTRIES = 10_000;

    /** What is looked up: the method and its arguments. */
    record Lookup(String method, Object a, Object b) {
    }

    /** An opened key material; its secret is zeroed when the generation retires. */
    static final class Material {
        private final MaterialRecord record;
        private byte[] secret;

        Material(MaterialRecord m) {
            this.record = m;
            this.secret = m.secret() == null ? null : m.secret().clone();
        }

        /** A copy for one call, or null once retired. */
        synchronized MaterialRecord copy() {
            if (secret == null && record.secret() != null) {
                return null;
            }
            return new MaterialRecord(record.keyId(), record.version(), record.keyMaterialId(), record.createdAt(),
                    record.rotationType(), secret == null ? null : secret.clone(), record.publicKey());
        }

        synchronized void zero() {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
                secret = null;
            }
        }

        @Override
        public String toString() {
            return "ReadCache.Material[" + record.keyId() + " v" + record.version() + "]";
        }
    }

    final long stamp;
    final long localWrites;
    /** When the stamp was last confirmed (System.nanoTime). */
    volatile long checkedAt;
    private final Map<Lookup, Object> entries = new ConcurrentHashMap<>();
    private volatile boolean retired;

    ReadCache(long stamp, long localWrites, long checkedAt) {
        this.stamp = stamp;
        this.localWrites = localWrites;
        this.checkedAt = checkedAt;
    }

    /** The cached answer, or null when there is none. */
    Object get(Lookup k) {
        return retired ? null : entries.get(k);
    }

    /** Remembers an answer (values are immutable records, lists, optionals or {@link Material}s). */
    void put(Lookup k, Object value) {
        if (retired || entries.size() >= MAX_ENTRIES) {
            return;
        }
        Object v = value instanceof Optional<?> o && o.isPresent() && o.get() instanceof MaterialRecord m
                ? new Material(m) : value;
        Object old = entries.putIfAbsent(k, v);
        if (old != null && v instanceof Material fresh) {
            fresh.zero();
        }
        if (retired) {
            zeroAll();
        }
    }

    static boolean cacheable(Object value) {
        return value instanceof Optional<?> o && (o.isEmpty() || o.get() instanceof KeyRecord
                || o.get() instanceof AliasRecord || o.get() instanceof MaterialRecord || o.get() instanceof String)
                || value instanceof List<?> l && l.stream().allMatch(x -> x instanceof AliasRecord
                || x instanceof GrantRecord);
    }

    /** Drops this generation and zeroes its materials. */
    void retire() {
        retired = true;
        zeroAll();
    }

    private void zeroAll() {
        for (Object v : entries.values()) {
            if (v instanceof Material m) {
                m.zero();
            }
        }
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "ReadCache[stamp=" + stamp + ", entries=" + entries.size() + "]";
    }
}
