package io.keywarden.kms.crypto;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.KMSInternalException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SYMMETRIC_DEFAULT: 256-bit AES keys, ENCRYPT_DECRYPT, algorithm SYMMETRIC_DEFAULT (AES-256-GCM in
 * the {@link SymmetricCiphertextFormat} blob, the encryption context bound as AAD).
 */
public final class SymmetricStrategy implements KeySpecStrategy {

    /** Key length in bytes. */
    public static final int KEY_LENGTH = 32;

    private static final Set<KeySpec> SPECS = Set.of(KeySpec.SYMMETRIC_DEFAULT);

    @Override
    public Set<KeySpec> keySpecs() {
        return SPECS;
    }

    @Override
    public Set<KeyUsage> usages(KeySpec spec) {
        Checks.spec(spec, SPECS);
        return Set.of(KeyUsage.ENCRYPT_DECRYPT);
    }

    @Override
    public List<EncryptionAlgorithmSpec> encryptionAlgorithms(KeySpec spec, KeyUsage usage) {
        Checks.spec(spec, SPECS);
        return usage == KeyUsage.ENCRYPT_DECRYPT ? List.of(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT) : List.of();
    }

    @Override
    public GeneratedMaterial generate(KeySpec spec) {
        Checks.spec(spec, SPECS);
        return new GeneratedMaterial(Checks.randomBytes(KEY_LENGTH), null);
    }

    @Override
    public GeneratedMaterial importMaterial(KeySpec spec, byte[] material) {
        Checks.spec(spec, SPECS);
        if (material == null || material.length != KEY_LENGTH) {
            throw new IncorrectKeyMaterialException("Key material for SYMMETRIC_DEFAULT must be 256 bits (32 bytes).");
        }
        return new GeneratedMaterial(material.clone(), null);
    }

    @Override
    public int maxPlaintextLength(KeySpec spec, EncryptionAlgorithmSpec algorithm) {
        checkAlgorithm(spec, algorithm);
        return SymmetricCiphertextFormat.MAX_PLAINTEXT;
    }

    @Override
    public byte[] encrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, byte[] plaintext,
            Map<String, String> encryptionContext) {
        checkAlgorithm(spec, algorithm);
        Checks.length("plaintext", plaintext, 1, SymmetricCiphertextFormat.MAX_PLAINTEXT);
        return SymmetricCiphertextFormat.seal(aesKey(key), key.keyId(), key.version(), plaintext, encryptionContext);
    }

    @Override
    public byte[] decrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, byte[] ciphertext,
            Map<String, String> encryptionContext) {
        checkAlgorithm(spec, algorithm);
        Checks.length("ciphertextBlob", ciphertext, 1, 6144);
        return SymmetricCiphertextFormat.open(aesKey(key), key.keyId(), key.version(), ciphertext, encryptionContext);
    }

    private static void checkAlgorithm(KeySpec spec, EncryptionAlgorithmSpec algorithm) {
        Checks.spec(spec, SPECS);
        if (algorithm != null && algorithm != EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT) {
            throw Checks.algorithm(algorithm, spec);
        }
    }

    private static byte[] aesKey(KeyMaterial key) {
        byte[] secret = Checks.secret(key);
        if (secret.length != KEY_LENGTH) {
            throw new KMSInternalException("The stored key material has the wrong length.");
        }
        return secret;
    }
}
