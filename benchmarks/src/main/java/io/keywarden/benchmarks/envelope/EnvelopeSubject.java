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
}
