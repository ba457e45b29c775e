package io.keywarden.kms.crypto;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cryptography of one family of key specs (symmetric, HMAC, RSA, ECC, Ed25519, ML-DSA): one
 * class per family, registered in {@link KeySpecStrategies}. The engine has checked the key's
 * state, usage and the caller before it calls a strategy; a strategy checks the algorithm against
 * the key spec and the input's size and form, and throws the KMS error types. An operation the
 * family does not have throws {@link InvalidKeyUsageException}.
 */
public interface KeySpecStrategy {

    /** The key specs of this family. */
    Set<KeySpec> keySpecs();

    /** The usages a key of this spec may be created with. */
    Set<KeyUsage> usages(KeySpec spec);

    default List<EncryptionAlgorithmSpec> encryptionAlgorithms(KeySpec spec, KeyUsage usage) {
        return List.of();
    }

    default List<SigningAlgorithmSpec> signingAlgorithms(KeySpec spec, KeyUsage usage) {
        return List.of();
    }

    default List<MacAlgorithmSpec> macAlgorithms(KeySpec spec, KeyUsage usage) {
        return List.of();
    }

    default List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms(KeySpec spec, KeyUsage usage) {
        return List.of();
    }

    /** New random key material of this spec. */
    GeneratedMaterial generate(KeySpec spec);

    /**
     * Checks imported material (raw bytes for symmetric and HMAC keys, PKCS#8 DER for private keys)
     * against the spec and normalizes it; IncorrectKeyMaterialException when it does not fit.
     */
    GeneratedMaterial importMaterial(KeySpec spec, byte[] material);

    /**
     * <b>Keywarden extension</b> (not in AWS KMS): checks a DER SubjectPublicKeyInfo imported into a
     * SIGN_VERIFY key of this spec and normalizes it into a verify-only material (an empty secret
     * and the public key, see {@link GeneratedMaterial#publicOnly}). Such a key verifies and refuses
     * to sign. The default refuses: the family has no public keys.
     */
    default GeneratedMaterial importPublicKey(KeySpec spec, byte[] subjectPublicKeyInfo) {
        throw new io.keywarden.kms.api.errors.IncorrectKeyMaterialException(
                "Key spec " + spec + " cannot hold a public key only.");
    }

    /** The largest plaintext {@link #encrypt} takes for this spec and algorithm. */
    default int maxPlaintextLength(KeySpec spec, EncryptionAlgorithmSpec algorithm) {
        throw usage("encryption");
    }

    default byte[] encrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, byte[] plaintext,
            Map<String, String> encryptionContext) {
        throw usage("encryption");
    }

    default byte[] decrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, byte[] ciphertext,
            Map<String, String> encryptionContext) {
        throw usage("decryption");
    }

    default byte[] sign(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        throw usage("signing");
    }

    default boolean verify(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type,
            byte[] message, byte[] signature) {
        throw usage("verification");
    }

    /**
     * <b>Keywarden extension</b>: {@link #encrypt} with {@link RsaParameters} (null: exactly
     * {@code encrypt}). Only RSA has parameters; other families refuse them.
     */
    default byte[] encrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, RsaParameters parameters,
            byte[] plaintext, Map<String, String> encryptionContext) {
        noRsaParameters(parameters);
        return encrypt(spec, key, algorithm, plaintext, encryptionContext);
    }

    /** <b>Keywarden extension</b>: {@link #decrypt} with {@link RsaParameters} (null: exactly {@code decrypt}). */
    default byte[] decrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, RsaParameters parameters,
            byte[] ciphertext, Map<String, String> encryptionContext) {
        noRsaParameters(parameters);
        return decrypt(spec, key, algorithm, ciphertext, encryptionContext);
    }

    /** <b>Keywarden extension</b>: {@link #sign} with {@link RsaParameters} (null: exactly {@code sign}). */
    default byte[] sign(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, RsaParameters parameters,
            MessageType type, byte[] message) {
        noRsaParameters(parameters);
        return sign(spec, key, algorithm, type, message);
    }

    /** <b>Keywarden extension</b>: {@link #verify} with {@link RsaParameters} (null: exactly {@code verify}). */
    default boolean verify(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, RsaParameters parameters,
            MessageType type, byte[] message, byte[] signature) {
        noRsaParameters(parameters);
        return verify(spec, key, algorithm, type, message, signature);
    }

    default byte[] mac(KeySpec spec, KeyMaterial key, MacAlgorithmSpec algorithm, byte[] message) {
        throw usage("MAC");
    }

    /**
     * A new {@link javax.crypto.Mac} initialized with the key, for a MAC session's computations
     * (docs/engine.md, "MAC sessions"): what {@link #mac} computes, over a message of any length.
     */
    default javax.crypto.Mac newMac(KeySpec spec, KeyMaterial key, MacAlgorithmSpec algorithm) {
        throw usage("MAC");
    }

    /** ECDH with the peer's DER SubjectPublicKeyInfo; returns the raw shared secret. */
    default byte[] deriveSharedSecret(KeySpec spec, KeyMaterial key, byte[] peerPublicKey) {
        throw usage("key agreement");
    }

    private static void noRsaParameters(RsaParameters parameters) {
        if (parameters != null) {
            throw new InvalidKeyUsageException("KeywardenRsaParameters apply to RSA keys only.");
        }
    }

    private static InvalidKeyUsageException usage(String what) {
        return new InvalidKeyUsageException("This key spec does not support " + what + ".");
    }
}
