package io.keywarden.kms.store;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM. A sealed value is {@code 0x01 || nonce (12 random bytes) ||
 * ciphertext || tag (16 bytes)}; the AAD is the canonical encoding of {@code "keywarden/v1/seal"},
 * the table and the row's identity, so a sealed value moved to another row does not open.
 */
final class Sealer {

    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    Sealer(byte[] key) {
        this.key = key;
    }

    static byte[] aad(String table, Object... identity) {
        Object[] all = new Object[identity.length + 2];
        all[0] = "keywarden/v1/seal";
        all[1] = table;
        System.arraycopy(identity, 0, all, 2, identity.length);
        return Canonical.encode(all);
    }

    byte[] seal(byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[1 + NONCE + ct.length];
            out[0] = FORMAT;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(ct, 0, out, 1 + NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens a sealed value; throws {@link GeneralSecurityException} if it was altered or moved. */
    byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed == null || sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new GeneralSecurityException("malformed sealed value");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
        c.updateAAD(aad);
        return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
    }

    void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
