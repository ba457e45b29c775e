package io.keywarden.provider.envelope;

import io.keywarden.kms.crypto.LocalCrypto;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * The JCA objects the envelope code uses, one set per thread so that a message does not pay for
 * provider look-ups: AES-GCM for frames, from {@link LocalCrypto} (ACCP's where its native library
 * loads: twice the JDK 17's speed on 1 KiB frames, three times on 64 KiB, and no JIT warm-up);
 * the JDK's HmacSHA256 for the key schedule and SHA-256 (on these short inputs the JDK's SHA
 * intrinsics beat a JNI call and ACCP's per-key HMAC set-up); and a scratch buffer where a frame is
 * decrypted before its plaintext is released. Every use is complete within one method call (init,
 * input, doFinal), so sharing them between the messages of a thread is safe; the scratch buffer is
 * zeroed after each use by its user, and one larger than {@value #MAX_KEPT_SCRATCH} bytes is not kept.
 */
final class LocalPrimitives {

    static final int MAX_KEPT_SCRATCH = 1 << 20;

    private static final ThreadLocal<LocalPrimitives> LOCAL = ThreadLocal.withInitial(LocalPrimitives::new);

    final Cipher gcm;
    final Mac hmacSha256;
    final MessageDigest sha256;
    private byte[] scratch = new byte[0];

    private LocalPrimitives() {
        try {
            gcm = LocalCrypto.cipher("AES/GCM/NoPadding");
            hmacSha256 = Mac.getInstance("HmacSHA256");
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM, HmacSHA256 or SHA-256 is unavailable", e);
        }
    }

    static LocalPrimitives local() {
        return LOCAL.get();
    }

    /** A fresh AES-GCM cipher (for callers that must not share one, see {@link FrameCipher}). */
    static Cipher newGcm() {
        try {
            return LocalCrypto.cipher("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is unavailable", e);
        }
    }

    /** A buffer of at least {@code n} bytes; the caller zeroes what it wrote before returning. */
    byte[] scratch(int n) {
        if (scratch.length >= n) {
            return scratch;
        }
        byte[] b = new byte[n];
        if (n <= MAX_KEPT_SCRATCH) {
            scratch = b;
        }
        return b;
    }

    /** SHA-256 of {@code a ‖ b}. */
    byte[] sha256(byte[] a, byte[] b) {
        sha256.reset();
        sha256.update(a);
        sha256.update(b);
        return sha256.digest();
    }

    @Override
    public String toString() {
        return "LocalPrimitives[" + Arrays.asList(gcm.getProvider().getName(), hmacSha256.getProvider().getName()) + "]";
    }
}
