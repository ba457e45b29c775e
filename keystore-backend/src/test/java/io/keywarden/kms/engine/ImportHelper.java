package io.keywarden.kms.engine;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.ImportKeyMaterialResponse;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.crypto.ImportWrapping;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;

/** The client side of BYOK for tests: import parameters, wrapping, and key material made with the JDK. */
final class ImportHelper {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ImportHelper() {
    }

    /** What GetParametersForImport handed out, with the wrapping public key decoded. */
    record Params(String keyId, AlgorithmSpec algorithm, byte[] token, PublicKey wrappingKey) {

        /** The material wrapped client-side for this token, as ImportKeyMaterial expects it. */
        byte[] wrap(byte[] material) {
            return ImportWrapping.wrap(algorithm, wrappingKey, material);
        }

        /** An ImportKeyMaterial request for this token that never expires. */
        ImportKeyMaterialRequest request(byte[] material) {
            return ImportKeyMaterialRequest.builder().keyId(keyId).importToken(token)
                    .encryptedKeyMaterial(wrap(material)).build();
        }
    }

    static Params params(KmsBackend kms, String keyId, AlgorithmSpec algorithm, WrappingKeySpec spec) {
        GetParametersForImportResponse r = kms.getParametersForImport(GetParametersForImportRequest.builder()
                .keyId(keyId).wrappingAlgorithm(algorithm).wrappingKeySpec(spec).build());
        return new Params(keyId, algorithm, r.importToken(), rsaPublicKey(r.publicKey()));
    }

    /** Default parameters: RSA_AES_KEY_WRAP_SHA_256 under an RSA_2048 wrapping key (fits any material). */
    static Params params(KmsBackend kms, String keyId) {
        return params(kms, keyId, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, WrappingKeySpec.RSA_2048);
    }

    /** GetParametersForImport, wrap, ImportKeyMaterial (material that does not expire). */
    static ImportKeyMaterialResponse importMaterial(KmsBackend kms, String keyId, byte[] material) {
        return kms.importKeyMaterial(params(kms, keyId).request(material));
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 of a new ECC_NIST_P256 private key, as ImportKeyMaterial takes it. */
    static byte[] p256Pkcs8() {
        return ecKeyPair("secp256r1").getPrivate().getEncoded();
    }

    static PublicKey rsaPublicKey(byte[] x509) {
        return publicKey("RSA", x509);
    }

    static PublicKey publicKey(String algorithm, byte[] x509) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
