package io.keywarden.kms.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Random bytes for <b>public</b> values only — AES-GCM IVs, envelope message ids — drawn
 * {@value #POOL} bytes at a time from {@link LocalCrypto#secureRandom()} into a per-thread pool. A
 * DRBG call costs 300–650 ns whatever its length (ACCP's, the JDK's NativePRNG and DRBG alike,
 * measured), as much as the rest of a cached 1 KiB envelope message's key schedule; from the pool a
 * 32-byte value costs about 15 ns. The bytes are the DRBG's own; each is handed out once (zeroed in
 * the pool as it goes). Secrets (keys, tokens) are never drawn from here. Like any DRBG state kept in
 * process memory (OpenSSL's per-thread DRBGs, the JDK's {@code DRBG}), the pool would be duplicated
 * by a snapshot-and-clone of the whole virtual machine (docs/envelope-format.md, "Known limits").
 */
public final class PublicRandom {

    /** Bytes drawn per DRBG call. */
    static final int POOL = 1024;
    /** The largest value handed out. */
    public static final int MAX_LENGTH = 64;

    private static final SecureRandom DRBG = LocalCrypto.secureRandom();
    private static final ThreadLocal<PublicRandom> LOCAL = ThreadLocal.withInitial(PublicRandom::new);

    private final byte[] pool = new byte[POOL];
    private int next = POOL;

    private PublicRandom() {
    }

    /** {@code n} fresh random bytes (1 to {@value #MAX_LENGTH}) for a public value. */
    public static byte[] next(int n) {
        if (n < 1 || n > MAX_LENGTH) {
            throw new IllegalArgumentException("1 to " + MAX_LENGTH + " bytes");
        }
        return LOCAL.get().take(n);
    }

    private byte[] take(int n) {
        if (POOL - next < n) {
            DRBG.nextBytes(pool);
            next = 0;
        }
        byte[] out = Arrays.copyOfRange(pool, next, next + n);
        Arrays.fill(pool, next, next + n, (byte) 0);
        next += n;
        return out;
    }

    @Override
    public String toString() {
        return "PublicRandom";
    }
}
