package io.keywarden.kms.crypto;

import io.keywarden.kms.api.DirectWrapAlgorithm;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.ValidationException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * <b>Keywarden extension</b>: KEYWARDEN_AES_128/192/256, imported raw AES keys (ENCRYPT_DECRYPT,
 * Origin EXTERNAL only) for the Direct* operations: AES-GCM with the caller's IV, AAD and tag
 * length, returning the raw ciphertext‖tag, and AES key wrap (RFC 3394) and key wrap with padding
 * (RFC 5649) with the raw output. Every primitive is the JDK's ({@code AES/GCM/NoPadding},
 * {@code AES/KW/NoPadding}, {@code AES/KWP/NoPadding}). These keys have no AWS KMS encryption
 * algorithm: Encrypt/Decrypt refuse them.
 */
public final class DirectAesStrategy implements KeySpecStrategy {

    /** The largest DirectEncrypt plaintext and AAD, in bytes. */
    public static final int MAX_DATA = 65536;
    /** The largest IV, in bytes. */
    public static final int MAX_IV = 1024;
    /** The largest key DirectWrapKey wraps, in bytes. */
    public static final int MAX_WRAP_INPUT = 4096;
    /** The GCM tag lengths, in bits, this strategy passes on to the JDK (which may refuse 32 and 64). */
    public static final Set<Integer> TAG_LENGTHS = Set.of(32, 64, 96, 104, 112, 120, 128);

    private static final Map<KeySpec, Integer> KEY_LENGTHS = Map.of(
            KeySpec.KEYWARDEN_AES_128, 16, KeySpec.KEYWARDEN_AES_192, 24, KeySpec.KEYWARDEN_AES_256, 32);

    @Override
    public Set<KeySpec> keySpecs() {
        return KEY_LENGTHS.keySet();
    }

    @Override
    public Set<KeyUsage> usages(KeySpec spec) {
        Checks.spec(spec, KEY_LENGTHS.keySet());
        return Set.of(KeyUsage.ENCRYPT_DECRYPT);
    }

    /** Random material of the spec's length (the engine never generates these keys: they are import-only). */
    @Override
    public GeneratedMaterial generate(KeySpec spec) {
        return new GeneratedMaterial(Checks.randomBytes(keyLength(spec)), null);
    }

    @Override
    public GeneratedMaterial importMaterial(KeySpec spec, byte[] material) {
        int n = keyLength(spec);
        if (material == null || material.length != n) {
            throw new IncorrectKeyMaterialException("Key material for " + spec + " must be " + n * 8 + " bits ("
                    + n + " bytes).");
        }
        return new GeneratedMaterial(material.clone(), null);
    }

    /** AES-GCM encryption with the caller's IV; returns ciphertext‖tag. */
    public byte[] gcmEncrypt(KeySpec spec, KeyMaterial key, byte[] iv, byte[] aad, byte[] plaintext, int tagBits) {
        Cipher c = gcm(spec, key, Cipher.ENCRYPT_MODE, iv, aad, tagBits);
        Checks.length("plaintext", plaintext, 0, MAX_DATA);
        try {
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    /** AES-GCM decryption of ciphertext‖tag; a tag that does not verify is InvalidCiphertextException. */
    public byte[] gcmDecrypt(KeySpec spec, KeyMaterial key, byte[] iv, byte[] aad, byte[] ciphertext, int tagBits) {
        Cipher c = gcm(spec, key, Cipher.DECRYPT_MODE, iv, aad, tagBits);
        Checks.length("ciphertext", ciphertext, 0, MAX_DATA + 16);
        if (ciphertext.length < tagBits / 8) {
            throw new InvalidCiphertextException("The ciphertext is shorter than its " + tagBits + "-bit tag.");
        }
        try {
            return c.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new InvalidCiphertextException("The ciphertext or its tag is not valid for this key, IV and AAD.");
        } catch (GeneralSecurityException e) {
            throw new InvalidCiphertextException("The ciphertext cannot be decrypted.");
        }
    }

    /** RFC 3394 or RFC 5649 wrap of {@code plaintextKey}; the raw output. */
    public byte[] wrap(KeySpec spec, KeyMaterial key, DirectWrapAlgorithm algorithm, byte[] plaintextKey) {
        Checks.notNull("wrappingAlgorithm", algorithm);
        Checks.length("plaintextKey", plaintextKey, 1, MAX_WRAP_INPUT);
        if (algorithm == DirectWrapAlgorithm.AES_KW && (plaintextKey.length < 16 || plaintextKey.length % 8 != 0)) {
            throw new ValidationException("AES_KW wraps keys of 16 bytes or more, a multiple of 8 bytes; "
                    + "use AES_KWP for other lengths.");
        }
        try {
            return keyWrap(spec, key, algorithm, Cipher.ENCRYPT_MODE).doFinal(plaintextKey);
        } catch (GeneralSecurityException e) {
            throw new ValidationException("The key cannot be wrapped with " + algorithm + ".");
        }
    }

    /** RFC 3394 or RFC 5649 unwrap; a failed integrity check or a malformed input is InvalidCiphertextException. */
    public byte[] unwrap(KeySpec spec, KeyMaterial key, DirectWrapAlgorithm algorithm, byte[] wrappedKey) {
        Checks.notNull("wrappingAlgorithm", algorithm);
        Checks.length("wrappedKey", wrappedKey, 1, MAX_WRAP_INPUT + 16);
        Cipher c = keyWrap(spec, key, algorithm, Cipher.DECRYPT_MODE);
        if (wrappedKey.length < 16 || wrappedKey.length % 8 != 0
                || (algorithm == DirectWrapAlgorithm.AES_KW && wrappedKey.length < 24)) {
            throw new InvalidCiphertextException("The wrapped key has an invalid length for " + algorithm + ".");
        }
        try {
            return c.doFinal(wrappedKey);
        } catch (GeneralSecurityException e) {
            throw new InvalidCiphertextException("The wrapped key does not unwrap with this key (" + algorithm + ").");
        }
    }

    private static Cipher gcm(KeySpec spec, KeyMaterial key, int mode, byte[] iv, byte[] aad, int tagBits) {
        Checks.length("iv", iv, 1, MAX_IV);
        if (aad != null) {
            Checks.length("aad", aad, 0, MAX_DATA);
        }
        if (!TAG_LENGTHS.contains(tagBits)) {
            throw new ValidationException("The tag length must be one of " + TAG_LENGTHS + " bits.");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, aesKey(spec, key), new GCMParameterSpec(tagBits, iv));
            if (aad != null && aad.length > 0) {
                c.updateAAD(aad);
            }
            return c;
        } catch (InvalidAlgorithmParameterException e) {
            throw new ValidationException("The JDK's AES-GCM does not accept this IV or a " + tagBits + "-bit tag.");
        } catch (NoSuchAlgorithmException | NoSuchPaddingException | InvalidKeyException e) {
            throw Checks.internal(e);
        }
    }

    private static Cipher keyWrap(KeySpec spec, KeyMaterial key, DirectWrapAlgorithm algorithm, int mode) {
        String name = algorithm == DirectWrapAlgorithm.AES_KW ? "AES/KW/NoPadding" : "AES/KWP/NoPadding";
        try {
            Cipher c = Cipher.getInstance(name);
            c.init(mode, aesKey(spec, key));
            return c;
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    private static SecretKeySpec aesKey(KeySpec spec, KeyMaterial key) {
        byte[] secret = Checks.secret(key);
        if (secret.length != keyLength(spec)) {
            throw new KMSInternalException("The stored key material has the wrong length.");
        }
        return new SecretKeySpec(secret, "AES");
    }

    private static int keyLength(KeySpec spec) {
        return KEY_LENGTHS.get(Checks.spec(spec, KEY_LENGTHS.keySet()));
    }
}
