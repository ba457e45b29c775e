package io.keywarden.benchmarks.envelope;

import io.keywarden.kms.crypto.LocalCrypto;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plain AES-GCM: {@code AES/GCM/NoPadding} with a plain 256-bit {@code SecretKeySpec}, a fresh random
 * 12-byte IV per message, written as {@code iv ‖ ciphertext ‖ tag}. No key management, no header, no
 * key commitment. {@link #jdk()} is the floor the targets name (the JDK's own SunJCE);
 * {@link #local()} is the cipher Keywarden's envelope runs its frames on ({@link LocalCrypto}: ACCP's
 * where its native library loads), so that the envelope's own cost can be read apart from the cipher's.
 */
final class PlainGcm implements EnvelopeSubject {

    private static final int IV = 12;

    private final SecretKeySpec key;
    private final ThreadLocal<Cipher> cipher;
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);

    private PlainGcm(Callable<Cipher> newCipher) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        key = new SecretKeySpec(k, "AES");
        cipher = ThreadLocal.withInitial(() -> {
            try {
                return newCipher.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The JDK's SunJCE AES-GCM. */
    static PlainGcm jdk() {
        return new PlainGcm(() -> Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"));
    }

    /** The AES-GCM of Keywarden's local primitives (ACCP's where it loads, else the JDK's). */
    static PlainGcm local() {
        return new PlainGcm(() -> LocalCrypto.cipher("AES/GCM/NoPadding"));
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
