package io.keywarden.benchmarks.envelope;

import java.security.GeneralSecurityException;

/**
 * One way of encrypting a whole message with authenticated encryption: Keywarden's envelope, the
 * JDK's raw AES-GCM, the AWS Encryption SDK, Tink. Thread-safe (JCA objects are per thread).
 */
public interface EnvelopeSubject {

    /** The complete ciphertext of one new message (fresh nonce, data key or message key each time). */
    byte[] encrypt(byte[] plaintext) throws GeneralSecurityException;

    /** The plaintext of a message written by {@link #encrypt}; authentication failures throw. */
    byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException;

    /**
     * {@link #encrypt} into the caller's buffer (large enough: the plaintext's length plus 64 KiB);
     * returns the ciphertext's length. For the warm-up probe's {@code reused} output: JCA
     * {@code doFinal(in, off, len, out, outOff)} instead of an array allocated per message.
     */
    default int encryptInto(byte[] plaintext, byte[] out) throws GeneralSecurityException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " writes only into its own arrays");
    }

    /** {@link #decrypt} into the caller's buffer; returns the plaintext's length. */
    default int decryptInto(byte[] ciphertext, byte[] out) throws GeneralSecurityException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " writes only into its own arrays");
    }
}
