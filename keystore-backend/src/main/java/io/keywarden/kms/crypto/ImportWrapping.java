package io.keywarden.kms.crypto;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key material import (GetParametersForImport / ImportKeyMaterial): RSA wrapping key pairs and
 * the wrapping algorithms. RSAES_OAEP_SHA_1/256 encrypt the material directly (OAEP, MGF1 of the
 * same hash). RSA_AES_KEY_WRAP_SHA_1/256 is AWS's two-part format: an ephemeral 32-byte AES key
 * under RSA-OAEP (as long as the modulus), then the material under AES Key Wrap with Padding
 * (RFC 5649). RSAES_PKCS1_V1_5 is refused, as AWS KMS no longer accepts it. Material that cannot
 * be unwrapped is an InvalidCiphertextException, as in AWS KMS's ImportKeyMaterial; whether the
 * unwrapped material fits the key is the strategy's IncorrectKeyMaterialException.
 */
public final class ImportWrapping {

    /** The ephemeral AES key length of RSA_AES_KEY_WRAP_*. */
    public static final int AES_KEY_LENGTH = 32;

    private static final String UNWRAP_FAILED = "KMS could not decrypt the encrypted key material.";

    private ImportWrapping() {
    }

    /** A new RSA wrapping key pair (public exponent 65537). */
    public static KeyPair newWrappingKeyPair(WrappingKeySpec spec) {
        Checks.notNull("wrappingKeySpec", spec);
        int bits = switch (spec) {
            case RSA_2048 -> 2048;
            case RSA_3072 -> 3072;
            case RSA_4096 -> 4096;
        };
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), Checks.random());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    /** Unwraps imported key material with the wrapping private key. */
    public static byte[] unwrap(AlgorithmSpec alg, PrivateKey wrappingKey, byte[] encryptedKeyMaterial) {
        OAEPParameterSpec oaep = oaep(alg);
        Checks.length("encryptedKeyMaterial", encryptedKeyMaterial, 1, 6144);
        int k = modulusBytes(wrappingKey);
        boolean keyWrap = alg == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1 || alg == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256;
        if (keyWrap ? encryptedKeyMaterial.length <= k : encryptedKeyMaterial.length != k) {
            throw new InvalidCiphertextException(UNWRAP_FAILED);
        }
        byte[] aesKey = null;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, wrappingKey, oaep);
            if (!keyWrap) {
                return rsa.doFinal(encryptedKeyMaterial);
            }
            aesKey = rsa.doFinal(encryptedKeyMaterial, 0, k);
            if (aesKey.length != AES_KEY_LENGTH) {
                throw new InvalidCiphertextException(UNWRAP_FAILED);
            }
            Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
            kwp.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
            return kwp.doFinal(encryptedKeyMaterial, k, encryptedKeyMaterial.length - k);
        } catch (GeneralSecurityException e) {
            throw new InvalidCiphertextException(UNWRAP_FAILED);
        } finally {
            if (aesKey != null) {
                Arrays.fill(aesKey, (byte) 0);
            }
        }
    }

    /** The client side: wraps key material for import under the wrapping public key. */
    public static byte[] wrap(AlgorithmSpec alg, PublicKey wrappingPublicKey, byte[] material) {
        OAEPParameterSpec oaep = oaep(alg);
        Checks.length("material", material, 1, 8192);
        int k = modulusBytes(wrappingPublicKey);
        boolean keyWrap = alg == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1 || alg == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256;
        int hashLength = alg == AlgorithmSpec.RSAES_OAEP_SHA_1 || alg == AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1 ? 20 : 32;
        if (!keyWrap && material.length > k - 2 * hashLength - 2) {
            throw new ValidationException("The key material is too long for " + alg + "; use an RSA_AES_KEY_WRAP algorithm.");
        }
        byte[] aesKey = null;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, wrappingPublicKey, oaep, Checks.random());
            if (!keyWrap) {
                return rsa.doFinal(material);
            }
            aesKey = Checks.randomBytes(AES_KEY_LENGTH);
            byte[] wrappedKey = rsa.doFinal(aesKey);
            Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
            kwp.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
            byte[] wrappedMaterial = kwp.doFinal(material);
            return ByteBuffer.allocate(wrappedKey.length + wrappedMaterial.length)
                    .put(wrappedKey).put(wrappedMaterial).array();
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        } finally {
            if (aesKey != null) {
                Arrays.fill(aesKey, (byte) 0);
            }
        }
    }

    private static OAEPParameterSpec oaep(AlgorithmSpec alg) {
        Checks.notNull("wrappingAlgorithm", alg);
        return switch (alg) {
            case RSAES_OAEP_SHA_1, RSA_AES_KEY_WRAP_SHA_1 ->
                    new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
            case RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_256 ->
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            case RSAES_PKCS1_V1_5 -> throw new ValidationException(
                    "The wrapping algorithm RSAES_PKCS1_V1_5 is no longer supported.");
        };
    }

    private static int modulusBytes(Key key) {
        if (!(key instanceof RSAKey rsa)) {
            throw new KMSInternalException("The wrapping key is not an RSA key.");
        }
        return (rsa.getModulus().bitLength() + 7) / 8;
    }
}
