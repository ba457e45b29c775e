package io.keywarden.benchmarks.envelope;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor: the JDK's own (SunJCE) {@code AES/GCM/NoPadding} with a plain 256-bit
 * {@code SecretKeySpec}, a fresh random 12-byte IV per message, written as {@code iv ‖ ciphertext ‖ tag}.
 * No key management, no header, no key commitment.
 */
final class JdkGcm implements EnvelopeSubject {

    private static final int IV = 12;

    private final SecretKeySpec key;
    private final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(JdkGcm::newCipher);
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);

    JdkGcm() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        key = new SecretKeySpec(k, "AES");
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext) throws GeneralSecurityException {
        byte[] out = new byte[IV + plaintext.length + 16];
        encryptInto(plaintext, out);
        return out;
    }

    @Override
    public int encryptInto(byte[] plaintext, byte[] out) throws GeneralSecurityException {
        byte[] iv = new byte[IV];
        random.get().nextBytes(iv);
        System.arraycopy(iv, 0, out, 0, IV);
        Cipher c = cipher.get();
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, out, 0, IV));
        return IV + c.doFinal(plaintext, 0, plaintext.length, out, IV);
    }

    @Override
    public int decryptInto(byte[] ciphertext, byte[] out) throws GeneralSecurityException {
        Cipher c = cipher.get();
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext, 0, IV));
        return c.doFinal(ciphertext, IV, ciphertext.length - IV, out, 0);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
        Cipher c = cipher.get();
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext, 0, IV));
        return c.doFinal(ciphertext, IV, ciphertext.length - IV);
    }
}
