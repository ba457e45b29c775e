package io.keywarden.provider.envelope;

import io.keywarden.kms.crypto.LocalCrypto;
import java.security.SecureRandom;

/**
 * Message ids (docs/envelope-format.md §1.1): 32 bytes of {@link LocalCrypto#secureRandom()}'s DRBG
 * output each, drawn {@value #IDS_PER_DRAW} at a time into a per-thread pool. One DRBG call costs
 * 300–650 ns whatever its length (ACCP's, the JDK's NativePRNG or DRBG alike, measured), about a
 * seventh of a cached 1 KiB message; drawing 1 KiB at once makes it about 15 ns per id. Only these
 * public values are pooled: data keys and every other secret come from the DRBG call by call.
 * A used id is zeroed in the pool, so an id is never handed out twice. Like any DRBG state kept in
 * process memory (OpenSSL's per-thread DRBGs, the JDK's DRBG), the pool is copied by a snapshot of
 * the whole virtual machine; see docs/envelope-format.md, "Known limits".
 */
final class MessageIds {

    static final int IDS_PER_DRAW = 32;

    private static final SecureRandom DRBG = LocalCrypto.secureRandom();
    private static final ThreadLocal<MessageIds> POOL = ThreadLocal.withInitial(MessageIds::new);

    private final byte[] pool = new byte[IDS_PER_DRAW * EnvelopeFormat.MESSAGE_ID_LENGTH];
    private int next = pool.length;

    private MessageIds() {
    }

    /** A fresh message id. */
    static byte[] next() {
        return POOL.get().take();
    }

    private byte[] take() {
        if (next == pool.length) {
            DRBG.nextBytes(pool);
            next = 0;
        }
        byte[] id = new byte[EnvelopeFormat.MESSAGE_ID_LENGTH];
        System.arraycopy(pool, next, id, 0, id.length);
        java.util.Arrays.fill(pool, next, next + id.length, (byte) 0);
        next += id.length;
        return id;
    }
}
