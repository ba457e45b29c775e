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
 * released MAC is counted against it. When it no longer holds, the releasing thread renews it with
 * the engine's audited OpenMacSession call; a refusal is thrown and the MAC is not released. An HMAC
 * key's material never changes (HMAC keys do not rotate, and only the same material can be imported
 * again), so a MAC computed before a renewal is the one the renewed authorization would give.
 */
final class EngineMacSession implements MacSession {

    /** One authorization: its limits, and how many MACs it released. */
    private static final class Authorization {
        final Object generation;
        final long deadline;
        final Instant dueAt;
        final AtomicLong released = new AtomicLong();

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

    /** Counts one MAC against the current authorization, renewing it first when it no longer holds. */
    private void admitOne() {
        Authorization a = current;
        while (!admits(a)) {
            synchronized (this) {
                if (current == a) {
                    MacSessionOperations.Granted g = authorize.apply(request);
                    Arrays.fill(g.material().secret(), (byte) 0); // the session keeps its own copy
                    if (!g.keyArn().equals(keyArn)) {
                        close();
                        throw new KMSInvalidStateException(request.keyId() + " now names another key than "
                                + keyArn + ", on which this MAC session was opened; open a new session.");
                    }
                    Authorization renewed = new Authorization(g, nanoTime.getAsLong() + maxAgeNanos);
                    renewed.released.incrementAndGet(); // this MAC
                    current = renewed;
                    return;
                }
                a = current;
            }
        }
    }

    private boolean admits(Authorization a) {
        return a.released.incrementAndGet() <= maxMessages
                && nanoTime.getAsLong() - a.deadline < 0
                && (a.dueAt == null || clock.instant().isBefore(a.dueAt))
                && store.currentGeneration() == a.generation;
    }

    /** One thread's computation: a Mac initialized with the key. */
    private final class EngineComputation implements Computation {
        private final Mac mac;

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
                admitOne();
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
