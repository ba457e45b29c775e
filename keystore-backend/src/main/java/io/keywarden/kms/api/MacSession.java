package io.keywarden.kms.api;

import java.nio.ByteBuffer;

/**
 * <b>Keywarden extension</b>: a GenerateMac authorization that covers many MACs, computed where the
 * key is (docs/engine.md, "MAC sessions"). Opened by {@link KmsBackend#openMacSession}, which is
 * policy-checked, throttled and audited like GenerateMac. A MAC is released only while an
 * authorization holds: at most {@code maxMessages} MACs and {@code maxAgeSeconds} per
 * authorization, and nothing changed in the key store since it was given (seen within the
 * engine's read-cache recheck, 2 ms). Past that, the next MAC first renews the authorization: a
 * new policy check and audit event; a refusal (the key was disabled, the policy changed) is thrown
 * from {@link Computation#doFinal} as the KMS error, and no MAC is released. A session stays on the
 * key it was opened on: if it was opened with an alias that now names another key, the renewal
 * fails and the session closes (open a new one).
 *
 * <p>The key material stays in the backend: a computation computes and releases MACs only.
 * Thread-safe; each {@link Computation} is for one thread at a time.
 */
public interface MacSession extends AutoCloseable {

    /** The key's ARN. */
    String keyArn();

    MacAlgorithmSpec macAlgorithm();

    /** The MAC's length in bytes. */
    int macLength();

    /**
     * A new computation, ready for a message. Throws {@link IllegalStateException} once the session
     * is closed.
     */
    Computation newComputation();

    /**
     * Whether the session was closed: by {@link #close}, or because the alias it was opened with
     * now names another key (a renewal then fails with {@code KMSInvalidStateException}).
     */
    boolean isClosed();

    /** Zeroes the session's copy of the key; computations already made may finish their messages. */
    @Override
    void close();

    /** One streaming MAC computation: {@code update}s, then {@code doFinal}, over and over. */
    interface Computation {

        void update(byte[] input, int offset, int length);

        void update(ByteBuffer input);

        /**
         * The MAC of the message fed since the last {@code doFinal} or {@code reset}; the computation
         * is then ready for the next message. Renews the session's authorization first when it no
         * longer holds, and throws the KMS error (an unchecked
         * {@link io.keywarden.kms.api.errors.KmsException}) when that is refused.
         */
        byte[] doFinal();

        /** Drops the message fed so far. */
        void reset();
    }
}
