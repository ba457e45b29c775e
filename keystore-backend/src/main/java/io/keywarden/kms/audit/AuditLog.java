package io.keywarden.kms.audit;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.store.KmsStore;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The audit trail of one engine (docs/audit.md). {@link #begin} starts the record of one call; the
 * event of a state-changing call is appended inside the call's own write transaction (see
 * {@link AuditedCall#store}), the others go through the group-commit {@link AuditWriter} and the
 * call returns only once its event is durable. {@link #close} seals the chain head with a digest.
 */
public final class AuditLog implements AutoCloseable {

    /** How long a call waits for its event to become durable before it fails. */
    static final long DURABLE_TIMEOUT_SECONDS = 60;

    private final KmsStore store;
    private final Clock clock;
    private final String region;
    private final String account;
    private final DigestSigner signer;
    private final AuditChain chain;
    private final AuditWriter writer;

    /**
     * @param region and {@code account}: where this engine's keys live (resource ARNs)
     * @param digestInterval a signed digest every this many events
     * @param commitIntervalMillis the least time between two commits of data-plane events only (0: none)
     */
    public AuditLog(KmsStore store, Clock clock, String region, String account, int digestInterval,
                    long commitIntervalMillis) {
        this.store = store;
        this.clock = clock;
        this.region = region;
        this.account = account;
        this.signer = new DigestSigner(clock);
        this.chain = new AuditChain(signer, digestInterval);
        this.writer = new AuditWriter(store, chain, commitIntervalMillis);
        try {
            Runtime.getRuntime().addShutdownHook(shutdownFlush);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
    }

    /**
     * On a normal JVM exit without {@link #close}, writes the data-plane events still queued (the
     * writer thread is a daemon); removed by {@link #close}.
     */
    private final Thread shutdownFlush = new Thread(() -> flush(10_000), "keywarden-audit-flush");

    /** Starts the record of one call of {@code eventName} by {@code caller} with {@code request}. */
    public AuditedCall begin(String eventName, Object request, Caller caller) {
        return new AuditedCall(this, new AuditEventBuilder(eventName, request, caller, region, account,
                clock.instant()));
    }

    AuditChain chain() {
        return chain;
    }

    /** Appends {@code event} through the writer and waits until it is durable. */
    void recordDurably(String event) {
        try {
            writer.submit(event).get(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notRecorded(e);
        } catch (ExecutionException e) {
            throw notRecorded(e.getCause());
        } catch (TimeoutException e) {
            throw notRecorded(e);
        }
    }

    /**
     * Records the success of a data-plane call without waiting: its event is appended by
     * the writer with the next group commit (docs/audit.md, "Durability"). While the writer is
     * unhealthy (its last batch could not be written) the call waits for durability instead, so a
     * store that refuses events fails the calls rather than losing more of them.
     */
    void recordSoon(java.util.function.Supplier<String> event) {
        if (!writer.healthy() || !writer.submitUnawaited(event)) {
            recordDurably(event.get());
        }
    }

    /** Whether a data-plane call may leave the rendering of its event to the writer ({@link AuditWriter#hasRoom}). */
    boolean writerHasRoom() {
        return writer.healthy() && writer.hasRoom();
    }

    /** Waits (at most {@code millis}) until every event recorded before this call is durable. */
    public void flush(long millis) {
        writer.flush(millis);
    }

    private static KMSInternalException notRecorded(Throwable cause) {
        return new KMSInternalException("The audit event of the request could not be recorded, so the request was"
                + " not completed (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ").", cause);
    }

    /** Writes a digest over the chain head now, if the newest digest does not cover it yet. */
    public void seal() {
        store.write(tx -> {
            signer.seal(tx);
            return null;
        });
    }

    /** Drains the writer and seals the chain head (the digest on close). The store stays open. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownFlush);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) and flushes
        }
        writer.close();
        try {
            seal();
        } catch (RuntimeException e) {
            System.getLogger("io.keywarden.kms").log(System.Logger.Level.WARNING,
                    "could not write the audit digest on close: " + e.getClass().getSimpleName());
        }
    }
}
