package io.keywarden.provider.keystore;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.crypto.ImportWrapping;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * Imports an ordinary (software) key as a new EXTERNAL key: CreateKey with the matching key spec,
 * GetParametersForImport, the material wrapped on this side ({@link ImportWrapping#wrap}), then
 * ImportKeyMaterial. AES-256 and HMAC keys are wrapped with RSAES_OAEP_SHA_256 under an RSA_2048
 * wrapping key; private keys (PKCS#8) with RSA_AES_KEY_WRAP_SHA_256 under RSA_4096. A failed import
 * schedules the half-made key for deletion. The material is never logged and is zeroed after use.
 */
final class KeyImport {

    /** What a software key becomes in the backend. */
    record Target(KeySpec keySpec, KeyUsage keyUsage, AlgorithmSpec wrapping, WrappingKeySpec wrappingKeySpec) {
    }

    private static final BigInteger SECP256K1_P =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);

    private KeyImport() {
    }

    /** Imports {@code key}; returns the new key id. */
    static String importKey(KmsBackend kms, Key key, String description) throws KeyStoreException {
        Target target = target(key);
        byte[] material = key.getEncoded();
        if (material == null) {
            throw new KeyStoreException("The " + key.getAlgorithm() + " key has no encoding to import");
        }
        String keyId;
        try {
            keyId = kms.createKey(CreateKeyRequest.builder().keySpec(target.keySpec()).keyUsage(target.keyUsage())
                    .origin(OriginType.EXTERNAL).description(description).build()).keyMetadata().keyId();
        } catch (KmsException e) {
            Arrays.fill(material, (byte) 0);
            throw io.keywarden.provider.JcaErrors.keyStore("CreateKey for the imported key", e);
        }
        try {
            GetParametersForImportResponse p = kms.getParametersForImport(GetParametersForImportRequest.builder()
                    .keyId(keyId).wrappingAlgorithm(target.wrapping()).wrappingKeySpec(target.wrappingKeySpec())
                    .build());
            PublicKey wrappingKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(p.publicKey()));
            byte[] wrapped = ImportWrapping.wrap(target.wrapping(), wrappingKey, material);
            kms.importKeyMaterial(ImportKeyMaterialRequest.builder().keyId(keyId).importToken(p.importToken())
                    .encryptedKeyMaterial(wrapped).expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                    .build());
            return keyId;
        } catch (KmsException e) {
            abandon(kms, keyId);
            throw io.keywarden.provider.JcaErrors.keyStore("Importing the key material", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            abandon(kms, keyId);
            throw new KeyStoreException("Importing the key material failed (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Schedules a key for deletion after a failed import or a later failure (7 days, the minimum). */
    static void abandon(KmsBackend kms, String keyId) {
        try {
            kms.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder().keyId(keyId).pendingWindowInDays(7).build());
        } catch (KmsException ignored) {
            // the import already failed; the half-made key stays PendingImport
        }
    }

    static Target target(Key key) throws KeyStoreException {
        if (key instanceof SecretKey) {
            if (!"RAW".equalsIgnoreCase(key.getFormat())) {
                throw new KeyStoreException("Only RAW secret keys can be imported, not format " + key.getFormat());
            }
            String alg = key.getAlgorithm();
            if (alg.equalsIgnoreCase("AES")) {
                byte[] e = key.getEncoded();
                int length = e == null ? 0 : e.length;
                if (e != null) {
                    Arrays.fill(e, (byte) 0);
                }
                if (length != 32) {
                    throw new KeyStoreException("Only AES-256 keys can be imported (SYMMETRIC_DEFAULT), not "
                            + (length * 8) + "-bit AES keys");
                }
                return new Target(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                        AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
            }
            String upper = alg.toUpperCase(java.util.Locale.ROOT);
            if (upper.matches("HMACSHA(224|256|384|512)")) {
                return new Target(KeySpec.valueOf("HMAC_" + upper.substring(7)), KeyUsage.GENERATE_VERIFY_MAC,
                        AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
            }
            throw new KeyStoreException("Secret keys of algorithm " + alg + " cannot be imported");
        }
        if (key instanceof PrivateKey) {
            if (!"PKCS#8".equalsIgnoreCase(key.getFormat())) {
                throw new KeyStoreException("Only PKCS#8 private keys can be imported, not format " + key.getFormat());
            }
            return new Target(privateKeySpec(key), KeyUsage.SIGN_VERIFY, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256,
                    WrappingKeySpec.RSA_4096);
        }
        throw new KeyStoreException("Keys of type " + key.getClass().getName() + " cannot be imported");
    }

    private static KeySpec privateKeySpec(Key key) throws KeyStoreException {
        if (key instanceof RSAPrivateKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return switch (bits) {
                case 2048 -> KeySpec.RSA_2048;
                case 3072 -> KeySpec.RSA_3072;
                case 4096 -> KeySpec.RSA_4096;
                default -> throw new KeyStoreException("RSA keys of " + bits + " bits cannot be imported "
                        + "(2048, 3072 or 4096)");
            };
        }
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            BigInteger p = ((java.security.spec.ECFieldFp) ec.getParams().getCurve().getField()).getP();
            return switch (bits) {
                case 256 -> SECP256K1_P.equals(p) ? KeySpec.ECC_SECG_P256K1 : KeySpec.ECC_NIST_P256;
                case 384 -> KeySpec.ECC_NIST_P384;
                case 521 -> KeySpec.ECC_NIST_P521;
                default -> throw new KeyStoreException("EC keys on a " + bits + "-bit curve cannot be imported");
            };
        }
        String alg = key.getAlgorithm();
        if (alg.equalsIgnoreCase("Ed25519") || alg.equalsIgnoreCase("EdDSA")) {
            return KeySpec.ECC_NIST_EDWARDS25519;
        }
        throw new KeyStoreException("Private keys of algorithm " + alg + " cannot be imported");
    }
}
