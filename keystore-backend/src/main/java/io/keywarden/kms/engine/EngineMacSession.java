package io.keywarden.kms.engine;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MacSession;
import io.keywarden.kms.api.OpenMacSessionRequest;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.crypto.KeyMaterial;
import io.keywarden.kms.crypto.KeySpecStrategies;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javax.crypto.Mac;

/**
 * The embedded engine's {@link MacSession} (docs/engine.md, "MAC sessions"). It keeps a copy of
 * the HMAC key's material to initialize computations, and the current {@link Authorization}; each
 * released MAC is counted against it (a computation takes {@link #BATCH} at a time). When it no
 * longer holds, the releasing thread renews it with
 * the engine's audited OpenMacSession call; a refusal is thrown and the MAC is not released. An HMAC
 * key's material never changes (HMAC keys do not rotate, and only the same material can be imported
 * again), so a MAC computed before a renewal is the one the renewed authorization would give.
 */
final class EngineMacSession implements MacSession {

    /**
     * MACs a computation takes from an authorization at a time, so that threads do not contend on
     * its counter for every MAC; the total taken never exceeds {@code maxMessages} (a batch is cut
     * to what is left), and what a computation took but did not use is simply not released.
     */
    static final int BATCH = 64;

    /** One authorization: its limits, and how many MACs were taken from it. */
    private static final class Authorization {
        final Object generation;
        final long deadline;
        final Instant dueAt;
        final AtomicLong taken = new AtomicLong();

        Authorization(MacSessionOperations.Granted g, long deadline) {
            this.generation = g.generation();
            this.deadline = deadline;
            this.dueAt = g.dueAt();
        }
    }

    private final OpenMacSessionRequest request;
    private final Function<OpenMacSessionRequest, MacSessionOperations.Granted> authorize;
    private final CachingStore store;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long maxMessages;
    private final long maxAgeNanos;
    private final String keyArn;
    private final MacAlgorithmSpec algorithm;
    private final KeySpec keySpec;
    private final KeyMaterial material;
    private final int macLength;
    private volatile Authorization current;
    private volatile boolean closed;

    /**
     * @param first the authorization that opened the session (its material is kept, not copied)
     * @param authorize the engine's audited OpenMacSession call, for renewals
     */
    EngineMacSession(OpenMacSessionRequest request, MacSessionOperations.Granted first,
            Function<OpenMacSessionRequest, MacSessionOperations.Granted> authorize, CachingStore store, Clock clock,
            LongSupplier nanoTime) {
        this.request = request;
        this.authorize = authorize;
        this.store = store;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.maxMessages = MacSessionOperations.maxMessages(request);
        this.maxAgeNanos = TimeUnit.SECONDS.toNanos(MacSessionOperations.maxAgeSeconds(request));
        this.keyArn = first.keyArn();
        this.algorithm = first.macAlgorithm();
        this.keySpec = first.keySpec();
        this.material = first.material();
        this.macLength = newMac().getMacLength();
        this.current = new Authorization(first, nanoTime.getAsLong() + maxAgeNanos);
    }

    @Override
    public String keyArn() {
        return keyArn;
    }

    @Override
    public MacAlgorithmSpec macAlgorithm() {
        return algorithm;
    }

    @Override
    public int macLength() {
        return macLength;
    }

    @Override
    public Computation newComputation() {
        return new EngineComputation(newMac());
    }

    private Mac newMac() {
        synchronized (material) { // not while close() zeroes it
            if (closed) {
                throw new IllegalStateException("The MAC session of " + keyArn + " is closed.");
            }
            return KeySpecStrategies.forSpec(keySpec).newMac(keySpec, material, algorithm);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (material) {
            closed = true;
            Arrays.fill(material.secret(), (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "MacSession[" + keyArn + "]";
    }

    /**
     * Counts one MAC of {@code c} against the current authorization, renewing it first when it no
     * longer holds: from the computation's batch while it lasts, else by taking a new batch.
     */
    private void admitOne(EngineComputation c) {
        Authorization a = current;
        if (c.batchOf == a && c.left > 0 && holds(a)) {
            c.left--;
            return;
        }
        while (true) {
            if (holds(a)) {
                long got = take(a);
                if (got > 0) {
                    c.batchOf = a;
                    c.left = got - 1; // this MAC
                    return;
                }
            }
            synchronized (this) {
                if (current == a) {
                    MacSessionOperations.Granted g = authorize.apply(request);
                    Arrays.fill(g.material().secret(), (byte) 0); // the session keeps its own copy
                    if (!g.keyArn().equals(keyArn)) {
                        close();
                        throw new KMSInvalidStateException(request.keyId() + " now names another key than "
                                + keyArn + ", on which this MAC session was opened; open a new session.");
                    }
                    current = new Authorization(g, nanoTime.getAsLong() + maxAgeNanos);
                }
                a = current;
            }
        }
    }

    /** Takes up to {@link #BATCH} MACs from {@code a}; how many it got (0: none left). */
    private long take(Authorization a) {
        while (true) {
            long used = a.taken.get();
            long n = Math.min(BATCH, maxMessages - used);
            if (n <= 0) {
                return 0;
            }
            if (a.taken.compareAndSet(used, used + n)) {
                return n;
            }
        }
    }

    /** Whether {@code a} still holds, apart from its count: its age, the key's due time, the store. */
    private boolean holds(Authorization a) {
        long now = nanoTime.getAsLong(); // one clock read per MAC (about 30 ns on a VM's kvm-clock)
        return now - a.deadline < 0
                && (a.dueAt == null || clock.instant().isBefore(a.dueAt))
                && store.currentGeneration(now) == a.generation;
    }

    /** One thread's computation: a Mac initialized with the key. */
    private final class EngineComputation implements Computation {
        private final Mac mac;
        /** The authorization this computation's batch of MACs came from, and how many are left. */
        private Authorization batchOf;
        private long left;

        EngineComputation(Mac mac) {
            this.mac = mac;
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            mac.update(input, offset, length);
        }

        @Override
        public void update(ByteBuffer input) {
            mac.update(input);
        }

        @Override
        public byte[] doFinal() {
            byte[] out = mac.doFinal();
            try {
                admitOne(this);
            } catch (RuntimeException e) {
                Arrays.fill(out, (byte) 0);
                throw e;
            }
            return out;
        }

        @Override
        public void reset() {
            mac.reset();
        }
    }
}
